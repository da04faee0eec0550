"""``/api/v1/journeys/{id}/evidence|hypotheses|measures|kpis``: the facts of a journey.

Each write names the revision it is based on (a stale base answers 409 with the head
revision) and calls the same service function as the facts page; a wrong field answers 422
naming it.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from journeykit.web.api.fact_bodies import (
    EvidenceChange,
    EvidenceIn,
    HypothesisChange,
    HypothesisIn,
    KpiChange,
    KpiIn,
    MeasureChange,
    MeasureIn,
)
from journeykit.web.api.results import saved_data
from journeykit.web.gate import VisitDep
from journeykit.web.services import documents
from journeykit.web.services import facts as service
from journeykit.web.services.fact_fields import fact_kind

router = APIRouter(prefix="/api/v1/journeys", tags=["evidence, hypotheses, measures, KPIs"])

BaseQuery = Annotated[int, Query(ge=1, description="The head revision the change was made on.")]
StepQuery = Annotated[str | None, Query(description="Only the facts that touch this step.")]


def _listed(visit: VisitDep, journey_id: str, kind_key: str, step: str | None) -> list[Any]:
    doc = documents.get_journey(visit.ws, journey_id)
    kind = fact_kind(kind_key)
    records = kind.records(doc)
    if step is not None:
        records = [
            r
            for r in records
            if step in getattr(r, "step_ids", ()) or (getattr(r, "scope_id", None) == step)
        ]
    return [r.model_dump(mode="json", exclude_none=True) for r in records]


# evidence


@router.get("/{journey_id}/evidence")
def api_list_evidence(visit: VisitDep, journey_id: str, step: StepQuery = None) -> list[Any]:
    """Every evidence of the journey (or those of one step), in the document's order."""
    return _listed(visit, journey_id, "evidence", step)


@router.post("/{journey_id}/evidence", status_code=201)
def api_add_evidence(visit: VisitDep, journey_id: str, body: EvidenceIn) -> dict[str, Any]:
    """Add a piece of evidence; the answer names its id and the new revision."""
    done = service.add_fact(
        visit.ws,
        journey_id,
        "evidence",
        base_revision=body.base_revision,
        actor=visit.actor,
        values=body.values(),
    )
    return saved_data(done.saved)


@router.patch("/{journey_id}/evidence/{evidence_id}")
def api_change_evidence(
    visit: VisitDep, journey_id: str, evidence_id: str, body: EvidenceChange
) -> dict[str, Any]:
    """Change the named fields of a piece of evidence; the others keep their value."""
    done = service.change_fact(
        visit.ws,
        journey_id,
        "evidence",
        evidence_id,
        base_revision=body.base_revision,
        actor=visit.actor,
        values=body.values(),
    )
    return saved_data(done.saved)


@router.delete("/{journey_id}/evidence/{evidence_id}")
def api_delete_evidence(
    visit: VisitDep, journey_id: str, evidence_id: str, base_revision: BaseQuery
) -> dict[str, Any]:
    """Delete a piece of evidence."""
    done = service.delete_fact(
        visit.ws,
        journey_id,
        "evidence",
        evidence_id,
        base_revision=base_revision,
        actor=visit.actor,
    )
    return saved_data(done.saved)


# hypotheses


@router.get("/{journey_id}/hypotheses")
def api_list_hypotheses(visit: VisitDep, journey_id: str, step: StepQuery = None) -> list[Any]:
    """Every hypothesis of the journey (or those of one step), in the document's order."""
    return _listed(visit, journey_id, "hypotheses", step)


@router.post("/{journey_id}/hypotheses", status_code=201)
def api_add_hypothesis(visit: VisitDep, journey_id: str, body: HypothesisIn) -> dict[str, Any]:
    """Add a hypothesis; the answer names its id and the new revision."""
    done = service.add_fact(
        visit.ws,
        journey_id,
        "hypotheses",
        base_revision=body.base_revision,
        actor=visit.actor,
        values=body.values(),
    )
    return saved_data(done.saved)


@router.patch("/{journey_id}/hypotheses/{hypothesis_id}")
def api_change_hypothesis(
    visit: VisitDep, journey_id: str, hypothesis_id: str, body: HypothesisChange
) -> dict[str, Any]:
    """Change the named fields of a hypothesis; the others keep their value."""
    done = service.change_fact(
        visit.ws,
        journey_id,
        "hypotheses",
        hypothesis_id,
        base_revision=body.base_revision,
        actor=visit.actor,
        values=body.values(),
    )
    return saved_data(done.saved)


@router.delete("/{journey_id}/hypotheses/{hypothesis_id}")
def api_delete_hypothesis(
    visit: VisitDep, journey_id: str, hypothesis_id: str, base_revision: BaseQuery
) -> dict[str, Any]:
    """Delete a hypothesis."""
    done = service.delete_fact(
        visit.ws,
        journey_id,
        "hypotheses",
        hypothesis_id,
        base_revision=base_revision,
        actor=visit.actor,
    )
    return saved_data(done.saved)


# measures


@router.get("/{journey_id}/measures")
def api_list_measures(visit: VisitDep, journey_id: str, step: StepQuery = None) -> list[Any]:
    """Every measure of the journey (or those of one step), in the document's order."""
    return _listed(visit, journey_id, "measures", step)


@router.post("/{journey_id}/measures", status_code=201)
def api_add_measure(visit: VisitDep, journey_id: str, body: MeasureIn) -> dict[str, Any]:
    """Add a measure; the answer names its id and the new revision."""
    done = service.add_fact(
        visit.ws,
        journey_id,
        "measures",
        base_revision=body.base_revision,
        actor=visit.actor,
        values=body.values(),
    )
    return saved_data(done.saved)


@router.patch("/{journey_id}/measures/{measure_id}")
def api_change_measure(
    visit: VisitDep, journey_id: str, measure_id: str, body: MeasureChange
) -> dict[str, Any]:
    """Change the named fields of a measure; the others keep their value."""
    done = service.change_fact(
        visit.ws,
        journey_id,
        "measures",
        measure_id,
        base_revision=body.base_revision,
        actor=visit.actor,
        values=body.values(),
    )
    return saved_data(done.saved)


@router.delete("/{journey_id}/measures/{measure_id}")
def api_delete_measure(
    visit: VisitDep, journey_id: str, measure_id: str, base_revision: BaseQuery
) -> dict[str, Any]:
    """Delete a measure."""
    done = service.delete_fact(
        visit.ws, journey_id, "measures", measure_id, base_revision=base_revision, actor=visit.actor
    )
    return saved_data(done.saved)


# kpis


@router.get("/{journey_id}/kpis")
def api_list_kpis(visit: VisitDep, journey_id: str, step: StepQuery = None) -> list[Any]:
    """Every kpi of the journey (or those of one step), in the document's order."""
    return _listed(visit, journey_id, "kpis", step)


@router.post("/{journey_id}/kpis", status_code=201)
def api_add_kpi(visit: VisitDep, journey_id: str, body: KpiIn) -> dict[str, Any]:
    """Add a KPI; the answer names its id and the new revision."""
    done = service.add_fact(
        visit.ws,
        journey_id,
        "kpis",
        base_revision=body.base_revision,
        actor=visit.actor,
        values=body.values(),
    )
    return saved_data(done.saved)


@router.patch("/{journey_id}/kpis/{kpi_id}")
def api_change_kpi(
    visit: VisitDep, journey_id: str, kpi_id: str, body: KpiChange
) -> dict[str, Any]:
    """Change the named fields of a KPI; the others keep their value."""
    done = service.change_fact(
        visit.ws,
        journey_id,
        "kpis",
        kpi_id,
        base_revision=body.base_revision,
        actor=visit.actor,
        values=body.values(),
    )
    return saved_data(done.saved)


@router.delete("/{journey_id}/kpis/{kpi_id}")
def api_delete_kpi(
    visit: VisitDep, journey_id: str, kpi_id: str, base_revision: BaseQuery
) -> dict[str, Any]:
    """Delete a KPI."""
    done = service.delete_fact(
        visit.ws, journey_id, "kpis", kpi_id, base_revision=base_revision, actor=visit.actor
    )
    return saved_data(done.saved)
