"""Rule-based models: each touch of a converting path gets a fixed share of its conversions.

The weight rules are small pure functions so that the event engine, which applies them in
SQL, can be tested against exactly the same numbers.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence
from decimal import Decimal
from typing import Literal

from journeykit.events.attribution.errors import InvalidSetting, NeedsTimestamps, NoConversions
from journeykit.events.attribution.paths import PathTable
from journeykit.events.attribution.result import AttributionResult

HeuristicModel = Literal["first", "last", "linear", "position", "time_decay"]

#: Seven days: a touch a week before the conversion counts half as much as one right before it.
DEFAULT_HALF_LIFE_SECONDS = 7 * 24 * 3600.0


def position_weights(touches: int, *, first: float = 0.4, last: float = 0.4) -> list[float]:
    """Position-based ("U-shaped") shares of the touches of one path.

    The first and last touch get 40 % each and the middle touches share the other 20 %
    evenly. With two touches there is no middle, so they get 50 % each; one touch gets all.

    >>> position_weights(4)
    [0.4, 0.1, 0.1, 0.4]
    >>> position_weights(2), position_weights(1)
    ([0.5, 0.5], [1.0])
    """
    if touches < 1:
        raise InvalidSetting(f"a path has at least one touch, not {touches}")
    if not (first >= 0 and last >= 0 and first + last <= 1):
        raise InvalidSetting(f"first ({first}) and last ({last}) shares must be ≥ 0 with sum ≤ 1")
    if touches == 1:
        return [1.0]
    if touches == 2:
        return [0.5, 0.5]
    # In decimal so that 1 - 0.4 - 0.4 is the 0.2 a person computes, not 0.19999999999999996.
    middle = float((1 - Decimal(repr(first)) - Decimal(repr(last))) / (touches - 2))
    return [first, *([middle] * (touches - 2)), last]


def time_decay_weight(
    seconds_before_conversion: float, half_life_seconds: float = DEFAULT_HALF_LIFE_SECONDS
) -> float:
    """The unnormalised weight ``2 ** (-Δt / half_life)`` of a touch Δt seconds before converting.

    >>> time_decay_weight(0), time_decay_weight(7 * 24 * 3600), time_decay_weight(3600, 1800)
    (1.0, 0.5, 0.25)
    """
    if not (half_life_seconds > 0 and math.isfinite(half_life_seconds)):
        raise InvalidSetting(f"the half-life must be a positive duration, not {half_life_seconds}s")
    if not seconds_before_conversion >= 0:
        # A touch after the conversion is not on the path; callers must not pass one.
        raise ValueError(f"a touch cannot come after its conversion ({seconds_before_conversion}s)")
    return float(2.0 ** (-seconds_before_conversion / half_life_seconds))


def time_decay_weights(
    seconds_before_conversion: Sequence[float],
    half_life_seconds: float = DEFAULT_HALF_LIFE_SECONDS,
) -> list[float]:
    """Time-decay shares of the touches of one path: the weights scaled to sum to 1.

    >>> time_decay_weights([14 * 24 * 3600, 7 * 24 * 3600, 0])
    [0.14285714285714285, 0.2857142857142857, 0.5714285714285714]
    """
    if not seconds_before_conversion:
        raise InvalidSetting("a path has at least one touch")
    weights = [time_decay_weight(s, half_life_seconds) for s in seconds_before_conversion]
    total = math.fsum(weights)
    return [w / total for w in weights]


def touch_weights(model: HeuristicModel, touches: int) -> list[float]:
    """The shares of each touch of a ``touches``-long path under a position-only model.

    >>> touch_weights("first", 3), touch_weights("last", 3), touch_weights("linear", 4)
    ([1.0, 0.0, 0.0], [0.0, 0.0, 1.0], [0.25, 0.25, 0.25, 0.25])
    """
    if touches < 1:
        raise InvalidSetting(f"a path has at least one touch, not {touches}")
    if model == "first":
        return [1.0] + [0.0] * (touches - 1)
    if model == "last":
        return [0.0] * (touches - 1) + [1.0]
    if model == "linear":
        return [1.0 / touches] * touches
    if model == "position":
        return position_weights(touches)
    raise NeedsTimestamps()


def heuristic_attribution(table: PathTable, model: HeuristicModel) -> AttributionResult:
    """Credit each converting path's conversions (and value) to its touches by ``model``.

    A channel that occurs twice on a path (``A > B > A``) collects both touches' shares.
    ``time_decay`` needs the time of every touch and raises :class:`NeedsTimestamps` here.

    >>> table = PathTable.from_paths([("A > B > C", 10, 0), ("B", 5, 3)])
    >>> heuristic_attribution(table, "position").credits()
    {'B': 7.0, 'A': 4.0, 'C': 4.0}
    """
    if model == "time_decay":
        raise NeedsTimestamps()
    if table.total_conversions <= 0:
        raise NoConversions(model)
    parts: defaultdict[str, list[float]] = defaultdict(list)
    value_parts: defaultdict[str, list[float]] = defaultdict(list)
    for row in table.rows:
        if not row.channels:  # only null journeys may lack touches; they credit nobody
            continue
        for channel, weight in zip(
            row.channels, touch_weights(model, len(row.channels)), strict=True
        ):
            parts[channel].append(weight * row.conversions)
            if row.value is not None:
                value_parts[channel].append(weight * row.value)
    credits = {channel: math.fsum(parts[channel]) for channel in table.channels}
    values = (
        {channel: math.fsum(value_parts[channel]) for channel in table.channels}
        if table.has_values
        else None
    )
    return AttributionResult.from_credits(
        model,
        credits,
        table.total_conversions,
        value_credits=values,
        total_value=table.total_value,
    )
