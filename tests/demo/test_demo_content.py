"""The demo map is complete, consistent, deterministic and tells the price-comparison story."""

from __future__ import annotations

import re
from collections.abc import Iterator
from statistics import mean
from typing import Any

import pytest

from journeykit.demo import DEMO_EVENT_NAMES, DEMO_SEED, build_demo_document, build_demo_draft
from journeykit.model import DEFAULT_PHASES, TEXT_LANES, JourneyDocument, Step
from journeykit.model.fileformat import (
    Format,
    document_data,
    dump_document,
    load_document,
    validate_document,
)

BUILDS = {"final": build_demo_document, "draft": build_demo_draft}
SNAKE_CASE = re.compile(r"^[a-z][a-z0-9]*(_[a-z0-9]+)*$")
RANDOM_ID = re.compile(r"^[a-z]+-[0-9a-f]{10}$")  # what model.base.new_id hands out


@pytest.fixture(scope="module")
def doc() -> JourneyDocument:
    return build_demo_document()


@pytest.fixture(scope="module")
def draft() -> JourneyDocument:
    return build_demo_draft()


def steps(doc: JourneyDocument) -> list[Step]:
    return [step for _, step in doc.journey.steps()]


def step_by_id(doc: JourneyDocument, step_id: str) -> Step:
    return next(step for step in steps(doc) if step.id == step_id)


def mean_emotion(doc: JourneyDocument, step_id: str) -> float:
    return mean(e.score for e in step_by_id(doc, step_id).lanes.emotions)


def all_ids(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "id" and isinstance(value, str):
                yield value
            yield from all_ids(value)
    elif isinstance(node, list):
        for value in node:
            yield from all_ids(value)


# --- the project and the personas ------------------------------------------------------------


def test_project_has_name_goal_full_scope_owner_and_status(doc: JourneyDocument) -> None:
    project = doc.project
    assert project is not None
    assert project.name and project.goal and project.owner
    assert project.status == "active"
    assert all([project.scope.who, project.scope.what, project.scope.where, project.scope.when])
    assert doc.journey.project_id == project.id


def test_two_or_three_personas_with_a_complete_profile(doc: JourneyDocument) -> None:
    assert 2 <= len(doc.personas) <= 3
    for persona in doc.personas:
        assert persona.scenario and persona.quote, persona.id
        assert len(persona.demographics) >= 3, persona.id
        for field in ("goals", "motivations", "challenges", "information_behaviour"):
            assert getattr(persona, field), f"{persona.id} has no {field}"
    assert doc.journey.persona_ids == [p.id for p in doc.personas]


def test_every_persona_is_a_segment_of_customer_attributes(doc: JourneyDocument) -> None:
    attributes: set[str] = set()
    for persona in doc.personas:
        assert persona.segment is not None, persona.id
        attributes |= {condition.attribute for condition in persona.segment.all}
    assert {"age", "region", "first_order_channel"} <= attributes


# --- the journey -----------------------------------------------------------------------------


def test_the_journey_is_an_as_is_map_with_a_readable_id(doc: JourneyDocument) -> None:
    assert doc.journey.state == "as_is"
    assert doc.journey.id == "preisvergleich-kauf"


def test_the_journey_has_all_default_phases_including_the_optional_ones(
    doc: JourneyDocument,
) -> None:
    assert [phase.id for phase in doc.journey.phases] == [key for key, *_ in DEFAULT_PHASES]
    optional = {phase.id for phase in doc.journey.phases if phase.optional}
    assert optional == {"unawareness", "non_retention"}


def test_every_phase_has_at_least_two_steps(doc: JourneyDocument) -> None:
    for phase in doc.journey.phases:
        assert len(phase.steps) >= 2, phase.id
    assert doc.journey.step_count() >= 14


def test_every_lane_is_filled_on_every_step(doc: JourneyDocument) -> None:
    empty = [
        (step.id, lane)
        for step in steps(doc)
        for lane in TEXT_LANES
        if not step.lanes.text_lane(lane)
    ]
    assert empty == []


def test_every_persona_feels_something_at_every_step(doc: JourneyDocument) -> None:
    persona_ids = [p.id for p in doc.personas]
    for step in steps(doc):
        assert [e.persona_id for e in step.lanes.emotions] == persona_ids, step.id
        for emotion in step.lanes.emotions:
            assert emotion.rating is not None, step.id
            if emotion.score >= 2:
                assert emotion.rating == "delighting", step.id
            if emotion.score < 0:
                assert emotion.rating == "disappointing", step.id


def test_the_emotion_curve_dips_at_hidden_costs_delivery_and_returns(
    doc: JourneyDocument,
) -> None:
    lowest = min(steps(doc), key=lambda step: mean_emotion(doc, step.id))
    assert lowest.id == "st-versandkosten-entdecken"
    for dip in ("st-versandkosten-entdecken", "st-lieferung-verfolgen", "st-ruecksendung"):
        assert mean_emotion(doc, dip) < 0, dip
        assert min(e.score for e in step_by_id(doc, dip).lanes.emotions) == -2, dip


def test_the_emotion_curve_peaks_at_the_best_price_and_fast_delivery(doc: JourneyDocument) -> None:
    for peak in ("st-bestpreis-finden", "st-lieferung-annehmen"):
        assert mean_emotion(doc, peak) > 0, peak
        assert max(e.score for e in step_by_id(doc, peak).lanes.emotions) == 2, peak


def test_touchpoints_cover_online_and_offline_channels(doc: JourneyDocument) -> None:
    touchpoints = [tp for step in steps(doc) for tp in step.touchpoints]
    channels = {tp.channel for tp in touchpoints}
    assert {"web", "price_comparison", "email", "phone", "parcel", "review_site"} <= channels
    assert {"store", "letter"} & channels
    assert {tp.mode for tp in touchpoints} == {"digital", "personal"}
    assert {tp.ownership for tp in touchpoints} == {"direct", "indirect"}
    assert all(tp.importance is not None for tp in touchpoints)
    assert {tp.importance for tp in touchpoints} >= {2, 5}
    assert all(step.touchpoints for step in steps(doc))


def test_every_digital_touchpoint_matches_events_of_the_demo_event_log(
    doc: JourneyDocument,
) -> None:
    used: list[str] = []
    for step in steps(doc):
        for touchpoint in step.touchpoints:
            if touchpoint.mode == "digital":
                assert touchpoint.event_match is not None, touchpoint.id
            if touchpoint.event_match is not None:
                assert touchpoint.event_match.events, touchpoint.id
                used.extend(touchpoint.event_match.events)
    assert list(dict.fromkeys(used)) == list(DEMO_EVENT_NAMES)
    assert len(set(DEMO_EVENT_NAMES)) == len(DEMO_EVENT_NAMES)
    assert all(SNAKE_CASE.match(name) for name in DEMO_EVENT_NAMES)


# --- research and improvement ----------------------------------------------------------------


def test_evidence_is_of_several_kinds_with_source_date_and_steps(doc: JourneyDocument) -> None:
    assert len(doc.evidence) >= 6
    kinds = {evidence.kind for evidence in doc.evidence}
    assert {"quote", "observation", "interview", "survey", "review", "analytics"} <= kinds
    for evidence in doc.evidence:
        assert evidence.source and evidence.date and evidence.step_ids, evidence.id


def test_exactly_two_hypotheses_and_decided_ones_cite_evidence(doc: JourneyDocument) -> None:
    assert len(doc.hypotheses) == 2
    for hypothesis in doc.hypotheses:
        assert hypothesis.statement and hypothesis.metric, hypothesis.id
        assert hypothesis.expected_direction is not None, hypothesis.id
        assert hypothesis.step_ids, hypothesis.id
        if hypothesis.status in {"supported", "refuted"}:
            assert hypothesis.evidence_ids, hypothesis.id
    assert {h.status for h in doc.hypotheses} == {"supported", "open"}


def test_measures_are_planned_with_the_quick_wins_first(doc: JourneyDocument) -> None:
    assert len(doc.measures) >= 4
    for measure in doc.measures:
        assert measure.owner and measure.kpi_id and measure.step_ids, measure.id
        assert measure.start_date or measure.due_date or measure.go_live_date, measure.id
        if measure.start_date and measure.due_date:
            assert measure.start_date <= measure.due_date, measure.id
    quick_wins = [m.quick_win for m in doc.measures]
    assert any(quick_wins) and not all(quick_wins)
    assert quick_wins == sorted(quick_wins, reverse=True)
    assert len({m.status for m in doc.measures}) >= 3


def test_kpis_cover_journey_phase_step_and_touchpoint(doc: JourneyDocument) -> None:
    kinds_and_scopes = {(kpi.kind, kpi.scope) for kpi in doc.kpis}
    assert {
        ("nps", "journey"),
        ("csat", "touchpoint"),
        ("ces", "step"),
        ("conversion", "phase"),
        ("drop_off", "step"),
    } <= kinds_and_scopes
    for kpi in doc.kpis:
        assert kpi.target is not None and kpi.unit, kpi.id
    assert {kpi.better for kpi in doc.kpis} == {"higher", "lower"}
    assert {m.kpi_id for m in doc.measures} <= {kpi.id for kpi in doc.kpis}


# --- one file, always the same ---------------------------------------------------------------


@pytest.mark.parametrize("name", BUILDS)
def test_every_id_is_explicit_and_readable(name: str) -> None:
    ids = list(all_ids(document_data(BUILDS[name]())))
    assert len(ids) > 200
    assert [i for i in ids if RANDOM_ID.match(i)] == []


@pytest.mark.parametrize("name", BUILDS)
def test_the_demo_names_no_real_brand(name: str) -> None:
    text = dump_document(BUILDS[name](), "yaml")
    brands = r"\b(idealo|geizhals|check24|billiger|amazon|ebay|google|paypal|dhl|hermes|obi)\b"
    assert re.findall(brands, text, flags=re.IGNORECASE) == []
    assert "PreisRadar" in text


@pytest.mark.parametrize("name", BUILDS)
def test_the_demo_validates(name: str) -> None:
    validate_document(BUILDS[name]())


@pytest.mark.parametrize("fmt", ["yaml", "json"])
@pytest.mark.parametrize("name", BUILDS)
def test_the_demo_round_trips_through_the_file_format(name: str, fmt: Format) -> None:
    doc = BUILDS[name]()
    text = dump_document(doc, fmt)
    assert load_document(text, fmt, f"demo-{name}") == doc
    assert dump_document(load_document(text, fmt), fmt) == text


@pytest.mark.parametrize("name", BUILDS)
def test_two_builds_are_equal_and_dump_to_identical_yaml(name: str) -> None:
    first, second = BUILDS[name](), BUILDS[name]()
    assert first == second
    assert dump_document(first, "yaml") == dump_document(second, "yaml")


def test_changing_one_build_leaves_the_next_build_alone() -> None:
    changed = build_demo_document()
    changed.personas.clear()
    changed.journey.phases[0].steps[0].lanes.actions.clear()
    fresh = build_demo_document()
    assert fresh.personas
    assert fresh.journey.phases[0].steps[0].lanes.actions


def test_the_story_stays_in_the_past() -> None:
    dates = re.findall(r"\b\d{4}-\d{2}-\d{2}\b", dump_document(build_demo_document(), "yaml"))
    assert dates
    assert {date[:4] for date in dates} == {"2024"}


def test_the_seed_is_a_fixed_number() -> None:
    assert isinstance(DEMO_SEED, int)
    assert DEMO_SEED == 20240315


# --- the workshop draft ----------------------------------------------------------------------


def test_the_draft_is_the_same_journey(doc: JourneyDocument, draft: JourneyDocument) -> None:
    assert draft.journey.id == doc.journey.id
    assert draft.personas == doc.personas
    assert draft.kpis == doc.kpis
    assert {s.id for s in steps(draft)} == {s.id for s in steps(doc)}
    assert draft != doc
    assert dump_document(draft, "yaml") != dump_document(doc, "yaml")


def test_the_draft_has_less_evidence_and_undecided_hypotheses(
    doc: JourneyDocument, draft: JourneyDocument
) -> None:
    assert {e.id for e in draft.evidence} < {e.id for e in doc.evidence}
    assert all(h.status == "open" and not h.evidence_ids for h in draft.hypotheses)
    assert [h.id for h in draft.hypotheses] == [h.id for h in doc.hypotheses]
    assert len(draft.measures) == len(doc.measures) - 1


def test_the_draft_names_one_step_differently(doc: JourneyDocument, draft: JourneyDocument) -> None:
    final_titles = {s.id: s.title for s in steps(doc)}
    changed = {s.id for s in steps(draft) if s.title != final_titles[s.id]}
    assert changed == {"st-versandkosten-entdecken"}


def test_the_draft_misses_one_pain_point(doc: JourneyDocument, draft: JourneyDocument) -> None:
    def pain_points(d: JourneyDocument) -> set[str]:
        return {item.id for s in steps(d) for item in s.lanes.pain_points}

    assert pain_points(doc) - pain_points(draft) == {"st-ruecksendung.pain-2"}
    assert pain_points(draft) < pain_points(doc)


def test_the_draft_has_one_step_in_another_position(
    doc: JourneyDocument, draft: JourneyDocument
) -> None:
    final_order = [s.id for s in steps(doc)]
    draft_order = [s.id for s in steps(draft)]
    assert draft_order != final_order
    moved = [i for i, (a, b) in enumerate(zip(final_order, draft_order, strict=True)) if a != b]
    assert len(moved) == 2  # two neighbours swapped places
    assert draft_order[moved[0]] == final_order[moved[1]]


def test_building_the_draft_leaves_the_final_map_alone(doc: JourneyDocument) -> None:
    build_demo_draft()
    assert build_demo_document() == doc
