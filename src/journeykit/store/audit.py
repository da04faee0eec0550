"""The audit log: what was done that is no journey revision (logins, failed logins, grants,
tokens; share links and comments later), and the revisions an account saved.

Revisions already say who saved what and when; the audit log adds the rest, and
:func:`journeykit.web.services.audit` joins both into one history.
"""

from __future__ import annotations

import builtins
import datetime as dt
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass

from sqlalchemy import func, or_, select
from sqlalchemy.orm import defer

from journeykit.store.database import Database
from journeykit.store.revisions import RevisionInfo, revision_info
from journeykit.store.tables import AuditEventRow, JourneyRow, RevisionRow

#: The actions the application records; other helpers' features add theirs here.
AUDIT_ACTIONS = (
    "login",
    "login_failed",
    "login_throttled",
    "logout",
    "account_created",
    "account_deleted",
    "admin_granted",
    "admin_revoked",
    "password_changed",
    "password_reset",
    "grant",
    "revoke",
    "token_created",
    "token_revoked",
)


@dataclass(frozen=True)
class AuditEvent:
    """One recorded action."""

    id: int
    at: dt.datetime
    action: str
    actor: str | None
    subject: str | None
    project_id: str | None
    journey_id: str | None
    address: str | None
    detail: str


@dataclass(frozen=True)
class AuthoredRevision:
    """A revision with the journey it belongs to (an account's history spans journeys)."""

    journey_id: str
    journey_title: str
    info: RevisionInfo


def _event(row: AuditEventRow) -> AuditEvent:
    return AuditEvent(
        row.id,
        row.at,
        row.action,
        row.actor,
        row.subject,
        row.project_id,
        row.journey_id,
        row.address,
        row.detail,
    )


class AuditLog:
    """The audit log of one workspace. Get it from ``Workspace.audit()``."""

    def __init__(
        self, database: Database, lock: Callable[[], AbstractContextManager[None]]
    ) -> None:
        self._database = database
        self._lock = lock

    def record(
        self,
        action: str,
        *,
        actor: str | None,
        subject: str | None = None,
        project_id: str | None = None,
        journey_id: str | None = None,
        address: str | None = None,
        detail: str = "",
    ) -> AuditEvent:
        """Write one event, dated now. Never pass a password or token in ``detail``."""
        with self._lock(), self._database.writing() as session:
            row = AuditEventRow(
                at=dt.datetime.now(dt.UTC),
                action=action,
                actor=actor,
                subject=subject,
                project_id=project_id,
                journey_id=journey_id,
                address=address,
                detail=detail,
            )
            session.add(row)
            session.flush()
            return _event(row)

    def events(
        self,
        *,
        journey_id: str | None = None,
        account: str | None = None,
        limit: int = 500,
    ) -> builtins.list[AuditEvent]:
        """The newest events, of one journey or involving one account (as actor or subject)."""
        query = select(AuditEventRow)
        if journey_id is not None:
            query = query.where(AuditEventRow.journey_id == journey_id)
        if account is not None:
            # Login events name their subject casefolded, as it was typed.
            query = query.where(
                or_(
                    AuditEventRow.actor == account,
                    AuditEventRow.subject == account,
                    AuditEventRow.subject == account.casefold(),
                )
            )
        with self._database.reading() as session:
            rows = session.scalars(
                query.order_by(AuditEventRow.at.desc(), AuditEventRow.id.desc()).limit(limit)
            ).all()
            return [_event(row) for row in rows]

    def latest(self, action: str, *, subject: str) -> AuditEvent | None:
        """The newest ``action`` event about ``subject``, if there is one."""
        with self._database.reading() as session:
            row = session.scalars(
                select(AuditEventRow)
                .where(AuditEventRow.action == action, AuditEventRow.subject == subject)
                .order_by(AuditEventRow.at.desc(), AuditEventRow.id.desc())
                .limit(1)
            ).first()
            return _event(row) if row is not None else None

    def count_since(
        self,
        action: str,
        since: dt.datetime,
        *,
        subject: str | None = None,
        address: str | None = None,
    ) -> int:
        """How many ``action`` events happened since ``since`` (for one subject or address)."""
        query = select(func.count()).where(
            AuditEventRow.action == action, AuditEventRow.at >= since
        )
        if subject is not None:
            query = query.where(AuditEventRow.subject == subject)
        if address is not None:
            query = query.where(AuditEventRow.address == address)
        with self._database.reading() as session:
            return int(session.scalar(query) or 0)

    def revisions_by(self, author: str, *, limit: int = 500) -> builtins.list[AuthoredRevision]:
        """The newest revisions ``author`` saved, across journeys."""
        with self._database.reading() as session:
            rows = session.execute(
                select(RevisionRow, JourneyRow.title)
                .join(JourneyRow, JourneyRow.id == RevisionRow.journey_id)
                .where(RevisionRow.author == author)
                .order_by(RevisionRow.created_at.desc())
                .options(defer(RevisionRow.document))
                .limit(limit)
            ).all()
            return [
                AuthoredRevision(row.journey_id, title, revision_info(row)) for row, title in rows
            ]
