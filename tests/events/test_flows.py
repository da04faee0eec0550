"""Flows through journeys: Sankey steps, the phase funnel, time between events, channel switches.

Every hand-checked test runs on DuckDB and on Spark (``make_log``); the laws run on generated
logs on DuckDB, as in ``test_properties``.
"""

from __future__ import annotations

import tempfile
from collections import Counter, defaultdict
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from journeykit.events.engine import Engine
from journeykit.events.errors import UnknownEvent
from journeykit.events.log import EventLog
from journeykit.events.metrics.funnel import funnel
from journeykit.events.metrics.phases import phases
from journeykit.events.metrics.sankey import InvalidSteps, UnknownLabel, sankey
from journeykit.events.metrics.switches import channel_switches
from journeykit.events.metrics.timing import timing
from journeykit.events.rules import Rule, TouchpointRules
from journeykit.model.touchpoint import EventMatch
from tests.events.conftest import LogFactory
from tests.events.journeys import Journey, event_store


def rules(**phase_of: str) -> TouchpointRules:
    """Each event name (keyword) to a phase, with touchpoint ``tp-<event>``."""
    return TouchpointRules(
        rules=[
            Rule(match=EventMatch(events=[event]), touchpoint=f"tp-{event}", phase=phase)
            for event, phase in phase_of.items()
        ]
    )


# ---- Sankey -------------------------------------------------------------------------------

SHOP: dict[str, Journey] = {
    "anna": [(0, "view", "web"), (5, "cart", "web"), (10, "buy", "web"), (20, "mail", "email")],
    "ben": [(0, "view", "web"), (60, "view", "email"), (70, "buy", "web")],
    "cem": [(0, "cart", "web"), (1, "view", None)],
    "dora": [(0, "view", "web"), (5, "cart", "web")],
}


def test_sankey_by_event_counts_customers_per_step_and_link(make_log: LogFactory) -> None:
    flows = sankey(make_log(SHOP), steps=3)
    # anna's fourth event is cut off; dora and cem end after step 2
    assert flows["nodes"] == [
        {"id": "1:view", "step": 1, "label": "view", "customers": 3},
        {"id": "1:cart", "step": 1, "label": "cart", "customers": 1},
        {"id": "2:cart", "step": 2, "label": "cart", "customers": 2},  # anna, dora
        {"id": "2:view", "step": 2, "label": "view", "customers": 2},  # ben, cem
        {"id": "3:buy", "step": 3, "label": "buy", "customers": 2},  # anna, ben
    ]
    assert flows["links"] == [
        {"source": "1:view", "target": "2:cart", "customers": 2},
        {"source": "1:cart", "target": "2:view", "customers": 1},
        {"source": "1:view", "target": "2:view", "customers": 1},
        {"source": "2:cart", "target": "3:buy", "customers": 1},
        {"source": "2:view", "target": "3:buy", "customers": 1},
    ]


def test_sankey_labels_a_step_without_channel_none(make_log: LogFactory) -> None:
    flows = sankey(make_log(SHOP), steps=2, by="channel")
    assert [(n["id"], n["customers"]) for n in flows["nodes"]] == [
        ("1:web", 4),
        ("2:web", 2),  # anna's and dora's carts
        ("2:(none)", 1),  # cem's view has no channel
        ("2:email", 1),
    ]
    assert [(x["source"], x["target"], x["customers"]) for x in flows["links"]] == [
        ("1:web", "2:web", 2),
        ("1:web", "2:(none)", 1),
        ("1:web", "2:email", 1),
    ]


def test_sankey_by_touchpoint_and_phase_uses_the_rules(make_log: LogFactory) -> None:
    log = make_log(SHOP, rules(view="awareness", buy="acquisition"))
    by_touchpoint = sankey(log, steps=1, by="touchpoint")
    assert [(n["id"], n["customers"]) for n in by_touchpoint["nodes"]] == [
        ("1:tp-view", 3),
        ("1:(none)", 1),  # cem starts with a cart, which no rule maps
    ]
    assert by_touchpoint["links"] == []  # one step has nowhere to go
    by_phase = sankey(log, steps=3, by="phase")
    assert [(x["source"], x["target"], x["customers"]) for x in by_phase["links"]] == [
        ("1:awareness", "2:(none)", 2),
        ("1:(none)", "2:awareness", 1),
        ("1:awareness", "2:awareness", 1),
        ("2:(none)", "3:acquisition", 1),
        ("2:awareness", "3:acquisition", 1),
    ]


def test_sankey_refuses_unknown_labels_and_no_steps(make_log: LogFactory) -> None:
    log = make_log(SHOP)
    with pytest.raises(UnknownLabel) as raised:
        sankey(log, by="phases")
    assert raised.value.hint == "did you mean 'phase'?"
    with pytest.raises(InvalidSteps):
        sankey(log, steps=0)


# ---- Phase funnel -------------------------------------------------------------------------

PHASED: dict[str, Journey] = {
    "anna": [(0, "view", "web"), (30, "view", "web"), (35, "cart", "web"), (40, "buy", "web"),
             (1440, "mail", "email"), (2880, "return", "shop")],
    "ben": [(0, "view", "web"), (10, "buy", "web")],
    "cem": [(0, "cart", "web"), (20, "cart", "web")],
    "dora": [(0, "mail", "email"), (5, "note", None), (10, "survey", "email")],
    "eve": [(0, "note", None)],  # no phase at all: ignored
    "fred": [(0, "view", "web"), (90, "view", "web")],
}  # fmt: skip
PHASE_RULES = rules(
    view="awareness",
    cart="consideration",
    buy="acquisition",
    mail="loyalty",
    survey="aftersales",
    **{"return": "returns"},
)


def test_phase_funnel_by_hand(make_log: LogFactory) -> None:
    rows = phases(make_log(PHASED, PHASE_RULES))
    third, two_thirds = 0.333333333, 0.666666667
    # five customers entered the mapped journey (eve has no phased event): conversion is of 5;
    # main phases step from the previous main phase, optional ones are measured against all 5
    # (phase, customers, conversion, step_conversion, drop_off, median_seconds_in_phase)
    assert [tuple(r.values()) for r in rows] == [
        ("unawareness", 0, 0.0, 0.0, 1.0, None),
        # anna 30 min between her views, ben one view, fred 90 min: median 30 min; no main
        # phase before it, so its step is measured against everyone who entered
        ("awareness", 3, 0.6, 0.6, 0.4, 1800.0),
        # anna one cart (0 s), cem 20 min: median interpolated to 10 min
        ("consideration", 2, 0.4, two_thirds, third, 600.0),
        ("acquisition", 2, 0.4, 1.0, 0.0, 0.0),
        ("service", 0, 0.0, 0.0, 1.0, None),
        # after a main phase nobody reached, there is no step conversion
        ("loyalty", 2, 0.4, None, None, 0.0),
        ("non_retention", 0, 0.0, 0.0, 1.0, None),
        # phases outside the default set follow alphabetically, as main phases
        ("aftersales", 1, 0.2, 0.5, 0.5, 0.0),
        ("returns", 1, 0.2, 1.0, 0.0, 0.0),
    ]
    assert list(rows[0]) == [
        "phase", "customers", "conversion", "step_conversion", "drop_off",
        "median_seconds_in_phase",
    ]  # fmt: skip


def test_phase_funnel_without_phases_lists_the_default_phases_empty(
    make_log: LogFactory,
) -> None:
    rows = phases(make_log(SHOP))  # no rules: no event has a phase
    assert [r["phase"] for r in rows] == [
        "unawareness", "awareness", "consideration", "acquisition", "service", "loyalty",
        "non_retention",
    ]  # fmt: skip
    assert {(r["customers"], r["conversion"], r["step_conversion"]) for r in rows} == {
        (0, None, None)
    }


# ---- Time between events ------------------------------------------------------------------

TIMED: dict[str, Journey] = {
    "anna": [(0, "view", "web"), (5, "cart", "web"), (10, "buy", "web"), (20, "view", "web"),
             (30, "buy", "web")],
    "ben": [(0, "buy", "web"), (10, "view", "web"), (70, "buy", "web")],
    "cem": [(0, "view", "web"), (3, "cart", "web")],
    "eve": [(0, "view", "web"), (0, "buy", "web")],  # same minute, view written first
    "fred": [(0, "buy", "web"), (0, "view", "web")],  # same minute, buy written first
}  # fmt: skip


def test_timing_from_the_first_occurrence_to_the_first_after_it(make_log: LogFactory) -> None:
    (row,) = timing(make_log(TIMED), "view", "buy")
    # anna 10 min; ben's buy before his view does not count, 60 min; eve 0; cem never buys;
    # fred buys before he views
    assert row == {
        "from": "view", "to": "buy", "customers": 3,
        "mean_seconds": 1400.0, "median_seconds": 600.0,
        # sorted 0, 600, 3600: position 0.9 × 2 = 1.8, so 600 + 0.8 × 3000
        "p90_seconds": 3000.0,
        "min_seconds": 0.0, "max_seconds": 3600.0,
    }  # fmt: skip


def test_timing_to_the_same_event_is_the_time_to_its_second_occurrence(
    make_log: LogFactory,
) -> None:
    (row,) = timing(make_log(TIMED), "view", "view")
    assert (row["customers"], row["median_seconds"], row["max_seconds"]) == (1, 1200.0, 1200.0)


def test_timing_without_customers_and_with_unknown_events(make_log: LogFactory) -> None:
    log = make_log(TIMED)
    (row,) = timing(log, "buy", "cart")  # nobody adds to the cart after buying
    assert row["customers"] == 0
    assert {row[k] for k in ("mean_seconds", "median_seconds", "p90_seconds")} == {None}
    with pytest.raises(UnknownEvent) as raised:
        timing(log, "view", "buys")
    assert raised.value.suggestion == "buy"


# ---- Channel switches ---------------------------------------------------------------------

CHANNELS: dict[str, Journey] = {
    # web, web, email, shop, shop: the note without channel is skipped, not a break
    "anna": [(0, "view", "web"), (5, "view", "web"), (10, "mail", "email"), (15, "note", None),
             (20, "buy", "shop"), (25, "buy", "shop")],
    "ben": [(0, "mail", "email"), (60, "view", "web"), (70, "mail", "email"), (100, "view", "web")],
    "cem": [(0, "view", "web")],
    "dora": [(0, "note", None), (5, "note", None)],
}  # fmt: skip


def test_channel_switches_by_hand(make_log: LogFactory) -> None:
    assert channel_switches(make_log(CHANNELS)) == [
        # ben twice, after 60 and 30 minutes
        {"from_channel": "email", "to_channel": "web", "switches": 2, "customers": 1,
         "median_seconds": 2700.0},
        # anna after 5 minutes, ben after 10
        {"from_channel": "web", "to_channel": "email", "switches": 2, "customers": 2,
         "median_seconds": 450.0},
        # anna: from her mail to her purchase, across the note without channel
        {"from_channel": "email", "to_channel": "shop", "switches": 1, "customers": 1,
         "median_seconds": 600.0},
    ]  # fmt: skip


# ---- Laws on generated logs (DuckDB) ------------------------------------------------------

EVENTS = ["view", "cart", "buy", "mail"]
journeys = st.dictionaries(
    st.sampled_from([f"c{i}" for i in range(10)]),
    st.lists(
        st.tuples(
            st.integers(0, 300).map(float),
            st.sampled_from(EVENTS),
            st.none() | st.sampled_from(["web", "email", "shop"]),
        ),
        min_size=1,
        max_size=8,
    ),
    min_size=1,
    max_size=8,
)
GENERATED_RULES = rules(view="awareness", cart="consideration", buy="acquisition")


def in_journey_order(journey: Journey) -> Journey:
    return sorted(journey, key=lambda event: event[0])  # stable: ties keep input order


def check_sankey_laws(data: dict[str, Journey], flows: dict[str, list[dict[str, Any]]]) -> None:
    at_step: Counter[int] = Counter()
    at_node: dict[str, int] = {}
    for node in flows["nodes"]:
        at_step[node["step"]] += node["customers"]
        at_node[node["id"]] = node["customers"]
    leaving: Counter[str] = Counter()
    arriving: Counter[int] = Counter()
    for link in flows["links"]:
        assert link["source"] in at_node and link["target"] in at_node
        leaving[link["source"]] += link["customers"]
        arriving[int(link["target"].split(":")[0])] += link["customers"]
    # customers at step k are the customers with at least k events
    assert at_step == Counter({k: sum(len(v) >= k for v in data.values()) for k in at_step})
    for node_id, customers in at_node.items():
        assert leaving[node_id] <= customers  # the rest end at this node
    for step, customers in at_step.items():
        if step > 1:
            assert arriving[step] == customers


@settings(max_examples=30, deadline=None)
@given(journeys, st.integers(1, 4), st.sampled_from(["event", "channel", "phase"]), st.data())
def test_laws(data: dict[str, Journey], steps: int, by: str, draw: st.DataObject) -> None:
    with tempfile.TemporaryDirectory(prefix="jk-flows-") as folder:
        event_store(Path(folder), data, GENERATED_RULES)
        log = EventLog.of(Engine.for_workspace(Path(folder)))
        try:
            check_sankey_laws(data, sankey(log, steps, by))

            ordered = {c: in_journey_order(v) for c, v in data.items()}
            # switches per customer: channelled events - 1 - same-channel repeats
            expected = 0
            for journey in ordered.values():
                channels = [ch for _, _, ch in journey if ch is not None]
                repeats = sum(a == b for a, b in pairwise(channels))
                expected += max(len(channels) - 1 - repeats, 0)
            matrix = channel_switches(log)
            assert sum(r["switches"] for r in matrix) == expected
            assert all(0 < r["customers"] <= r["switches"] for r in matrix)
            assert all(r["from_channel"] != r["to_channel"] for r in matrix)

            # a phase's customers are those with an event of the phase
            reached: defaultdict[str, set[str]] = defaultdict(set)
            phase_of = {"view": "awareness", "cart": "consideration", "buy": "acquisition"}
            for customer, journey in data.items():
                for _, event, _ in journey:
                    if event in phase_of:
                        reached[phase_of[event]].add(customer)
            counts = {r["phase"]: r["customers"] for r in phases(log)}
            assert counts == {p: len(reached[p]) for p in counts}

            # the time between two events is what a two-step funnel measures
            source, target = draw.draw(st.sampled_from(EVENTS)), draw.draw(st.sampled_from(EVENTS))
            occurring = {e for v in data.values() for _, e, _ in v}
            if {source, target} <= occurring:
                (row,) = timing(log, source, target)
                second = funnel(log, [source, target])[1]
                assert row["customers"] == second["customers"]
                assert row["median_seconds"] == second["median_seconds_from_previous"]
                if row["customers"]:
                    assert row["min_seconds"] <= row["median_seconds"] <= row["p90_seconds"]
                    assert row["p90_seconds"] <= row["max_seconds"]
                    assert row["min_seconds"] <= row["mean_seconds"] <= row["max_seconds"]
        finally:
            log.engine.close()
