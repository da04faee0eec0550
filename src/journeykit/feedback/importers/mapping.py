"""Which column of a feedback file holds what, from flags or a mapping file.

Every field is optional: what is not named is found among the headers by their usual
English and German names. For a wide survey export (one column per question), ``questions``
names question columns that their headers do not give away, each as ``kind`` or
``kind@touchpoint``.

>>> m = mapping_from_dict({"score": "Note", "questions": {"F3": "csat@Checkout"}})
>>> m.score, m.questions["F3"]
('Note', QuestionColumn(kind='csat', touchpoint='Checkout'))
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from journeykit.events.importers.errors import MappingInvalid
from journeykit.events.importers.mapping import known_keys, read_mapping_data
from journeykit.feedback.records import FEEDBACK_KINDS, FeedbackKind
from journeykit.feedback.scores import SCORE_KINDS, ScoreKind
from journeykit.model.errors import did_you_mean

_DELIMITER_NAMES = {"tab": "\t", "\\t": "\t", "semicolon": ";", "comma": ",", "pipe": "|"}


@dataclass(frozen=True)
class QuestionColumn:
    """A wide file's question column: the kind of score it holds and, if known, where."""

    kind: ScoreKind
    touchpoint: str | None = None


def parse_question(text: str, *, where: str) -> QuestionColumn:
    """``nps``, ``csat@Checkout`` and the like as a :class:`QuestionColumn`."""
    kind, _, touchpoint = text.partition("@")
    kind = kind.strip().lower()
    if kind not in SCORE_KINDS:
        suggestion = did_you_mean(kind, SCORE_KINDS)
        raise MappingInvalid(
            f"{where}: unknown question kind {kind!r}"
            + (f"; did you mean {suggestion!r}?" if suggestion else ""),
            hint="question kinds: nps, csat, ces (optionally kind@touchpoint)",
        )
    return QuestionColumn(kind, touchpoint.strip() or None)


@dataclass(frozen=True)
class FeedbackMapping:
    """Source columns of the feedback fields and how to read the file (None: detect)."""

    customer_id: str | None = None
    date: str | None = None
    touchpoint: str | None = None
    question: str | None = None
    score: str | None = None
    comment: str | None = None
    channel: str | None = None
    persona: str | None = None
    title: str | None = None
    source: str | None = None
    category: str | None = None
    #: Wide layout: header → question kind (and touchpoint).
    questions: dict[str, QuestionColumn] = field(default_factory=dict)
    delimiter: str | None = None
    encoding: str | None = None
    sheet: str | None = None

    def __post_init__(self) -> None:
        if self.delimiter is not None:
            delimiter = _DELIMITER_NAMES.get(self.delimiter.lower(), self.delimiter)
            if len(delimiter) != 1 or delimiter in {'"', "\n", "\r"}:
                raise MappingInvalid(
                    f"delimiter must be one character, not {self.delimiter!r}",
                    hint="use ',', ';', '|' or tab",
                )
            object.__setattr__(self, "delimiter", delimiter)
        if self.encoding is not None:
            try:
                codecs.lookup(self.encoding)
            except LookupError:
                raise MappingInvalid(
                    f"unknown encoding {self.encoding!r}", hint="for example utf-8, cp1252, latin-1"
                ) from None


__all__ = ["FEEDBACK_KINDS", "FeedbackKind", "FeedbackMapping", "QuestionColumn"]

MAPPING_KEYS = tuple(f.name for f in fields(FeedbackMapping))


def mapping_from_dict(data: Any, *, where: str = "column mapping") -> FeedbackMapping:
    """A :class:`FeedbackMapping` from plain data; unknown keys fail with "did you mean"."""
    values: dict[str, Any] = {}
    for key, value in known_keys(data, MAPPING_KEYS, where=where).items():
        if key == "questions":
            if not isinstance(value, dict):
                raise MappingInvalid(f"{where}: questions must map column names to kinds")
            values[key] = {
                str(k): parse_question(str(v), where=f"{where}: questions: {k}")
                for k, v in value.items()
            }
        elif value is not None and not isinstance(value, str):
            raise MappingInvalid(f"{where}: {key} must be text, not {value!r}")
        else:
            values[str(key)] = value
    return FeedbackMapping(**values)


def read_feedback_mapping(path: Path) -> FeedbackMapping:
    """Read a mapping file (YAML or JSON) with the keys of :class:`FeedbackMapping`."""
    return mapping_from_dict(read_mapping_data(path), where=str(path))
