"""Turning results into the plain rows the CLI and the API print."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from typing import Any

import pyarrow as pa


def _plain(value: Any) -> Any:
    if isinstance(value, float):
        if math.isnan(value):
            return None
        # Engines aggregate in different orders, so the last bits of a float can differ;
        # 9 decimals keep results identical across engines and still exact for people.
        return round(value, 9)
    return value


def plain_rows(rows: Iterable[dict[str, Any]], columns: Sequence[str]) -> list[dict[str, Any]]:
    """``rows`` with exactly ``columns``, floats rounded to 1e-9 and NaN as None."""
    return [{key: _plain(row[key]) for key in columns} for row in rows]


def table_rows(table: pa.Table, columns: Sequence[str]) -> list[dict[str, Any]]:
    """The rows of an Arrow table as :func:`plain_rows`."""
    return plain_rows(table.select(list(columns)).to_pylist(), columns)
