"""The optional numbers row of a drawn or tabled map: each step's measured numbers as text.

The numbers themselves are computed by :mod:`journeykit.insight.step_numbers` and worded by
:mod:`journeykit.insight.step_numbers_text`; this room only draws what it is given, so a
map exported without numbers is exactly what it always was. A step nothing backs is drawn
with a dashed amber "assumption" mark.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from journeykit.render import palette
from journeykit.render.svg import attr, num, text_block, tooltip
from journeykit.render.text_metrics import wrap

#: The row's name, as lanes are named: (English, German).
NUMBERS_LABEL = ("Numbers", "Kennzahlen")
NUMBERS_ACCENT = "#0f7482"
ASSUMPTION_COLOUR = "#b26a00"
_SIZE = 9.6
_LINE = 12.5
_PAD = 6.0


@dataclass(frozen=True)
class StepFigures:
    """What the numbers row shows for one step: worded lines, or the assumption mark."""

    lines: tuple[str, ...]
    assumption: bool
    assumption_text: str


#: The numbers row of a map: figures by step id (None: the map has no numbers row).
NumbersRow = Mapping[str, StepFigures]


def numbers_label(language: str) -> str:
    """The row's name in ``language``."""
    en, de = NUMBERS_LABEL
    return de if language == "de" else en


def numbers_cell_svg(figures: StepFigures | None, inner: float) -> tuple[str, float]:
    """The SVG of one step's numbers (drawn at the origin) and its height."""
    if figures is None:
        return "", 0.0
    if figures.assumption:
        lines = wrap(figures.assumption_text, inner - 2 * _PAD, _SIZE, bold=True)
        height = len(lines) * _LINE + 2 * _PAD
        svg = (
            f'<g class="numbers assumption" data-assumption="1">{tooltip(figures.assumption_text)}'
            f'<rect width="{num(inner)}" height="{num(height)}" rx="3" '
            f'fill="{palette.tint(ASSUMPTION_COLOUR, 0.9)}" stroke="{ASSUMPTION_COLOUR}" '
            'stroke-dasharray="4 3"/>'
            + text_block(
                lines,
                _PAD,
                _PAD + 9.5,
                size=_SIZE,
                line_height=_LINE,
                fill=ASSUMPTION_COLOUR,
                bold=True,
            )
            + "</g>"
        )
        return svg, height
    wrapped: list[str] = []
    for line in figures.lines:
        wrapped.extend(wrap(line, inner - 2 * _PAD, _SIZE, max_lines=2))
    if not wrapped:
        return "", 0.0
    height = len(wrapped) * _LINE + 2 * _PAD
    svg = (
        f'<g class="numbers" data-lines="{attr(str(len(figures.lines)))}">'
        f"{tooltip(' · '.join(figures.lines))}"
        f'<rect width="{num(inner)}" height="{num(height)}" rx="3" '
        f'fill="{palette.tint(NUMBERS_ACCENT, 0.92)}" '
        f'stroke="{palette.tint(NUMBERS_ACCENT, 0.6)}"/>'
        + text_block(wrapped, _PAD, _PAD + 9.5, size=_SIZE, line_height=_LINE, fill=palette.INK)
        + "</g>"
    )
    return svg, height


def numbers_text(figures: StepFigures | None) -> str | None:
    """One step's numbers as one cell of a table (lines joined, or the assumption mark)."""
    if figures is None:
        return None
    if figures.assumption:
        return figures.assumption_text
    return "\n".join(figures.lines) or None
