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
    """A key performance indicator for the journey or one phase, step or touchpoint of it.

    ``target`` is where the team wants the KPI (on track when it is there or better, as
    ``better`` says). ``alert_threshold`` is the value past which, on the worse side, the KPI
    raises an alert (``journeykit refresh --check`` fails). Event KPIs (conversion, drop-off,
    time, churn) are measured between two places derived from the scope; ``from_id`` and
    ``to_id`` (steps or touchpoints) name them explicitly instead.
    """

    id: Id = Field(default_factory=lambda: new_id("kpi"))
    name: Text
    kind: KpiKind
    scope: KpiScope = "journey"
    scope_id: Id | None = None
    target: float | None = Field(default=None, allow_inf_nan=False)
    better: Better
    unit: Text | None = None
    description: Text | None = None
    alert_threshold: float | None = Field(default=None, allow_inf_nan=False)
    from_id: Id | None = None
    to_id: Id | None = None

    @model_validator(mode="after")
    def _scope_id_fits_scope(self) -> Kpi:
        if self.scope == "journey" and self.scope_id is not None:
            raise PydanticCustomError("unexpected_field", "scope 'journey' takes no scope_id")
        if self.scope != "journey" and self.scope_id is None:
            raise PydanticCustomError(
                "missing_field", "scope '{scope}' needs a scope_id", {"scope": self.scope}
            )
        if self.kind in ("nps", "csat", "ces", "custom") and (
            self.from_id is not None or self.to_id is not None
        ):
            raise PydanticCustomError(
                "unexpected_field",
                "a {kind} KPI takes no from_id/to_id (those are for event KPIs)",
                {"kind": self.kind},
            )
        if (self.from_id is None) != (self.to_id is None):
            raise PydanticCustomError("missing_field", "from_id and to_id go together")
        if self.target is not None and self.alert_threshold is not None:
            beyond = (
                self.alert_threshold > self.target
                if self.better == "higher"
                else self.alert_threshold < self.target
            )
            if beyond:
                raise PydanticCustomError(
                    "invalid_value",
                    "alert_threshold {alert} is on the better side of target {target} "
                    "(better is {better}): the alert would fire while the KPI is on track",
                    {
                        "alert": f"{self.alert_threshold:g}",
                        "target": f"{self.target:g}",
                        "better": self.better,
                    },
                )
        return self
