"""The touchpoints of a map's steps: add, rename, reorder and delete them in place."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form
from fastapi.responses import Response

from journeykit.web.gate import VisitDep
from journeykit.web.pages.maps import _edit
from journeykit.web.services import journeys as service
from journeykit.web.services.edits import find_touchpoint

router = APIRouter(prefix="/journeys", include_in_schema=False)

Base = Annotated[int, Form(ge=1)]
OptionalText = Annotated[str | None, Form()]
Position = Annotated[int, Form(ge=0)]


@router.post("/{journey_id}/steps/{step_id}/touchpoints")
def add_touchpoint(
    visit: VisitDep,
    journey_id: str,
    step_id: str,
    base_revision: Base,
    name: OptionalText = None,
    channel: OptionalText = None,
    mode: OptionalText = None,
    ownership: OptionalText = None,
) -> Response:
    """Add a touchpoint to a step."""
    return _edit(
        visit,
        journey_id,
        lambda: service.add_touchpoint(
            visit.ws,
            journey_id,
            base_revision=base_revision,
            actor=visit.actor,
            step_id=step_id,
            name=name,
            channel=channel,
            mode=mode,
            ownership=ownership,
        ),
        mine={"name": name or ""},
    )


@router.post("/{journey_id}/touchpoints/{touchpoint_id}")
def rename_touchpoint(
    visit: VisitDep,
    journey_id: str,
    touchpoint_id: str,
    base_revision: Base,
    name: OptionalText = None,
) -> Response:
    """Rename a touchpoint."""
    return _edit(
        visit,
        journey_id,
        lambda: service.rename_touchpoint(
            visit.ws,
            journey_id,
            touchpoint_id,
            base_revision=base_revision,
            actor=visit.actor,
            name=name,
        ),
        mine={"name": name or ""},
        current=lambda d: find_touchpoint(d, touchpoint_id)[1].name,
    )


@router.post("/{journey_id}/touchpoints/{touchpoint_id}/delete")
def delete_touchpoint(
    visit: VisitDep, journey_id: str, touchpoint_id: str, base_revision: Base
) -> Response:
    """Delete a touchpoint."""
    return _edit(
        visit,
        journey_id,
        lambda: service.delete_touchpoint(
            visit.ws, journey_id, touchpoint_id, base_revision=base_revision, actor=visit.actor
        ),
    )


@router.post("/{journey_id}/touchpoints/{touchpoint_id}/move")
def move_touchpoint(
    visit: VisitDep, journey_id: str, touchpoint_id: str, base_revision: Base, position: Position
) -> Response:
    """Move a touchpoint within its step (dragged, or Alt+arrow keys)."""
    return _edit(
        visit,
        journey_id,
        lambda: service.move_touchpoint(
            visit.ws,
            journey_id,
            touchpoint_id,
            base_revision=base_revision,
            actor=visit.actor,
            position=position,
        ),
    )
