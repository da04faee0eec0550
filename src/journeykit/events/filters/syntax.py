"""The filter syntax tree: frozen dataclasses, written back as text by :func:`to_text`.

Every node tests customer attributes and is true or false for every customer: a missing
(null) attribute equals no value and differs from every value (see :mod:`.compile`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

#: A value a filter compares with: text (dates are ISO text), a number, or true/false.
Value = str | int | float | bool

CompareOp = Literal["==", "!=", "<", "<=", ">", ">="]
COMPARE_OPS: tuple[CompareOp, ...] = ("==", "!=", "<", "<=", ">", ">=")


@dataclass(frozen=True)
class Compare:
    """``attribute op value``, e.g. ``age >= 30``."""

    attribute: str
    op: CompareOp
    value: Value

    def __str__(self) -> str:
        return to_text(self)


@dataclass(frozen=True)
class InList:
    """``attribute in [v1, v2]`` or, when ``negated``, ``attribute not in [...]``."""

    attribute: str
    values: tuple[Value, ...]
    negated: bool = False

    def __str__(self) -> str:
        return to_text(self)


@dataclass(frozen=True)
class Contains:
    """``attribute contains "text"``: the text occurs in the attribute (case matters)."""

    attribute: str
    text: str

    def __str__(self) -> str:
        return to_text(self)


@dataclass(frozen=True)
class IsNull:
    """``attribute is null`` or, when ``negated``, ``attribute is not null``."""

    attribute: str
    negated: bool = False

    def __str__(self) -> str:
        return to_text(self)


@dataclass(frozen=True)
class And:
    """All operands hold."""

    operands: tuple[FilterExpr, ...]

    def __str__(self) -> str:
        return to_text(self)


@dataclass(frozen=True)
class Or:
    """At least one operand holds."""

    operands: tuple[FilterExpr, ...]

    def __str__(self) -> str:
        return to_text(self)


@dataclass(frozen=True)
class Not:
    """The operand does not hold."""

    operand: FilterExpr

    def __str__(self) -> str:
        return to_text(self)


FilterExpr = Compare | InList | Contains | IsNull | And | Or | Not


def format_value(value: Value) -> str:
    """A value as filter text.

    >>> format_value('say "hi"'), format_value(True), format_value(2.5)
    ('"say \\\\"hi\\\\""', 'true', '2.5')
    """
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if isinstance(value, float) and not math.isfinite(value):
        raise ValueError(f"{value} has no filter text")
    return repr(value)


def to_text(expr: FilterExpr) -> str:
    """The filter as text that parses back to the same tree.

    >>> to_text(Or((Compare("age", ">=", 30), And((IsNull("region"), Not(Contains("city", "X")))))))
    'age >= 30 or region is null and not city contains "X"'
    """
    if isinstance(expr, Compare):
        return f"{expr.attribute} {expr.op} {format_value(expr.value)}"
    if isinstance(expr, InList):
        keyword = "not in" if expr.negated else "in"
        return f"{expr.attribute} {keyword} [{', '.join(format_value(v) for v in expr.values)}]"
    if isinstance(expr, Contains):
        return f"{expr.attribute} contains {format_value(expr.text)}"
    if isinstance(expr, IsNull):
        return f"{expr.attribute} is {'not ' if expr.negated else ''}null"
    if isinstance(expr, Not):
        inner = to_text(expr.operand)
        return f"not ({inner})" if isinstance(expr.operand, And | Or) else f"not {inner}"
    # Operands that are themselves And/Or keep their parentheses, so the tree shape survives.
    joiner = " and " if isinstance(expr, And) else " or "
    tight = And | Or if isinstance(expr, And) else Or
    return joiner.join(
        f"({to_text(o)})" if isinstance(o, tight) else to_text(o) for o in expr.operands
    )


def attributes(expr: FilterExpr) -> frozenset[str]:
    """The attribute names a filter tests.

    >>> sorted(attributes(And((Compare("age", ">", 3), Not(IsNull("region"))))))
    ['age', 'region']
    """
    if isinstance(expr, And | Or):
        return frozenset().union(*(attributes(o) for o in expr.operands))
    if isinstance(expr, Not):
        return attributes(expr.operand)
    return frozenset({expr.attribute})
