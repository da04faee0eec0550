"""Time values as numbers: the per-value result of parsing, and arithmetic on date parts.

Everything is numpy over whole columns: epoch numbers scaled by their size, and dates and
times assembled from the parts a regular expression found (with the calendar checked).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

# Status of each parsed value; the reason text for a reject is chosen by it.
OK, EMPTY, UNPARSEABLE, INVALID, OUT_OF_RANGE = 0, 1, 2, 3, 4
_US_PER_DAY = 86_400_000_000


@dataclass
class RawTimes:
    """Per value: microseconds (wall time if naive, else UTC), status, and whether naive."""

    micros: np.ndarray
    status: np.ndarray
    naive: np.ndarray

    @classmethod
    def empty(cls, n: int) -> RawTimes:
        """``n`` values, all ``EMPTY``."""
        return cls(np.zeros(n, np.int64), np.full(n, EMPTY, np.int8), np.zeros(n, bool))


def from_micros(micros: pa.Array, *, naive: bool) -> RawTimes:
    """Microseconds from an Arrow cast (null where the value was missing)."""
    status = np.where(micros.is_null().to_numpy(zero_copy_only=False), EMPTY, OK).astype(np.int8)
    values = micros.fill_null(0).to_numpy(zero_copy_only=False).astype(np.int64)
    return RawTimes(values, status, np.full(len(values), naive))


def epoch(numbers: pa.Array) -> RawTimes:
    """Epoch numbers, the unit read from their size (seconds, milliseconds, microseconds)."""
    empty = numbers.is_null().to_numpy(zero_copy_only=False)
    values = numbers.fill_null(0).to_numpy(zero_copy_only=False).astype(np.float64)
    scale = np.select(
        [(values >= 1e8) & (values < 1e11), (values >= 1e11) & (values < 1e14)],
        [1_000_000, 1_000],
        default=1,
    )
    in_range = np.isfinite(values) & (values >= 1e8) & (values < 1e17)
    if pa.types.is_integer(numbers.type):
        # Integers stay exact: float64 would round microsecond epochs by a few microseconds.
        ints = numbers.fill_null(0).to_numpy(zero_copy_only=False).astype(np.int64)
        micros = ints * scale
    else:
        micros = np.round(np.where(in_range, values, 0) * scale).astype(np.int64)
    status = np.where(empty, EMPTY, np.where(in_range, OK, OUT_OF_RANGE)).astype(np.int8)
    return RawTimes(np.where(in_range, micros, 0), status, np.zeros(len(values), bool))


def pad(digits: pa.Array, width: int) -> pa.Array:
    """Fraction digits cut or right-padded to ``width`` (``"5"`` → ``"500000"``)."""
    return pc.utf8_slice_codeunits(pc.utf8_rpad(digits, width, "0"), 0, width)


def ints(text: pa.Array, default: int = 0) -> np.ndarray:
    """Digit strings as int64, ``default`` for ``""``."""
    # Optional groups that did not take part come out as "": only then is a fill needed.
    if pc.min(pc.utf8_length(text)).as_py() == 0:
        text = pc.if_else(pc.equal(text, ""), str(default), text)
    result: np.ndarray = pc.cast(text, pa.int64()).to_numpy(zero_copy_only=False)
    return result


def assemble(parts: dict[str, pa.Array]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Micros since the epoch from date and time parts, whether they are valid, whether naive."""
    n = len(next(iter(parts.values())))

    def part(name: str, default: int = 0) -> np.ndarray:
        return ints(parts[name], default) if name in parts else np.full(n, default, np.int64)

    if "yy" in parts:
        short = part("yy")
        year = np.where(short < 69, 2000 + short, 1900 + short)  # Python's strptime rule
    else:
        year = part("y", 1970)
    month, day = part("mo", 1), part("d", 1)
    hour, minute, second = part("h"), part("mi"), part("s")
    fraction = ints(pad(parts["f"], 6)) if "f" in parts else np.zeros(n, np.int64)
    leap = (year % 4 == 0) & ((year % 100 != 0) | (year % 400 == 0))
    month_days = np.array([31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31])
    days_in_month = month_days[np.clip(month, 1, 12) - 1] + (leap & (month == 2))
    valid = (
        (year >= 1)
        & (month >= 1)
        & (month <= 12)
        & (day >= 1)
        & (day <= days_in_month)
        & (hour <= 23)
        & (minute <= 59)
        & (second <= 59)
    )
    micros = (
        _days_from_civil(year, month, day) * _US_PER_DAY
        + ((hour * 60 + minute) * 60 + second) * 1_000_000
        + fraction
    )
    naive = np.ones(n, bool)
    if "z" in parts:
        offset, zoned = _offsets(parts["z"])
        micros = micros - offset
        naive = ~zoned
    return np.where(valid, micros, 0), valid, naive


def _offsets(zone: pa.Array) -> tuple[np.ndarray, np.ndarray]:
    """Offsets from UTC in microseconds, and which values carried a zone at all."""
    zoned = pc.not_equal(zone, "").to_numpy(zero_copy_only=False)
    numeric = pc.match_substring_regex(zone, r"^[+-]")
    sign = np.where(pc.starts_with(zone, "-").to_numpy(zero_copy_only=False), -1, 1)
    digits = pc.replace_substring(pc.utf8_slice_codeunits(zone, 1, 6), ":", "")
    digits = pc.if_else(numeric, digits, "0000")
    hours = ints(pc.utf8_slice_codeunits(digits, 0, 2))
    minutes = ints(pc.utf8_slice_codeunits(digits, 2, 4))
    return sign * (hours * 60 + minutes) * 60_000_000, zoned


def _days_from_civil(year: np.ndarray, month: np.ndarray, day: np.ndarray) -> np.ndarray:
    """Days since 1970-01-01; numpy's calendar does the month lengths and leap years."""
    months = ((year - 1970) * 12 + (np.clip(month, 1, 12) - 1)).astype("datetime64[M]")
    days: np.ndarray = months.astype("datetime64[D]").astype(np.int64) + day - 1
    return days
