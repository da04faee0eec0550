"""Safe segment filters: conditions on customer attributes, never raw SQL from the user.

Metrics can be cut by a segment or a persona with a small expression language, parsed by
journeykit itself and compiled to Ibis, so the same filter runs on DuckDB, Spark or a
warehouse and no user text ever reaches the database as SQL::

    age >= 30 and region in ["BY", "BW"]
    not (plan == "free" or churned == true) and signup >= 2024-03-01
    city contains "Mün" or email is null

Comparisons: ``== != < <= > >=``, ``in [...]``, ``not in [...]``, ``contains "text"``
(case-sensitive), ``is null``, ``is not null``; combined with ``not`` (tightest), ``and``,
``or`` (loosest) and parentheses. Values are numbers with ``.`` as decimal mark, text in
single or double quotes (escape ``\\``, ``"`` and ``'`` with a backslash), ``true``/``false``
and dates ``2024-03-01``. A missing attribute equals nothing and differs from everything.

>>> expr = parse_filter("not (plan == 'free' or churned == true) and signup >= 2024-03-01")
>>> sorted(attributes(expr))
['churned', 'plan', 'signup']
>>> print(expr)
not (plan == "free" or churned == true) and signup >= "2024-03-01"
"""

from __future__ import annotations

from journeykit.events.filters.compile import to_ibis
from journeykit.events.filters.errors import (
    FilterError,
    FilterTypeMismatch,
    InvalidFilter,
    UnknownAttribute,
)
from journeykit.events.filters.parser import parse_filter, tokenize
from journeykit.events.filters.segments import from_condition, from_segment
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
    attributes,
    format_value,
    to_text,
)

__all__ = [
    "And",
    "Compare",
    "CompareOp",
    "Contains",
    "FilterError",
    "FilterExpr",
    "FilterTypeMismatch",
    "InList",
    "InvalidFilter",
    "IsNull",
    "Not",
    "Or",
    "UnknownAttribute",
    "Value",
    "attributes",
    "format_value",
    "from_condition",
    "from_segment",
    "parse_filter",
    "to_ibis",
    "to_text",
    "tokenize",
]
