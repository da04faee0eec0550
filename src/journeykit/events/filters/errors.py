"""Errors of segment filters: text that is not a filter, names and types that do not fit."""

from __future__ import annotations

from collections.abc import Sequence

from journeykit.model.errors import JourneykitError


class FilterError(JourneykitError):
    """Base of the errors this package raises."""

    code = "filter_error"
    status = 422


class InvalidFilter(FilterError):
    """The filter text is not a filter; ``column`` (1-based) says where reading stopped."""

    code = "invalid_filter"

    def __init__(
        self, problem: str, column: int, *, found: str | None = None, hint: str | None = None
    ) -> None:
        message = f"{problem} at column {column}" + (f", found {found}" if found else "")
        super().__init__(message, hint=hint)
        self.column = column


class UnknownAttribute(FilterError):
    """A filter names an attribute that customers do not have; ``suggestion`` is the nearest."""

    code = "unknown_attribute"

    def __init__(self, name: str, known: Sequence[str], suggestion: str | None) -> None:
        hint = (
            f"did you mean {suggestion!r}?"
            if suggestion
            else f"known attributes: {', '.join(known) or 'none'}"
        )
        super().__init__(f"customers have no attribute {name!r}", hint=hint)
        self.name = name
        self.suggestion = suggestion


class FilterTypeMismatch(FilterError):
    """A filter compares an attribute with a value of another kind, e.g. a number with text."""

    code = "filter_type_mismatch"
