"""Journeys in the store: list, read, save, import, restore, derive and compare them.

Every save is a revision (see :mod:`journeykit.store.revisions`); every write runs in one
transaction under the workspace lock.
"""

from __future__ import annotations

import builtins
import datetime as dt
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import defer

from journeykit.model.derive import derive_to_be as derive_document
from journeykit.model.diff import JourneyDiff, diff_documents
from journeykit.model.document import JourneyDocument
from journeykit.model.fileformat import validate_document
from journeykit.store.database import Database
from journeykit.store.errors import ConflictError
from journeykit.store.revisions import (
    RevisionInfo,
    document_of,
    find_journey,
    find_revision,
    revision_info,
    write_revision,
)
from journeykit.store.tables import JourneyRow, RevisionRow

__all__ = ["JourneyStore", "JourneySummary", "RevisionInfo"]


@dataclass(frozen=True)
class JourneySummary:
    """One journey as a list shows it; ``revision`` is its head revision."""

    id: str
    title: str
    state: str
    revision: int
    project_id: str | None
    derived_from: str | None
    updated_at: dt.datetime


def _summary(row: JourneyRow) -> JourneySummary:
    return JourneySummary(
        id=row.id,
        title=row.title,
        state=row.state,
        revision=row.head_revision,
        project_id=row.project_id,
        derived_from=row.derived_from,
        updated_at=row.updated_at,
    )


class JourneyStore:
    """The journeys of one workspace. Get it from ``Workspace.journeys()``.

    Every write runs in one transaction under the workspace lock: it happens whole or not at
    all.
    """

    def __init__(
        self, database: Database, lock: Callable[[], AbstractContextManager[None]]
    ) -> None:
        self._database = database
        self._lock = lock

    # Reading

    def list(self) -> builtins.list[JourneySummary]:
        """Every journey, ordered by title (ignoring case) then id."""
        with self._database.reading() as session:
            rows = session.scalars(select(JourneyRow)).all()
            summaries = [_summary(row) for row in rows]
        # Sorted here, not in SQL: collations differ between SQLite and PostgreSQL servers.
        return sorted(summaries, key=lambda s: (s.title.casefold(), s.title, s.id))

    def exists(self, journey_id: str) -> bool:
        """Whether the workspace has a journey with this id."""
        with self._database.reading() as session:
            return session.get(JourneyRow, journey_id) is not None

    def get(self, journey_id: str, revision: int | None = None) -> JourneyDocument:
        """The journey document at ``revision`` (default: the head), with ``doc.revision`` set.

        Raises :class:`NotFoundError` (with the nearest existing id) if there is no such
        journey or revision.
        """
        with self._database.reading() as session:
            journey = find_journey(session, journey_id)
            number = journey.head_revision if revision is None else revision
            return document_of(find_revision(session, journey, number))

    def history(self, journey_id: str) -> builtins.list[RevisionInfo]:
        """Every revision of the journey, newest first."""
        with self._database.reading() as session:
            find_journey(session, journey_id)
            rows = session.scalars(
                select(RevisionRow)
                .where(RevisionRow.journey_id == journey_id)
                .order_by(RevisionRow.number.desc())
                .options(defer(RevisionRow.document))
            ).all()
            return [revision_info(row) for row in rows]

    def revision(self, journey_id: str, number: int) -> RevisionInfo:
        """Who saved revision ``number`` of the journey, when and why."""
        with self._database.reading() as session:
            return revision_info(find_revision(session, find_journey(session, journey_id), number))

    def diff(self, journey_id: str, old: int, new: int) -> JourneyDiff:
        """What changed in the journey from revision ``old`` to revision ``new``."""
        with self._database.reading() as session:
            journey = find_journey(session, journey_id)
            old_doc = document_of(find_revision(session, journey, old))
            new_doc = document_of(find_revision(session, journey, new))
        return diff_documents(old_doc, new_doc)

    # Writing

    def save(
        self, doc: JourneyDocument, *, author: str, message: str, base_revision: int | None
    ) -> RevisionInfo:
        """Store ``doc`` as the journey's next revision, on top of ``base_revision``.

        A new journey is saved with ``base_revision=None``. If the journey's head is not
        ``base_revision`` (someone saved in between, or the journey already exists) the save is
        refused with :class:`ConflictError`. Content identical to the head stores nothing and
        returns the head with ``unchanged=True``. An invalid document raises
        :class:`~journeykit.model.errors.DocumentInvalid`.
        """
        validate_document(doc)
        with self._lock(), self._database.writing() as session:
            return write_revision(session, doc, author=author, message=message, base=base_revision)

    def import_document(
        self, doc: JourneyDocument, *, author: str, message: str, force: bool = False
    ) -> RevisionInfo:
        """Store a document read from a file, as ``journeykit journey import`` does.

        A journey the workspace does not have yet is created (whatever ``doc.revision`` says).
        An existing one is updated only if the file was exported from its current head
        (``doc.revision``); ``force`` overwrites the head whatever the file is based on.
        """
        validate_document(doc)
        with self._lock(), self._database.writing() as session:
            journey = session.get(JourneyRow, doc.journey.id)
            if journey is None:
                base = None
            elif force:
                base = journey.head_revision
            elif doc.revision is None:
                raise ConflictError(
                    f"journey {journey.id!r} already exists (head revision "
                    f"{journey.head_revision}) and the file says no revision it was exported "
                    "from; nothing was saved",
                    hint="export the journey, edit the export and import that, "
                    "or use --force to overwrite it",
                    journey_id=journey.id,
                    head_revision=journey.head_revision,
                )
            else:
                base = doc.revision
            return write_revision(session, doc, author=author, message=message, base=base)

    def restore(
        self, journey_id: str, number: int, *, author: str, message: str | None = None
    ) -> RevisionInfo:
        """Make the content of revision ``number`` the journey's head again, as a new revision
        (history is never rewritten)."""
        with self._lock(), self._database.writing() as session:
            journey = find_journey(session, journey_id)
            doc = document_of(find_revision(session, journey, number))
            return write_revision(
                session,
                doc,
                author=author,
                message=message or f"Restore revision {number}",
                base=journey.head_revision,
            )

    def derive_to_be(
        self,
        journey_id: str,
        *,
        author: str,
        new_id: str | None = None,
        title: str | None = None,
    ) -> RevisionInfo:
        """Create a to-be journey from the head of as-is journey ``journey_id``.

        Its first revision is the derived document; ``new_id`` and ``title`` default to what
        ``journeykit.model.derive.derive_to_be`` chooses.
        """
        with self._lock(), self._database.writing() as session:
            source = find_journey(session, journey_id)
            derived = derive_document(
                document_of(find_revision(session, source, source.head_revision)),
                journey_id=new_id,
                title=title,
            )
            validate_document(derived)
            if session.get(JourneyRow, derived.journey.id) is not None:
                raise ConflictError(
                    f"journey {derived.journey.id!r} already exists; nothing was saved",
                    hint="choose another id for the to-be journey",
                    journey_id=derived.journey.id,
                )
            message = f"Derived from {journey_id} revision {source.head_revision}"
            return write_revision(session, derived, author=author, message=message, base=None)
