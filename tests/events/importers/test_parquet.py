"""Parquet: typed columns come through with their types."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from journeykit.events.importers import ColumnMapping, EmptyFile, MalformedFile, read_events
from tests.events.importers.helpers import at, column, rows


def test_parquet_round_trip_keeps_types(tmp_path: Path) -> None:
    table = pa.table(
        {
            "customer_id": pa.array(["C1", "C2"]),
            "ts": pa.array(
                [
                    dt.datetime(2024, 3, 1, 10, tzinfo=dt.UTC),
                    dt.datetime(2024, 3, 1, 11, tzinfo=dt.UTC),
                ],
                pa.timestamp("ns", "UTC"),
            ),
            "event": pa.array(["view", "buy"]),
            "channel": pa.array(["Email", None]),
            "value": pa.array([9.5, None]),
            "qty": pa.array([2, 1], pa.int32()),
            "gift": pa.array([True, False]),
            "category": pa.array(["shoes", "shoes"]).dictionary_encode(),
        }
    )
    path = tmp_path / "events.parquet"
    pq.write_table(table, path, row_group_size=1)

    batch = read_events([path])

    assert rows(batch) == [
        {
            "customer_id": "C1",
            "ts": at("2024-03-01 10:00"),
            "event": "view",
            "channel": "Email",
            "source": None,
            "properties": '{"category":"shoes","gift":true,"qty":2,"value":9.5}',
            "source_row": 1,
        },
        {
            "customer_id": "C2",
            "ts": at("2024-03-01 11:00"),
            "event": "buy",
            "channel": None,
            "source": None,
            "properties": '{"category":"shoes","gift":false,"qty":1}',
            "source_row": 2,
        },
    ]


def test_naive_parquet_times_and_integer_ids(tmp_path: Path) -> None:
    table = pa.table(
        {
            "customer": pa.array([42, 43]),
            "event_time": pa.array([dt.datetime(2024, 7, 1, 12), dt.datetime(2024, 7, 1, 13)]),
            "activity": pa.array(["a", "b"]),
        }
    )
    path = tmp_path / "naive.pq"
    pq.write_table(table, path)

    batch = read_events([path], mapping=ColumnMapping(timezone="Europe/Berlin"))

    assert column(batch, "customer_id") == ["42", "43"]
    assert column(batch, "ts") == [at("2024-07-01 10:00"), at("2024-07-01 11:00")]


def test_a_file_that_is_not_parquet_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "broken.parquet"
    path.write_bytes(b"customer_id,ts\n")

    with pytest.raises(MalformedFile) as caught:
        read_events([path])

    assert caught.value.code == "malformed_file"
    assert str(path) in caught.value.message


def test_a_parquet_file_without_rows_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "none.parquet"
    schema = pa.schema([("customer_id", pa.string()), ("ts", pa.string()), ("event", pa.string())])
    pq.write_table(schema.empty_table(), path)

    with pytest.raises(EmptyFile):
        read_events([path])


def test_a_file_read_in_blocks_gives_the_rows_of_one_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    n = 50
    table = pa.table(
        {
            "customer_id": [f"C{i % 7}" for i in range(n)],
            "ts": pa.array(
                [
                    dt.datetime(2024, 3, 1, tzinfo=dt.UTC) + dt.timedelta(minutes=i)
                    for i in range(n)
                ],
                pa.timestamp("us", "UTC"),
            ),
            "event": [["view", " buy", "cart"][i % 3] for i in range(n)],
            "channel": [None if i % 4 == 0 else "web" for i in range(n)],
        }
    )
    path = tmp_path / "blocks.parquet"
    pq.write_table(table, path, row_group_size=4)
    whole = read_events([path])
    monkeypatch.setattr("journeykit.events.importers.parquet_reader.BLOCK_ROWS", 10)

    blocks = read_events([path])

    assert rows(blocks) == rows(whole)
    assert column(blocks, "event")[:3] == ["view", "buy", "cart"]
    # The store sorts by these columns' codes: one dictionary each, whatever the blocks.
    for name in ("customer_id", "event", "channel"):
        assert blocks.table.column(name).num_chunks == 1
