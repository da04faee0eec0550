"""The content of one map cell (a step in a lane), drawn at the origin with its height.

A cell is measured and drawn in one go; the map then sizes each lane to its tallest cell and
moves the cells into place. All text is wrapped with :mod:`journeykit.render.text_metrics`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from journeykit.model import JourneyDocument, Step
from journeykit.model.kpi import Kpi
from journeykit.model.lanes import LaneItem
from journeykit.model.touchpoint import Touchpoint
from journeykit.render import palette
from journeykit.render.formats import format_number
from journeykit.render.icons import channel_icon, icon
from journeykit.render.labels import channel_label, evidence_kind_label, label, status_label
from journeykit.render.svg import attr, num, text_block, tooltip
from journeykit.render.text_metrics import ellipsize, width, wrap

ITEM_SIZE = 11.0
ITEM_LINE = 14.0
ITEM_PAD = 6.0
ITEM_GAP = 6.0
#: Lines an item may take before it is cut with "…" (the whole text stays in its tooltip).
ITEM_MAX_LINES = 12
TAG_SIZE = 8.8
CHIP_SIZE = 9.2


@dataclass(frozen=True)
class Cell:
    """What a cell draws (SVG with its top left corner at 0, 0) and how tall it is."""

    svg: str
    height: float


EMPTY = Cell("", 0.0)


def _stack(cards: Iterable[Cell], gap: float = ITEM_GAP) -> Cell:
    parts: list[str] = []
    y = 0.0
    for card in cards:
        if parts:
            y += gap
        parts.append(f'<g transform="translate(0 {num(y)})">{card.svg}</g>')
        y += card.height
    return Cell("".join(parts), y)


def _item_card(item: LaneItem, lane: str, inner: float) -> Cell:
    colours = palette.LANES[lane]
    italic = lane == "thoughts"
    text = f"„{item.text}“" if italic else item.text
    lines = wrap(text, inner - 2 * ITEM_PAD - 4, ITEM_SIZE, max_lines=ITEM_MAX_LINES)
    height = len(lines) * ITEM_LINE + 2 * ITEM_PAD - 2
    body = text_block(
        lines,
        ITEM_PAD + 4,
        ITEM_PAD + ITEM_SIZE - 1,
        size=ITEM_SIZE,
        line_height=ITEM_LINE,
        fill=palette.INK,
        italic=italic,
    )
    if italic:
        # A thought is a speech bubble: a rounded card with a small tail at the bottom left.
        frame = (
            f'<rect width="{num(inner)}" height="{num(height)}" rx="9" fill="{colours.fill}" '
            f'stroke="{colours.stroke}"/>'
            f'<path d="M14 {num(height - 0.5)}l-4 7 11-7" fill="{colours.fill}" '
            f'stroke="{colours.stroke}" stroke-linejoin="round"/>'
            f'<path d="M13 {num(height - 1)}h9" stroke="{colours.fill}" stroke-width="2"/>'
        )
        height += 6
    else:
        frame = (
            f'<rect width="{num(inner)}" height="{num(height)}" rx="4" fill="{colours.fill}" '
            f'stroke="{colours.stroke}"/>'
            f'<rect width="4" height="{num(height)}" rx="2" fill="{colours.accent}"/>'
        )
    svg = (
        f'<g class="lane-item" data-item-id="{attr(item.id)}" data-lane="{lane}">'
        f"{tooltip(item.text)}{frame}{body}</g>"
    )
    return Cell(svg, height)


def text_lane_cell(step: Step, lane: str, inner: float) -> Cell:
    """The items of a text lane, as stacked cards."""
    return _stack(_item_card(item, lane, inner) for item in step.lanes.text_lane(lane))


def _tag(text: str, x: float, y: float, *, dashed: bool = False) -> tuple[str, float]:
    """A small pill with ``text``: its SVG and its width."""
    pill = width(text, TAG_SIZE) + 10
    dash = ' stroke-dasharray="2.5 2"' if dashed else ""
    svg = (
        f'<rect x="{num(x)}" y="{num(y)}" width="{num(pill)}" height="14" rx="7" '
        f'fill="#ffffff" stroke="{palette.GRID_STRONG}"{dash}/>'
        + text_block(
            [text], x + 5, y + 10.2, size=TAG_SIZE, line_height=TAG_SIZE, fill=palette.MUTED
        )
    )
    return svg, pill


def _touchpoint_card(touchpoint: Touchpoint, inner: float, language: str) -> Cell:
    lines = wrap(touchpoint.name, inner - 44, ITEM_SIZE, bold=True, max_lines=ITEM_MAX_LINES)
    text_height = len(lines) * ITEM_LINE
    tags_y = ITEM_PAD + max(text_height, 18) + 3
    tags: list[str] = []
    x = ITEM_PAD
    for key, dashed in (
        (touchpoint.mode, False),
        (touchpoint.ownership, touchpoint.ownership == "indirect"),
    ):
        svg, pill = _tag(label(key, language), x, tags_y, dashed=dashed)
        tags.append(svg)
        x += pill + 4
    if touchpoint.importance is not None:
        dots_x = x + 3 if x + 45 <= inner else ITEM_PAD
        if dots_x == ITEM_PAD:
            tags_y += 18
        for i in range(5):
            fill = palette.INK if i < touchpoint.importance else "#ffffff"
            tags.append(
                f'<circle cx="{num(dots_x + 3 + i * 8)}" cy="{num(tags_y + 7)}" r="2.8" '
                f'fill="{fill}" stroke="{palette.INK}" stroke-width="0.9"/>'
            )
    height = tags_y + 14 + ITEM_PAD
    dash = ' stroke-dasharray="5 3"' if touchpoint.ownership == "indirect" else ""
    hint = (
        f"{touchpoint.name} · {channel_label(touchpoint.channel, language)} · "
        f"{label(touchpoint.mode, language)} · "
        f"{label(touchpoint.ownership, language)}"
    )
    if touchpoint.importance is not None:
        hint += f" · {label('importance', language)} {touchpoint.importance}/5"
    svg = (
        f'<g class="touchpoint" data-touchpoint-id="{attr(touchpoint.id)}" '
        f'data-channel="{attr(touchpoint.channel)}" data-mode="{touchpoint.mode}" '
        f'data-ownership="{touchpoint.ownership}">{tooltip(hint)}'
        f'<rect width="{num(inner)}" height="{num(height)}" rx="5" fill="#ffffff" '
        f'stroke="{palette.CARD_STROKE}" stroke-width="1.2"{dash}/>'
        f'<circle cx="{num(ITEM_PAD + 11)}" cy="{num(ITEM_PAD + 10)}" r="12" fill="#e9eef4"/>'
        + icon(channel_icon(touchpoint.channel), ITEM_PAD + 3, ITEM_PAD + 2, 16, palette.INK)
        + text_block(
            lines,
            ITEM_PAD + 30,
            ITEM_PAD + ITEM_SIZE,
            size=ITEM_SIZE,
            line_height=ITEM_LINE,
            fill=palette.INK,
            bold=True,
        )
        + "".join(tags)
        + "</g>"
    )
    return Cell(svg, height)


def touchpoint_cell(step: Step, inner: float, language: str) -> Cell:
    """The touchpoints of a step, as cards with channel icon and digital/direct marks."""
    return _stack(_touchpoint_card(t, inner, language) for t in step.touchpoints)


def kpi_target(kpi: Kpi, language: str) -> str:
    """``Ziel ≥ 30 %``: the target with the direction that is better, or "" without one."""
    if kpi.target is None:
        return ""
    value = format_number(kpi.target, language)
    unit = f" {kpi.unit}" if kpi.unit else ""
    sign = "≥" if kpi.better == "higher" else "≤"
    return f"{label('target', language)} {sign} {value}{unit}"


def kpi_text(kpi: Kpi, language: str) -> str:
    """A KPI as one short line: name and target."""
    target = kpi_target(kpi, language)
    return f"{kpi.name} ({target})" if target else kpi.name


def _chip(kind: str, head: str, text: str, inner: float, colour: str, data: str) -> Cell:
    """A badge: a coloured head line (kind, status) and up to two lines of text."""
    head_line = ellipsize(head, inner - 12, 8.6, bold=True)
    lines = wrap(text, inner - 12, CHIP_SIZE, max_lines=2) if text else []
    height = 16.0 + len(lines) * 11.5 + (3 if lines else 0)
    full = f"{head}: {text}" if text else head
    body = text_block([head_line], 8, 11.5, size=8.6, line_height=10, fill=colour, bold=True)
    if lines:
        body += text_block(lines, 8, 24.5, size=CHIP_SIZE, line_height=11.5, fill=palette.INK)
    svg = (
        f'<g class="badge" data-badge="{kind}" {data}>{tooltip(full)}'
        f'<rect width="{num(inner)}" height="{num(height)}" rx="3" '
        f'fill="{palette.tint(colour, 0.9)}" stroke="{palette.tint(colour, 0.55)}"/>'
        f'<rect width="3" height="{num(height)}" rx="1.5" fill="{colour}"/>{body}</g>'
    )
    return Cell(svg, height)


def step_kpis(doc: JourneyDocument, step: Step) -> list[Kpi]:
    """KPIs measured at this step or at one of its touchpoints."""
    touchpoints = {t.id for t in step.touchpoints}
    return [
        k
        for k in doc.kpis
        if (k.scope == "step" and k.scope_id == step.id)
        or (k.scope == "touchpoint" and k.scope_id in touchpoints)
    ]


def evidence_cell(doc: JourneyDocument, step: Step, inner: float, language: str) -> Cell:
    """Badges for the evidence, hypotheses, measures and KPIs that touch the step."""
    chips: list[Cell] = []
    for evidence in doc.evidence:
        if step.id in evidence.step_ids:
            head = evidence_kind_label(evidence.kind, language)
            if evidence.source:
                head += f" · {evidence.source}"
            text = evidence.text or evidence.link or ""
            data = f'data-evidence-id="{attr(evidence.id)}"'
            chips.append(_chip("evidence", head, text, inner, "#3d5a80", data))
    for hypothesis in doc.hypotheses:
        if step.id in hypothesis.step_ids:
            head = f"{label('hypothesis', language)} · {status_label(hypothesis.status, language)}"
            data = f'data-hypothesis-id="{attr(hypothesis.id)}"'
            chips.append(_chip("hypothesis", head, hypothesis.statement, inner, "#6a4c93", data))
    for measure in doc.measures:
        if step.id in measure.step_ids:
            head = f"{label('measure', language)} · {status_label(measure.status, language)}"
            if measure.quick_win:
                head += f" · {label('quick_win', language)}"
            data = f'data-measure-id="{attr(measure.id)}"'
            chips.append(_chip("measure", head, measure.title, inner, "#a86400", data))
    for kpi in step_kpis(doc, step):
        data = f'data-kpi-id="{attr(kpi.id)}"'
        chips.append(
            _chip("kpi", label("kpi", language), kpi_text(kpi, language), inner, "#0f7482", data)
        )
    return _stack(chips, gap=4)
