"""Line icons for channels and lanes, drawn as inline SVG paths (no files, no web fonts).

Each icon is drawn on a 24 × 24 grid with round strokes and no fill, so one stroke colour
styles it; :func:`icon` places and scales it.
"""

from __future__ import annotations

from journeykit.render.svg import num

_CIRCLE = "M{cx} {cy}m-{r} 0a{r} {r} 0 1 0 {d} 0a{r} {r} 0 1 0 -{d} 0"


def _circle(cx: float, cy: float, r: float) -> str:
    return _CIRCLE.format(cx=num(cx), cy=num(cy), r=num(r), d=num(2 * r))


CHANNEL_ICONS: dict[str, str] = {
    "web": _circle(12, 12, 9) + "M3 12h18M12 3c3.2 3.6 3.2 14.4 0 18M12 3c-3.2 3.6-3.2 14.4 0 18",
    "app": "M8 2.5h8a1.5 1.5 0 0 1 1.5 1.5v16a1.5 1.5 0 0 1-1.5 1.5H8A1.5 1.5 0 0 1 6.5 20V4"
    "A1.5 1.5 0 0 1 8 2.5zM11 18.5h2",
    "email": "M3 5.5h18v13H3zM3 6l9 7 9-7",
    "phone": "M5 3h3.5l2 5-2.5 1.6a11 11 0 0 0 6.4 6.4L16 13.5l5 2V19a2 2 0 0 1-2 2A16 16 0 0 1 3 5"
    "a2 2 0 0 1 2-2z",
    "store": "M3 9l2-5h14l2 5M4 9v11h16V9M3 9h18M9.5 20v-6h5v6",
    "social": _circle(18, 5.5, 2.5)
    + _circle(6, 12, 2.5)
    + _circle(18, 18.5, 2.5)
    + "M8.2 10.8l7.6-4.1M8.2 13.2l7.6 4.1",
    "search": _circle(10.5, 10.5, 6.5) + "M15.3 15.3L21 21",
    "advert": "M3 10v4h3l8 5V5l-8 5H3zM17.5 9a4 4 0 0 1 0 6M20 6.5a8 8 0 0 1 0 11",
    "price_comparison": "M12 3v17M7 20.5h10M4 6.5h16M4 6.5l-2.5 6h5zM20 6.5l-2.5 6h5z"
    "M1.5 12.5a2.5 2.5 0 0 0 5 0M17.5 12.5a2.5 2.5 0 0 0 5 0",
    "review_site": "M12 3l2.7 5.6 6.1.9-4.4 4.3 1 6.1L12 17l-5.4 2.9 1-6.1-4.4-4.3 6.1-.9z",
    "word_of_mouth": "M3 4.5h11v7.5H8l-5 3.5zM14 8.5h7v7.5h-2.5v3.5L15 16h-4.5v-4",
    "chat": "M4 4h16v12H9l-5 4zM8.5 10h.01M12 10h.01M15.5 10h.01",
    "letter": "M3 6.5h18v11H3zM6 10.5h6M6 13.5h4M16 9.5h2.5v2.5H16z",
    "parcel": "M3 7l9-4 9 4v10l-9 4-9-4zM3 7l9 4 9-4M12 11v10M7.5 5l9 4",
    "support": "M4 14v-2a8 8 0 0 1 16 0v2M4 14h3v5H4zM17 14h3v5h-3zM20 19a3 3 0 0 1-3 3h-3",
}

#: The icon of a channel journeykit has no picture for: a touch point.
OTHER_CHANNEL = _circle(12, 12, 8.5) + _circle(12, 12, 3)

LANE_ICONS: dict[str, str] = {
    "touchpoints": "M12 21.5s-7-6.3-7-12a7 7 0 0 1 14 0c0 5.7-7 12-7 12z" + _circle(12, 9.5, 2.5),
    "actions": "M4 12h14M13 6l6 6-6 6",
    "thoughts": "M7 15a4.5 4.5 0 0 1 .6-9A5.5 5.5 0 0 1 18 7.5a3.8 3.8 0 0 1-.5 7.5z"
    + _circle(7, 18.5, 1.3)
    + _circle(4, 21.5, 0.8),
    "emotions": _circle(12, 12, 9) + "M8 14a5 5 0 0 0 8 0M9 9.5h.01M15 9.5h.01",
    "needs": _circle(12, 12, 9) + _circle(12, 12, 5) + _circle(12, 12, 1),
    "pain_points": "M12 3l10 18H2zM12 10v5M12 18h.01",
    "love_points": "M12 20s-8-5-8-11a4.5 4.5 0 0 1 8-2.6A4.5 4.5 0 0 1 20 9c0 6-8 11-8 11z",
    "opportunities": "M9 18h6M10 21h4M12 3a6 6 0 0 0-3.5 10.9c.6.5 1 1.2 1 2.1h5c0-.9.4-1.6 1-2.1"
    "A6 6 0 0 0 12 3z",
    "frontstage": "M2 12s4-7 10-7 10 7 10 7-4 7-10 7S2 12 2 12z" + _circle(12, 12, 3),
    "backstage": _circle(12, 12, 3.5)
    + "M12 2.5v3M12 18.5v3M2.5 12h3M18.5 12h3M5.3 5.3l2.1 2.1M16.6 16.6l2.1 2.1"
    "M5.3 18.7l2.1-2.1M16.6 7.4l2.1-2.1",
    "support_processes": "M12 3l9 5-9 5-9-5zM3 12.5l9 5 9-5M3 16.5l9 5 9-5",
    "evidence": "M8.5 3h7v3h-7zM6.5 4.5H5v16.5h14V4.5h-1.5M8.5 11h7M8.5 14.5h7M8.5 18h4",
}


def icon(path: str, x: float, y: float, size: float, colour: str, *, stroke: float = 2) -> str:
    """The icon ``path`` with its top left corner at (x, y), ``size`` pixels wide."""
    scale = size / 24
    return (
        f'<path d="{path}" transform="translate({num(x)} {num(y)}) scale({num(scale)})" '
        f'fill="none" stroke="{colour}" stroke-width="{num(stroke)}" '
        'stroke-linecap="round" stroke-linejoin="round"/>'
    )


def channel_icon(channel: str) -> str:
    """The path of a channel's icon (a generic touch point for channels without one)."""
    return CHANNEL_ICONS.get(channel, OTHER_CHANNEL)
