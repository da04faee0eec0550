"""The journey map page and its edits in place (each calls the service its API twin calls)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Literal

from fastapi import APIRouter, Form
from fastapi.responses import HTMLResponse, Response
from markupsafe import Markup

from journeykit.model.document import JourneyDocument
from journeykit.web import mapview
from journeykit.web.gate import Visit, VisitDep
from journeykit.web.pages.map_fragment import HIDE_COOKIE, hidden_lanes, map_html
from journeykit.web.pages.render import answer_edit, page
from journeykit.web.services import documents
from journeykit.web.services import journeys as service
from journeykit.web.services.edits import find_item, find_phase, find_step
from journeykit.web.services.journeys import Saved, StaleEdit

router = APIRouter(prefix="/journeys", include_in_schema=False)

Base = Annotated[int, Form(ge=1)]
Text = Annotated[str, Form()]
OptionalText = Annotated[str | None, Form()]
Position = Annotated[int, Form(ge=0)]


@router.get("/{journey_id}", response_class=HTMLResponse)
def journey_map(visit: VisitDep, journey_id: str) -> HTMLResponse:
    """The journey map: phases as column groups, steps as columns, lanes as rows."""
    # One list of the journeys gives both the head revision and the to-be journey.
    summaries = documents.list_journeys(visit.ws)
    head = documents.head_revision(visit.ws, journey_id, summaries)
    doc = documents.get_journey(visit.ws, journey_id, head)
    to_be = next((s for s in summaries if s.derived_from == journey_id), None)
    context = {
        "doc": doc,
        "journey": doc.journey,
        "hidden": hidden_lanes(visit),
        "all_lanes": mapview.LANE_ORDER,
        "to_be": to_be,
        "map_html": map_html(visit, doc),
    }
    response = page(visit, "journey_map.html", context)
    given = visit.request.query_params.getlist("hide")
    if given:
        hidden = ",".join(mapview.parse_hidden(",".join(given)))
        response.set_cookie(HIDE_COOKIE, hidden, samesite="lax", max_age=31536000)
    return response


def _fragment(visit: Visit, journey_id: str) -> HTMLResponse:
    return HTMLResponse(map_html(visit, documents.get_journey(visit.ws, journey_id)))


def _conflict(
    visit: Visit, journey_id: str, mine: dict[str, str], current: Callable[[JourneyDocument], str]
) -> Callable[[StaleEdit], HTMLResponse]:
    def render(exc: StaleEdit) -> HTMLResponse:
        head = exc.head
        try:
            theirs: str | None = current(head)
        except LookupError:
            theirs = None
        except Exception:
            theirs = None
        info = visit.ws.journeys().revision(journey_id, head.revision or 1)
        # The current map replaces the stale one out of band, beside the notice.
        current_map = str(map_html(visit, head)).replace(
            '<div id="map" ', '<div id="map" hx-swap-oob="outerHTML" ', 1
        )
        context = {
            "doc": head,
            "map_html": Markup(current_map),
            "exc": exc,
            "mine": mine,
            "theirs": theirs,
            "head_info": info,
            "action": visit.request.url.path,
        }
        return page(visit, "_conflict.html", context, status=409)

    return render


def _edit(
    visit: Visit,
    journey_id: str,
    action: Callable[[], Saved],
    *,
    mine: dict[str, str] | None = None,
    current: Callable[[JourneyDocument], str] | None = None,
) -> Response:
    return answer_edit(
        visit,
        action=action,
        success=lambda: _fragment(visit, journey_id),
        redirect_to=f"/journeys/{journey_id}",
        conflict=_conflict(visit, journey_id, mine or {}, current or (lambda _d: "")),
    )


# Phases


@router.post("/{journey_id}/phases")
def add_phase(
    visit: VisitDep,
    journey_id: str,
    base_revision: Base,
    name_de: OptionalText = None,
    name_en: OptionalText = None,
) -> Response:
    """Add a phase at the end."""
    return _edit(
        visit,
        journey_id,
        lambda: service.add_phase(
            visit.ws,
            journey_id,
            base_revision=base_revision,
            actor=visit.actor,
            name_de=name_de,
            name_en=name_en,
        ),
        mine={"name_de": name_de or "", "name_en": name_en or ""},
    )


@router.post("/{journey_id}/phases/{phase_id}")
def rename_phase(
    visit: VisitDep,
    journey_id: str,
    phase_id: str,
    base_revision: Base,
    name_de: OptionalText = None,
    name_en: OptionalText = None,
) -> Response:
    """Rename a phase (a language not sent keeps its name)."""
    field = "name_de" if name_de is not None else "name_en"
    return _edit(
        visit,
        journey_id,
        lambda: service.rename_phase(
            visit.ws,
            journey_id,
            phase_id,
            base_revision=base_revision,
            actor=visit.actor,
            name_de=name_de,
            name_en=name_en,
        ),
        mine={field: (name_de if name_de is not None else name_en) or ""},
        current=lambda d: find_phase(d, phase_id).name.text(visit.language),
    )


@router.post("/{journey_id}/phases/{phase_id}/move")
def move_phase(
    visit: VisitDep, journey_id: str, phase_id: str, base_revision: Base, position: Position
) -> Response:
    """Move a phase."""
    return _edit(
        visit,
        journey_id,
        lambda: service.move_phase(
            visit.ws,
            journey_id,
            phase_id,
            base_revision=base_revision,
            actor=visit.actor,
            position=position,
        ),
    )


@router.post("/{journey_id}/phases/{phase_id}/delete")
def delete_phase(visit: VisitDep, journey_id: str, phase_id: str, base_revision: Base) -> Response:
    """Delete a phase and its steps."""
    return _edit(
        visit,
        journey_id,
        lambda: service.delete_phase(
            visit.ws, journey_id, phase_id, base_revision=base_revision, actor=visit.actor
        ),
    )


# Steps


@router.post("/{journey_id}/steps")
def add_step(
    visit: VisitDep,
    journey_id: str,
    base_revision: Base,
    phase_id: Text,
    title: OptionalText = None,
) -> Response:
    """Add a step at the end of a phase."""
    return _edit(
        visit,
        journey_id,
        lambda: service.add_step(
            visit.ws,
            journey_id,
            base_revision=base_revision,
            actor=visit.actor,
            phase_id=phase_id,
            title=title,
        ),
        mine={"title": title or ""},
    )


@router.post("/{journey_id}/steps/{step_id}")
def rename_step(
    visit: VisitDep,
    journey_id: str,
    step_id: str,
    base_revision: Base,
    title: OptionalText = None,
) -> Response:
    """Give a step a new title."""
    return _edit(
        visit,
        journey_id,
        lambda: service.rename_step(
            visit.ws,
            journey_id,
            step_id,
            base_revision=base_revision,
            actor=visit.actor,
            title=title,
        ),
        mine={"title": title or ""},
        current=lambda d: find_step(d, step_id)[1].title,
    )


@router.post("/{journey_id}/steps/{step_id}/description")
def describe_step(
    visit: VisitDep,
    journey_id: str,
    step_id: str,
    base_revision: Base,
    description: OptionalText = None,
) -> Response:
    """Change a step's description; an empty one removes it."""
    return _edit(
        visit,
        journey_id,
        lambda: service.describe_step(
            visit.ws,
            journey_id,
            step_id,
            base_revision=base_revision,
            actor=visit.actor,
            description=description,
        ),
        mine={"description": description or ""},
        current=lambda d: find_step(d, step_id)[1].description or "",
    )


@router.post("/{journey_id}/steps/{step_id}/move")
def move_step(
    visit: VisitDep,
    journey_id: str,
    step_id: str,
    base_revision: Base,
    phase_id: Text,
    position: Position,
) -> Response:
    """Move a step within its phase or to another one."""
    return _edit(
        visit,
        journey_id,
        lambda: service.move_step(
            visit.ws,
            journey_id,
            step_id,
            base_revision=base_revision,
            actor=visit.actor,
            phase_id=phase_id,
            position=position,
        ),
    )


@router.post("/{journey_id}/steps/{step_id}/delete")
def delete_step(visit: VisitDep, journey_id: str, step_id: str, base_revision: Base) -> Response:
    """Delete a step."""
    return _edit(
        visit,
        journey_id,
        lambda: service.delete_step(
            visit.ws, journey_id, step_id, base_revision=base_revision, actor=visit.actor
        ),
    )


@router.post("/{journey_id}/steps/{step_id}/emotions/{persona_id}")
def set_emotion(
    visit: VisitDep,
    journey_id: str,
    step_id: str,
    persona_id: str,
    base_revision: Base,
    score: Annotated[int, Form()],
    rating: Annotated[Literal["none", "delighting", "okay", "disappointing"] | None, Form()] = None,
) -> Response:
    """Set how a persona feels at a step; rating "none" clears it, leaving it out keeps it."""
    return _edit(
        visit,
        journey_id,
        lambda: service.set_emotion(
            visit.ws,
            journey_id,
            base_revision=base_revision,
            actor=visit.actor,
            step_id=step_id,
            persona_id=persona_id,
            score=score,
            rating=None if rating is None or rating == "none" else rating,
            clear_rating=rating == "none",
        ),
        mine={"score": f"{score:+d}"},
    )


# Lane items


@router.post("/{journey_id}/steps/{step_id}/lanes/{lane}")
def add_item(
    visit: VisitDep,
    journey_id: str,
    step_id: str,
    lane: str,
    base_revision: Base,
    text: OptionalText = None,
) -> Response:
    """Add an item to a lane of a step."""
    return _edit(
        visit,
        journey_id,
        lambda: service.add_item(
            visit.ws,
            journey_id,
            base_revision=base_revision,
            actor=visit.actor,
            step_id=step_id,
            lane=lane,
            text=text,
        ),
        mine={"text": text or ""},
    )


@router.post("/{journey_id}/items/{item_id}")
def edit_item(
    visit: VisitDep, journey_id: str, item_id: str, base_revision: Base, text: OptionalText = None
) -> Response:
    """Change a lane item's text."""
    return _edit(
        visit,
        journey_id,
        lambda: service.edit_item(
            visit.ws,
            journey_id,
            item_id,
            base_revision=base_revision,
            actor=visit.actor,
            text=text,
        ),
        mine={"text": text or ""},
        current=lambda d: find_item(d, item_id)[3].text,
    )


@router.post("/{journey_id}/items/{item_id}/move")
def move_item(
    visit: VisitDep,
    journey_id: str,
    item_id: str,
    base_revision: Base,
    step_id: Text,
    lane: Text,
    position: Position,
) -> Response:
    """Move a lane item."""
    return _edit(
        visit,
        journey_id,
        lambda: service.move_item(
            visit.ws,
            journey_id,
            item_id,
            base_revision=base_revision,
            actor=visit.actor,
            step_id=step_id,
            lane=lane,
            position=position,
        ),
    )


@router.post("/{journey_id}/items/{item_id}/delete")
def delete_item(visit: VisitDep, journey_id: str, item_id: str, base_revision: Base) -> Response:
    """Delete a lane item."""
    return _edit(
        visit,
        journey_id,
        lambda: service.delete_item(
            visit.ws, journey_id, item_id, base_revision=base_revision, actor=visit.actor
        ),
    )
