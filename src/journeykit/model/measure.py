"""Measures: improvements with impact, effort, owner and status (method step 7)."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from journeykit.model.base import Id, Rating, Record, Text, new_id

MeasureStatus = Literal["idea", "planned", "in_progress", "done", "dropped"]

#: A quick win has at least this impact and at most QUICK_WIN_EFFORT effort.
QUICK_WIN_IMPACT = 4
QUICK_WIN_EFFORT = 2


class MeasureControl(Record):
    """What the measure did not touch, for a difference-in-differences of its KPI.

    Either a ``segment`` of customers (a filter over customer attributes, e.g.
    ``basket_value < 120``: the KPI of the others is the treated one), or a ``step_id`` or
    ``touchpoint_id`` where the same kind of KPI is measured as a control.
    """

    segment: Text | None = None
    step_id: Id | None = None
    touchpoint_id: Id | None = None

    @model_validator(mode="after")
    def _exactly_one(self) -> MeasureControl:
        given = [v for v in (self.segment, self.step_id, self.touchpoint_id) if v is not None]
        if len(given) != 1:
            raise PydanticCustomError(
                "invalid_value", "a control names exactly one of segment, step_id, touchpoint_id"
            )
        return self


class Measure(Record):
    """An improvement targeting steps, meant to move one KPI."""

    id: Id = Field(default_factory=lambda: new_id("me"))
    title: Text
    description: Text | None = None
    step_ids: list[Id] = Field(default_factory=list)
    kpi_id: Id | None = None
    impact: Rating
    effort: Rating
    owner: Text | None = None
    status: MeasureStatus = "idea"
    start_date: dt.date | None = None
    due_date: dt.date | None = None
    go_live_date: dt.date | None = None
    control: MeasureControl | None = None

    @property
    def quick_win(self) -> bool:
        """High impact for low effort; derived, never stored."""
        return self.impact >= QUICK_WIN_IMPACT and self.effort <= QUICK_WIN_EFFORT
