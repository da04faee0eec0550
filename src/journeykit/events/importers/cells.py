"""Cheap whole-column checks on the bytes behind Arrow strings, to skip passes not needed.

Exports are mostly clean: no padding to trim, nothing to escape. numpy answers "is there
anything to do?" from the raw buffers faster than Arrow does the work, and where the answer is
"maybe" the exact Arrow kernel runs.

>>> import pyarrow as pa
>>> trim(pa.array([" a", "b\\u00a0", "c"])).to_pylist()
['a', 'b', 'c']
"""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

# First bytes of the UTF-8 whitespace characters beyond ASCII (U+0085, U+00A0, U+1680,
# U+2000..U+200A, U+2028, U+2029, U+202F, U+205F, U+3000) and their possible last bytes.
_WIDE_FIRST = np.array([0xC2, 0xE1, 0xE2, 0xE3], np.uint8)
_WIDE_LAST = np.array([*range(0x80, 0x8B), 0x9F, 0xA0, 0xA8, 0xA9, 0xAF], np.uint8)


def raw_bytes(values: pa.Array) -> np.ndarray:
    """The UTF-8 bytes behind a string array (for a slice, possibly more: a superset)."""
    data = values.buffers()[2]
    return np.zeros(0, np.uint8) if data is None else np.frombuffer(data, np.uint8)


def _edges(values: pa.Array) -> tuple[np.ndarray, np.ndarray]:
    offsets = np.frombuffer(values.buffers()[1], np.int32)[
        values.offset : values.offset + len(values) + 1
    ]
    starts, ends = offsets[:-1], offsets[1:]
    filled = ends > starts
    return starts[filled], ends[filled] - 1


def may_need_trim(values: pa.Array) -> bool:
    """False only if no value starts or ends with whitespace (ASCII or Unicode)."""
    if not pa.types.is_string(values.type) or len(values) == 0:
        return True
    data = raw_bytes(values)
    if not len(data):
        return False
    first, last = _edges(values)
    heads, tails = data[first], data[last]
    return bool(
        (heads <= 0x20).any()
        or (tails <= 0x20).any()
        or np.isin(heads, _WIDE_FIRST).any()
        or np.isin(tails, _WIDE_LAST).any()
    )


def null_where(values: pa.Array, mask: np.ndarray | pa.Array) -> pa.Array:
    """``values`` with nulls where ``mask`` is true, sharing the data (no copy of the text).

    ``pc.if_else`` would copy every string; a new validity bitmap over the same buffers does
    not, and on large columns the copy (and the fresh memory it needs) is what costs.
    """
    keep = pa.array(~mask) if isinstance(mask, np.ndarray) else pc.invert(mask.fill_null(False))
    if values.null_count:
        keep = pc.and_(keep, values.is_valid())
    if values.offset or keep.offset:
        return pc.if_else(keep, values, pa.scalar(None, values.type))
    return pa.Array.from_buffers(
        values.type, len(values), [keep.buffers()[1], *values.buffers()[1:]]
    )


def empty_as_null(values: pa.Array) -> pa.Array:
    """Empty strings as nulls."""
    return null_where(values, pc.equal(values, "").fill_null(False))


def trim(values: pa.Array) -> pa.Array:
    """Values without leading and trailing whitespace (Arrow's trim, skipped when not needed)."""
    values = pc.cast(values, pa.string())
    return pc.utf8_trim_whitespace(values) if may_need_trim(values) else values
