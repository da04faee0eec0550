"""Journey discovery on generated logs whose true journey is known."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from journeykit.events.engine import Engine
from journeykit.events.rules import Rule, TouchpointRules
from journeykit.insight.discovery import TooFewCustomers, discover_journey
from journeykit.insight.discovery_document import (
    DraftStepMissing,
    UnknownDraftItem,
    accept_items,
    draft_document,
    step_key,
)
from journeykit.model import EventMatch, Journey, JourneyDocument, Phase, Step, Touchpoint
from journeykit.model.base import LocalizedText
from tests.events.journeys import Journey as Trail
from tests.events.journeys import event_store

#: The true journey: (event, channel, phase, share of the previous step's customers going on).
TRUE_JOURNEY = [
    ("ad_seen", "social", "awareness", 1.0),
    ("compare_prices", "price_comparison", "awareness", 0.9),
    ("product_view", "web", "consideration", 0.85),
    ("read_reviews", "review_site", "consideration", 0.8),
    ("add_to_cart", "web", "acquisition", 0.75),
    ("checkout", "web", "acquisition", 0.4),  # the hotspot: 60 % leave at the cart
    ("parcel_delivered", "parcel", "service", 0.95),
]
NOISE = ["newsletter_click", "faq_view", "chat_open"]


def generated_log(customers: int, seed: int) -> dict[str, Trail]:
    """Customers walking the true journey with drop-offs, repeats, rare noise events and
    jittered times (steps never out of order, except a repeat of an earlier one)."""
    rng = random.Random(seed)
    trails: dict[str, Trail] = {}
    for number in range(customers):
        minute = rng.uniform(0, 1000)
        trail: Trail = []
        for index, (event, channel, _phase, going_on) in enumerate(TRUE_JOURNEY):
            if index and rng.random() > going_on:
                break
            minute += rng.uniform(1, 120)
            trail.append((minute, event, channel))
            if rng.random() < 0.2:  # looking again at what they just did
                minute += rng.uniform(0.1, 5)
                trail.append((minute, event, channel))
            if rng.random() < 0.01:  # rare side events: below the 5 % of a step
                minute += rng.uniform(0.1, 5)
                trail.append((minute, rng.choice(NOISE), "web"))
        trails[f"c{number:04d}"] = trail
    return trails


def _rules() -> TouchpointRules:
    return TouchpointRules(
        rules=[
            Rule(match=EventMatch(events=[event]), touchpoint=f"tp-{event}", phase=phase)
            for event, _c, phase, _g in TRUE_JOURNEY
        ]
    )


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    folder = tmp_path_factory.mktemp("discovery") / "ws"
    event_store(folder, generated_log(600, seed=7), _rules())
    return Engine.for_workspace(folder)


def test_discovery_recovers_the_true_steps_in_order(engine: Engine) -> None:
    found = discover_journey(engine)
    assert [s.event for s in found.steps] == [event for event, *_ in TRUE_JOURNEY]


def test_discovery_takes_phases_from_the_rules_and_channels_from_the_log(engine: Engine) -> None:
    found = discover_journey(engine)
    assert [(s.phase_id, s.channel) for s in found.steps] == [
        (phase, channel) for _e, channel, phase, _g in TRUE_JOURNEY
    ]
    assert found.phases == ("awareness", "consideration", "acquisition", "service")


def test_the_planted_drop_off_is_the_hotspot(engine: Engine) -> None:
    found = discover_journey(engine, hotspot_drop_off=0.45)
    hotspots = [item for item in found.items() if item.kind == "drop_off"]
    assert [h.step_id for h in hotspots] == ["st-add-to-cart"]
    assert 0.5 < hotspots[0].weight < 0.7
    assert "Checkout" in hotspots[0].text_en


def test_channel_switches_are_opportunities_where_customers_arrive(engine: Engine) -> None:
    found = discover_journey(engine)
    switches = {item.id: item for item in found.items() if item.kind == "switch"}
    assert switches["switch:social:price_comparison"].step_id == "st-compare-prices"
    assert switches["switch:web:parcel"].step_id == "st-parcel-delivered"
    assert all(item.lane == "opportunities" for item in switches.values())


def test_noise_below_the_share_is_no_step(engine: Engine) -> None:
    found = discover_journey(engine, min_share=0.001)
    assert {s.event for s in found.steps} >= set(NOISE)
    assert not {s.event for s in discover_journey(engine).steps} & set(NOISE)


def test_one_customer_gets_an_explanation_not_a_journey(tmp_path: Path) -> None:
    event_store(tmp_path / "ws", {"only": [(0, "a", "web"), (1, "b", "web")]})
    with pytest.raises(TooFewCustomers, match="1 customer; discovery needs at least 10"):
        discover_journey(Engine.for_workspace(tmp_path / "ws"))


def test_the_draft_is_a_valid_journey_document(engine: Engine) -> None:
    from journeykit.model.fileformat import dump_document, load_document

    doc = draft_document(discover_journey(engine), language="en")
    again = load_document(dump_document(doc, "json"), "json", "draft.json")
    steps = [step for _p, step in again.journey.steps()]
    assert [s.touchpoints[0].event_match.events for s in steps if s.touchpoints[0].event_match] == [
        [event] for event, *_ in TRUE_JOURNEY
    ]
    assert steps[1].touchpoints[0].ownership == "indirect"
    assert steps[-1].touchpoints[0].mode == "personal"


def _drawn() -> JourneyDocument:
    """A drawn map knowing only the first two steps (by the rules' touchpoint ids)."""

    def step(event: str) -> Step:
        tp = Touchpoint(id=f"tp-{event}", name=event, channel="web", mode="digital",
                        ownership="direct")  # fmt: skip
        return Step(id=f"drawn-{event}", title=event, touchpoints=[tp])

    phases = [
        Phase(id="awareness", name=LocalizedText(en="Awareness"),
              steps=[step("ad_seen"), step("compare_prices")]),
        Phase(id="acquisition", name=LocalizedText(en="Acquisition")),
    ]  # fmt: skip
    journey = Journey(id="drawn", title="Drawn", state="as_is", phases=phases)
    return JourneyDocument(format_version=1, journey=journey)


def test_accepted_steps_and_pain_points_join_the_drawn_map(engine: Engine) -> None:
    found = discover_journey(engine, hotspot_drop_off=0.45)
    accepted = [step_key("st-add-to-cart"), step_key("st-checkout"), "drop:st-add-to-cart"]
    merged = accept_items(_drawn(), found, accepted, language="en")
    layout = [(p.id, [s.id for s in p.steps]) for p in merged.journey.phases]
    assert layout == [
        ("awareness", ["drawn-ad_seen", "drawn-compare_prices"]),
        ("acquisition", ["st-add-to-cart", "st-checkout"]),
    ]
    cart = merged.journey.phases[1].steps[0]
    assert [i.text for i in cart.lanes.pain_points] == [
        next(i.text_en for i in found.items() if i.id == "drop:st-add-to-cart")
    ]
    assert cart.touchpoints[0].event_match is not None
    # accepting twice adds nothing twice
    again = accept_items(merged, found, accepted, language="en")
    assert again.journey.step_count() == merged.journey.step_count()
    assert len(again.journey.phases[1].steps[0].lanes.pain_points) == 1


def test_a_step_of_an_unknown_phase_gets_its_phase_in_order(engine: Engine) -> None:
    found = discover_journey(engine)
    merged = accept_items(_drawn(), found, [step_key("st-product-view")], language="de")
    assert [p.id for p in merged.journey.phases] == ["awareness", "consideration", "acquisition"]
    assert merged.journey.phases[1].name.text("de") == "Überlegung"


def test_items_on_the_drawn_map_attach_to_its_step(engine: Engine) -> None:
    found = discover_journey(engine)
    item = next(i for i in found.items() if i.step_id == "st-compare-prices")
    merged = accept_items(_drawn(), found, [item.id], language="en")
    drawn = merged.journey.phases[0].steps[1]
    assert drawn.id == "drawn-compare_prices"
    assert [i.text for i in getattr(drawn.lanes, item.lane)] == [item.text_en]


def test_bad_acceptances_are_explained(engine: Engine) -> None:
    found = discover_journey(engine, hotspot_drop_off=0.45)
    with pytest.raises(UnknownDraftItem, match="did you mean 'step:st-checkout'"):
        accept_items(_drawn(), found, ["step:st-checkuot"], language="en")
    with pytest.raises(DraftStepMissing, match=r"Add to cart.*not on the map"):
        accept_items(_drawn(), found, ["drop:st-add-to-cart"], language="en")
