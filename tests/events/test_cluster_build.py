"""The log built on a cluster or warehouse equals the embedded build, table by table.

The embedded build is checked by hand elsewhere; here the same raw rows go into a raw table on
another backend (an in-memory DuckDB standing in for a warehouse, and a local Spark session),
the ordered tables are built there with :mod:`journeykit.events.cluster_build`, and every row
of every table must equal the embedded build's.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import ibis
import pyarrow as pa
import pytest

from journeykit.events import ordered
from journeykit.events.cluster_build import RawTableInvalid, build_on_backend, glob_regex
from journeykit.events.engine import Engine
from journeykit.events.log import EventLog
from journeykit.events.metrics.attribution import attribution
from journeykit.events.metrics.funnel import funnel
from journeykit.events.metrics.transitions import transitions
from journeykit.events.metrics.variants import variants
from journeykit.events.rules import Rule, TouchpointRules
from journeykit.model.touchpoint import EventMatch
from tests.events.journeys import Journey, event_store, raw_batch

# Ties in time (amy at 1), events without a channel between runs of one channel (bea), a
# session gap (bea: 40 minutes), a customer with a single event and one with no channel.
JOURNEYS: dict[str, Journey] = {
    "amy": [(1, "cart", "mail"), (1, "view", "mail"), (90, "buy", "web"), (91, "view", "web")],
    "bea": [
        (0, "view", "web"),
        (2, "search", None),
        (3, "view", "web"),
        (43, "checkout_start", "app"),
        (44, "buy", "app"),
    ],
    "cem": [(5, "view", None)],
    "dan": [(7, "ad_click", "ads"), (8, "view", "web"), (9, "ad_click", "ads"), (10, "buy", "web")],
    "eva": [(3, "view", "web"), (3, "cart", "web"), (4, "view", "web")],
}

RULES = TouchpointRules(
    rules=[
        Rule(match=EventMatch(events=["checkout_*"], syntax="glob"), touchpoint="tp-checkout"),
        Rule(
            match=EventMatch(events=["ad_.*"], syntax="regex"),
            touchpoint="tp-ads",
            phase="awareness",
        ),
        Rule(
            match=EventMatch(events=["buy"], channels=["web"]),
            touchpoint="tp-shop",
            phase="acquisition",
        ),
        Rule(match=EventMatch(events=["view"]), phase="consideration"),
    ]
)


def _plain(batch: pa.Table) -> pa.Table:
    """``batch`` with text columns plain, as a warehouse table has them."""
    schema = pa.schema(
        [f.with_type(pa.string()) if pa.types.is_dictionary(f.type) else f for f in batch.schema]
    )
    return batch.cast(schema)


def _rows(table: pa.Table, key: list[str]) -> list[dict[str, Any]]:
    """Rows in key order, times as microseconds (engines hand time zones back differently)."""
    columns = {}
    for name in table.column_names:
        column = table.column(name)
        if pa.types.is_timestamp(column.type):
            column = column.cast(pa.timestamp("us")).cast(pa.int64())
        columns[name] = column
    rows = pa.table(columns).to_pylist()
    return sorted(rows, key=lambda row: tuple(row[k] for k in key))


KEYS = {
    "events": ["cid", "pos"],
    "customers": ["cid"],
    "variants": ["variant_id"],
    "event_names": ["event_id"],
    "channels": ["channel_id"],
}


def _embedded(tmp_path: Path, rules: TouchpointRules) -> dict[str, list[dict[str, Any]]]:
    store = event_store(tmp_path / "embedded", JOURNEYS, rules)
    return {name: _rows(store.read_table(name), key) for name, key in KEYS.items()}


def _built(backend: Any) -> dict[str, list[dict[str, Any]]]:
    return {name: _rows(backend.to_pyarrow(backend.table(name)), key) for name, key in KEYS.items()}


@pytest.mark.parametrize("rules", [TouchpointRules(), RULES], ids=["no rules", "rules"])
def test_a_warehouse_build_equals_the_embedded_build(
    tmp_path: Path, rules: TouchpointRules
) -> None:
    warehouse = ibis.duckdb.connect()
    warehouse.create_table("raw_input", _plain(raw_batch(JOURNEYS)))
    build_on_backend(warehouse, "raw_input", rules)
    built, expected = _built(warehouse), _embedded(tmp_path, rules)
    for name in KEYS:
        assert built[name] == expected[name], name


def test_the_rules_give_touchpoints_and_phases_on_the_warehouse(tmp_path: Path) -> None:
    warehouse = ibis.duckdb.connect()
    warehouse.create_table("raw_input", _plain(raw_batch(JOURNEYS)))
    build_on_backend(warehouse, "raw_input", RULES)
    rows = warehouse.to_pyarrow(
        warehouse.table("events").select("touchpoint", "phase").distinct()
    ).to_pylist()
    assert {(r["touchpoint"], r["phase"]) for r in rows} == {
        ("tp-checkout", None),
        ("tp-ads", "awareness"),
        ("tp-shop", "acquisition"),
        (None, "consideration"),
        (None, None),
    }


def test_metrics_on_a_warehouse_build_equal_the_embedded_ones(tmp_path: Path) -> None:
    warehouse = ibis.duckdb.connect()
    warehouse.create_table("raw_input", _plain(raw_batch(JOURNEYS)))
    build_on_backend(warehouse, "raw_input", RULES)
    event_store(tmp_path / "embedded", JOURNEYS, RULES)
    remote, local = (
        EventLog.of(Engine(warehouse)),
        EventLog.of(Engine.for_workspace(tmp_path / "embedded")),
    )
    for metric in (
        transitions,
        lambda log: variants(log, 0),
        lambda log: funnel(log, ["view", "cart", "buy"]),
        lambda log: attribution(log, "buy", "markov").to_rows(),
    ):
        assert metric(remote) == metric(local)


def test_a_raw_table_without_source_rows_orders_ties_by_event_name() -> None:
    warehouse = ibis.duckdb.connect()
    start = dt.datetime(2024, 3, 1, tzinfo=dt.UTC)
    warehouse.create_table(
        "raw_input",
        pa.table({"customer_id": ["x", "x"], "ts": [start, start], "event": ["view", "cart"]}),
    )
    build_on_backend(warehouse, "raw_input", TouchpointRules())
    events = warehouse.to_pyarrow(warehouse.table("events").order_by("pos")).to_pylist()
    names = warehouse.to_pyarrow(warehouse.table("event_names")).to_pylist()
    by_id = {row["event_id"]: row["event"] for row in names}
    assert [by_id[row["event_id"]] for row in events] == ["cart", "view"]


def test_a_raw_table_without_a_needed_column_is_refused_with_the_nearest_name() -> None:
    warehouse = ibis.duckdb.connect()
    start = dt.datetime(2024, 3, 1, tzinfo=dt.UTC)
    warehouse.create_table(
        "raw_input", pa.table({"customer": ["x"], "ts": [start], "event": ["view"]})
    )
    with pytest.raises(RawTableInvalid, match=r"no column 'customer_id' \(did you mean 'customer'"):
        build_on_backend(warehouse, "raw_input", TouchpointRules())


def test_an_unknown_raw_table_is_named() -> None:
    with pytest.raises(RawTableInvalid, match="no table 'nowhere'"):
        build_on_backend(ibis.duckdb.connect(), "nowhere", TouchpointRules())


@pytest.mark.parametrize(
    ("pattern", "matching", "other"),
    [
        ("checkout_*", "checkout_start", "pre_checkout"),
        ("a?c", "abc", "abbc"),
        ("file.[ch]", "file.c", "fileXc"),
        ("[!a]x", "bx", "ax"),
    ],
)
def test_globs_match_as_duckdb_glob_does(pattern: str, matching: str, other: str) -> None:
    import re

    con = ibis.duckdb.connect()
    for text, expected in ((matching, True), (other, False)):
        assert bool(re.search(glob_regex(pattern), text)) is expected
        ((globbed,),) = con.raw_sql(f"SELECT '{text}' GLOB '{pattern}'").fetchall()
        assert globbed is expected


@pytest.mark.spark
def test_a_spark_build_equals_the_embedded_build(tmp_path: Path, spark_session: Any) -> None:
    for name in ordered.BUILT_TABLES:  # views left by other tests would hide the new tables
        spark_session.catalog.dropTempView(name)
    spark_session.createDataFrame(_plain(raw_batch(JOURNEYS))).createOrReplaceTempView("raw_input")
    backend = ibis.pyspark.connect(spark_session)
    try:
        build_on_backend(backend, "raw_input", RULES)
        built = _built(backend)
        engine_rows = transitions(EventLog.of(Engine(backend)))
    finally:
        for name in ordered.BUILT_TABLES:  # later tests publish views of the same names
            spark_session.sql(f"DROP TABLE IF EXISTS {name}")
    expected = _embedded(tmp_path, RULES)
    for name in KEYS:
        assert built[name] == expected[name], name
    assert engine_rows == transitions(EventLog.of(Engine.for_workspace(tmp_path / "embedded")))
