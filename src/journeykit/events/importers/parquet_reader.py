"""Parquet files as Arrow tables, read row group by row group (so progress moves)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

from journeykit.events.importers.errors import FileUnreadable, MalformedFile
from journeykit.events.importers.rejects import clip
from journeykit.events.importers.source import ProgressFn, SourceTable


def read_parquet_table(
    path: Path, *, file: str, on_progress: ProgressFn | None = None
) -> SourceTable:
    """Read a Parquet file; row numbers are 1-based positions in the file."""
    try:
        parquet = pq.ParquetFile(path)
    except OSError as exc:
        if isinstance(exc, FileNotFoundError | PermissionError | IsADirectoryError):
            raise FileUnreadable(f"cannot open the file: {exc.strerror or exc}", file=file) from exc
        raise MalformedFile(f"not a readable Parquet file: {exc}", file=file) from exc
    except pa.ArrowInvalid as exc:
        raise MalformedFile(f"not a readable Parquet file: {exc}", file=file) from exc
    size = max(path.stat().st_size, 1)
    groups = parquet.metadata.num_row_groups
    tables = []
    try:
        for group in range(groups):
            tables.append(parquet.read_row_group(group))
            if on_progress is not None:
                on_progress(size * (group + 1) // groups)
    except (OSError, pa.ArrowInvalid) as exc:
        raise MalformedFile(f"cannot read the Parquet data: {exc}", file=file) from exc
    table = pa.concat_tables(tables) if tables else parquet.schema_arrow.empty_table()
    return SourceTable(
        file=file,
        table=table,
        rows=np.arange(1, table.num_rows + 1, dtype=np.int64),
        rows_read=table.num_rows,
        raw_rows=_JsonRows(table),
    )


class _JsonRows:
    """Rejected rows of a typed table, shown as JSON objects."""

    def __init__(self, table: pa.Table) -> None:
        self.table = table

    def __call__(self, indices: Sequence[int]) -> list[str]:
        if not indices:
            return []
        rows = self.table.take(pa.array(indices, pa.int64())).to_pylist()
        return [clip(json.dumps(row, ensure_ascii=False, default=str)) for row in rows]
