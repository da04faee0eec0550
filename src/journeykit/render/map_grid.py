"""The map as a spreadsheet grid: one column per step, one row per lane, a phase row on top.

This is the layout many teams keep their maps in, and the one
:func:`journeykit.render.spreadsheet.read_map_sheet` reads back: exporting a journey's grid
and importing it gives the same phases, steps and lane texts.
"""

from __future__ import annotations

from journeykit.model import JourneyDocument
from journeykit.model.lanes import TEXT_LANES, Emotion
from journeykit.model.touchpoint import Touchpoint
from journeykit.render.emotion_curve import curve_personas
from journeykit.render.item_rows import SheetValue
from journeykit.render.labels import channel_label, label, lane_label, rating_label
from journeykit.render.numbers_row import NumbersRow, numbers_label, numbers_text

#: The lanes of the grid in order (evidence lives in the journey file, not in the grid).
GRID_LANES = ("touchpoints", "actions", "thoughts", "emotions", *list(TEXT_LANES)[2:])


def touchpoint_text(touchpoint: Touchpoint, language: str) -> str:
    """``Warenkorb (web, digital, direkt, 4/5)``: a touchpoint as one line of a grid cell."""
    marks = [
        channel_label(touchpoint.channel, language),
        label(touchpoint.mode, language),
        label(touchpoint.ownership, language),
    ]
    if touchpoint.importance is not None:
        marks.append(f"{touchpoint.importance}/5")
    return f"{touchpoint.name} ({', '.join(marks)})"


def emotion_text(emotion: Emotion, language: str) -> str:
    """``-2 (enttäuschend)``: a score with its rating, or the score alone."""
    score = f"{emotion.score:+d}" if emotion.score else "0"
    return f"{score} ({rating_label(emotion.rating, language)})" if emotion.rating else score


def map_grid(
    doc: JourneyDocument,
    *,
    language: str,
    hidden: frozenset[str] = frozenset(),
    numbers: NumbersRow | None = None,
) -> list[list[SheetValue]]:
    """The grid's rows; cells with several items hold them on separate lines. ``numbers``
    adds the numbers row under the steps, named with a leading ``#`` so that importing the
    sheet again skips it (numbers are measured, not drawn)."""
    journey = doc.journey
    steps = list(journey.steps())
    first = "de" if language == "de" else "en"
    phase_row: list[SheetValue] = ["Phase"]
    step_row: list[SheetValue] = ["Schritt" if first == "de" else "Step"]
    previous = None
    for phase, step in steps:
        phase_row.append(phase.name.text(language) if phase.id != previous else None)
        previous = phase.id
        step_row.append(step.title)
    rows = [phase_row, step_row]
    if numbers is not None:
        rows.append(
            [f"# {numbers_label(language)}", *[numbers_text(numbers.get(s.id)) for _p, s in steps]]
        )
    for lane in GRID_LANES:
        if lane in hidden:
            continue
        if lane == "touchpoints":
            cells: list[SheetValue] = [lane_label(lane, language)]
            cells += [
                "\n".join(touchpoint_text(t, language) for t in s.touchpoints) or None
                for _p, s in steps
            ]
            rows.append(cells)
        elif lane == "emotions":
            for persona in curve_personas(doc):
                row: list[SheetValue] = [f"{lane_label(lane, language)}: {persona.name}"]
                for _phase, step in steps:
                    found = next(
                        (e for e in step.lanes.emotions if e.persona_id == persona.id), None
                    )
                    if found is None:
                        row.append(None)
                    else:  # a plain score stays a number, so a spreadsheet can chart it
                        row.append(emotion_text(found, language) if found.rating else found.score)
                rows.append(row)
        else:
            texts: list[SheetValue] = [lane_label(lane, language)]
            texts += ["\n".join(i.text for i in s.lanes.text_lane(lane)) or None for _p, s in steps]
            rows.append(texts)
    return rows
