"""Whether a score changed between two periods by more than chance would explain.

Each test treats the two periods as independent samples (different respondents):

- NPS: a z test on the difference of two NPS values, each with the multinomial variance of
  its promoter−detractor difference (``(p + d - (p - d)²) / n``).
- CSAT: the two-proportion z test with the pooled share.
- CES: Welch's t test (no equal-variance assumption).

>>> c = compare_nps([10] * 40 + [3] * 10, [10] * 20 + [3] * 30)
>>> c.change, c.significant
(-80.0, True)
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from statistics import NormalDist

from journeykit.feedback.scores import (
    DEFAULT_CES_SCALE,
    DEFAULT_CSAT_SCALE,
    Scale,
    ScoreKind,
    satisfied_threshold,
)

#: Significance level of the tests.
ALPHA = 0.05


@dataclass(frozen=True)
class Change:
    """A score's change from ``before`` to ``after``, with the test's p-value.

    ``p_value`` is None where no test is possible (a period with too few answers).
    """

    kind: ScoreKind
    before: float | None
    after: float | None
    change: float | None
    p_value: float | None

    @property
    def significant(self) -> bool:
        """Whether the change is significant at :data:`ALPHA`."""
        return self.p_value is not None and self.p_value < ALPHA


def _two_sided(z: float) -> float:
    return 2 * NormalDist().cdf(-abs(z))


def _nps_parts(values: Sequence[float]) -> tuple[float, float, int]:
    n = len(values)
    p = sum(v >= 9 for v in values) / n
    d = sum(v <= 6 for v in values) / n
    return p - d, (p + d - (p - d) ** 2) / n, n


def compare_nps(before: Sequence[float], after: Sequence[float]) -> Change:
    """Compare NPS (0–10 answers) of two periods; change in NPS points."""
    if not before or not after:
        return _untestable("nps", before, after, lambda v: 100 * _nps_parts(v)[0])
    b, var_b, _ = _nps_parts(before)
    a, var_a, _ = _nps_parts(after)
    se = math.sqrt(var_a + var_b)
    # No spread in either period: equal values cannot differ, unequal ones differ surely.
    p_value = (1.0 if a == b else 0.0) if se == 0 else _two_sided((a - b) / se)
    return Change("nps", round(100 * b, 1), round(100 * a, 1), round(100 * (a - b), 1), p_value)


def compare_csat(
    before: Sequence[float], after: Sequence[float], scale: Scale = DEFAULT_CSAT_SCALE
) -> Change:
    """Compare CSAT (top-two-box share) of two periods; change in percentage points."""
    top = satisfied_threshold(scale)

    def share(values: Sequence[float]) -> float:
        return sum(v >= top for v in values) / len(values)

    if not before or not after:
        return _untestable("csat", before, after, lambda v: 100 * share(v))
    b, a = share(before), share(after)
    pooled = (b * len(before) + a * len(after)) / (len(before) + len(after))
    se = math.sqrt(pooled * (1 - pooled) * (1 / len(before) + 1 / len(after)))
    p_value = 1.0 if se == 0 else _two_sided((a - b) / se)
    return Change("csat", round(100 * b, 1), round(100 * a, 1), round(100 * (a - b), 1), p_value)


def compare_ces(
    before: Sequence[float], after: Sequence[float], scale: Scale = DEFAULT_CES_SCALE
) -> Change:
    """Compare mean CES of two periods with Welch's t test (needs two answers in each)."""
    del scale  # the mean's test does not depend on the scale; kept for a uniform signature
    if len(before) < 2 or len(after) < 2:
        return _untestable("ces", before, after, lambda v: sum(v) / len(v))
    b, a = sum(before) / len(before), sum(after) / len(after)
    with warnings.catch_warnings():
        # Near-constant periods make scipy warn about precision; the p-value is still right.
        warnings.simplefilter("ignore", RuntimeWarning)
        from scipy import stats  # here: it adds a second to every command's start

        result = stats.ttest_ind(list(after), list(before), equal_var=False)
    p_value = float(result.pvalue)
    if math.isnan(p_value):  # no spread in either period
        p_value = 1.0 if a == b else 0.0
    return Change("ces", round(b, 2), round(a, 2), round(a - b, 2), p_value)


def _untestable(
    kind: ScoreKind,
    before: Sequence[float],
    after: Sequence[float],
    value: Callable[[Sequence[float]], float],
) -> Change:
    b = round(float(value(before)), 2) if before else None
    a = round(float(value(after)), 2) if after else None
    change = None if a is None or b is None else round(a - b, 2)
    return Change(kind, b, a, change, None)


def compare(
    kind: ScoreKind,
    before: Sequence[float],
    after: Sequence[float],
    *,
    csat_scale: Scale = DEFAULT_CSAT_SCALE,
    ces_scale: Scale = DEFAULT_CES_SCALE,
) -> Change:
    """Compare two periods' answers of one kind."""
    if kind == "nps":
        return compare_nps(before, after)
    if kind == "csat":
        return compare_csat(before, after, csat_scale)
    return compare_ces(before, after, ces_scale)
