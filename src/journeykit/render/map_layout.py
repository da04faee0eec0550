"""The layout of a drawn map: its measures, its columns, and the parts a page can hold."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from journeykit.model import JourneyDocument, Phase, Step

LABEL_WIDTH = 178.0
COLUMN_WIDTH = 196.0
EMPTY_PHASE_WIDTH = 128.0
CELL_PAD = 8.0
MIN_LANE_HEIGHT = 44.0
PHASE_BAND = 32.0
MARGIN = 16.0


@dataclass(frozen=True)
class Column:
    """One column of the map: a step of a phase, or the slim placeholder of an empty phase."""

    phase_index: int
    phase: Phase
    step: Step | None
    number: int | None
    x: float
    width: float

    @property
    def centre(self) -> float:
        return self.x + self.width / 2


#: A part of a journey to draw: (index of the phase in the journey, phase, its steps shown).
MapPart = Sequence[tuple[int, Phase, Sequence[Step]]]


def whole_journey(doc: JourneyDocument) -> list[tuple[int, Phase, list[Step]]]:
    """Every phase with all its steps; optional phases without steps are left out."""
    return [
        (index, phase, list(phase.steps))
        for index, phase in enumerate(doc.journey.phases)
        if phase.steps or not phase.optional
    ]


def map_columns(part: MapPart, numbers: dict[str, int]) -> list[Column]:
    columns: list[Column] = []
    x = LABEL_WIDTH
    for index, phase, steps in part:
        if not steps:
            columns.append(Column(index, phase, None, None, x, EMPTY_PHASE_WIDTH))
            x += EMPTY_PHASE_WIDTH
        for step in steps:
            columns.append(Column(index, phase, step, numbers.get(step.id), x, COLUMN_WIDTH))
            x += COLUMN_WIDTH
    return columns
