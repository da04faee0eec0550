"""KPI history: recompute every KPI, keep a dated snapshot, and say what is off.

:func:`refresh` is what ``journeykit refresh`` (by hand or from cron) runs: under the
workspace's write lock, so it never reads an event log or feedback store halfway through an
import, it computes every KPI of every journey (:mod:`journeykit.insight.kpi_values`) and
stores one snapshot per KPI, all in one transaction. :func:`kpi_history` and
:func:`kpi_alerts` read them back for trend charts, the report and the app.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from journeykit.insight.errors import RefreshBusy
from journeykit.insight.kpi_values import KpiValue, kpi_value
from journeykit.insight.map_places import MapPlaces
from journeykit.insight.sources import WorkspaceData
from journeykit.store import Workspace, WorkspaceLocked
from journeykit.store.kpi_snapshots import KpiSnapshot, KpiSnapshotStore


@dataclass(frozen=True)
class JourneyKpis:
    """The KPI values of one journey at one refresh."""

    journey_id: str
    title: str
    revision: int
    values: list[KpiValue]


@dataclass(frozen=True)
class Refresh:
    """What a refresh computed and stored."""

    taken_at: dt.datetime
    journeys: list[JourneyKpis]

    def alerts(self) -> list[tuple[str, KpiValue]]:
        """(journey id, value) of every KPI past its alert threshold."""
        return [(j.journey_id, v) for j in self.journeys for v in j.values if v.alert]

    def off_track(self) -> list[tuple[str, KpiValue]]:
        """(journey id, value) of every KPI that misses its target."""
        return [
            (j.journey_id, v) for j in self.journeys for v in j.values if v.status == "off_track"
        ]


def _snapshot(journey: JourneyKpis, value: KpiValue, taken_at: dt.datetime) -> KpiSnapshot:
    return KpiSnapshot(
        journey_id=journey.journey_id,
        kpi_id=value.kpi_id,
        taken_at=taken_at,
        revision=journey.revision,
        kind=value.kind,
        value=value.value,
        ci_low=value.ci_low,
        ci_high=value.ci_high,
        n=value.n,
        target=value.target,
        status=value.status,
        alert=value.alert,
        note=value.note,
    )


def refresh(workspace: Workspace, *, now: dt.datetime | None = None) -> Refresh:
    """Recompute every KPI of every journey and store a snapshot of each.

    Raises :class:`RefreshBusy` while another process (an import) holds the workspace's
    write lock, after waiting ``JOURNEYKIT_LOCK_TIMEOUT`` seconds for it.
    """
    taken_at = now or dt.datetime.now(dt.UTC)
    try:
        with workspace.lock():
            journeys = workspace.journeys()
            computed: list[JourneyKpis] = []
            with WorkspaceData(workspace) as data:
                for summary in journeys.list():
                    document = journeys.get(summary.id)
                    places = MapPlaces.of(document)
                    values = [kpi_value(data, places, kpi) for kpi in document.kpis]
                    computed.append(
                        JourneyKpis(summary.id, summary.title, summary.revision, values)
                    )
            snapshots = [_snapshot(j, v, taken_at) for j in computed for v in j.values]
            KpiSnapshotStore(workspace.database).add(snapshots)
    except WorkspaceLocked as exc:
        raise RefreshBusy(
            f"cannot refresh the KPIs of {workspace.path} now: an import (or another write) "
            "is running, and its data would be read half-written",
            hint="run `journeykit refresh` again when it has finished; "
            "JOURNEYKIT_LOCK_TIMEOUT sets how long to wait",
        ) from exc
    return Refresh(taken_at, computed)


def kpi_history(
    workspace: Workspace, journey_id: str, kpi_id: str | None = None
) -> list[KpiSnapshot]:
    """Every stored snapshot of the journey's KPIs (of one KPI if given), oldest first."""
    return KpiSnapshotStore(workspace.database).history(journey_id, kpi_id)


def kpi_alerts(workspace: Workspace, journey_id: str | None = None) -> list[KpiSnapshot]:
    """The KPIs whose newest snapshot is past its alert threshold (of one journey if given).

    A KPI removed from its journey since that snapshot raises no alert any more.
    """
    alerts = [s for s in KpiSnapshotStore(workspace.database).latest(journey_id) if s.alert]
    journeys = workspace.journeys()
    current: dict[str, set[str]] = {}
    for snapshot in alerts:
        if snapshot.journey_id not in current:
            kpis = journeys.get(snapshot.journey_id).kpis
            current[snapshot.journey_id] = {k.id for k in kpis}
    return [s for s in alerts if s.kpi_id in current[s.journey_id]]
