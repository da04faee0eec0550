"""KPIs: what success is measured by, where, and which way is better."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from journeykit.model.base import Id, Record, Text, new_id

KpiKind = Literal["nps", "csat", "ces", "conversion", "drop_off", "time", "churn", "custom"]
KpiScope = Literal["journey", "phase", "step", "touchpoint"]
Better = Literal["higher", "lower"]


class Kpi(Record):
    """A key performance indicator for the journey or one phase, step or touchpoint of it."""

    id: Id = Field(default_factory=lambda: new_id("kpi"))
    name: Text
    kind: KpiKind
    scope: KpiScope = "journey"
    scope_id: Id | None = None
    target: float | None = Field(default=None, allow_inf_nan=False)
    better: Better
    unit: Text | None = None
    description: Text | None = None

    @model_validator(mode="after")
    def _scope_id_fits_scope(self) -> Kpi:
        if self.scope == "journey" and self.scope_id is not None:
            raise PydanticCustomError("unexpected_field", "scope 'journey' takes no scope_id")
        if self.scope != "journey" and self.scope_id is None:
            raise PydanticCustomError(
                "missing_field", "scope {scope!r} needs a scope_id", {"scope": self.scope}
            )
        return self
