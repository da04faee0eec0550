"""Shapley attribution over the channels' conversion game, in closed form.

The game: a coalition ``S`` of channels is worth the conversions of every path whose
channels all lie in ``S``,

    v(S) = Σ_{T ⊆ S} conv(T),

where ``conv(T)`` counts the conversions of paths whose set of distinct channels is exactly
``T``. ``v`` is a sum of unanimity games ``conv(T) · u_T``, and the Shapley value of ``u_T``
gives each member of ``T`` an equal ``1/|T|``; by linearity

    φ_c = Σ_{T ∋ c} conv(T) / |T|,

which needs one pass over the coalitions instead of ``2^n`` subsets. The tests check it
against the subset formula.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field

from journeykit.events.attribution.errors import InvalidPath, NoConversions
from journeykit.events.attribution.paths import PathTable
from journeykit.events.attribution.result import AttributionResult


@dataclass(frozen=True)
class CoalitionCounts:
    """Conversions (and optionally value) per distinct set of channels on a path.

    Coalitions with zero conversions are allowed: they list channels that only non-converting
    customers used, so those channels still show up in the result (with no credit).

    >>> table = PathTable.from_paths([("A > B > A", 2, 0), ("B > A", 1, 4), ("C", 0, 1)])
    >>> counts = CoalitionCounts.from_path_table(table)
    >>> sorted((sorted(s), n) for s, n in counts.conversions.items())
    [(['A', 'B'], 3.0), (['C'], 0.0)]
    """

    conversions: Mapping[frozenset[str], float]
    values: Mapping[frozenset[str], float] | None = None
    channels: tuple[str, ...] = field(init=False)

    def __post_init__(self) -> None:
        for coalition, count in self.conversions.items():
            if not (math.isfinite(count) and count >= 0):
                raise InvalidPath(f"coalition {sorted(coalition)}: count must be ≥ 0, not {count}")
            if not coalition and count > 0:
                raise InvalidPath(
                    "conversions without any touchpoint before them cannot be attributed",
                    hint="drop them, or give them a channel such as '(direct)'",
                )
        if self.values is not None:
            if unknown := set(self.values) - set(self.conversions):
                raise InvalidPath(
                    f"value for a coalition without counts: {sorted(next(iter(unknown)))}"
                )
            for coalition, value in self.values.items():
                if not (math.isfinite(value) and value >= 0):
                    raise InvalidPath(
                        f"coalition {sorted(coalition)}: value must be ≥ 0, not {value}"
                    )
        channels = tuple(sorted(set().union(*self.conversions))) if self.conversions else ()
        object.__setattr__(self, "channels", channels)

    @classmethod
    def from_path_table(cls, table: PathTable) -> CoalitionCounts:
        """Group the paths by their set of distinct channels."""
        conversions: defaultdict[frozenset[str], float] = defaultdict(float)
        values: defaultdict[frozenset[str], float] = defaultdict(float)
        for row in table.rows:
            coalition = frozenset(row.channels)
            if not coalition:
                continue  # a null journey without touches: no channel to list
            conversions[coalition] += row.conversions
            values[coalition] += row.value or 0.0
        return cls(dict(conversions), dict(values) if table.has_values else None)

    @property
    def total_conversions(self) -> float:
        """The conversions of all coalitions: ``v`` of the grand coalition."""
        return math.fsum(self.conversions.values())

    @property
    def total_value(self) -> float | None:
        """The conversion value of all coalitions, or ``None`` without values."""
        return None if self.values is None else math.fsum(self.values.values())


def coalition_value(counts: CoalitionCounts, members: frozenset[str]) -> float:
    """``v(S)``: the conversions of every path whose channels all lie in ``members``.

    >>> counts = CoalitionCounts({frozenset("AB"): 1.0, frozenset("B"): 1.0})
    >>> coalition_value(counts, frozenset("B")), coalition_value(counts, frozenset("AB"))
    (1.0, 2.0)
    """
    return math.fsum(n for coalition, n in counts.conversions.items() if coalition <= members)


def shapley_values(conversions: Mapping[frozenset[str], float]) -> dict[str, float]:
    """The closed form ``φ_c = Σ_{T ∋ c} conv(T) / |T|`` for every channel named in a key.

    >>> shapley_values({frozenset("AB"): 1.0, frozenset("B"): 1.0})
    {'A': 0.5, 'B': 1.5}
    """
    parts: defaultdict[str, list[float]] = defaultdict(list)
    for coalition, count in conversions.items():
        for channel in coalition:
            parts[channel].append(count / len(coalition))
    return {channel: math.fsum(parts[channel]) for channel in sorted(parts)}


def shapley_attribution(counts: CoalitionCounts) -> AttributionResult:
    """Credit each channel its Shapley value in the conversion game (see the module doc).

    >>> counts = CoalitionCounts({frozenset("AB"): 1.0, frozenset("B"): 1.0})
    >>> shapley_attribution(counts).credits()
    {'B': 1.5, 'A': 0.5}
    """
    total = counts.total_conversions
    if total <= 0:
        raise NoConversions("shapley")
    credits = shapley_values(counts.conversions)
    values = None if counts.values is None else shapley_values(counts.values)
    return AttributionResult.from_credits(
        "shapley",
        credits,
        total,
        value_credits=values,
        total_value=counts.total_value,
    )
