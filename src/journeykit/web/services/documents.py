"""Reading journeys, with parsed revisions kept: a revision never changes once saved."""

from __future__ import annotations

import threading
from collections import OrderedDict

from journeykit.model.document import JourneyDocument
from journeykit.store import JourneySummary, Workspace
from journeykit.web.services.actor import Actor


class DocumentCache:
    """Parsed journey documents by workspace, journey and revision.

    A revision never changes once saved, so a parsed document can be reused until it falls out
    of the cache; only the head's number is read from the store on each request. Callers never
    mutate what they get (the edits copy first).
    """

    def __init__(self, size: int = 32) -> None:
        self._size = size
        self._documents: OrderedDict[tuple[str, str, int], JourneyDocument] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: tuple[str, str, int]) -> JourneyDocument | None:
        """The cached document, if any."""
        with self._lock:
            doc = self._documents.get(key)
            if doc is not None:
                self._documents.move_to_end(key)
            return doc

    def clear(self) -> None:
        """Forget every document."""
        with self._lock:
            self._documents.clear()

    def put(self, key: tuple[str, str, int], doc: JourneyDocument) -> None:
        """Remember ``doc``, forgetting the least recently used one beyond the size."""
        with self._lock:
            self._documents[key] = doc
            self._documents.move_to_end(key)
            while len(self._documents) > self._size:
                self._documents.popitem(last=False)


DOCUMENTS = DocumentCache()


def list_journeys(ws: Workspace) -> list[JourneySummary]:
    """Every journey of the workspace, ordered by title."""
    return ws.journeys().list()


def readable_journeys(ws: Workspace, actor: Actor) -> list[str]:
    """The ids of the journeys ``actor`` may read (a role in their project, or admin)."""
    return [s.id for s in list_journeys(ws) if actor.may("viewer", s.project_id)]


def head_revision(
    ws: Workspace, journey_id: str, summaries: list[JourneySummary] | None = None
) -> int:
    """The journey's head revision (from ``summaries`` when the caller has listed them
    already); not found names the nearest journey id."""
    for summary in summaries if summaries is not None else ws.journeys().list():
        if summary.id == journey_id:
            return summary.revision
    ws.journeys().get(journey_id)  # raises the not-found error with its suggestion
    raise AssertionError("unreachable")  # pragma: no cover


def get_journey(ws: Workspace, journey_id: str, revision: int | None = None) -> JourneyDocument:
    """The journey document at ``revision`` (default: the head)."""
    number = revision if revision is not None else head_revision(ws, journey_id)
    key = (str(ws.path), journey_id, number)
    doc = DOCUMENTS.get(key)
    if doc is None:
        doc = ws.journeys().get(journey_id, number)
        DOCUMENTS.put(key, doc)
    return doc
