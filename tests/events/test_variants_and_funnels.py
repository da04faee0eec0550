"""Variants (whole journeys) and ordered funnels, on journeys small enough to count by hand."""

from __future__ import annotations

import pytest

from journeykit.events.errors import InvalidDuration, UnknownEvent
from journeykit.events.metrics.funnel import funnel, parse_duration
from journeykit.events.metrics.variants import variants
from tests.events.conftest import LogFactory

SHOP = {
    "anna": [(0, "view", "web"), (5, "cart", "web"), (10, "buy", "web")],
    "ben": [(0, "view", "web"), (60, "view", "email"), (70, "buy", "web")],
    "cem": [(0, "cart", "web"), (1, "view", "web")],
    "dora": [(0, "view", "web"), (5, "cart", "web"), (12, "buy", "web")],
}


def test_variants_with_shares_and_ties_ordered_by_variant(make_log: LogFactory) -> None:
    rows = variants(make_log(SHOP), top=0)
    assert rows == [
        {"variant": ["view", "cart", "buy"], "customers": 2, "share": 0.5},
        {"variant": ["cart", "view"], "customers": 1, "share": 0.25},
        {"variant": ["view", "view", "buy"], "customers": 1, "share": 0.25},
    ]


def test_top_variants_cut_ties_by_variant(make_log: LogFactory) -> None:
    rows = variants(make_log(SHOP), top=2)
    assert [r["variant"] for r in rows] == [["view", "cart", "buy"], ["cart", "view"]]


def test_funnel_counts_each_step_after_the_previous_match(make_log: LogFactory) -> None:
    rows = funnel(make_log(SHOP), ["view", "cart", "buy"])
    assert rows == [
        # everyone views; cem's view comes after his cart, so he enters but stops there
        {"step": "view", "customers": 4, "conversion": 1.0, "step_conversion": 1.0,
         "median_seconds_from_previous": None},
        {"step": "cart", "customers": 2, "conversion": 0.5, "step_conversion": 0.5,
         "median_seconds_from_previous": 300.0},
        # anna 5 min, dora 7 min after their carts
        {"step": "buy", "customers": 2, "conversion": 0.5, "step_conversion": 1.0,
         "median_seconds_from_previous": 360.0},
    ]  # fmt: skip


def test_funnel_window_counts_only_steps_soon_enough_after_entering(make_log: LogFactory) -> None:
    log = make_log(SHOP)
    # ben buys 70 minutes after his first view: inside 2h, outside 1h
    assert [r["customers"] for r in funnel(log, ["view", "buy"], window_seconds=7200)] == [4, 3]
    assert [r["customers"] for r in funnel(log, ["view", "buy"], window_seconds=3600)] == [4, 2]


def test_a_repeated_step_needs_a_second_occurrence(make_log: LogFactory) -> None:
    rows = funnel(make_log(SHOP), ["view", "view"])
    assert [r["customers"] for r in rows] == [4, 1]  # only ben views twice
    assert rows[1]["median_seconds_from_previous"] == 3600.0


def test_enters_at_the_first_occurrence_only(make_log: LogFactory) -> None:
    # x's first view is followed by nothing within the window; the later view would be
    log = make_log({"x": [(0, "view", None), (500, "view", None), (505, "buy", None)]})
    rows = funnel(log, ["view", "buy"], window_seconds=3600)
    assert [r["customers"] for r in rows] == [1, 0]


def test_unknown_funnel_step_suggests_a_known_event(make_log: LogFactory) -> None:
    with pytest.raises(UnknownEvent) as raised:
        funnel(make_log(SHOP), ["view", "byu"])
    assert raised.value.suggestion == "buy"


@pytest.mark.parametrize(
    ("text", "seconds"),
    [("30m", 1800), ("12h", 43200), ("7d", 604800), ("1w", 604800), ("1d 12h", 129600)],
)
def test_durations(text: str, seconds: float) -> None:
    assert parse_duration(text) == seconds


@pytest.mark.parametrize("text", ["", "7", "7x", "d7", "7d;drop"])
def test_bad_durations(text: str) -> None:
    with pytest.raises(InvalidDuration):
        parse_duration(text)
