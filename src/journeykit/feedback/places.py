"""Where on the map an answer belongs: a touchpoint or step of the workspace's journeys.

A file may name the place by id (``tp-warenkorb``, ``st-bezahlen``) or by the name a person
sees on the map ("Warenkorb", "Bezahlen und bestellen"), in any case and with or without
punctuation. An unknown name gets the closest known one as "did you mean".
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from journeykit.events.importers.headers import match_key
from journeykit.feedback.records import Response
from journeykit.model.document import JourneyDocument
from journeykit.model.errors import did_you_mean


@dataclass(frozen=True)
class Place:
    """A spot on a journey map: always a step, and a touchpoint where one was named."""

    journey_id: str
    journey_title: str
    phase_id: str
    phase_name: str
    step_id: str
    step_title: str
    touchpoint_id: str | None
    touchpoint_name: str | None
    channel: str | None
    order: int


@dataclass(frozen=True)
class PlaceIndex:
    """Every touchpoint and step of the workspace's journeys, by id and by name."""

    by_key: dict[str, Place]
    names: tuple[str, ...]

    @classmethod
    def of(cls, documents: Iterable[JourneyDocument]) -> PlaceIndex:
        """The places of these journey documents (the first journey wins a shared name)."""
        by_key: dict[str, Place] = {}
        names: list[str] = []
        order = 0
        for document in documents:
            journey = document.journey
            for phase, step in journey.steps():
                phase_name = phase.name.de or phase.name.en or phase.id
                step_place = Place(
                    journey.id, journey.title, phase.id, phase_name, step.id, step.title,
                    None, None, None, order,
                )  # fmt: skip
                order += 1
                for key in (step.id, step.title):
                    by_key.setdefault(match_key(key), step_place)
                names.append(step.title)
                for touchpoint in step.touchpoints:
                    place = Place(
                        journey.id, journey.title, phase.id, phase_name, step.id, step.title,
                        touchpoint.id, touchpoint.name, str(touchpoint.channel), order,
                    )  # fmt: skip
                    order += 1
                    for key in (touchpoint.id, touchpoint.name):
                        by_key.setdefault(match_key(key), place)
                    names.append(touchpoint.name)
        return cls(by_key, tuple(names))

    @property
    def empty(self) -> bool:
        """Whether the workspace has no journey with steps."""
        return not self.by_key

    def find(self, name: str) -> Place | None:
        """The place ``name`` means, by id or name."""
        return self.by_key.get(match_key(name))

    def suggest(self, name: str) -> str | None:
        """The known name closest to ``name``."""
        return did_you_mean(name, self.names)

    def within(self, text: str) -> Place | None:
        """A place whose name is one of ``text``'s parts, e.g. "CSAT: Warenkorb"."""
        # Imported here: the importers use this index, so a module-level import would loop.
        from journeykit.feedback.importers.columns import header_parts

        for part in header_parts(text):
            if (place := self.find(part)) is not None:
                return place
        key = match_key(text)
        # The longest name inside the text: "Zufriedenheit mit der Lieferung verfolgen".
        best: Place | None = None
        best_length = 0
        for candidate, place in self.by_key.items():
            if len(candidate) > max(best_length, 5) and candidate in key:
                best, best_length = place, len(candidate)
        return best

    def places(self) -> Sequence[Place]:
        """Every distinct place, in map order."""
        return sorted(set(self.by_key.values()), key=lambda p: p.order)


def placed(response: Response, place: Place | None) -> Response:
    """The response tied to ``place`` (journey, phase, step, touchpoint; its channel if the
    response names none)."""
    if place is None:
        return response
    return replace(
        response,
        journey_id=place.journey_id,
        phase_id=place.phase_id,
        step_id=place.step_id,
        touchpoint_id=place.touchpoint_id,
        channel=response.channel or place.channel,
    )
