"""Feedback files into :class:`~journeykit.feedback.records.Response` rows, all or nothing.

Every row is checked — its date, its score against the question's scale, its touchpoint
against the workspace's journeys, its text — and a row that fails is a counted reject with
its reason, never a half-imported answer. Rows that repeat an earlier row are rejected as
duplicates.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

import pyarrow as pa

from journeykit.events.importers.errors import EmptyFile, ImportFailed
from journeykit.events.importers.headers import match_key
from journeykit.events.importers.numeric import detect_decimal, number_text
from journeykit.events.importers.rejects import Reject
from journeykit.feedback.importers.columns import FeedbackColumns, resolve_columns
from journeykit.feedback.importers.dates import parse_date
from journeykit.feedback.importers.mapping import (
    FEEDBACK_KINDS,
    FeedbackKind,
    FeedbackMapping,
)
from journeykit.feedback.importers.table import TextTable, read_text_table
from journeykit.feedback.places import Place, PlaceIndex, placed
from journeykit.feedback.records import Response
from journeykit.feedback.scores import (
    DEFAULT_CES_SCALE,
    DEFAULT_CSAT_SCALE,
    NPS_SCALE,
    SCORE_KINDS,
    Scale,
    ScoreKind,
)
from journeykit.model.errors import did_you_mean

#: Question names in files, as the kind they stand for.
QUESTION_NAMES: dict[str, ScoreKind] = {
    "nps": "nps",
    "netpromoterscore": "nps",
    "weiterempfehlung": "nps",
    "recommend": "nps",
    "csat": "csat",
    "zufriedenheit": "csat",
    "satisfaction": "csat",
    "ces": "ces",
    "aufwand": "ces",
    "effort": "ces",
    "customereffortscore": "ces",
}
REVIEW_SCALE = Scale(1, 5)

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class Scales:
    """The answer scales a file's scores are checked against."""

    csat: Scale = DEFAULT_CSAT_SCALE
    ces: Scale = DEFAULT_CES_SCALE
    review: Scale = REVIEW_SCALE

    def of(self, kind: ScoreKind) -> Scale:
        """The scale of one question kind."""
        return {"nps": NPS_SCALE, "csat": self.csat, "ces": self.ces}[kind]


@dataclass
class FeedbackBatch:
    """What the files held: usable responses, rejected rows and how many rows were read."""

    responses: list[Response]
    rejects: list[Reject] = field(default_factory=list)
    rows_read: int = 0


class _RowError(Exception):
    def __init__(self, field: str | None, reason: str) -> None:
        super().__init__(reason)
        self.field = field
        self.reason = reason


def _question(value: str) -> ScoreKind:
    key = match_key(value)
    if key in QUESTION_NAMES:
        return QUESTION_NAMES[key]
    for name, kind in QUESTION_NAMES.items():
        if len(name) > 4 and name in key:  # "NPS-Frage: Weiterempfehlung" and the like
            return kind
    suggestion = did_you_mean(value.lower(), SCORE_KINDS)
    raise _RowError(
        "question",
        f"unknown question {value!r}; expected nps, csat or ces"
        + (f" (did you mean {suggestion!r}?)" if suggestion else ""),
    )


class _Converter:
    def __init__(
        self,
        table: TextTable,
        columns: FeedbackColumns,
        kind: FeedbackKind,
        places: PlaceIndex,
        scales: Scales,
    ) -> None:
        self.table, self.columns, self.kind = table, columns, kind
        self.places, self.scales = places, scales
        self.index = {name: i for i, name in enumerate(table.headers)}
        numeric = [c for c in (columns["score"], *(w.column for w in columns.wide)) if c]
        sample = [pa.array([row[self.index[c]] for row in table.rows]) for c in numeric]
        self.decimal = detect_decimal(sample) if sample else "."

    def cell(self, row: list[str], field: str) -> str:
        column = self.columns[field]
        return row[self.index[column]] if column is not None else ""

    def number(self, text: str, field: str, scale: Scale, what: str) -> float:
        is_number, normal = number_text(pa.array([text]), self.decimal)
        if not is_number[0].as_py():
            raise _RowError(field, f"{what} {text!r} is not a number")
        value = float(normal[0].as_py())
        if not scale.contains(value):
            if value.is_integer() or not scale.low <= value <= scale.high:
                raise _RowError(field, f"{what} {text} is outside the scale {scale}")
            # Answers on a rating scale are whole points; a half point is a typo or an average.
            raise _RowError(field, f"{what} {text} is not a whole number on the scale {scale}")
        return value

    def place(self, text: str) -> Place | None:
        if not text:
            return None
        if self.places.empty:
            raise _RowError(
                "touchpoint",
                f"touchpoint {text!r} cannot be placed: the workspace has no journey yet",
            )
        found = self.places.find(text)
        if found is None:
            suggestion = self.places.suggest(text)
            raise _RowError(
                "touchpoint",
                f"unknown touchpoint or step {text!r}"
                + (f"; did you mean {suggestion!r}?" if suggestion else ""),
            )
        return found

    def base(self, row: list[str], number: int) -> Response:
        date_text = self.cell(row, "date")
        if not date_text:
            raise _RowError("date", "empty date")
        date = parse_date(date_text)
        if date is None:
            raise _RowError(
                "date", f"date {date_text!r} is not a date (expected 2024-03-31 or 31.03.2024)"
            )
        response = Response(
            kind=self.kind,
            date=date,
            customer_id=self.cell(row, "customer_id") or None,
            channel=self.cell(row, "channel").lower() or None,
            persona=self.cell(row, "persona") or None,
            title=self.cell(row, "title") or None,
            source=self.cell(row, "source") or None,
            category=self.cell(row, "category") or None,
            source_file=self.table.file,
            source_row=number,
        )
        return placed(response, self.place(self.cell(row, "touchpoint")))

    def convert(self, row: list[str], number: int) -> list[Response]:
        base = self.base(row, number)
        comment = self.cell(row, "comment") or None
        if self.kind == "ticket":
            if comment is None:
                raise _RowError("comment", "empty ticket text")
            return [replace(base, comment=comment)]
        if self.kind == "review":
            stars = self.cell(row, "score")
            if not stars:
                raise _RowError("score", "empty rating")
            rating = self.number(stars, "score", self.scales.review, "rating")
            return [replace(base, score=rating, comment=comment)]
        if self.columns.wide:
            return self.wide(row, base)
        question_text = self.cell(row, "question")
        score_text = self.cell(row, "score")
        if not question_text:
            raise _RowError("question", "empty question (expected nps, csat or ces)")
        question = _question(question_text)
        if not score_text:
            raise _RowError("score", f"empty {question.upper()} score")
        score = self.number(score_text, "score", self.scales.of(question), question.upper())
        return [replace(base, question=question, score=score, comment=comment)]

    def wide(self, row: list[str], base: Response) -> list[Response]:
        answers = []
        for question in self.columns.wide:
            text = row[self.index[question.column]]
            comment = row[self.index[question.comment]] if question.comment else ""
            if not text:
                continue
            kind = question.question.kind
            score = self.number(text, question.column, self.scales.of(kind), kind.upper())
            answer = replace(base, question=kind, score=score, comment=comment or None)
            place = self._question_place(question.column, question.question.touchpoint)
            answers.append(placed(answer, place) if place is not None else answer)
        if not answers:
            raise _RowError(None, "no answer in any question column")
        return answers

    def _question_place(self, column: str, named: str | None) -> Place | None:
        if named is not None:
            return self.place(named)
        return None if self.places.empty else self.places.within(column)


def _convert_table(
    table: TextTable,
    mapping: FeedbackMapping,
    kind: FeedbackKind,
    places: PlaceIndex,
    scales: Scales,
) -> tuple[list[Response], list[Reject]]:
    if not table.rows and not table.rejects:
        raise EmptyFile("the file has a header but no rows", file=table.file)
    columns = resolve_columns(table.headers, mapping, kind, file=table.file)
    converter = _Converter(table, columns, kind, places, scales)
    responses: list[Response] = []
    rejects = list(table.rejects)
    for i, (row, number) in enumerate(zip(table.rows, table.numbers, strict=True)):
        try:
            responses.extend(converter.convert(row, number))
        except _RowError as exc:
            rejects.append(Reject(table.file, number, exc.field, exc.reason, table.raw(i)))
    return responses, rejects


def read_feedback(
    paths: Sequence[Path],
    *,
    kind: FeedbackKind = "survey",
    mapping: FeedbackMapping = FeedbackMapping(),  # noqa: B008 - frozen, one shared default is safe
    places: PlaceIndex | None = None,
    scales: Scales = Scales(),
    progress: Progress | None = None,
) -> FeedbackBatch:
    """Read feedback files of one kind into a batch of responses plus rejects.

    ``places`` are the workspace's touchpoints and steps; answers naming another place are
    rejected with the closest known name. ``progress(done, total)`` counts files.
    """
    if kind not in FEEDBACK_KINDS:
        suggestion = did_you_mean(str(kind), FEEDBACK_KINDS)
        raise ImportFailed(
            f"unknown kind of feedback {kind!r}"
            + (f"; did you mean {suggestion!r}?" if suggestion else ""),
            hint="kinds: survey, review, ticket",
        )
    if not paths:
        raise ImportFailed("no files to import")
    index = places if places is not None else PlaceIndex({}, ())
    batch = FeedbackBatch([])
    seen: dict[str, tuple[str, int]] = {}
    for done, path in enumerate(paths):
        if progress is not None:
            progress(done, len(paths))
        table = read_text_table(
            path, delimiter=mapping.delimiter, encoding=mapping.encoding, sheet=mapping.sheet
        )
        responses, rejects = _convert_table(table, mapping, kind, index, scales)
        batch.rows_read += table.rows_read
        batch.rejects.extend(rejects)
        repeated: set[int] = set()
        for response in responses:
            key = response.key()
            if key in seen:
                first_file, first_row = seen[key]
                where = f"row {first_row}" + (
                    "" if first_file == response.source_file else f" of {first_file}"
                )
                if response.source_row not in repeated:
                    repeated.add(response.source_row)
                    row_index = table.numbers.index(response.source_row)
                    batch.rejects.append(
                        Reject(
                            table.file,
                            response.source_row,
                            None,
                            f"duplicate answer: same as {where}",
                            table.raw(row_index),
                        )
                    )
                continue
            seen[key] = (response.source_file, response.source_row)
            batch.responses.append(response)
    if progress is not None:
        progress(len(paths), len(paths))
    batch.rejects.sort(key=lambda r: ([str(p) for p in paths].index(r.file), r.row))
    return batch
