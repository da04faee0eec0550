"""Places of a journey map as the event log and the feedback know them.

A step of the map stands for all of its touchpoints, a phase for all of its steps; the event
log names each event's touchpoint (from the touchpoint rules), the feedback each answer's
journey, phase, step and touchpoint. "Measurable" steps are those with a touchpoint that
occurs in the event log: the ones a conversion or a time can run between.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from journeykit.insight.errors import NoData
from journeykit.model.document import JourneyDocument
from journeykit.model.errors import NotFoundError, did_you_mean

PlaceKind = Literal["journey", "phase", "step", "touchpoint"]


@dataclass(frozen=True)
class Place:
    """A phase, step or touchpoint of a map (or the whole journey) and its touchpoint ids."""

    kind: PlaceKind
    id: str
    name: str
    touchpoints: frozenset[str]


@dataclass(frozen=True)
class MapPlaces:
    """Every place of one journey map, in map order."""

    document: JourneyDocument
    places: dict[str, Place]
    step_order: tuple[str, ...]
    step_phase: dict[str, str]
    touchpoint_step: dict[str, str]

    @classmethod
    def of(cls, document: JourneyDocument) -> MapPlaces:
        """The places of ``document``."""
        journey = document.journey
        places: dict[str, Place] = {}
        order: list[str] = []
        step_phase: dict[str, str] = {}
        touchpoint_step: dict[str, str] = {}
        for phase in journey.phases:
            phase_tps: set[str] = set()
            for step in phase.steps:
                tps = frozenset(t.id for t in step.touchpoints)
                places[step.id] = Place("step", step.id, step.title, tps)
                order.append(step.id)
                step_phase[step.id] = phase.id
                phase_tps |= tps
                for touchpoint in step.touchpoints:
                    places[touchpoint.id] = Place(
                        "touchpoint", touchpoint.id, touchpoint.name, frozenset({touchpoint.id})
                    )
                    touchpoint_step[touchpoint.id] = step.id
            name = phase.name.text("en")
            places[phase.id] = Place("phase", phase.id, name, frozenset(phase_tps))
        everything = frozenset(touchpoint_step)
        places[journey.id] = Place("journey", journey.id, journey.title, everything)
        return cls(document, places, tuple(order), step_phase, touchpoint_step)

    def get(self, place_id: str, *, kinds: tuple[PlaceKind, ...] | None = None) -> Place:
        """The place ``place_id``; an unknown id is an error naming the closest one."""
        place = self.places.get(place_id)
        if place is None or (kinds is not None and place.kind not in kinds):
            candidates = [p.id for p in self.places.values() if kinds is None or p.kind in kinds]
            suggestion = did_you_mean(place_id, candidates)
            wanted = " or ".join(kinds) if kinds else "phase, step or touchpoint"
            raise NotFoundError(
                f"journey {self.document.journey.id!r} has no {wanted} {place_id!r}",
                hint=f"did you mean {suggestion!r}?" if suggestion else None,
            )
        return place

    def measurable_steps(self, logged: frozenset[str]) -> list[str]:
        """Steps (in map order) with a touchpoint among the ``logged`` touchpoint ids."""
        return [s for s in self.step_order if self.places[s].touchpoints & logged]

    def step_of(self, place: Place) -> str | None:
        """The step a step or touchpoint belongs to (None for phases and the journey)."""
        if place.kind == "step":
            return place.id
        if place.kind == "touchpoint":
            return self.touchpoint_step[place.id]
        return None

    def steps_of_phase(self, phase_id: str, logged: frozenset[str]) -> list[str]:
        """The measurable steps of a phase, in map order."""
        return [s for s in self.measurable_steps(logged) if self.step_phase[s] == phase_id]

    def neighbour(self, step_id: str, logged: frozenset[str], offset: int) -> str:
        """The measurable step ``offset`` places before (−1) or after (+1) ``step_id``."""
        steps = self.measurable_steps(logged)
        if step_id not in steps:
            raise NoData(
                f"step {step_id!r} has no touchpoint that occurs in the event log",
                hint="give its touchpoints an event_match, or map events to them in "
                "touchpoint-rules.yaml",
            )
        index = steps.index(step_id) + offset
        if not 0 <= index < len(steps):
            where = "before" if offset < 0 else "after"
            raise NoData(
                f"no step with event data comes {where} step {step_id!r} on the map",
                hint="name the places with from_id and to_id",
            )
        return steps[index]
