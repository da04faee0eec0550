"""Request bodies for evidence, hypotheses, measures and KPIs.

A new fact (``…In``) names every field a form shows; a change (``…Change``) names only the
fields it changes. Values are checked by the service (``services/fact_fields.py``), which
answers a wrong one with 422 naming the field in the reader's language, so the types here
are loose on purpose (a rating of 7 reaches the service and is refused there, in German or
English, rather than by a generic schema message).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import Field

from journeykit.web.api.bodies import Write

Ids = list[str]


class FactWrite(Write):
    """A write of a fact based on ``base_revision``."""

    def values(self) -> dict[str, Any]:
        """The fact's fields this body names (every one for a new fact)."""
        return self.model_dump(exclude={"base_revision"}, exclude_unset=True)


class NewFact(FactWrite):
    """A new fact: fields left out are empty."""

    def values(self) -> dict[str, Any]:
        """Every field of the fact, the missing ones empty."""
        return self.model_dump(exclude={"base_revision"})


class EvidenceIn(NewFact):
    """New evidence: a text or a link, its kind and source, and the steps it backs."""

    kind: str = Field(description="quote, observation, interview, survey, review, photo, …")
    text: str | None = None
    link: str | None = None
    source: str | None = None
    date: dt.date | str | None = None
    step_ids: Ids = Field(default_factory=list)


class EvidenceChange(FactWrite):
    """Changed fields of a piece of evidence."""

    kind: str | None = None
    text: str | None = None
    link: str | None = None
    source: str | None = None
    date: dt.date | str | None = None
    step_ids: Ids | None = None


class HypothesisIn(NewFact):
    """A new hypothesis: a testable statement, its metric and the evidence behind it."""

    statement: str
    metric: str | None = None
    expected_direction: str | None = Field(default=None, description="increase, decrease, …")
    status: str = "open"
    step_ids: Ids = Field(default_factory=list)
    evidence_ids: Ids = Field(default_factory=list)


class HypothesisChange(FactWrite):
    """Changed fields of a hypothesis."""

    statement: str | None = None
    metric: str | None = None
    expected_direction: str | None = None
    status: str | None = None
    step_ids: Ids | None = None
    evidence_ids: Ids | None = None


class MeasureIn(NewFact):
    """A new measure: impact and effort from 1 to 5, owner, status, dates, KPI, steps."""

    title: str
    description: str | None = None
    impact: int | str
    effort: int | str
    owner: str | None = None
    status: str = "idea"
    start_date: dt.date | str | None = None
    due_date: dt.date | str | None = None
    go_live_date: dt.date | str | None = None
    kpi_id: str | None = None
    step_ids: Ids = Field(default_factory=list)


class MeasureChange(FactWrite):
    """Changed fields of a measure."""

    title: str | None = None
    description: str | None = None
    impact: int | str | None = None
    effort: int | str | None = None
    owner: str | None = None
    status: str | None = None
    start_date: dt.date | str | None = None
    due_date: dt.date | str | None = None
    go_live_date: dt.date | str | None = None
    kpi_id: str | None = None
    step_ids: Ids | None = None


class KpiIn(NewFact):
    """A new KPI: what it measures, where, its target and which way is better."""

    name: str
    kind: str = Field(description="nps, csat, ces, conversion, drop_off, time, churn, custom")
    scope: str = "journey"
    scope_id: str | None = None
    target: float | str | None = None
    better: str = Field(description="higher or lower")
    unit: str | None = None
    description: str | None = None


class KpiChange(FactWrite):
    """Changed fields of a KPI."""

    name: str | None = None
    kind: str | None = None
    scope: str | None = None
    scope_id: str | None = None
    target: float | str | None = None
    better: str | None = None
    unit: str | None = None
    description: str | None = None
