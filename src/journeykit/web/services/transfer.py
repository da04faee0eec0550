"""Exporting journeys through ``journeykit.render`` and importing uploaded files whole."""

from __future__ import annotations

from pathlib import PurePath

from journeykit.model.document import JourneyDocument
from journeykit.model.errors import DocumentInvalid, did_you_mean
from journeykit.model.fileformat import load_document
from journeykit.store import RevisionInfo, Workspace
from journeykit.web.i18n import translate
from journeykit.web.services.actor import Actor
from journeykit.web.services.errors import FieldInvalid, UploadRefused, UploadTooLarge

#: The largest upload accepted; a map with hundreds of steps is well below it.
MAX_UPLOAD_BYTES = 5 * 1024 * 1024

IMPORT_KINDS = {
    ".yaml": "yaml",
    ".yml": "yaml",
    ".json": "json",
    ".csv": "sheet",
    ".xlsx": "sheet",
}


def export_formats() -> tuple[str, ...]:
    """The formats a journey exports to."""
    from journeykit.render.export import FORMATS

    return tuple(FORMATS)


def export(
    ws: Workspace,
    journey_id: str,
    fmt: str,
    *,
    revision: int | None = None,
    language: str = "de",
    hidden_lanes: tuple[str, ...] = (),
) -> tuple[bytes, str, str]:
    """The journey exported as ``fmt``: (content, media type, file name)."""
    from journeykit.render.export import FORMATS, export_journey

    if fmt not in FORMATS:
        suggestion = did_you_mean(fmt, FORMATS)
        raise FieldInvalid(
            "format",
            "error.format",
            f"must be one of {', '.join(FORMATS)}"
            + (f" (did you mean {suggestion!r}?)" if suggestion else ""),
            allowed=", ".join(FORMATS),
        )
    from journeykit.web.services.comments import exported_comments

    doc = ws.journeys().get(journey_id, revision)
    rendered = export_journey(
        doc,
        journey_id,
        fmt,
        language=language,
        hidden_lanes=hidden_lanes,
        comments=exported_comments(ws, journey_id),  # the discussion travels with the map
    )
    return rendered.content, rendered.media_type, rendered.filename


def read_upload(data: bytes, filename: str) -> JourneyDocument:
    """The journey document in an uploaded file; anything wrong refuses the whole file."""
    if len(data) > MAX_UPLOAD_BYTES:
        raise UploadTooLarge(
            f"{filename}: the file has {len(data):,} bytes; at most {MAX_UPLOAD_BYTES:,} are "
            "accepted",
            hint="split the file or remove embedded pictures",
        )
    suffix = PurePath(filename).suffix.lower()
    kind = IMPORT_KINDS.get(suffix)
    if kind is None:
        raise UploadRefused(
            f"{filename}: files ending in {suffix or '(nothing)'!r} cannot be imported",
            hint="upload a .yaml, .yml, .json, .csv or .xlsx file",
        )
    if not data.strip():
        raise UploadRefused(f"{filename}: the file is empty")
    if kind == "sheet":
        from journeykit.render.spreadsheet import read_map_sheet

        return read_map_sheet(data, filename=filename)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UploadRefused(
            f"{filename}: the file is not UTF-8 text (byte {exc.start})",
            hint="save it as UTF-8",
        ) from exc
    return load_document(text, "json" if kind == "json" else "yaml", filename)


def import_upload(
    ws: Workspace, data: bytes, filename: str, *, actor: Actor, force: bool = False
) -> RevisionInfo:
    """Import an uploaded journey: a new journey is created, an existing one updated if the
    file was exported from its head; nothing is saved if any part of the file is wrong."""
    doc = read_upload(data, filename)
    # Importing writes into the file's project, and over the journey it updates.
    actor.require("editor", doc.journey.project_id)
    known, current_project = ws.accounts().project_of_journey(doc.journey.id)
    if known:
        actor.require("editor", current_project)
    message = translate("rev.import", actor.language, file=PurePath(filename).name)
    return ws.journeys().import_document(doc, author=actor.name, message=message, force=force)


__all__ = ["MAX_UPLOAD_BYTES", "DocumentInvalid", "export", "import_upload", "read_upload"]
