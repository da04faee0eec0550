"""Read filter text: a tokenizer and a recursive-descent parser, no eval and no SQL.

Grammar (keywords are case-insensitive, attribute names are not)::

    filter     = or_expr END
    or_expr    = and_expr ("or" and_expr)*
    and_expr   = not_expr ("and" not_expr)*
    not_expr   = "not" not_expr | "(" or_expr ")" | condition
    condition  = NAME ( ("==" | "!=" | "<" | "<=" | ">" | ">=") value
                      | ["not"] "in" "[" [value ("," value)* [","]] "]"
                      | "contains" STRING
                      | "is" ["not"] "null" )
    value      = NUMBER | STRING | DATE | "true" | "false"

Numbers use ``.`` as the decimal mark (``2.5``; ``2,5`` is an error: commas separate list
items). A date is written bare (``2024-03-01``) or quoted and is kept as ISO text.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal

from journeykit.events.filters.errors import InvalidFilter
from journeykit.events.filters.syntax import (
    COMPARE_OPS,
    And,
    Compare,
    Contains,
    FilterExpr,
    InList,
    IsNull,
    Not,
    Or,
    Value,
)

TokenKind = Literal["name", "keyword", "number", "string", "op", "punct", "end"]

KEYWORDS = frozenset({"and", "or", "not", "in", "contains", "is", "null", "true", "false"})
# Words that only make sense in SQL: a filter containing one is someone trying SQL.
_SQL_WORDS = frozenset(
    {
        "select", "union", "insert", "update", "delete", "drop", "alter", "create", "exec",
        "execute", "from", "where", "join", "having", "grant", "truncate", "pragma", "attach",
        "like", "between", "case", "when", "cast",
    }
)  # fmt: skip
_SQL_MARKS = {
    ";": "';' is not allowed",
    "--": "'--' is not allowed",
    "/*": "'/*' is not allowed",
    "*/": "'*/' is not allowed",
    "`": "backticks are not allowed",
}
_WRONG_OPERATORS = {
    "<>": "!=",
    "&&": "and",
    "||": "or",
    "=": "==",
    "!": "not",
}
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}(?![0-9A-Za-z_.])")
_NUMBER = re.compile(r"-?[0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?(?![A-Za-z_.0-9])")
_ESCAPES = {"\\": "\\", '"': '"', "'": "'"}
_MAX_DEPTH = 50
_NOT_SQL = "filters are conditions on customer attributes, not SQL"


@dataclass(frozen=True)
class Token:
    """One word of the filter with its 1-based column."""

    kind: TokenKind
    text: str
    column: int
    value: Value | None = None

    def shown(self) -> str:
        return "the end of the filter" if self.kind == "end" else repr(self.text)


def tokenize(text: str) -> list[Token]:
    """Split filter text into tokens, refusing anything that looks like SQL.

    >>> [t.text for t in tokenize("age>=30 and name in ['a','b']")]
    ['age', '>=', '30', 'and', 'name', 'in', '[', "'a'", ',', "'b'", ']', '']
    """
    tokens: list[Token] = []
    i = 0
    while i < len(text):
        char, column = text[i], i + 1
        if char.isspace():
            i += 1
            continue
        for mark, problem in _SQL_MARKS.items():
            if text.startswith(mark, i):
                raise InvalidFilter(problem, column, hint=_NOT_SQL)
        two = text[i : i + 2]
        if two in ("==", "!=", "<=", ">="):
            tokens.append(Token("op", two, column))
            i += 2
            continue
        wrong = two if two in _WRONG_OPERATORS else char if char in _WRONG_OPERATORS else None
        if wrong is not None:
            raise InvalidFilter(
                f"unknown operator {wrong!r}", column, hint=f"write {_WRONG_OPERATORS[wrong]!r}"
            )
        if char in "<>":
            tokens.append(Token("op", char, column))
            i += 1
        elif char in "()[],":
            tokens.append(Token("punct", char, column))
            i += 1
        elif char in "'\"":
            i = _read_string(text, i, tokens)
        elif char.isdigit() or (char == "-" and text[i + 1 : i + 2].isdigit()):
            i = _read_number_or_date(text, i, tokens)
        elif match := _NAME.match(text, i):
            word = match.group()
            if word.lower() in _SQL_WORDS:
                raise InvalidFilter(f"{word!r} looks like SQL", column, hint=_NOT_SQL)
            kind: TokenKind = "keyword" if word.lower() in KEYWORDS else "name"
            tokens.append(Token(kind, word.lower() if kind == "keyword" else word, column))
            i = match.end()
        else:
            raise InvalidFilter(f"unexpected character {char!r}", column)
    tokens.append(Token("end", "", len(text) + 1))
    return tokens


def _read_string(text: str, start: int, tokens: list[Token]) -> int:
    quote, i, chars = text[start], start + 1, []
    while i < len(text) and text[i] != quote:
        if text[i] == "\\":
            escaped = text[i + 1 : i + 2]
            if escaped not in _ESCAPES:
                raise InvalidFilter(
                    f"unknown escape '\\{escaped}' in text",
                    i + 1,
                    hint="write a backslash as '\\\\'",
                )
            chars.append(_ESCAPES[escaped])
            i += 2
        else:
            chars.append(text[i])
            i += 1
    if i >= len(text):
        raise InvalidFilter(f"the text starting with {quote} is not closed", start + 1)
    tokens.append(Token("string", text[start : i + 1], start + 1, "".join(chars)))
    return i + 1


def _read_number_or_date(text: str, start: int, tokens: list[Token]) -> int:
    if date := _DATE.match(text, start):
        try:
            dt.date.fromisoformat(date.group())
        except ValueError:
            raise InvalidFilter(f"{date.group()!r} is not a date", start + 1) from None
        tokens.append(Token("string", date.group(), start + 1, date.group()))
        return date.end()
    number = _NUMBER.match(text, start)
    if not number:
        end = re.compile(r"[^\s()\[\],]*").match(text, start)
        word = end.group() if end else text[start]
        raise InvalidFilter(f"{word!r} is not a number", start + 1, hint="write numbers as 2.5")
    raw = number.group()
    value: Value = float(raw) if any(c in raw for c in ".eE") else int(raw)
    tokens.append(Token("number", raw, start + 1, value))
    return number.end()


def parse_filter(text: str) -> FilterExpr:
    """Parse a filter over customer attributes; ``not`` binds tighter than ``and``, and
    ``and`` tighter than ``or``.

    >>> expr = parse_filter("age >= 30 and region in ['BY', 'BW']")
    >>> expr.operands[1]
    InList(attribute='region', values=('BY', 'BW'), negated=False)
    >>> print(expr)
    age >= 30 and region in ["BY", "BW"]
    >>> parse_filter("age == ")
    Traceback (most recent call last):
    ...
    journeykit.events.filters.errors.InvalidFilter: expected a value after '==' at column 8, ...
    """
    return _Parser(tokenize(text)).parse()


class _Parser:
    def __init__(self, tokens: list[Token]) -> None:
        self.tokens = tokens
        self.position = 0
        self.depth = 0

    @property
    def token(self) -> Token:
        return self.tokens[self.position]

    def advance(self) -> Token:
        token = self.token
        self.position += 1
        return token

    def at(self, kind: TokenKind, text: str | None = None) -> bool:
        return self.token.kind == kind and (text is None or self.token.text == text)

    def fail(self, expected: str, *, hint: str | None = None) -> InvalidFilter:
        return InvalidFilter(expected, self.token.column, found=self.token.shown(), hint=hint)

    def parse(self) -> FilterExpr:
        if self.at("end"):
            raise InvalidFilter("the filter is empty", 1, hint="for example: age >= 30")
        expr = self.or_expr()
        if not self.at("end"):
            hint = (
                "lists go in [...], and numbers use '.' as decimal mark"
                if self.at("punct", ",")
                else None
            )
            raise self.fail("expected 'and', 'or' or the end of the filter", hint=hint)
        return expr

    def or_expr(self) -> FilterExpr:
        operands = [self.and_expr()]
        while self.at("keyword", "or"):
            self.advance()
            operands.append(self.and_expr())
        return operands[0] if len(operands) == 1 else Or(tuple(operands))

    def and_expr(self) -> FilterExpr:
        operands = [self.not_expr()]
        while self.at("keyword", "and"):
            self.advance()
            operands.append(self.not_expr())
        return operands[0] if len(operands) == 1 else And(tuple(operands))

    def not_expr(self) -> FilterExpr:
        self.depth += 1
        if self.depth > _MAX_DEPTH:
            raise self.fail(f"the filter nests deeper than {_MAX_DEPTH} levels")
        try:
            if self.at("keyword", "not"):
                self.advance()
                return Not(self.not_expr())
            if self.at("punct", "("):
                opening = self.advance()
                expr = self.or_expr()
                if not self.at("punct", ")"):
                    raise self.fail(f"expected ')' to close the '(' at column {opening.column}")
                self.advance()
                return expr
            return self.condition()
        finally:
            self.depth -= 1

    def condition(self) -> FilterExpr:
        if not self.at("name"):
            raise self.fail("expected an attribute name")
        name = self.advance().text
        if self.at("op"):
            op = self.advance().text
            assert op in COMPARE_OPS  # the tokenizer makes no other operator tokens
            return Compare(name, op, self.value(after=op))
        if self.at("keyword", "in") or self.at("keyword", "not"):
            negated = self.advance().text == "not"
            if negated:
                if not self.at("keyword", "in"):
                    raise self.fail(f"expected 'in' after '{name} not'")
                self.advance()
            return InList(name, self.values(after="not in" if negated else "in"), negated)
        if self.at("keyword", "contains"):
            self.advance()
            if not self.at("string"):
                raise self.fail("expected a quoted text after 'contains'")
            return Contains(name, str(self.advance().value))
        if self.at("keyword", "is"):
            self.advance()
            negated = self.at("keyword", "not")
            if negated:
                self.advance()
            if not self.at("keyword", "null"):
                raise self.fail(f"expected 'null' after 'is{' not' if negated else ''}'")
            self.advance()
            return IsNull(name, negated)
        raise self.fail(
            f"expected an operator after {name!r} (==, !=, <, <=, >, >=, in, not in, "
            "contains, is null)"
        )

    def value(self, after: str) -> Value:
        token = self.token
        if token.kind in ("number", "string"):
            self.advance()
            assert token.value is not None
            return token.value
        if token.kind == "keyword" and token.text in ("true", "false"):
            self.advance()
            return token.text == "true"
        hint = "test for missing values with 'is null'" if token.text == "null" else None
        if token.kind == "name":
            hint = f'quote text values: "{token.text}"'
        raise self.fail(f"expected a value after {after!r}", hint=hint)

    def values(self, after: str) -> tuple[Value, ...]:
        if not self.at("punct", "["):
            raise self.fail(
                f"expected '[' after {after!r}", hint="for example: region in ['BY', 'BW']"
            )
        self.advance()
        items: list[Value] = []
        while not self.at("punct", "]"):
            items.append(self.value(after="[" if not items else ","))
            if self.at("punct", ","):
                self.advance()
            elif not self.at("punct", "]"):
                raise self.fail("expected ',' or ']' in the list")
        self.advance()
        return tuple(items)
