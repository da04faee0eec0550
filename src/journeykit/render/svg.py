"""Small, safe building blocks for SVG text: escaping, numbers, multi-line text."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from xml.sax.saxutils import escape

#: The font stack of every drawing; the wrapping is measured with its first font.
FONT_FAMILY = "'DejaVu Sans', Verdana, 'Segoe UI', Arial, sans-serif"

# Characters XML 1.0 forbids even when escaped; a lane item could hold them (pasted text).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def esc(text: str) -> str:
    """``text`` safe as XML character data."""
    return _NOT_XML.sub("", text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def attr(text: str) -> str:
    """``text`` safe inside a double-quoted XML attribute."""
    return escape(_NOT_XML.sub("", text), {'"': "&quot;", "\n": "&#10;", "\t": "&#9;"})


@functools.lru_cache(maxsize=65_536)
def num(value: float) -> str:
    """A coordinate with at most two decimals and no trailing zeros."""
    if value == int(value):  # most coordinates are whole numbers: the fast path
        return str(int(value))
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def text_block(
    lines: Sequence[str],
    x: float,
    y: float,
    *,
    size: float,
    line_height: float,
    fill: str,
    bold: bool = False,
    italic: bool = False,
    anchor: str = "start",
    css_class: str | None = None,
) -> str:
    """A ``<text>`` element whose first baseline is at ``y`` and whose lines are tspans."""
    style = f' font-size="{num(size)}" fill="{fill}"'
    if bold:
        style += ' font-weight="bold"'
    if italic:
        style += ' font-style="italic"'
    if anchor != "start":
        style += f' text-anchor="{anchor}"'
    if css_class:
        style += f' class="{css_class}"'
    if len(lines) == 1:
        return f'<text x="{num(x)}" y="{num(y)}"{style}>{esc(lines[0])}</text>'
    spans = "".join(
        f'<tspan x="{num(x)}" dy="{num(0 if i == 0 else line_height)}">{esc(line)}</tspan>'
        for i, line in enumerate(lines)
    )
    return f'<text x="{num(x)}" y="{num(y)}"{style}>{spans}</text>'


def tooltip(text: str) -> str:
    """A ``<title>`` child: browsers show it on hover, screen readers read it."""
    return f"<title>{esc(text)}</title>"
