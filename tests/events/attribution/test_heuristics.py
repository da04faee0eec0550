"""Rule-based models and the weight rules the event engine mirrors in SQL."""

from __future__ import annotations

import math

import pytest

from journeykit.events.attribution import (
    DEFAULT_HALF_LIFE_SECONDS,
    InvalidSetting,
    NeedsTimestamps,
    PathRow,
    PathTable,
    attribute,
    heuristic_attribution,
    position_weights,
    time_decay_weight,
    time_decay_weights,
    touch_weights,
)

DAY = 24 * 3600.0


@pytest.mark.parametrize(
    ("touches", "weights"),
    [
        (1, [1.0]),
        (2, [0.5, 0.5]),
        (3, [0.4, 0.2, 0.4]),
        (4, [0.4, 0.1, 0.1, 0.4]),
        (6, [0.4, 0.05, 0.05, 0.05, 0.05, 0.4]),
    ],
)
def test_position_weights_give_40_20_40(touches: int, weights: list[float]) -> None:
    assert position_weights(touches) == pytest.approx(weights, abs=1e-15)
    assert math.fsum(position_weights(touches)) == pytest.approx(1.0, abs=1e-15)


def test_position_weights_take_other_end_shares() -> None:
    assert position_weights(4, first=0.3, last=0.5) == pytest.approx([0.3, 0.1, 0.1, 0.5])


@pytest.mark.parametrize(
    ("touches", "first", "last"), [(0, 0.4, 0.4), (3, 0.7, 0.4), (3, -0.1, 0.4)]
)
def test_position_weights_refuse_impossible_settings(
    touches: int, first: float, last: float
) -> None:
    with pytest.raises(InvalidSetting) as caught:
        position_weights(touches, first=first, last=last)
    assert caught.value.code == "invalid_setting"


def test_time_decay_halves_the_weight_every_half_life() -> None:
    assert DEFAULT_HALF_LIFE_SECONDS == 7 * DAY
    assert time_decay_weight(0) == 1.0
    assert time_decay_weight(7 * DAY) == pytest.approx(0.5, abs=1e-15)
    assert time_decay_weight(14 * DAY) == pytest.approx(0.25, abs=1e-15)
    assert time_decay_weight(3.5 * DAY) == pytest.approx(2**-0.5, abs=1e-15)
    assert time_decay_weight(3600, half_life_seconds=3600) == pytest.approx(0.5, abs=1e-15)


@pytest.mark.parametrize("half_life", [0.0, -1.0, math.inf, math.nan])
def test_time_decay_needs_a_positive_half_life(half_life: float) -> None:
    with pytest.raises(InvalidSetting):
        time_decay_weight(10, half_life)


def test_a_touch_after_the_conversion_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="after its conversion"):
        time_decay_weight(-1)


def test_time_decay_weights_of_a_path_sum_to_one() -> None:
    # Weights 1/4, 1/2, 1 for touches 14, 7 and 0 days out; their sum is 7/4.
    shares = time_decay_weights([14 * DAY, 7 * DAY, 0])
    assert shares == pytest.approx([1 / 7, 2 / 7, 4 / 7], abs=1e-15)
    with pytest.raises(InvalidSetting):
        time_decay_weights([])


def test_touch_weights_of_first_last_and_linear() -> None:
    assert touch_weights("first", 1) == [1.0]
    assert touch_weights("first", 3) == [1.0, 0.0, 0.0]
    assert touch_weights("last", 3) == [0.0, 0.0, 1.0]
    assert touch_weights("linear", 3) == pytest.approx([1 / 3] * 3)
    assert touch_weights("position", 3) == position_weights(3)
    with pytest.raises(NeedsTimestamps):
        touch_weights("time_decay", 3)


TABLE = PathTable.from_paths([("A > B > C", 10, 2), ("B > A", 4, 0), ("C", 6, 9), ("D", 0, 3)])


@pytest.mark.parametrize(
    ("model", "credits"),
    [
        # A > B > C ×10, B > A ×4, C ×6; D only on a null path.
        ("first", {"A": 10, "B": 4, "C": 6, "D": 0}),
        ("last", {"A": 4, "B": 0, "C": 16, "D": 0}),
        ("linear", {"A": 10 / 3 + 2, "B": 10 / 3 + 2, "C": 10 / 3 + 6, "D": 0}),
        ("position", {"A": 4 + 2, "B": 2 + 2, "C": 4 + 6, "D": 0}),
    ],
)
def test_heuristic_credits_by_hand(model: str, credits: dict[str, float]) -> None:
    result = attribute(TABLE, model)
    assert result.credits() == pytest.approx(credits, abs=1e-12)
    assert result.total_conversions == 20


def test_a_channel_twice_on_a_path_collects_both_touches() -> None:
    table = PathTable.from_paths([("A > B > A", 3, 0)])
    assert heuristic_attribution(table, "linear").credits() == {"A": 2.0, "B": 1.0}
    assert heuristic_attribution(table, "position").credits() == pytest.approx({"A": 2.4, "B": 0.6})


def test_heuristics_share_value_by_the_same_weights() -> None:
    table = PathTable([PathRow(("A", "B"), 2, 0, 100.0), PathRow(("B",), 1, 1, 40.0)])
    rows = heuristic_attribution(table, "first").to_rows()
    assert rows == [
        {"touchpoint": "A", "conversions": 2.0, "share": 2 / 3, "value": 100.0},
        {"touchpoint": "B", "conversions": 1.0, "share": 1 / 3, "value": 40.0},
    ]


def test_time_decay_on_a_path_table_asks_for_timestamps() -> None:
    with pytest.raises(NeedsTimestamps) as caught:
        attribute(TABLE, "time_decay")
    assert caught.value.code == "needs_timestamps"
    assert "time" in caught.value.message
