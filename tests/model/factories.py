"""Small journey documents declared inline, so expected results can be checked by hand."""

from __future__ import annotations

from journeykit.model import (
    Emotion,
    Journey,
    JourneyDocument,
    LaneItem,
    Lanes,
    LocalizedText,
    Persona,
    Phase,
    Step,
)


def step(step_id: str, title: str, *pains: str, emotion: int | None = None) -> Step:
    """A step with pain points ``pains`` (ids ``<step_id>-pain<n>``) and an optional emotion."""
    lanes = Lanes(
        pain_points=[LaneItem(id=f"{step_id}-pain{i}", text=t) for i, t in enumerate(pains)],
        emotions=[Emotion(persona_id="anna", score=emotion)] if emotion is not None else [],
    )
    return Step(id=step_id, title=title, lanes=lanes)


def document(**phases: list[Step]) -> JourneyDocument:
    """A journey whose phases are the keyword names, in order, holding the given steps."""
    return JourneyDocument(
        format_version=1,
        personas=[Persona(id="anna", name="Anna")],
        journey=Journey(
            id="j",
            title="Kauf",
            state="as_is",
            persona_ids=["anna"],
            phases=[
                Phase(id=name, name=LocalizedText(en=name.title()), steps=steps)
                for name, steps in phases.items()
            ],
        ),
    )
