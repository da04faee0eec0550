"""Compile a filter to an Ibis boolean expression over a table of customer attributes.

Values reach the backend as Ibis literals, never as SQL text. Logic is two-valued: a customer
whose attribute is missing (null) equals no value and differs from every value, so
``region != "BY"`` and ``not region == "BY"`` both keep customers without a region (add
``region is not null`` to drop them), and ``<``, ``>``, ``contains`` are false for them.
"""

from __future__ import annotations

import datetime as dt
import operator
from collections.abc import Callable
from functools import reduce
from typing import Any, Literal, assert_never

import ibis
import ibis.expr.types as ir

from journeykit.events.filters.errors import FilterTypeMismatch, UnknownAttribute
from journeykit.events.filters.syntax import (
    And,
    Compare,
    CompareOp,
    Contains,
    FilterExpr,
    InList,
    IsNull,
    Not,
    Or,
    Value,
    format_value,
)
from journeykit.model.errors import did_you_mean

Kind = Literal["number", "text", "true/false", "date", "other"]

_OPERATORS: dict[CompareOp, Callable[[Any, Any], Any]] = {
    "==": operator.eq,
    "!=": operator.ne,
    "<": operator.lt,
    "<=": operator.le,
    ">": operator.gt,
    ">=": operator.ge,
}
_KIND_NAMES: dict[Kind, str] = {
    "number": "numbers",
    "text": "text",
    "true/false": "true or false",
    "date": "dates",
    "other": "values filters cannot compare",
}


def to_ibis(expr: FilterExpr, table: ibis.Table) -> ir.BooleanValue:
    """The rows of ``table`` (customer attributes) that pass ``expr``, as an Ibis condition.

    >>> import ibis
    >>> from journeykit.events.filters import parse_filter
    >>> customers = ibis.memtable({"customer_id": ["a", "b", "c"], "age": [25, 41, None]})
    >>> condition = to_ibis(parse_filter("age >= 30 or age is null"), customers)
    >>> sorted(customers.filter(condition).customer_id.to_list())
    ['b', 'c']
    """
    if isinstance(expr, And):
        return reduce(operator.and_, (to_ibis(o, table) for o in expr.operands))
    if isinstance(expr, Or):
        return reduce(operator.or_, (to_ibis(o, table) for o in expr.operands))
    if isinstance(expr, Not):
        return ~to_ibis(expr.operand, table)
    if isinstance(expr, IsNull):
        column = _column(table, expr.attribute)
        return column.notnull() if expr.negated else column.isnull()
    column, kind = _typed_column(table, expr.attribute)
    if isinstance(expr, Contains):
        if kind != "text":
            raise FilterTypeMismatch(
                f"'contains' needs a text attribute, but {expr.attribute!r} holds "
                f"{_KIND_NAMES[kind]}"
            )
        return column.contains(expr.text).fill_null(False)
    if isinstance(expr, Compare):
        if kind == "true/false" and expr.op not in ("==", "!="):
            raise FilterTypeMismatch(
                f"{expr.attribute!r} is true or false, so {expr.op!r} does not apply",
                hint="use == or !=",
            )
        value = _literal(expr.attribute, kind, expr.value)
        condition = _OPERATORS[expr.op](column, value)
        # Missing values differ from everything: only != holds for them.
        return condition.fill_null(expr.op == "!=")
    if isinstance(expr, InList):
        values = [_literal(expr.attribute, kind, v) for v in expr.values]
        if not values:
            return ibis.literal(expr.negated)
        if expr.negated:
            return column.notin(values).fill_null(True)
        return column.isin(values).fill_null(False)
    assert_never(expr)


def _column(table: ibis.Table, name: str) -> ir.Column:
    if name not in table.columns:
        raise UnknownAttribute(name, list(table.columns), did_you_mean(name, table.columns))
    return table[name]


def _typed_column(table: ibis.Table, name: str) -> tuple[ir.Column, Kind]:
    column = _column(table, name)
    dtype = column.type()
    if dtype.is_boolean():
        return column, "true/false"
    if dtype.is_numeric():
        return column, "number"
    if dtype.is_string():
        return column, "text"
    if dtype.is_date():
        return column, "date"
    if dtype.is_timestamp():
        # Filters name days; a timestamp attribute is compared by its (UTC) day.
        return column.date(), "date"
    return column, "other"


def _literal(attribute: str, kind: Kind, value: Value) -> object:
    shown = format_value(value)
    if kind == "true/false" and isinstance(value, bool):
        return value
    if kind == "number" and isinstance(value, int | float) and not isinstance(value, bool):
        return value
    if kind == "text" and isinstance(value, str):
        return value
    if kind == "date" and isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            raise FilterTypeMismatch(
                f"{attribute!r} holds dates, but {shown} is not a date",
                hint="write dates as 2024-03-01",
            ) from None
    raise FilterTypeMismatch(
        f"{attribute!r} holds {_KIND_NAMES[kind]}, but {shown} is {_kind_of(value)}",
        hint='quote text ("BY"), write numbers bare (30), dates as 2024-03-01',
    )


def _kind_of(value: Value) -> str:
    if isinstance(value, bool):
        return "true or false"
    return "text" if isinstance(value, str) else "a number"
