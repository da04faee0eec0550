"""The outcome of an attribution model: conversions (and value) credited to each touchpoint."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class AttributionRow:
    """The credit one touchpoint (channel) receives."""

    touchpoint: str
    conversions: float
    share: float
    value: float | None = None


@dataclass(frozen=True)
class AttributionResult:
    """Credits per touchpoint, most credited first; credits sum to ``total_conversions``.

    >>> result = AttributionResult.from_credits("linear", {"B": 1.5, "A": 0.5}, 2.0)
    >>> for row in result.to_rows():
    ...     print(row)
    {'touchpoint': 'B', 'conversions': 1.5, 'share': 0.75}
    {'touchpoint': 'A', 'conversions': 0.5, 'share': 0.25}
    """

    model: str
    rows: tuple[AttributionRow, ...]
    total_conversions: float
    total_value: float | None = None

    @classmethod
    def from_credits(
        cls,
        model: str,
        credits: Mapping[str, float],
        total_conversions: float,
        *,
        value_credits: Mapping[str, float] | None = None,
        total_value: float | None = None,
    ) -> AttributionResult:
        """Order the credits (conversions descending, then name) and compute shares."""

        def order(item: tuple[str, float]) -> tuple[float, str]:
            # Rounded so that equal credits reached by different float sums still tie and
            # fall back to the name, which keeps the order stable across engines.
            return (-round(item[1], 9), item[0])

        rows = tuple(
            AttributionRow(
                touchpoint=name,
                conversions=credit,
                share=credit / total_conversions if total_conversions else 0.0,
                value=None if value_credits is None else value_credits.get(name, 0.0),
            )
            for name, credit in sorted(credits.items(), key=order)
        )
        return cls(model, rows, total_conversions, total_value)

    @property
    def has_values(self) -> bool:
        """Whether the rows carry credited conversion value."""
        return any(row.value is not None for row in self.rows)

    def credits(self) -> dict[str, float]:
        """Conversions credited per touchpoint."""
        return {row.touchpoint: row.conversions for row in self.rows}

    def credited_total(self) -> float:
        """The sum of all credits; equals ``total_conversions`` up to float rounding."""
        return math.fsum(row.conversions for row in self.rows)

    def to_rows(self) -> list[dict[str, str | float]]:
        """Plain rows for JSON: ``touchpoint``, ``conversions``, ``share`` and, when the paths
        carried conversion values, ``value``."""
        rows: list[dict[str, str | float]] = []
        for row in self.rows:
            item: dict[str, str | float] = {
                "touchpoint": row.touchpoint,
                "conversions": row.conversions,
                "share": row.share,
            }
            if row.value is not None:
                item["value"] = row.value
            rows.append(item)
        return rows
