"""Before/after comparisons on synthetic data: a planted effect is found, none is not.

Each simulation draws customers before and after a go-live date and runs the same split and
test the measure effects use. Over 200 seeded simulations without an effect, the share of
"significant" results must stay near α = 0.05 (at most 8 %); with a planted effect of known
size the interval must hold it about 95 % of the time and the test find it most times.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from journeykit.feedback.settings import FeedbackSettings
from journeykit.insight.comparisons import split_by_date
from journeykit.insight.hypotheses import statistics
from journeykit.insight.observations import Observations
from journeykit.model.hypothesis import MetricKind

GO_LIVE = dt.date(2024, 5, 2)
RUNS = 200
SETTINGS = FeedbackSettings()


def _observations(kind: MetricKind, before: np.ndarray, after: np.ndarray) -> Observations:
    days = [GO_LIVE - dt.timedelta(days=1 + i % 60) for i in range(len(before))]
    days += [GO_LIVE + dt.timedelta(days=i % 60) for i in range(len(after))]
    stamps = np.array(
        [int(dt.datetime.combine(d, dt.time(12), dt.UTC).timestamp() * 1e6) for d in days]
    )
    values = np.concatenate([before, after]).astype(float)
    ids: list[str | None] = [f"C{i}" for i in range(len(values))]
    return Observations(kind, values, ids, days, stamps, "simulated")


def _simulate(kind: MetricKind, effect: float, seed: int) -> tuple[bool, bool]:
    """(significant, interval holds the planted effect) for one simulated before/after."""
    rng = np.random.default_rng(seed)
    before: np.ndarray
    after: np.ndarray
    if kind == "conversion":
        before = rng.random(400) < 0.40
        after = rng.random(300) < 0.40 + effect / 100
        truth = effect
    elif kind == "time":
        before = rng.exponential(10.0, 150)
        after = rng.exponential(10.0, 120) + effect
        truth = effect  # a shift moves the median by exactly the shift
    else:
        weights_before = [0.35, 0.35, 0.30]
        shift = effect / 100
        weights_after = [0.35 + shift / 2, 0.35, 0.30 - shift / 2]
        choices = np.array([10.0, 8.0, 3.0])
        before = rng.choice(choices, 300, p=weights_before)
        after = rng.choice(choices, 300, p=weights_after)
        truth = effect
    groups = split_by_date(_observations(kind, before, after), GO_LIVE)
    assert (len(groups.b), len(groups.a)) == (len(before), len(after))
    result = statistics(kind, groups, SETTINGS)
    return result.significant, result.ci_low <= truth <= result.ci_high


@pytest.mark.parametrize("kind", ["conversion", "time", "nps"])
def test_without_an_effect_false_positives_stay_near_alpha(kind: MetricKind) -> None:
    outcomes = [_simulate(kind, 0.0, seed) for seed in range(RUNS)]
    false_positives = sum(significant for significant, _ in outcomes) / RUNS
    assert false_positives <= 0.08


@pytest.mark.parametrize(("kind", "effect"), [("conversion", 15.0), ("time", 6.0), ("nps", 20.0)])
def test_a_planted_effect_is_found_and_its_size_covered(kind: MetricKind, effect: float) -> None:
    outcomes = [_simulate(kind, effect, 1000 + seed) for seed in range(RUNS)]
    found = sum(significant for significant, _ in outcomes) / RUNS
    covered = sum(holds for _, holds in outcomes) / RUNS
    assert found >= 0.8
    assert 0.88 <= covered <= 0.99
