"""Statistical tests for comparing two groups, each with an effect, a 95 % interval and p.

- **Rates** (conversion, drop-off, churn): the two-proportion z test with the pooled share
  for the p-value and Newcombe's hybrid score interval (method 10 of Newcombe 1998,
  "Interval estimation for the difference between independent proportions") for the
  difference, which stays honest near 0 % and 100 % where the Wald interval does not.
  :func:`chi_square` is the same decision for a 2×2 table (χ² = z²) and for more groups.
- **Times and scores** (CSAT, CES): the Mann-Whitney U test (two-sided, normal
  approximation with tie correction, as scipy computes it), since times are skewed and
  answers ordinal; the effect (difference of medians, of CSAT shares or CES means) gets a
  seeded percentile bootstrap interval.
- **NPS**: a seeded percentile bootstrap of the difference of two NPS, its p-value the
  two-sided bootstrap tail share (with the usual +1 so it is never exactly 0).

Every effect is group ``a`` minus group ``b``. Results are reproducible: the bootstrap is
seeded (:data:`DEFAULT_SEED`).

>>> r = two_proportions(45, 100, 30, 100)
>>> round(r.effect, 1), round(r.p_value, 4)
(15.0, 0.0285)
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from statistics import NormalDist

import numpy as np

#: The two-sided confidence level of every interval, and the significance level.
CONFIDENCE = 0.95
ALPHA = 1 - CONFIDENCE
_Z = NormalDist().inv_cdf(0.5 + CONFIDENCE / 2)
DEFAULT_SEED = 20240315
DEFAULT_RESAMPLES = 4000
#: Fewest answers or customers per group for any test to be read as a verdict.
MIN_GROUP = 30
#: Fewest successes and failures per group for the normal approximation of a rate.
MIN_CELL = 5

Statistic = Callable[[np.ndarray], np.ndarray]


@dataclass(frozen=True)
class ComparisonResult:
    """The outcome of one test: effect (a − b), its interval, p and the group sizes."""

    test: str
    effect: float
    ci_low: float
    ci_high: float
    p_value: float
    n_a: int
    n_b: int
    value_a: float
    value_b: float
    #: Why the samples are too small to say (None when they are large enough).
    too_small: str | None = None

    @property
    def n(self) -> int:
        """Both groups together."""
        return self.n_a + self.n_b

    @property
    def significant(self) -> bool:
        """Whether p is below :data:`ALPHA`."""
        return self.p_value < ALPHA


def _two_sided(z: float) -> float:
    return 2 * NormalDist().cdf(-abs(z))


def wilson_interval(successes: int, n: int) -> tuple[float, float]:
    """The Wilson score interval of a share, as fractions."""
    share = successes / n
    denominator = 1 + _Z**2 / n
    centre = (share + _Z**2 / (2 * n)) / denominator
    half = _Z * math.sqrt(share * (1 - share) / n + _Z**2 / (4 * n * n)) / denominator
    return max(centre - half, 0.0), min(centre + half, 1.0)


def newcombe_interval(
    successes_a: int, n_a: int, successes_b: int, n_b: int
) -> tuple[float, float]:
    """Newcombe's hybrid score interval of ``p_a − p_b``, as fractions.

    >>> [round(x, 4) for x in newcombe_interval(56, 70, 48, 80)]
    [0.0524, 0.3339]
    """
    p_a, p_b = successes_a / n_a, successes_b / n_b
    low_a, high_a = wilson_interval(successes_a, n_a)
    low_b, high_b = wilson_interval(successes_b, n_b)
    difference = p_a - p_b
    low = difference - math.sqrt((p_a - low_a) ** 2 + (high_b - p_b) ** 2)
    high = difference + math.sqrt((high_a - p_a) ** 2 + (p_b - low_b) ** 2)
    return low, high


def rate_too_small(successes: int, n: int) -> str | None:
    """Why a group's rate is too small a sample, or None (the rule of :data:`MIN_GROUP` and
    :data:`MIN_CELL`)."""
    if n < MIN_GROUP:
        return f"{n} customers (fewer than {MIN_GROUP})"
    if min(successes, n - successes) < MIN_CELL:
        return f"{min(successes, n - successes)} customers on one side (fewer than {MIN_CELL})"
    return None


def two_proportions(successes_a: int, n_a: int, successes_b: int, n_b: int) -> ComparisonResult:
    """Compare two shares; effect and interval in percentage points.

    Needs at least one customer in each group (an empty group has no share to compare).
    """
    if n_a == 0 or n_b == 0:
        raise ValueError("each group needs at least one customer")
    p_a, p_b = successes_a / n_a, successes_b / n_b
    pooled = (successes_a + successes_b) / (n_a + n_b)
    se = math.sqrt(pooled * (1 - pooled) * (1 / n_a + 1 / n_b))
    # No spread in the pooled sample: equal shares cannot differ.
    p_value = 1.0 if se == 0 else _two_sided((p_a - p_b) / se)
    low, high = newcombe_interval(successes_a, n_a, successes_b, n_b)
    small = [r for r in (rate_too_small(successes_a, n_a), rate_too_small(successes_b, n_b)) if r]
    return ComparisonResult(
        "two_proportion_z",
        100 * (p_a - p_b),
        100 * low,
        100 * high,
        p_value,
        n_a,
        n_b,
        100 * p_a,
        100 * p_b,
        "; ".join(small) or None,
    )


def chi_square(table: Sequence[Sequence[int]]) -> tuple[float, float, int]:
    """Pearson's χ² test of independence (no continuity correction): (χ², p, dof).

    For a 2×2 table of successes and failures χ² is the square of the two-proportion z.

    >>> chi, p, dof = chi_square([[45, 55], [30, 70]])
    >>> round(chi, 3), round(p, 4), dof
    (4.8, 0.0285, 1)
    """
    counts = np.asarray(table, dtype=float)
    if counts.ndim != 2 or min(counts.shape) < 2:
        raise ValueError("a χ² test needs a table of at least 2 rows and 2 columns")
    rows, columns = counts.sum(axis=1), counts.sum(axis=0)
    if (rows == 0).any() or (columns == 0).any():
        raise ValueError("every row and column of a χ² table needs a count")
    expected = np.outer(rows, columns) / counts.sum()
    statistic = float(((counts - expected) ** 2 / expected).sum())
    dof = (counts.shape[0] - 1) * (counts.shape[1] - 1)
    from scipy import stats  # here: it adds a second to every command's start

    return statistic, float(stats.chi2.sf(statistic, dof)), dof


def bootstrap_interval(
    a: np.ndarray,
    b: np.ndarray,
    statistic: Statistic,
    *,
    seed: int = DEFAULT_SEED,
    resamples: int = DEFAULT_RESAMPLES,
) -> tuple[float, float, np.ndarray]:
    """The percentile interval of ``statistic(a) − statistic(b)`` and the resampled
    differences. ``statistic`` maps a (resamples × n) array to one value per row."""
    rng = np.random.default_rng(seed)
    differences = np.empty(resamples)
    # In chunks, so a large group never needs resamples × n numbers at once.
    chunk = max(1, min(resamples, 2_000_000 // max(len(a), len(b), 1)))
    for start in range(0, resamples, chunk):
        size = min(chunk, resamples - start)
        draw_a = a[rng.integers(0, len(a), (size, len(a)))]
        draw_b = b[rng.integers(0, len(b), (size, len(b)))]
        differences[start : start + size] = statistic(draw_a) - statistic(draw_b)
    tail = (1 - CONFIDENCE) / 2
    low, high = np.quantile(differences, [tail, 1 - tail])
    return float(low), float(high), differences


def _sample_too_small(n_a: int, n_b: int) -> str | None:
    small = [f"{n} in group {g}" for g, n in (("a", n_a), ("b", n_b)) if n < MIN_GROUP]
    return f"{' and '.join(small)} (fewer than {MIN_GROUP})" if small else None


def mann_whitney(
    a: Sequence[float],
    b: Sequence[float],
    statistic: Statistic,
    *,
    seed: int = DEFAULT_SEED,
    resamples: int = DEFAULT_RESAMPLES,
) -> ComparisonResult:
    """Mann-Whitney U on ``a`` vs ``b``; effect ``statistic(a) − statistic(b)`` with a
    bootstrap interval. Needs two values in each group."""
    if len(a) < 2 or len(b) < 2:
        raise ValueError("each group needs at least two values")
    x, y = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    from scipy import stats

    if np.ptp(np.concatenate([x, y])) == 0:
        p_value = 1.0  # every value alike: nothing to rank
    else:
        p_value = float(stats.mannwhitneyu(x, y, alternative="two-sided").pvalue)
    value_a, value_b = float(statistic(x[None, :])[0]), float(statistic(y[None, :])[0])
    low, high, _ = bootstrap_interval(x, y, statistic, seed=seed, resamples=resamples)
    return ComparisonResult(
        "mann_whitney_u",
        value_a - value_b,
        low,
        high,
        p_value,
        len(x),
        len(y),
        value_a,
        value_b,
        _sample_too_small(len(x), len(y)),
    )


def nps_of(rows: np.ndarray) -> np.ndarray:
    """NPS per row of 0–10 answers: percent promoters (9–10) minus percent detractors (0–6)."""
    return np.asarray(100 * ((rows >= 9).mean(axis=-1) - (rows <= 6).mean(axis=-1)))


def nps_bootstrap(
    a: Sequence[float],
    b: Sequence[float],
    *,
    seed: int = DEFAULT_SEED,
    resamples: int = DEFAULT_RESAMPLES,
) -> ComparisonResult:
    """Compare the NPS of two groups of 0–10 answers by the bootstrap; effect in points."""
    if not a or not b:
        raise ValueError("each group needs at least one answer")
    x, y = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    value_a, value_b = float(nps_of(x)), float(nps_of(y))
    low, high, differences = bootstrap_interval(x, y, nps_of, seed=seed, resamples=resamples)
    below = int((differences <= 0).sum())
    above = int((differences >= 0).sum())
    p_value = min(1.0, 2 * (min(below, above) + 1) / (resamples + 1))
    return ComparisonResult(
        "bootstrap_nps",
        value_a - value_b,
        low,
        high,
        p_value,
        len(x),
        len(y),
        value_a,
        value_b,
        _sample_too_small(len(x), len(y)),
    )


def median_of(rows: np.ndarray) -> np.ndarray:
    """The median of each row."""
    return np.asarray(np.median(rows, axis=-1))


def mean_of(rows: np.ndarray) -> np.ndarray:
    """The mean of each row."""
    return np.asarray(rows.mean(axis=-1))


def share_at_least(threshold: float) -> Statistic:
    """Percent of each row's values at or above ``threshold`` (CSAT's top two boxes)."""

    def share(rows: np.ndarray) -> np.ndarray:
        return np.asarray(100 * (rows >= threshold).mean(axis=-1))

    return share


def bootstrap_single(
    values: Sequence[float],
    statistic: Statistic,
    *,
    seed: int = DEFAULT_SEED,
    resamples: int = DEFAULT_RESAMPLES,
) -> tuple[float, float]:
    """The percentile interval of ``statistic`` over one sample (e.g. a median time)."""
    x = np.asarray(values, dtype=float)
    rng = np.random.default_rng(seed)
    estimates = np.empty(resamples)
    chunk = max(1, min(resamples, 2_000_000 // max(len(x), 1)))
    for start in range(0, resamples, chunk):
        size = min(chunk, resamples - start)
        estimates[start : start + size] = statistic(x[rng.integers(0, len(x), (size, len(x)))])
    tail = (1 - CONFIDENCE) / 2
    low, high = np.quantile(estimates, [tail, 1 - tail])
    return float(low), float(high)


@dataclass(frozen=True)
class DiffInDiff:
    """A difference-in-differences: (treated after − before) − (control after − before)."""

    effect: float
    ci_low: float
    ci_high: float
    p_value: float
    treated_change: float
    control_change: float


def difference_in_differences(
    treated_after: Sequence[float] | np.ndarray,
    treated_before: Sequence[float] | np.ndarray,
    control_after: Sequence[float] | np.ndarray,
    control_before: Sequence[float] | np.ndarray,
    statistic: Statistic,
    *,
    seed: int = DEFAULT_SEED,
    resamples: int = DEFAULT_RESAMPLES,
) -> DiffInDiff:
    """The difference-in-differences of ``statistic`` with a seeded bootstrap interval and
    its two-sided bootstrap p-value; each of the four groups needs a value."""
    groups = [
        np.asarray(g, dtype=float)
        for g in (treated_after, treated_before, control_after, control_before)
    ]
    if any(len(g) == 0 for g in groups):
        raise ValueError("each of the four groups needs at least one value")

    def did(samples: Sequence[np.ndarray]) -> np.ndarray:
        ta, tb, ca, cb = (statistic(s) for s in samples)
        result: np.ndarray = (ta - tb) - (ca - cb)
        return result

    point = [float(statistic(g[None, :])[0]) for g in groups]
    rng = np.random.default_rng(seed)
    estimates = np.empty(resamples)
    chunk = max(1, min(resamples, 2_000_000 // max(max(len(g) for g in groups), 1)))
    for start in range(0, resamples, chunk):
        size = min(chunk, resamples - start)
        draws = [g[rng.integers(0, len(g), (size, len(g)))] for g in groups]
        estimates[start : start + size] = did(draws)
    tail = (1 - CONFIDENCE) / 2
    low, high = np.quantile(estimates, [tail, 1 - tail])
    below, above = int((estimates <= 0).sum()), int((estimates >= 0).sum())
    p_value = min(1.0, 2 * (min(below, above) + 1) / (resamples + 1))
    treated, control = point[0] - point[1], point[2] - point[3]
    return DiffInDiff(treated - control, float(low), float(high), p_value, treated, control)
