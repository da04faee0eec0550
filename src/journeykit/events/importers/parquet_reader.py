"""Parquet files as Arrow tables, read a few row groups at a time (so progress moves, and a big
file is converted block by block rather than held whole next to its converted rows)."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

from journeykit.events.importers.errors import FileUnreadable, MalformedFile
from journeykit.events.importers.rejects import clip
from journeykit.events.importers.source import ProgressFn, SourceTable

#: Rows read (and converted) at a time, in whole row groups.
BLOCK_ROWS = 1 << 20


def open_parquet(path: Path, *, file: str) -> pq.ParquetFile:
    """Open a Parquet file; errors name the file.

    Text columns come as dictionaries (as Parquet usually stores them): decoding millions of
    repeated ids and names into separate strings would cost more than all the rest.
    """
    try:
        return pq.ParquetFile(path, read_dictionary=_text_columns(path))
    except OSError as exc:
        if isinstance(exc, FileNotFoundError | PermissionError | IsADirectoryError):
            raise FileUnreadable(f"cannot open the file: {exc.strerror or exc}", file=file) from exc
        raise MalformedFile(f"not a readable Parquet file: {exc}", file=file) from exc
    except pa.ArrowInvalid as exc:
        raise MalformedFile(f"not a readable Parquet file: {exc}", file=file) from exc


def parquet_blocks(
    parquet: pq.ParquetFile, *, file: str, size: int, on_progress: ProgressFn | None = None
) -> Iterator[SourceTable]:
    """The file's rows in blocks of whole row groups (the first one always, even without rows);
    row numbers are 1-based positions in the file. ``size`` is the file's size in bytes."""
    groups = parquet.metadata.num_row_groups
    done = 0
    group = 0
    while True:
        batch: list[int] = []
        rows = 0
        while group < groups and (not batch or rows < BLOCK_ROWS):
            rows += parquet.metadata.row_group(group).num_rows
            batch.append(group)
            group += 1
        try:
            table = parquet.read_row_groups(batch) if batch else parquet.schema_arrow.empty_table()
        except (OSError, pa.ArrowInvalid) as exc:
            raise MalformedFile(f"cannot read the Parquet data: {exc}", file=file) from exc
        yield SourceTable(
            file=file,
            table=table,
            rows=np.arange(done + 1, done + table.num_rows + 1, dtype=np.int64),
            rows_read=done + table.num_rows,
            raw_rows=_JsonRows(table),
        )
        done += table.num_rows
        if on_progress is not None:
            on_progress(size * group // max(groups, 1))
        if group >= groups:
            return


def read_parquet_table(
    path: Path, *, file: str, on_progress: ProgressFn | None = None
) -> SourceTable:
    """Read a whole Parquet file as one table."""
    parquet = open_parquet(path, file=file)
    size = max(path.stat().st_size, 1)
    tables = [
        b.table for b in parquet_blocks(parquet, file=file, size=size, on_progress=on_progress)
    ]
    table = pa.concat_tables(tables)
    return SourceTable(
        file=file,
        table=table,
        rows=np.arange(1, table.num_rows + 1, dtype=np.int64),
        rows_read=table.num_rows,
        raw_rows=_JsonRows(table),
    )


def _text_columns(path: Path) -> list[str]:
    schema = pq.read_schema(path)
    return [
        f.name for f in schema if pa.types.is_string(f.type) or pa.types.is_large_string(f.type)
    ]


class _JsonRows:
    """Rejected rows of a typed table, shown as JSON objects."""

    def __init__(self, table: pa.Table) -> None:
        self.table = table

    def __call__(self, indices: Sequence[int]) -> list[str]:
        if not indices:
            return []
        rows = self.table.take(pa.array(indices, pa.int64())).to_pylist()
        return [clip(json.dumps(row, ensure_ascii=False, default=str)) for row in rows]
