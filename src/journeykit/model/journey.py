"""The journey: ordered phases, ordered steps per phase, and the default phase set."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

from pydantic import Field

from journeykit.model.base import Id, LocalizedText, Record, Text, new_id
from journeykit.model.lanes import Lanes
from journeykit.model.touchpoint import Touchpoint

JourneyState = Literal["as_is", "to_be"]


class Step(Record):
    """A customer activity: the horizontal axis of the map."""

    id: Id = Field(default_factory=lambda: new_id("st"))
    title: Text
    description: Text | None = None
    touchpoints: list[Touchpoint] = Field(default_factory=list)
    lanes: Lanes = Field(default_factory=Lanes)


class Phase(Record):
    """A coarse stage of the journey holding its steps in time order."""

    id: Id = Field(default_factory=lambda: new_id("ph"))
    name: LocalizedText
    description: Text | None = None
    optional: bool = False
    steps: list[Step] = Field(default_factory=list)


#: The default phases in order: (id, English, German, optional).
DEFAULT_PHASES: tuple[tuple[str, str, str, bool], ...] = (
    ("unawareness", "Unawareness", "Unwissenheit", True),
    ("awareness", "Awareness", "Bewusstsein", False),
    ("consideration", "Consideration", "Überlegung", False),
    ("acquisition", "Acquisition", "Kauf", False),
    ("service", "Service", "Nutzung", False),
    ("loyalty", "Loyalty", "Loyalität", False),
    ("non_retention", "Non-Retention", "Abwanderung", True),
)


def default_phases(*, include_optional: bool = True) -> list[Phase]:
    """Fresh, empty phases of the default set; ids are the phase keys (``awareness``, …)."""
    return [
        Phase(id=key, name=LocalizedText(en=en, de=de), optional=optional)
        for key, en, de, optional in DEFAULT_PHASES
        if include_optional or not optional
    ]


class Journey(Record):
    """A customer journey, as it is (``as_is``) or as it should be (``to_be``)."""

    id: Id = Field(default_factory=lambda: new_id("jo"))
    title: Text
    description: Text | None = None
    project_id: Id | None = None
    state: JourneyState
    derived_from: Id | None = None
    persona_ids: list[Id] = Field(default_factory=list)
    phases: list[Phase] = Field(default_factory=list)

    def steps(self) -> Iterator[tuple[Phase, Step]]:
        """Every step in map order, with the phase it belongs to."""
        for phase in self.phases:
            for step in phase.steps:
                yield phase, step

    def step_count(self) -> int:
        """How many steps the journey has over all phases."""
        return sum(len(phase.steps) for phase in self.phases)
