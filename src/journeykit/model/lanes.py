"""The lanes of a step: what the customer does, thinks, feels, needs; what happens backstage."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from journeykit.model.base import EmotionScore, Id, Record, Text, new_id

Rating = Literal["delighting", "okay", "disappointing"]


class LaneItem(Record):
    """One entry in a text lane: an action, thought, need, pain point and so on."""

    id: Id = Field(default_factory=lambda: new_id("it"))
    text: Text


class Emotion(Record):
    """How one persona feels at a step: a score from -2 to +2 and the customer's own rating."""

    persona_id: Id
    score: EmotionScore
    rating: Rating | None = None
    note: Text | None = None


#: The text lanes in the order a map shows them, with English and German labels.
TEXT_LANES: dict[str, tuple[str, str]] = {
    "actions": ("Actions", "Aktionen"),
    "thoughts": ("Thoughts", "Gedanken"),
    "needs": ("Needs", "Bedürfnisse"),
    "pain_points": ("Pain points", "Painpoints"),
    "love_points": ("Love points", "Lovepoints"),
    "opportunities": ("Opportunities", "Optimierungspotenziale"),
    "frontstage": ("Frontstage", "Frontstage"),
    "backstage": ("Backstage", "Backstage"),
    "support_processes": ("Support processes", "Unterstützungsprozesse"),
}

RATING_LABELS: dict[str, tuple[str, str]] = {
    "delighting": ("delighting", "begeisternd"),
    "okay": ("okay", "okay"),
    "disappointing": ("disappointing", "enttäuschend"),
}


class Lanes(Record):
    """All lanes of one step. Emotions hold one entry per persona."""

    actions: list[LaneItem] = Field(default_factory=list)
    thoughts: list[LaneItem] = Field(default_factory=list)
    emotions: list[Emotion] = Field(default_factory=list)
    needs: list[LaneItem] = Field(default_factory=list)
    pain_points: list[LaneItem] = Field(default_factory=list)
    love_points: list[LaneItem] = Field(default_factory=list)
    opportunities: list[LaneItem] = Field(default_factory=list)
    frontstage: list[LaneItem] = Field(default_factory=list)
    backstage: list[LaneItem] = Field(default_factory=list)
    support_processes: list[LaneItem] = Field(default_factory=list)

    def text_lane(self, name: str) -> list[LaneItem]:
        """The items of the text lane called ``name`` (one of :data:`TEXT_LANES`)."""
        if name not in TEXT_LANES:
            raise KeyError(name)
        items: list[LaneItem] = getattr(self, name)
        return items
