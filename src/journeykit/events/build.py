"""The per-customer columns of the ordered log, computed in one pass over the sorted rows.

DuckDB sorts the log once (by customer, time, file, row) and hands the rows over in batches.
Each batch is cut after its last complete customer (the rest waits for the next batch), so
every piece holds whole journeys and the columns that look at neighbours are plain array
shifts: the position in the journey, the next event and the seconds until it, the session
number (a new one after ``session_gap_us`` without events). Window functions in SQL would sort
the log again for every differently framed window; here each row is touched once.

The rows go on to a spill file, from which DuckDB writes ``events``: DuckDB is busy handing
out the sorted rows while they are computed, and the whole log held in memory would not fit.
The spill is plain Parquet (no compression, no dictionaries: written about as fast as the
bytes can be copied) because DuckDB reads Parquet on all cores within its memory limit; an
Arrow stream would be read by one thread and held in memory until the statement ends.

Per customer, the pass keeps first and last time, number of events and the journey as a
variant key (event codes joined by commas); the variants are numbered at the end in the order
of their keys, as ``ORDER BY variant_key`` would.

>>> import pyarrow as pa
>>> rows = pa.table({"cid": pa.array([1, 1, 2], pa.int32()),
...                  "ts_us": pa.array([0, 5_000_000, 7], pa.int64()),
...                  "event_id": pa.array([3, 4, 3], pa.int32()),
...                  "channel_id": pa.array([1, None, 2], pa.int32()),
...                  "file_id": pa.array([1, 1, 1], pa.int32()),
...                  "source_row": pa.array([1, 2, 3], pa.int64())})
>>> import tempfile, pathlib
>>> spill = pathlib.Path(tempfile.mkdtemp()) / "rows.arrow"
>>> result = order_rows(rows.to_reader(), spill, session_gap_us=1_000_000)
>>> import pyarrow.parquet as pq
>>> written = pq.read_table(spill)
>>> [list(row.values()) for row in written.select(
...     ["cid", "pos", "next_event_id", "seconds_to_next", "session"]).to_pylist()]
[[1, 0, 4, 5.0, 1], [1, 1, None, None, 2], [2, 0, None, None, 1]]
>>> [list(row.values()) for row in result.variants.to_pylist()]
[[1, '3', 1], [2, '3,4', 2]]
>>> result.journeys.column("variant_id").to_pylist()
[2, 1]
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import duckdb
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

#: Rows per row group of the spill file: four of DuckDB's row groups (read in parallel).
SPILL_ROW_GROUP = 4 * 122_880

#: The columns the sorted rows arrive with, first; any further ones are passed through.
SORTED_COLUMNS = ("cid", "ts_us", "event_id", "channel_id", "file_id", "source_row")

_DERIVED = [
    pa.field("pos", pa.int32(), nullable=False),
    pa.field("next_event_id", pa.int32()),
    pa.field("seconds_to_next", pa.float64()),
    pa.field("session", pa.int32(), nullable=False),
]
# Collapsed channel touches (see _touches), for attribution without window functions.
_TOUCHES = [
    pa.field("touch", pa.int32()),
    pa.field("touches_before", pa.int32(), nullable=False),
    pa.field("next_touch_channel_id", pa.int32()),
]
_JOURNEYS = pa.schema(
    [
        ("cid", pa.int32()),
        ("n_events", pa.int64()),
        ("first_us", pa.int64()),
        ("last_us", pa.int64()),
        ("touches", pa.int32()),
        ("variant_key", pa.string()),
    ]
)


@dataclass(frozen=True)
class Ordered:
    """What the pass produced besides the spill file: one row per customer and per variant."""

    rows: int
    #: ``cid``, ``n_events``, ``first_us``, ``last_us``, ``variant_id``.
    journeys: pa.Table
    #: ``variant_id``, ``variant_key``, ``length``.
    variants: pa.Table


def order_rows(
    reader: pa.RecordBatchReader,
    spill: Path,
    *,
    session_gap_us: int,
    translate: Callable[[pa.RecordBatch], pa.RecordBatch] | None = None,
) -> Ordered:
    """Compute the per-customer columns of the sorted rows of ``reader`` and write all to
    ``spill``. Rows must come grouped by customer, each journey in order; ``translate`` turns
    each batch's codes into ids first (see :mod:`journeykit.events.batch_codes`)."""
    journeys: list[pa.RecordBatch] = []
    with _Spill(spill, _spill_schema(reader.schema)) as out:
        carry: pa.RecordBatch | None = None
        for batch in reader:
            if not batch.num_rows:
                continue
            if translate is not None:
                batch = translate(batch)
            piece = batch if carry is None else pa.concat_batches([carry, batch])
            cid = piece.column(0).to_numpy()
            # Everything before the last customer's first row is complete.
            cut = len(cid) - int(np.argmax(cid[::-1] != cid[-1])) if (cid != cid[-1]).any() else 0
            if cut:
                out.add(_derive(piece.slice(0, cut), out.schema, journeys, session_gap_us))
            carry = piece.slice(cut)
        if carry is not None and carry.num_rows:
            out.add(_derive(carry, out.schema, journeys, session_gap_us))
    table = pa.Table.from_batches(journeys, _JOURNEYS)
    return _numbered(table, out.rows)


class _Spill:
    """The spill file, written by a thread of its own in row groups of exactly
    :data:`SPILL_ROW_GROUP` rows.

    Writing Parquet releases the GIL, so the thread writes one piece while the next is being
    sorted out and computed. DuckDB stores a table in row groups of 122,880 rows; a Parquet row
    group of a multiple of that becomes whole row groups, while odd sizes leave partial ones
    that the checkpoint after the import would have to read back and merge (seconds, for tens
    of millions of rows).
    """

    def __init__(self, path: Path, schema: pa.Schema) -> None:
        self.schema = schema
        self.rows = 0
        self._writer = pq.ParquetWriter(
            path, schema, compression="none", use_dictionary=False, write_statistics=False
        )
        # Few pieces wait at a time, so memory stays at a few row groups' worth.
        self._queue: queue.Queue[pa.RecordBatch | None] = queue.Queue(maxsize=2)
        self._failure: BaseException | None = None
        self._thread = threading.Thread(target=self._write, name="events-spill", daemon=True)
        self._thread.start()

    def __enter__(self) -> _Spill:
        return self

    def __exit__(self, *exc: object) -> None:
        self._queue.put(None)
        self._thread.join()
        self._writer.close()
        if self._failure is not None and exc[0] is None:
            raise self._failure

    def add(self, batch: pa.RecordBatch) -> None:
        if self._failure is not None:
            raise self._failure
        self.rows += batch.num_rows
        self._queue.put(batch)

    def _write(self) -> None:
        pending: list[pa.RecordBatch] = []
        rows = 0
        try:
            while (batch := self._queue.get()) is not None:
                pending.append(batch)
                rows += batch.num_rows
                if rows >= SPILL_ROW_GROUP:
                    table = pa.Table.from_batches(pending, self.schema)
                    whole = rows - rows % SPILL_ROW_GROUP
                    self._writer.write_table(table.slice(0, whole), row_group_size=SPILL_ROW_GROUP)
                    pending = table.slice(whole).combine_chunks().to_batches()
                    rows -= whole
            if rows:
                self._writer.write_table(pa.Table.from_batches(pending, self.schema))
        except BaseException as failure:  # re-raised in the caller's thread
            self._failure = failure
            while self._queue.get() is not None:  # let the producer finish
                pass


def _spill_schema(sorted_schema: pa.Schema) -> pa.Schema:
    names = list(sorted_schema.names)
    if tuple(names[: len(SORTED_COLUMNS)]) != SORTED_COLUMNS:
        raise ValueError(f"sorted rows need the columns {SORTED_COLUMNS} first, not {names}")
    fields = [sorted_schema.field(i) for i in range(len(names))]
    # Columns that are never null are declared so: Parquet then stores no null markers.
    required = {"cid", "ts_us", "event_id", "file_id", "source_row"}
    fields = [f.with_nullable(f.name not in required) for f in fields]
    return pa.schema(fields[:4] + _DERIVED + fields[4:] + _TOUCHES)


def _derive(
    piece: pa.RecordBatch,
    schema: pa.Schema,
    journeys: list[pa.RecordBatch],
    session_gap_us: int,
) -> pa.RecordBatch:
    """``piece`` (whole journeys only) with its per-customer columns; adds its journeys."""
    n = piece.num_rows
    cid = piece.column(0).to_numpy()
    ts = piece.column(1).to_numpy()
    events = piece.column(2)
    first = np.empty(n, bool)
    first[0] = True
    np.not_equal(cid[1:], cid[:-1], out=first[1:])
    # Per journey: first row and length; per row: its journey's first row (all int32, as a
    # piece holds far fewer than 2**31 rows).
    starts = np.flatnonzero(first).astype(np.int32)
    counts = np.diff(starts, append=np.int32(n))
    journey_start = np.repeat(starts, counts)
    last = np.empty(n, bool)
    last[:-1] = first[1:]
    last[-1] = True
    gap = np.empty(n, np.int64)
    gap[0] = 0
    np.subtract(ts[1:], ts[:-1], out=gap[1:])
    # A session starts a journey, or follows more than the timeout without events.
    new_session = gap > session_gap_us
    new_session |= first
    sessions = np.cumsum(new_session, dtype=np.int32)
    sessions -= np.repeat(sessions[starts] - 1, counts)
    following = np.empty(n, np.int32)
    following[:-1] = events.to_numpy()[1:]
    following[-1] = 0
    seconds = np.empty(n, np.float64)
    np.divide(gap[1:], 1e6, out=seconds[:-1])
    seconds[-1] = 0.0
    derived = [
        pa.array(np.arange(n, dtype=np.int32) - journey_start),
        pa.array(following, mask=last),
        pa.array(seconds, mask=last),
        pa.array(sessions),
    ]
    touch, before, next_channel, total = _touches(cid, piece.column(3), starts, counts)
    ends = np.append(starts[1:], np.int32(n)) - 1
    offsets = pa.array(np.append(starts, np.int32(n)))
    keys = pc.binary_join(pa.ListArray.from_arrays(offsets, _labels(events)), ",")
    journeys.append(
        pa.record_batch(
            [
                pa.array(cid[starts]),
                pa.array(counts.astype(np.int64)),
                pa.array(ts[starts]),
                pa.array(ts[ends]),
                pa.array(total),
                keys,
            ],
            schema=_JOURNEYS,
        )
    )
    columns = piece.columns
    touches = [touch, before, next_channel]
    return pa.record_batch(columns[:4] + derived + columns[4:] + touches, schema=schema)


_LABELS: list[pa.Array] = [pa.array([], pa.string())]


def _labels(codes: pa.Array) -> pa.Array:
    """Event codes as text (looked up: twice as fast as converting each number)."""
    top = int(pc.max(codes).as_py())
    if top >= len(_LABELS[0]):
        _LABELS[0] = pa.array([str(i) for i in range(max(top + 1, 2 * len(_LABELS[0])))])
    return pc.take(_LABELS[0], codes)


def _touches(
    cid: np.ndarray, channel: pa.Array, starts: np.ndarray, counts: np.ndarray
) -> tuple[pa.Array, pa.Array, pa.Array, np.ndarray]:
    """The journeys' collapsed channel touches, for attribution.

    A touch is an event with a channel that differs from the last channel before it in the
    journey (events without a channel are skipped; a run of one channel is one touch, at its
    first event). Per event: its touch number (0-based; null if it starts none), the touches
    before it, and the channel of the journey's next touch (null if none or not a touch); and
    per journey (``starts``, ``counts``), its number of touches.
    """
    n = len(cid)
    codes = channel.fill_null(-1).to_numpy()
    # The last channel before each event, -1 if none: with nulls, carried over the gaps.
    previous = np.empty(n, np.int32)
    previous[0] = -1
    if channel.null_count:
        has = codes >= 0
        # The last row with a channel so far; a journey's first row counts as one (its code
        # is -1 if it has none), so the search never reaches into the journey before.
        marks = np.where(has, np.arange(n, dtype=np.int32), -1)
        marks[starts] = starts
        last_with = np.maximum.accumulate(marks)
        previous[1:] = codes[last_with[:-1]]
    else:
        has = np.ones(n, bool)
        previous[1:] = codes[:-1]
    previous[starts] = -1  # nothing before a journey's first event
    begins = has & (previous != codes)
    counted = np.cumsum(begins, dtype=np.int32)
    # Touches before each event: those counted so far, less those of earlier journeys.
    earlier = counted[starts] - begins[starts]
    before = counted - begins - np.repeat(earlier, counts)
    touch = pa.array(before, mask=~begins)
    at = np.flatnonzero(begins)
    following = np.zeros(n, np.int32)
    none = np.ones(n, bool)
    if len(at) > 1:
        same = cid[at[1:]] == cid[at[:-1]]
        following[at[:-1][same]] = codes[at[1:][same]]
        none[at[:-1][same]] = False
    ends = np.append(starts[1:], np.int32(n)) - 1
    total = counted[ends] - earlier
    return touch, pa.array(before), pa.array(following, mask=none), total


def _key_order(keys: pa.Array) -> np.ndarray:
    """Positions of ``keys`` in their sort order: DuckDB's sort, on all cores (Arrow's takes
    three times as long for the hundreds of thousands of variants of a large log)."""
    table = pa.table({"i": pa.array(np.arange(len(keys), dtype=np.int64)), "k": keys})
    with duckdb.connect() as con:
        con.register("variant_keys", table)
        ordered = con.sql("SELECT i FROM variant_keys ORDER BY k").to_arrow_table()
    result: np.ndarray = ordered.column(0).to_numpy()
    return result


def _numbered(journeys: pa.Table, rows: int) -> Ordered:
    """Number the distinct variant keys in their sort order (as ``ORDER BY variant_key``)."""
    keys = journeys.column("variant_key").combine_chunks()
    if not len(keys):
        variants = pa.table(
            {
                "variant_id": pa.array([], pa.int32()),
                "variant_key": pa.array([], pa.string()),
                "length": pa.array([], pa.int32()),
            }
        )
        ids = pa.array([], pa.int32())
    else:
        encoded = pc.dictionary_encode(keys)
        order = _key_order(encoded.dictionary)
        rank = np.empty(len(order), np.int32)
        rank[order] = np.arange(1, len(order) + 1, dtype=np.int32)
        ids = pa.array(rank[encoded.indices.to_numpy()])
        # Every customer of a variant has its length; the first one stands for all.
        lengths = np.zeros(len(order), np.int64)
        lengths[encoded.indices.to_numpy()] = journeys.column("n_events").to_numpy()
        variants = pa.table(
            {
                "variant_id": pa.array(np.arange(1, len(order) + 1, dtype=np.int32)),
                "variant_key": encoded.dictionary.take(pa.array(order)),
                "length": pa.array(lengths[order].astype(np.int32)),
            }
        )
    table = journeys.drop_columns(["variant_key"]).append_column("variant_id", ids)
    return Ordered(rows=rows, journeys=table, variants=variants)
