"""Which personas a customer belongs to: by the persona column of the feedback, or by the
persona's segment over the customer attributes of the workspace's event log."""

from __future__ import annotations

from pathlib import Path

from journeykit.model.persona import Persona
from journeykit.store import Workspace


def workspace_personas(ws: Workspace) -> list[Persona]:
    """Every persona of the workspace's journeys, each once."""
    journeys = ws.journeys()
    found: dict[str, Persona] = {}
    for summary in journeys.list():
        for persona in journeys.get(summary.id).personas:
            found.setdefault(persona.id, persona)
    return list(found.values())


def segment_members(folder: Path, personas: list[Persona]) -> dict[str, set[str]]:
    """Persona id → the customer ids whose attributes pass its segment (personas without a
    segment, or a workspace without customer attributes, give none)."""
    from journeykit.events.store import EventStore

    with_segment = [p for p in personas if p.segment is not None]
    if not with_segment or not EventStore(folder).exists():
        return {}
    from journeykit.events.engine import Engine
    from journeykit.events.filters import from_segment
    from journeykit.events.filters.compile import to_ibis

    engine = Engine.for_workspace(folder)
    try:
        if not engine.has_table("attributes"):
            return {}
        attributes = engine.table("attributes")
        members: dict[str, set[str]] = {}
        for persona in with_segment:
            assert persona.segment is not None
            chosen = attributes.filter(to_ibis(from_segment(persona.segment), attributes))
            ids = engine.execute(chosen.select("customer_id")).column("customer_id").to_pylist()
            members[persona.id] = {str(i) for i in ids}
        return members
    finally:
        engine.close()
