"""Pages around a map: history with diff and restore, as-is beside to-be, import."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, File, Form, Query, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from journeykit.model.diff import JourneyDiff, diff_documents
from journeykit.model.document import JourneyDocument
from journeykit.model.errors import DocumentInvalid, JourneykitError
from journeykit.web.diffview import grouped_changes
from journeykit.web.gate import VisitDep
from journeykit.web.pages.render import page
from journeykit.web.services import documents, lifecycle, transfer

router = APIRouter(include_in_schema=False)


@router.get("/journeys/{journey_id}/history", response_class=HTMLResponse)
def history(
    visit: VisitDep,
    journey_id: str,
    old: Annotated[int | None, Query(ge=1)] = None,
    new: Annotated[int | None, Query(ge=1)] = None,
) -> HTMLResponse:
    """Every revision, and the difference between two of them (default: the last two)."""
    doc = documents.get_journey(visit.ws, journey_id)
    revisions = lifecycle.history(visit.ws, journey_id)
    head = revisions[0].number
    new = new or head
    old = old or max(1, new - 1)
    old_doc = documents.get_journey(visit.ws, journey_id, old)
    new_doc = documents.get_journey(visit.ws, journey_id, new)
    diff = diff_documents(old_doc, new_doc) if old != new else JourneyDiff()
    return page(
        visit,
        "history.html",
        {
            "doc": doc,
            "journey": doc.journey,
            "revisions": revisions,
            "old": old,
            "new": new,
            "diff": diff,
            "groups": grouped_changes(diff, old_doc, new_doc, visit.language),
        },
    )


@router.post("/journeys/{journey_id}/restore")
def restore(
    visit: VisitDep, journey_id: str, revision: Annotated[int, Form(ge=1)]
) -> RedirectResponse:
    """Restore a revision as a new one, then show the history."""
    info = lifecycle.restore(visit.ws, journey_id, revision=revision, actor=visit.actor)
    return RedirectResponse(
        f"/journeys/{journey_id}/history?old={revision}&new={info.number}&restored={revision}",
        status_code=303,
    )


@router.post("/journeys/{journey_id}/to-be")
def derive_to_be(visit: VisitDep, journey_id: str) -> RedirectResponse:
    """Create the to-be journey and show both side by side."""
    lifecycle.derive_to_be(visit.ws, journey_id, actor=visit.actor)
    return RedirectResponse(f"/journeys/{journey_id}/compare", status_code=303)


@router.get("/journeys/{journey_id}/compare", response_class=HTMLResponse)
def compare(visit: VisitDep, journey_id: str) -> HTMLResponse:
    """The as-is journey beside its to-be journey, with what the to-be changes."""
    from journeykit.render.svg_map import journey_map_svg

    doc = documents.get_journey(visit.ws, journey_id)
    if doc.journey.state == "to_be" and doc.journey.derived_from:
        as_is = documents.get_journey(visit.ws, doc.journey.derived_from)
        to_be_doc: JourneyDocument | None = doc
    else:
        as_is = doc
        summary = lifecycle.to_be_of(visit.ws, journey_id)
        to_be_doc = documents.get_journey(visit.ws, summary.id) if summary else None
    context: dict[str, object] = {
        "doc": as_is,
        "journey": as_is.journey,
        "to_be": to_be_doc,
        "as_is_svg": journey_map_svg(as_is, as_is.journey.id, language=visit.language),
    }
    if to_be_doc is not None:
        context["to_be_svg"] = journey_map_svg(
            to_be_doc, to_be_doc.journey.id, language=visit.language
        )
        changes = diff_documents(as_is, to_be_doc)
        context["groups"] = grouped_changes(
            JourneyDiff(tuple(c for c in changes.changes if c.entity != "journey")),
            as_is,
            to_be_doc,
            visit.language,
        )
    return page(visit, "compare.html", context)


@router.get("/import", response_class=HTMLResponse)
def import_form(visit: VisitDep) -> HTMLResponse:
    """The upload form."""
    return page(visit, "import.html", {"limit": transfer.MAX_UPLOAD_BYTES})


@router.post("/import")
async def import_upload(
    visit: VisitDep,
    file: Annotated[UploadFile, File()],
    force: Annotated[bool, Form()] = False,
) -> Response:
    """Import an uploaded journey file, or show why nothing was imported."""
    data = await file.read(transfer.MAX_UPLOAD_BYTES + 1)
    name = file.filename or "upload"
    try:
        if len(data) > transfer.MAX_UPLOAD_BYTES:
            transfer.read_upload(data, name)  # raises the size error with its message
        info = transfer.import_upload(visit.ws, data, name, actor=visit.actor, force=force)
    except DocumentInvalid as exc:
        return page(
            visit,
            "import.html",
            {"limit": transfer.MAX_UPLOAD_BYTES, "issues": exc.issues, "filename": name},
            status=exc.status,
        )
    except JourneykitError as exc:
        return page(
            visit,
            "import.html",
            {"limit": transfer.MAX_UPLOAD_BYTES, "error": exc, "filename": name},
            status=exc.status,
        )
    return RedirectResponse(
        f"/journeys/{info.journey_id}/history?imported={info.number}", status_code=303
    )
