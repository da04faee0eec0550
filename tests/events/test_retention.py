"""Cohort retention and churn, on journeys small enough to count by hand.

Minutes are after Friday 2024-03-01 09:00 UTC: ``D`` is a day, ``H`` an hour, so
``30 * D + 15 * H`` is 2024-04-01 00:00 UTC.
"""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from journeykit.events.engine import Engine
from journeykit.events.errors import UnknownEvent
from journeykit.events.log import EventLog
from journeykit.events.metrics.retention import (
    InvalidDate,
    Period,
    churn,
    parse_as_of,
    retention,
)
from tests.events.conftest import LogFactory
from tests.events.journeys import Journey, event_store

H = 60
D = 24 * H


def table(rows: list[dict[str, Any]]) -> list[tuple[str, int, int, int]]:
    """Retention rows as (cohort, customers, period, retained)."""
    return [(r["cohort"], r["customers"], r["period"], r["retained"]) for r in rows]


MONTHS: dict[str, Journey] = {
    "anna": [(0, "view", None), (40 * D, "view", None), (75 * D, "view", None)],  # Mar, Apr, May
    # Mar 31 23:59 and Apr 1 00:00: a March customer who comes back in April
    "ben": [(30 * D + 14 * H + 59, "view", None), (30 * D + 15 * H, "view", None)],
    "cem": [(30 * D + 15 * H, "view", None)],  # first seen Apr 1 00:00: the April cohort
}


def test_monthly_cohorts_split_at_midnight_utc_of_the_first(make_log: LogFactory) -> None:
    rows = retention(make_log(MONTHS))
    assert table(rows) == [
        ("2024-03-01", 2, 0, 2),
        ("2024-03-01", 2, 1, 2),
        ("2024-03-01", 2, 2, 1),
        ("2024-04-01", 1, 0, 1),
        ("2024-04-01", 1, 1, 0),  # May has begun (anna's last event): a real zero
    ]
    assert [r["rate"] for r in rows] == [1.0, 1.0, 0.5, 1.0, 0.0]


def test_periods_after_the_last_event_are_not_reported(make_log: LogFactory) -> None:
    # one event: only period 0 has begun, not 12 months of zeros
    rows = retention(make_log({"x": [(0, "view", None)]}), "month")
    assert table(rows) == [("2024-03-01", 1, 0, 1)]


def test_periods_option_cuts_the_later_periods(make_log: LogFactory) -> None:
    rows = retention(make_log(MONTHS), "month", periods=1)
    assert [(r["cohort"], r["period"]) for r in rows] == [
        ("2024-03-01", 0), ("2024-03-01", 1), ("2024-04-01", 0), ("2024-04-01", 1)
    ]  # fmt: skip


def test_iso_weeks_start_on_monday_across_the_year_end(make_log: LogFactory) -> None:
    sunday = 303 * D  # Sunday 2024-12-29 09:00
    log = make_log(
        {
            # Sun Dec 29 23:59, then Mon Dec 30 00:00: the next week (ISO week 1 of 2025)
            "xia": [(sunday + 14 * H + 59, "view", None), (sunday + 15 * H, "view", None)],
            # Mon Dec 30 and Sun Jan 5 are one week; Mon Jan 6 is the next
            "yan": [(sunday + D, "view", None), (sunday + 7 * D, "view", None),
                    (sunday + 8 * D, "view", None)],
        }
    )  # fmt: skip
    assert table(retention(log, "week")) == [
        ("2024-12-23", 1, 0, 1),
        ("2024-12-23", 1, 1, 1),
        ("2024-12-23", 1, 2, 0),
        ("2024-12-30", 1, 0, 1),
        ("2024-12-30", 1, 1, 1),
    ]


def test_days_are_utc_dates(make_log: LogFactory) -> None:
    log = make_log(
        {"x": [(0, "view", None), (14 * H + 59, "view", None), (15 * H, "view", None)],
         "y": [(2 * D, "view", None)]}
    )  # fmt: skip
    # x: Mar 1 09:00 and 23:59, then Mar 2 00:00; the log ends on Mar 3
    assert table(retention(log, "day")) == [
        ("2024-03-01", 1, 0, 1),
        ("2024-03-01", 1, 1, 1),
        ("2024-03-01", 1, 2, 0),
        ("2024-03-03", 1, 0, 1),
    ]


SIGNUPS: dict[str, Journey] = {
    "anna": [(0, "view", None), (40 * D, "signup", None), (41 * D, "buy", None),
             (70 * D, "buy", None)],  # views in Mar, signs up Apr 10, buys Apr 11 and May 10
    "ben": [(5 * D, "signup", None), (35 * D, "view", None), (65 * D, "buy", None)],
    "cem": [(0, "view", None), (10 * D, "buy", None)],  # never signs up
    "dora": [(2 * D, "buy", None), (10 * D, "signup", None)],  # buys before signing up
}  # fmt: skip


@pytest.mark.parametrize(
    ("start", "returning", "expected"),
    [
        # everyone's first event is in March; anyone active counts
        (None, None, [("2024-03-01", 4, 0, 4), ("2024-03-01", 4, 1, 2), ("2024-03-01", 4, 2, 2)]),
        # cohort by first signup: ben and dora in March, anna in April
        ("signup", None,
         [("2024-03-01", 2, 0, 2), ("2024-03-01", 2, 1, 1), ("2024-03-01", 2, 2, 1),
          ("2024-04-01", 1, 0, 1), ("2024-04-01", 1, 1, 1)]),
        # cohort by first event; coming back means buying
        (None, "buy", [("2024-03-01", 4, 0, 2), ("2024-03-01", 4, 1, 1), ("2024-03-01", 4, 2, 2)]),
        # dora's March purchase counts for period 0 although it precedes her signup
        ("signup", "buy",
         [("2024-03-01", 2, 0, 1), ("2024-03-01", 2, 1, 0), ("2024-03-01", 2, 2, 1),
          ("2024-04-01", 1, 0, 1), ("2024-04-01", 1, 1, 1)]),
    ],
)  # fmt: skip
def test_start_and_return_events(
    make_log: LogFactory,
    start: str | None,
    returning: str | None,
    expected: list[tuple[str, int, int, int]],
) -> None:
    rows = retention(make_log(SIGNUPS), "month", start=start, returning=returning)
    assert table(rows) == expected


def test_unknown_return_event_suggests_a_known_one(make_log: LogFactory) -> None:
    with pytest.raises(UnknownEvent) as raised:
        retention(make_log(SIGNUPS), returning="bye")
    assert raised.value.suggestion == "buy"


CHURN: dict[str, Journey] = {
    "anna": [(0, "view", None), (10 * D, "view", None)],  # quiet since Mar 11
    "ben": [(0, "view", None), (100 * D, "view", None)],  # back on Jun 9, the last event
    "cem": [(35 * D, "view", None), (40 * D, "view", None)],  # Apr 5 to Apr 10
    "eva": [(30 * D + 15 * H, "view", None), (32 * D + 15 * H, "view", None)],  # Apr 1 to 3
    "dan": [(95 * D, "view", None)],  # first seen Jun 4: too new for 30 days
}


def test_churn_by_cohort_month_as_of_the_last_event(make_log: LogFactory) -> None:
    assert churn(make_log(CHURN), 30 * 86400) == [
        {"cohort": "2024-03-01", "customers": 2, "too_new": 0, "churned": 1, "churn_rate": 0.5,
         "median_days_active": 10.0},
        {"cohort": "2024-04-01", "customers": 2, "too_new": 0, "churned": 2, "churn_rate": 1.0,
         "median_days_active": 3.5},
        {"cohort": "2024-06-01", "customers": 0, "too_new": 1, "churned": 0, "churn_rate": None,
         "median_days_active": None},
        {"cohort": "all", "customers": 4, "too_new": 1, "churned": 3, "churn_rate": 0.75,
         "median_days_active": 5.0},
    ]  # fmt: skip


def test_churn_as_of_ignores_later_events(make_log: LogFactory) -> None:
    as_of = dt.datetime(2024, 4, 15, tzinfo=dt.UTC)
    # ben's return in June has not happened yet; cem and eva started within 30 days; dan
    # is not a customer yet
    assert churn(make_log(CHURN), 30 * 86400, as_of) == [
        {"cohort": "2024-03-01", "customers": 2, "too_new": 0, "churned": 2, "churn_rate": 1.0,
         "median_days_active": 5.0},
        {"cohort": "2024-04-01", "customers": 0, "too_new": 2, "churned": 0, "churn_rate": None,
         "median_days_active": None},
        {"cohort": "all", "customers": 2, "too_new": 2, "churned": 2, "churn_rate": 1.0,
         "median_days_active": 5.0},
    ]  # fmt: skip


def test_churn_and_too_new_boundaries_are_inclusive_of_the_duration(make_log: LogFactory) -> None:
    log = make_log(
        {"x": [(0, "view", None), (10 * D, "view", None)], "y": [(40 * D, "view", None)]}
    )
    # x is quiet for exactly 30 days as of y's event: churned; a minute more is needed for 30d1m
    assert churn(log, 30 * 86400)[-1]["churned"] == 1
    assert churn(log, 30 * 86400 + 60)[-1]["churned"] == 0
    # x's first event is exactly 40 days back: old enough to judge (y is not)
    assert churn(log, 40 * 86400)[-1] == {
        "cohort": "all", "customers": 1, "too_new": 1, "churned": 0, "churn_rate": 0.0,
        "median_days_active": None,
    }  # fmt: skip


@pytest.mark.parametrize(
    ("text", "moment"),
    [
        ("2024-07-01", dt.datetime(2024, 7, 1, tzinfo=dt.UTC)),
        ("2024-07-01T12:30", dt.datetime(2024, 7, 1, 12, 30, tzinfo=dt.UTC)),
        ("2024-07-01T12:30+02:00", dt.datetime(2024, 7, 1, 10, 30, tzinfo=dt.UTC)),
    ],
)
def test_as_of_dates(text: str, moment: dt.datetime) -> None:
    parsed = parse_as_of(text)
    assert parsed == moment and parsed.utcoffset() == dt.timedelta(0)


def test_as_of_without_offset_is_utc_on_any_machine(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    try:
        assert parse_as_of("2024-07-01") == dt.datetime(2024, 7, 1, tzinfo=dt.UTC)
    finally:
        monkeypatch.undo()
        time.tzset()


@pytest.mark.parametrize("text", ["", "gestern", "01.07.2024", "2024-13-01"])
def test_bad_as_of_dates(text: str) -> None:
    with pytest.raises(InvalidDate):
        parse_as_of(text)


journeys = st.dictionaries(
    st.sampled_from([f"c{i}" for i in range(10)]),
    st.lists(
        st.tuples(st.integers(0, 120 * D).map(float), st.sampled_from(["view", "buy"]), st.none()),
        min_size=1,
        max_size=6,
    ),
    min_size=1,
    max_size=6,
)


@settings(max_examples=30, deadline=None)
@given(journeys, st.sampled_from(["day", "week", "month"]), st.integers(0, 60).map(float))
def test_laws(data: dict[str, Journey], period: Period, after_days: float) -> None:
    folder = Path(tempfile.mkdtemp(prefix="jk-retention-"))
    event_store(folder, data)
    log = EventLog.of(Engine.for_workspace(folder))
    try:
        rows = retention(log, period, periods=40)
        assert all(0 <= r["retained"] <= r["customers"] for r in rows)
        # with any event as start and return, the first event itself retains period 0
        assert [r["rate"] for r in rows if r["period"] == 0] == [1.0] * len(
            {r["cohort"] for r in rows}
        )
        cohort_sizes = {r["cohort"]: r["customers"] for r in rows}
        assert sum(cohort_sizes.values()) == len(data)
        summary = churn(log, after_days * 86400)[-1]
        assert summary["customers"] + summary["too_new"] == len(data)
        assert 0 <= summary["churned"] <= summary["customers"]
    finally:
        log.engine.close()
        shutil.rmtree(folder, ignore_errors=True)
