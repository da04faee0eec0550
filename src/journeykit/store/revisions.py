"""Revisions: how a journey's saves are stored, read back, and guarded against lost updates.

A revision holds the whole canonical journey document (see
``docs/adr/0002-revisions-are-document-snapshots.md``). A write says which revision it was based
on; if the journey has moved on since, it is refused with :class:`ConflictError` and nothing is
stored. These functions work inside the caller's transaction; ``JourneyStore`` opens it.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from journeykit.model.document import JourneyDocument
from journeykit.model.errors import NotFoundError, did_you_mean
from journeykit.model.fileformat import document_data
from journeykit.store.errors import ConflictError
from journeykit.store.tables import JourneyRow, ProjectRow, RevisionRow

FORCE_HINT = "export it again and redo your changes on that export, or use --force to overwrite"


@dataclass(frozen=True)
class RevisionInfo:
    """Who saved a revision, when, why, and on top of which revision.

    ``unchanged`` is true when a save found nothing new and returned the head instead.
    """

    journey_id: str
    number: int
    author: str
    created_at: dt.datetime
    message: str
    based_on: int | None
    unchanged: bool = False


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def snapshot(doc: JourneyDocument) -> dict[str, Any]:
    """What a revision stores: the canonical document without its own revision number, so two
    saves of the same content compare equal."""
    return document_data(doc.model_copy(update={"revision": None}))


def _encode(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def document_of(row: RevisionRow) -> JourneyDocument:
    """The journey document a revision holds, with ``revision`` set to its number."""
    # The same strict JSON validation a file import gets, straight from the stored text: one
    # pass in pydantic-core instead of parsing to Python objects, writing JSON again and
    # validating that (half the time of a map page seen for the first time).
    doc = JourneyDocument.model_validate_json(row.document, strict=True)
    # A snapshot has no revision of its own (see snapshot()); the number is the row's. The
    # field is a plain positive int, so setting it needs no second validation.
    return doc.model_copy(update={"revision": row.number})


def revision_info(row: RevisionRow, *, unchanged: bool = False) -> RevisionInfo:
    """The facts of a revision without its document."""
    return RevisionInfo(
        journey_id=row.journey_id,
        number=row.number,
        author=row.author,
        created_at=row.created_at,
        message=row.message,
        based_on=row.based_on,
        unchanged=unchanged,
    )


def find_journey(session: Session, journey_id: str) -> JourneyRow:
    """The journey's row; :class:`NotFoundError` naming the nearest existing id if none."""
    journey = session.get(JourneyRow, journey_id)
    if journey is not None:
        return journey
    suggestion = did_you_mean(journey_id, session.scalars(select(JourneyRow.id)).all())
    hint = f"did you mean {suggestion!r}?" if suggestion else "`journeykit journey list` shows them"
    raise NotFoundError(f"there is no journey {journey_id!r} in this workspace", hint=hint)


def find_revision(session: Session, journey: JourneyRow, number: int) -> RevisionRow:
    """Revision ``number`` of the journey; :class:`NotFoundError` if it has none such."""
    row = session.get(RevisionRow, (journey.id, number))
    if row is None:
        raise NotFoundError(
            f"journey {journey.id!r} has no revision {number}",
            hint=f"its revisions are 1 to {journey.head_revision}",
        )
    return row


def write_revision(
    session: Session, doc: JourneyDocument, *, author: str, message: str, base: int | None
) -> RevisionInfo:
    """Write ``doc`` as the next revision on top of ``base`` (``None`` for a new journey).

    Returns the head marked ``unchanged`` if ``doc`` has the head's content, else raises
    :class:`ConflictError` if ``base`` is not the head. Runs in the caller's transaction, which
    must be rolled back if this raises.
    """
    content = snapshot(doc)
    encoded = _encode(content)
    journey = session.get(JourneyRow, doc.journey.id)
    if journey is None:
        if base is not None:
            raise ConflictError(
                f"journey {doc.journey.id!r} does not exist in this workspace, but the save is "
                f"based on its revision {base}; nothing was saved",
                hint="save it as a new journey, or check the journey id",
                journey_id=doc.journey.id,
                base_revision=base,
            )
        return _create(session, doc, encoded, author=author, message=message)
    head = journey.head_revision
    head_row = find_revision(session, journey, head)
    # Content equal to the head overwrites nothing, whatever it was based on: re-importing the
    # same file is a no-op rather than a conflict.
    if _same_content(head_row.document, content, encoded):
        return revision_info(head_row, unchanged=True)
    if base is None:
        raise ConflictError(
            f"journey {journey.id!r} already exists (head revision {head}); nothing was saved",
            hint=FORCE_HINT,
            journey_id=journey.id,
            head_revision=head,
        )
    if base != head:
        raise _stale(journey.id, base, head)

    now = _now()
    number = head + 1
    # The head check above read without a lock; this UPDATE is the real guard. It moves the
    # head only if nobody else did since (a concurrent writer's UPDATE waits for ours, then
    # matches no row), and the revision's primary key refuses a duplicate number besides.
    moved = session.connection().execute(
        update(JourneyRow)
        .where(JourneyRow.id == journey.id, JourneyRow.head_revision == base)
        .values(
            head_revision=number,
            title=doc.journey.title,
            state=doc.journey.state,
            project_id=doc.journey.project_id,
            derived_from=doc.journey.derived_from,
            updated_at=now,
        )
    )
    if moved.rowcount != 1:
        current = session.scalar(
            select(JourneyRow.head_revision).where(JourneyRow.id == journey.id)
        )
        raise _stale(journey.id, base, current)
    return _append_revision(
        session, doc, encoded, number=number, base=base, author=author, message=message, now=now
    )


def _same_content(stored: str, content: dict[str, Any], encoded: str) -> bool:
    """Whether a stored snapshot holds ``content`` (``encoded`` is its text).

    Every snapshot is written by :func:`_encode` with the same settings, so equal content of
    a different length cannot be: only key order may differ between versions of the model.
    Most saves change something, and the length tells so without parsing the head again.
    """
    if stored == encoded:
        return True
    if len(stored) != len(encoded):
        return False
    loaded: dict[str, Any] = json.loads(stored)
    return loaded == content


def _create(
    session: Session, doc: JourneyDocument, encoded: str, *, author: str, message: str
) -> RevisionInfo:
    now = _now()
    journey = doc.journey
    session.add(
        JourneyRow(
            id=journey.id,
            project_id=journey.project_id,
            title=journey.title,
            state=journey.state,
            derived_from=journey.derived_from,
            head_revision=1,
            created_at=now,
            updated_at=now,
        )
    )
    # The journey row must exist before its revision can point at it.
    _flush(session, journey.id, None)
    return _append_revision(
        session, doc, encoded, number=1, base=None, author=author, message=message, now=now
    )


def _append_revision(
    session: Session,
    doc: JourneyDocument,
    encoded: str,
    *,
    number: int,
    base: int | None,
    author: str,
    message: str,
    now: dt.datetime,
) -> RevisionInfo:
    revision = RevisionRow(
        journey_id=doc.journey.id,
        number=number,
        author=author,
        created_at=now,
        message=message,
        based_on=base,
        document=encoded,
    )
    session.add(revision)
    _store_project(session, doc, now)
    _flush(session, doc.journey.id, base)
    return revision_info(revision)


def _store_project(session: Session, doc: JourneyDocument, now: dt.datetime) -> None:
    """Keep the projects table in step with the project the saved document carries."""
    project = doc.project
    if project is None:
        return
    data = _encode(project.model_dump(mode="json", exclude_defaults=True))
    row = session.get(ProjectRow, project.id)
    if row is None:
        session.add(
            ProjectRow(
                id=project.id, name=project.name, status=project.status, data=data, updated_at=now
            )
        )
        return
    if (row.name, row.status, row.data) != (project.name, project.status, data):
        row.name, row.status, row.data, row.updated_at = project.name, project.status, data, now


def _flush(session: Session, journey_id: str, base: int | None) -> None:
    """Flush, reporting a unique-key clash (a concurrent writer got there first) as a
    conflict."""
    try:
        session.flush()
    except IntegrityError as exc:
        raise ConflictError(
            f"journey {journey_id!r} was saved by someone else at the same time "
            f"(this save was based on {_based(base)}); nothing was saved",
            hint=FORCE_HINT,
            journey_id=journey_id,
            base_revision=base,
        ) from exc


def _based(base: int | None) -> str:
    return "no revision" if base is None else f"revision {base}"


def _stale(journey_id: str, base: int, head: int | None) -> ConflictError:
    now = f"is now revision {head}" if head is not None else "has just moved on"
    return ConflictError(
        f"journey {journey_id!r} has changed since revision {base}: its head {now}; "
        "nothing was saved",
        hint=FORCE_HINT,
        journey_id=journey_id,
        base_revision=base,
        head_revision=head,
    )
