"""Every KPI of a journey computed from the event log and the feedback.

Scores (NPS, CSAT, CES) are the answers at the KPI's scope (the whole journey, a phase, a
step, a touchpoint) with the feedback room's intervals. Event KPIs run between two places;
``from_id``/``to_id`` name them, else they follow from the scope, counting only steps with a
touchpoint in the event log ("measurable"):

==========  ===============================  =============================================
kind        journey / phase                  step / touchpoint
==========  ===============================  =============================================
conversion  first → last measurable step     previous measurable step → it
drop_off    first → last step (journey);     it → next measurable step
            first step → next phase's first
time        first → last measurable step     previous measurable step → it
churn       needs from_id and to_id          needs from_id and to_id
==========  ===============================  =============================================

Rates are in percent with a Wilson interval, times in the KPI's unit (seconds, minutes,
hours, days or weeks, in English or German; hours otherwise) as the median with a bootstrap
interval. ``custom`` KPIs are skipped with a note: journeykit does not know how to compute
them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np

from journeykit.feedback.kpis import score_of
from journeykit.insight.errors import NotTestable
from journeykit.insight.event_outcomes import logged_touchpoints
from journeykit.insight.map_places import MapPlaces
from journeykit.insight.observations import Observations, observations
from journeykit.insight.significance import bootstrap_single, median_of, wilson_interval
from journeykit.insight.sources import WorkspaceData
from journeykit.model.errors import JourneykitError
from journeykit.model.hypothesis import RATE_KINDS, SCORE_KINDS, HypothesisMetric
from journeykit.model.kpi import Kpi

KpiStatus = Literal["on_track", "off_track", "no_target", "no_data", "skipped"]

_UNITS: tuple[tuple[str, float, str], ...] = (
    (r"^(s|sec|secs|seconds?|sekunden?)$", 1.0, "seconds"),
    (r"^(min|mins|minutes?|minuten?)$", 60.0, "minutes"),
    (r"^(h|hrs?|hours?|std|stunden?)$", 3600.0, "hours"),
    (r"^(d|days?|tage?n?)$", 86400.0, "days"),
    (r"^(w|wk|weeks?|wochen?)$", 7 * 86400.0, "weeks"),
)


def time_unit(unit: str | None) -> tuple[float, str]:
    """Seconds per unit of a time KPI's ``unit`` text, and the unit's name (hours if unknown).

    >>> time_unit("Tage"), time_unit(None)
    ((86400.0, 'days'), (3600.0, 'hours'))
    """
    text = (unit or "").strip().lower()
    for pattern, seconds, name in _UNITS:
        if re.match(pattern, text):
            return seconds, name
    return 3600.0, "hours"


@dataclass(frozen=True)
class KpiValue:
    """A KPI's value now, its interval and sample, and how it stands against its target."""

    kpi_id: str
    name: str
    kind: str
    value: float | None
    ci_low: float | None
    ci_high: float | None
    n: int
    unit: str | None
    target: float | None
    status: KpiStatus
    alert: bool
    note: str | None = None
    threshold: float | None = None

    def as_dict(self) -> dict[str, Any]:
        """The value as plain data."""

        def rounded(x: float | None) -> float | None:
            return None if x is None else round(x, 4)

        return {
            "kpi_id": self.kpi_id,
            "name": self.name,
            "kind": self.kind,
            "value": rounded(self.value),
            "ci_low": rounded(self.ci_low),
            "ci_high": rounded(self.ci_high),
            "n": self.n,
            "unit": self.unit,
            "target": self.target,
            "status": self.status,
            "alert": self.alert,
            "alert_threshold": self.threshold,
            "note": self.note,
        }


def kpi_metric(places: MapPlaces, kpi: Kpi, logged: frozenset[str]) -> HypothesisMetric:
    """The metric a KPI measures (see the module's table)."""
    if kpi.kind == "custom":
        raise NotTestable(f"KPI {kpi.id!r} is custom: journeykit cannot compute it")
    if kpi.kind in SCORE_KINDS:
        return HypothesisMetric(kind=kpi.kind, at=kpi.scope_id)
    if kpi.from_id is not None and kpi.to_id is not None:
        return HypothesisMetric(kind=kpi.kind, from_id=kpi.from_id, to_id=kpi.to_id)
    if kpi.kind == "churn":
        raise NotTestable(
            f"churn KPI {kpi.id!r} needs from_id and to_id: the step customers start from "
            "and the step that shows they stayed",
            hint="e.g. from_id: the purchase step, to_id: the repurchase step",
        )
    steps = places.measurable_steps(logged)
    if not steps:
        raise NotTestable("no step of the map has a touchpoint that occurs in the event log")
    if kpi.scope in ("journey", "phase"):
        chosen = (
            steps if kpi.scope == "journey" else places.steps_of_phase(kpi.scope_id or "", logged)
        )
        if not chosen:
            raise NotTestable(f"phase {kpi.scope_id!r} has no step with event data")
        first, last = chosen[0], chosen[-1]
        if kpi.kind == "drop_off" and kpi.scope == "phase":
            last = places.neighbour(last, logged, +1)
        if first == last:
            raise NotTestable(
                f"{kpi.scope} {kpi.scope_id or ''} has only one step with event data; a "
                f"{kpi.kind} needs two", hint="name the places with from_id and to_id",
            )  # fmt: skip
        return HypothesisMetric(kind=kpi.kind, from_id=first, to_id=last)
    place = places.get(kpi.scope_id or "", kinds=("step", "touchpoint"))
    step = places.step_of(place)
    assert step is not None
    if kpi.kind == "drop_off":
        return HypothesisMetric(
            kind="drop_off", from_id=place.id, to_id=places.neighbour(step, logged, +1)
        )
    return HypothesisMetric(
        kind=kpi.kind, from_id=places.neighbour(step, logged, -1), to_id=place.id
    )


def _status(kpi: Kpi, value: float) -> tuple[KpiStatus, bool]:
    higher = kpi.better == "higher"
    status: KpiStatus = "no_target"
    if kpi.target is not None:
        on_track = value >= kpi.target if higher else value <= kpi.target
        status = "on_track" if on_track else "off_track"
    threshold = kpi.alert_threshold
    alert = threshold is not None and (value < threshold if higher else value > threshold)
    return status, alert


def summarise(
    data: WorkspaceData, kpi: Kpi, found: Observations
) -> tuple[float, float | None, float | None]:
    """The KPI's value and 95 % interval over ``found``."""
    values = found.values
    if kpi.kind in RATE_KINDS:
        successes = int(values.sum())
        low, high = wilson_interval(successes, len(values))
        return 100 * successes / len(values), 100 * low, 100 * high
    if kpi.kind == "time":
        median = float(np.median(values))
        if len(values) < 2:
            return median, None, None
        low, high = bootstrap_single(list(values), median_of)
        return median, low, high
    assert kpi.kind in ("nps", "csat", "ces")
    score = score_of(kpi.kind, list(values), data.settings())
    assert score.score is not None
    return score.score, score.ci_low, score.ci_high


def kpi_value(data: WorkspaceData, places: MapPlaces, kpi: Kpi) -> KpiValue:
    """The KPI's current value; what is missing for it becomes the note of a ``no_data`` or
    ``skipped`` value, never a number."""

    def empty(status: KpiStatus, note: str) -> KpiValue:
        return KpiValue(kpi.id, kpi.name, kpi.kind, None, None, None, 0, kpi.unit, kpi.target,
                        status, False, note, kpi.alert_threshold)  # fmt: skip

    if kpi.kind == "custom":
        return empty("skipped", "custom KPI: journeykit cannot compute it; record it by hand")
    try:
        logged = frozenset() if kpi.kind in SCORE_KINDS else logged_touchpoints(data.log())
        metric = kpi_metric(places, kpi, logged)
        seconds, _ = time_unit(kpi.unit)
        found = observations(data, places, metric, seconds_per_unit=seconds)
    except NotTestable as exc:
        return empty("skipped", exc.one_line())
    except JourneykitError as exc:
        return empty("no_data", exc.one_line())
    value, low, high = summarise(data, kpi, found)
    status, alert = _status(kpi, value)
    unit = kpi.unit or (time_unit(None)[1] if kpi.kind == "time" else None)
    return KpiValue(kpi.id, kpi.name, kpi.kind, value, low, high, len(found), unit, kpi.target,
                    status, alert, found.description, kpi.alert_threshold)  # fmt: skip
