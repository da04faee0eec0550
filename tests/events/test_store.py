"""The store: raw rows kept exactly, re-imports, tie order, old logs, failures, touches."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa
import pytest

from journeykit.events import store as store_module
from journeykit.events.rules import Rule, TouchpointRules
from journeykit.events.schema import RAW_EVENTS
from journeykit.events.store import EventStore
from journeykit.model.touchpoint import EventMatch
from tests.events.journeys import START, raw_batch

RAW_COLUMNS = list(RAW_EVENTS.names)


def at(minutes: float) -> dt.datetime:
    return START + dt.timedelta(minutes=minutes)


def rows(*values: tuple[Any, ...]) -> pa.Table:
    """Raw rows from (customer, minutes, event, channel, source, properties, file, row)."""
    return pa.Table.from_pylist(
        [
            dict(zip(RAW_COLUMNS, (c, at(m), e, ch, s, p, f, r), strict=True))
            for c, m, e, ch, s, p, f, r in values
        ],
        schema=RAW_EVENTS,
    )


def query(folder: Path, sql: str) -> list[tuple[Any, ...]]:
    # Through Arrow: DuckDB's own conversion of zoned times needs pytz.
    with duckdb.connect(str(folder / "events.duckdb"), read_only=True) as con:
        return [tuple(row.values()) for row in con.sql(sql).to_arrow_table().to_pylist()]


def journey(folder: Path, customer: str) -> list[str]:
    return [
        event
        for (event,) in query(
            folder,
            "SELECT n.event FROM events JOIN customers USING (cid) JOIN event_names n "
            f"USING (event_id) WHERE customer_id = '{customer}' ORDER BY pos",
        )
    ]


def test_raw_rows_come_back_exactly_as_imported(tmp_path: Path) -> None:
    batch = rows(
        ("C2", 0, "view", "web", "idealo", '{"page":"/a"}', "a.csv", 1),
        ("C1", 5, "buy", None, None, None, "a.csv", 2),
        ("C1", 1, "view", "mail", None, '{"x":1}', "b.parquet", 1),
    )
    EventStore(tmp_path).add(batch, rules=TouchpointRules())

    stored = query(tmp_path, f"SELECT {', '.join(RAW_COLUMNS)} FROM raw_events")
    expected = [tuple(r.values()) for r in batch.to_pylist()]
    assert sorted(stored, key=repr) == sorted(expected, key=repr)


def test_a_reimport_adds_only_rows_not_stored_yet(tmp_path: Path) -> None:
    store = EventStore(tmp_path)
    first = store.add(
        raw_batch({"a": [(0, "view", "web"), (5, "buy", None)]}), rules=TouchpointRules()
    )
    again = store.add(
        raw_batch({"a": [(0, "view", "web"), (9, "view", "web")], "b": [(1, "view", None)]}),
        rules=TouchpointRules(),
    )

    assert (first.added, first.already_stored, first.events, first.customers) == (2, 0, 2, 1)
    assert (again.added, again.already_stored, again.events, again.customers) == (2, 1, 4, 2)
    assert journey(tmp_path, "a") == ["view", "buy", "view"]


def test_ties_in_time_keep_the_batch_order_even_with_a_file_listed_twice(tmp_path: Path) -> None:
    # All at the same minute: only the order of the batch decides.
    batch = rows(
        ("c", 0, "one", None, None, None, "a.csv", 1),
        ("c", 0, "two", None, None, None, "a.csv", 2),
        ("c", 0, "three", None, None, None, "b.csv", 1),
        ("c", 0, "four", None, None, None, "a.csv", 1),
    )
    store = EventStore(tmp_path)
    store.add(batch, rules=TouchpointRules())
    assert journey(tmp_path, "c") == ["one", "two", "three", "four"]

    # A later import's ties come after, whatever its row numbers.
    store.add(rows(("c", 0, "five", None, None, None, "a.csv", 1)), rules=TouchpointRules())
    assert journey(tmp_path, "c") == ["one", "two", "three", "four", "five"]


def test_a_log_written_before_raw_rows_lived_in_events_is_converted(tmp_path: Path) -> None:
    # The layout before: a raw table numbering rows across imports by ``ingest``.
    with duckdb.connect(str(tmp_path / "events.duckdb")) as con:
        con.execute(
            "CREATE TABLE raw_events (customer_id VARCHAR, ts TIMESTAMPTZ, event VARCHAR, "
            "channel VARCHAR, source VARCHAR, properties VARCHAR, source_file VARCHAR, "
            "source_row BIGINT, ingest BIGINT)"
        )
        con.executemany(
            "INSERT INTO raw_events VALUES (?, ?, ?, ?, NULL, NULL, ?, ?, ?)",
            [
                ["c", at(0), "b-first", "web", "x.csv", 2, 1],
                ["c", at(0), "a-second", "web", "x.csv", 1, 2],  # a second import of x.csv
                ["d", at(3), "view", None, "x.csv", 3, 3],
            ],
        )

    result = EventStore(tmp_path).add(
        raw_batch({"c": [(0, "c-third", "mail"), (0, "b-first", "web")]}), rules=TouchpointRules()
    )

    assert (result.added, result.already_stored, result.events) == (1, 1, 4)
    assert journey(tmp_path, "c") == ["b-first", "a-second", "c-third"]
    assert query(tmp_path, "SELECT table_type FROM information_schema.tables "
                 "WHERE table_name = 'raw_events'") == [("VIEW",)]  # fmt: skip
    assert query(tmp_path, "SELECT count(*) FROM raw_events") == [(4,)]


def test_a_failed_build_leaves_the_log_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = EventStore(tmp_path)
    store.add(raw_batch({"a": [(0, "view", "web")]}), rules=TouchpointRules())

    def fail(*args: object, **kwargs: object) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(store_module, "order_rows", fail)
    with pytest.raises(RuntimeError, match="disk full"):
        store.add(raw_batch({"b": [(0, "view", "web")]}), rules=TouchpointRules())

    assert query(tmp_path, "SELECT customer_id FROM raw_events") == [("a",)]
    tables = {name for (name,) in query(tmp_path, "SELECT table_name FROM duckdb_tables()")}
    assert not {t for t in tables if t.endswith("__new")}
    assert [p.name for p in tmp_path.iterdir()] == ["events.duckdb"]  # no spill file left


def test_columns_without_values_are_computed_and_read_like_stored_ones(tmp_path: Path) -> None:
    store = EventStore(tmp_path)
    store.add(raw_batch({"a": [(0, "view", "web")]}), rules=TouchpointRules())
    generated = (
        "SELECT column_name FROM duckdb_columns() WHERE table_name = 'events' AND is_generated"
    )
    assert {c for (c,) in query(tmp_path, generated)} == {
        "ts", "source", "properties", "touchpoint", "phase",
    }  # fmt: skip
    assert query(tmp_path, "SELECT ts = make_timestamptz(ts_us), source FROM events") == [
        (True, None)
    ]

    rules = TouchpointRules(rules=[Rule(match=EventMatch(events=["view"]), touchpoint="tp-view")])
    store.add(rows(("b", 1, "view", None, "idealo", None, "b.csv", 1)), rules=rules)
    assert {c for (c,) in query(tmp_path, generated)} == {"ts", "properties", "phase"}
    assert sorted(query(tmp_path, "SELECT source, touchpoint FROM events"), key=repr) == [
        ("idealo", "tp-view"),
        (None, "tp-view"),
    ]


def test_touches_collapse_repeated_channels_and_skip_events_without_one(tmp_path: Path) -> None:
    store = EventStore(tmp_path)
    channels = ["web", "web", None, "web", "mail", None, "web"]
    store.add(
        raw_batch({"a": [(i, "e", c) for i, c in enumerate(channels)], "b": [(0, "e", None)]}),
        rules=TouchpointRules(),
    )

    touches = query(
        tmp_path,
        "SELECT e.touch, e.touches_before, n.channel FROM events e JOIN customers USING (cid) "
        "LEFT JOIN channels n ON n.channel_id = e.next_touch_channel_id "
        "WHERE customer_id = 'a' ORDER BY pos",
    )
    assert touches == [
        (0, 0, "mail"),  # web ...
        (None, 1, None),  # ... web: the same run
        (None, 1, None),  # no channel
        (None, 1, None),  # web again after a gap without a channel: still the same run
        (1, 1, "web"),  # mail
        (None, 2, None),
        (2, 2, None),  # web: the last touch
    ]
    assert query(tmp_path, "SELECT customer_id, touches FROM customers ORDER BY 1") == [
        ("a", 3),
        ("b", 0),
    ]
