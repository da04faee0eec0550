"""Time columns of text: shapes recognised from a sample and cast by Arrow, block by block,
with regular expressions for what Arrow refuses.

Recognised without a format: ISO 8601 (``2024-03-01T10:00:00``, a space for the ``T``,
fractions, ``Z`` or ``+01:00``), German ``01.03.2024 10:00[:00]`` (or a date alone, with or
without zero padding), and epoch numbers. A ``strptime`` format with only zero-padded numbers is
read by position; other formats by a regular expression built from them.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from journeykit.events.importers.cells import empty_as_null, trim
from journeykit.events.importers.time_parts import (
    INVALID,
    OK,
    UNPARSEABLE,
    RawTimes,
    assemble,
    epoch,
    from_micros,
    ints,
    pad,
)

_ZONE = r"(?P<z>Z|z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)"
_ISO = re.compile(
    r"^(?P<y>\d{4})-(?P<mo>\d{1,2})-(?P<d>\d{1,2})"
    r"(?:[T ]+(?P<h>\d{1,2}):(?P<mi>\d{2})(?::(?P<s>\d{2})(?:[.,](?P<f>\d{1,9}))?)?)?"
    rf"\s*{_ZONE}?$"
)
_GERMAN = re.compile(
    r"^(?P<d>\d{1,2})\.(?P<mo>\d{1,2})\.(?P<y>\d{4})"
    r"(?:,?\s+(?P<h>\d{1,2}):(?P<mi>\d{2})(?::(?P<s>\d{2}))?)?(?:\s*Uhr)?$"
)
_EPOCH = re.compile(r"^(?P<i>\d{9,17})(?:\.(?P<f>\d{1,9}))?$")
# strptime directives the regular-expression reader understands; others go to Arrow's strptime.
_DIRECTIVES = {
    "Y": r"(?P<y>\d{4})",
    "y": r"(?P<yy>\d{2})",
    "m": r"(?P<mo>\d{1,2})",
    "d": r"(?P<d>\d{1,2})",
    "H": r"(?P<h>\d{1,2})",
    "M": r"(?P<mi>\d{1,2})",
    "S": r"(?P<s>\d{1,2})",
    "f": r"(?P<f>\d{1,9})",
    "z": _ZONE,
    "%": "%",
}
_BLOCK = 65_536
_MAX_FAILED_BLOCKS = 3
_SHAPES = {
    "naive": re.compile(r"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?)?$"),
    "zoned": re.compile(
        r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})$"
    ),
    "epoch": re.compile(r"^\d{1,18}$"),
    # German with zero padding, as Excel writes it: rewritten to ISO by position, then cast.
    "german": re.compile(r"^\d{2}\.\d{2}\.\d{4}( \d{2}:\d{2}(:\d{2})?)?$"),
}
_SAMPLE = 200
_WIDTHS = {"Y": 4, "m": 2, "d": 2, "H": 2, "M": 2, "S": 2}


def parse_strings(values: pa.Array, fmt: str | None) -> RawTimes:
    """Parse a text column (trimmed here; empty means missing) with ``fmt`` or by shape."""
    values = empty_as_null(trim(values))
    if fmt is not None:
        return _with_format(values, fmt)
    shape = _shape(values)
    if shape is None:
        return _by_shape(values)
    return _blockwise(values, lambda block: _fast(block, shape), _by_shape)


def _blockwise(
    values: pa.Array,
    fast: Callable[[pa.Array], RawTimes | None],
    slow: Callable[[pa.Array], RawTimes],
) -> RawTimes:
    """``fast`` block by block, ``slow`` for blocks it refuses (and, after a few, the rest).

    A failed Arrow cast costs ~30 times a good one, so a bad value spoils one block, not the
    column; a column that keeps failing is not worth trying fast any longer.
    """
    parts: list[RawTimes] = []
    failed = 0
    for start in range(0, len(values), _BLOCK):
        if failed >= _MAX_FAILED_BLOCKS:
            parts.append(slow(values.slice(start)))
            break
        block = values.slice(start, _BLOCK)
        done = fast(block)
        if done is None:
            failed += 1
            done = slow(block)
        parts.append(done)
    if not parts:
        return RawTimes.empty(0)
    return RawTimes(
        np.concatenate([p.micros for p in parts]),
        np.concatenate([p.status for p in parts]),
        np.concatenate([p.naive for p in parts]),
    )


def _by_shape(values: pa.Array) -> RawTimes:
    """Values of mixed shapes: grouped by cheap matches, each group cast, the rest parsed."""
    raw = RawTimes.empty(len(values))
    raw.status[~values.is_null().to_numpy(zero_copy_only=False)] = UNPARSEABLE
    for name, pattern in _SHAPES.items():
        todo = np.flatnonzero(raw.status == UNPARSEABLE)
        if not len(todo):
            return raw
        candidates = values if len(todo) == len(values) else values.take(pa.array(todo))
        hits = pc.match_substring_regex(candidates, pattern.pattern).fill_null(False)
        if pc.any(hits).as_py():
            group = candidates.filter(hits)
            part = _fast(group, name) or _slow(group)
            rows = todo[hits.to_numpy(zero_copy_only=False)]
            raw.micros[rows], raw.status[rows], raw.naive[rows] = (
                part.micros,
                part.status,
                part.naive,
            )
    todo = np.flatnonzero(raw.status == UNPARSEABLE)
    if len(todo):
        rest = _slow(values.take(pa.array(todo)))
        raw.micros[todo], raw.status[todo], raw.naive[todo] = rest.micros, rest.status, rest.naive
    return raw


def _shape(values: pa.Array) -> str | None:
    """The one shape Arrow can cast that a sample of the values has, if they share one."""
    sample = _sample(values)
    for shape, pattern in _SHAPES.items():
        if sample and all(pattern.match(v) for v in sample):
            return shape
    return None


def _fast(values: pa.Array, shape: str) -> RawTimes | None:
    try:
        if shape == "epoch":
            return epoch(pc.cast(values, pa.int64()))
        if shape == "german":
            values = _german_as_iso(values)
        cast = pc.cast(values, pa.timestamp("us", "UTC" if shape == "zoned" else None))
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        return None
    return from_micros(cast.cast(pa.int64()), naive=shape != "zoned")


def _german_as_iso(values: pa.Array) -> pa.Array:
    """``dd.mm.yyyy[ HH:MM[:SS]]`` rewritten as ISO by position (the cast checks the calendar)."""

    def part(start: int, stop: int | None = None) -> pa.Array:
        return pc.utf8_slice_codeunits(values, start, stop)

    return pc.binary_join_element_wise(part(6, 10), "-", part(3, 5), "-", part(0, 2), part(10), "")


def _slow(values: pa.Array) -> RawTimes:
    raw = RawTimes.empty(len(values))
    raw.status[~values.is_null().to_numpy(zero_copy_only=False)] = UNPARSEABLE
    for pattern in (_ISO, _GERMAN):
        _apply(raw, values, pattern)
    todo = np.flatnonzero(raw.status == UNPARSEABLE)
    if len(todo):
        found = pc.extract_regex(values.take(pa.array(todo)), _EPOCH.pattern)
        hit = found.is_valid().to_numpy(zero_copy_only=False)
        if hit.any():
            rows = todo[hit]
            digits = pc.cast(found.field("i").filter(pa.array(hit)), pa.int64())
            numbers = epoch(digits)
            # The fraction is of the unit the digits are in: seconds or milliseconds.
            fraction = found.field("f").filter(pa.array(hit))
            whole = digits.to_numpy(zero_copy_only=False)
            extra = np.where(
                whole < 1e11,
                ints(pad(fraction, 6)),
                np.where(whole < 1e14, ints(pad(fraction, 3)), 0),
            )
            raw.micros[rows] = np.where(numbers.status == OK, numbers.micros + extra, 0)
            raw.status[rows] = numbers.status
    return raw


def _apply(raw: RawTimes, values: pa.Array, pattern: re.Pattern[str]) -> None:
    """Parse the still-unparsed values that match ``pattern`` into ``raw``."""
    todo = np.flatnonzero(raw.status == UNPARSEABLE)
    if not len(todo):
        return
    candidates = values if len(todo) == len(values) else values.take(pa.array(todo))
    # Matching without groups is several times cheaper than extracting: extract only hits.
    matches = pc.match_substring_regex(candidates, pattern.pattern).fill_null(False)
    if not pc.any(matches).as_py():
        return
    if not pc.all(matches).as_py():
        todo = todo[matches.to_numpy(zero_copy_only=False)]
        candidates = candidates.filter(matches)
    found = pc.extract_regex(candidates, pattern.pattern)
    hit = found.is_valid().to_numpy(zero_copy_only=False)
    if not hit.any():
        return
    rows = todo[hit]
    matched = found.filter(pa.array(hit))
    names = {matched.type.field(i).name for i in range(matched.type.num_fields)}
    micros, valid, naive = assemble({name: matched.field(name) for name in names})
    raw.micros[rows] = micros
    raw.status[rows] = np.where(valid, OK, INVALID)
    raw.naive[rows] = naive


def _with_format(values: pa.Array, fmt: str) -> RawTimes:
    pattern = _format_regex(fmt)
    if pattern is None:
        return _strptime(values, fmt)

    def by_pattern(block: pa.Array) -> RawTimes:
        raw = RawTimes.empty(len(block))
        raw.status[~block.is_null().to_numpy(zero_copy_only=False)] = UNPARSEABLE
        _apply(raw, block, pattern)
        return raw

    fixed = _fixed_layout(fmt)
    if fixed is None or not _sample_matches(values, fixed[1]):
        return by_pattern(values)
    layout = fixed[0]
    return _blockwise(values, lambda block: _cast_naive(_positional_iso(block, layout)), by_pattern)


def _fixed_layout(fmt: str) -> tuple[dict[str, int], re.Pattern[str]] | None:
    """Where each part starts if ``fmt`` has only fixed-width parts (zero-padded numbers)."""
    layout: dict[str, int] = {}
    pattern = ["^"]
    position = i = 0
    while i < len(fmt):
        if fmt[i] == "%":
            part = fmt[i + 1 : i + 2]
            if part not in _WIDTHS or part in layout:
                return None
            layout[part] = position
            position += _WIDTHS[part]
            pattern.append(rf"\d{{{_WIDTHS[part]}}}")
            i += 2
        else:
            pattern.append(re.escape(fmt[i]))
            position += 1
            i += 1
    if "Y" not in layout or "m" not in layout:
        return None
    return layout, re.compile("".join(pattern) + "$")


def _positional_iso(values: pa.Array, layout: dict[str, int]) -> pa.Array:
    """Fixed-width times rewritten as ISO by position; the cast then checks the calendar."""

    def part(name: str, default: str) -> pa.Array | str:
        if name not in layout:
            return default
        start = layout[name]
        return pc.utf8_slice_codeunits(values, start, start + _WIDTHS[name])

    pieces = [part("Y", ""), "-", part("m", ""), "-", part("d", "01"), " ", part("H", "00")]
    pieces += [":", part("M", "00"), ":", part("S", "00")]
    return pc.binary_join_element_wise(*pieces, "")


def _cast_naive(values: pa.Array) -> RawTimes | None:
    try:
        cast = pc.cast(values, pa.timestamp("us"))
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        return None
    return from_micros(cast.cast(pa.int64()), naive=True)


def _sample(values: pa.Array) -> list[str]:
    """Up to :data:`_SAMPLE` non-null values from the start of the column."""
    return [v for v in values.slice(0, 10 * _SAMPLE).to_pylist() if v is not None][:_SAMPLE]


def _sample_matches(values: pa.Array, pattern: re.Pattern[str]) -> bool:
    sample = _sample(values)
    return bool(sample) and all(pattern.match(v) for v in sample)


def _format_regex(fmt: str) -> re.Pattern[str] | None:
    """A strptime format as a regular expression with named parts, if all directives are known."""
    out = ["^"]
    i = 0
    while i < len(fmt):
        char = fmt[i]
        if char == "%":
            directive = fmt[i + 1 : i + 2]
            if directive not in _DIRECTIVES:
                return None
            out.append(_DIRECTIVES[directive])
            i += 2
        else:
            out.append(r"\s+" if char.isspace() else re.escape(char))
            i += 1
    out.append("$")
    try:
        return re.compile("".join(out))
    except re.error:  # a directive used twice
        return None


def _strptime(values: pa.Array, fmt: str) -> RawTimes:
    # Arrow's strptime knows month names and more, but rolls 31 February over to March.
    parsed = pc.strptime(values, format=fmt, unit="us", error_is_null=True)
    raw = from_micros(parsed.cast(pa.int64()), naive=parsed.type.tz is None)
    failed = parsed.is_null().to_numpy(zero_copy_only=False) & ~values.is_null().to_numpy(
        zero_copy_only=False
    )
    raw.status[failed] = UNPARSEABLE
    return raw
