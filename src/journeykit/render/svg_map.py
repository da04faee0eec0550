"""The journey map as one standalone SVG: phases as column groups, steps as columns, lanes as rows.

The drawing reads top to bottom: a title block, a band per phase, a header per step, then one
row per lane (touchpoints, actions, thoughts, the emotion curve, needs, pain points, love
points, opportunities, the service-blueprint lanes, and evidence with KPI badges). Every text
is wrapped to its column and escaped; elements carry ``data-*`` ids (``data-phase-id``,
``data-step-id``, ``data-lane``, ``data-item-id``) so pages and tests can find them.

>>> from journeykit.model import Journey, JourneyDocument, Step, default_phases
>>> phases = default_phases(include_optional=False)
>>> phases[0].steps.append(Step(id="st-1", title="Anzeige sehen"))
>>> doc = JourneyDocument(
...     format_version=1, journey=Journey(id="j", title="Kauf", state="as_is", phases=phases))
>>> svg = journey_map_svg(doc, "j", hidden_lanes=["backstage"])
>>> svg.startswith("<svg") and "Anzeige sehen" in svg and 'data-lane="backstage"' not in svg
True
"""

from __future__ import annotations

import itertools
from collections.abc import Collection

from journeykit.model import JourneyDocument
from journeykit.model.lanes import TEXT_LANES
from journeykit.render import palette
from journeykit.render.emotion_curve import CURVE_HEIGHT, SCORES, draw_curve, draw_legend, score_y
from journeykit.render.errors import JourneyNotInDocument, UnknownLane
from journeykit.render.icons import LANE_ICONS, icon
from journeykit.render.labels import LANE_ORDER, label, lane_label
from journeykit.render.map_cells import EMPTY, Cell, evidence_cell, text_lane_cell, touchpoint_cell
from journeykit.render.map_header import phase_bands, step_headers, title_block
from journeykit.render.map_layout import (
    CELL_PAD,
    COLUMN_WIDTH,
    LABEL_WIDTH,
    MIN_LANE_HEIGHT,
    Column,
    MapPart,
    map_columns,
    whole_journey,
)
from journeykit.render.numbers_row import (
    NUMBERS_ACCENT,
    NumbersRow,
    numbers_cell_svg,
    numbers_label,
)
from journeykit.render.svg import FONT_FAMILY, attr, esc, num, text_block
from journeykit.render.text_metrics import ellipsize, largest_fitting, wrap

_LANE_ACCENT = {
    "touchpoints": "#1d4e89",
    "emotions": "#b0522a",
    "evidence": "#3d5a80",
    **{lane: colours.accent for lane, colours in palette.LANES.items()},
}
_BLUEPRINT_LINES = {
    ("frontstage", "backstage"): "line_of_visibility",
    ("backstage", "support_processes"): "line_of_internal_interaction",
}


def check_lanes(hidden_lanes: Collection[str]) -> frozenset[str]:
    """The hidden lanes as a set; an unknown lane name is an :class:`UnknownLane` error.

    A single lane given as a plain string counts as that lane, not as its letters.
    """
    if isinstance(hidden_lanes, str):
        hidden_lanes = [hidden_lanes]
    for lane in hidden_lanes:
        if lane not in LANE_ORDER:
            raise UnknownLane(lane, LANE_ORDER)
    return frozenset(hidden_lanes)


def _lane_cell(doc: JourneyDocument, lane: str, column: Column, language: str) -> Cell:
    if column.step is None:
        return EMPTY
    inner = column.width - 2 * CELL_PAD
    if lane == "touchpoints":
        return touchpoint_cell(column.step, inner, language)
    if lane == "evidence":
        return evidence_cell(doc, column.step, inner, language)
    return text_lane_cell(column.step, lane, inner)


def _lane_label(lane: str, top: float, language: str) -> tuple[str, float]:
    colour = _LANE_ACCENT[lane]
    name = lane_label(lane, language, breakable=True)
    limit = LABEL_WIDTH - 2 * CELL_PAD - 30
    # A long German compound ("Optimierungspotenziale") gets a smaller size, not a broken word.
    size = largest_fitting(name, limit, (12.0, 11.0, 10.0), bold=True)
    lines = wrap(name, limit, size, bold=True)
    svg = icon(LANE_ICONS[lane], CELL_PAD + 2, top + CELL_PAD + 1, 18, colour) + text_block(
        lines,
        CELL_PAD + 28,
        top + CELL_PAD + 14,
        size=size,
        line_height=15,
        fill=palette.INK,
        bold=True,
    )
    return svg, len(lines) * 15 + CELL_PAD + 6


def _emotion_lane(
    doc: JourneyDocument, columns: list[Column], top: float, right: float, language: str
) -> tuple[str, float]:
    name, name_height = _lane_label("emotions", top, language)
    legend, legend_height = draw_legend(
        doc,
        CELL_PAD + 4,
        top + name_height + 12,
        limit=LABEL_WIDTH - 2 * CELL_PAD - 6,
        language=language,
        vertical=True,
    )
    height = max(CURVE_HEIGHT, name_height + legend_height + 16)
    # The scale sits at the left of the first column, where no line runs yet.
    scale = "".join(
        text_block(
            [f"{s:+d}" if s else "0"],
            LABEL_WIDTH + 6,
            score_y(s, top, height) + 3.5,
            size=9.5,
            line_height=10,
            fill=palette.MUTED,
        )
        for s in SCORES
    )
    steps = [(c.step, c.centre) for c in columns if c.step is not None]
    curve = draw_curve(
        doc, steps, left=LABEL_WIDTH, right=right, top=top, language=language, height=height
    )
    return name + legend + scale + curve, height


def draw_map(
    doc: JourneyDocument,
    part: MapPart,
    *,
    language: str,
    hidden: frozenset[str],
    page: str | None = None,
    numbers: NumbersRow | None = None,
) -> str:
    """The SVG of ``part`` of the journey (all of it, or the columns of one printed page);
    with ``numbers``, a numbers row under the step headers (see
    :mod:`journeykit.render.numbers_row`)."""
    positions = {step.id: n for n, (_phase, step) in enumerate(doc.journey.steps(), start=1)}
    columns = map_columns(part, positions)
    right = columns[-1].x + columns[-1].width if columns else LABEL_WIDTH + COLUMN_WIDTH
    title = title_block(doc, right, language, page)
    y = title.height
    bands, band_height = phase_bands(doc, columns, y, language)
    y += band_height
    headers, header_height = step_headers(columns, y, language)
    y += header_height
    background: list[str] = []
    content: list[str] = []
    lanes = [lane for lane in LANE_ORDER if lane not in hidden]
    boundaries: list[tuple[float, str]] = []
    if numbers is not None:
        drawn, height = _numbers_lane(numbers, columns, y, language)
        background.append(
            f'<rect x="0" y="{num(y)}" width="{num(right)}" height="{num(height)}" '
            f'fill="#ffffff"/><rect x="0" y="{num(y)}" width="{num(LABEL_WIDTH)}" '
            f'height="{num(height)}" fill="{palette.LABEL_FILL}"/>'
        )
        content.append(f'<g class="lane" data-lane="numbers">{drawn}</g>')
        y += height
    for position, lane in enumerate(lanes):
        if position and (lanes[position - 1], lane) in _BLUEPRINT_LINES:
            boundaries.append((y, _BLUEPRINT_LINES[(lanes[position - 1], lane)]))
        if lane == "emotions":
            drawn, height = _emotion_lane(doc, columns, y, right, language)
        else:
            cells = [_lane_cell(doc, lane, c, language) for c in columns]
            name, name_height = _lane_label(lane, y, language)
            height = max(
                MIN_LANE_HEIGHT,
                name_height + CELL_PAD,
                max((c.height for c in cells), default=0.0) + 2 * CELL_PAD,
            )
            drawn = name + "".join(
                f'<g transform="translate({num(col.x + CELL_PAD)} {num(y + CELL_PAD)})">'
                f"{cell.svg}</g>"
                for col, cell in zip(columns, cells, strict=True)
                if cell.svg
            )
        fill = "#ffffff" if position % 2 else palette.BAND_FILL
        background.append(
            f'<rect x="0" y="{num(y)}" width="{num(right)}" height="{num(height)}" fill="{fill}"/>'
            f'<rect x="0" y="{num(y)}" width="{num(LABEL_WIDTH)}" height="{num(height)}" '
            f'fill="{palette.LABEL_FILL}"/>'
            f'<line x1="0" y1="{num(y)}" x2="{num(right)}" y2="{num(y)}" '
            f'stroke="{palette.GRID}"/>'
        )
        content.append(f'<g class="lane" data-lane="{lane}">{drawn}</g>')
        y += height
    grid = _grid(columns, title.height, y, right)
    lines = "".join(
        f'<line x1="0" y1="{num(at)}" x2="{num(right)}" y2="{num(at)}" stroke="{palette.INK}" '
        'stroke-width="1.3" stroke-dasharray="8 5"/>'
        + text_block(
            [ellipsize(label(key, language), LABEL_WIDTH - 2 * CELL_PAD, 8.8)],
            CELL_PAD,
            at - 4,
            size=8.8,
            line_height=10,
            fill=palette.MUTED,
            italic=True,
        )
        for at, key in boundaries
    )
    total = y + 1
    heading = f"{label('journey_map', language)}: {doc.journey.title}"
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="journeykit-map" '
        f'width="{num(right)}" height="{num(total)}" viewBox="0 0 {num(right)} {num(total)}" '
        f'font-family="{attr(FONT_FAMILY)}" role="img" aria-label="{attr(heading)}" '
        f'data-journey-id="{attr(doc.journey.id)}">'
        f"<title>{esc(heading)}</title>"
        f'<rect width="{num(right)}" height="{num(total)}" fill="#ffffff"/>'
        + "".join(background)
        + grid
        + title.svg
        + bands
        + headers
        + "".join(content)
        + lines
        + f'<line x1="0" y1="{num(y)}" x2="{num(right)}" y2="{num(y)}" stroke="{palette.GRID}"/>'
        + "</svg>"
    )


def _numbers_lane(
    numbers: NumbersRow, columns: list[Column], top: float, language: str
) -> tuple[str, float]:
    name = text_block(
        [numbers_label(language)],
        CELL_PAD + 2,
        top + CELL_PAD + 14,
        size=12.0,
        line_height=15,
        fill=NUMBERS_ACCENT,
        bold=True,
    )
    cells = [
        numbers_cell_svg(numbers.get(c.step.id), c.width - 2 * CELL_PAD)
        if c.step is not None
        else ("", 0.0)
        for c in columns
    ]
    height = max(MIN_LANE_HEIGHT, max((h for _s, h in cells), default=0.0) + 2 * CELL_PAD)
    drawn = name + "".join(
        f'<g transform="translate({num(col.x + CELL_PAD)} {num(top + CELL_PAD)})">{svg}</g>'
        for col, (svg, _h) in zip(columns, cells, strict=True)
        if svg
    )
    return drawn, height


def _grid(columns: list[Column], top: float, bottom: float, right: float) -> str:
    """Vertical rules: thin between steps, strong between phases and around the label column."""
    parts = [
        f'<line x1="{num(LABEL_WIDTH)}" y1="{num(top)}" x2="{num(LABEL_WIDTH)}" '
        f'y2="{num(bottom)}" stroke="{palette.GRID_STRONG}"/>'
    ]
    for before, column in itertools.pairwise(columns):
        strong = before.phase_index != column.phase_index
        colour = palette.GRID_STRONG if strong else palette.GRID
        parts.append(
            f'<line x1="{num(column.x)}" y1="{num(top)}" x2="{num(column.x)}" y2="{num(bottom)}" '
            f'stroke="{colour}" stroke-width="{1.2 if strong else 1}"/>'
        )
    parts.append(
        f'<line x1="{num(right - 0.5)}" y1="{num(top)}" x2="{num(right - 0.5)}" '
        f'y2="{num(bottom)}" stroke="{palette.GRID}"/>'
    )
    return "".join(parts)


def journey_map_svg(
    doc: JourneyDocument,
    journey_id: str,
    *,
    language: str = "de",
    hidden_lanes: Collection[str] = (),
) -> str:
    """The whole journey map as one standalone SVG string.

    ``language`` ("de" or "en") labels phases, lanes and marks; ``hidden_lanes`` names lanes
    to leave out (the keys of :data:`~journeykit.model.lanes.TEXT_LANES`, ``"touchpoints"``,
    ``"emotions"`` and ``"evidence"``). An unknown lane is an :class:`UnknownLane` error with
    a "did you mean"; a document holding another journey is :class:`JourneyNotInDocument`.
    """
    if doc.journey.id != journey_id:
        raise JourneyNotInDocument(journey_id, doc.journey.id)
    hidden = check_lanes(hidden_lanes)
    return draw_map(doc, whole_journey(doc), language=language, hidden=hidden)


__all__ = ["LANE_ORDER", "TEXT_LANES", "journey_map_svg"]
