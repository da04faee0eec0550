"""Whether a measure moved its KPI: before vs after its go-live, and against a control.

The KPI's observations (see :mod:`journeykit.insight.kpi_values`) are split at the go-live
date: customers who reached the KPI's start place (or answers given) before it, and on or
after it. The effect is after − before with the test the metric calls for
(:mod:`journeykit.insight.hypotheses`). With a control (an unaffected segment of customers,
or a step or touchpoint the measure did not touch) journeykit also reports the
difference-in-differences, (treated after − before) − (control after − before), which takes
out what changed for everyone (the season, a campaign), with a seeded bootstrap interval.

A measure without a KPI, without a go-live date, or with no data on one side of it gets an
explanation instead of numbers.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from journeykit.feedback.scores import satisfied_threshold
from journeykit.insight.comparisons import Groups, split_by_date
from journeykit.insight.errors import EmptyGroup
from journeykit.insight.event_outcomes import logged_touchpoints, segment_members
from journeykit.insight.hypotheses import UNITS, statistics
from journeykit.insight.kpi_values import kpi_metric, time_unit
from journeykit.insight.map_places import MapPlaces
from journeykit.insight.observations import Observations, observations
from journeykit.insight.significance import (
    ComparisonResult,
    Statistic,
    difference_in_differences,
    mean_of,
    median_of,
    nps_of,
    share_at_least,
)
from journeykit.insight.sources import WorkspaceData
from journeykit.model.document import JourneyDocument
from journeykit.model.errors import JourneykitError
from journeykit.model.hypothesis import RATE_KINDS, SCORE_KINDS
from journeykit.model.kpi import Kpi
from journeykit.model.measure import Measure
from journeykit.store import Workspace


@dataclass(frozen=True)
class ControlEffect:
    """The difference-in-differences against the measure's control."""

    label: str
    effect: float
    ci_low: float
    ci_high: float
    p_value: float
    treated_change: float
    control_change: float


@dataclass(frozen=True)
class MeasureEffect:
    """A measure's KPI before and after its go-live; ``message`` says what is missing when
    the numbers are None."""

    measure_id: str
    title: str
    kpi_id: str | None
    kpi_name: str | None
    go_live_date: str | None
    unit: str | None
    before: float | None = None
    after: float | None = None
    n_before: int = 0
    n_after: int = 0
    test: str | None = None
    effect: float | None = None
    ci_low: float | None = None
    ci_high: float | None = None
    p_value: float | None = None
    #: True: significantly better, False: significantly worse, None: no clear change.
    improved: bool | None = None
    too_small: str | None = None
    control: ControlEffect | None = None
    message: str | None = None

    def as_dict(self) -> dict[str, Any]:
        """The effect as plain data (the CLI's JSON)."""

        def r(x: float | None) -> float | None:
            return None if x is None else round(x, 4)

        control = None
        if self.control is not None:
            c = self.control
            control = {
                "label": c.label,
                "effect": r(c.effect),
                "ci_low": r(c.ci_low),
                "ci_high": r(c.ci_high),
                "p_value": float(f"{c.p_value:.6g}"),
                "treated_change": r(c.treated_change),
                "control_change": r(c.control_change),
            }
        return {
            "id": self.measure_id,
            "title": self.title,
            "kpi_id": self.kpi_id,
            "kpi": self.kpi_name,
            "go_live_date": self.go_live_date,
            "unit": self.unit,
            "before": r(self.before),
            "after": r(self.after),
            "n_before": self.n_before,
            "n_after": self.n_after,
            "test": self.test,
            "effect": r(self.effect),
            "ci_low": r(self.ci_low),
            "ci_high": r(self.ci_high),
            "p_value": None if self.p_value is None else float(f"{self.p_value:.6g}"),
            "improved": self.improved,
            "too_small": self.too_small,
            "difference_in_differences": control,
            "message": self.message,
        }


def _statistic(kpi: Kpi, data: WorkspaceData) -> Statistic:
    if kpi.kind in RATE_KINDS:
        return share_at_least(0.5)  # values are 0/1: the percent of ones
    if kpi.kind == "time":
        return median_of
    if kpi.kind == "nps":
        return nps_of
    if kpi.kind == "csat":
        return share_at_least(satisfied_threshold(data.settings().csat_scale))
    return mean_of


def _observations(
    data: WorkspaceData, places: MapPlaces, kpi: Kpi, logged: frozenset[str]
) -> Observations:
    seconds, _ = time_unit(kpi.unit)
    return observations(data, places, kpi_metric(places, kpi, logged), seconds_per_unit=seconds)


def _checked(groups: Groups, go_live: str) -> Groups:
    for side, group in (("after", groups.a), ("before", groups.b)):
        if not len(group):
            raise EmptyGroup(
                f"{group.description} has no data {side} the go-live on {go_live}, so "
                "there is nothing to compare",
                hint="the event log and feedback must cover both sides of the go-live date",
            )
    return groups


def _control(
    data: WorkspaceData,
    places: MapPlaces,
    measure: Measure,
    kpi: Kpi,
    found: Observations,
    logged: frozenset[str],
) -> tuple[Observations, Observations, str]:
    """(treated, control) observations and the control's label."""
    control = measure.control
    assert control is not None
    if control.segment is not None:
        members = segment_members(data.log(), control.segment)
        in_control = found.of_customers(members)
        return found.where(~in_control), found.where(in_control), control.segment
    place_id = control.step_id or control.touchpoint_id
    assert place_id is not None
    scope = "step" if control.step_id is not None else "touchpoint"
    control_kpi = kpi.model_copy(
        update={"scope": scope, "scope_id": place_id, "from_id": None, "to_id": None}
    )
    return found, _observations(data, places, control_kpi, logged), places.get(place_id).name


def measure_effect(
    data: WorkspaceData, document: JourneyDocument, measure: Measure
) -> MeasureEffect:
    """The effect of one measure of ``document`` on its KPI."""
    kpi = next((k for k in document.kpis if k.id == measure.kpi_id), None)
    go_live = measure.go_live_date.isoformat() if measure.go_live_date else None
    base = MeasureEffect(
        measure.id,
        measure.title,
        measure.kpi_id,
        kpi.name if kpi else None,
        go_live,
        kpi.unit if kpi else None,
    )

    def explained(message: str) -> MeasureEffect:
        return MeasureEffect(**{**base.__dict__, "message": message})

    if kpi is None:
        return explained("the measure names no KPI it should move; give it a kpi_id")
    if measure.go_live_date is None or go_live is None:
        return explained(
            "the measure has no go-live date, so there is no before and after; "
            "set go_live_date when it is live"
        )
    if kpi.kind == "custom":
        return explained(f"KPI {kpi.id!r} is custom: journeykit cannot compute it")
    places = MapPlaces.of(document)
    try:
        logged = frozenset() if kpi.kind in SCORE_KINDS else logged_touchpoints(data.log())
        found = _observations(data, places, kpi, logged)
        groups = _checked(split_by_date(found, measure.go_live_date), go_live)
        result: ComparisonResult = statistics(kpi.kind, groups, data.settings())
        control = None
        if measure.control is not None:
            treated, untouched, label = _control(data, places, measure, kpi, found, logged)
            t = _checked(split_by_date(treated, measure.go_live_date), go_live)
            c = _checked(split_by_date(untouched, measure.go_live_date), go_live)
            did = difference_in_differences(
                t.a.values, t.b.values, c.a.values, c.b.values, _statistic(kpi, data)
            )
            control = ControlEffect(
                label, did.effect, did.ci_low, did.ci_high, did.p_value,
                did.treated_change, did.control_change,
            )  # fmt: skip
    except JourneykitError as exc:
        return explained(exc.one_line())
    improved = None
    if result.significant and result.too_small is None and result.effect != 0:
        improved = (result.effect > 0) == (kpi.better == "higher")
    unit = kpi.unit or (time_unit(None)[1] if kpi.kind == "time" else UNITS[kpi.kind])
    return MeasureEffect(
        measure.id,
        measure.title,
        kpi.id,
        kpi.name,
        go_live,
        unit,
        before=result.value_b,
        after=result.value_a,
        n_before=result.n_b,
        n_after=result.n_a,
        test=result.test,
        effect=result.effect,
        ci_low=result.ci_low,
        ci_high=result.ci_high,
        p_value=result.p_value,
        improved=improved,
        too_small=result.too_small,
        control=control,
    )


def measure_effects(
    workspace: Workspace, document: JourneyDocument | None = None, journey_id: str | None = None
) -> list[MeasureEffect]:
    """The effect of every measure of a journey: ``document`` if given, else the head of
    ``journey_id``. Measures that cannot be measured carry a message instead of numbers."""
    if document is None:
        if journey_id is None:
            raise ValueError("give a document or a journey_id")
        document = workspace.journeys().get(journey_id)
    with WorkspaceData(workspace) as data:
        return [measure_effect(data, document, m) for m in document.measures]
