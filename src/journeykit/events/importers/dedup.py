"""Rows that repeat an earlier row of the same import exactly.

DuckDB hashes every row (all event columns, vectorised, on all cores); a sort of the 64-bit
hashes says whether any repeats at all, which for almost every import is the end of it. Only
rows whose hash repeats are compared in full, in Python, so a hash collision never drops a row.
The hashes arrive in batches into one array that is then sorted in place: 8 bytes per row.
"""

from __future__ import annotations

import duckdb
import numpy as np
import pyarrow as pa

#: The columns two rows must share to be the same event.
KEY_COLUMNS = ("customer_id", "ts", "event", "channel", "source", "properties")

_HASHES = f"SELECT hash({', '.join(KEY_COLUMNS)}) AS h FROM events"


def duplicate_rows(table: pa.Table) -> list[tuple[int, int]]:
    """(row, first) index pairs: each row that repeats an earlier one, and that earlier row."""
    if table.num_rows < 2:
        return []
    keys = table.select(list(KEY_COLUMNS))
    with duckdb.connect() as con:
        con.register("events", keys)
        hashes = _row_hashes(con, table.num_rows)
        hashes.sort()
        repeated = np.unique(hashes[1:][hashes[1:] == hashes[:-1]])
        del hashes
        if not len(repeated):
            return []
        # Rare: find the rows again (in input order) and compare them in full.
        candidates = np.flatnonzero(np.isin(_row_hashes(con, table.num_rows), repeated))
    rows = keys.take(pa.array(candidates)).to_pylist()
    first_seen: dict[tuple[object, ...], int] = {}
    pairs = []
    for index, row in zip(candidates.tolist(), rows, strict=True):
        key = tuple(row[c] for c in KEY_COLUMNS)
        first = first_seen.setdefault(key, index)
        if first != index:
            pairs.append((index, first))
    return pairs


def _row_hashes(con: duckdb.DuckDBPyConnection, n: int) -> np.ndarray:
    """Each row's hash, in row order (a plain scan keeps the order)."""
    hashes = np.empty(n, np.uint64)
    done = 0
    for batch in con.sql(_HASHES).to_arrow_reader():
        column = batch.column(0).to_numpy()
        hashes[done : done + len(column)] = column
        done += len(column)
    assert done == n  # every row hashed exactly once
    return hashes
