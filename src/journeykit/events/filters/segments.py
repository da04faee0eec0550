"""Personas' segments as filters, so personas and typed filters share one path to the data."""

from __future__ import annotations

from journeykit.events.filters.errors import FilterTypeMismatch
from journeykit.events.filters.syntax import (
    And,
    Compare,
    CompareOp,
    Contains,
    FilterExpr,
    InList,
)
from journeykit.model.persona import Condition, Segment

_COMPARISONS: dict[str, CompareOp] = {
    "eq": "==",
    "ne": "!=",
    "lt": "<",
    "le": "<=",
    "gt": ">",
    "ge": ">=",
}


def from_condition(condition: Condition) -> FilterExpr:
    """One segment condition as a filter node.

    >>> print(from_condition(Condition(attribute="region", op="not_in", value=["BY", "BW"])))
    region not in ["BY", "BW"]
    """
    value = condition.value
    if condition.op in _COMPARISONS and not isinstance(value, list):
        return Compare(condition.attribute, _COMPARISONS[condition.op], value)
    if condition.op in ("in", "not_in") and isinstance(value, list):
        return InList(condition.attribute, tuple(value), negated=condition.op == "not_in")
    if condition.op == "contains" and isinstance(value, str):
        return Contains(condition.attribute, value)
    # The model validates list versus single values; only "contains" with a non-text is left.
    raise FilterTypeMismatch(
        f"segment condition '{condition.attribute} {condition.op} {value!r}' needs a text value"
    )


def from_segment(segment: Segment) -> FilterExpr:
    """A persona's segment (all conditions must hold) as one filter.

    >>> segment = Segment(all=[
    ...     Condition(attribute="age", op="ge", value=30),
    ...     Condition(attribute="city", op="contains", value="Mün"),
    ... ])
    >>> print(from_segment(segment))
    age >= 30 and city contains "Mün"
    """
    parts = tuple(from_condition(condition) for condition in segment.all)
    return parts[0] if len(parts) == 1 else And(parts)
