"""Tiny workspaces with a journey map and an event log declared per customer."""

from __future__ import annotations

from pathlib import Path

from journeykit.events.rules import rules_from_journey
from journeykit.model import JourneyDocument
from journeykit.store import Workspace
from tests.events.journeys import Journey, event_store


def workspace_with(folder: Path, document: JourneyDocument, journeys: dict[str, Journey]) -> Path:
    """A workspace holding ``document`` and an event log of ``journeys``, mapped by the
    document's touchpoints."""
    with Workspace.create(folder, name="Insight test") as ws:
        ws.journeys().save(document, author="test", message="map", base_revision=None)
    if journeys:
        event_store(folder, journeys, rules_from_journey(document))
    return folder
