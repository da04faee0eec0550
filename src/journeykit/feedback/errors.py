"""Errors of the feedback room: each a :class:`~journeykit.model.errors.JourneykitError`."""

from __future__ import annotations

from journeykit.model.errors import JourneykitError


class FeedbackError(JourneykitError):
    """Base of the feedback room's errors."""

    code = "feedback_error"


class FeedbackMissing(FeedbackError):
    """The workspace has no feedback yet."""

    code = "no_feedback"
    status = 404


class FeedbackBusy(FeedbackError):
    """Another process has the feedback store open for writing."""

    code = "feedback_busy"
    status = 423


class UnknownGrouping(FeedbackError):
    """A ``--by`` value that is not one of the groupings."""

    code = "unknown_grouping"


class FeedbackSettingsInvalid(FeedbackError):
    """``feedback.toml`` holds a value that cannot be used."""

    code = "invalid_feedback_settings"
