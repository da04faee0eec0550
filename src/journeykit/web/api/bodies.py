"""Request bodies of the API: every write names the revision it is based on."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class Write(BaseModel):
    """A write based on ``base_revision``; a stale base is refused with 409."""

    model_config = ConfigDict(extra="forbid")

    base_revision: int = Field(ge=1, description="The head revision the change was made on.")


class PhaseIn(Write):
    """A phase's names; one of them is enough."""

    name_de: str | None = None
    name_en: str | None = None
    position: int | None = Field(default=None, ge=0)


class StepIn(Write):
    """A new step in a phase."""

    phase_id: str
    title: str
    position: int | None = Field(default=None, ge=0)


class StepChange(Write):
    """A step's new title and, optionally, description."""

    title: str
    description: str | None = None


class PhaseMove(Write):
    """Where a phase goes."""

    position: int = Field(ge=0)


class StepMove(Write):
    """Where a step goes: a phase and a place in it."""

    phase_id: str
    position: int = Field(ge=0)


class ItemIn(Write):
    """A new lane item."""

    text: str
    position: int | None = Field(default=None, ge=0)


class ItemChange(Write):
    """A lane item's new text."""

    text: str


class ItemMove(Write):
    """Where a lane item goes: a step, a lane and a place in it."""

    step_id: str
    lane: str
    position: int = Field(ge=0)


class EmotionIn(Write):
    """How a persona feels at a step."""

    score: int = Field(ge=-2, le=2)
    rating: Literal["delighting", "okay", "disappointing"] | None = None


class RestoreIn(BaseModel):
    """Which revision to restore."""

    model_config = ConfigDict(extra="forbid")

    revision: int = Field(ge=1)


class ManyWrite(BaseModel):
    """A write across journeys, based on each journey's head revision."""

    model_config = ConfigDict(extra="forbid")

    bases: dict[str, int] = Field(description="Journey id → the head revision it was read at.")


class ProjectChange(ManyWrite):
    """A project's name, goal, owner and scope."""

    name: str
    goal: str | None = None
    owner: str | None = None
    who: str | None = None
    what: str | None = None
    where: str | None = None
    when: str | None = None


class PersonaChange(ManyWrite):
    """A persona's fields; list fields take one entry per line."""

    name: str
    scenario: str | None = None
    quote: str | None = None
    goals: str | None = None
    motivations: str | None = None
    challenges: str | None = None
    information_behaviour: str | None = None


class JourneyIn(BaseModel):
    """A new, empty journey with the default phases."""

    model_config = ConfigDict(extra="forbid")

    title: str
    project_id: str | None = None
    include_optional_phases: bool = True


class PersonaIn(ManyWrite):
    """A new persona for every journey of a project."""

    name: str
    scenario: str | None = None


class TouchpointIn(Write):
    """A new touchpoint at a step."""

    name: str
    channel: str = Field(description="web, app, email, phone, store, price_comparison, …")
    mode: Literal["digital", "personal"]
    ownership: Literal["direct", "indirect"]


class TouchpointChange(Write):
    """A touchpoint's new name."""

    name: str


class TouchpointMove(Write):
    """Where a touchpoint goes among its step's touchpoints."""

    position: int = Field(ge=0)


class ProjectIn(BaseModel):
    """A new project; its first journey is titled like it unless ``journey_title`` says."""

    model_config = ConfigDict(extra="forbid")

    name: str
    goal: str | None = None
    journey_title: str | None = None
    include_optional_phases: bool = True
