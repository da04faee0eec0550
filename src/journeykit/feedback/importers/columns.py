"""Which of a feedback file's columns holds which field, found by the usual header names.

Headers are compared as the event importer compares them (no case, accents or punctuation),
so ``Kunden-ID``, ``kunden_id`` and ``KundenID`` are one name. A file whose headers are the
usual ones, in English or German, imports with no mapping at all.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from journeykit.events.importers.errors import ImportFailed, MissingColumn
from journeykit.events.importers.headers import find_column, match_key
from journeykit.feedback.importers.mapping import FeedbackKind, FeedbackMapping, QuestionColumn
from journeykit.feedback.scores import ScoreKind

#: Header names recognised per field, in order of preference.
ALIASES: dict[str, tuple[str, ...]] = {
    "customer_id": (
        "customer_id",
        "customer",
        "Kunden-ID",
        "Kundennummer",
        "Kunde",
        "client_id",
        "user_id",
        "respondent_id",
        "Teilnehmer-ID",
    ),
    "date": (
        "date",
        "Datum",
        "submitted_at",
        "created_at",
        "created",
        "Erstellt am",
        "Antwortdatum",
        "timestamp",
        "Zeitstempel",
        "Eingangsdatum",
    ),
    "touchpoint": ("touchpoint", "Kontaktpunkt", "Touchpoint", "step", "Schritt"),
    "question": ("question", "Frage", "question_type", "Fragetyp", "metric", "Kennzahl"),
    "score": ("score", "Wert", "Bewertung", "value", "Punkte", "rating", "Sterne", "stars"),
    "comment": (
        "comment",
        "Kommentar",
        "text",
        "Freitext",
        "feedback",
        "Anmerkung",
        "review",
        "Bewertungstext",
        "message",
        "Nachricht",
        "Beschreibung",
        "description",
        "body",
    ),
    "channel": ("channel", "Kanal"),
    "persona": ("persona", "segment", "Segment", "Kundengruppe"),
    "title": ("title", "Titel", "Überschrift", "headline", "subject", "Betreff"),
    "source": ("source", "Quelle", "Portal", "platform", "Plattform"),
    "category": ("category", "Kategorie", "topic", "Thema", "Anliegen", "type"),
}
FIELD_LABELS = {
    "customer_id": "the customer id",
    "date": "the date",
    "touchpoint": "the touchpoint",
    "question": "the question",
    "score": "the score",
    "comment": "the comment",
    "channel": "the channel",
    "persona": "the persona",
    "title": "the title",
    "source": "the source",
    "category": "the category",
}
#: Fields each kind of file must have.
REQUIRED: dict[FeedbackKind, tuple[str, ...]] = {
    "survey": ("date",),
    "review": ("score", "date"),
    "ticket": ("comment", "date"),
}
#: Words in a wide file's header that give its question away, per kind (as match keys).
QUESTION_WORDS: dict[ScoreKind, tuple[str, ...]] = {
    "nps": ("nps", "weiterempfehl", "empfehlen", "recommend", "netpromoter"),
    "ces": ("ces", "aufwand", "effort", "einfach", "easy", "mühelos", "muhelos"),
    "csat": ("csat", "zufrieden", "satisf", "zufriedenheit"),
}
_COMMENT_WORDS = (
    "kommentar",
    "comment",
    "warum",
    "why",
    "begrundung",
    "grund",
    "reason",
    "freitext",
)
_SEPARATORS = re.compile(r"[:–—|()\[\]/]| - ")


@dataclass(frozen=True)
class WideQuestion:
    """A wide file's question column, and the comment column that explains its answers."""

    column: str
    question: QuestionColumn
    comment: str | None


@dataclass(frozen=True)
class FeedbackColumns:
    """The file's column for each field (None where the file has none)."""

    fields: dict[str, str | None]
    wide: tuple[WideQuestion, ...] = ()

    def __getitem__(self, name: str) -> str | None:
        return self.fields.get(name)


class WideLayoutUnrecognised(ImportFailed):
    """A survey file with neither a question column nor recognisable question columns."""

    code = "unrecognised_questions"


def _detect(headers: Sequence[str], field: str, taken: set[str]) -> str | None:
    by_key: dict[str, str] = {}
    for header in headers:
        if header not in taken:
            by_key.setdefault(match_key(header), header)
    for alias in ALIASES[field]:
        if (hit := by_key.get(match_key(alias))) is not None:
            return hit
    return None


def question_kind(header: str) -> ScoreKind | None:
    """The score kind a wide file's header names, if its words give it away.

    >>> question_kind("Wie wahrscheinlich ist es, dass Sie uns weiterempfehlen?")
    'nps'
    >>> question_kind("CSAT Checkout"), question_kind("Kommentar")
    ('csat', None)
    """
    key = match_key(header)
    if any(key.startswith(word) or key.endswith(word) for word in _COMMENT_WORDS):
        return None
    for kind, words in QUESTION_WORDS.items():
        # Short codes must stand alone ("ces" is in "Prozess"); long words may be inside.
        for word in words:
            if len(word) <= 4:
                tokens = {match_key(t) for t in re.split(r"[\W_]+", header) if t}
                if word in tokens:
                    return kind
            elif word in key:
                return kind
    return None


def header_parts(header: str) -> list[str]:
    """A header's parts between separators, where a touchpoint's name may stand.

    >>> header_parts("Zufriedenheit: Lieferung (1-5)")
    ['Zufriedenheit', 'Lieferung', '1-5']
    """
    return [part.strip() for part in _SEPARATORS.split(header) if part.strip()]


def _is_comment(header: str) -> bool:
    key = match_key(header)
    return any(word in key for word in _COMMENT_WORDS) or key in {
        match_key(a) for a in ALIASES["comment"]
    }


def resolve_columns(
    headers: Sequence[str], mapping: FeedbackMapping, kind: FeedbackKind, *, file: str
) -> FeedbackColumns:
    """Decide which column feeds which field; wide question columns for surveys without a
    question column. Raises :class:`MissingColumn` or :class:`WideLayoutUnrecognised`."""
    chosen: dict[str, str | None] = {}
    for field in ALIASES:
        named = getattr(mapping, field)
        if named is None:
            continue
        hit = find_column(headers, named)
        if hit is None:
            raise MissingColumn(
                file=file, field=FIELD_LABELS[field], headers=headers, wanted=[named], named=True
            )
        chosen[field] = hit
    named_questions: dict[str, QuestionColumn] = {}
    for name, question in mapping.questions.items():
        hit = find_column(headers, name)
        if hit is None:
            raise MissingColumn(
                file=file, field="a question", headers=headers, wanted=[name], named=True
            )
        named_questions[hit] = question
    taken = {c for c in chosen.values() if c is not None} | set(named_questions)
    wide_layout = (
        kind == "survey"
        and "question" not in chosen
        and (bool(named_questions) or _detect(headers, "question", taken) is None)
    )
    for field in ALIASES:
        if field in chosen:
            continue
        if wide_layout and field in {"score", "question", "comment"}:
            chosen[field] = None
            continue
        hit = _detect(headers, field, taken)
        chosen[field] = hit
        if hit is not None:
            taken.add(hit)
    for field in REQUIRED[kind]:
        if chosen.get(field) is None:
            raise MissingColumn(
                file=file,
                field=FIELD_LABELS[field],
                headers=headers,
                wanted=ALIASES[field],
                named=False,
            )
    if kind == "survey" and not wide_layout and chosen.get("score") is None:
        raise MissingColumn(
            file=file, field="the score", headers=headers, wanted=ALIASES["score"], named=False
        )
    if not wide_layout:
        return FeedbackColumns(chosen)
    return FeedbackColumns(chosen, _wide_questions(headers, named_questions, taken, file))


def _wide_questions(
    headers: Sequence[str], named: dict[str, QuestionColumn], taken: set[str], file: str
) -> tuple[WideQuestion, ...]:
    questions: list[tuple[str, QuestionColumn]] = []
    comments: dict[str, str] = {}
    last_question: str | None = None
    for header in headers:
        if header in named:
            questions.append((header, named[header]))
            last_question = header
            continue
        if header in taken:
            continue
        kind = question_kind(header)
        if kind is not None:
            questions.append((header, QuestionColumn(kind)))
            last_question = header
        elif _is_comment(header):
            # A comment column explains the question before it (or the first, if none).
            comments.setdefault(last_question or "", header)
    if not questions:
        listed = ", ".join(repr(h) for h in headers)
        raise WideLayoutUnrecognised(
            "no question column found: the file has no column for the question (nps, csat, "
            f"ces) and no header names a question; it has {listed}",
            file=file,
            hint="name the question column with --question, or the question columns with "
            "--question-column 'HEADER=nps' (or csat, ces; add @touchpoint)",
        )
    first = questions[0][0]
    if "" in comments:
        comments.setdefault(first, comments.pop(""))
    return tuple(WideQuestion(column, q, comments.get(column)) for column, q in questions)
