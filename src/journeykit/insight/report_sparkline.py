"""A KPI's trend as a small inline SVG line, drawn on the server (no chart library).

Used by the report's KPI trends and the facts page: one point per stored snapshot with a
value, oldest left; the target, when the KPI has one, as a dashed line, so on/off track reads
at a glance.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

WIDTH = 160.0
HEIGHT = 36.0
PAD = 4.0


def _y(value: float, low: float, high: float) -> float:
    span = high - low or 1.0
    return round(HEIGHT - PAD - (value - low) / span * (HEIGHT - 2 * PAD), 1)


def sparkline_svg(
    values: Sequence[float | None], *, target: float | None = None, title: str = ""
) -> str:
    """An SVG line of ``values`` (None for a snapshot without a value is left out), or ``""``
    when fewer than one value is known. ``title`` is the accessible name."""
    known = [(i, v) for i, v in enumerate(values) if v is not None]
    if not known:
        return ""
    numbers = [v for _i, v in known] + ([target] if target is not None else [])
    low, high = min(numbers), max(numbers)
    if low == high:
        low, high = low - 1.0, high + 1.0
    last = max(len(values) - 1, 1)
    points = [(round(PAD + i / last * (WIDTH - 2 * PAD), 1), _y(v, low, high)) for i, v in known]
    if len(points) == 1:
        points = [(PAD, points[0][1]), (WIDTH - PAD, points[0][1])]
    line = " ".join(f"{x},{y}" for x, y in points)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="sparkline" role="img" '
        f'width="{WIDTH:g}" height="{HEIGHT:g}" viewBox="0 0 {WIDTH:g} {HEIGHT:g}" '
        f'aria-label="{escape(title)}">',
        f"<title>{escape(title)}</title>",
    ]
    if target is not None:
        y = _y(target, low, high)
        parts.append(
            f'<line class="sparkline-target" x1="{PAD:g}" x2="{WIDTH - PAD:g}" y1="{y}" y2="{y}" '
            'stroke="#5b6776" stroke-width="1" stroke-dasharray="3 2"/>'
        )
    parts.append(
        f'<polyline class="sparkline-line" points="{line}" fill="none" stroke="#0f7482" '
        'stroke-width="1.5" stroke-linejoin="round"/>'
    )
    x, y = points[-1]
    parts.append(f'<circle class="sparkline-last" cx="{x}" cy="{y}" r="2.5" fill="#0f7482"/>')
    parts.append("</svg>")
    return "".join(parts)
