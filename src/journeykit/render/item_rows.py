"""The map as a table: one row per lane item, for CSV and XLSX exports and for analysis.

Rows come in map order: step by step, and within a step lane by lane as the map draws them
(touchpoints, actions, thoughts, emotions per persona, …, evidence). Headers and label values
(lane names, digital/personal, ratings) are in the chosen language; ids stay as they are so a
row can be traced back to the journey file.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final

from journeykit.model import JourneyDocument, Phase, Step
from journeykit.render.labels import LANE_ORDER, evidence_kind_label, label, lane_label
from journeykit.render.labels import rating_label as rating_word
from journeykit.render.numbers_row import NumbersRow, numbers_label, numbers_text

#: What one spreadsheet cell holds: text, a whole number, or nothing.
SheetValue = str | int | None

_HEADERS: Final[tuple[tuple[str, str], ...]] = (
    ("Phase", "Phase"),
    ("Phase ID", "Phasen-ID"),
    ("Step no.", "Schritt-Nr."),
    ("Step", "Schritt"),
    ("Step ID", "Schritt-ID"),
    ("Lane", "Lane"),
    ("Item ID", "Eintrags-ID"),
    ("Text", "Text"),
    ("Persona", "Persona"),
    ("Persona ID", "Persona-ID"),
    ("Score", "Wert"),
    ("Rating", "Bewertung"),
    ("Channel", "Kanal"),
    ("Digital/personal", "Digital/persönlich"),
    ("Direct/indirect", "Direkt/indirekt"),
    ("Importance", "Wichtigkeit"),
)


def item_headers(language: str) -> list[SheetValue]:
    """The column headers of the item table in ``language``."""
    return [de if language == "de" else en for en, de in _HEADERS]


def _row(
    phase: Phase, number: int, step: Step, lane: str, language: str, item_id: str, text: str
) -> list[SheetValue]:
    return [
        phase.name.text(language),
        phase.id,
        number,
        step.title,
        step.id,
        lane_label(lane, language),
        item_id,
        text,
        None,
        None,
        None,
        None,
        None,
        None,
        None,
        None,
    ]


def _step_rows(
    doc: JourneyDocument, phase: Phase, number: int, step: Step, lanes: list[str], language: str
) -> Iterator[list[SheetValue]]:
    for lane in lanes:
        if lane == "touchpoints":
            for touchpoint in step.touchpoints:
                row = _row(phase, number, step, lane, language, touchpoint.id, touchpoint.name)
                row[12:16] = [
                    touchpoint.channel,
                    label(touchpoint.mode, language),
                    label(touchpoint.ownership, language),
                    touchpoint.importance,
                ]
                yield row
        elif lane == "emotions":
            for emotion in step.lanes.emotions:
                persona = doc.persona(emotion.persona_id)
                row = _row(
                    phase, number, step, lane, language, emotion.persona_id, emotion.note or ""
                )
                row[8:12] = [
                    persona.name if persona is not None else emotion.persona_id,
                    emotion.persona_id,
                    emotion.score,
                    rating_word(emotion.rating, language) if emotion.rating else None,
                ]
                yield row
        elif lane == "evidence":
            for evidence in doc.evidence:
                if step.id in evidence.step_ids:
                    text = evidence.text or evidence.link or ""
                    kind = evidence_kind_label(evidence.kind, language)
                    source = f" ({evidence.source})" if evidence.source else ""
                    yield _row(
                        phase, number, step, lane, language, evidence.id, f"{kind}: {text}{source}"
                    )
        else:
            for item in step.lanes.text_lane(lane):
                yield _row(phase, number, step, lane, language, item.id, item.text)


def item_rows(
    doc: JourneyDocument,
    *,
    language: str,
    hidden: frozenset[str] = frozenset(),
    numbers: NumbersRow | None = None,
) -> list[list[SheetValue]]:
    """Every lane item of the journey as a row (without the header), in map order; with
    ``numbers``, each step's numbers first, as one row of the lane "Numbers"."""
    lanes = [lane for lane in LANE_ORDER if lane not in hidden]
    rows: list[list[SheetValue]] = []
    for number, (phase, step) in enumerate(doc.journey.steps(), start=1):
        if numbers is not None:
            text = numbers_text(numbers.get(step.id))
            if text is not None:
                row = _row(phase, number, step, "touchpoints", language, step.id, text)
                row[5] = numbers_label(language)
                rows.append(row)
        rows.extend(_step_rows(doc, phase, number, step, lanes, language))
    return rows
