"""Times in any of the shapes event exports use, parsed column-wise into UTC microseconds.

Text is read as ISO 8601, German ``dd.mm.yyyy HH:MM[:SS]`` or epoch numbers (see
:mod:`~journeykit.events.importers.time_text`); numbers are epoch times whose size gives the
unit (9 to 11 digits seconds, 12 to 14 milliseconds, 15 to 17 microseconds); Arrow timestamps
and dates are taken as they are. Naive times are put in a zone, and a column may not mix
naive and zoned times unless that zone is given.

>>> import pyarrow as pa
>>> parsed = parse_times(pa.array(["2024-03-01 10:00", "01.03.2024 11:30", "1709290800", "x"]),
...                      allow_mixed=True)
>>> [str(t) if t else None for t in parsed.ts.to_pylist()]
['2024-03-01 10:00:00+00:00', '2024-03-01 11:30:00+00:00', '2024-03-01 11:00:00+00:00', None]
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from journeykit.events.importers.time_parts import (
    EMPTY,
    INVALID,
    OK,
    OUT_OF_RANGE,
    UNPARSEABLE,
    RawTimes,
    epoch,
    from_micros,
)
from journeykit.events.importers.time_text import parse_strings

__all__ = [
    "EMPTY",
    "INVALID",
    "OK",
    "OUT_OF_RANGE",
    "UNPARSEABLE",
    "MixedZones",
    "ParsedTimes",
    "UnsupportedTimeType",
    "describe",
    "parse_times",
]

FORMATS_TRIED = (
    "ISO 8601 (2024-03-01T10:00:00, optional Z or +01:00), dd.mm.yyyy HH:MM[:SS], epoch s/ms/µs"
)


class MixedZones(Exception):
    """A column has times with a zone and times without; the caller names rows and values."""

    def __init__(self, naive: int, zoned: int) -> None:
        super().__init__(f"rows {naive} and {zoned}")
        self.naive = naive
        self.zoned = zoned


class UnsupportedTimeType(Exception):
    """The column's type cannot hold times (a boolean, a struct...)."""


@dataclass(frozen=True)
class ParsedTimes:
    """UTC times (null where a value failed) and each value's status (``OK``, ``EMPTY``...)."""

    ts: pa.Array | pa.ChunkedArray
    status: np.ndarray
    #: Which values had no zone of their own (meaningful where the status is ``OK``).
    naive: np.ndarray


def parse_times(
    column: pa.Array | pa.ChunkedArray,
    *,
    fmt: str | None = None,
    timezone: str | None = None,
    allow_mixed: bool = False,
) -> ParsedTimes:
    """Parse a time column of any type into ``timestamp[us, UTC]``.

    Naive times are in ``timezone`` (UTC if not given). A column mixing naive and zoned times
    raises :class:`MixedZones` unless ``allow_mixed``.
    """
    if _exact_utc(column.type, timezone) and column.null_count == 0:
        # Parquet's zoned (or, without a zone to put them in, naive) microsecond times are
        # already what the log stores: only the zone's name changes, no value is touched.
        n = len(column)
        naive = np.full(n, column.type.tz is None)
        return ParsedTimes(ts=column.cast(_UTC_US), status=np.full(n, OK, np.int8), naive=naive)
    values = column.combine_chunks() if isinstance(column, pa.ChunkedArray) else column
    if pa.types.is_dictionary(values.type):
        values = values.dictionary_decode()
    raw = _parse(values, fmt)
    ok = raw.status == OK
    if not allow_mixed:
        naive_ok, zoned_ok = ok & raw.naive, ok & ~raw.naive
        if naive_ok.any() and zoned_ok.any():
            raise MixedZones(int(np.argmax(naive_ok)), int(np.argmax(zoned_ok)))
    micros = raw.micros
    if timezone not in (None, "UTC") and (ok & raw.naive).any():
        local = pa.array(micros, pa.timestamp("us"))
        # Wall times repeated when clocks go back take the first; those skipped when they
        # go forward move to the first real instant: a log never shows a time twice or never.
        utc = pc.assume_timezone(local, timezone, ambiguous="earliest", nonexistent="latest")
        micros = np.where(raw.naive, utc.cast(pa.int64()).to_numpy(), micros)
    ts = pa.array(micros, pa.int64()).cast(pa.timestamp("us", "UTC"))
    if not ok.all():
        ts = pc.if_else(pa.array(ok), ts, pa.scalar(None, ts.type))
    return ParsedTimes(ts=ts, status=raw.status, naive=raw.naive)


_UTC_US = pa.timestamp("us", "UTC")


def _exact_utc(kind: pa.DataType, timezone: str | None) -> bool:
    """Whether a column of ``kind`` holds UTC microseconds as they are."""
    if not pa.types.is_timestamp(kind) or kind.unit != "us":
        return False
    return kind.tz is not None or timezone in (None, "UTC")


def _parse(values: pa.Array, fmt: str | None) -> RawTimes:
    kind = values.type
    n = len(values)
    if pa.types.is_null(kind):
        return RawTimes.empty(n)
    if pa.types.is_string(kind) or pa.types.is_large_string(kind) or pa.types.is_string_view(kind):
        return parse_strings(pc.cast(values, pa.string()), fmt)
    if pa.types.is_integer(kind) or pa.types.is_floating(kind):
        return epoch(values)
    if pa.types.is_timestamp(kind):
        zoned = kind.tz is not None
        micros = pc.cast(values, pa.timestamp("us", kind.tz), safe=False).cast(pa.int64())
        return from_micros(micros, naive=not zoned)
    if pa.types.is_date(kind):
        micros = pc.cast(pc.cast(values, pa.timestamp("us")), pa.int64())
        return from_micros(micros, naive=True)
    raise UnsupportedTimeType(str(kind))


def describe(value: object, status: int, fmt: str | None) -> str:
    """Why a time value was rejected, in words for the rejects file."""
    if status == EMPTY:
        return "empty time"
    if status == INVALID:
        return f"not a valid date or time: {value!r}"
    if status == OUT_OF_RANGE:
        return f"number {value!r} is not an epoch time in seconds, milliseconds or microseconds"
    tried = f"the format {fmt!r}" if fmt else FORMATS_TRIED
    return f"unparseable time {value!r}; tried {tried}"
