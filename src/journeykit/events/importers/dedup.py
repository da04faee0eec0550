"""Rows that repeat an earlier row of the same import exactly.

DuckDB hashes every row (all event columns, vectorised, on all cores); a sort of the 64-bit
hashes says whether any repeats at all, which for almost every import is the end of it. Only
rows whose hash repeats are compared in full, in Python, so a hash collision never drops a row.
"""

from __future__ import annotations

import duckdb
import numpy as np
import pyarrow as pa

#: The columns two rows must share to be the same event.
KEY_COLUMNS = ("customer_id", "ts", "event", "channel", "source", "properties")


def duplicate_rows(table: pa.Table) -> list[tuple[int, int]]:
    """(row, first) index pairs: each row that repeats an earlier one, and that earlier row."""
    if table.num_rows < 2:
        return []
    keys = table.select(list(KEY_COLUMNS))
    with duckdb.connect() as con:
        con.register("events", keys)
        hashes = con.sql(f"SELECT hash({', '.join(KEY_COLUMNS)}) AS h FROM events").fetchnumpy()[
            "h"
        ]
    hashes = np.asarray(hashes, dtype=np.uint64)
    ordered = np.sort(hashes)
    repeated = ordered[1:][ordered[1:] == ordered[:-1]]
    if not len(repeated):
        return []
    candidates = np.flatnonzero(np.isin(hashes, np.unique(repeated)))
    rows = keys.take(pa.array(candidates)).to_pylist()
    first_seen: dict[tuple[object, ...], int] = {}
    pairs = []
    for index, row in zip(candidates.tolist(), rows, strict=True):
        key = tuple(row[c] for c in KEY_COLUMNS)
        first = first_seen.setdefault(key, index)
        if first != index:
            pairs.append((index, first))
    return pairs
