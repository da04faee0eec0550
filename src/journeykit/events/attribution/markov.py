"""First-order Markov attribution, solved exactly as an absorbing chain.

The chain's states are ``(start)``, the channels, and the absorbing ``(conversion)`` and
``(null)``. Transition probabilities are the observed transition counts divided by each
state's outgoing total. The probability ``P`` of reaching ``(conversion)`` from ``(start)``
is the solution of a linear system; removing channel ``c`` (every transition into ``c`` ends
in ``(null)`` instead) gives ``P_c``. The removal effect ``1 - P_c / P`` is ``c``'s share
of the credit after normalising all removal effects to sum to 1.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from itertools import pairwise

import numpy as np

from journeykit.events.attribution.errors import InvalidPath, NoConversions
from journeykit.events.attribution.paths import CONVERSION, NULL, START, PathTable
from journeykit.events.attribution.result import AttributionResult

_ABSORBING = frozenset({CONVERSION, NULL})


@dataclass(frozen=True)
class TransitionCounts:
    """How often customers moved from one state to the next: the Markov model's input.

    ``counts`` maps ``(from_state, to_state)`` to a (possibly fractional) count. States are
    ``"(start)"``, channel names, ``"(conversion)"`` and ``"(null)"``. ``total_value`` is
    the conversion value to distribute, when there is one.

    >>> counts = TransitionCounts.from_path_table(PathTable.from_paths([("A > B", 2, 1)]))
    >>> dict(counts.counts)
    {('(start)', 'A'): 3.0, ('A', 'B'): 3.0, ('B', '(conversion)'): 2.0, ('B', '(null)'): 1.0}
    """

    counts: Mapping[tuple[str, str], float]
    total_value: float | None = None
    channels: tuple[str, ...] = field(init=False)

    def __post_init__(self) -> None:
        channels: set[str] = set()
        for (source, target), count in self.counts.items():
            if source in _ABSORBING or target == START:
                raise InvalidPath(f"impossible transition {source} → {target}")
            if not (math.isfinite(count) and count >= 0):
                raise InvalidPath(f"transition {source} → {target}: count must be ≥ 0, not {count}")
            if source == START and target == CONVERSION and count > 0:
                raise InvalidPath(
                    "conversions without any touchpoint before them cannot be attributed",
                    hint="drop them, or give them a channel such as '(direct)'",
                )
            channels.update(s for s in (source, target) if s not in _ABSORBING and s != START)
        object.__setattr__(self, "channels", tuple(sorted(channels)))

    @classmethod
    def from_path_table(cls, table: PathTable) -> TransitionCounts:
        """Count the transitions of every path: converting paths end in ``(conversion)``
        with weight ``conversions``, and the same path ends in ``(null)`` with ``nulls``."""
        counts: defaultdict[tuple[str, str], float] = defaultdict(float)
        for row in table.rows:
            states = (START, *row.channels)
            for source, target in pairwise(states):
                counts[source, target] += row.conversions + row.nulls
            if row.conversions:
                counts[states[-1], CONVERSION] += row.conversions
            if row.nulls:
                counts[states[-1], NULL] += row.nulls
        return cls(dict(counts), total_value=table.total_value)

    @property
    def total_conversions(self) -> float:
        """The observed conversions: the counts of every transition into ``(conversion)``."""
        return math.fsum(n for (_, target), n in self.counts.items() if target == CONVERSION)


def conversion_probability(counts: TransitionCounts, removed: str | None = None) -> float:
    """The probability of reaching ``(conversion)`` from ``(start)``, optionally with one
    channel removed (every transition into it ends in ``(null)``).

    >>> counts = TransitionCounts.from_path_table(
    ...     PathTable.from_paths([("A > B", 1, 0), ("A", 0, 1), ("B", 1, 0)])
    ... )
    >>> round(conversion_probability(counts), 12), round(conversion_probability(counts, "A"), 12)
    (0.666666666667, 0.333333333333)
    """
    transient = [START, *counts.channels]
    index = {state: i for i, state in enumerate(transient)}
    n = len(transient)
    flows = np.zeros((n, n))
    to_conversion = np.zeros(n)
    outgoing = np.zeros(n)
    for (source, target), count in counts.counts.items():
        if source == removed:
            continue  # a removed channel leads nowhere: it is absorbed into (null)
        i = index[source]
        outgoing[i] += count
        if target == CONVERSION:
            to_conversion[i] += count
        elif target != NULL:
            flows[i, index[target]] += count
    # A state never left (outgoing 0) has no evidence of converting: it stays at probability 0.
    safe = np.where(outgoing > 0, outgoing, 1.0)
    q = flows / safe[:, None]
    r = to_conversion / safe

    # Only states that can reach (conversion) take part in the system. The rest (dead ends,
    # loops that never leave) have probability 0, and dropping them keeps I - Q invertible.
    live = _can_reach_conversion(q, r)
    if not live[index[START]]:
        return 0.0
    keep = np.flatnonzero(live)
    system = np.eye(len(keep)) - q[np.ix_(keep, keep)]
    solution = np.linalg.solve(system, r[keep])
    start = int(np.searchsorted(keep, index[START]))
    # Clipped because rounding can leave a probability a hair outside [0, 1].
    return float(min(1.0, max(0.0, solution[start])))


def removal_effects(counts: TransitionCounts) -> dict[str, float]:
    """The removal effect ``1 - P_c / P`` of every channel, in ``[0, 1]``.

    >>> counts = TransitionCounts.from_path_table(
    ...     PathTable.from_paths([("A > B", 1, 0), ("A", 0, 1), ("B", 1, 0)])
    ... )
    >>> {c: round(e, 12) for c, e in removal_effects(counts).items()}
    {'A': 0.5, 'B': 1.0}
    """
    if counts.total_conversions <= 0:
        raise NoConversions("markov")
    base = conversion_probability(counts)
    if base <= 0:
        raise NoConversions("markov")
    effects = {}
    for channel in counts.channels:
        # Removing a state can only lower the probability; max() absorbs rounding noise.
        effects[channel] = max(0.0, 1.0 - conversion_probability(counts, channel) / base)
    return effects


def markov_attribution(counts: TransitionCounts) -> AttributionResult:
    """Credit conversions (and value) in proportion to each channel's removal effect.

    >>> counts = TransitionCounts.from_path_table(
    ...     PathTable.from_paths([("A > B", 1, 0), ("A", 0, 1), ("B", 1, 0)])
    ... )
    >>> {c: round(v, 12) for c, v in markov_attribution(counts).credits().items()}
    {'B': 1.333333333333, 'A': 0.666666666667}
    """
    effects = removal_effects(counts)
    total_effect = math.fsum(effects.values())
    if total_effect <= 0:
        # Unreachable when every conversion has a touch before it, kept as a clear failure.
        raise NoConversions("markov")
    total = counts.total_conversions
    shares = {channel: effect / total_effect for channel, effect in effects.items()}
    values = None
    if counts.total_value is not None:
        values = {channel: share * counts.total_value for channel, share in shares.items()}
    return AttributionResult.from_credits(
        "markov",
        {channel: share * total for channel, share in shares.items()},
        total,
        value_credits=values,
        total_value=counts.total_value,
    )


def _can_reach_conversion(q: np.ndarray, r: np.ndarray) -> np.ndarray:
    live = r > 0
    changed = True
    while changed:
        # A state is live when it steps with positive probability to a live state.
        grown = live | ((q > 0) & live[None, :]).any(axis=1)
        changed = bool((grown != live).any())
        live = grown
    return live
