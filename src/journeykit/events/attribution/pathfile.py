"""Read aggregated path files: R ChannelAttribution's layout and analytics exports.

ChannelAttribution uses the columns ``path``, ``total_conversions``,
``total_conversion_value`` and ``total_null``; Google Analytics conversion-path exports have
a channel-grouping path, ``Conversions`` and ``Conversion Value`` (no null paths), often
after a few ``#`` comment lines. Both are read by :func:`read_path_table`.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from journeykit.events.attribution.errors import (
    BadNumber,
    BadRow,
    EmptyFile,
    InvalidPath,
    MissingColumn,
    PathFileMissing,
)
from journeykit.events.attribution.paths import PathRow, PathTable, check_path_row
from journeykit.events.attribution.textnumbers import decimal_mark_of, parse_number
from journeykit.model.errors import did_you_mean

_DELIMITERS = (",", ";", "\t")

# Header names compared after _key(): case, spaces, "_", "-" and "/" do not matter.
_PATH_NAMES = (
    "path",
    "paths",
    "channel path",
    "conversion path",
    "mcf channel grouping path",
    "channel grouping path",
    "default channel grouping path",
    "default channel group path",
    "source medium path",
    "touchpoint path",
    "customer journey",
    "journey",
    "pfad",
    "kanalpfad",
)
_CONVERSION_NAMES = (
    "total conversions",
    "conversions",
    "conversion",
    "total conversion",
    "key events",
    "converters",
    "konversionen",
)
_NULL_NAMES = (
    "total null",
    "total nulls",
    "nulls",
    "null",
    "total non conversions",
    "non conversions",
    "non converters",
    "null conversions",
)
_VALUE_NAMES = (
    "total conversion value",
    "conversion value",
    "total value",
    "value",
    "revenue",
    "total revenue",
    "purchase revenue",
    "conversion wert",
    "umsatz",
)


def read_path_table(
    path: Path,
    *,
    path_column: str = "path",
    conversions_column: str = "total_conversions",
    nulls_column: str = "total_null",
    value_column: str | None = None,
    separator: str = " > ",
) -> PathTable:
    """Read a CSV of aggregated paths into a :class:`PathTable` (repeats collapsed).

    The delimiter (``,``, ``;`` or tab) and encoding (UTF-8 with or without BOM, UTF-16 with
    BOM, else Windows-1252/Latin-1) are detected; numbers may use decimal commas. A column
    left at its default name is also found under common synonyms (``Conversions``,
    ``MCF Channel Grouping Path``, ...). Without a null column every path counts 0 null
    journeys; with ``value_column=None`` a value column is used when the header has one.
    Lines starting with ``#`` before the header are skipped; one after the rows ends them
    (exports append further tables that way).
    """
    text = _decode(path)
    lines = text.splitlines()
    header_index = next(
        (i for i, line in enumerate(lines) if line.strip() and not line.lstrip().startswith("#")),
        None,
    )
    if header_index is None:
        raise EmptyFile(
            path,
            "the file is empty",
            hint="expected a header such as 'path,total_conversions,total_null'",
        )
    delimiter = _sniff_delimiter(lines[header_index])
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    header: list[str] = []
    records: list[tuple[int, list[str]]] = []
    for cells in reader:
        line = reader.line_num
        if not any(cell.strip() for cell in cells):
            continue
        if cells[0].lstrip().startswith("#"):
            if header:
                break
            continue
        if not header:
            header = [cell.strip() for cell in cells]
            continue
        records.append((line, cells))
    if not records:
        raise EmptyFile(path, "the file has a header but no rows", line=header_index + 1)

    columns = _Columns.find(
        path, header, path_column, conversions_column, nulls_column, value_column
    )
    numeric = [i for i in (columns.conversions, columns.nulls, columns.value) if i is not None]
    mark = decimal_mark_of(
        (cells[i] for _, cells in records for i in numeric if i < len(cells)), delimiter
    )
    rows = []
    for line, cells in records:
        if len(cells) <= max(columns.indices()):
            raise BadRow(
                path, f"the row has {len(cells)} cells, the header has {len(header)}", line=line
            )
        channels = _split_path(path, line, header[columns.path], cells[columns.path], separator)

        def number(index: int | None, *, line: int = line, cells: list[str] = cells) -> float:
            if index is None:
                return 0.0
            try:
                return parse_number(cells[index], mark)
            except ValueError as error:
                raise BadNumber(
                    path, f"{error}; expected a number ≥ 0", line=line, column=header[index]
                ) from None

        row = PathRow(
            channels,
            conversions=number(columns.conversions),
            nulls=number(columns.nulls),
            value=None if columns.value is None else number(columns.value),
        )
        try:
            check_path_row(row)
        except InvalidPath as error:
            raise BadRow(path, error.message, line=line, hint=error.hint) from None
        rows.append(row)
    return PathTable(rows)


@dataclass(frozen=True)
class _Columns:
    path: int
    conversions: int
    nulls: int | None
    value: int | None

    def indices(self) -> list[int]:
        return [i for i in (self.path, self.conversions, self.nulls, self.value) if i is not None]

    @classmethod
    def find(
        cls,
        file: Path,
        header: list[str],
        path_column: str,
        conversions_column: str,
        nulls_column: str,
        value_column: str | None,
    ) -> _Columns:
        def find(given: str | None, default: str | None, synonyms: Sequence[str]) -> int | None:
            wanted = [_key(given)] if given is not None else []
            if given == default:
                wanted += synonyms
            keys = [_key(name) for name in header]
            for name in wanted:
                if name in keys:
                    return keys.index(name)
            return None

        def required(given: str, default: str, synonyms: Sequence[str]) -> int:
            found = find(given, default, synonyms)
            if found is None:
                raise MissingColumn(file, given, header, did_you_mean(given, header))
            return found

        nulls = find(nulls_column, "total_null", _NULL_NAMES)
        if nulls is None and nulls_column != "total_null":
            raise MissingColumn(file, nulls_column, header, did_you_mean(nulls_column, header))
        value = find(value_column, None, _VALUE_NAMES if value_column is None else ())
        if value is None and value_column is not None:
            raise MissingColumn(file, value_column, header, did_you_mean(value_column, header))
        return cls(
            path=required(path_column, "path", _PATH_NAMES),
            conversions=required(conversions_column, "total_conversions", _CONVERSION_NAMES),
            nulls=nulls,
            value=value,
        )


def _key(name: str) -> str:
    return re.sub(r"[\W_]+", " ", name.casefold()).strip()


def _decode(path: Path) -> str:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise PathFileMissing(path, "no such file") from None
    except OSError as error:
        raise PathFileMissing(path, f"cannot be read ({error.strerror})") from None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        # Excel's "Unicode text" export: UTF-16 with a byte order mark.
        return data.decode("utf-16")
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    # Latin-1 maps every byte, so this is the last resort that never fails.
    return data.decode("latin-1")


def _sniff_delimiter(header: str) -> str:
    outside_quotes = re.sub(r'"[^"]*"', "", header)
    counts = [(outside_quotes.count(d), -i, d) for i, d in enumerate(_DELIMITERS)]
    best = max(counts)
    return best[2] if best[0] > 0 else ","


def _split_path(file: Path, line: int, column: str, cell: str, separator: str) -> tuple[str, ...]:
    text = cell.strip()
    if not text:
        return ()
    # Split on the bare separator so "A>B" and "A > B" read alike.
    bare = separator.strip() or separator
    channels = tuple(part.strip() for part in text.split(bare))
    if any(not channel for channel in channels):
        raise BadRow(
            file,
            f"the path {text!r} has an empty channel name",
            line=line,
            column=column,
            hint=f"channels are separated by {separator!r}",
        )
    return channels
