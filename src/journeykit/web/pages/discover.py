"""The discovery review page and the journey report button (each calls the service its API
twin calls)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from journeykit.insight.discovery_document import phase_name
from journeykit.insight.step_numbers_text import count, number, percent
from journeykit.web.gate import VisitDep
from journeykit.web.map_numbers import map_numbers
from journeykit.web.pages.render import page
from journeykit.web.services import discovery as service
from journeykit.web.services.documents import get_journey, head_revision
from journeykit.web.services.numbers import journey_report

router = APIRouter(prefix="/journeys", include_in_schema=False)


@router.get("/{journey_id}/discover", response_class=HTMLResponse)
def discover_review(visit: VisitDep, journey_id: str) -> HTMLResponse:
    """The discovered journey beside the drawn map, each item to accept or leave."""
    review = service.discovery_review(visit.ws, journey_id)
    context = {
        "review": review,
        "doc": review.document,
        "journey": review.document.journey,
        "phase_names": {
            step.step.phase_id: phase_name(step.step.phase_id, visit.language, review.document)
            for step in review.steps
        },
        "figures": {
            entry.step.id: {
                "customers": count(entry.step.customers, visit.language),
                "share": percent(entry.step.share, visit.language),
                "position": number(entry.step.median_position, visit.language, 2),
            }
            for entry in review.steps
        },
        "accepted": visit.request.query_params.get("accepted"),
        "revision": visit.request.query_params.get("revision"),
    }
    return page(visit, "discover.html", context)


@router.post("/{journey_id}/discover")
def accept_discovery(
    visit: VisitDep,
    journey_id: str,
    base_revision: Annotated[int, Form(ge=1)],
    accept: Annotated[list[str] | None, Form()] = None,
) -> Response:
    """Add the accepted items to the map as a new revision, then show the review again."""
    chosen = accept or []
    saved = service.accept_discovered(
        visit.ws, journey_id, base_revision=base_revision, actor=visit.actor, accepted=chosen
    )
    target = (
        f"/journeys/{journey_id}/discover?accepted={len(chosen)}&revision={saved.revision.number}"
    )
    return RedirectResponse(target, status_code=303)


@router.get("/{journey_id}/numbers", response_class=HTMLResponse)
def journey_numbers_fragment(
    visit: VisitDep, journey_id: str, revision: int | None = None
) -> HTMLResponse:
    """The numbers of every step and phase, as out-of-band swaps into the map page.

    A request for a revision that is no longer the head answers with nothing to swap: the
    newer map on the page asks for its own numbers (quick edits compute no stale numbers).
    """
    if revision is not None and revision != head_revision(visit.ws, journey_id):
        return HTMLResponse("")
    doc = get_journey(visit.ws, journey_id, revision)
    return page(visit, "_numbers.html", {"numbers": map_numbers(visit, doc)})


@router.get("/{journey_id}/report")
def journey_report_page(
    visit: VisitDep, journey_id: str, format: str = "html", revision: int | None = None
) -> Response:
    """The journey report: HTML to read in the browser, or a PDF to hand on."""
    content, media_type, filename = journey_report(
        visit.ws, journey_id, format, language=visit.language, revision=revision
    )
    headers = {}
    if format == "pdf":
        headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    return Response(content, media_type=media_type, headers=headers)
