"""Pydantic's validation errors, translated into journeykit's stable codes and suggestions."""

from __future__ import annotations

import re
import types
import typing
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from journeykit.model.document import JourneyDocument
from journeykit.model.errors import did_you_mean
from journeykit.model.references import Loc, LocatedIssue

_CODES = {
    "extra_forbidden": "unknown_key",
    "missing": "missing_field",
    "literal_error": "invalid_choice",
    "enum": "invalid_choice",
    "less_than_equal": "out_of_range",
    "greater_than_equal": "out_of_range",
    "less_than": "out_of_range",
    "greater_than": "out_of_range",
    "finite_number": "out_of_range",
    "string_too_short": "blank_text",
    "string_too_long": "too_long",
    "too_short": "too_short",
    "string_pattern_mismatch": "invalid_format",
    "json_invalid": "malformed_json",
}


def _code(error_type: str) -> str:
    if error_type in _CODES:
        return _CODES[error_type]
    if error_type.endswith(("_type", "_parsing", "_inexact")) or error_type.startswith(
        ("int_", "float_", "bool_", "date_", "string_")
    ):
        return "wrong_type"
    if error_type in {"value_error", "assertion_error"}:
        return "invalid_value"
    return error_type  # journeykit's own PydanticCustomError types are codes already


def _unwrap(annotation: Any) -> list[Any]:
    """The concrete types inside Optional/Annotated/Union annotations."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        return [t for arg in typing.get_args(annotation) for t in _unwrap(arg)]
    return [annotation]


def model_at(loc: Loc, root: type[BaseModel] = JourneyDocument) -> type[BaseModel] | None:
    """The model class whose fields live at ``loc`` (for suggesting valid keys)."""
    current: list[Any] = [root]
    for part in loc:
        following: list[Any] = []
        for candidate in current:
            if isinstance(part, str) and isinstance(candidate, type):
                if issubclass(candidate, BaseModel) and part in candidate.model_fields:
                    annotation = candidate.model_fields[part].annotation
                    following.extend(_unwrap(annotation))
                elif typing.get_origin(candidate) is dict:
                    following.extend(_unwrap(typing.get_args(candidate)[1]))
            elif isinstance(part, int) and typing.get_origin(candidate) is list:
                following.extend(_unwrap(typing.get_args(candidate)[0]))
            elif isinstance(part, str) and typing.get_origin(candidate) is dict:
                following.extend(_unwrap(typing.get_args(candidate)[1]))
        current = following
    models = [c for c in current if isinstance(c, type) and issubclass(c, BaseModel)]
    return models[0] if models else None


def _describe(value: Any) -> str:
    if value is None:
        return "nothing"
    kind = {bool: "true/false", int: "number", float: "number", str: "text", list: "list"}.get(
        type(value), "mapping" if isinstance(value, dict) else type(value).__name__
    )
    shown = repr(value)
    return f"{kind} {shown}" if len(shown) <= 40 else kind


def _translate(error: ErrorDetails, root: type[BaseModel]) -> LocatedIssue:
    loc: Loc = tuple(error["loc"])
    code = _code(error["type"])
    message = error["msg"]
    suggestion = None
    if code == "unknown_key" and loc:
        key = str(loc[-1])
        model = model_at(loc[:-1], root)
        fields = list(model.model_fields) if model else []
        message = f"unknown key {key!r}"
        if model is not None:
            message += f" in {model.__name__.lower()}"
        suggestion = did_you_mean(key, fields)
    elif code == "missing_field" and error["type"] == "missing" and loc:
        message = f"missing required key {loc[-1]!r}"
    elif code == "invalid_choice":
        allowed = re.findall(r"'([^']*)'", str(error.get("ctx", {}).get("expected", "")))
        message = f"{_describe(error['input'])} is not one of: {', '.join(allowed)}"
        if isinstance(error["input"], str):
            suggestion = did_you_mean(error["input"], allowed)
    elif code == "out_of_range":
        message = f"{_describe(error['input'])} is out of range: {message.lower()}"
    elif code == "wrong_type":
        message = f"{message} (found {_describe(error['input'])})"
    elif code == "invalid_format" and loc and str(loc[-1]).endswith("id"):
        code = "invalid_id"
        message = "an id uses only letters, digits and _ . : - (at most 80 characters)"
    return LocatedIssue(loc, code, message, suggestion)


def located_issues(
    exc: ValidationError, root: type[BaseModel] = JourneyDocument
) -> list[LocatedIssue]:
    """Every error of a failed validation as a located issue.

    A misspelt key also leaves its field missing; when the unknown key's suggestion names
    that field, the "missing" issue adds nothing and is left out.
    """
    issues = [_translate(error, root) for error in exc.errors(include_url=False)]
    suggested = {
        (*issue.loc[:-1], issue.suggestion)
        for issue in issues
        if issue.code == "unknown_key" and issue.suggestion
    }
    return [i for i in issues if not (i.code == "missing_field" and i.loc in suggested)]
