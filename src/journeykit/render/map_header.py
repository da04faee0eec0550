"""The head of a drawn map: the title block, the phase bands and the step headers."""

from __future__ import annotations

from journeykit.model import JourneyDocument, Phase
from journeykit.render import palette
from journeykit.render.labels import label
from journeykit.render.map_cells import Cell, kpi_text
from journeykit.render.map_layout import CELL_PAD, LABEL_WIDTH, MARGIN, PHASE_BAND, Column
from journeykit.render.svg import attr, num, text_block
from journeykit.render.text_metrics import ellipsize, wrap


def title_block(doc: JourneyDocument, total: float, language: str, page: str | None) -> Cell:
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


def phase_bands(
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


def step_headers(columns: list[Column], top: float, language: str) -> tuple[str, float]:
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
