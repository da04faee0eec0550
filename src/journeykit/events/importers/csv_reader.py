"""CSV files as all-text Arrow tables, block by block, whatever their delimiter, encoding, quoting.

The file is read in blocks of about 64 MB, each cut at its last record boundary (a newline
outside quotes, found by counting quotes) and parsed by Arrow's multi-threaded CSV reader. The
caller converts each block before the next is read, so progress moves, memory for the work of
one block is reused for the next, and only the converted rows pile up. Cells stay text: typing
happens later, column by column. Encodings other than UTF-8 are transcoded to UTF-8 on the way;
invalid UTF-8 anywhere (Arrow checks) raises :class:`NotUtf8`, so the caller can start again as
cp1252, unless an encoding was named.
"""

from __future__ import annotations

import codecs
import copy
import csv
import io
import re
from collections.abc import Iterator, Sequence
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.csv as pacsv

from journeykit.events.importers.errors import EmptyFile, FileUnreadable, MalformedFile, Undecodable
from journeykit.events.importers.headers import clean_headers
from journeykit.events.importers.rejects import Reject, clip, csv_line
from journeykit.events.importers.source import PROGRESS_BYTES, ProgressFn, SourceTable

DELIMITERS = (",", ";", "\t", "|")
FALLBACK_ENCODING = "cp1252"
_UTF8_BOM = codecs.BOM_UTF8
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_SNIFF_BYTES = 1 << 20
_SNIFF_RECORDS = 50
# Encodings where a newline byte can be part of another character: decoded as a whole.
_WIDE = ("utf-16", "utf-32", "utf_16", "utf_32")
_EXCEL_SEP = re.compile(rb"sep=([^\r\n])\r?\n")
#: UTF-8 text, searchable: a block's bytes, or the buffer blocks are read into.
Text = bytes | bytearray
#: A block of text: ``data[start:end]`` ends at a record boundary; file bytes read so far.
Chunk = tuple[Text, int, int, int]


def sniff_delimiter(sample: str) -> str:
    """The delimiter that splits the sample into the most consistent, widest records.

    >>> sniff_delimiter('id;name;price\\n1;"a;b";2,5\\n2;c;3,0\\n')
    ';'
    """
    best, best_score = ",", (False, 0.0, 0)
    for delimiter in DELIMITERS:
        try:
            records = [
                r
                for _, r in zip(
                    range(_SNIFF_RECORDS),
                    csv.reader(io.StringIO(sample), delimiter=delimiter),
                    strict=False,
                )
                if r
            ]
        except csv.Error:
            continue
        if not records:
            continue
        width = len(records[0])
        rest = records[1:]
        consistent = sum(len(r) == width for r in rest) / len(rest) if rest else 1.0
        score = (width > 1, consistent, width)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _encoding_of(head: bytes, given: str | None) -> str:
    if given is not None:
        return given
    if head.startswith(_UTF8_BOM):
        return "utf-8"
    if head.startswith(_UTF16_BOMS):
        return "utf-16"
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        # A multi-byte character cut by the end of the sample is not an error.
        if exc.start < len(head) - 3:
            return FALLBACK_ENCODING
    return "utf-8"


def _is_utf8(encoding: str) -> bool:
    return codecs.lookup(encoding).name in {"utf-8", "utf-8-sig"}


def _boundary(data: Text, start: int, target: int, end: int) -> int:
    """Index just past the first newline at or after ``target`` outside quotes, else ``end``.

    ``start`` must be a record boundary: quotes are counted from there. In CSV a quote inside a
    quoted cell is doubled, so an odd count means a newline is inside a cell.
    """
    quotes, position = data.count(b'"', start, target), target
    while (newline := data.find(b"\n", position, end)) >= 0:
        quotes += data.count(b'"', position, newline)
        if quotes % 2 == 0:
            return newline + 1
        position = newline + 1
    return end


def _last_boundary(data: Text, end: int) -> int:
    """Index just past the last newline before ``end`` outside quotes (counted from 0), or -1."""
    total = data.count(b'"', 0, end)
    after = 0
    for _ in range(1000):  # a stray quote makes every newline look quoted: stop looking
        newline = data.rfind(b"\n", 0, end)
        if newline < 0:
            return -1
        after += data.count(b'"', newline, end)
        if (total - after) % 2 == 0:
            return newline + 1
        end = newline
    return -1


class NotUtf8(Exception):
    """The file was read as UTF-8 and is not valid UTF-8."""


class CsvFile:
    """A CSV file to be read in blocks: its encoding decided, its header read with the first."""

    def __init__(
        self, path: Path, *, file: str, delimiter: str | None = None, encoding: str | None = None
    ) -> None:
        try:
            with path.open("rb") as handle:
                head = handle.read(_SNIFF_BYTES)
        except OSError as exc:
            raise FileUnreadable(f"cannot open the file: {exc.strerror or exc}", file=file) from exc
        if not head.strip(b" \t\r\n" + _UTF8_BOM):
            raise EmptyFile("the file is empty", file=file)
        self.path, self.file, self.delimiter = path, file, delimiter
        self.named_encoding = encoding
        self.encoding = _encoding_of(head, encoding)

    @property
    def can_fall_back(self) -> bool:
        """Whether UTF-8 was a guess that cp1252 may replace."""
        return self.named_encoding is None and _is_utf8(self.encoding)

    def fall_back(self) -> CsvFile:
        """The same file, read as cp1252."""
        other = copy.copy(self)
        other.encoding = FALLBACK_ENCODING
        return other

    def undecodable(self, detail: object) -> Undecodable:
        """The error for text that is not in the file's encoding."""
        return Undecodable(
            f"the file is not valid {self.encoding} text ({detail})",
            file=self.file,
            hint="name the file's encoding in the column mapping, e.g. cp1252 or latin-1",
        )

    def blocks(self, on_progress: ProgressFn | None = None) -> Iterator[SourceTable]:
        """The data rows in blocks (the first one always, even without rows).

        ``on_progress`` gets the file bytes done after the caller has dealt with each block.
        """
        chunks = self._chunks()
        data, start, end, consumed = next(chunks, (b"", 0, 0, 0))
        if data.startswith(_UTF8_BOM, start, end):
            start += len(_UTF8_BOM)
        delimiter = self.delimiter
        # Excel writes "sep=;" as a first line when asked to; it names the delimiter.
        excel = _EXCEL_SEP.match(bytes(data[start : start + 16]))
        if excel is not None:
            delimiter = delimiter or excel.group(1).decode()
            start += excel.end()
        header_end = _boundary(data, start, start, end)
        header_text = bytes(data[start:header_end]).decode("utf-8", errors="replace")
        delimiter = delimiter or sniff_delimiter(
            bytes(data[start : min(end, start + _SNIFF_BYTES)]).decode("utf-8", errors="ignore")
        )
        header = next(csv.reader(io.StringIO(header_text), delimiter=delimiter), [])
        names = clean_headers(header)
        if not names:
            raise EmptyFile("the file is empty", file=self.file)
        rows_read, start = 0, header_end
        while True:
            text = pa.py_buffer(data)[start:end]
            block = self._parse(text, names, delimiter, rows_read)
            del text  # the buffer is refilled for the next block
            rows_read = block.rows_read
            yield block
            if on_progress is not None:
                on_progress(consumed)
            following = next(chunks, None)
            if following is None:
                return
            data, start, end, consumed = following

    def _chunks(self) -> Iterator[Chunk]:
        """UTF-8 text in blocks that end at record boundaries."""
        try:
            with self.path.open("rb") as handle:
                if codecs.lookup(self.encoding).name.startswith(_WIDE):
                    yield from _wide(handle.read(), self.encoding)
                elif _is_utf8(self.encoding):
                    yield from _utf8(handle, self.path.stat().st_size)
                else:
                    yield from _transcoded(handle, self.encoding)
        except UnicodeError as exc:
            raise self.undecodable(exc) from None
        except OSError as exc:
            raise FileUnreadable(
                f"cannot read the file: {exc.strerror or exc}", file=self.file
            ) from exc

    def _parse(self, data: pa.Buffer, names: list[str], delimiter: str, before: int) -> SourceTable:
        table, invalid = _parse_block(data, names, delimiter, self.file, threads=True)
        if invalid and any(row.number is None for row in invalid):
            # Only a single-threaded parse knows where the bad rows are.
            table, invalid = _parse_block(data, names, delimiter, self.file, threads=False)
        total = table.num_rows + len(invalid)
        numbers = np.arange(1, total + 1, dtype=np.int64)
        if invalid:
            numbers = np.delete(numbers, np.array([row.number for row in invalid]) - 1)
        rejects = [
            Reject(
                file=self.file,
                row=before + int(row.number),
                field=None,
                reason=f"expected {row.expected_columns} fields, found {row.actual_columns}",
                raw=clip(row.text),
            )
            for row in invalid
        ]
        return SourceTable(
            file=self.file,
            table=table,
            rows=numbers + before,
            rows_read=before + total,
            raw_rows=RawCsvRows(table, delimiter),
            rejects=rejects,
            text_cells=True,
        )


def _utf8(handle: io.BufferedReader, size: int) -> Iterator[Chunk]:
    # One buffer for the whole file: each block is parsed (and copied out by Arrow) before the
    # next is read into the same memory, so a big file does not keep asking for fresh memory.
    buffer = bytearray(min(2 * PROGRESS_BYTES, size + 1))
    filled = consumed = 0
    while True:
        if filled == len(buffer):  # a record longer than the buffer
            bigger = bytearray(2 * len(buffer))
            bigger[:filled] = buffer
            buffer = bigger
        room = min(PROGRESS_BYTES, len(buffer) - filled)
        read = handle.readinto(memoryview(buffer)[filled : filled + room])
        consumed += read
        end = filled + read
        if not read:
            if end:
                yield buffer, 0, end, consumed
            return
        cut = _last_boundary(buffer, end)
        if cut <= 0:
            filled = end
            continue
        yield buffer, 0, cut, consumed
        tail = end - cut
        buffer[:tail] = buffer[cut:end]
        filled = tail


def _transcoded(handle: io.BufferedReader, encoding: str) -> Iterator[Chunk]:
    carry, consumed = b"", 0
    while raw := handle.read(PROGRESS_BYTES):
        if not raw.endswith(b"\n"):
            raw += handle.readline()  # never split a character of a multi-byte encoding
        if consumed == 0 and raw.startswith(_UTF8_BOM):
            consumed, raw = len(_UTF8_BOM), raw[len(_UTF8_BOM) :]
        consumed += len(raw)
        data = carry + raw.decode(encoding).encode("utf-8")
        cut = _last_boundary(data, len(data))
        if cut <= 0:
            carry = data
            continue
        yield data, 0, cut, consumed
        carry = data[cut:]
    if carry:
        yield carry, 0, len(carry), consumed


def _wide(raw: bytes, encoding: str) -> Iterator[Chunk]:
    # UTF-16 and UTF-32 cannot be cut at newline bytes: the whole file is decoded at once.
    data = raw.decode(encoding).encode("utf-8")
    scale = len(raw) / max(len(data), 1)
    start = 0
    while True:
        end = len(data)
        if start + PROGRESS_BYTES < end:
            end = _boundary(data, start, start + PROGRESS_BYTES, end)
        yield data, start, end, int(end * scale)
        if end >= len(data):
            return
        start = end


def read_csv_table(
    path: Path,
    *,
    file: str,
    delimiter: str | None = None,
    encoding: str | None = None,
) -> SourceTable:
    """A whole CSV file as one all-text table (for files read at once, such as attributes)."""
    csv_file = CsvFile(path, file=file, delimiter=delimiter, encoding=encoding)
    try:
        blocks = list(csv_file.blocks())
    except NotUtf8 as exc:
        if not csv_file.can_fall_back:
            raise csv_file.undecodable(exc) from None
        blocks = list(csv_file.fall_back().blocks())
    table = pa.concat_tables([b.table for b in blocks])
    first = blocks[0].raw_rows
    return SourceTable(
        file=file,
        table=table,
        rows=np.concatenate([b.rows for b in blocks]),
        rows_read=blocks[-1].rows_read,
        raw_rows=RawCsvRows(table, first.delimiter if isinstance(first, RawCsvRows) else ","),
        rejects=[r for b in blocks for r in b.rejects],
        text_cells=True,
    )


class RawCsvRows:
    """Rebuild rejected rows as CSV lines (only ever asked for the few rejected rows)."""

    def __init__(self, table: pa.Table, delimiter: str) -> None:
        self.table = table
        self.delimiter = delimiter

    def __call__(self, indices: Sequence[int]) -> list[str]:
        if not indices:
            return []
        rows = self.table.take(pa.array(indices, pa.int64())).to_pylist()
        return [csv_line(list(row.values()), self.delimiter) for row in rows]


def _parse_block(
    data: pa.Buffer, names: list[str], delimiter: str, file: str, *, threads: bool
) -> tuple[pa.Table, list[pacsv.InvalidRow]]:
    invalid: list[pacsv.InvalidRow] = []
    if not data.size:
        return pa.schema([(name, pa.string()) for name in names]).empty_table(), invalid

    def skip(row: pacsv.InvalidRow) -> str:
        invalid.append(row)
        return "skip"

    try:
        table = pacsv.read_csv(
            pa.BufferReader(data),
            read_options=pacsv.ReadOptions(
                column_names=names, use_threads=threads, block_size=4 << 20
            ),
            parse_options=pacsv.ParseOptions(
                delimiter=delimiter,
                # Quoted cells may hold newlines (addresses, comments).
                newlines_in_values=True,
                invalid_row_handler=skip,
            ),
            convert_options=pacsv.ConvertOptions(
                column_types={name: pa.string() for name in names},
                null_values=[],
                strings_can_be_null=False,
                quoted_strings_can_be_null=False,
            ),
        )
    except pa.ArrowInvalid as exc:
        message = str(exc)
        if "UTF8" in message or "UTF-8" in message:
            raise NotUtf8(message) from None
        raise MalformedFile(f"cannot parse the CSV: {message}", file=file) from None
    return table, invalid
