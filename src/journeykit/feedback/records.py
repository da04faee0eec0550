"""One piece of feedback as journeykit keeps it: a survey answer, a review or a ticket."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from typing import Literal

from journeykit.feedback.scores import ScoreKind

FeedbackKind = Literal["survey", "review", "ticket"]
FEEDBACK_KINDS: tuple[FeedbackKind, ...] = ("survey", "review", "ticket")


@dataclass(frozen=True)
class Response:
    """A survey answer (``question`` and ``score``), a review (``score`` is the star rating)
    or a support ticket (``comment`` is its text); ``comment`` is still unredacted here."""

    kind: FeedbackKind
    date: dt.date
    customer_id: str | None = None
    journey_id: str | None = None
    phase_id: str | None = None
    step_id: str | None = None
    touchpoint_id: str | None = None
    channel: str | None = None
    persona: str | None = None
    question: ScoreKind | None = None
    score: float | None = None
    comment: str | None = None
    title: str | None = None
    source: str | None = None
    category: str | None = None
    source_file: str = ""
    source_row: int = 0

    def key(self) -> str:
        """The identity of this response: the same answer imported twice has one key."""
        parts = [
            self.kind,
            self.date.isoformat(),
            self.customer_id,
            self.step_id,
            self.touchpoint_id,
            self.channel,
            self.question,
            self.score,
            self.comment,
            self.title,
            self.source,
            self.category,
        ]
        return hashlib.sha256(json.dumps(parts, ensure_ascii=False).encode()).hexdigest()[:32]
