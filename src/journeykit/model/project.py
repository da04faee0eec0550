"""The project: what a journey-mapping effort is for and what it covers (method step 1)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from journeykit.model.base import Id, Record, Text, new_id

ProjectStatus = Literal["draft", "active", "paused", "completed", "archived"]


class Scope(Record):
    """The four scope questions of a project: who, what, where, when."""

    who: Text | None = None
    what: Text | None = None
    where: Text | None = None
    when: Text | None = None


class Project(Record):
    """A journey-mapping project with its goal, scope and owner."""

    id: Id = Field(default_factory=lambda: new_id("pr"))
    name: Text
    goal: Text | None = None
    scope: Scope = Field(default_factory=Scope)
    owner: Text | None = None
    status: ProjectStatus = "active"
