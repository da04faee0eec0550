"""A metric's observations: one value per customer (rates, times) or per answer (scores).

Rates hold 1 for a customer the rate counts (converted; dropped off or churned) and 0
otherwise; times hold hours; scores hold the answers. Every observation keeps whose it is
and when it started (the customer's first event at the metric's start place, or the
answer's date), so comparisons can split them by segment, by date or by touchpoint use.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

import numpy as np

from journeykit.events.metrics.funnel import parse_duration
from journeykit.feedback.kpis import Answer
from journeykit.insight.errors import NoData
from journeykit.insight.event_outcomes import logged_touchpoints, passages, segment_members
from journeykit.insight.map_places import MapPlaces, Place
from journeykit.insight.sources import WorkspaceData
from journeykit.model.hypothesis import RATE_KINDS, SCORE_KINDS, HypothesisMetric, MetricKind

SECONDS_PER_HOUR = 3600.0


@dataclass(frozen=True)
class Observations:
    """The observations of one metric, with whose they are and when they started."""

    kind: MetricKind
    values: np.ndarray
    customer_ids: list[str | None]
    started: list[dt.date]
    started_us: np.ndarray
    #: What was measured, for messages: "drop-off from X to Y", "CSAT at X".
    description: str

    def __len__(self) -> int:
        return len(self.values)

    def where(self, keep: np.ndarray) -> Observations:
        """Only the observations where ``keep`` is true."""
        ids = [c for c, k in zip(self.customer_ids, keep, strict=True) if k]
        started = [d for d, k in zip(self.started, keep, strict=True) if k]
        return replace(
            self,
            values=self.values[keep],
            customer_ids=ids,
            started=started,
            started_us=self.started_us[keep],
        )

    def of_customers(self, members: set[str]) -> np.ndarray:
        """Which observations belong to ``members``."""
        return np.array([c is not None and c in members for c in self.customer_ids], dtype=bool)


def _date_of(us: int) -> dt.date:
    return dt.datetime.fromtimestamp(us / 1e6, dt.UTC).date()


def _describe(kind: MetricKind, first: Place, second: Place | None) -> str:
    label = {"drop_off": "drop-off", "conversion": "conversion", "churn": "churn"}.get(kind)
    if second is None:
        return f"{kind.upper()} at {first.name}"
    if label is None:
        return f"time from {first.name} to {second.name}"
    return f"{label} from {first.name} to {second.name}"


def event_observations(
    data: WorkspaceData,
    places: MapPlaces,
    metric: HypothesisMetric,
    *,
    seconds_per_unit: float = SECONDS_PER_HOUR,
) -> Observations:
    """Rates or times of ``metric`` (which names from_id and to_id) from the event log."""
    assert metric.from_id is not None and metric.to_id is not None
    start = places.get(metric.from_id, kinds=("step", "touchpoint"))
    end = places.get(metric.to_id, kinds=("step", "touchpoint"))
    log = data.log()
    logged = logged_touchpoints(log)
    for place in (start, end):
        if not place.touchpoints & logged:
            raise NoData(
                f"no event of the log belongs to {place.kind} {place.id!r} ({place.name})",
                hint="give its touchpoints an event_match, or map events to them in "
                "touchpoint-rules.yaml, then run `journeykit events rebuild`",
            )
    within = parse_duration(metric.within) if metric.within is not None else None
    found = passages(log, start.touchpoints, end.touchpoints, within)
    description = _describe(metric.kind, start, end)
    if not len(found):
        raise NoData(f"no customer of the event log reached {start.name}, so {description} "
                     "has no data")  # fmt: skip
    started = [_date_of(int(us)) for us in found.from_us]
    ids: list[str | None] = list(found.customer_ids)
    if metric.kind in RATE_KINDS:
        reached = found.reached
        values = (reached if metric.kind == "conversion" else ~reached).astype(float)
        return Observations(metric.kind, values, ids, started, found.from_us, description)
    keep = found.reached
    if not keep.any():
        raise NoData(f"no customer went from {start.name} to {end.name}, so {description} "
                     "has no data")  # fmt: skip
    hours = (found.to_us[keep] - found.from_us[keep]) / 1e6 / seconds_per_unit
    kept_ids = [c for c, k in zip(ids, keep, strict=True) if k]
    kept_started = [d for d, k in zip(started, keep, strict=True) if k]
    return Observations("time", hours, kept_ids, kept_started, found.from_us[keep], description)


def _answer_at(answer: Answer, place: Place, journey_id: str) -> bool:
    if place.kind == "journey":
        return answer.journey_id == journey_id
    if place.kind == "phase":
        return answer.phase_id == place.id
    if place.kind == "step":
        return answer.step_id == place.id
    return answer.touchpoint_id == place.id


def score_observations(
    data: WorkspaceData, places: MapPlaces, kind: MetricKind, at: str | None
) -> Observations:
    """The answers of score ``kind`` at place ``at`` (None: the whole journey)."""
    assert kind in SCORE_KINDS
    journey_id = places.document.journey.id
    place = places.get(at) if at is not None else places.get(journey_id)
    chosen = [a for a in data.answers() if a.question == kind and _answer_at(a, place, journey_id)]
    description = _describe(kind, place, None)
    if not chosen:
        raise NoData(
            f"the feedback has no {kind.upper()} answer at {place.kind} {place.id!r} "
            f"({place.name}), so {description} has no data",
            hint="import survey answers tied to this place with `journeykit feedback import`",
        )
    midnight = [
        int(dt.datetime.combine(a.date, dt.time(), dt.UTC).timestamp() * 1e6) for a in chosen
    ]
    return Observations(
        kind,
        np.array([a.score for a in chosen], dtype=float),
        [a.customer_id for a in chosen],
        [a.date for a in chosen],
        np.array(midnight, dtype=np.int64),
        description,
    )


def observations(
    data: WorkspaceData,
    places: MapPlaces,
    metric: HypothesisMetric,
    *,
    seconds_per_unit: float = SECONDS_PER_HOUR,
) -> Observations:
    """The observations of ``metric``: from the event log or from the feedback."""
    if metric.kind in SCORE_KINDS:
        return score_observations(data, places, metric.kind, metric.at)
    return event_observations(data, places, metric, seconds_per_unit=seconds_per_unit)


def in_population(data: WorkspaceData, found: Observations, population: str | None) -> Observations:
    """Only the observations of customers whose attributes pass ``population``."""
    if population is None:
        return found
    members = segment_members(data.log(), population)
    kept = found.where(found.of_customers(members))
    if not len(kept):
        raise NoData(
            f"no observation of {found.description} belongs to a customer with {population!r}",
            hint="check the population filter against the customer attributes",
        )
    return kept
