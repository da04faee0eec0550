"""The benchmark generator gives the same log for the same seed, in the promised shape."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
from benchmarks.generate_events import CHANNELS, EVENT_TYPES, generate, main

from journeykit.events.schema import RAW_EVENTS

ROWS, CUSTOMERS = 10_000, 400


def test_the_same_seed_gives_the_same_log_and_another_seed_another() -> None:
    table = generate(ROWS, CUSTOMERS)
    assert generate(ROWS, CUSTOMERS).equals(table)
    assert not generate(ROWS, CUSTOMERS, seed=8).equals(table)


def test_columns_and_sizes_are_as_asked() -> None:
    table = generate(ROWS, CUSTOMERS)
    assert table.num_rows == ROWS
    names = ["customer_id", "ts", "event", "channel"]
    # Text comes plain, as files have it; RAW_EVENTS keeps it as dictionaries of the same text.
    assert [(f.name, f.type) for f in table.schema] == [
        (n, _value_type(RAW_EVENTS.field(n).type)) for n in names
    ]
    assert len(pc.unique(table["customer_id"])) == CUSTOMERS
    assert set(pc.unique(table["event"]).to_pylist()) <= set(EVENT_TYPES)
    assert len(pc.unique(table["event"])) >= 25
    assert set(pc.unique(table["channel"]).to_pylist()) == set(CHANNELS)


def _value_type(kind: pa.DataType) -> pa.DataType:
    return kind.value_type if pa.types.is_dictionary(kind) else kind


def test_rows_come_in_time_ordered_customer_blocks_but_not_globally_sorted() -> None:
    rows = generate(ROWS, CUSTOMERS).to_pydict()
    ids, times = rows["customer_id"], rows["ts"]
    block_order = [c for i, c in enumerate(ids) if i == 0 or ids[i - 1] != c]
    assert len(block_order) == CUSTOMERS  # every customer is one contiguous block
    assert all(times[i - 1] < times[i] for i in range(1, len(ids)) if ids[i - 1] == ids[i])
    assert block_order != sorted(block_order)
    assert times != sorted(times)


def test_the_command_writes_parquet_and_csv(tmp_path: Path) -> None:
    parquet, csv = tmp_path / "events.parquet", tmp_path / "events.csv"
    assert main(["--events", "500", "--customers", "20", "--out", str(parquet)]) == 0
    assert main(["--events", "500", "--customers", "20", "--out", str(csv)]) == 0
    assert pq.read_table(parquet).equals(generate(500, 20))
    assert len(csv.read_text(encoding="utf-8").splitlines()) == 501
