"""A small generated shop whose effects are planted, so every verdict is known in advance.

400 customers fill a cart between 1 February and 30 April 2024; half of them have big
baskets (bulky goods). Planted effects:

- drop-off after the shipping costs: big baskets 60 % before :data:`GO_LIVE`, 30 % from it
  on; small baskets 20 % throughout (``planted=False``: 40 % for everyone, always);
- delivery takes about 5 days for big baskets and 2 for small ones;
- CSAT of the delivery: 80 % satisfied among customers who opened the shipping notice,
  50 % among the others;
- NPS: big baskets 20 % promoters / 50 % detractors, small ones 50 % / 20 %.
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import pyarrow as pa

from journeykit.events.rules import RULES_FILE, rules_from_journey, write_rules
from journeykit.events.schema import RAW_EVENTS
from journeykit.events.store import EventStore
from journeykit.feedback.analysis import analyse
from journeykit.feedback.places import PlaceIndex, placed
from journeykit.feedback.records import Response
from journeykit.feedback.scores import ScoreKind
from journeykit.feedback.settings import read_settings
from journeykit.feedback.store import FeedbackStore
from journeykit.model import (
    FORMAT_VERSION,
    EventMatch,
    Journey,
    JourneyDocument,
    Kpi,
    Measure,
    Phase,
    Step,
    Touchpoint,
)
from journeykit.model.base import LocalizedText
from journeykit.model.hypothesis import Comparison, Hypothesis, HypothesisMetric, HypothesisTest
from journeykit.model.measure import MeasureControl
from journeykit.store import Workspace

JOURNEY_ID = "shop"
GO_LIVE = dt.date(2024, 3, 15)
CUSTOMERS = 400


def _touchpoint(tp_id: str, event: str) -> Touchpoint:
    return Touchpoint(
        id=tp_id, name=tp_id, channel="web", mode="digital", ownership="direct",
        event_match=EventMatch(events=[event]),
    )  # fmt: skip


def shop_document() -> JourneyDocument:
    """The map: cart → shipping costs → pay, then notice → delivery; hypotheses, measures
    and KPIs that test the planted effects."""

    def step(step_id: str, *touchpoints: Touchpoint) -> Step:
        return Step(id=step_id, title=step_id, touchpoints=list(touchpoints))

    phases = [
        Phase(
            id="acquisition",
            name=LocalizedText(en="Acquisition", de="Kauf"),
            steps=[
                step("st-cart", _touchpoint("tp-cart", "add_to_cart")),
                step("st-shipping", _touchpoint("tp-shipping", "shipping_cost_view")),
                step("st-pay", _touchpoint("tp-pay", "order_placed")),
            ],
        ),
        Phase(
            id="service",
            name=LocalizedText(en="Service", de="Nutzung"),
            steps=[
                step("st-notice", _touchpoint("tp-notice", "notice_open")),
                step("st-deliver", _touchpoint("tp-deliver", "parcel_delivered")),
                step("st-survey"),
            ],
        ),
    ]
    drop = HypothesisMetric(kind="drop_off", from_id="st-shipping", to_id="st-pay")
    hypotheses = [
        Hypothesis(
            id="hy-drop-falls",
            statement="The calculator lowers the drop-off after the shipping costs.",
            expected_direction="decrease",
            step_ids=["st-shipping"],
            test=HypothesisTest(metric=drop, compare=Comparison(by="before_after", date=GO_LIVE)),
        ),
        Hypothesis(
            id="hy-notice-pleases",
            statement="Customers who read the notice are happier with the delivery.",
            expected_direction="increase",
            test=HypothesisTest(
                metric=HypothesisMetric(kind="csat", at="tp-deliver"),
                compare=Comparison(by="touchpoint_use", touchpoint_id="tp-notice"),
            ),
        ),
        Hypothesis(
            id="hy-bulky-is-faster",
            statement="Bulky goods arrive sooner (they do not).",
            expected_direction="decrease",
            test=HypothesisTest(
                metric=HypothesisMetric(kind="time", from_id="st-pay", to_id="st-deliver"),
                compare=Comparison(by="segment", a="basket >= 250", b="basket < 250"),
            ),
        ),
        Hypothesis(
            id="hy-bulky-nps",
            statement="Customers with bulky goods recommend us less.",
            expected_direction="decrease",
            test=HypothesisTest(
                metric=HypothesisMetric(kind="nps"),
                compare=Comparison(by="segment", a="basket >= 250"),
            ),
        ),
        Hypothesis(id="hy-untested", statement="Nobody reads the footer."),
    ]
    kpis = [
        Kpi(id="kpi-drop", name="Drop-off after the shipping costs", kind="drop_off",
            scope="step", scope_id="st-shipping", target=25.0, better="lower", unit="%",
            alert_threshold=50.0),
        Kpi(id="kpi-conversion", name="Checkout conversion", kind="conversion",
            scope="phase", scope_id="acquisition", target=80.0, better="higher", unit="%"),
        Kpi(id="kpi-delivery", name="Delivery time", kind="time", scope="step",
            scope_id="st-deliver", from_id="st-pay", to_id="st-deliver", target=4.0,
            better="lower", unit="days"),
        Kpi(id="kpi-csat", name="Delivery CSAT", kind="csat", scope="touchpoint",
            scope_id="tp-deliver", target=60.0, better="higher", unit="%"),
        Kpi(id="kpi-nps", name="NPS", kind="nps", target=0.0, better="higher"),
        Kpi(id="kpi-ces", name="Effort", kind="ces", target=2.0, better="lower"),
        Kpi(id="kpi-custom", name="Team mood", kind="custom", better="higher"),
    ]  # fmt: skip
    measures = [
        Measure(
            id="me-calculator", title="Shipping cost calculator", kpi_id="kpi-drop",
            impact=4, effort=2, status="done", go_live_date=GO_LIVE,
            control=MeasureControl(segment="basket < 250"),
        ),
        Measure(id="me-feed", title="Total price in the feed", kpi_id="kpi-drop",
                impact=5, effort=2),
    ]  # fmt: skip
    return JourneyDocument(
        format_version=FORMAT_VERSION,
        journey=Journey(id=JOURNEY_ID, title="Shop", state="as_is", phases=phases),
        hypotheses=hypotheses,
        measures=measures,
        kpis=kpis,
    )


def survey_answer(day: dt.date, customer: str, question: ScoreKind, score: float) -> Response:
    """A survey answer at the delivery touchpoint."""
    return Response(
        kind="survey", date=day, customer_id=customer, touchpoint_id="tp-deliver",
        question=question, score=score,
    )  # fmt: skip


def _events(planted: bool, seed: int) -> tuple[pa.Table, pa.Table, list[Response]]:
    rng = random.Random(seed)
    rows: list[dict[str, object]] = []
    customers: dict[str, list[object]] = {"customer_id": [], "basket": []}
    answers: list[Response] = []
    start = dt.datetime(2024, 2, 1, 9, 0, tzinfo=dt.UTC)
    for number in range(1, CUSTOMERS + 1):
        cid = f"C{number:04d}"
        big = number % 2 == 0
        basket = 400.0 if big else 60.0
        customers["customer_id"].append(cid)
        customers["basket"].append(basket)
        at = start + dt.timedelta(days=rng.randrange(89), minutes=rng.randrange(600))
        after = at.date() >= GO_LIVE
        planted_drop = (0.3 if after else 0.6) if big else 0.2
        drop = planted_drop if planted else 0.4
        trail = [(at, "add_to_cart"), (at + dt.timedelta(minutes=1), "shipping_cost_view")]
        if rng.random() >= drop:
            paid = at + dt.timedelta(minutes=3)
            trail.append((paid, "order_placed"))
            read = rng.random() < 0.5
            if read:
                trail.append((paid + dt.timedelta(hours=5), "notice_open"))
            days = (5 if big else 2) + rng.uniform(-0.5, 0.5)
            delivered = paid + dt.timedelta(days=days)
            trail.append((delivered, "parcel_delivered"))
            satisfied = rng.random() < (0.8 if read else 0.5)
            score = rng.choice((4, 5)) if satisfied else rng.choice((1, 2, 3))
            day = delivered.date()
            answers.append(survey_answer(day, cid, "csat", score))
            roll = rng.random()
            promoters, detractors = (0.2, 0.5) if big else (0.5, 0.2)
            nps = 10 if roll < promoters else 3 if roll < promoters + detractors else 8
            answers.append(survey_answer(day, cid, "nps", nps))
        for when, event in trail:
            rows.append({"customer_id": cid, "ts": when, "event": event, "channel": "web",
                         "source": None, "properties": None, "source_file": "shop.csv",
                         "source_row": len(rows) + 1})  # fmt: skip
    events = pa.Table.from_pylist(rows, schema=RAW_EVENTS)
    attributes = pa.table(customers)
    return events, attributes, answers


def build_stats_shop(path: Path, *, planted: bool = True, seed: int = 7) -> Path:
    """Create the workspace at ``path``: map, event log, attributes and survey answers."""
    document = shop_document()
    with Workspace.create(path, name="Stats shop") as ws:
        ws.journeys().save(document, author="test", message="map", base_revision=None)
        rules = rules_from_journey(document)
        write_rules(path / RULES_FILE, rules)
        events, attributes, answers = _events(planted, seed)
        store = EventStore(path)
        store.add(events, rules=rules)
        store.add_attributes(attributes)
        places = PlaceIndex.of([document])
        responses = [placed(r, places.find(r.touchpoint_id or "")) for r in answers]
        FeedbackStore(path).add(analyse(responses, read_settings(path)))
    return path
