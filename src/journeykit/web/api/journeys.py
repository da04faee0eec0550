"""``/api/v1/journeys``: read, edit, export and import journeys, their history and diffs."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, File, Query, UploadFile
from fastapi.responses import Response

from journeykit.model.fileformat import document_data
from journeykit.web.api.bodies import (
    EmotionIn,
    ItemChange,
    ItemIn,
    ItemMove,
    JourneyIn,
    PhaseIn,
    PhaseMove,
    RestoreIn,
    StepChange,
    StepIn,
    StepMove,
    TouchpointChange,
    TouchpointIn,
    TouchpointMove,
)
from journeykit.web.api.results import revision_data, saved_data
from journeykit.web.gate import VisitDep
from journeykit.web.services import documents, lifecycle, transfer
from journeykit.web.services import journeys as service
from journeykit.web.services.errors import UploadTooLarge

router = APIRouter(prefix="/api/v1/journeys", tags=["journeys"])

BaseQuery = Annotated[int, Query(ge=1, description="The head revision the change was made on.")]


@router.get("")
def list_journeys(visit: VisitDep) -> list[dict[str, Any]]:
    """Every journey the account may see: id, title, state, head revision, project and what
    it was derived from."""
    return [
        {
            "id": s.id,
            "title": s.title,
            "state": s.state,
            "revision": s.revision,
            "project_id": s.project_id,
            "derived_from": s.derived_from,
            "updated_at": s.updated_at.isoformat(),
        }
        for s in documents.list_journeys(visit.ws)
        if visit.may_see(s.project_id)
    ]


@router.post("", status_code=201)
def create_journey(visit: VisitDep, body: JourneyIn) -> dict[str, Any]:
    """Create an empty as-is journey with the default phases, optionally in a project."""
    info = lifecycle.create_journey(
        visit.ws,
        actor=visit.actor,
        title=body.title,
        project_id=body.project_id,
        include_optional_phases=body.include_optional_phases,
    )
    return {"ok": True, **revision_data(info)}


@router.get("/{journey_id}")
def get_journey(
    visit: VisitDep, journey_id: str, revision: Annotated[int | None, Query(ge=1)] = None
) -> dict[str, Any]:
    """The journey document, exactly as the JSON file format writes it."""
    return document_data(documents.get_journey(visit.ws, journey_id, revision))


@router.get("/{journey_id}/export")
def export_journey(
    visit: VisitDep,
    journey_id: str,
    format: Annotated[str, Query(description="yaml, json, mermaid, svg, png, pdf, csv or xlsx")],
    revision: Annotated[int | None, Query(ge=1)] = None,
    hide: Annotated[list[str] | None, Query(description="Lanes to leave out.")] = None,
) -> Response:
    """The journey as a file to download."""
    content, media_type, filename = transfer.export(
        visit.ws,
        journey_id,
        format,
        revision=revision,
        language=visit.language,
        hidden_lanes=tuple(hide or ()),
    )
    disposition = f'attachment; filename="{filename}"'
    return Response(content, media_type=media_type, headers={"Content-Disposition": disposition})


@router.post("/import", status_code=201)
async def import_journey(
    visit: VisitDep,
    file: Annotated[UploadFile, File(description="A .yaml, .json, .csv or .xlsx journey")],
    force: bool = False,
) -> dict[str, Any]:
    """Import a journey file; all of it or nothing."""
    data = await file.read(transfer.MAX_UPLOAD_BYTES + 1)
    if len(data) > transfer.MAX_UPLOAD_BYTES:
        raise UploadTooLarge(
            f"{file.filename}: the file is larger than {transfer.MAX_UPLOAD_BYTES:,} bytes"
        )
    info = transfer.import_upload(
        visit.ws, data, file.filename or "upload", actor=visit.actor, force=force
    )
    return {"ok": True, **revision_data(info)}


@router.get("/{journey_id}/history")
def history(visit: VisitDep, journey_id: str) -> list[dict[str, Any]]:
    """Every revision, newest first."""
    return [revision_data(info) for info in lifecycle.history(visit.ws, journey_id)]


@router.get("/{journey_id}/diff")
def diff(
    visit: VisitDep,
    journey_id: str,
    old: Annotated[int, Query(ge=1)],
    new: Annotated[int, Query(ge=1)],
) -> dict[str, Any]:
    """What changed from revision ``old`` to revision ``new``."""
    changes = visit.ws.journeys().diff(journey_id, old, new)
    return {"old": old, "new": new, "counts": changes.counts(), "changes": changes.to_data()}


@router.post("/{journey_id}/restore")
def restore(visit: VisitDep, journey_id: str, body: RestoreIn) -> dict[str, Any]:
    """Make an old revision's content the head again (as a new revision)."""
    info = lifecycle.restore(visit.ws, journey_id, revision=body.revision, actor=visit.actor)
    return {"ok": True, **revision_data(info)}


@router.post("/{journey_id}/to-be", status_code=201)
def derive_to_be(visit: VisitDep, journey_id: str) -> dict[str, Any]:
    """Create the to-be journey of an as-is journey."""
    info = lifecycle.derive_to_be(visit.ws, journey_id, actor=visit.actor)
    return {"ok": True, **revision_data(info)}


# Phases


@router.post("/{journey_id}/phases", status_code=201)
def add_phase(visit: VisitDep, journey_id: str, body: PhaseIn) -> dict[str, Any]:
    """Add an empty phase."""
    return saved_data(
        service.add_phase(
            visit.ws,
            journey_id,
            base_revision=body.base_revision,
            actor=visit.actor,
            name_de=body.name_de,
            name_en=body.name_en,
            position=body.position,
        )
    )


@router.patch("/{journey_id}/phases/{phase_id}")
def rename_phase(visit: VisitDep, journey_id: str, phase_id: str, body: PhaseIn) -> dict[str, Any]:
    """Rename a phase."""
    return saved_data(
        service.rename_phase(
            visit.ws,
            journey_id,
            phase_id,
            base_revision=body.base_revision,
            actor=visit.actor,
            name_de=body.name_de,
            name_en=body.name_en,
        )
    )


@router.post("/{journey_id}/phases/{phase_id}/move")
def move_phase(visit: VisitDep, journey_id: str, phase_id: str, body: PhaseMove) -> dict[str, Any]:
    """Move a phase to another position."""
    return saved_data(
        service.move_phase(
            visit.ws,
            journey_id,
            phase_id,
            base_revision=body.base_revision,
            actor=visit.actor,
            position=body.position,
        )
    )


@router.delete("/{journey_id}/phases/{phase_id}")
def delete_phase(
    visit: VisitDep, journey_id: str, phase_id: str, base_revision: BaseQuery
) -> dict[str, Any]:
    """Delete a phase and its steps."""
    return saved_data(
        service.delete_phase(
            visit.ws, journey_id, phase_id, base_revision=base_revision, actor=visit.actor
        )
    )


# Steps


@router.post("/{journey_id}/steps", status_code=201)
def add_step(visit: VisitDep, journey_id: str, body: StepIn) -> dict[str, Any]:
    """Add a step to a phase."""
    return saved_data(
        service.add_step(
            visit.ws,
            journey_id,
            base_revision=body.base_revision,
            actor=visit.actor,
            phase_id=body.phase_id,
            title=body.title,
            position=body.position,
        )
    )


@router.patch("/{journey_id}/steps/{step_id}")
def rename_step(visit: VisitDep, journey_id: str, step_id: str, body: StepChange) -> dict[str, Any]:
    """Change a step's title and description."""
    return saved_data(
        service.rename_step(
            visit.ws,
            journey_id,
            step_id,
            base_revision=body.base_revision,
            actor=visit.actor,
            title=body.title,
            description=body.description,
        )
    )


@router.post("/{journey_id}/steps/{step_id}/move")
def move_step(visit: VisitDep, journey_id: str, step_id: str, body: StepMove) -> dict[str, Any]:
    """Move a step within its phase or to another phase."""
    return saved_data(
        service.move_step(
            visit.ws,
            journey_id,
            step_id,
            base_revision=body.base_revision,
            actor=visit.actor,
            phase_id=body.phase_id,
            position=body.position,
        )
    )


@router.delete("/{journey_id}/steps/{step_id}")
def delete_step(
    visit: VisitDep, journey_id: str, step_id: str, base_revision: BaseQuery
) -> dict[str, Any]:
    """Delete a step."""
    return saved_data(
        service.delete_step(
            visit.ws, journey_id, step_id, base_revision=base_revision, actor=visit.actor
        )
    )


@router.put("/{journey_id}/steps/{step_id}/emotions/{persona_id}")
def set_emotion(
    visit: VisitDep, journey_id: str, step_id: str, persona_id: str, body: EmotionIn
) -> dict[str, Any]:
    """Set how a persona feels at a step (-2 to +2, with an optional rating)."""
    return saved_data(
        service.set_emotion(
            visit.ws,
            journey_id,
            base_revision=body.base_revision,
            actor=visit.actor,
            step_id=step_id,
            persona_id=persona_id,
            score=body.score,
            rating=body.rating,
        )
    )


# Touchpoints


@router.post("/{journey_id}/steps/{step_id}/touchpoints", status_code=201)
def add_touchpoint(
    visit: VisitDep, journey_id: str, step_id: str, body: TouchpointIn
) -> dict[str, Any]:
    """Add a touchpoint to a step."""
    return saved_data(
        service.add_touchpoint(
            visit.ws,
            journey_id,
            base_revision=body.base_revision,
            actor=visit.actor,
            step_id=step_id,
            name=body.name,
            channel=body.channel,
            mode=body.mode,
            ownership=body.ownership,
        )
    )


@router.patch("/{journey_id}/touchpoints/{touchpoint_id}")
def rename_touchpoint(
    visit: VisitDep, journey_id: str, touchpoint_id: str, body: TouchpointChange
) -> dict[str, Any]:
    """Rename a touchpoint."""
    return saved_data(
        service.rename_touchpoint(
            visit.ws,
            journey_id,
            touchpoint_id,
            base_revision=body.base_revision,
            actor=visit.actor,
            name=body.name,
        )
    )


@router.post("/{journey_id}/touchpoints/{touchpoint_id}/move")
def api_move_touchpoint(
    visit: VisitDep, journey_id: str, touchpoint_id: str, body: TouchpointMove
) -> dict[str, Any]:
    """Move a touchpoint to another place within its step."""
    return saved_data(
        service.move_touchpoint(
            visit.ws,
            journey_id,
            touchpoint_id,
            base_revision=body.base_revision,
            actor=visit.actor,
            position=body.position,
        )
    )


@router.delete("/{journey_id}/touchpoints/{touchpoint_id}")
def delete_touchpoint(
    visit: VisitDep, journey_id: str, touchpoint_id: str, base_revision: BaseQuery
) -> dict[str, Any]:
    """Delete a touchpoint (refused while a KPI is measured on it)."""
    return saved_data(
        service.delete_touchpoint(
            visit.ws, journey_id, touchpoint_id, base_revision=base_revision, actor=visit.actor
        )
    )


# Lane items


@router.post("/{journey_id}/steps/{step_id}/lanes/{lane}", status_code=201)
def add_item(
    visit: VisitDep, journey_id: str, step_id: str, lane: str, body: ItemIn
) -> dict[str, Any]:
    """Add an item to a text lane of a step."""
    return saved_data(
        service.add_item(
            visit.ws,
            journey_id,
            base_revision=body.base_revision,
            actor=visit.actor,
            step_id=step_id,
            lane=lane,
            text=body.text,
            position=body.position,
        )
    )


@router.patch("/{journey_id}/items/{item_id}")
def edit_item(visit: VisitDep, journey_id: str, item_id: str, body: ItemChange) -> dict[str, Any]:
    """Change a lane item's text."""
    return saved_data(
        service.edit_item(
            visit.ws,
            journey_id,
            item_id,
            base_revision=body.base_revision,
            actor=visit.actor,
            text=body.text,
        )
    )


@router.post("/{journey_id}/items/{item_id}/move")
def move_item(visit: VisitDep, journey_id: str, item_id: str, body: ItemMove) -> dict[str, Any]:
    """Move a lane item to another place, lane or step."""
    return saved_data(
        service.move_item(
            visit.ws,
            journey_id,
            item_id,
            base_revision=body.base_revision,
            actor=visit.actor,
            step_id=body.step_id,
            lane=body.lane,
            position=body.position,
        )
    )


@router.delete("/{journey_id}/items/{item_id}")
def delete_item(
    visit: VisitDep, journey_id: str, item_id: str, base_revision: BaseQuery
) -> dict[str, Any]:
    """Delete a lane item."""
    return saved_data(
        service.delete_item(
            visit.ws, journey_id, item_id, base_revision=base_revision, actor=visit.actor
        )
    )
