"""Tiny workspaces with a journey map and an event log declared per customer."""

from __future__ import annotations

from pathlib import Path

from journeykit.events.rules import rules_from_journey
from journeykit.model import (
    EventMatch,
    Evidence,
    Journey,
    JourneyDocument,
    Phase,
    Step,
    Touchpoint,
)
from journeykit.model.base import LocalizedText
from journeykit.store import Workspace
from tests.events.journeys import Journey as Trail
from tests.events.journeys import event_store


def workspace_with(folder: Path, document: JourneyDocument, journeys: dict[str, Trail]) -> Path:
    """A workspace holding ``document`` and an event log of ``journeys``, mapped by the
    document's touchpoints."""
    with Workspace.create(folder, name="Insight test") as ws:
        ws.journeys().save(document, author="test", message="map", base_revision=None)
    if journeys:
        event_store(folder, journeys, rules_from_journey(document))
    return folder


def _step(step_id: str, event: str | None) -> Step:
    match = EventMatch(events=[event]) if event else None
    touchpoint = Touchpoint(
        id=f"tp-{step_id}", name=f"TP {step_id}", channel="web", mode="digital",
        ownership="direct", event_match=match,
    )  # fmt: skip
    return Step(id=step_id, title=f"Step {step_id}", touchpoints=[touchpoint])


def tiny_document() -> JourneyDocument:
    phases = [
        Phase(id="awareness", name=LocalizedText(en="Awareness", de="Bewusstsein"),
              steps=[_step("a", "a")]),
        Phase(id="consideration", name=LocalizedText(en="Consideration", de="Überlegung"),
              steps=[_step("b", "b"), _step("c", None)]),
        Phase(id="acquisition", name=LocalizedText(en="Acquisition", de="Kauf"),
              steps=[_step("d", "d")]),
    ]  # fmt: skip
    return JourneyDocument(
        format_version=1,
        journey=Journey(id="j", title="Kauf", state="as_is", phases=phases),
        evidence=[Evidence(id="ev-1", kind="quote", text="Ich vergleiche erst", step_ids=["b"])],
    )


#: k4 does b before a: it reaches both steps but does not convert from a to b.
TINY_TRAILS: dict[str, Trail] = {
    "k1": [(0, "a", "web"), (10, "b", "web"), (30, "d", "web")],
    "k2": [(0, "a", "web"), (5, "b", "web")],
    "k3": [(0, "a", "web")],
    "k4": [(0, "b", "web"), (1, "a", "web")],
}
