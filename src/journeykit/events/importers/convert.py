"""A read file's columns turned into event rows: mapped, typed, checked, with rejects.

Everything here works on whole columns; Python only loops over rejected rows, to say why.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from journeykit.events.importers.cells import empty_as_null, null_where, trim
from journeykit.events.importers.dictionary import (
    all_null,
    fill_null_value,
    map_values,
    null_rows,
    repeated,
    rows_where,
    text_dictionary,
)
from journeykit.events.importers.errors import EmptyFile, MixedTimezones, WrongType
from journeykit.events.importers.headers import ResolvedColumns, resolve_columns
from journeykit.events.importers.jsontext import json_field, objects
from journeykit.events.importers.mapping import ColumnMapping
from journeykit.events.importers.numeric import detect_decimal
from journeykit.events.importers.rejects import Reject
from journeykit.events.importers.source import SourceTable, prefetched
from journeykit.events.importers.timestamps import (
    OK,
    ParsedTimes,
    UnsupportedTimeType,
    describe,
    parse_times,
)
from journeykit.events.schema import RAW_EVENTS

_NO_TEXT = pa.scalar(None, pa.string())
#: Threads for the column work of one file (the machines this targets have two cores).
WORKERS = min(4, os.cpu_count() or 1)


@dataclass(frozen=True)
class TextColumn:
    """A column as trimmed text ("" where missing) and the rows whose value had a wrong type."""

    values: pa.Array
    wrong: np.ndarray | None


def text_column(column: pa.Array | pa.ChunkedArray, *, name: str, file: str) -> TextColumn:
    """Ids, event names and the like as text: integers are fine, other types are not.

    A whole column of a type that can never be text (booleans, objects) is a file error.
    """
    if pa.types.is_dictionary(column.type) and _is_text(column.type.value_type):
        # Trimmed once per distinct value; rows keep their indices.
        values = text_dictionary(column)
        values = map_values(values, lambda texts: trim(texts).fill_null(""))
        return TextColumn(fill_null_value(values, ""), None)
    values = column.combine_chunks() if isinstance(column, pa.ChunkedArray) else column
    kind = values.type
    if pa.types.is_dictionary(kind):
        return text_column(values.dictionary_decode(), name=name, file=file)
    wrong = None
    if pa.types.is_null(kind):
        values = pa.nulls(len(values), pa.string())
    elif pa.types.is_integer(kind):
        values = pc.cast(values, pa.string())
    elif pa.types.is_floating(kind):
        # JSON has no integers of its own to some writers: 12.0 is the id 12; 12.5 is no id.
        whole = pc.and_(pc.is_finite(values), pc.equal(pc.floor(values), values)).fill_null(True)
        wrong = ~whole.to_numpy(zero_copy_only=False)
        ints = pc.cast(pc.if_else(whole, values, 0.0), pa.int64(), safe=False)
        values = pc.if_else(whole, pc.cast(ints, pa.string()), _NO_TEXT)
    elif not _is_text(kind):
        raise WrongType(
            f"column {name!r} holds {kind} values; expected text or whole numbers", file=file
        )
    trimmed = trim(values).fill_null("")
    return TextColumn(trimmed, wrong)


def _is_text(kind: pa.DataType) -> bool:
    return bool(pa.types.is_string(kind) or pa.types.is_large_string(kind))


def optional_text(
    column: pa.Array | pa.ChunkedArray | None, n: int, *, name: str, file: str
) -> pa.Array:
    """Channel or source: trimmed text, null where empty (or of a wrong type)."""
    if column is None:
        return pa.nulls(n, pa.string())
    text = text_column(column, name=name, file=file)
    if pa.types.is_dictionary(text.values.type):
        return null_rows(text.values, rows_where(text.values, pc.equal(text.values.dictionary, "")))
    values = empty_as_null(text.values)
    if text.wrong is not None and text.wrong.any():
        values = null_where(values, text.wrong)
    return values


@dataclass
class EventColumns:
    """The event fields of one file, before checking: the same length as the file's rows."""

    customer: TextColumn
    times: ParsedTimes
    event: TextColumn
    channel: pa.Array
    source: pa.Array
    properties: pa.Array
    # The source columns named in rejects, and the format tried for times.
    names: tuple[str, str, str]
    time_values: pa.Array | pa.ChunkedArray
    time_format: str | None = None


@dataclass
class FilePlan:
    """What is decided once per file: the columns, the decimal separator, the zones seen."""

    columns: ResolvedColumns
    mapping: ColumnMapping
    decimal: str
    # (row, value) of the first time without and with a zone: a file may not mix them.
    first_naive: tuple[int, object] | None = None
    first_zoned: tuple[int, object] | None = None


def plan_file(first: SourceTable, mapping: ColumnMapping) -> FilePlan:
    """Map the file's columns (from its first block) and pick its decimal separator."""
    columns = resolve_columns(first.table.column_names, mapping, file=first.file)
    decimal = mapping.decimal or "."
    if first.text_cells and mapping.decimal is None:
        decimal = detect_decimal([first.table[p] for p in columns.properties])
    return FilePlan(columns=columns, mapping=mapping, decimal=decimal)


def to_events(src: SourceTable, mapping: ColumnMapping) -> tuple[pa.Table, list[Reject]]:
    """Map, type and check one file's rows: the usable ones as ``RAW_EVENTS``, the rest rejects."""
    plan = plan_file(src, mapping)
    if src.rows_read == 0:
        raise EmptyFile("the file has a header but no data rows", file=src.file)
    return block_events(src, plan)


def blocks_to_events(
    blocks: Iterator[SourceTable], mapping: ColumnMapping
) -> tuple[list[pa.Table], list[Reject], int]:
    """:func:`block_events` for each block of one file: tables, rejects and rows read."""
    tables: list[pa.Table] = []
    rejects: list[Reject] = []
    plan: FilePlan | None = None
    rows_read = 0
    file = ""
    for block in prefetched(blocks):
        plan = plan or plan_file(block, mapping)
        table, block_rejects = block_events(block, plan)
        tables.append(table)
        rejects.extend(block_rejects)
        rows_read, file = block.rows_read, block.file
    if rows_read == 0:
        raise EmptyFile("the file has a header but no data rows", file=file)
    return tables, rejects, rows_read


def block_events(src: SourceTable, plan: FilePlan) -> tuple[pa.Table, list[Reject]]:
    """Type and check one block of a file's rows (see :func:`plan_file`)."""
    table, columns, mapping = src.table, plan.columns, plan.mapping
    n = table.num_rows
    # Arrow's kernels run on one core and release the GIL: two threads do two columns at once.
    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        times = pool.submit(time_column, src, columns.ts, mapping)
        props = [
            pool.submit(
                json_field,
                p,
                table[p].combine_chunks(),
                text_cells=src.text_cells,
                decimal=plan.decimal,
            )
            for p in sorted(columns.properties)
        ]
        customer = pool.submit(_text_of, src, columns.customer_id)
        event = pool.submit(_text_of, src, columns.event)
        channel = pool.submit(
            optional_text, _get(table, columns.channel), n, name=str(columns.channel), file=src.file
        )
        source = pool.submit(
            optional_text, _get(table, columns.source), n, name=str(columns.source), file=src.file
        )
        fields = EventColumns(
            customer=customer.result(),
            times=times.result(),
            event=event.result(),
            channel=channel.result(),
            source=source.result(),
            properties=objects([p.result() for p in props], n),
            names=(columns.customer_id, columns.ts, columns.event),
            time_values=table[columns.ts],
            time_format=mapping.timestamp_format,
        )
    _check_zones(src, plan, fields.times)
    return assemble(src, fields)


def _check_zones(src: SourceTable, plan: FilePlan, times: ParsedTimes) -> None:
    """Remember the first naive and zoned time; both in one file is an error without a zone."""
    ok = times.status == OK
    column = src.table[plan.columns.ts]
    for naive in (True, False):
        hits = ok & (times.naive == naive)
        if hits.any() and (plan.first_naive if naive else plan.first_zoned) is None:
            i = int(np.argmax(hits))
            seen = (int(src.rows[i]), column[i].as_py())
            if naive:
                plan.first_naive = seen
            else:
                plan.first_zoned = seen
    if plan.mapping.timezone is None and plan.first_naive and plan.first_zoned:
        (naive_row, naive_value), (zoned_row, zoned_value) = plan.first_naive, plan.first_zoned
        raise MixedTimezones(
            f"column {plan.columns.ts!r} mixes times with a zone (row {zoned_row}: "
            f"{zoned_value!r}) and without (row {naive_row}: {naive_value!r})",
            file=src.file,
            hint="name the time zone of the times without one in the column mapping (timezone)",
        )


def _text_of(src: SourceTable, name: str) -> TextColumn:
    text = text_column(src.table[name], name=name, file=src.file)
    odd = src.not_text.get(name)
    if odd is None:
        return text
    return TextColumn(text.values, odd if text.wrong is None else odd | text.wrong)


def _get(table: pa.Table, name: str | None) -> pa.ChunkedArray | None:
    return None if name is None else table[name]


def time_column(src: SourceTable, name: str, mapping: ColumnMapping) -> ParsedTimes:
    """Parse the time column; a column of a type that cannot hold times is a file error."""
    try:
        return parse_times(
            src.table[name],
            fmt=mapping.timestamp_format,
            timezone=mapping.timezone,
            allow_mixed=True,  # checked across the blocks of the file by the caller
        )
    except UnsupportedTimeType as exc:
        raise WrongType(
            f"column {name!r} holds {exc} values; expected times", file=src.file
        ) from None


def assemble(src: SourceTable, fields: EventColumns) -> tuple[pa.Table, list[Reject]]:
    """Check every row, build the usable ones as ``RAW_EVENTS`` and say why the others failed."""
    customer, event = fields.customer, fields.event
    bad = _empty(customer.values) | (fields.times.status != OK) | _empty(event.values)
    for wrong in (customer.wrong, event.wrong):
        if wrong is not None:
            bad |= wrong
    rejects = src.rejects + (_reasons(src, fields, np.flatnonzero(bad)) if bad.any() else [])
    arrays = [
        text_dictionary(customer.values),
        fields.times.ts,
        text_dictionary(event.values),
        text_dictionary(fields.channel),
        text_dictionary(fields.source),
        fields.properties,
    ]
    rows = src.rows
    if bad.any():
        keep = pa.array(~bad)
        arrays = [a.filter(keep) for a in arrays]
        rows = rows[~bad]
    n = len(rows)
    # Columns without any value share one buffer however long the file (see all_null).
    columns = [a if a.null_count < n or n == 0 else all_null(a.type, n) for a in arrays]
    columns += [repeated(src.file, n), pa.array(rows, pa.int64())]
    return pa.Table.from_arrays(columns, schema=RAW_EVENTS), rejects


def _empty(values: pa.Array) -> np.ndarray:
    """Per row, whether the (trimmed, never null) text is empty."""
    if pa.types.is_dictionary(values.type):
        return rows_where(values, pc.equal(values.dictionary, ""))
    result: np.ndarray = pc.equal(values, "").to_numpy(zero_copy_only=False)
    return result


def _reasons(src: SourceTable, fields: EventColumns, indices: np.ndarray) -> list[Reject]:
    raws = src.raw_rows([int(i) for i in indices])
    return [
        Reject(file=src.file, row=int(src.rows[i]), field=field, reason=reason, raw=raw)
        for i, raw in zip(indices.tolist(), raws, strict=True)
        for field, reason in [_why(fields, i)]
    ]


def _why(fields: EventColumns, i: int) -> tuple[str, str]:
    """The first problem of row ``i``, in the order the columns are checked."""
    customer, time, event = fields.names
    if fields.customer.wrong is not None and fields.customer.wrong[i]:
        return customer, "wrong type for the customer id: expected text or a whole number"
    if fields.customer.values[i].as_py() == "":
        return customer, "empty customer id"
    status = int(fields.times.status[i])
    if status != OK:
        return time, describe(fields.time_values[i].as_py(), status, fields.time_format)
    if fields.event.wrong is not None and fields.event.wrong[i]:
        return event, "wrong type for the event: expected text or a whole number"
    return event, "empty event"
