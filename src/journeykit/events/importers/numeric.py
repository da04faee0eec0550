"""Numbers written as text, with a decimal point or a German decimal comma.

Only values shaped like JSON numbers count: ``0042`` (a postcode, an article number) and
``+49…`` (a phone number) stay text. With a decimal comma, ``1.234,56`` is read with its
thousands points; ``1.234`` alone is ambiguous and stays text.

>>> import pyarrow as pa
>>> is_num, text = number_text(pa.array(["1,5", "0042", "-3", "1.234,5", "x"]), ",")
>>> is_num.to_pylist(), text.to_pylist()[:4]
([True, False, True, True, False], ['1.5', '0042', '-3', '1234.5'])
"""

from __future__ import annotations

from collections.abc import Sequence

import pyarrow as pa
import pyarrow.compute as pc

_INT = r"-?(?:0|[1-9][0-9]*)"
#: A JSON number as written in English-language files (and by every program).
DOT_NUMBER = rf"^{_INT}(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?$"
#: A number with a decimal comma, optionally with points between thousands.
COMMA_NUMBER = rf"^(?:{_INT}|-?[1-9][0-9]{{0,2}}(?:\.[0-9]{{3}})+,[0-9]+|{_INT},[0-9]+)$"
_DOT_DECIMAL = rf"^{_INT}\.[0-9]+$"
_COMMA_DECIMAL = rf"^(?:{_INT}|-?[1-9][0-9]{{0,2}}(?:\.[0-9]{{3}})+),[0-9]+$"
INTEGER = rf"^{_INT}$"

#: Rows looked at to decide between decimal point and comma: enough to be sure, cheap to scan.
DETECT_ROWS = 100_000


def detect_decimal(columns: Sequence[pa.Array | pa.ChunkedArray]) -> str:
    """``","`` if the text columns hold more decimal-comma numbers than decimal-point ones.

    >>> detect_decimal([pa.array(["1,5", "2", "x"])])
    ','
    """
    commas = points = 0
    for column in columns:
        sample = column.slice(0, DETECT_ROWS)
        if not pa.types.is_string(sample.type) and not pa.types.is_large_string(sample.type):
            continue
        commas += _count(pc.match_substring_regex(sample, _COMMA_DECIMAL))
        points += _count(pc.match_substring_regex(sample, _DOT_DECIMAL))
    return "," if commas > points else "."


def _count(mask: pa.Array | pa.ChunkedArray) -> int:
    total = pc.sum(mask).as_py()
    return int(total or 0)


def number_text(values: pa.Array, decimal: str) -> tuple[pa.Array, pa.Array]:
    """Which (trimmed) values are numbers, and each value with numbers as JSON number text.

    Numbers keep the digits as written (``1,50`` becomes ``1.50``): no binary float rounds them.
    """
    if decimal == ",":
        mask = pc.match_substring_regex(values, COMMA_NUMBER)
        normal = pc.replace_substring(pc.replace_substring(values, ".", ""), ",", ".")
        return mask, pc.if_else(mask, normal, values)
    return pc.match_substring_regex(values, DOT_NUMBER), values


def parse_numbers(values: pa.Array, decimal: str) -> pa.Array:
    """Text numbers as float64 (the caller has checked with :func:`number_text`)."""
    _, text = number_text(values, decimal)
    return pc.cast(text, pa.float64())
