"""Errors of the event engine that more than one module raises."""

from __future__ import annotations

from journeykit.model.errors import JourneykitError


class UnknownEvent(JourneykitError):
    """A metric names an event that never occurs in the log."""

    code = "unknown_event"
    status = 422

    def __init__(self, name: str, suggestion: str | None) -> None:
        hint = (
            f"did you mean {suggestion!r}?"
            if suggestion
            else "see the event names with `journeykit events transitions`"
        )
        super().__init__(f"event {name!r} does not occur in the event log", hint=hint)
        self.name = name
        self.suggestion = suggestion


class InvalidDuration(JourneykitError):
    """A window or timeout that is not a duration such as ``7d``, ``12h`` or ``30m``."""

    code = "invalid_duration"


class NoAttributes(JourneykitError):
    """A segment or persona cut needs customer attributes that were never imported."""

    code = "no_attributes"
    status = 422
