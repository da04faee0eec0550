"""A feedback file as text cells: headers, rows and the row number a person would look up.

CSV goes through the event importer's reader (delimiter sniffing, ``sep=`` lines, UTF-8
with or without BOM, cp1252 fallback for Excel exports); XLSX through openpyxl, with
numbers and dates written as text the way a person reads them; JSON Lines one object per
line. Feedback files are survey exports, review dumps and ticket lists: they fit in memory.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path

from journeykit.events.importers.csv_reader import read_csv_table
from journeykit.events.importers.errors import EmptyFile, FileUnreadable, UnknownFormat
from journeykit.events.importers.headers import clean_headers
from journeykit.events.importers.rejects import Reject, clip

SUFFIXES = {
    ".csv": "csv",
    ".tsv": "csv",
    ".txt": "csv",
    ".xlsx": "xlsx",
    ".xlsm": "xlsx",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "jsonl",
}


@dataclass
class TextTable:
    """All cells as trimmed text ("" where empty); ``numbers[i]`` is row i's data row."""

    file: str
    headers: list[str]
    rows: list[list[str]]
    numbers: list[int]
    rows_read: int
    rejects: list[Reject] = field(default_factory=list)
    delimiter: str = ","

    def raw(self, index: int) -> str:
        """Row ``index`` joined back as one line, for a reject."""
        return clip(self.delimiter.join(self.rows[index]))


def read_text_table(
    path: Path,
    *,
    delimiter: str | None = None,
    encoding: str | None = None,
    sheet: str | None = None,
) -> TextTable:
    """Read ``path`` by its suffix into a :class:`TextTable`."""
    file = str(path)
    if path.is_dir():
        raise FileUnreadable("is a folder, not a file", file=file)
    if not path.exists():
        raise FileUnreadable("no such file", file=file)
    kind = SUFFIXES.get(path.suffix.lower())
    if kind is None:
        raise UnknownFormat(
            f"cannot tell the format from the name (suffix {path.suffix or 'none'!r})",
            file=file,
            hint="use a .csv, .xlsx or .jsonl file",
        )
    if kind == "csv":
        return _csv(path, file, delimiter, encoding)
    if kind == "xlsx":
        return _xlsx(path, file, sheet)
    return _jsonl(path, file, encoding)


def _csv(path: Path, file: str, delimiter: str | None, encoding: str | None) -> TextTable:
    source = read_csv_table(path, file=file, delimiter=delimiter, encoding=encoding)
    table = source.table
    columns = [table.column(i).to_pylist() for i in range(table.num_columns)]
    rows = [[str(c or "").strip() for c in cells] for cells in zip(*columns, strict=True)]
    raw = source.raw_rows
    used = getattr(raw, "delimiter", ",")
    return TextTable(
        file=file,
        headers=list(table.column_names),
        rows=rows,
        numbers=[int(n) for n in source.rows],
        rows_read=source.rows_read,
        rejects=list(source.rejects),
        delimiter=used,
    )


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip()


def _xlsx(path: Path, file: str, sheet: str | None) -> TextTable:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, OSError, KeyError, ValueError) as exc:
        raise FileUnreadable(f"not a readable Excel workbook: {exc}", file=file) from exc
    try:
        if sheet is not None and sheet not in book.sheetnames:
            from journeykit.model.errors import did_you_mean

            suggestion = did_you_mean(sheet, book.sheetnames)
            raise FileUnreadable(
                f"the workbook has no sheet {sheet!r}"
                + (f"; did you mean {suggestion!r}?" if suggestion else ""),
                file=file,
                hint="sheets: " + ", ".join(book.sheetnames),
            )
        worksheet = book[sheet] if sheet is not None else book.worksheets[0]
        values = [[_cell_text(v) for v in row] for row in worksheet.iter_rows(values_only=True)]
    finally:
        book.close()
    # Survey tools sometimes put a title above the header: the header is the first row that
    # fills at least half as many cells as the fullest of the first rows.
    filled = [sum(bool(c) for c in row) for row in values[:20]]
    wanted = max(1, (max(filled, default=0) + 1) // 2)
    start = next((i for i, n in enumerate(filled) if n >= wanted and n), None)
    if start is None:
        raise EmptyFile("the workbook's sheet is empty", file=file)
    headers = clean_headers(values[start])
    rows, numbers = [], []
    for offset, row in enumerate(values[start + 1 :], start=1):
        if not any(row):
            continue
        cells = (row + [""] * len(headers))[: len(headers)]
        rows.append(cells)
        numbers.append(offset)
    return TextTable(file, headers, rows, numbers, len(values) - start - 1, delimiter=";")


def _jsonl(path: Path, file: str, encoding: str | None) -> TextTable:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise FileUnreadable(f"cannot read the file: {exc.strerror or exc}", file=file) from exc
    try:
        text = data.decode(encoding or "utf-8-sig")
    except UnicodeDecodeError:
        if encoding is not None:
            raise FileUnreadable(f"the file is not valid {encoding} text", file=file) from None
        text = data.decode("cp1252", errors="replace")
    objects: list[tuple[int, dict[str, object]]] = []
    rejects: list[Reject] = []
    headers: dict[str, None] = {}
    lines = text.splitlines()
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as exc:
            rejects.append(Reject(file, number, None, f"not valid JSON: {exc.msg}", clip(line)))
            continue
        if not isinstance(value, dict):
            rejects.append(Reject(file, number, None, "expected a JSON object", clip(line)))
            continue
        objects.append((number, value))
        headers.update(dict.fromkeys(str(k) for k in value))
    if not objects and not rejects:
        raise EmptyFile("the file is empty", file=file)
    names = list(headers)
    rows = [[_json_text(obj.get(name)) for name in names] for _, obj in objects]
    return TextTable(
        file, names, rows, [n for n, _ in objects], len(objects) + len(rejects), rejects, ","
    )


def _json_text(value: object) -> str:
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    return _cell_text(value)
