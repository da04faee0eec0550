"""The demo event log is well-formed, deterministic, fits the demo map and tells its story."""

from __future__ import annotations

import datetime as dt
import json
import operator
import re
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa
import pytest

from journeykit.demo import DEMO_EVENT_NAMES, build_demo_document
from journeykit.demo.event_log import DEMO_ATTRIBUTES, build_demo_attributes, build_demo_events
from journeykit.events.rules import rules_from_journey
from journeykit.events.schema import RAW_EVENTS
from journeykit.events.store import EventStore
from journeykit.model import DEFAULT_PHASES, Segment

Row = dict[str, Any]
ONLINE = {"web", "price_comparison", "email", "social", "review_site"}
OFFLINE = {"phone", "parcel", "letter"}


@pytest.fixture(scope="module")
def events() -> pa.Table:
    return build_demo_events()


@pytest.fixture(scope="module")
def attributes() -> pa.Table:
    return build_demo_attributes()


@pytest.fixture(scope="module")
def journeys(events: pa.Table) -> dict[str, list[Row]]:
    """Each customer's events in time order, properties parsed."""
    by_customer: dict[str, list[Row]] = defaultdict(list)
    for row in sorted(events.to_pylist(), key=lambda r: (r["ts"], r["source_row"])):
        row["props"] = json.loads(row["properties"]) if row["properties"] else {}
        by_customer[row["customer_id"]].append(row)
    return dict(by_customer)


@pytest.fixture(scope="module")
def people(attributes: pa.Table) -> dict[str, Row]:
    return {row["customer_id"]: row for row in attributes.to_pylist()}


@pytest.fixture(scope="module")
def mapped(events: pa.Table, tmp_path_factory: pytest.TempPathFactory) -> list[tuple[Any, ...]]:
    """(phase, touchpoint) of every event, as the store maps it with the demo map's rules."""
    folder: Path = tmp_path_factory.mktemp("demo-events")
    store = EventStore(folder)
    store.add(events, rules=rules_from_journey(build_demo_document()))
    with duckdb.connect(str(store.path), read_only=True) as con:
        return con.sql("SELECT phase, touchpoint FROM events").fetchall()


def reached(journeys: dict[str, list[Row]], test: Callable[[Row], bool]) -> float:
    """The share of customers with at least one event that passes ``test``."""
    return sum(any(test(row) for row in rows) for rows in journeys.values()) / len(journeys)


def named(name: str, **props: Any) -> Callable[[Row], bool]:
    return lambda row: (
        row["event"] == name and all(row["props"].get(k) == v for k, v in props.items())
    )


def ordered(rows: list[Row]) -> bool:
    return any(row["event"] in ("order_placed", "phone_order") for row in rows)


# --- form ------------------------------------------------------------------------------------


def test_the_log_has_exactly_the_raw_events_schema(events: pa.Table) -> None:
    assert events.schema.equals(RAW_EVENTS)


def test_source_rows_number_the_rows_in_time_order(events: pa.Table) -> None:
    rows = events.select(["ts", "source_row", "source_file"]).to_pydict()
    assert rows["source_row"] == list(range(1, events.num_rows + 1))
    assert rows["ts"] == sorted(rows["ts"])
    assert set(rows["source_file"]) == {"demo"}


def test_two_builds_are_equal() -> None:
    assert build_demo_events(300).equals(build_demo_events(300))
    assert build_demo_attributes(300).equals(build_demo_attributes(300))


def test_a_smaller_log_is_the_first_customers_of_the_larger_one(events: pa.Table) -> None:
    def stories(table: pa.Table, last: str) -> list[tuple[Any, ...]]:
        rows = table.drop_columns(["source_row"]).to_pylist()
        return [tuple(r.values()) for r in rows if r["customer_id"] <= last]

    assert stories(build_demo_events(50), "K-000050") == stories(events, "K-000050")


def test_times_are_utc_in_the_first_half_of_2024(events: pa.Table) -> None:
    times = events.column("ts").to_pylist()
    assert min(times) >= dt.datetime(2024, 1, 1, tzinfo=dt.UTC)
    assert max(times) < dt.datetime(2024, 7, 1, tzinfo=dt.UTC)
    assert all(t.utcoffset() == dt.timedelta(0) for t in times[:100])


def test_properties_are_json_objects_with_sorted_keys(events: pa.Table) -> None:
    texts = [t for t in events.column("properties").to_pylist() if t is not None]
    assert texts, "no event has properties"
    for text in texts:
        value = json.loads(text)
        assert isinstance(value, dict) and value, text
        assert list(value) == sorted(value), text


def test_a_few_thousand_customers_and_tens_of_thousands_of_events(
    events: pa.Table, attributes: pa.Table
) -> None:
    customer_ids = set(events.column("customer_id").to_pylist())
    assert len(customer_ids) >= 3000
    assert 20_000 <= events.num_rows <= 100_000
    assert all(re.fullmatch(r"K-\d{6}", c) for c in customer_ids)
    assert set(attributes.column("customer_id").to_pylist()) == customer_ids


def test_the_log_uses_exactly_the_maps_event_names(events: pa.Table) -> None:
    assert set(events.column("event").to_pylist()) == set(DEMO_EVENT_NAMES)


def test_online_and_offline_channels_are_present(events: pa.Table) -> None:
    channels = set(events.column("channel").to_pylist())
    assert channels >= ONLINE
    assert channels >= OFFLINE


# --- fit with the map ------------------------------------------------------------------------


def test_every_default_phase_appears_after_mapping(mapped: list[tuple[Any, ...]]) -> None:
    phases = {phase for phase, _ in mapped}
    assert {phase_id for phase_id, *_ in DEFAULT_PHASES} <= phases


def test_almost_every_event_maps_to_a_touchpoint(mapped: list[tuple[Any, ...]]) -> None:
    with_touchpoint = sum(touchpoint is not None for _, touchpoint in mapped)
    assert with_touchpoint / len(mapped) >= 0.95


# --- the personas ----------------------------------------------------------------------------

OPERATORS: dict[str, Callable[[Any, Any], bool]] = {
    "eq": operator.eq,
    "ne": operator.ne,
    "lt": operator.lt,
    "le": operator.le,
    "gt": operator.gt,
    "ge": operator.ge,
    "in": lambda value, wanted: value in wanted,
    "not_in": lambda value, wanted: value not in wanted,
}


def in_segment(person: Row, segment: Segment) -> bool:
    return all(OPERATORS[c.op](person[c.attribute], c.value) for c in segment.all)


def test_attributes_have_the_documented_columns(attributes: pa.Table) -> None:
    assert attributes.schema.equals(DEMO_ATTRIBUTES)
    assert attributes.num_rows == len(attributes.column("customer_id").unique())


def test_each_persona_segment_holds_a_real_share_of_customers(people: dict[str, Row]) -> None:
    for persona in build_demo_document().personas:
        assert persona.segment is not None, persona.id
        share = sum(in_segment(p, persona.segment) for p in people.values()) / len(people)
        assert 0.2 <= share <= 0.5, (persona.id, share)


def test_older_customers_call_the_hotline_and_order_by_phone(
    journeys: dict[str, list[Row]], people: dict[str, Row]
) -> None:
    def share(rows: list[list[Row]], name: str, **props: Any) -> float:
        return sum(any(named(name, **props)(r) for r in j) for j in rows) / len(rows)

    older = [j for c, j in journeys.items() if people[c]["age"] >= 60]
    younger = [j for c, j in journeys.items() if people[c]["age"] < 60]
    question = {"reason": "product_question"}
    assert share(older, "support_call", **question) > 3 * share(younger, "support_call", **question)
    first = {"order_number": 1}
    assert share(older, "phone_order", **first) > 5 * share(younger, "phone_order", **first)


def test_bargain_hunters_compare_again_after_buying(
    journeys: dict[str, list[Row]], people: dict[str, Row]
) -> None:
    def churn(test: Callable[[Row], bool]) -> float:
        buyers = [j for c, j in journeys.items() if test(people[c]) and ordered(j)]
        again = named("price_comparison_click", customer_type="returning")
        return sum(any(again(r) for r in j) for j in buyers) / len(buyers)

    bargain = churn(
        lambda p: p["basket_value"] < 100 and p["first_order_channel"] == "price_comparison"
    )
    older = churn(lambda p: p["age"] >= 60)
    assert bargain > 0.3
    assert bargain > 2 * older


def test_freight_arrives_late_far_more_often_than_parcels(journeys: dict[str, list[Row]]) -> None:
    late: dict[str, list[bool]] = defaultdict(list)
    for rows in journeys.values():
        for row in rows:
            if row["event"] == "parcel_delivered":
                late[row["props"]["shipping_method"]].append(row["props"]["on_time"] == "false")
    freight = sum(late["freight"]) / len(late["freight"])
    parcel = sum(late["parcel"]) / len(late["parcel"])
    assert freight >= 0.15
    assert freight > 4 * parcel


# --- the funnel ------------------------------------------------------------------------------


def test_the_funnel_narrows_step_by_step(journeys: dict[str, list[Row]]) -> None:
    shares = [
        reached(journeys, named(step))
        for step in (
            "price_comparison_impression",
            "price_comparison_click",
            "product_view",
            "add_to_cart",
            "order_placed",
        )
    ]
    assert shares == sorted(shares, reverse=True) and len(set(shares)) == len(shares), shares
    search, click, product, cart, order = shares
    assert search == 1.0
    assert 0.6 <= click <= 0.8
    assert 0.35 <= product <= 0.55
    assert 0.18 <= cart <= 0.32
    assert 0.08 <= order <= 0.18


def test_shipping_costs_lose_more_freight_checkouts_than_parcel_ones(
    journeys: dict[str, list[Row]],
) -> None:
    ended: dict[str, list[bool]] = defaultdict(list)
    for rows in journeys.values():
        for row, after in zip(rows, [*rows[1:], None], strict=True):
            if row["event"] == "shipping_cost_view":
                paid = after is not None and after["event"] == "payment_method_select"
                ended[row["props"]["shipping_class"]].append(not paid)
    freight = sum(ended["freight"]) / len(ended["freight"])
    parcel = sum(ended["parcel"]) / len(ended["parcel"])
    assert freight > parcel + 0.15, (freight, parcel)


def test_journeys_span_several_days_and_some_customers_order_again(
    journeys: dict[str, list[Row]],
) -> None:
    several_days = sum(len({row["ts"].date() for row in rows}) > 1 for rows in journeys.values())
    assert several_days / len(journeys) > 0.3
    buyers = [rows for rows in journeys.values() if ordered(rows)]
    again = [rows for rows in buyers if any(r["props"].get("order_number") == 2 for r in rows)]
    assert 0.05 <= len(again) / len(buyers) <= 0.3
