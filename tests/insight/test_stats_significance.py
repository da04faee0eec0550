"""The statistical tests against textbook cases and scipy, and the bootstrap's coverage."""

from __future__ import annotations

import math

import numpy as np
import pytest
from scipy import stats

from journeykit.insight.hypotheses import decide
from journeykit.insight.significance import (
    bootstrap_single,
    chi_square,
    difference_in_differences,
    mann_whitney,
    mean_of,
    median_of,
    newcombe_interval,
    nps_bootstrap,
    nps_of,
    rate_too_small,
    two_proportions,
)


def test_two_proportion_z_matches_the_textbook_and_scipy_chi_square() -> None:
    # Agresti, "An Introduction to Categorical Data Analysis": aspirin and heart attacks,
    # 189 of 11 034 on placebo vs 104 of 11 037 on aspirin; z = 5.00.
    result = two_proportions(189, 11034, 104, 11037)
    z = math.copysign(stats.norm.isf(result.p_value / 2), result.effect)
    assert z == pytest.approx(5.00, abs=0.01)
    table = [[189, 11034 - 189], [104, 11037 - 104]]
    chi2, p, _, _ = stats.chi2_contingency(table, correction=False)
    assert result.p_value == pytest.approx(p, rel=1e-9)
    assert z**2 == pytest.approx(chi2, rel=1e-9)
    assert result.effect == pytest.approx(100 * (189 / 11034 - 104 / 11037))


def test_newcombe_interval_matches_newcombes_published_example() -> None:
    # Newcombe (1998), Table II, example (a): 56/70 vs 48/80 gives 0.0524 to 0.3339.
    low, high = newcombe_interval(56, 70, 48, 80)
    assert (round(low, 4), round(high, 4)) == (0.0524, 0.3339)
    # Example (e): 10/10 vs 0/10 still has an interval below 1: 0.6075 to 1.
    low, high = newcombe_interval(10, 10, 0, 10)
    assert (round(low, 4), round(high, 4)) == (0.6075, 1.0)


def test_chi_square_matches_scipy_on_a_table_of_three_groups() -> None:
    table = [[20, 30, 25], [30, 20, 40], [12, 18, 9]]
    statistic, p, dof = chi_square(table)
    expected = stats.chi2_contingency(table, correction=False)
    assert (statistic, p, dof) == pytest.approx((expected[0], expected[1], expected[2]))


def test_chi_square_refuses_an_empty_row() -> None:
    with pytest.raises(ValueError, match="every row and column"):
        chi_square([[0, 0], [3, 4]])


def test_mann_whitney_matches_scipy_with_ties_and_reports_the_median_shift() -> None:
    rng = np.random.default_rng(1)
    a = list(np.round(rng.exponential(5.0, 80), 0))
    b = list(np.round(rng.exponential(3.0, 70), 0))
    result = mann_whitney(a, b, median_of)
    assert result.p_value == pytest.approx(
        stats.mannwhitneyu(a, b, alternative="two-sided").pvalue, rel=1e-12
    )
    assert result.effect == pytest.approx(float(np.median(a) - np.median(b)))
    assert result.ci_low <= result.effect <= result.ci_high
    assert (result.n_a, result.n_b, result.too_small) == (80, 70, None)


def test_mann_whitney_textbook_case_counted_by_hand() -> None:
    # Only one pair has a above b (6 > 5), so U = 1. Of the C(10, 5) = 252 equally likely
    # rankings, two give U <= 1 (U = 0 and U = 1): the exact two-sided p is 4 / 252.
    a = [1.0, 2.0, 3.0, 4.0, 6.0]
    b = [5.0, 7.0, 8.0, 9.0, 10.0]
    assert stats.mannwhitneyu(a, b).statistic == 1
    result = mann_whitney(a, b, mean_of)
    assert result.p_value == pytest.approx(4 / 252)
    assert result.effect == pytest.approx(3.2 - 7.8)
    assert result.too_small is not None and "fewer than 30" in result.too_small


def test_mann_whitney_on_identical_values_says_no_difference() -> None:
    result = mann_whitney([3.0] * 40, [3.0] * 40, mean_of)
    assert (result.p_value, result.effect) == (1.0, 0.0)


def test_the_bootstrap_is_reproducible_with_its_seed_and_varies_without() -> None:
    a, b = [10, 9, 3, 8, 7, 10, 2] * 10, [10, 6, 6, 5, 9, 1, 8] * 10
    first, again = nps_bootstrap(a, b), nps_bootstrap(a, b)
    other = nps_bootstrap(a, b, seed=99)
    assert first == again
    assert (first.ci_low, first.ci_high) != (other.ci_low, other.ci_high)


def test_bootstrap_nps_interval_covers_the_true_difference_about_95_percent() -> None:
    # Two populations with known NPS: 40−20 = 20 and 30−30 = 0; true difference 20.
    rng = np.random.default_rng(20240315)
    choices = np.array([10, 8, 3], dtype=float)
    covered = 0
    runs = 200
    for run in range(runs):
        a = rng.choice(choices, 150, p=[0.4, 0.4, 0.2])
        b = rng.choice(choices, 150, p=[0.3, 0.4, 0.3])
        result = nps_bootstrap(list(a), list(b), seed=run, resamples=1000)
        covered += result.ci_low <= 20 <= result.ci_high
    assert 0.90 <= covered / runs <= 0.99


def test_nps_of_counts_promoters_and_detractors() -> None:
    assert float(nps_of(np.array([10, 9, 8, 7, 6, 0], dtype=float))) == pytest.approx(0.0)
    assert float(nps_of(np.array([10, 10, 9, 8, 7, 3], dtype=float))) == pytest.approx(100 / 3)


def test_too_small_rule_for_rates() -> None:
    assert rate_too_small(15, 29) == "29 customers (fewer than 30)"
    assert rate_too_small(4, 100) == "4 customers on one side (fewer than 5)"
    assert rate_too_small(97, 100) == "3 customers on one side (fewer than 5)"
    assert rate_too_small(50, 100) is None
    assert two_proportions(2, 40, 20, 40).too_small is not None


def test_single_sample_bootstrap_interval_holds_the_median() -> None:
    values = list(np.random.default_rng(3).exponential(2.0, 200))
    low, high = bootstrap_single(values, median_of)
    assert low < float(np.median(values)) < high


def test_difference_in_differences_finds_a_planted_shift_and_not_a_common_one() -> None:
    rng = np.random.default_rng(11)
    # Both groups rise by 10 (season); the treated one by 15 more (the measure).
    control_before, control_after = rng.normal(50, 8, 300), rng.normal(60, 8, 300)
    treated_before, treated_after = rng.normal(50, 8, 300), rng.normal(75, 8, 300)
    did = difference_in_differences(
        treated_after, treated_before, control_after, control_before, mean_of
    )
    assert did.ci_low <= 15 <= did.ci_high
    assert did.p_value < 0.01
    same = difference_in_differences(
        rng.normal(60, 8, 300), rng.normal(50, 8, 300), control_after, control_before, mean_of
    )
    assert same.ci_low <= 0 <= same.ci_high


def test_an_empty_group_is_refused_not_computed() -> None:
    with pytest.raises(ValueError, match="at least one customer"):
        two_proportions(0, 0, 3, 10)
    with pytest.raises(ValueError, match="at least one answer"):
        nps_bootstrap([], [10, 9])
    with pytest.raises(ValueError, match="at least two values"):
        mann_whitney([1.0], [2.0, 3.0], mean_of)


def test_verdicts_follow_the_expected_direction_and_the_too_small_rule() -> None:
    down = two_proportions(30, 200, 60, 200)  # 15 % vs 30 %: a clear decrease
    assert decide(down, "decrease", None)[0] == "supported"
    assert decide(down, "increase", None)[0] == "refuted"
    assert decide(down, None, None)[0] == "supported"
    assert decide(down, "no_change", None)[0] == "refuted"
    flat = two_proportions(50, 200, 52, 200)
    assert decide(flat, "decrease", None)[0] == "inconclusive"
    assert decide(flat, "no_change", None)[0] == "inconclusive"
    assert decide(flat, "no_change", 15.0)[0] == "supported"  # the CI lies within ±15 points
    tiny = two_proportions(1, 10, 9, 10)
    status, reason = decide(tiny, "decrease", None)
    assert tiny.significant and status == "inconclusive" and "too small" in reason
