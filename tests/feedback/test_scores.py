"""NPS, CSAT and CES against hand-computed values, edge cases, and interval coverage."""

from __future__ import annotations

import math

import numpy as np
import pytest

from journeykit.feedback.compare import compare_ces, compare_csat, compare_nps
from journeykit.feedback.scores import Scale, ces, csat, nps, nps_counts, wilson


def test_nps_is_promoters_minus_detractors_in_points() -> None:
    # 4 promoters (9, 10), 3 passives (7, 8), 3 detractors (0–6): (4 - 3) / 10 = 10 points.
    score = nps([9, 10, 10, 9, 7, 8, 8, 6, 0, 3])
    assert score.responses == 10
    assert score.score == 10.0


def test_nps_interval_matches_the_adjusted_wald_formula_by_hand() -> None:
    # n=10, 4 promoters, 3 detractors: n~=13, p~=4.75/13, d~=3.75/13.
    score = nps_counts(4, 3, 3)
    p, d = 4.75 / 13, 3.75 / 13
    half = 1.959964 * math.sqrt((p + d - (p - d) ** 2) / 13)
    assert score.ci_low == pytest.approx(100 * (p - d - half), abs=1e-3)
    assert score.ci_high == pytest.approx(100 * (p - d + half), abs=1e-3)


def test_nps_of_only_promoters_is_100_with_an_interval_below_it() -> None:
    score = nps([10] * 20)
    assert score.score == 100.0
    assert score.ci_high == 100.0
    # By hand: n~=23, p~=20.75/23, d~=0.75/23, centre 0.8696, half-width 0.1728.
    assert score.ci_low == pytest.approx(69.68, abs=0.01)


def test_nps_of_one_answer_has_a_wide_interval() -> None:
    score = nps([3])
    assert score.score == -100.0
    assert score.ci_low == -100.0
    assert score.ci_high is not None and score.ci_high > 0
    assert score.small_sample()


def test_no_answers_give_no_score() -> None:
    for score in (nps([]), csat([]), ces([])):
        assert score.responses == 0
        assert score.score is None and score.ci_low is None and score.ci_high is None


def test_answers_off_the_scale_are_refused() -> None:
    with pytest.raises(ValueError, match="not on the scale"):
        nps([11])
    with pytest.raises(ValueError, match="not on the scale"):
        csat([0])
    with pytest.raises(ValueError, match="not on the scale"):
        ces([7.5])


def test_csat_counts_the_top_two_boxes_with_a_wilson_interval() -> None:
    score = csat([5, 4, 4, 3, 2, 1, 5, 5])  # 5 of 8 satisfied
    assert score.score == 62.5
    # Wilson by hand: p=0.625, n=8, z=1.96.
    z, n, p = 1.959964, 8, 0.625
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    assert score.ci_low == pytest.approx(100 * (centre - half), abs=1e-3)
    assert score.ci_high == pytest.approx(100 * (centre + half), abs=1e-3)


def test_csat_scale_is_configurable() -> None:
    # On 1–7 the top two boxes are 6 and 7.
    assert csat([7, 6, 5, 5], Scale(1, 7)).score == 50.0


def test_wilson_of_all_successes_stays_below_one() -> None:
    low, high = wilson(10, 10)
    assert high == pytest.approx(1.0)
    assert 0.69 < low < 0.73


def test_ces_mean_and_t_interval_by_hand() -> None:
    score = ces([2, 4, 6])  # mean 4, sd 2, t(0.975, 2) = 4.302653
    assert score.score == 4.0
    half = 4.302653 * 2 / math.sqrt(3)
    assert score.ci_low == pytest.approx(max(4 - half, 1), abs=1e-4)
    assert score.ci_high == pytest.approx(min(4 + half, 7), abs=1e-4)


def test_ces_of_one_answer_has_no_interval() -> None:
    score = ces([5])
    assert (score.score, score.ci_low, score.ci_high) == (5.0, None, None)


def _coverage(draw_interval: object, truth: float, runs: int) -> float:
    assert callable(draw_interval)
    hits = 0
    for _ in range(runs):
        low, high = draw_interval()
        hits += low <= truth <= high
    return hits / runs


@pytest.mark.parametrize(
    ("shares", "n"),
    [((0.5, 0.3, 0.2), 30), ((0.2, 0.3, 0.5), 100), ((0.8, 0.15, 0.05), 40), ((0.6, 0.3, 0.1), 15)],
)
def test_nps_interval_covers_the_true_score_about_95_percent(
    shares: tuple[float, float, float], n: int
) -> None:
    rng = np.random.default_rng(7)
    truth = 100 * (shares[0] - shares[2])

    def interval() -> tuple[float, float]:
        promoters, passives, detractors = rng.multinomial(n, shares)
        score = nps_counts(int(promoters), int(passives), int(detractors))
        assert score.ci_low is not None and score.ci_high is not None
        return score.ci_low, score.ci_high

    assert 0.92 <= _coverage(interval, truth, 4000) <= 0.985


@pytest.mark.parametrize(("share", "n"), [(0.5, 20), (0.85, 50), (0.95, 30)])
def test_csat_interval_covers_the_true_share_about_95_percent(share: float, n: int) -> None:
    rng = np.random.default_rng(11)

    def interval() -> tuple[float, float]:
        satisfied = int(rng.binomial(n, share))
        answers = [5] * satisfied + [2] * (n - satisfied)
        score = csat(answers)
        assert score.ci_low is not None and score.ci_high is not None
        return score.ci_low, score.ci_high

    assert 0.92 <= _coverage(interval, 100 * share, 3000) <= 0.99


def test_ces_interval_covers_the_true_mean_about_95_percent() -> None:
    rng = np.random.default_rng(5)
    probabilities = np.array([0.05, 0.05, 0.1, 0.2, 0.25, 0.2, 0.15])
    truth = float(np.dot(np.arange(1, 8), probabilities))

    def interval() -> tuple[float, float]:
        answers = rng.choice(np.arange(1, 8), size=25, p=probabilities)
        score = ces([float(a) for a in answers])
        assert score.ci_low is not None and score.ci_high is not None
        return score.ci_low, score.ci_high

    assert 0.92 <= _coverage(interval, truth, 3000) <= 0.98


def test_a_real_nps_drop_is_significant_and_noise_is_not() -> None:
    drop = compare_nps([10] * 60 + [8] * 20 + [3] * 20, [10] * 30 + [8] * 20 + [3] * 50)
    assert drop.change == -60.0 and drop.significant
    same = compare_nps([10, 9, 3, 8] * 10, [10, 3, 9, 8] * 10)
    assert same.change == 0.0 and not same.significant


def test_csat_and_ces_changes_are_tested() -> None:
    better = compare_csat([5] * 30 + [2] * 70, [5] * 70 + [2] * 30)
    assert better.change == 40.0 and better.significant
    assert better.p_value is not None and better.p_value < 1e-6
    easier = compare_ces([3, 4, 3, 4, 3, 4], [6, 7, 6, 7, 6, 7])
    assert easier.change == 3.0 and easier.significant


def test_a_period_without_answers_cannot_be_tested() -> None:
    change = compare_nps([], [10, 9])
    assert change.before is None and change.after == 100.0
    assert change.p_value is None and not change.significant
