"""Read event files of any supported format into one :class:`EventBatch`, all or nothing.

Every file is read and checked before anything is returned: a file that cannot be used raises
and nothing of the import survives; row-level problems become rejects.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np
import pyarrow as pa

from journeykit.events.importers.batch import EventBatch
from journeykit.events.importers.convert import blocks_to_events, to_events
from journeykit.events.importers.csv_reader import CsvFile, NotUtf8
from journeykit.events.importers.dedup import KEY_COLUMNS, duplicate_rows
from journeykit.events.importers.dictionary import text_dictionary
from journeykit.events.importers.errors import FileUnreadable, ImportFailed, UnknownFormat
from journeykit.events.importers.ga4 import ga4_events, is_ga4
from journeykit.events.importers.jsonl_reader import read_jsonl_table
from journeykit.events.importers.mapping import EVENT_FORMATS, ColumnMapping, EventFormat
from journeykit.events.importers.parquet_reader import (
    open_parquet,
    parquet_blocks,
    read_parquet_table,
)
from journeykit.events.importers.pseudonym import pseudonymise
from journeykit.events.importers.rejects import Reject, clip
from journeykit.events.importers.source import SourceTable
from journeykit.events.schema import RAW_EVENTS
from journeykit.model.errors import did_you_mean

SUFFIXES: dict[str, EventFormat] = {
    ".csv": "csv",
    ".tsv": "csv",
    ".txt": "csv",
    ".parquet": "parquet",
    ".pq": "parquet",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    # BigQuery writes its newline-delimited JSON exports as .json.
    ".json": "jsonl",
}

Progress = Callable[[int, int], None]


def format_of(path: Path, fmt: EventFormat | None = None) -> EventFormat:
    """The format to read ``path`` as: ``fmt`` if given, else from the file's suffix."""
    if fmt is not None:
        if fmt not in EVENT_FORMATS:
            suggestion = did_you_mean(str(fmt), EVENT_FORMATS)
            raise UnknownFormat(
                f"unknown format {fmt!r}"
                + (f"; did you mean {suggestion!r}?" if suggestion else ""),
                hint="formats: " + ", ".join(EVENT_FORMATS),
            )
        return fmt
    found = SUFFIXES.get(path.suffix.lower())
    if found is None:
        raise UnknownFormat(
            f"cannot tell the format from the name (suffix {path.suffix or 'none'!r})",
            file=str(path),
            hint="name the format (csv, parquet, jsonl, ga4) or use one of " + ", ".join(SUFFIXES),
        )
    return found


def read_events(
    paths: Sequence[Path],
    *,
    fmt: EventFormat | None = None,
    mapping: ColumnMapping = ColumnMapping(),  # noqa: B008 - frozen, so one shared default is safe
    pseudonymisation_key: bytes | None = None,
    progress: Progress | None = None,
) -> EventBatch:
    """Read event files into one batch of ``RAW_EVENTS`` rows plus rejects.

    ``fmt`` None reads each file by its suffix, and JSON Lines or Parquet files with GA4's
    columns as GA4 exports. Rows repeating an earlier row of the batch exactly are rejected as
    duplicates. With ``pseudonymisation_key``, customer ids are replaced by their keyed hash.
    ``progress(done, total)`` is called with bytes, per file and per ~64 MB.
    """
    if not paths:
        raise ImportFailed("no files to import")
    sizes = [_size(path) for path in paths]
    total = sum(sizes)
    done = 0
    if progress is not None:
        progress(0, total)
    tables: list[pa.Table] = []
    rejects: list[Reject] = []
    rows_read = 0
    for path, size in zip(paths, sizes, strict=True):

        def on_progress(file_done: int, base: int = done, size: int = size) -> None:
            if progress is not None:
                progress(base + min(file_done, size), total)

        file_tables, file_rejects, file_rows = _read_file(path, fmt, mapping, on_progress)
        tables.extend(file_tables)
        # The file as read is garbage now; hand its memory back before the next one is read
        # (Arrow's allocator would keep it, and the import's peak would be two files' worth).
        pa.default_memory_pool().release_unused()
        rejects.extend(file_rejects)
        rows_read += file_rows
        done += size
        if progress is not None:
            progress(done, total)
    table = pa.concat_tables(tables) if tables else RAW_EVENTS.empty_table()
    table, duplicates = _drop_duplicates(table)
    rejects.extend(duplicates)
    if pseudonymisation_key is not None:
        hashed = pseudonymise(table["customer_id"], pseudonymisation_key)
        table = table.set_column(0, RAW_EVENTS.field("customer_id"), hashed)
    table = _single_dictionaries(table)
    order = {str(path): i for i, path in enumerate(paths)}
    rejects.sort(key=lambda r: (order.get(r.file, len(order)), r.row))
    return EventBatch(table=table, rejects=rejects, rows_read=rows_read)


#: The columns the store numbers by their dictionaries (see ``events.batch_codes``).
CODED_COLUMNS = ("customer_id", "event", "channel")


def _single_dictionaries(table: pa.Table) -> pa.Table:
    """``table`` with one dictionary per coded column, shared by all rows.

    Blocks and files are read with dictionaries of their own; the store sorts by the codes
    of one dictionary. Done column by column, so only one column is ever held twice.
    """
    for name in CODED_COLUMNS:
        column = table.column(name)
        if column.num_chunks > 1:
            i = table.schema.get_field_index(name)
            table = table.set_column(i, table.schema.field(i), text_dictionary(column))
            del column
            pa.default_memory_pool().release_unused()
    return table


def _size(path: Path) -> int:
    try:
        if path.is_dir():
            raise FileUnreadable("is a folder, not a file", file=str(path))
        return path.stat().st_size
    except OSError as exc:
        raise FileUnreadable(
            f"cannot open the file: {exc.strerror or exc}", file=str(path)
        ) from exc


def _read_file(
    path: Path,
    fmt: EventFormat | None,
    mapping: ColumnMapping,
    on_progress: Callable[[int], None],
) -> tuple[list[pa.Table], list[Reject], int]:
    kind = format_of(path, fmt)
    file = str(path)
    if kind == "csv":
        return _csv_events(path, file, mapping, on_progress)
    src: SourceTable
    if kind == "parquet" or (kind == "ga4" and _is_parquet(path)):
        parquet = open_parquet(path, file=file)
        if kind != "ga4" and not (fmt is None and is_ga4(parquet.schema_arrow.names)):
            size = max(path.stat().st_size, 1)
            blocks = parquet_blocks(parquet, file=file, size=size, on_progress=on_progress)
            return blocks_to_events(blocks, mapping)
        src = read_parquet_table(path, file=file, on_progress=on_progress)
    else:
        src = read_jsonl_table(path, file=file, encoding=mapping.encoding, on_progress=on_progress)
    if kind == "ga4" or (fmt is None and is_ga4(src.table.column_names)):
        table, rejects = ga4_events(src, mapping)
    else:
        table, rejects = to_events(src, mapping)
    return [table], rejects, src.rows_read


def _csv_events(
    path: Path, file: str, mapping: ColumnMapping, on_progress: Callable[[int], None]
) -> tuple[list[pa.Table], list[Reject], int]:
    # Block by block: each block is converted before the next is read.
    csv_file = CsvFile(path, file=file, delimiter=mapping.delimiter, encoding=mapping.encoding)
    try:
        return blocks_to_events(csv_file.blocks(on_progress), mapping)
    except NotUtf8 as exc:
        if not csv_file.can_fall_back:
            raise csv_file.undecodable(exc) from None
    # Valid UTF-8 at the start, not further down: an Excel export in Windows-1252.
    return blocks_to_events(csv_file.fall_back().blocks(on_progress), mapping)


def _is_parquet(path: Path) -> bool:
    with path.open("rb") as file:
        return file.read(4) == b"PAR1"


def _drop_duplicates(table: pa.Table) -> tuple[pa.Table, list[Reject]]:
    pairs = duplicate_rows(table)
    if not pairs:
        return table, []
    repeats = np.array([row for row, _ in pairs], np.int64)
    files = table["source_file"]
    numbers = table["source_row"]
    rejects = []
    # The source line is gone by now; the event as read says enough to find it.
    shown = table.select(list(KEY_COLUMNS)).take(pa.array(repeats)).to_pylist()
    for (row, first), cells in zip(pairs, shown, strict=True):
        first_file, first_row = files[first].as_py(), numbers[first].as_py()
        where = f"row {first_row}" + (
            "" if first_file == files[row].as_py() else f" of {first_file}"
        )
        rejects.append(
            Reject(
                file=files[row].as_py(),
                row=numbers[row].as_py(),
                field=None,
                reason=f"duplicate row: same as {where}",
                raw=clip(json.dumps(cells, ensure_ascii=False, default=_iso)),
            )
        )
    keep = np.ones(table.num_rows, bool)
    keep[repeats] = False
    return table.filter(pa.array(keep)), rejects


def _iso(value: object) -> str:
    isoformat = getattr(value, "isoformat", None)
    return str(isoformat()) if isoformat is not None else str(value)
