"""The statistics behind the facts page: measure effects, KPI trends and alerts, and testing
the journey's hypotheses from the browser (the same service as
``journeykit hypothesis test --all``).

The map page only ever calls :func:`journey_alerts`, which reads the stored snapshots of
``journeykit refresh`` and computes nothing; the effects (a second or more) are computed when
the facts page is opened.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from journeykit.insight.hypotheses import Verdict, evaluate_hypothesis, with_verdicts
from journeykit.insight.kpi_history import kpi_alerts, kpi_history
from journeykit.insight.measure_effects import measure_effects
from journeykit.insight.report_effects import effect_row, reader_date, trend_rows
from journeykit.insight.sources import WorkspaceData
from journeykit.insight.step_numbers_text import number
from journeykit.model.document import JourneyDocument
from journeykit.model.errors import JourneykitError
from journeykit.store import RevisionInfo, Workspace
from journeykit.web.i18n import translate
from journeykit.web.services.actor import Actor
from journeykit.web.services.documents import get_journey
from journeykit.web.services.journeys import StaleEdit, edit_journey


@dataclass(frozen=True)
class JourneyInsight:
    """What the facts page shows of the statistics, as texts in the reader's language."""

    effects: list[dict[str, Any]]
    trends: list[dict[str, Any]]
    #: Whether ``journeykit refresh`` ever stored a snapshot of this journey.
    refreshed: bool


def journey_insight(ws: Workspace, document: JourneyDocument, language: str) -> JourneyInsight:
    """Every measure's effect and every KPI's stored trend of ``document``."""
    effects = [effect_row(e, language) for e in measure_effects(ws, document)]
    snapshots = kpi_history(ws, document.journey.id)
    return JourneyInsight(effects, trend_rows(document, snapshots, language), bool(snapshots))


def journey_alerts(ws: Workspace, journey_id: str, language: str) -> list[dict[str, str]]:
    """The journey's KPIs whose newest stored snapshot is past its alert threshold (reads the
    snapshots only: cheap enough for the map page)."""
    alerts = kpi_alerts(ws, journey_id)
    if not alerts:
        return []
    kpis = {k.id: k for k in get_journey(ws, journey_id).kpis}
    rows = []
    for snapshot in alerts:
        kpi = kpis[snapshot.kpi_id]
        unit = f" {kpi.unit}" if kpi.unit else ""
        rows.append(
            {
                "kpi_id": kpi.id,
                "name": kpi.name,
                "value": number(snapshot.value, language) + unit,
                "threshold": number(kpi.alert_threshold, language) + unit,
                "when": reader_date(snapshot.taken_at, language),
            }
        )
    return rows


@dataclass(frozen=True)
class HypothesesTested:
    """The outcome of testing a journey's hypotheses: each verdict, each hypothesis that
    could not be tested with the reason, and the revision the verdicts were saved in."""

    verdicts: list[Verdict]
    untested: list[tuple[str, str]] = field(default_factory=list)
    revision: RevisionInfo | None = None

    def as_dict(self) -> dict[str, Any]:
        """The outcome as the API answers it (verdicts in the CLI's JSON shape)."""
        info = self.revision
        return {
            "ok": True,
            "verdicts": [v.as_dict() for v in self.verdicts],
            "untested": [{"id": i, "message": m} for i, m in self.untested],
            "revision": None if info is None else info.number,
            "unchanged": None if info is None else info.unchanged,
        }


def run_hypothesis_tests(
    ws: Workspace, journey_id: str, *, base_revision: int, actor: Actor
) -> HypothesesTested:
    """Test every hypothesis of the journey that names a test and save the verdicts as
    evidence and status in one new revision (a stale base raises :class:`StaleEdit`)."""
    head = get_journey(ws, journey_id)
    if head.revision != base_revision:
        raise StaleEdit(journey_id, base_revision, head)
    verdicts: list[Verdict] = []
    untested: list[tuple[str, str]] = []
    with WorkspaceData(ws) as data:
        for hypothesis in head.hypotheses:
            if hypothesis.test is None:
                continue
            try:
                verdicts.append(evaluate_hypothesis(data, head, hypothesis))
            except JourneykitError as exc:
                untested.append((hypothesis.id, exc.one_line()))
    if not verdicts:
        return HypothesesTested(verdicts, untested)
    today = dt.datetime.now(dt.UTC).date()
    names = ", ".join(f"{v.hypothesis_id}: {v.status}" for v in verdicts)
    info = edit_journey(
        ws,
        journey_id,
        base_revision=base_revision,
        actor=actor,
        message=translate("rev.hypotheses_tested", actor.language, names=names),
        change=lambda doc: with_verdicts(doc, verdicts, today),
    )
    return HypothesesTested(verdicts, untested, info)
