"""Who changed what and when: the revision history joined with the audit log.

Revisions say who saved which state of a journey; the audit log holds the rest (logins,
grants, tokens and, later, share links and comments). One list, newest first, per journey
or per account; the audit page and its JSON twin both come from here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from journeykit.store import Workspace
from journeykit.store.audit import AuditEvent

#: How many entries of each source a history shows at most.
LIMIT = 500


@dataclass(frozen=True)
class HistoryEntry:
    """One line of an audit history: a saved revision or a recorded action."""

    at: dt.datetime
    actor: str | None
    action: str
    journey_id: str | None = None
    journey_title: str | None = None
    revision: int | None = None
    message: str = ""
    subject: str | None = None
    project_id: str | None = None
    address: str | None = None

    def as_data(self) -> dict[str, Any]:
        """The entry as the API returns it."""
        return {
            "at": self.at.isoformat(),
            "actor": self.actor,
            "action": self.action,
            "journey_id": self.journey_id,
            "journey_title": self.journey_title,
            "revision": self.revision,
            "message": self.message,
            "subject": self.subject,
            "project_id": self.project_id,
            "address": self.address,
        }


def _from_event(event: AuditEvent, *, with_address: bool) -> HistoryEntry:
    return HistoryEntry(
        at=event.at,
        actor=event.actor,
        action=event.action,
        journey_id=event.journey_id,
        message=event.detail,
        subject=event.subject,
        project_id=event.project_id,
        address=event.address if with_address else None,
    )


def _newest_first(entries: list[HistoryEntry]) -> list[HistoryEntry]:
    return sorted(entries, key=lambda e: e.at, reverse=True)


def journey_history(ws: Workspace, journey_id: str) -> list[HistoryEntry]:
    """Every revision of the journey and every recorded action on it, newest first."""
    doc = ws.journeys().get(journey_id)
    entries = [
        HistoryEntry(
            at=info.created_at,
            actor=info.author,
            action="revision",
            journey_id=journey_id,
            journey_title=doc.journey.title,
            revision=info.number,
            message=info.message,
        )
        for info in ws.journeys().history(journey_id)[:LIMIT]
    ]
    events = ws.audit().events(journey_id=journey_id, limit=LIMIT)
    entries += [_from_event(event, with_address=False) for event in events]
    return _newest_first(entries)


def account_history(ws: Workspace, name: str) -> list[HistoryEntry]:
    """Every revision the account saved and every action it did or that concerned it (with
    the address of logins), newest first."""
    account = ws.accounts().get(name)
    entries = [
        HistoryEntry(
            at=authored.info.created_at,
            actor=authored.info.author,
            action="revision",
            journey_id=authored.journey_id,
            journey_title=authored.journey_title,
            revision=authored.info.number,
            message=authored.info.message,
        )
        for authored in ws.audit().revisions_by(account.name, limit=LIMIT)
    ]
    events = ws.audit().events(account=account.name, limit=LIMIT)
    entries += [_from_event(event, with_address=True) for event in events]
    return _newest_first(entries)
