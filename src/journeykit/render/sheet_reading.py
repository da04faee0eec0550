"""Reading a spreadsheet file into a plain grid of text cells: CSV in any usual encoding and
delimiter, or the map sheet of an XLSX workbook.

The grid is a list of rows, each a list of cell texts (``""`` for an empty cell); numbers
from XLSX become their shortest text (``2.0`` becomes ``"2"``). Problems with the file itself
(unknown suffix, not a workbook, an encoding nothing can read) raise
:class:`~journeykit.model.errors.DocumentInvalid`.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from pathlib import PurePath

from journeykit.model.errors import DocumentInvalid, Issue

#: Sheet names the importer prefers in a workbook (the XLSX export writes the grid there).
GRID_SHEET_NAMES = ("karte", "map")
#: Generous bounds that keep a pasted-by-mistake file from eating the server's memory.
MAX_ROWS = 500
MAX_COLUMNS = 2_000

_DELIMITERS = ";,\t|"


def _refuse(filename: str, code: str, message: str, line: int | None = None) -> DocumentInvalid:
    return DocumentInvalid([Issue(code=code, message=message, file=filename, line=line)])


def column_letter(index: int) -> str:
    """Spreadsheet letters of a 1-based column: 1 → A, 27 → AA."""
    letters = ""
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _decode(data: bytes, filename: str) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")  # Excel's "Unicode text" export
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        # German Excel saves "CSV (Trennzeichen-getrennt)" in Windows-1252.
        return data.decode("cp1252")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise _refuse(
            filename,
            "unreadable_encoding",
            "is neither UTF-8 nor Windows-1252 text; save it as CSV UTF-8",
            line,
        ) from exc


def _delimiter(text: str) -> str:
    sample = "\n".join(text.splitlines()[:20])
    try:
        return csv.Sniffer().sniff(sample, delimiters=_DELIMITERS).delimiter
    except csv.Error:
        first = text.splitlines()[0] if text else ""
        return max(_DELIMITERS, key=first.count)


def _unguarded(cell: str) -> str:
    """A cell without the apostrophe that keeps ``=…`` from running as a formula in Excel."""
    return cell[1:] if len(cell) > 1 and cell[0] == "'" and cell[1] in "=+-@\t\r" else cell


def read_csv_grid(data: bytes, filename: str) -> list[list[str]]:
    """The cells of a CSV file, whatever its delimiter (``;`` ``,`` tab ``|``) and encoding."""
    text = _decode(data, filename).replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise _refuse(filename, "empty_sheet", "is empty; expected a map grid")
    try:
        rows = csv.reader(io.StringIO(text), delimiter=_delimiter(text))
        return [[_unguarded(cell) for cell in row] for row in rows]
    except csv.Error as exc:
        raise _refuse(filename, "malformed_csv", f"cannot be read as CSV: {exc}") from exc


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return str(value).replace("\r\n", "\n").replace("\r", "\n")


def read_xlsx_grid(data: bytes, filename: str) -> list[list[str]]:
    """The cells of the map sheet of an XLSX workbook: "Karte" or "Map" if it has one, else
    the first sheet."""
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise _refuse(filename, "not_a_workbook", "is not an XLSX workbook") from exc
    try:
        names = {name.casefold(): name for name in book.sheetnames}
        chosen = next((names[n] for n in GRID_SHEET_NAMES if n in names), book.sheetnames[0])
        sheet = book[chosen]
        # read-only sheets pad every row to max_col, so ask for no more than the sheet has
        columns = min(sheet.max_column or MAX_COLUMNS + 1, MAX_COLUMNS + 1)
        rows = []
        for row in sheet.iter_rows(values_only=True, max_row=MAX_ROWS + 1, max_col=columns):
            rows.append([_cell_text(value) for value in row])
        return rows
    finally:
        book.close()


def read_grid(data: bytes, filename: str) -> list[list[str]]:
    """The grid of a ``.csv``/``.txt``/``.tsv`` or ``.xlsx``/``.xlsm`` file, by its suffix."""
    suffix = PurePath(filename).suffix.lower()
    if suffix in {".csv", ".txt", ".tsv"}:
        rows = read_csv_grid(data, filename)
    elif suffix in {".xlsx", ".xlsm"}:
        rows = read_xlsx_grid(data, filename)
    elif suffix == ".xls":
        raise _refuse(
            filename, "unsupported_sheet", "is an old Excel file (.xls); save it as .xlsx or CSV"
        )
    else:
        raise _refuse(
            filename,
            "unsupported_sheet",
            f"has the suffix {suffix or '(none)'!r}; expected .csv or .xlsx",
        )
    if len(rows) > MAX_ROWS:
        raise _refuse(filename, "sheet_too_large", f"has more than {MAX_ROWS} rows", MAX_ROWS + 1)
    if any(len(row) > MAX_COLUMNS for row in rows):
        raise _refuse(filename, "sheet_too_large", f"has more than {MAX_COLUMNS} columns")
    return rows
