"""Scores cut by the map's places, channels, personas and periods, with hand-checked values."""

from __future__ import annotations

import datetime as dt

import pytest

from journeykit.demo.shop import build_demo_document
from journeykit.feedback.errors import UnknownGrouping
from journeykit.feedback.kpis import Answer, check_grouping, compare_periods, kpis
from journeykit.feedback.places import PlaceIndex
from journeykit.feedback.settings import FeedbackSettings

PLACES = PlaceIndex.of([build_demo_document()])
SETTINGS = FeedbackSettings()


def _answer(question: str, score: float, *, day: int = 5, month: int = 3, **place: str) -> Answer:
    found = PLACES.find(place.get("at", "")) if "at" in place else None
    return Answer(
        question=question,  # type: ignore[arg-type]
        score=score,
        date=dt.date(2024, month, day),
        customer_id=place.get("customer"),
        journey_id=found.journey_id if found else None,
        phase_id=found.phase_id if found else None,
        step_id=found.step_id if found else None,
        touchpoint_id=found.touchpoint_id if found else None,
        channel=place.get("channel"),
        persona=place.get("persona"),
    )


ANSWERS = [
    # Warenkorb: 2 promoters, 1 detractor -> NPS 33.3
    _answer("nps", 10, at="tp-warenkorb", channel="web"),
    _answer("nps", 9, at="tp-warenkorb", channel="web"),
    _answer("nps", 2, at="tp-warenkorb", channel="web"),
    # Checkout: 2 detractors -> NPS -100; CSAT 1 of 2 satisfied -> 50
    _answer("nps", 3, at="tp-checkout-versand", channel="web", month=4),
    _answer("nps", 6, at="tp-checkout-versand", channel="phone", month=4),
    _answer("csat", 5, at="tp-checkout-versand", channel="phone", month=4),
    _answer("csat", 2, at="tp-checkout-versand", channel="phone", month=4),
    # No place at all
    _answer("ces", 6, month=4),
]


def _table(by: str | None) -> list[tuple[str, str, int, float | None]]:
    rows = kpis(ANSWERS, by=check_grouping(by), settings=SETTINGS, places=PLACES)
    return [(r.group, r.score.kind, r.score.responses, r.score.score) for r in rows]


def test_scores_by_touchpoint_in_map_order() -> None:
    assert _table("touchpoint") == [
        ("Warenkorb", "nps", 3, 33.3),
        ("Checkout: Versandart und Versandkosten", "nps", 2, -100.0),
        ("Checkout: Versandart und Versandkosten", "csat", 2, 50.0),
        ("(none)", "ces", 1, 6.0),
    ]


def test_scores_by_phase_and_step_use_the_map_names() -> None:
    assert _table("phase")[:2] == [("Kauf", "nps", 5, -20.0), ("Kauf", "csat", 2, 50.0)]
    assert _table("step")[0] == ("In den Warenkorb legen", "nps", 3, 33.3)


def test_scores_by_channel_and_month() -> None:
    assert _table("channel") == [
        ("phone", "nps", 1, -100.0),
        ("phone", "csat", 2, 50.0),
        ("web", "nps", 4, 0.0),
        ("(none)", "ces", 1, 6.0),
    ]
    assert _table("month") == [
        ("2024-03", "nps", 3, 33.3),
        ("2024-04", "nps", 2, -100.0),
        ("2024-04", "csat", 2, 50.0),
        ("2024-04", "ces", 1, 6.0),
    ]


def test_all_answers_without_a_grouping() -> None:
    assert _table(None) == [
        ("all", "nps", 5, -20.0),
        ("all", "csat", 2, 50.0),
        ("all", "ces", 1, 6.0),
    ]


def test_personas_by_column_and_by_segment() -> None:
    answers = [
        _answer("nps", 10, persona="Sparfuchs"),
        _answer("nps", 0, customer="K-9"),
        _answer("nps", 9, customer="K-8"),
    ]
    rows = kpis(
        answers,
        by="persona",
        settings=SETTINGS,
        places=PLACES,
        members={"pe-renate": {"K-9"}},
        persona_names={"pe-renate": "Gartenfreundin Renate"},
    )
    assert [(r.group, r.score.responses, r.score.score) for r in rows] == [
        ("Gartenfreundin Renate", 1, -100.0),
        ("Sparfuchs", 1, 100.0),
        ("(none)", 1, 100.0),
    ]


def test_the_json_row_has_exactly_the_contract_fields() -> None:
    row = kpis(ANSWERS, by=None, settings=SETTINGS, places=PLACES)[0].as_dict()
    assert list(row) == ["group", "kind", "responses", "score", "ci_low", "ci_high"]


def test_small_samples_are_flagged() -> None:
    rows = kpis(ANSWERS, by=None, settings=FeedbackSettings(min_sample=3), places=PLACES)
    assert [(r.score.kind, r.small_sample) for r in rows] == [
        ("nps", False),
        ("csat", True),
        ("ces", True),
    ]


def test_an_unknown_grouping_says_did_you_mean() -> None:
    with pytest.raises(UnknownGrouping, match="did you mean 'touchpoint'"):
        check_grouping("touchpiont")


def test_periods_are_compared_per_group() -> None:
    answers = [_answer("nps", 10, at="tp-warenkorb", month=3) for _ in range(40)] + [
        _answer("nps", 2, at="tp-warenkorb", month=4) for _ in range(40)
    ]
    (row,) = compare_periods(
        answers,
        before="2024-03",
        after="2024-04",
        period_by="month",
        by="touchpoint",
        settings=SETTINGS,
        places=PLACES,
    )
    assert (row.group, row.change.change, row.change.significant) == ("Warenkorb", -200.0, True)


def test_a_lower_ces_is_better_when_the_workspace_says_so() -> None:
    answers = (
        [_answer("ces", 6, month=3) for _ in range(20)]
        + [_answer("ces", 2, month=4) for _ in range(19)]
        + [_answer("ces", 3, month=4)]
    )
    for direction, better in (("higher_is_easier", False), ("lower_is_easier", True)):
        (row,) = compare_periods(
            answers,
            before="2024-03",
            after="2024-04",
            period_by="month",
            by=None,
            settings=FeedbackSettings(ces_direction=direction),  # type: ignore[arg-type]
            places=PLACES,
        )
        assert row.change.significant and row.better is better
