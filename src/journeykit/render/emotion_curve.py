"""The emotion curve: one line per persona over the steps, scores -2..+2, ratings as marks.

The same drawing serves the whole map (:mod:`journeykit.render.svg_map` embeds it) and the
web page, which places :func:`emotion_curve_svg` under its step columns and makes the points
draggable. Each point is a ``<circle class="emotion-point">`` carrying ``data-step-id``,
``data-persona-id`` and ``data-score``; the line of a persona is one
``<path class="emotion-line">``, and a stretch over steps where the persona has no score is a
dashed ``emotion-gap``.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass

from journeykit.model import JourneyDocument, Step
from journeykit.model.lanes import Emotion
from journeykit.render import palette
from journeykit.render.errors import JourneyNotInDocument
from journeykit.render.labels import label, rating_label
from journeykit.render.svg import FONT_FAMILY, attr, esc, num, text_block, tooltip
from journeykit.render.text_metrics import ellipsize, width

#: Height of the plot (the -2..+2 range plus room for the marks) in the map and on its own.
CURVE_HEIGHT = 176.0
#: Room above +2 and below -2, so points and their rating marks are never cut off.
CURVE_PADDING = 18.0
LEGEND_HEIGHT = 28.0
SCORES = (2, 1, 0, -1, -2)
POINT_RADIUS = 5.5
# Points of several personas at one step sit side by side rather than on top of each other.
_PERSONA_SPREAD = 7.0


@dataclass(frozen=True)
class CurvePersona:
    """A persona drawn in the curve: its id, display name, colour and dash pattern."""

    id: str
    name: str
    colour: str
    dash: str


def curve_personas(doc: JourneyDocument) -> list[CurvePersona]:
    """Who gets a line: the journey's personas in their order, then anyone else with a score."""
    ids = list(doc.journey.persona_ids)
    for _phase, step in doc.journey.steps():
        for emotion in step.lanes.emotions:
            if emotion.persona_id not in ids:
                ids.append(emotion.persona_id)
    personas = []
    for index, persona_id in enumerate(ids):
        found = doc.persona(persona_id)
        personas.append(
            CurvePersona(
                id=persona_id,
                name=found.name if found is not None else persona_id,
                colour=palette.persona_colour(index),
                dash=palette.persona_dash(index),
            )
        )
    return personas


def score_y(score: float, top: float, height: float = CURVE_HEIGHT) -> float:
    """The y of ``score`` in a curve drawn from ``top`` with ``height``: +2 on top, -2 below."""
    return top + CURVE_PADDING + (2 - score) / 4 * (height - 2 * CURVE_PADDING)


def _rating_mark(rating: str, x: float, y: float, language: str) -> str:
    """A small face beside a point: smiling, straight or frowning."""
    colour = palette.RATINGS[rating]
    mouth = {
        "delighting": f"M{num(x - 2.2)} {num(y + 0.6)}q2.2 2.6 4.4 0",
        "okay": f"M{num(x - 2.1)} {num(y + 1.4)}h4.2",
        "disappointing": f"M{num(x - 2.2)} {num(y + 2.4)}q2.2 -2.6 4.4 0",
    }[rating]
    return (
        f'<g class="rating-mark" data-rating="{rating}">{tooltip(rating_label(rating, language))}'
        f'<circle cx="{num(x)}" cy="{num(y)}" r="4.6" fill="{colour}"/>'
        f'<circle cx="{num(x - 1.5)}" cy="{num(y - 1.2)}" r="0.7" fill="#fff"/>'
        f'<circle cx="{num(x + 1.5)}" cy="{num(y - 1.2)}" r="0.7" fill="#fff"/>'
        f'<path d="{mouth}" fill="none" stroke="#fff" stroke-width="1" stroke-linecap="round"/>'
        "</g>"
    )


def _segment(x0: float, y0: float, x1: float, y1: float) -> str:
    """A smooth piece between two points: flat at both ends, so it never overshoots."""
    middle = (x0 + x1) / 2
    return f"C{num(middle)} {num(y0)} {num(middle)} {num(y1)} {num(x1)} {num(y1)}"


def _line_paths(points: Sequence[tuple[int, float, float]], persona: CurvePersona) -> str:
    """The persona's line through its points; a jump over steps without score is dashed."""
    if len(points) < 2:
        return ""
    solid: list[str] = []
    gaps: list[str] = []
    for (i0, x0, y0), (i1, x1, y1) in itertools.pairwise(points):
        piece = f"M{num(x0)} {num(y0)}{_segment(x0, y0, x1, y1)}"
        (solid if i1 == i0 + 1 else gaps).append(piece)
    dash = f' stroke-dasharray="{persona.dash}"' if persona.dash else ""
    persona_id = attr(persona.id)
    html = (
        f'<path class="emotion-line" data-persona-id="{persona_id}" d="{"".join(solid)}" '
        f'fill="none" stroke="{persona.colour}" stroke-width="2.4"{dash} '
        'stroke-linecap="round" stroke-linejoin="round"/>'
    )
    if gaps:
        html += (
            f'<path class="emotion-gap" data-persona-id="{persona_id}" d="{"".join(gaps)}" '
            f'fill="none" stroke="{persona.colour}" stroke-width="1.4" stroke-dasharray="2 4" '
            'opacity="0.7"/>'
        )
    return html


def _point(
    emotion: Emotion,
    step: Step,
    persona: CurvePersona,
    x: float,
    y: float,
    *,
    language: str,
    editable: bool,
) -> str:
    spoken = f"{emotion.score:+d}" if emotion.score else "0"
    if emotion.rating:
        spoken += f" ({rating_label(emotion.rating, language)})"
    name = label("emotion_of", language, persona=persona.name, step=step.title)
    aria = ""
    if editable:
        aria = (
            f' tabindex="0" role="slider" aria-valuemin="-2" aria-valuemax="2" '
            f'aria-valuenow="{emotion.score}" aria-valuetext="{attr(spoken)}" '
            f'aria-label="{attr(name)}"'
        )
    note = f" – {emotion.note}" if emotion.note else ""
    return (
        f'<circle class="emotion-point" data-step-id="{attr(step.id)}" '
        f'data-persona-id="{attr(persona.id)}" data-score="{emotion.score}" '
        f'cx="{num(x)}" cy="{num(y)}" r="{POINT_RADIUS}" fill="{persona.colour}" '
        f'stroke="#fff" stroke-width="1.6"{aria}>{tooltip(f"{name}: {spoken}{note}")}</circle>'
    )


def draw_curve(
    doc: JourneyDocument,
    columns: Sequence[tuple[Step, float]],
    *,
    left: float,
    right: float,
    top: float,
    language: str,
    editable: bool = False,
    height: float = CURVE_HEIGHT,
) -> str:
    """The curve's grid, lines, points and rating marks for steps centred at the given x."""
    personas = curve_personas(doc)
    parts = ['<g class="emotion-curve">']
    zero = score_y(0, top, height)
    parts.append(
        f'<rect x="{num(left)}" y="{num(top)}" width="{num(right - left)}" '
        f'height="{num(zero - top)}" fill="#2e7d32" opacity="0.045"/>'
        f'<rect x="{num(left)}" y="{num(zero)}" width="{num(right - left)}" '
        f'height="{num(top + height - zero)}" fill="#c62828" opacity="0.045"/>'
    )
    for score in SCORES:
        y = score_y(score, top, height)
        dash = "" if score == 0 else ' stroke-dasharray="3 4"'
        strength = palette.GRID_STRONG if score == 0 else palette.GRID
        parts.append(
            f'<line x1="{num(left)}" y1="{num(y)}" x2="{num(right)}" y2="{num(y)}" '
            f'stroke="{strength}" stroke-width="1"{dash}/>'
        )
    points: list[str] = []
    marks: list[str] = []
    spread = [(i - (len(personas) - 1) / 2) * _PERSONA_SPREAD for i in range(len(personas))]
    for index, persona in enumerate(personas):
        placed: list[tuple[int, float, float]] = []
        for position, (step, centre) in enumerate(columns):
            emotion = next((e for e in step.lanes.emotions if e.persona_id == persona.id), None)
            if emotion is None:
                continue
            x, y = centre + spread[index], score_y(emotion.score, top, height)
            placed.append((position, x, y))
            points.append(
                _point(emotion, step, persona, x, y, language=language, editable=editable)
            )
            if emotion.rating:
                # The mark sits on the side away from the middle of the scale, clear of the line.
                offset = -10.5 if emotion.score >= 0 else 10.5
                marks.append(_rating_mark(emotion.rating, x, y + offset, language))
        parts.append(_line_paths(placed, persona))
    parts.extend(marks)
    parts.extend(points)
    parts.append("</g>")
    return "".join(parts)


def draw_legend(
    doc: JourneyDocument, x: float, y: float, *, limit: float, language: str, vertical: bool
) -> tuple[str, float]:
    """The persona legend (and rating marks): the SVG and the height it takes."""
    personas = curve_personas(doc)
    parts = ['<g class="emotion-legend">']
    size, step = 10.5, 15.0
    cx, cy = x, y
    for persona in personas:
        name = ellipsize(persona.name, limit - 23 if vertical else 200, size)
        entry = width(name, size) + 38
        if not vertical and cx + entry > x + limit and cx > x:
            cx, cy = x, cy + step
        dash = f' stroke-dasharray="{persona.dash}"' if persona.dash else ""
        parts.append(
            f'<g data-persona-id="{attr(persona.id)}">'
            f'<line x1="{num(cx)}" y1="{num(cy - 3.5)}" x2="{num(cx + 18)}" y2="{num(cy - 3.5)}" '
            f'stroke="{persona.colour}" stroke-width="2.4"{dash}/>'
            f'<circle cx="{num(cx + 9)}" cy="{num(cy - 3.5)}" r="3.4" fill="{persona.colour}"/>'
            + text_block([name], cx + 23, cy, size=size, line_height=step, fill=palette.INK)
            + "</g>"
        )
        if vertical:
            cy += step
        else:
            cx += entry
    if not personas:
        parts.append(
            text_block(
                [label("no_emotions", language)],
                cx,
                cy,
                size=size,
                line_height=step,
                fill=palette.MUTED,
                italic=True,
            )
        )
        cy += step
    elif not vertical:
        cx, cy = x, cy + step
    marks_y = cy + 4
    mx = x
    for rating in ("delighting", "okay", "disappointing"):
        text = rating_label(rating, language)
        parts.append(_rating_mark(rating, mx + 4.6, marks_y - 3.5, language))
        parts.append(
            text_block([text], mx + 12, marks_y, size=9.5, line_height=step, fill=palette.MUTED)
        )
        if vertical:
            marks_y += 14
        else:
            mx += width(text, 9.5) + 22
    if vertical:
        marks_y -= 14
    parts.append("</g>")
    return "".join(parts), marks_y - y + 6


def emotion_curve_svg(
    doc: JourneyDocument,
    journey_id: str,
    *,
    column_width: float,
    language: str = "de",
    editable: bool = False,
) -> str:
    """The emotion curve alone, as a standalone SVG string.

    x runs over the journey's steps in map order, each a column ``column_width`` wide (the
    point of a step sits in the middle of its column); y is the score, +2 on top and -2 at the
    bottom (see :func:`score_y`). Below the plot is a legend: one colour and dash pattern per
    persona and the three rating marks. With ``editable`` every point is a keyboard-focusable
    ``role="slider"`` with ``aria-valuemin/max/now`` and an ``aria-label``.
    """
    if doc.journey.id != journey_id:
        raise JourneyNotInDocument(journey_id, doc.journey.id)
    steps = [step for _phase, step in doc.journey.steps()]
    total = max(len(steps), 1) * column_width
    columns = [(step, (i + 0.5) * column_width) for i, step in enumerate(steps)]
    curve = draw_curve(
        doc, columns, left=0, right=total, top=0, language=language, editable=editable
    )
    scale = "".join(
        text_block(
            [f"{s:+d}" if s else "0"],
            3,
            score_y(s, 0) - 3,
            size=9,
            line_height=10,
            fill=palette.MUTED,
        )
        for s in SCORES
    )
    legend, legend_height = draw_legend(
        doc, 6, CURVE_HEIGHT + 16, limit=max(total - 12, 120), language=language, vertical=False
    )
    height = CURVE_HEIGHT + 10 + max(legend_height, LEGEND_HEIGHT)
    title = label("emotion_curve", language)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="journeykit-emotion-curve" '
        f'width="{num(total)}" height="{num(height)}" viewBox="0 0 {num(total)} {num(height)}" '
        f'font-family="{attr(FONT_FAMILY)}" role="group" aria-label="{attr(title)}">'
        f"<title>{esc(title)}: {esc(doc.journey.title)}</title>"
        f"{scale}{curve}{legend}</svg>"
    )
