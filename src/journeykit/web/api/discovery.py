"""``/api/v1/journeys/{journey_id}/…``: numbers on the map, exports with numbers, the report,
and the discovered journey with accepting its items."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query
from fastapi.responses import Response
from pydantic import BaseModel, Field

from journeykit.insight.discovery_document import draft_document
from journeykit.model.fileformat import document_data
from journeykit.web.api.results import saved_data
from journeykit.web.gate import VisitDep
from journeykit.web.services import discovery as service
from journeykit.web.services.numbers import export_with_numbers, journey_numbers, journey_report

router = APIRouter(prefix="/api/v1/journeys", tags=["insight"])


class AcceptIn(BaseModel):
    """Draft items to add to the map: ``step:<id>`` for a step, an item's id otherwise."""

    base_revision: int = Field(ge=1, description="The head revision the change was made on.")
    accepted: list[str] = Field(min_length=1)


@router.get("/{journey_id}/numbers")
def journey_numbers_api(
    visit: VisitDep, journey_id: str, revision: Annotated[int | None, Query(ge=1)] = None
) -> dict[str, Any]:
    """The numbers on the map: per step and per phase (the `journey numbers --json` shape)."""
    return journey_numbers(visit.ws, journey_id, revision).as_dict()


@router.get("/{journey_id}/export-numbers")
def export_with_numbers_api(
    visit: VisitDep,
    journey_id: str,
    format: Annotated[str, Query(description="svg, png, pdf, csv or xlsx")],
    revision: Annotated[int | None, Query(ge=1)] = None,
    hide: Annotated[list[str] | None, Query(description="Lanes to leave out.")] = None,
) -> Response:
    """The drawn map or its tables with the numbers row, as a file to download."""
    content, media_type, filename = export_with_numbers(
        visit.ws,
        journey_id,
        format,
        revision=revision,
        language=visit.language,
        hidden_lanes=tuple(hide or ()),
    )
    disposition = f'attachment; filename="{filename}"'
    return Response(content, media_type=media_type, headers={"Content-Disposition": disposition})


@router.get("/{journey_id}/report")
def journey_report_api(
    visit: VisitDep,
    journey_id: str,
    format: Annotated[str, Query(description="html or pdf")] = "pdf",
    revision: Annotated[int | None, Query(ge=1)] = None,
) -> Response:
    """The journey report as a file (in the request's language)."""
    content, media_type, filename = journey_report(
        visit.ws, journey_id, format, language=visit.language, revision=revision
    )
    disposition = f'attachment; filename="{filename}"'
    return Response(content, media_type=media_type, headers={"Content-Disposition": disposition})


@router.get("/{journey_id}/discover")
def discovered_journey_api(visit: VisitDep, journey_id: str) -> dict[str, Any]:
    """The journey the event log suggests: each step with the drawn step it matches (or
    null), its items with their ids to accept, and the draft in the journey file format."""
    review = service.discovery_review(visit.ws, journey_id)
    discovery = review.discovery
    return {
        "customers": discovery.customers,
        "events": discovery.events,
        "parameters": discovery.parameters,
        "steps": [
            {
                "key": entry.key,
                "id": entry.step.id,
                "event": entry.step.event,
                "title": entry.step.title,
                "phase_id": entry.step.phase_id,
                "channel": entry.step.channel,
                "customers": entry.step.customers,
                "share": entry.step.share,
                "median_position": entry.step.median_position,
                "conversion": entry.step.conversion,
                "drop_off": entry.step.drop_off,
                "on_map": entry.on_map,
                "items": [
                    {
                        "id": item.id,
                        "kind": item.kind,
                        "lane": item.lane,
                        "text": item.text(visit.language),
                        "weight": round(item.weight, 4),
                        "quotes": list(item.quotes),
                    }
                    for item in entry.step.items
                ],
            }
            for entry in review.steps
        ],
        "draft": document_data(draft_document(discovery, language=visit.language)),
    }


@router.post("/{journey_id}/discover")
def accept_discovery_api(visit: VisitDep, journey_id: str, body: AcceptIn) -> dict[str, Any]:
    """Add accepted draft items to the map as a new revision (409 on a stale base)."""
    saved = service.accept_discovered(
        visit.ws,
        journey_id,
        base_revision=body.base_revision,
        actor=visit.actor,
        accepted=body.accepted,
    )
    return saved_data(saved)
