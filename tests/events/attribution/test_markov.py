"""Markov removal effects, solved exactly: hand-computed chains and a matrix-power reference."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from journeykit.events.attribution import (
    CONVERSION,
    NULL,
    START,
    InvalidPath,
    NoConversions,
    PathTable,
    TransitionCounts,
    attribute,
    conversion_probability,
    markov_attribution,
    removal_effects,
)

Counts = dict[tuple[str, str], float]


def test_removal_effects_of_the_textbook_example() -> None:
    # Paths: A > B converts once, A ends once without converting, B converts once.
    # Transitions: start→A 2, start→B 1, A→B 1, A→null 1, B→conv 2.
    # Conversion probabilities: h_B = 1, h_A = 1/2·h_B = 1/2, P = 2/3·1/2 + 1/3·1 = 2/3.
    # Without A (h_A = 0): P_A = 1/3, RE_A = 1 - (1/3)/(2/3) = 1/2.
    # Without B (h_B = 0, so h_A = 0): P_B = 0, RE_B = 1.
    # Credits of the 2 conversions: A = 2·(1/2)/(3/2) = 2/3, B = 2·1/(3/2) = 4/3.
    counts = TransitionCounts.from_path_table(
        PathTable.from_paths([("A > B", 1, 0), ("A", 0, 1), ("B", 1, 0)])
    )
    assert dict(counts.counts) == {
        (START, "A"): 2.0,
        (START, "B"): 1.0,
        ("A", "B"): 1.0,
        ("A", NULL): 1.0,
        ("B", CONVERSION): 2.0,
    }
    assert conversion_probability(counts) == pytest.approx(2 / 3, abs=1e-12)
    assert conversion_probability(counts, "A") == pytest.approx(1 / 3, abs=1e-12)
    assert conversion_probability(counts, "B") == pytest.approx(0.0, abs=1e-12)
    effects = removal_effects(counts)
    assert effects["A"] == pytest.approx(0.5, abs=1e-12)
    assert effects["B"] == pytest.approx(1.0, abs=1e-12)
    result = markov_attribution(counts)
    assert [row.touchpoint for row in result.rows] == ["B", "A"]
    assert result.credits()["A"] == pytest.approx(2 / 3, abs=1e-12)
    assert result.credits()["B"] == pytest.approx(4 / 3, abs=1e-12)
    assert result.total_conversions == 2.0


def test_a_channel_only_on_null_paths_gets_no_credit() -> None:
    # C's visitors never convert: removing it leaves P unchanged, so RE_C = 0.
    table = PathTable.from_paths([("A", 3, 1), ("C", 0, 5)])
    counts = TransitionCounts.from_path_table(table)
    assert removal_effects(counts) == {"A": 1.0, "C": 0.0}
    assert attribute(table, "markov").credits() == {"A": 3.0, "C": 0.0}


def test_self_loops_are_part_of_the_chain() -> None:
    # start→A 1, start→B 1, A→A 3, A→conv 1, B→conv 1, B→null 1.
    # h_A = 3/4·h_A + 1/4, so h_A = 1; h_B = 1/2; P = 1/2·1 + 1/2·1/2 = 3/4.
    # P_A = 1/4 (RE_A = 2/3), P_B = 1/2 (RE_B = 1/3); 2 conversions: A 4/3, B 2/3.
    counts = TransitionCounts(
        {
            (START, "A"): 1,
            (START, "B"): 1,
            ("A", "A"): 3,
            ("A", CONVERSION): 1,
            ("B", CONVERSION): 1,
            ("B", NULL): 1,
        }
    )
    assert conversion_probability(counts) == pytest.approx(0.75, abs=1e-12)
    credits = markov_attribution(counts).credits()
    assert credits["A"] == pytest.approx(4 / 3, abs=1e-12)
    assert credits["B"] == pytest.approx(2 / 3, abs=1e-12)


def test_states_that_never_reach_an_end_do_not_break_the_solver() -> None:
    # A only loops on itself and C, D only feed each other: I - Q is singular on them.
    # Only B converts: P = 1/4 (start→B), removing A, C or D changes nothing.
    counts = TransitionCounts(
        {
            (START, "A"): 1,
            (START, "B"): 1,
            (START, "C"): 2,
            ("A", "A"): 5,
            ("C", "D"): 1,
            ("D", "C"): 1,
            ("B", CONVERSION): 1,
        }
    )
    assert conversion_probability(counts) == pytest.approx(0.25, abs=1e-12)
    assert removal_effects(counts) == {"A": 0.0, "B": 1.0, "C": 0.0, "D": 0.0}
    assert markov_attribution(counts).credits() == {"B": 1.0, "A": 0.0, "C": 0.0, "D": 0.0}


def test_a_channel_without_outgoing_transitions_counts_as_a_dead_end() -> None:
    counts = TransitionCounts({(START, "A"): 1, (START, "B"): 1, ("B", CONVERSION): 1})
    assert conversion_probability(counts) == pytest.approx(0.5, abs=1e-12)
    assert markov_attribution(counts).credits() == {"B": 1.0, "A": 0.0}


def test_value_is_shared_like_the_conversions() -> None:
    table = PathTable.from_paths([("A > B", 1, 0), ("A", 0, 1), ("B", 1, 0)])
    counts = TransitionCounts.from_path_table(table)
    counts = TransitionCounts(counts.counts, total_value=300.0)
    rows = markov_attribution(counts).to_rows()
    assert [row["touchpoint"] for row in rows] == ["B", "A"]
    assert rows[0]["value"] == pytest.approx(200.0, abs=1e-9)
    assert rows[1]["value"] == pytest.approx(100.0, abs=1e-9)


def test_without_conversions_there_is_nothing_to_attribute() -> None:
    counts = TransitionCounts({(START, "A"): 2, ("A", NULL): 2})
    with pytest.raises(NoConversions) as caught:
        markov_attribution(counts)
    assert caught.value.code == "no_conversions"


def test_conversions_the_start_cannot_reach_are_refused_as_no_conversions() -> None:
    counts = TransitionCounts({(START, "A"): 2, ("A", NULL): 2, ("B", CONVERSION): 1})
    with pytest.raises(NoConversions):
        removal_effects(counts)


@pytest.mark.parametrize(
    "transition",
    [(START, CONVERSION), (CONVERSION, "A"), (NULL, "A"), ("A", START)],
)
def test_impossible_transitions_are_refused(transition: tuple[str, str]) -> None:
    with pytest.raises(InvalidPath) as caught:
        TransitionCounts({(START, "A"): 1, ("A", CONVERSION): 1, transition: 1})
    assert caught.value.code == "invalid_path"


def test_negative_counts_are_refused() -> None:
    with pytest.raises(InvalidPath):
        TransitionCounts({(START, "A"): -1, ("A", CONVERSION): 1})


def test_paths_of_one_touch_give_markov_the_same_credit_as_last_touch() -> None:
    table = PathTable.from_paths([("A", 3, 2), ("B", 1, 7), ("C", 6, 0), ("D", 0, 4)])
    markov = attribute(table, "markov").credits()
    last = attribute(table, "last").credits()
    assert markov.keys() == last.keys()
    for channel, credit in last.items():
        assert markov[channel] == pytest.approx(credit, abs=1e-12)


# --- a reference that shares no code with the solver: powers of the full transition matrix


def reference_probability(counts: Counts, removed: str | None = None) -> float:
    channels = sorted({s for pair in counts for s in pair} - {START, CONVERSION, NULL})
    states = [START, *channels, CONVERSION, NULL]
    at = {state: i for i, state in enumerate(states)}
    matrix = np.zeros((len(states), len(states)))
    for (source, target), count in counts.items():
        matrix[at[source], at[target]] += count
    for state in states:
        i = at[state]
        if state == removed:
            matrix[i] = 0.0
            matrix[i, at[NULL]] = 1.0
        total = matrix[i].sum()
        if state in (CONVERSION, NULL) or total == 0:
            matrix[i] = 0.0
            matrix[i, i] = 1.0  # absorbing, or a dead end that never converts
        else:
            matrix[i] /= total
    for _ in range(64):  # M^(2^64): far past convergence for chains this small
        matrix = matrix @ matrix
        # Exactly stochastic in theory; rescaling keeps rounding from compounding to inf.
        matrix /= matrix.sum(axis=1, keepdims=True)
    return float(matrix[at[START], at[CONVERSION]])


@st.composite
def chains(draw: st.DrawFn) -> Counts:
    """Random chains, including self-loops, cycles, dead ends and traps."""
    channels = draw(st.lists(st.sampled_from("ABCDEF"), min_size=1, max_size=5, unique=True))
    sources = [START, *channels]
    targets = [*channels, CONVERSION, NULL]
    weight = st.one_of(st.just(0), st.integers(1, 20), st.floats(0.1, 20))
    counts: Counts = {}
    for source in sources:
        for target in targets:
            if (source, target) == (START, CONVERSION):
                continue
            if w := draw(weight):
                counts[source, target] = float(w)
    return counts


@settings(max_examples=150, deadline=None)
@given(chains())
def test_exact_solution_matches_the_matrix_power_reference(counts: Counts) -> None:
    transitions = TransitionCounts(counts)
    for removed in (None, *transitions.channels):
        expected = reference_probability(counts, removed)
        assert conversion_probability(transitions, removed) == pytest.approx(expected, abs=1e-9)


@settings(max_examples=150, deadline=None)
@given(chains())
def test_credits_on_random_chains_sum_to_the_conversions(counts: Counts) -> None:
    transitions = TransitionCounts(counts)
    if reference_probability(counts) < 1e-12 or transitions.total_conversions == 0:
        with pytest.raises(NoConversions):
            markov_attribution(transitions)
        return
    result = markov_attribution(transitions)
    assert math.fsum(result.credits().values()) == pytest.approx(
        transitions.total_conversions, rel=1e-9
    )
    assert all(credit >= 0 for credit in result.credits().values())
