"""Customer attributes (age group, segment, postcode, signup date...) as a typed table.

Each text column gets the narrowest type all its values fit: whole numbers, decimal numbers
(decimal comma understood), booleans (true/false, yes/no, ja/nein, wahr/falsch), dates
(2024-03-01 or 01.03.2024), else text. Numbers with leading zeros (postcodes, article numbers)
and with a plus sign (phone numbers) stay text. Column names become identifiers.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from journeykit.events.importers.batch import AttributeBatch
from journeykit.events.importers.cells import trim
from journeykit.events.importers.convert import text_column
from journeykit.events.importers.csv_reader import read_csv_table
from journeykit.events.importers.errors import EmptyFile, MissingColumn
from journeykit.events.importers.headers import (
    ALIASES,
    detect_column,
    find_column,
    unique_identifiers,
)
from journeykit.events.importers.jsonl_reader import read_jsonl_table
from journeykit.events.importers.numeric import INTEGER, detect_decimal, number_text, parse_numbers
from journeykit.events.importers.parquet_reader import read_parquet_table
from journeykit.events.importers.pseudonym import pseudonymise
from journeykit.events.importers.reader import format_of
from journeykit.events.importers.rejects import Reject
from journeykit.events.importers.source import SourceTable
from journeykit.events.importers.timestamps import OK, parse_times
from journeykit.events.schema import ATTRIBUTE_ID

TRUE_WORDS = ("true", "yes", "ja", "wahr")
FALSE_WORDS = ("false", "no", "nein", "falsch")
_DATE = r"^(\d{4}-\d{1,2}-\d{1,2}|\d{1,2}\.\d{1,2}\.\d{4})$"
# Whole numbers beyond 18 digits may not fit int64; such ids are text anyway.
_MAX_DIGITS = 18


def read_attributes(
    path: Path,
    *,
    id_column: str | None = None,
    delimiter: str | None = None,
    encoding: str | None = None,
    decimal: str | None = None,
    pseudonymisation_key: bytes | None = None,
) -> AttributeBatch:
    """Read a file of customer attributes (CSV, Parquet or JSON Lines), one row per customer.

    ``id_column`` None finds the customer id like the event importer does. Rows without an id,
    and later rows repeating an id, are rejects.
    """
    file = str(path)
    kind = format_of(path)
    src: SourceTable
    if kind == "csv":
        src = read_csv_table(path, file=file, delimiter=delimiter, encoding=encoding)
    elif kind == "parquet":
        src = read_parquet_table(path, file=file)
    else:
        src = read_jsonl_table(path, file=file, encoding=encoding)
    headers = src.table.column_names
    id_name = (
        find_column(headers, id_column)
        if id_column is not None
        else detect_column(headers, "customer_id", set())
    )
    if id_name is None:
        raise MissingColumn(
            file=file,
            field="the customer id",
            headers=headers,
            wanted=[id_column] if id_column is not None else ALIASES["customer_id"],
            named=id_column is not None,
        )
    if src.rows_read == 0:
        raise EmptyFile("the file has a header but no data rows", file=file)
    ids = text_column(src.table[id_name], name=id_name, file=file)
    bad = pc.equal(ids.values, "").to_numpy(zero_copy_only=False).copy()
    for wrong in (ids.wrong, src.not_text.get(id_name)):
        if wrong is not None:
            bad |= wrong
    rejects = list(src.rejects)
    reasons = {int(i): "empty customer id" for i in np.flatnonzero(bad)}
    for row, first in _repeats(ids.values, bad):
        reasons[row] = f"duplicate customer id (first in row {src.rows[first]})"
        bad[row] = True
    if reasons:
        indices = sorted(reasons)
        for i, raw in zip(indices, src.raw_rows(indices), strict=True):
            rejects.append(Reject(file, int(src.rows[i]), id_name, reasons[i], raw))
    keep = pa.array(~bad)
    others = [name for name in headers if name != id_name]
    names = unique_identifiers(others, reserved=[ATTRIBUTE_ID])
    if src.text_cells and decimal is None:
        decimal = detect_decimal([src.table[name] for name in others])
    customer = ids.values.filter(keep)
    if pseudonymisation_key is not None:
        customer = pseudonymise(customer, pseudonymisation_key)
    columns = [customer]
    for name in others:
        column = src.table[name].combine_chunks().filter(keep)
        columns.append(typed(column, decimal or ".") if src.text_cells else column)
    table = pa.Table.from_arrays(columns, names=[ATTRIBUTE_ID, *names])
    return AttributeBatch(
        table=table,
        rejects=rejects,
        rows_read=src.rows_read,
        column_names=dict(zip(others, names, strict=True)),
    )


def _repeats(ids: pa.Array, bad: np.ndarray) -> list[tuple[int, int]]:
    """(row, first row) for each usable row whose id an earlier usable row already had."""
    usable = np.flatnonzero(~bad)
    codes = pc.dictionary_encode(ids.take(pa.array(usable))).indices.to_numpy(zero_copy_only=False)
    _, first_index = np.unique(codes, return_index=True)
    firsts = first_index[codes]
    repeated = np.flatnonzero(firsts != np.arange(len(codes)))
    return [(int(usable[i]), int(usable[firsts[i]])) for i in repeated]


def typed(column: pa.Array, decimal: str) -> pa.Array:
    """A text column as the narrowest type every non-empty value fits.

    >>> typed(pa.array(["1,5", " 2 ", ""]), ",").to_pylist()
    [1.5, 2.0, None]
    >>> typed(pa.array(["01067", "10115"]), ".").to_pylist()
    ['01067', '10115']
    """
    values = trim(column)
    values = pc.if_else(pc.equal(values, ""), pa.scalar(None, pa.string()), values)
    present = values.drop_null()
    if len(present) == 0:
        return values

    def every(mask: pa.Array) -> bool:
        return bool(pc.all(mask).as_py())

    if every(pc.match_substring_regex(present, INTEGER)) and every(
        pc.less_equal(pc.utf8_length(present), _MAX_DIGITS)
    ):
        return pc.cast(values, pa.int64())
    is_number, _ = number_text(present, decimal)
    if every(is_number):
        return parse_numbers(values, decimal)
    lowered = pc.utf8_lower(present)
    if every(pc.is_in(lowered, pa.array(TRUE_WORDS + FALSE_WORDS))):
        return _booleans(values)
    if every(pc.match_substring_regex(present, _DATE)):
        parsed = parse_times(values, allow_mixed=True)
        if bool((parsed.status[values.is_valid().to_numpy(zero_copy_only=False)] == OK).all()):
            return pc.cast(parsed.ts, pa.date32())
    return values


def _booleans(values: pa.Array) -> pa.Array:
    truth = pc.is_in(pc.utf8_lower(values), pa.array(TRUE_WORDS))
    return pc.if_else(values.is_null(), pa.scalar(None, pa.bool_()), truth)
