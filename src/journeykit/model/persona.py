"""Personas: data-based typical customers, optionally tied to a segment of customer data."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, StringConstraints, field_validator, model_validator
from pydantic_core import PydanticCustomError

from journeykit.model.base import Id, Record, Text, new_id

#: A customer attribute name as it appears in the customer attributes table.
AttributeName = Annotated[str, StringConstraints(pattern=r"^[A-Za-z_][A-Za-z0-9_]{0,63}$")]

ConditionOperator = Literal["eq", "ne", "lt", "le", "gt", "ge", "in", "not_in", "contains"]
Scalar = str | int | float | bool
LIST_OPERATORS = frozenset({"in", "not_in"})


class Condition(Record):
    """One test of a customer attribute, e.g. ``age ge 30`` or ``region in [BY, BW]``."""

    attribute: AttributeName
    op: ConditionOperator
    value: Scalar | list[Scalar]

    @field_validator("value", mode="before")
    @classmethod
    def _value_is_scalar_or_list(cls, value: object) -> object:
        def scalar(v: object) -> bool:
            return isinstance(v, str | int | float | bool) and v == v  # v == v rejects NaN

        if scalar(value) or (isinstance(value, list) and all(scalar(v) for v in value)):
            return value
        raise PydanticCustomError(
            "wrong_type", "must be a text, number, true/false or a list of those"
        )

    @model_validator(mode="after")
    def _value_fits_operator(self) -> Condition:
        is_list = isinstance(self.value, list)
        if self.op in LIST_OPERATORS and not is_list:
            raise PydanticCustomError(
                "wrong_type", "operator {op} needs a list value", {"op": self.op}
            )
        if self.op not in LIST_OPERATORS and is_list:
            raise PydanticCustomError(
                "wrong_type", "operator {op} needs a single value, not a list", {"op": self.op}
            )
        return self


class Segment(Record):
    """A segment of customers: those whose attributes pass all conditions."""

    all: list[Condition] = Field(min_length=1)


class Persona(Record):
    """A typical customer: who travels the journey, and in which scenario."""

    id: Id = Field(default_factory=lambda: new_id("pe"))
    name: Text
    scenario: Text | None = None
    demographics: dict[str, str] = Field(default_factory=dict)
    goals: list[Text] = Field(default_factory=list)
    motivations: list[Text] = Field(default_factory=list)
    challenges: list[Text] = Field(default_factory=list)
    information_behaviour: list[Text] = Field(default_factory=list)
    quote: Text | None = None
    segment: Segment | None = None
