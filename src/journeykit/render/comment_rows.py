"""A journey's comments as a table: the comments sheet of the XLSX and the rows after the
items in the CSV export.

One row per comment, threads in order; a reply names its thread. A comment on a step or item
that the journey no longer has keeps the text it was about, marked "(removed)".
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from journeykit.model import TEXT_LANES, JourneyDocument
from journeykit.model.comment_annex import ExportedComment
from journeykit.render.item_rows import SheetValue

#: Sheet name of the comments in the XLSX export.
COMMENT_SHEET = {"de": "Kommentare", "en": "Comments"}

_HEADERS: Final[tuple[tuple[str, str], ...]] = (
    ("Comment ID", "Kommentar-ID"),
    ("Thread", "Diskussion"),
    ("Step ID", "Schritt-ID"),
    ("Item ID", "Eintrags-ID"),
    ("On", "Zu"),
    ("Author", "Verfasst von"),
    ("Written (UTC)", "Geschrieben (UTC)"),
    ("Comment", "Kommentar"),
    ("Mentions", "Erwähnt"),
    ("Status", "Status"),
    ("Resolved by", "Erledigt von"),
)

_STATUS = {"open": ("open", "offen"), "resolved": ("resolved", "erledigt")}
_REMOVED = ("(removed)", "(entfernt)")


def comment_headers(language: str) -> list[SheetValue]:
    """The column headers of the comment table in ``language``."""
    return [de if language == "de" else en for en, de in _HEADERS]


def _word(pair: tuple[str, str], language: str) -> str:
    return pair[1] if language == "de" else pair[0]


def comment_rows(
    doc: JourneyDocument, comments: Sequence[ExportedComment], *, language: str
) -> list[list[SheetValue]]:
    """One row per comment; status and "resolved by" are filled on a thread's first comment."""
    steps = {step.id for _phase, step in doc.journey.steps()}
    items = {
        item.id
        for _phase, step in doc.journey.steps()
        for lane in TEXT_LANES
        for item in step.lanes.text_lane(lane)
    }
    rows: list[list[SheetValue]] = []
    for comment in comments:
        present = comment.item_id in items if comment.item_id else comment.step_id in steps
        on = comment.on if present else f"{comment.on} {_word(_REMOVED, language)}"
        first = comment.thread is None
        status = "resolved" if comment.resolved_at is not None else "open"
        rows.append(
            [
                comment.id,
                comment.thread if comment.thread is not None else comment.id,
                comment.step_id,
                comment.item_id,
                on,
                comment.author,
                comment.created_at.strftime("%Y-%m-%d %H:%M"),
                comment.body,
                ", ".join(comment.mentions) or None,
                _word(_STATUS[status], language) if first else None,
                comment.resolved_by if first else None,
            ]
        )
    return rows
