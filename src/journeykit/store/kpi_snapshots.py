"""KPI snapshots in the store: each refresh adds one dated row per KPI of every journey.

A snapshot is a fact about a moment ("on 1 December the NPS was −37.8 ± 5.5 from 900
answers"), so rows are only ever added, never changed; deleting a journey deletes its
snapshots.
"""

from __future__ import annotations

import builtins
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, select

from journeykit.store.database import Database
from journeykit.store.revisions import find_journey
from journeykit.store.tables import KpiSnapshotRow


@dataclass(frozen=True)
class KpiSnapshot:
    """One KPI's value at one moment, as stored."""

    journey_id: str
    kpi_id: str
    taken_at: dt.datetime
    revision: int
    kind: str
    value: float | None
    ci_low: float | None
    ci_high: float | None
    n: int
    target: float | None
    status: str
    alert: bool
    note: str | None


def _snapshot(row: KpiSnapshotRow) -> KpiSnapshot:
    return KpiSnapshot(
        journey_id=row.journey_id,
        kpi_id=row.kpi_id,
        taken_at=row.taken_at,
        revision=row.revision,
        kind=row.kind,
        value=row.value,
        ci_low=row.ci_low,
        ci_high=row.ci_high,
        n=row.n,
        target=row.target,
        status=row.status,
        alert=row.alert,
        note=row.note,
    )


class KpiSnapshotStore:
    """The KPI snapshots of one workspace's database."""

    def __init__(self, database: Database) -> None:
        self._database = database

    def add(self, snapshots: Sequence[KpiSnapshot]) -> None:
        """Store ``snapshots`` in one transaction (the caller holds the workspace lock)."""
        with self._database.writing() as session:
            for s in snapshots:
                session.add(
                    KpiSnapshotRow(
                        journey_id=s.journey_id,
                        kpi_id=s.kpi_id,
                        taken_at=s.taken_at,
                        revision=s.revision,
                        kind=s.kind,
                        value=s.value,
                        ci_low=s.ci_low,
                        ci_high=s.ci_high,
                        n=s.n,
                        target=s.target,
                        status=s.status,
                        alert=s.alert,
                        note=s.note,
                    )
                )

    def history(self, journey_id: str, kpi_id: str | None = None) -> builtins.list[KpiSnapshot]:
        """The journey's snapshots (of one KPI if given), oldest first; an unknown journey is
        :class:`~journeykit.model.errors.NotFoundError`."""
        with self._database.reading() as session:
            find_journey(session, journey_id)
            query = select(KpiSnapshotRow).where(KpiSnapshotRow.journey_id == journey_id)
            if kpi_id is not None:
                query = query.where(KpiSnapshotRow.kpi_id == kpi_id)
            rows = session.scalars(query.order_by(KpiSnapshotRow.taken_at, KpiSnapshotRow.id)).all()
            return [_snapshot(row) for row in rows]

    def latest(self, journey_id: str | None = None) -> builtins.list[KpiSnapshot]:
        """The newest snapshot of every KPI (of one journey if given)."""
        with self._database.reading() as session:
            newest = select(
                KpiSnapshotRow.journey_id,
                KpiSnapshotRow.kpi_id,
                func.max(KpiSnapshotRow.id).label("id"),
            ).group_by(KpiSnapshotRow.journey_id, KpiSnapshotRow.kpi_id)
            if journey_id is not None:
                find_journey(session, journey_id)
                newest = newest.where(KpiSnapshotRow.journey_id == journey_id)
            ids = newest.subquery()
            rows = session.scalars(
                select(KpiSnapshotRow)
                .join(ids, KpiSnapshotRow.id == ids.c.id)
                .order_by(KpiSnapshotRow.journey_id, KpiSnapshotRow.id)
            ).all()
            return [_snapshot(row) for row in rows]
