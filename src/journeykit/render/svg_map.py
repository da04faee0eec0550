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
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from journeykit.model import JourneyDocument, Phase, Step
from journeykit.model.lanes import TEXT_LANES
from journeykit.render import palette
from journeykit.render.emotion_curve import CURVE_HEIGHT, SCORES, draw_curve, draw_legend, score_y
from journeykit.render.errors import JourneyNotInDocument, UnknownLane
from journeykit.render.icons import LANE_ICONS, icon
from journeykit.render.labels import LANE_ORDER, label, lane_label
from journeykit.render.map_cells import (
    EMPTY,
    Cell,
    evidence_cell,
    kpi_text,
    text_lane_cell,
    touchpoint_cell,
)
from journeykit.render.svg import FONT_FAMILY, attr, esc, num, text_block
from journeykit.render.text_metrics import ellipsize, largest_fitting, wrap

LABEL_WIDTH = 178.0
COLUMN_WIDTH = 196.0
EMPTY_PHASE_WIDTH = 128.0
CELL_PAD = 8.0
MIN_LANE_HEIGHT = 44.0
PHASE_BAND = 32.0
MARGIN = 16.0

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


def check_lanes(hidden_lanes: Collection[str]) -> frozenset[str]:
    """The hidden lanes as a set; an unknown lane name is an :class:`UnknownLane` error."""
    for lane in hidden_lanes:
        if lane not in LANE_ORDER:
            raise UnknownLane(lane, LANE_ORDER)
    return frozenset(hidden_lanes)


def whole_journey(doc: JourneyDocument) -> list[tuple[int, Phase, list[Step]]]:
    """Every phase with all its steps; optional phases without steps are left out."""
    return [
        (index, phase, list(phase.steps))
        for index, phase in enumerate(doc.journey.phases)
        if phase.steps or not phase.optional
    ]


def _columns(part: MapPart, numbers: dict[str, int]) -> list[Column]:
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


def _title_block(doc: JourneyDocument, total: float, language: str, page: str | None) -> Cell:
    journey = doc.journey
    limit = total - 2 * MARGIN
    facts = [label(journey.state, language)]
    if doc.revision is not None:
        facts.append(f"{label('revision', language)} {doc.revision}")
    facts.append(f"{journey.step_count()} {label('steps', language)}")
    if journey.persona_ids:
        facts.append(f"{len(journey.persona_ids)} {label('personas', language)}")
    if doc.project is not None:
        facts.insert(0, doc.project.name)
    if page:
        facts.append(page)
    parts = [
        text_block(
            [ellipsize(journey.title, limit, 20, bold=True)],
            MARGIN,
            30,
            size=20,
            line_height=24,
            fill=palette.INK,
            bold=True,
        ),
        text_block(
            [ellipsize(" · ".join(facts), limit, 11.5)],
            MARGIN,
            49,
            size=11.5,
            line_height=14,
            fill=palette.MUTED,
        ),
    ]
    height = 62.0
    kpis = [k for k in doc.kpis if k.scope == "journey"]
    if kpis:
        line = f"{label('kpi', language)}: " + " · ".join(kpi_text(k, language) for k in kpis)
        parts.append(
            text_block(
                [ellipsize(line, limit, 10.5)],
                MARGIN,
                66,
                size=10.5,
                line_height=13,
                fill="#0f7482",
                css_class="journey-kpis",
            )
        )
        height = 78.0
    return Cell(f'<g class="map-title">{"".join(parts)}</g>', height)


def _phase_bands(
    doc: JourneyDocument, columns: list[Column], top: float, language: str
) -> tuple[str, float]:
    groups: list[tuple[int, Phase, float, float]] = []
    for column in columns:
        if groups and groups[-1][0] == column.phase_index:
            index, phase, x, w = groups[-1]
            groups[-1] = (index, phase, x, w + column.width)
        else:
            groups.append((column.phase_index, column.phase, column.x, column.width))
    kpi_lines = {
        phase.id: [
            kpi_text(k, language) for k in doc.kpis if k.scope == "phase" and k.scope_id == phase.id
        ]
        for _i, phase, _x, _w in groups
    }
    extra = max((min(len(v), 2) for v in kpi_lines.values()), default=0) * 12.0
    height = PHASE_BAND + extra
    parts = [
        f'<rect x="0" y="{num(top)}" width="{num(LABEL_WIDTH)}" height="{num(height)}" '
        f'fill="{palette.LABEL_FILL}"/>',
        text_block(
            [label("phases", language)],
            CELL_PAD + 4,
            top + 20,
            size=11,
            line_height=13,
            fill=palette.MUTED,
            bold=True,
        ),
    ]
    for index, phase, x, w in groups:
        colour = palette.phase_colour(index)
        name = ellipsize(phase.name.text(language), w - 2 * CELL_PAD, 12.5, bold=True)
        body = text_block(
            [name], x + CELL_PAD, top + 20, size=12.5, line_height=15, fill="#ffffff", bold=True
        )
        kpis = [
            ellipsize(f"{label('kpi', language)}: {text}", w - 2 * CELL_PAD, 9.5)
            for text in kpi_lines[phase.id][:2]
        ]
        if kpis:
            body += text_block(
                kpis, x + CELL_PAD, top + 34, size=9.5, line_height=12, fill="#ffffff"
            )
        parts.append(
            f'<g class="phase" data-phase-id="{attr(phase.id)}">'
            f'<rect x="{num(x + 1)}" y="{num(top + 1)}" width="{num(w - 2)}" '
            f'height="{num(height - 2)}" rx="3" fill="{colour}"/>{body}</g>'
        )
    return "".join(parts), height


def _step_headers(columns: list[Column], top: float, language: str) -> tuple[str, float]:
    titles = {
        id(c): wrap(c.step.title, c.width - 2 * CELL_PAD - 26, 12, bold=True, max_lines=4)
        for c in columns
        if c.step is not None
    }
    lines = max((len(t) for t in titles.values()), default=1)
    height = max(lines * 15 + 2 * CELL_PAD + 2, 44)
    parts = [
        f'<rect x="0" y="{num(top)}" width="{num(LABEL_WIDTH)}" height="{num(height)}" '
        f'fill="{palette.LABEL_FILL}"/>',
        text_block(
            [label("step_column", language)],
            CELL_PAD + 4,
            top + 20,
            size=11,
            line_height=13,
            fill=palette.MUTED,
            bold=True,
        ),
    ]
    for column in columns:
        colour = palette.phase_colour(column.phase_index)
        background = (
            f'<rect x="{num(column.x + 1)}" y="{num(top + 1)}" width="{num(column.width - 2)}" '
            f'height="{num(height - 2)}" rx="3" fill="{palette.tint(colour, 0.86)}"/>'
        )
        if column.step is None:
            parts.append(
                f'<g class="empty-phase" data-phase-id="{attr(column.phase.id)}">{background}'
                + text_block(
                    wrap(label("no_steps", language), column.width - 2 * CELL_PAD, 10.5),
                    column.x + CELL_PAD,
                    top + 20,
                    size=10.5,
                    line_height=13,
                    fill=palette.MUTED,
                    italic=True,
                )
                + "</g>"
            )
            continue
        badge = ""
        if column.number is not None:
            badge = (
                f'<circle cx="{num(column.x + CELL_PAD + 9)}" cy="{num(top + CELL_PAD + 9)}" '
                f'r="9.5" fill="{colour}"/>'
                + text_block(
                    [str(column.number)],
                    column.x + CELL_PAD + 9,
                    top + CELL_PAD + 12.5,
                    size=9.5 if column.number < 100 else 8,
                    line_height=10,
                    fill="#ffffff",
                    bold=True,
                    anchor="middle",
                )
            )
        parts.append(
            f'<g class="step" data-step-id="{attr(column.step.id)}" '
            f'data-phase-id="{attr(column.phase.id)}">{background}{badge}'
            + text_block(
                titles[id(column)],
                column.x + CELL_PAD + 25,
                top + CELL_PAD + 12,
                size=12,
                line_height=15,
                fill=palette.INK,
                bold=True,
                css_class="step-title",
            )
            + "</g>"
        )
    return "".join(parts), float(height)


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
) -> str:
    """The SVG of ``part`` of the journey (all of it, or the columns of one printed page)."""
    numbers = {step.id: n for n, (_phase, step) in enumerate(doc.journey.steps(), start=1)}
    columns = _columns(part, numbers)
    right = columns[-1].x + columns[-1].width if columns else LABEL_WIDTH + COLUMN_WIDTH
    title = _title_block(doc, right, language, page)
    y = title.height
    bands, band_height = _phase_bands(doc, columns, y, language)
    y += band_height
    headers, header_height = _step_headers(columns, y, language)
    y += header_height
    background: list[str] = []
    content: list[str] = []
    lanes = [lane for lane in LANE_ORDER if lane not in hidden]
    boundaries: list[tuple[float, str]] = []
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
