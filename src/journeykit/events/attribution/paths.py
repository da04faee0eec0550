"""Aggregated paths: the channels a group of customers passed through, and how it ended.

A path is the sequence of channels of a customer's touches before their first conversion,
with consecutive repeats collapsed (``A > A > B`` is ``A > B``). Paths of customers who never
convert are *null* paths. A :class:`PathTable` counts, for each distinct path, the
conversions and the null journeys that followed it (and optionally the conversion value).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from journeykit.events.attribution.errors import InvalidPath

#: The states of the Markov chain around the channels; no channel may use these names.
START = "(start)"
CONVERSION = "(conversion)"
NULL = "(null)"
RESERVED_STATES = frozenset({START, CONVERSION, NULL})


def collapse_repeats(channels: Iterable[str]) -> tuple[str, ...]:
    """Drop consecutive repeats: a customer who stays in a channel is still in one touch.

    >>> collapse_repeats(["Search", "Search", "Email", "Search"])
    ('Search', 'Email', 'Search')
    """
    collapsed: list[str] = []
    for channel in channels:
        if not collapsed or collapsed[-1] != channel:
            collapsed.append(channel)
    return tuple(collapsed)


@dataclass(frozen=True)
class PathRow:
    """One distinct path: its channels, conversions, null journeys and conversion value.

    ``conversions`` and ``nulls`` are counts but may be fractional (exports of data-driven
    models are); ``value`` is ``None`` when the table carries no values.
    """

    channels: tuple[str, ...]
    conversions: float
    nulls: float = 0.0
    value: float | None = None


class PathTable:
    """Distinct collapsed paths with their conversions, null journeys and values.

    Rows are collapsed and merged on construction, so two routes to the same table (an
    event log, a path file) always give the same rows.

    >>> table = PathTable([
    ...     PathRow(("A", "A", "B"), conversions=1),
    ...     PathRow(("A", "B"), conversions=2, nulls=1),
    ... ])
    >>> table.rows
    (PathRow(channels=('A', 'B'), conversions=3.0, nulls=1.0, value=None),)
    >>> table.channels, table.total_conversions
    (('A', 'B'), 3.0)
    """

    def __init__(self, rows: Iterable[PathRow]) -> None:
        merged: dict[tuple[str, ...], list[float]] = {}
        with_value = 0
        count = 0
        for row in rows:
            count += 1
            check_path_row(row)
            with_value += row.value is not None
            key = collapse_repeats(row.channels)
            totals = merged.setdefault(key, [0.0, 0.0, 0.0])
            totals[0] += row.conversions
            totals[1] += row.nulls
            totals[2] += row.value or 0.0
        if with_value not in (0, count):
            raise InvalidPath("either every path has a conversion value or none has")
        self.has_values = count > 0 and with_value == count
        # Sorted so that results, and the order of floating-point sums, never depend on input
        # order.
        self.rows: tuple[PathRow, ...] = tuple(
            PathRow(key, c, n, v if self.has_values else None)
            for key, (c, n, v) in sorted(merged.items())
            if c > 0 or n > 0
        )

    def __repr__(self) -> str:
        return f"PathTable({list(self.rows)!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, PathTable) and self.rows == other.rows

    @property
    def channels(self) -> tuple[str, ...]:
        """Every channel on any path, converting or not, sorted."""
        return tuple(sorted({c for row in self.rows for c in row.channels}))

    @property
    def total_conversions(self) -> float:
        """The conversions on all paths: what every model distributes."""
        return math.fsum(row.conversions for row in self.rows)

    @property
    def total_nulls(self) -> float:
        """The journeys that never converted."""
        return math.fsum(row.nulls for row in self.rows)

    @property
    def total_value(self) -> float | None:
        """The conversion value on all paths, or ``None`` when the table has no values."""
        if not self.has_values:
            return None
        return math.fsum(row.value or 0.0 for row in self.rows)

    @classmethod
    def from_paths(
        cls, paths: Sequence[tuple[str, float, float]], separator: str = " > "
    ) -> PathTable:
        """A table from ``(path text, conversions, nulls)`` triples, handy in examples and tests.

        >>> PathTable.from_paths([("A > B", 1, 0), ("A", 0, 1)]).total_nulls
        1.0
        """
        return cls(
            PathRow(tuple(text.split(separator)) if text else (), float(c), float(n))
            for text, c, n in paths
        )


def check_path_row(row: PathRow) -> None:
    """Refuse a row no model can use; :class:`PathTable` calls this for every row."""
    numbers = [("conversions", row.conversions), ("nulls", row.nulls)]
    if row.value is not None:
        numbers.append(("value", row.value))
    for name, number in numbers:
        if not math.isfinite(number) or number < 0:
            raise InvalidPath(
                f"path {_show(row.channels)}: {name} must be a number ≥ 0, not {number}"
            )
    reserved = RESERVED_STATES.intersection(row.channels)
    if reserved:
        raise InvalidPath(
            f"path {_show(row.channels)}: {min(reserved)!r} is a reserved name, not a channel",
            hint="rename the channel",
        )
    if any(not channel for channel in row.channels):
        raise InvalidPath(f"path {_show(row.channels)}: a channel name is empty")
    if not row.channels and (row.conversions > 0 or (row.value or 0.0) > 0):
        # Every model splits a conversion among the channels before it; with none there is
        # nobody to credit, and silently dropping it would break "credits sum to conversions".
        raise InvalidPath(
            "conversions without any touchpoint before them cannot be attributed",
            hint="drop them, or give them a channel such as '(direct)'",
        )


def _show(channels: tuple[str, ...]) -> str:
    return repr(" > ".join(channels)) if channels else "(empty)"
