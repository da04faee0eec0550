"""Hypotheses: precise, testable statements about the experience (method step 5)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from journeykit.model.base import Id, Record, Text, new_id

HypothesisStatus = Literal["open", "supported", "refuted", "inconclusive"]
Direction = Literal["increase", "decrease", "no_change"]


class Hypothesis(Record):
    """A testable statement, the metric that would decide it, and its verdict so far."""

    id: Id = Field(default_factory=lambda: new_id("hy"))
    statement: Text
    metric: Text | None = None
    expected_direction: Direction | None = None
    status: HypothesisStatus = "open"
    step_ids: list[Id] = Field(default_factory=list)
    evidence_ids: list[Id] = Field(default_factory=list)
