"""The presentation ("showroom") page: the journey step by step, for people signed in."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from fastapi.responses import HTMLResponse
from markupsafe import Markup

from journeykit.model.document import JourneyDocument
from journeykit.web.gate import Visit, VisitDep
from journeykit.web.mapview import persona_colours
from journeykit.web.pages.render import page
from journeykit.web.services import documents
from journeykit.web.services.presentation import SLIDE_LANES, presentation_curve, slides

router = APIRouter(include_in_schema=False)


def presentation(
    visit: Visit,
    doc: JourneyDocument,
    *,
    exit_url: str | None,
    shared: bool,
    status: int = 200,
) -> HTMLResponse:
    """The presentation of ``doc`` (already without what a share link hides).

    ``exit_url`` is where Escape leads (the map; none for a share link); ``shared`` leaves
    out everything that belongs to the workspace rather than the journey.
    """
    walk = slides(doc)
    phases: list[dict[str, Any]] = []
    for slide in walk:
        if not phases or phases[-1]["index"] != slide.phase_index:
            phases.append(
                {
                    "index": slide.phase_index,
                    "name": slide.phase.name.text(visit.language),
                    "first": slide.number,
                }
            )
    context = {
        "doc": doc,
        "journey": doc.journey,
        "slides": walk,
        "phases": phases,
        "slide_lanes": SLIDE_LANES,
        "persona_colours": persona_colours(doc),
        "curve": Markup(presentation_curve(doc, visit.language)),
        "exit_url": exit_url,
        "shared": shared,
    }
    response = page(visit, "present.html", context, status=status)
    if shared:
        # The token is in the address: keep it out of Referer headers, caches and indexes.
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["Cache-Control"] = "no-store"
        response.headers["X-Robots-Tag"] = "noindex, nofollow"
    return response


@router.get("/journeys/{journey_id}/present", response_class=HTMLResponse)
def present_journey(visit: VisitDep, journey_id: str) -> HTMLResponse:
    """Walk through the journey phase by phase, step by step, full screen if wanted."""
    doc = documents.get_journey(visit.ws, journey_id)
    return presentation(visit, doc, exit_url=f"/journeys/{journey_id}", shared=False)
