"""Hypotheses: precise, testable statements about the experience (method step 5).

A hypothesis may carry a :class:`HypothesisTest`: the metric that decides it and the two
groups to compare. journeykit then picks the statistical test, runs it on the event log or
the feedback, and records the verdict (see :mod:`journeykit.insight.hypotheses`).

>>> spec = HypothesisTest(
...     metric=HypothesisMetric(kind="drop_off", from_id="st-versand", to_id="st-bezahlen"),
...     compare=Comparison(by="before_after", date="2024-05-02"),
... )
>>> spec.compare.date.isoformat()
'2024-05-02'
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from journeykit.model.base import Id, Record, Text, new_id

HypothesisStatus = Literal["open", "supported", "refuted", "inconclusive"]
Direction = Literal["increase", "decrease", "no_change"]

#: Metrics a hypothesis can be tested on: rates and times from the event log, scores from
#: the feedback.
MetricKind = Literal["conversion", "drop_off", "churn", "time", "nps", "csat", "ces"]
RATE_KINDS: tuple[MetricKind, ...] = ("conversion", "drop_off", "churn")
SCORE_KINDS: tuple[MetricKind, ...] = ("nps", "csat", "ces")

#: How the two groups of a test are formed.
ComparisonKind = Literal["segment", "event_property", "before_after", "touchpoint_use", "steps"]

# A duration as the event engine reads it: 30m, 12h, 7d, 2w, 1d12h.
_DURATION = re.compile(r"^(\d+(\.\d+)?[smhdw])+$")


class HypothesisMetric(Record):
    """What is measured: a rate or a time between two places of the map, or a score.

    ``from_id`` and ``to_id`` name steps or touchpoints (a step stands for all of its
    touchpoints). Rates and times need both (``churn`` and ``drop_off`` may use the same place
    twice: "never came back to it"); scores take ``at`` (a phase, step or touchpoint; none for
    the whole journey). ``within`` limits how long after ``from_id`` the arrival counts, as a
    duration such as ``7d``.
    """

    kind: MetricKind
    from_id: Id | None = None
    to_id: Id | None = None
    at: Id | None = None
    within: Text | None = None

    @model_validator(mode="after")
    def _places_fit_kind(self) -> HypothesisMetric:
        if self.kind in SCORE_KINDS:
            if self.from_id is not None or self.to_id is not None:
                raise PydanticCustomError(
                    "unexpected_field",
                    "a {kind} score is measured 'at' a place and takes no from_id/to_id",
                    {"kind": self.kind},
                )
            if self.within is not None:
                raise PydanticCustomError(
                    "unexpected_field", "'within' applies to rates and times only"
                )
        elif self.from_id is None or self.to_id is None:
            raise PydanticCustomError(
                "missing_field",
                "a {kind} metric needs from_id and to_id (steps or touchpoints)",
                {"kind": self.kind},
            )
        elif self.at is not None:
            raise PydanticCustomError(
                "unexpected_field", "'at' applies to scores; rates and times use from_id/to_id"
            )
        if self.within is not None and not _DURATION.match(self.within.replace(" ", "").lower()):
            raise PydanticCustomError(
                "invalid_value",
                "within '{within}' is not a duration; write it like 30m, 12h, 7d, 2w or 1d12h",
                {"within": self.within},
            )
        return self


class Comparison(Record):
    """The two groups a hypothesis compares; group ``a`` is the one the statement is about.

    - ``segment``: customers whose attributes pass filter ``a`` vs filter ``b`` (default:
      everyone else), e.g. ``a: "age >= 60"``;
    - ``event_property``: customers whose events at the metric's ``from_id`` carry
      ``property`` = ``a`` vs = ``b`` (an A/B test's variant, say);
    - ``before_after``: on or after ``date`` (group a) vs before it;
    - ``touchpoint_use``: customers who used ``touchpoint_id`` (group a) vs those who did not;
    - ``steps``: the metric at ``a`` vs at ``b`` (steps or touchpoints).
    """

    by: ComparisonKind
    a: Text | None = None
    b: Text | None = None
    property: Text | None = None
    date: dt.date | None = None
    touchpoint_id: Id | None = None

    @model_validator(mode="after")
    def _fields_fit_kind(self) -> Comparison:
        needed = {
            "segment": ("a",),
            "event_property": ("property", "a", "b"),
            "before_after": ("date",),
            "touchpoint_use": ("touchpoint_id",),
            "steps": ("a", "b"),
        }[self.by]
        allowed = set(needed) | ({"b"} if self.by == "segment" else set())
        for name in ("a", "b", "property", "date", "touchpoint_id"):
            value = getattr(self, name)
            if name in needed and value is None:
                raise PydanticCustomError(
                    "missing_field",
                    "a comparison by {by} needs '{name}'",
                    {"by": self.by, "name": name},
                )
            if name not in allowed and value is not None:
                raise PydanticCustomError(
                    "unexpected_field",
                    "a comparison by {by} takes no '{name}'",
                    {"by": self.by, "name": name},
                )
        return self


class HypothesisTest(Record):
    """How to test a hypothesis: the metric, the comparison, and optionally who counts.

    ``population`` restricts the test to customers whose attributes pass a filter (e.g.
    ``basket_value >= 250``). ``margin`` is the largest effect (in the metric's unit) still
    counting as "no change": a ``no_change`` hypothesis is supported when the whole confidence
    interval lies within ±margin.
    """

    metric: HypothesisMetric
    compare: Comparison
    population: Text | None = None
    margin: float | None = Field(default=None, gt=0, allow_inf_nan=False)

    @model_validator(mode="after")
    def _comparison_fits_metric(self) -> HypothesisTest:
        if self.compare.by == "event_property" and self.metric.kind in SCORE_KINDS:
            raise PydanticCustomError(
                "invalid_value",
                "scores come from the feedback, which has no event properties; compare "
                "scores by segment, before_after, touchpoint_use or steps",
            )
        if self.compare.by == "steps" and self.metric.kind not in SCORE_KINDS:
            raise PydanticCustomError(
                "invalid_value",
                "a comparison by steps compares scores at two places; for rates and times "
                "write two hypotheses or compare segments",
            )
        return self


class Hypothesis(Record):
    """A testable statement, the metric that would decide it, and its verdict so far."""

    id: Id = Field(default_factory=lambda: new_id("hy"))
    statement: Text
    metric: Text | None = None
    expected_direction: Direction | None = None
    status: HypothesisStatus = "open"
    step_ids: list[Id] = Field(default_factory=list)
    evidence_ids: list[Id] = Field(default_factory=list)
    test: HypothesisTest | None = None
