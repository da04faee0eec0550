"""JSON Lines files as Arrow tables, with line numbers and a reject for every broken line.

Arrow's JSON reader takes the whole file in one multi-threaded pass. Only when it refuses the
file (a broken line, a value whose type changes between lines) are the lines checked one by one
with Python's ``json``; the good ones go back to Arrow, or, if their types still clash, are
assembled column by column with mixed columns kept as text.
"""

from __future__ import annotations

import codecs
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.json as pajson

from journeykit.events.importers.csv_reader import FALLBACK_ENCODING
from journeykit.events.importers.errors import EmptyFile, FileUnreadable, Undecodable
from journeykit.events.importers.rejects import Reject, clip
from journeykit.events.importers.source import ProgressFn, SourceTable, read_blocks

_SAMPLE_LINES = 1000
_ENCODING_HINT = "name the file's encoding in the column mapping"


@dataclass(frozen=True)
class _Lines:
    """Where each non-blank line of the file starts and ends, and its 1-based number."""

    data: bytes
    starts: np.ndarray
    ends: np.ndarray
    numbers: np.ndarray

    def text(self, i: int) -> str:
        raw = self.data[self.starts[i] : self.ends[i]]
        return raw.decode("utf-8", errors="replace").rstrip("\r")


def _lines(data: bytes) -> _Lines:
    bytes_ = np.frombuffer(data, np.uint8)
    newlines = np.flatnonzero(bytes_ == 10)
    starts = np.concatenate([[0], newlines + 1]).astype(np.int64)
    ends = np.concatenate([newlines, [len(data)]]).astype(np.int64)
    numbers = np.arange(1, len(starts) + 1, dtype=np.int64)
    length = ends - starts
    first = (
        bytes_[np.minimum(starts, max(len(data) - 1, 0))] if len(data) else np.zeros(0, np.uint8)
    )
    # Blank: nothing, or a lone carriage return; lines of spaces are rare and parsed as errors.
    blank = (length == 0) | ((length == 1) & (first == 13))
    return _Lines(data, starts[~blank], ends[~blank], numbers[~blank])


def read_jsonl_table(
    path: Path, *, file: str, encoding: str | None = None, on_progress: ProgressFn | None = None
) -> SourceTable:
    """Read a JSON Lines file; rows are numbered by their line in the file."""
    try:
        data = read_blocks(str(path), on_progress)
    except OSError as exc:
        raise FileUnreadable(f"cannot read the file: {exc.strerror or exc}", file=file) from exc
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    if encoding is not None and codecs.lookup(encoding).name not in {"utf-8", "utf-8-sig"}:
        try:
            data = data.decode(encoding).encode("utf-8")
        except UnicodeDecodeError as exc:
            raise Undecodable(f"the file is not valid {encoding} text ({exc})", file=file) from None
    if not data.strip():
        raise EmptyFile("the file is empty", file=file)
    try:
        return _read_utf8(data, file)
    except _NotUtf8:
        if encoding is not None:
            raise Undecodable(
                f"the file is not valid {encoding} text", file=file, hint=_ENCODING_HINT
            ) from None
    # JSON should be UTF-8, but exports from Windows tools are not always.
    try:
        data = data.decode(FALLBACK_ENCODING).encode("utf-8")
    except UnicodeDecodeError as exc:
        raise Undecodable(
            f"the file is neither UTF-8 nor {FALLBACK_ENCODING} text ({exc})",
            file=file,
            hint=_ENCODING_HINT,
        ) from None
    return _read_utf8(data, file)


class _NotUtf8(Exception):
    pass


def _read_utf8(data: bytes, file: str) -> SourceTable:
    lines = _lines(data)
    schema = _text_schema(lines)
    table = _arrow(data, schema, int(np.max(lines.ends - lines.starts, initial=0)))
    if table is not None and table.num_rows == len(lines.numbers):
        try:
            # Arrow's JSON reader does not check UTF-8; its validation is quick.
            table.validate(full=True)
        except pa.ArrowInvalid:
            raise _NotUtf8 from None
        return _source(file, table, lines, np.arange(len(lines.numbers)), [])
    if not _is_utf8(data):
        raise _NotUtf8
    return _line_by_line(file, lines, schema)


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _text_schema(lines: _Lines) -> pa.Schema:
    """Text for the keys whose sampled values are all text.

    Left to itself Arrow turns ISO-looking strings into timestamps, dropping their zone and
    the difference between naive and zoned times that the importer must see.
    """
    kinds: dict[str, set[type]] = {}
    for i in range(min(_SAMPLE_LINES, len(lines.numbers))):
        try:
            row = json.loads(lines.text(i))
        except ValueError:
            continue
        if isinstance(row, dict):
            for key, value in row.items():
                kinds.setdefault(key, set()).add(type(value))
    return pa.schema(
        [
            (key, pa.string())
            for key, seen in kinds.items()
            if seen <= {str, type(None)} and str in seen
        ]
    )


def _arrow(data: bytes, schema: pa.Schema, longest: int) -> pa.Table | None:
    try:
        return pajson.read_json(
            pa.BufferReader(data),
            read_options=pajson.ReadOptions(block_size=max(4 << 20, 2 * longest + 2)),
            parse_options=pajson.ParseOptions(
                explicit_schema=schema, unexpected_field_behavior="infer"
            ),
        )
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError, pa.ArrowTypeError):
        return None


def _line_by_line(file: str, lines: _Lines, schema: pa.Schema) -> SourceTable:
    # Lines of nothing but spaces are blank lines too, not broken ones.
    filled = np.array([bool(lines.text(i).strip()) for i in range(len(lines.numbers))], bool)
    if not filled.all():
        lines = _Lines(lines.data, lines.starts[filled], lines.ends[filled], lines.numbers[filled])
    good: list[int] = []
    objects: list[dict[str, Any]] = []
    rejects: list[Reject] = []
    for i in range(len(lines.numbers)):
        text = lines.text(i)
        try:
            row = json.loads(text)
        except ValueError as exc:
            reason = (
                f"invalid JSON: {getattr(exc, 'msg', exc)} (column {getattr(exc, 'colno', '?')})"
            )
            rejects.append(Reject(file, int(lines.numbers[i]), None, reason, clip(text)))
            continue
        if not isinstance(row, dict):
            rejects.append(
                Reject(file, int(lines.numbers[i]), None, "not a JSON object", clip(text))
            )
            continue
        good.append(i)
        objects.append(row)
    kept = np.array(good, np.int64)
    joined = b"\n".join(lines.data[lines.starts[i] : lines.ends[i]] for i in good)
    table = _arrow(joined, schema, len(joined)) if good else None
    odd: dict[str, np.ndarray] = {}
    if table is None or table.num_rows != len(good):
        table, odd = _python_table(objects)
    source = _source(file, table, lines, kept, rejects)
    source.not_text = odd
    return source


def _python_table(objects: list[dict[str, Any]]) -> tuple[pa.Table, dict[str, np.ndarray]]:
    """Columns from parsed objects; a column whose values' types clash is kept as text.

    Also returns, per such column, the rows whose value was neither text nor a whole number
    (an object, a list, true/false): as an id or event name those are wrong types.
    """
    keys = list(dict.fromkeys(key for row in objects for key in row))
    columns = {}
    odd = {}
    for key in keys:
        values = [row.get(key) for row in objects]
        try:
            columns[key] = pa.array(values)
        except (pa.ArrowInvalid, pa.ArrowTypeError):
            columns[key] = pa.array([_as_text(v) for v in values], pa.string())
            odd[key] = np.array([not _textual(v) for v in values], bool)
    if not columns:
        return pa.table({"_": pa.nulls(len(objects))}).drop_columns(["_"]), odd
    return pa.table(columns), odd


def _textual(value: Any) -> bool:
    return (
        value is None
        or isinstance(value, str)
        or (isinstance(value, int) and not isinstance(value, bool))
    )


def _as_text(value: Any) -> str | None:
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _source(
    file: str, table: pa.Table, lines: _Lines, kept: np.ndarray, rejects: list[Reject]
) -> SourceTable:
    return SourceTable(
        file=file,
        table=table,
        rows=lines.numbers[kept] if len(kept) else np.zeros(0, np.int64),
        rows_read=len(lines.numbers),
        raw_rows=_LineRows(lines, kept),
        rejects=rejects,
    )


class _LineRows:
    """Rejected rows shown as the line they were read from."""

    def __init__(self, lines: _Lines, kept: np.ndarray) -> None:
        self.lines = lines
        self.kept = kept

    def __call__(self, indices: Sequence[int]) -> list[str]:
        return [clip(self.lines.text(int(self.kept[i]))) for i in indices]
