"""Numbers as spreadsheets and analytics exports write them: ``1234.5``, ``1.234,5``,
``1,234.5``, ``12,5``, ``1e+05``, ``€ 1.234,50``.

A cell with both a dot and a comma is clear: the last one is the decimal mark. A single
separator followed by other than three digits (``12,5``, ``0.25``) is a decimal mark too.
Only ``1,234`` and ``1.234`` are ambiguous; :func:`decimal_mark_of` settles them once per
file from the unambiguous cells, or from the delimiter (``;`` means German, decimal comma).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_MANTISSA_EXPONENT = re.compile(r"([0-9.,]+)([eE][+-]?[0-9]+)?")
_PLAIN = re.compile(r"(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")
# Spaces (also no-break and thin ones) group thousands; currency signs decorate values.
_DECORATION = re.compile(r"[\s\u00a0\u202f'€$£]")


def _other(mark: str) -> str:
    return "," if mark == "." else "."


def _clear_mark(mantissa: str) -> str | None:
    """The decimal mark the mantissa shows without doubt, if any."""
    dot, comma = mantissa.rfind("."), mantissa.rfind(",")
    if dot >= 0 and comma >= 0:
        return "." if dot > comma else ","
    if dot < 0 and comma < 0:
        return None
    separator = "." if dot >= 0 else ","
    if mantissa.count(separator) > 1:
        return _other(separator)  # only thousands repeat: 1,234,567
    digits_after = len(mantissa) - mantissa.rfind(separator) - 1
    # Thousands groups never start with 0, so 0,333 and 0.250 are decimals.
    return separator if digits_after != 3 or mantissa.startswith(("0", separator)) else None


def decimal_mark_of(cells: Iterable[str], delimiter: str) -> str:
    """The file's decimal mark for ambiguous cells such as ``1,234``.

    >>> decimal_mark_of(["1,234", "12,5"], ","), decimal_mark_of(["1,234", "7"], ",")
    (',', '.')
    >>> decimal_mark_of(["1,234"], ";")
    ','
    """
    seen: set[str] = set()
    for cell in cells:
        match = _MANTISSA_EXPONENT.fullmatch(_DECORATION.sub("", cell).lstrip("+-"))
        if match and (mark := _clear_mark(match.group(1))):
            seen.add(mark)
    if len(seen) == 1:
        return seen.pop()
    return "," if delimiter == ";" else "."


def parse_number(text: str, decimal_mark: str = ".") -> float:
    """Read a non-negative number; ``decimal_mark`` decides only ambiguous cells.

    Raises :class:`ValueError` with a short reason when ``text`` is not such a number.

    >>> parse_number("1.234,50 €"), parse_number("1,234.5"), parse_number("12,5")
    (1234.5, 1234.5, 12.5)
    >>> parse_number("1,234"), parse_number("1,234", ","), parse_number("1e+05")
    (1234.0, 1.234, 100000.0)
    """
    cleaned = _DECORATION.sub("", text)
    if not cleaned:
        raise ValueError("the cell is empty")
    if cleaned.startswith("-") and any(ch.isdigit() for ch in cleaned):
        raise ValueError(f"{text.strip()!r} is negative")
    match = _MANTISSA_EXPONENT.fullmatch(cleaned.removeprefix("+"))
    if not match:
        raise ValueError(f"{text.strip()!r} is not a number")
    mantissa, exponent = match.group(1), match.group(2) or ""
    mark = _clear_mark(mantissa)
    if mark is None and ("." in mantissa or "," in mantissa):
        mark = decimal_mark
    if mark is not None:
        grouping = _other(mark)
        whole, _, fraction = mantissa.rpartition(mark) if mark in mantissa else (mantissa, "", "")
        if mantissa.count(mark) > 1 or (
            grouping in whole
            and not re.fullmatch(rf"[0-9]{{1,3}}(?:\{grouping}[0-9]{{3}})+", whole)
        ):
            raise ValueError(f"{text.strip()!r} is not a number (separators out of place)")
        mantissa = whole.replace(grouping, "") + ("." + fraction if mark in mantissa else "")
    plain = mantissa + exponent
    if not _PLAIN.fullmatch(plain):
        raise ValueError(f"{text.strip()!r} is not a number")
    return float(plain)
