"""Touchpoints: where customer and company meet, and how to find them in the event log."""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import Field, StringConstraints, model_validator
from pydantic_core import PydanticCustomError

from journeykit.model.base import Id, Rating, Record, Text, new_id

#: A channel in lower case, e.g. ``web``, ``email``, ``phone``, ``store``, ``price_comparison``.
Channel = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]{0,39}$")]

#: Channels that the renderers know an icon for; any other channel name is allowed too.
KNOWN_CHANNELS = (
    "web",
    "app",
    "email",
    "phone",
    "store",
    "social",
    "search",
    "advert",
    "price_comparison",
    "review_site",
    "word_of_mouth",
    "chat",
    "letter",
    "parcel",
    "support",
)

Mode = Literal["digital", "personal"]
Ownership = Literal["direct", "indirect"]
PatternSyntax = Literal["exact", "glob", "regex"]


class EventMatch(Record):
    """Which events of the event log belong to a touchpoint.

    An event matches when its name matches one of ``events`` (if any are given), its channel one
    of ``channels`` (if any) and every listed property; ``syntax`` says how patterns are read.
    """

    events: list[Text] = Field(default_factory=list)
    channels: list[Text] = Field(default_factory=list)
    properties: dict[str, str] = Field(default_factory=dict)
    syntax: PatternSyntax = "exact"

    @model_validator(mode="after")
    def _patterns_are_valid(self) -> EventMatch:
        if not (self.events or self.channels or self.properties):
            raise PydanticCustomError(
                "empty_match", "needs at least one of events, channels or properties"
            )
        if self.syntax == "regex":
            for pattern in [*self.events, *self.channels, *self.properties.values()]:
                try:
                    re.compile(pattern)
                except re.error as exc:
                    raise PydanticCustomError(
                        "invalid_pattern",
                        "regular expression {pattern!r} is invalid: {reason}",
                        {"pattern": pattern, "reason": str(exc)},
                    ) from exc
        return self


class Touchpoint(Record):
    """A point of contact in a step: its channel, whether digital or personal, and who owns it."""

    id: Id = Field(default_factory=lambda: new_id("tp"))
    name: Text
    channel: Channel
    mode: Mode
    ownership: Ownership
    importance: Rating | None = None
    event_match: EventMatch | None = None
