"""NPS, CSAT and CES with 95 % confidence intervals, the way a careful analyst reports them.

- **NPS** (0–10; promoters 9–10, detractors 0–6) is the difference of two shares of one
  multinomial sample. Its interval is the *adjusted Wald* interval of Rocks (2016, "Interval
  estimation for the Net Promoter Score", The American Statistician 70(4)): add 3/4 of a
  pseudo-answer to promoters and to detractors and 3/2 to passives, then use the multinomial
  variance of the difference, ``(p + d - (p - d)²) / n``. Plain Wald intervals collapse to a
  point when every answer is a promoter and undercover for small samples; the adjustment
  keeps coverage near 95 % from n ≈ 10 on (checked by simulation in the tests).
- **CSAT** (share of answers in the top two boxes, 4–5 on 1–5) is a binomial share with a
  *Wilson score* interval, which stays inside [0, 1] and is honest at 0 % and 100 %.
- **CES** (mean on 1–7) gets a Student *t* interval; a single answer has no interval.

NPS is reported on its usual −100…100 scale, CSAT in percent, CES on its own scale.

>>> s = nps([10, 10, 9, 8, 7, 3])
>>> s.score, round(s.ci_low, 1), round(s.ci_high, 1)
(33.3, -26.7, 71.2)
>>> csat([5, 4, 2, 1]).score
50.0
>>> ces([5, 6, 7]).score
6.0
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from statistics import NormalDist
from typing import Literal

ScoreKind = Literal["nps", "csat", "ces"]
SCORE_KINDS: tuple[ScoreKind, ...] = ("nps", "csat", "ces")
#: The two-sided confidence level of every interval.
CONFIDENCE = 0.95
_Z = NormalDist().inv_cdf(0.5 + CONFIDENCE / 2)
#: Below this many answers a score is flagged as resting on too small a sample.
DEFAULT_MIN_SAMPLE = 30


@dataclass(frozen=True)
class Scale:
    """An answer scale: the lowest and highest allowed answer, both whole numbers."""

    low: int
    high: int

    def __post_init__(self) -> None:
        if self.high <= self.low:
            raise ValueError(f"a scale needs low < high, got {self.low}–{self.high}")

    def contains(self, value: float) -> bool:
        """Whether ``value`` is a whole number on the scale."""
        return float(value).is_integer() and self.low <= value <= self.high

    def __str__(self) -> str:
        return f"{self.low}–{self.high}"


NPS_SCALE = Scale(0, 10)
DEFAULT_CSAT_SCALE = Scale(1, 5)
DEFAULT_CES_SCALE = Scale(1, 7)


@dataclass(frozen=True)
class Score:
    """One score: its value, the 95 % interval and how many answers it rests on.

    ``score`` and the interval are None when there are no answers; the interval alone is None
    where it cannot be computed (a CES from one answer, or answers that never vary).
    """

    kind: ScoreKind
    responses: int
    score: float | None
    ci_low: float | None
    ci_high: float | None

    def small_sample(self, minimum: int = DEFAULT_MIN_SAMPLE) -> bool:
        """Whether the score rests on fewer than ``minimum`` answers."""
        return self.responses < minimum


def _values(answers: Iterable[float], scale: Scale, kind: str) -> list[float]:
    values = [float(a) for a in answers]
    for value in values:
        if not scale.contains(value):
            raise ValueError(f"{kind} answer {value:g} is not on the scale {scale}")
    return values


def nps_counts(promoters: int, passives: int, detractors: int) -> Score:
    """NPS from counts, with Rocks' adjusted Wald interval (clipped to −100…100).

    >>> nps_counts(10, 0, 0).score, nps_counts(10, 0, 0).ci_high
    (100.0, 100.0)
    """
    n = promoters + passives + detractors
    if n == 0:
        return Score("nps", 0, None, None, None)
    value = (promoters - detractors) / n
    n_adj = n + 3
    p = (promoters + 0.75) / n_adj
    d = (detractors + 0.75) / n_adj
    centre = p - d
    half = _Z * math.sqrt(max(p + d - centre**2, 0.0) / n_adj)
    # The adjusted centre is shrunk towards 0; with a handful of answers the interval would
    # then miss the observed score itself, so it is widened to include it.
    low = max(min(centre - half, value), -1.0)
    high = min(max(centre + half, value), 1.0)
    return Score("nps", n, round(100 * value, 1), 100 * low, 100 * high)


def nps(answers: Iterable[float]) -> Score:
    """NPS of 0–10 answers: percent promoters (9–10) minus percent detractors (0–6)."""
    values = _values(answers, NPS_SCALE, "NPS")
    promoters = sum(v >= 9 for v in values)
    detractors = sum(v <= 6 for v in values)
    return nps_counts(promoters, len(values) - promoters - detractors, detractors)


def satisfied_threshold(scale: Scale) -> int:
    """The lowest answer that counts as satisfied: the top two boxes of the scale.

    >>> satisfied_threshold(Scale(1, 5)), satisfied_threshold(Scale(1, 7))
    (4, 6)
    """
    return scale.high - 1


def wilson(successes: int, n: int) -> tuple[float, float]:
    """The Wilson score interval of a binomial share, as fractions.

    >>> [round(x, 4) for x in wilson(0, 10)]
    [0.0, 0.2775]
    """
    if n == 0:
        raise ValueError("a share of no answers has no interval")
    share = successes / n
    denominator = 1 + _Z**2 / n
    centre = (share + _Z**2 / (2 * n)) / denominator
    half = _Z * math.sqrt(share * (1 - share) / n + _Z**2 / (4 * n * n)) / denominator
    return max(centre - half, 0.0), min(centre + half, 1.0)


def csat(answers: Iterable[float], scale: Scale = DEFAULT_CSAT_SCALE) -> Score:
    """CSAT: percent of answers in the scale's top two boxes, with a Wilson interval."""
    values = _values(answers, scale, "CSAT")
    if not values:
        return Score("csat", 0, None, None, None)
    satisfied = sum(v >= satisfied_threshold(scale) for v in values)
    low, high = wilson(satisfied, len(values))
    return Score(
        "csat", len(values), round(100 * satisfied / len(values), 1), 100 * low, 100 * high
    )


def ces(answers: Iterable[float], scale: Scale = DEFAULT_CES_SCALE) -> Score:
    """CES: the mean answer, with a Student t interval (none for one answer or no spread)."""
    values = _values(answers, scale, "CES")
    n = len(values)
    if n == 0:
        return Score("ces", 0, None, None, None)
    mean = sum(values) / n
    if n == 1:
        return Score("ces", 1, round(mean, 2), None, None)
    sd = _sd(values, mean)
    if sd == 0:
        # Every answer alike: the data show no spread to build an interval from.
        return Score("ces", n, round(mean, 2), None, None)
    # scipy is imported here, not at the top: it adds a second to every command's start.
    from scipy import stats

    half = float(stats.t.ppf(0.5 + CONFIDENCE / 2, n - 1)) * sd / math.sqrt(n)
    low, high = max(mean - half, float(scale.low)), min(mean + half, float(scale.high))
    return Score("ces", n, round(mean, 2), low, high)


def _sd(values: Sequence[float], mean: float) -> float:
    return math.sqrt(sum((v - mean) ** 2 for v in values) / (len(values) - 1))
