"""NPS, CSAT and CES per journey, phase, step, touchpoint, channel, persona or period.

Each row of the result is one group and one kind of score, with the number of answers and
the 95 % interval (see :mod:`journeykit.feedback.scores`); :func:`compare_periods` says
whether a score moved between two periods by more than chance.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from journeykit.feedback.compare import Change, compare
from journeykit.feedback.errors import UnknownGrouping
from journeykit.feedback.places import PlaceIndex
from journeykit.feedback.scores import SCORE_KINDS, Score, ScoreKind, ces, csat, nps
from journeykit.feedback.settings import FeedbackSettings
from journeykit.model.errors import did_you_mean

Grouping = Literal["journey", "phase", "step", "touchpoint", "channel", "persona", "month", "week"]
GROUPINGS: tuple[Grouping, ...] = (
    "journey", "phase", "step", "touchpoint", "channel", "persona", "month", "week",
)  # fmt: skip
#: The group of answers that have no value for the grouping.
NO_GROUP = "(none)"
ALL = "all"


@dataclass(frozen=True)
class Answer:
    """One survey answer as the KPIs need it."""

    question: ScoreKind
    score: float
    date: dt.date
    customer_id: str | None
    journey_id: str | None
    phase_id: str | None
    step_id: str | None
    touchpoint_id: str | None
    channel: str | None
    persona: str | None


@dataclass(frozen=True)
class KpiRow:
    """One group's score of one kind."""

    group: str
    score: Score
    small_sample: bool

    def as_dict(self) -> dict[str, Any]:
        """The row with exactly the fields of the CLI contract."""
        s = self.score
        return {
            "group": self.group,
            "kind": s.kind,
            "responses": s.responses,
            "score": s.score,
            "ci_low": None if s.ci_low is None else round(s.ci_low, 2),
            "ci_high": None if s.ci_high is None else round(s.ci_high, 2),
        }


def check_grouping(by: str | None) -> Grouping | None:
    """``by`` as a grouping; an unknown one is an error with the closest."""
    if by is None or by in GROUPINGS:
        return by
    suggestion = did_you_mean(by, GROUPINGS)
    raise UnknownGrouping(
        f"cannot group by {by!r}" + (f"; did you mean {suggestion!r}?" if suggestion else ""),
        hint="groupings: " + ", ".join(GROUPINGS),
    )


def period(date: dt.date, by: Literal["month", "week"]) -> str:
    """The month (``2024-03``) or ISO week (``2024-W09``) of a date.

    >>> period(dt.date(2024, 3, 1), "month"), period(dt.date(2024, 3, 1), "week")
    ('2024-03', '2024-W09')
    """
    if by == "month":
        return f"{date.year:04d}-{date.month:02d}"
    year, week, _ = date.isocalendar()
    return f"{year:04d}-W{week:02d}"


def _labeller(
    by: Grouping | None, places: PlaceIndex, members: dict[str, set[str]], names: dict[str, str]
) -> tuple[Callable[[Answer], list[str]], Callable[[str], Any]]:
    """How to find an answer's groups, and how to order the groups."""
    order: dict[str, int] = {}
    label: dict[str, str] = {}
    for place in places.places():
        for key, text in (
            (place.journey_id, place.journey_title),
            (place.phase_id, place.phase_name),
            (place.step_id, place.step_title),
        ):
            label.setdefault(key, text)
            order.setdefault(text, place.order)
        if place.touchpoint_id is not None and place.touchpoint_name is not None:
            label.setdefault(place.touchpoint_id, place.touchpoint_name)
            order.setdefault(place.touchpoint_name, place.order)

    def named(value: str | None) -> list[str]:
        return [label.get(value, value) if value else NO_GROUP]

    def groups(a: Answer) -> list[str]:
        if by is None:
            return [ALL]
        if by in ("month", "week"):
            return [period(a.date, by)]
        if by == "persona":
            found = [names.get(a.persona, a.persona)] if a.persona else []
            found += [
                names.get(pid, pid)
                for pid, ids in members.items()
                if a.customer_id is not None and a.customer_id in ids
            ]
            return list(dict.fromkeys(found)) or [NO_GROUP]
        if by == "channel":
            return [a.channel or NO_GROUP]
        return named(getattr(a, f"{by}_id"))

    def sort_key(group: str) -> Any:
        return (group == NO_GROUP, order.get(group, len(order)), group)

    return groups, sort_key


def score_of(kind: ScoreKind, values: Sequence[float], settings: FeedbackSettings) -> Score:
    """The score of one kind over these answers."""
    if kind == "nps":
        return nps(values)
    if kind == "csat":
        return csat(values, settings.csat_scale)
    return ces(values, settings.ces_scale)


def kpis(
    answers: Sequence[Answer],
    *,
    by: Grouping | None,
    settings: FeedbackSettings,
    places: PlaceIndex,
    members: dict[str, set[str]] | None = None,
    persona_names: dict[str, str] | None = None,
) -> list[KpiRow]:
    """One row per group and kind of score that has answers, in map or time order."""
    groups_of, sort_key = _labeller(by, places, members or {}, persona_names or {})
    values: dict[tuple[str, ScoreKind], list[float]] = defaultdict(list)
    for answer in answers:
        for group in groups_of(answer):
            values[(group, answer.question)].append(answer.score)
    rows = []
    for group in sorted({g for g, _ in values}, key=sort_key):
        for kind in SCORE_KINDS:
            if (group, kind) in values:
                score = score_of(kind, values[(group, kind)], settings)
                rows.append(KpiRow(group, score, score.small_sample(settings.min_sample)))
    return rows


@dataclass(frozen=True)
class PeriodChange:
    """A group's score in two periods and whether the change is significant."""

    group: str
    before_period: str
    after_period: str
    change: Change
    #: Whether a higher score is the better one (False for CES where lower means easier).
    higher_is_better: bool = True

    @property
    def better(self) -> bool | None:
        """Whether the score improved significantly (False: worsened; None: no clear change)."""
        c = self.change
        if not c.significant or c.change is None or c.change == 0:
            return None
        return (c.change > 0) == self.higher_is_better

    def as_dict(self) -> dict[str, Any]:
        """The row as plain data."""
        c = self.change
        return {
            "group": self.group,
            "kind": c.kind,
            "before_period": self.before_period,
            "after_period": self.after_period,
            "before": c.before,
            "after": c.after,
            "change": c.change,
            "p_value": None if c.p_value is None else round(c.p_value, 4),
            "significant": c.significant,
            "better": self.better,
        }


def compare_periods(
    answers: Sequence[Answer],
    *,
    before: str,
    after: str,
    period_by: Literal["month", "week"],
    by: Grouping | None,
    settings: FeedbackSettings,
    places: PlaceIndex,
    members: dict[str, set[str]] | None = None,
    persona_names: dict[str, str] | None = None,
) -> list[PeriodChange]:
    """Each group's change of each score from period ``before`` to ``after``."""
    groups_of, sort_key = _labeller(by, places, members or {}, persona_names or {})
    split: dict[tuple[str, ScoreKind], tuple[list[float], list[float]]] = defaultdict(
        lambda: ([], [])
    )
    for answer in answers:
        when = period(answer.date, period_by)
        if when not in (before, after):
            continue
        for group in groups_of(answer):
            split[(group, answer.question)][0 if when == before else 1].append(answer.score)
    rows = []
    for group in sorted({g for g, _ in split}, key=sort_key):
        for kind in SCORE_KINDS:
            if (group, kind) in split:
                first, second = split[(group, kind)]
                change = compare(
                    kind, first, second, csat_scale=settings.csat_scale,
                    ces_scale=settings.ces_scale,
                )  # fmt: skip
                higher = kind != "ces" or settings.ces_direction == "higher_is_easier"
                rows.append(PeriodChange(group, before, after, change, higher))
    return rows
