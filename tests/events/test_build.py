"""The pass over the sorted log: journeys cut across batches, spill row groups, first imports."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from journeykit.events import build
from journeykit.events.build import SORTED_COLUMNS, order_rows
from journeykit.events.importers.dictionary import text_dictionary
from journeykit.events.rules import TouchpointRules
from journeykit.events.schema import RAW_EVENTS
from journeykit.events.store import EventStore
from tests.events.journeys import Journey, raw_batch


def sorted_rows(n: int, seed: int = 1) -> pa.Table:
    """``n`` rows of journeys of 1 to 9 events, sorted as the store sorts them."""
    rng = np.random.default_rng(seed)
    lengths = rng.integers(1, 10, n)
    cid = np.repeat(np.arange(len(lengths), dtype=np.int32), lengths)[:n]
    gaps = rng.choice([0, 60, 600, 4000], n) * 1_000_000
    channels = rng.integers(1, 4, n).astype(np.int32)
    return pa.table(
        {
            "cid": pa.array(cid),
            "ts_us": pa.array(np.cumsum(gaps)),
            "event_id": pa.array(rng.integers(1, 6, n).astype(np.int32)),
            "channel_id": pa.array(channels, mask=rng.random(n) < 0.3),
            "file_id": pa.array(np.ones(n, np.int32)),
            "source_row": pa.array(np.arange(1, n + 1)),
        }
    )


def test_the_sorted_columns_are_the_ones_the_store_asks_for() -> None:
    assert list(sorted_rows(3).column_names) == list(SORTED_COLUMNS)


def test_journeys_split_across_batches_come_out_as_in_one_batch(tmp_path: Path) -> None:
    table = sorted_rows(500)
    whole = order_rows(table.to_reader(), tmp_path / "a.parquet", session_gap_us=1_800_000_000)
    pieces = pa.RecordBatchReader.from_batches(table.schema, table.to_batches(max_chunksize=7))
    split = order_rows(pieces, tmp_path / "b.parquet", session_gap_us=1_800_000_000)

    assert pq.read_table(tmp_path / "b.parquet").equals(pq.read_table(tmp_path / "a.parquet"))
    assert split.journeys.equals(whole.journeys)
    assert split.variants.equals(whole.variants)
    assert split.rows == whole.rows == 500


def test_spill_row_groups_are_whole_multiples_of_duckdbs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(build, "SPILL_ROW_GROUP", 64)
    table = sorted_rows(1000)
    reader = pa.RecordBatchReader.from_batches(table.schema, table.to_batches(max_chunksize=50))
    order_rows(reader, tmp_path / "s.parquet", session_gap_us=1)

    metadata = pq.ParquetFile(tmp_path / "s.parquet").metadata
    sizes = [metadata.row_group(i).num_rows for i in range(metadata.num_row_groups)]
    assert sum(sizes) == 1000
    assert all(size == 64 for size in sizes[:-1])


def test_a_first_import_sorted_by_codes_equals_one_sorted_by_names(tmp_path: Path) -> None:
    journeys: dict[str, Journey] = {
        "zoe": [(0, "view", "web"), (3, "buy", None)],
        "amy": [(1, "cart", "mail"), (1, "view", "mail"), (90, "buy", "web")],
        "max": [(5, "view", None)],
    }
    batch = raw_batch(journeys)
    # The same rows, but with dictionaries that list values twice and values no row uses.
    messy = batch
    for name in ("customer_id", "event", "channel"):
        column = text_dictionary(batch.column(name))
        dictionary = pa.concat_arrays([column.dictionary, column.dictionary, pa.array(["unused"])])
        twice = pa.DictionaryArray.from_arrays(column.indices, dictionary)
        index = RAW_EVENTS.get_field_index(name)
        messy = messy.set_column(index, RAW_EVENTS.field(index), twice)

    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    EventStore(first).add(messy, rules=TouchpointRules())
    store = EventStore(second)
    store.add(batch.slice(0, 0), rules=TouchpointRules())  # a stored log: the general build
    store.add(batch, rules=TouchpointRules())

    for table in ("events", "customers", "variants", "event_names", "channels"):
        a, b = EventStore(first).read_table(table), EventStore(second).read_table(table)
        key = a.column_names[:2]
        assert a.sort_by([(k, "ascending") for k in key]).equals(
            b.sort_by([(k, "ascending") for k in key])
        ), table
