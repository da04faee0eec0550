"""Shapley attribution: the closed form equals the subset formula of the conversion game."""

from __future__ import annotations

import math
from itertools import combinations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from journeykit.events.attribution import (
    CoalitionCounts,
    InvalidPath,
    NoConversions,
    PathTable,
    coalition_value,
    shapley_attribution,
)


def brute_force_shapley(counts: CoalitionCounts) -> dict[str, float]:
    """φ_c = Σ_{S ⊆ N∖{c}} |S|!(n-|S|-1)!/n! · (v(S ∪ {c}) - v(S)), over every subset."""
    players = counts.channels
    n = len(players)
    values: dict[str, float] = {}
    for player in players:
        others = [p for p in players if p != player]
        total = 0.0
        for size in range(n):
            weight = math.factorial(size) * math.factorial(n - size - 1) / math.factorial(n)
            for subset in combinations(others, size):
                members = frozenset(subset)
                gain = coalition_value(counts, members | {player}) - coalition_value(
                    counts, members
                )
                total += weight * gain
        values[player] = total
    return values


def test_hand_computed_example() -> None:
    # A > B converts once, B converts once, A alone never converts.
    # v({}) = 0, v({A}) = 0, v({B}) = 1, v({A, B}) = 2.
    # φ_A = 1/2·(v(A) - v()) + 1/2·(v(AB) - v(B)) = 1/2·0 + 1/2·1 = 1/2.
    # φ_B = 1/2·(v(B) - v()) + 1/2·(v(AB) - v(A)) = 1/2·1 + 1/2·2 = 3/2.
    table = PathTable.from_paths([("A > B", 1, 0), ("A", 0, 1), ("B", 1, 0)])
    counts = CoalitionCounts.from_path_table(table)
    assert dict(counts.conversions) == {
        frozenset("AB"): 1.0,
        frozenset("A"): 0.0,
        frozenset("B"): 1.0,
    }
    result = shapley_attribution(counts)
    assert result.credits() == {"B": 1.5, "A": 0.5}
    assert brute_force_shapley(counts) == pytest.approx({"A": 0.5, "B": 1.5}, abs=1e-12)


def test_repeated_channels_count_once_per_path() -> None:
    # A > B > A > C: the coalition is {A, B, C}; each member gets a third.
    table = PathTable.from_paths([("A > B > A > C", 3, 0)])
    assert shapley_attribution(CoalitionCounts.from_path_table(table)).credits() == {
        "A": 1.0,
        "B": 1.0,
        "C": 1.0,
    }


def test_value_is_credited_by_the_same_game() -> None:
    counts = CoalitionCounts(
        {frozenset("AB"): 2.0, frozenset("B"): 1.0},
        values={frozenset("AB"): 100.0, frozenset("B"): 30.0},
    )
    rows = shapley_attribution(counts).to_rows()
    assert rows == [
        {"touchpoint": "B", "conversions": 2.0, "share": 2 / 3, "value": 80.0},
        {"touchpoint": "A", "conversions": 1.0, "share": 1 / 3, "value": 50.0},
    ]


def test_no_conversions_is_an_error() -> None:
    with pytest.raises(NoConversions) as caught:
        shapley_attribution(CoalitionCounts({frozenset("A"): 0.0}))
    assert caught.value.code == "no_conversions"


def test_conversions_without_any_channel_are_refused() -> None:
    with pytest.raises(InvalidPath):
        CoalitionCounts({frozenset(): 1.0, frozenset("A"): 1.0})


def test_values_for_unknown_coalitions_are_refused() -> None:
    with pytest.raises(InvalidPath):
        CoalitionCounts({frozenset("A"): 1.0}, values={frozenset("B"): 1.0})


coalitions = st.dictionaries(
    st.frozensets(st.sampled_from("ABCDEF"), min_size=1),
    st.one_of(st.integers(0, 30).map(float), st.floats(0, 30)),
    min_size=1,
    max_size=12,
)


@settings(max_examples=200, deadline=None)
@given(coalitions)
def test_closed_form_equals_the_subset_formula(conversions: dict[frozenset[str], float]) -> None:
    counts = CoalitionCounts(conversions)
    expected = brute_force_shapley(counts)
    if counts.total_conversions == 0:
        with pytest.raises(NoConversions):
            shapley_attribution(counts)
        return
    credits = shapley_attribution(counts).credits()
    assert credits.keys() == expected.keys()
    for channel, value in expected.items():
        assert credits[channel] == pytest.approx(value, abs=1e-9)
    # Efficiency: the grand coalition's worth is shared out completely.
    assert math.fsum(credits.values()) == pytest.approx(
        coalition_value(counts, frozenset(counts.channels)), rel=1e-12
    )
