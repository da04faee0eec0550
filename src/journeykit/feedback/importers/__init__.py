"""Reading survey answers, reviews and support tickets from CSV, XLSX and JSON Lines files.

Every file is read and checked before anything is stored: a file that cannot be used raises
an :class:`~journeykit.events.importers.errors.ImportFailed` error and nothing is imported;
rows that cannot be used become counted rejects with their reason.
"""

from journeykit.feedback.importers.mapping import (
    FEEDBACK_KINDS,
    FeedbackKind,
    FeedbackMapping,
    read_feedback_mapping,
)
from journeykit.feedback.importers.reader import FeedbackBatch, read_feedback

__all__ = [
    "FEEDBACK_KINDS",
    "FeedbackBatch",
    "FeedbackKind",
    "FeedbackMapping",
    "read_feedback",
    "read_feedback_mapping",
]
