"""How wide text is, and where it breaks into lines, without asking a font at run time.

SVG has no automatic line breaking, so the renderers wrap text themselves. They measure with
the advance widths of DejaVu Sans (regular and bold), stored in ``dejavu_widths.json`` next to
this module. The maps name DejaVu Sans first in their font stack; it is wider than the usual
fallbacks (Verdana aside), so a line measured with it never overflows in a browser that lacks it.

Regenerate the table with ``python -m journeykit.render.text_metrics FONT_DIR`` (a folder with
``DejaVuSans.ttf`` and ``DejaVuSans-Bold.ttf``, as Debian's ``fonts-dejavu-core`` installs).

>>> width("Über", 10.0) > width("Uber", 10.0) - 0.01
True
>>> wrap("Speditionszuschlag von 39 € erscheint erst im Checkout", 120.0, 11.0)
['Speditionszuschlag', 'von 39 € erscheint', 'erst im Checkout']
"""

from __future__ import annotations

import functools
import json
import re
import sys
import unicodedata
from importlib import resources
from pathlib import Path

#: Width of a character the table does not know, in em (CJK and symbols are about this wide).
_UNKNOWN_EM = 0.8
_ELLIPSIS = "…"
# The ranges the table covers: Latin with its extensions, punctuation, currency, arrows, marks.
_RANGES = ((0x20, 0x24F), (0x2000, 0x206F), (0x20A0, 0x20CF), (0x2190, 0x21FF), (0x2600, 0x27BF))


@functools.cache
def _table() -> dict[str, dict[str, float]]:
    raw = json.loads(
        resources.files("journeykit.render").joinpath("dejavu_widths.json").read_text("utf-8")
    )
    tables: dict[str, dict[str, float]] = {}
    for style, widths in raw["widths"].items():
        table = {chr(int(cp)): units / raw["units_per_em"] for cp, units in widths.items()}
        table["\u00ad"] = 0.0  # a soft hyphen takes room only where a line breaks at it
        tables[style] = table
    return tables


def _char_em(char: str, widths: dict[str, float]) -> float:
    known = widths.get(char)
    if known is not None:
        return known
    if unicodedata.combining(char):
        return 0.0
    return 1.0 if unicodedata.east_asian_width(char) in {"W", "F"} else _UNKNOWN_EM


@functools.lru_cache(maxsize=200_000)
def _em(text: str, bold: bool) -> float:
    # Maps repeat their words a lot; measuring each word once keeps a 100-step map fast.
    widths = _table()["bold" if bold else "regular"]
    try:
        return sum(map(widths.__getitem__, text))  # every character known: the fast path
    except KeyError:
        return sum(_char_em(c, widths) for c in text)


def width(text: str, size: float, *, bold: bool = False) -> float:
    """The width of ``text`` set in DejaVu Sans at ``size`` pixels (bold if ``bold``)."""
    if len(text) > 40:  # long strings are rarely measured twice; keep them out of the cache
        return size * sum(_em(word, bold) for word in text.split(" ")) + size * _em(
            " ", bold
        ) * text.count(" ")
    return size * _em(text, bold)


_SOFT_HYPHEN = "\u00ad"
# Control characters print nothing (and XML refuses them); they take no room and split nothing.
_INVISIBLE = re.compile("[\x00-\x08\x0e-\x1f\x7f\ufffe\uffff]")
_BREAK_AFTER = re.compile(r"(?<=[-/–\u00ad])(?=.)")


def _split_word(word: str, limit: float, size: float, bold: bool) -> list[str]:
    """A word too long for one line, cut into pieces that fit.

    It breaks after a hyphen, slash or dash it already has where it can ("PreisRadar-" /
    "Produktsuche"), else anywhere, marking the cut with a hyphen.
    """
    parts = _BREAK_AFTER.split(word)
    if len(parts) > 1:
        pieces: list[str] = []
        current = ""
        for part in parts:
            if current and width(current + part, size, bold=bold) > limit:
                pieces.append(current)
                current = part
            else:
                current += part
        pieces.append(current)
        return [p for piece in pieces for p in _cut(piece, limit, size, bold)]
    return _cut(word, limit, size, bold)


def _cut(word: str, limit: float, size: float, bold: bool) -> list[str]:
    if width(word, size, bold=bold) <= limit:
        return [word]
    pieces: list[str] = []
    current = ""
    for char in word:
        if current and width(current + char + "-", size, bold=bold) > limit:
            pieces.append(current + "-")
            current = char
        else:
            current += char
    if current:
        pieces.append(current)
    return pieces


def wrap(
    text: str, limit: float, size: float, *, bold: bool = False, max_lines: int | None = None
) -> list[str]:
    """``text`` broken into lines no wider than ``limit`` pixels at ``size`` pixels.

    Line breaks in the text are kept; words longer than a line are cut with a hyphen. With
    ``max_lines``, the last kept line ends in "…" when text was left out. Never returns an
    empty list: empty text is one empty line.
    """
    return list(_wrapped(text, limit, size, bold, max_lines))


@functools.lru_cache(maxsize=50_000)
def _wrapped(
    text: str, limit: float, size: float, bold: bool, max_lines: int | None
) -> tuple[str, ...]:
    # A map is drawn again after every edit with nearly all of its texts unchanged.
    lines: list[str] = []
    space = width(" ", size, bold=bold)
    for paragraph in _INVISIBLE.sub("", text).splitlines() or [""]:
        current = ""
        used = 0.0  # the width of ``current``: widths add up, so nothing is measured twice
        for word in paragraph.split():
            word_width = width(word, size, bold=bold)
            if current and used + space + word_width <= limit:
                current, used = f"{current} {word}", used + space + word_width
                continue
            if current:
                lines.append(current)
            if word_width <= limit:
                current, used = word, word_width
            else:
                *full, current = _split_word(word, limit, size, bold)
                lines.extend(full)
                used = width(current, size, bold=bold)
        lines.append(current)
    while len(lines) > 1 and not lines[-1]:
        lines.pop()
    lines = [_shown(line) for line in lines]
    if max_lines is not None and len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = ellipsize(lines[-1] + " " + _ELLIPSIS, limit, size, bold=bold)
    return tuple(lines)


def _shown(line: str) -> str:
    """A soft hyphen shows as "-" where the line breaks, and nowhere else."""
    if line.endswith(_SOFT_HYPHEN):
        line = line[:-1] + "-"
    return line.replace(_SOFT_HYPHEN, "")


def largest_fitting(
    text: str, limit: float, sizes: tuple[float, ...], *, bold: bool = False
) -> float:
    """The first of ``sizes`` at which every word of ``text`` fits in ``limit`` (else the last)."""
    for size in sizes:
        pieces = [p for word in text.split() for p in _BREAK_AFTER.split(word)]
        if all(width(piece, size, bold=bold) <= limit for piece in pieces):
            return size
    return sizes[-1]


def ellipsize(text: str, limit: float, size: float, *, bold: bool = False) -> str:
    """``text`` on one line, cut with "…" if it is wider than ``limit``."""
    flat = " ".join(text.split())
    if width(flat, size, bold=bold) <= limit:
        return flat
    kept = flat
    while kept and width(kept.rstrip() + _ELLIPSIS, size, bold=bold) > limit:
        kept = kept[:-1]
    return kept.rstrip() + _ELLIPSIS


def build_table(font_dir: Path) -> dict[str, object]:
    """The width table from the DejaVu Sans fonts in ``font_dir`` (needs fontTools)."""
    from fontTools.ttLib import TTFont  # type: ignore[import-untyped]

    widths: dict[str, dict[str, int]] = {}
    units_per_em = 0
    for style, name in (("regular", "DejaVuSans.ttf"), ("bold", "DejaVuSans-Bold.ttf")):
        font = TTFont(str(font_dir / name))
        units_per_em = int(font["head"].unitsPerEm)
        cmap = font.getBestCmap()
        metrics = font["hmtx"].metrics
        widths[style] = {
            str(cp): int(metrics[cmap[cp]][0])
            for start, end in _RANGES
            for cp in range(start, end + 1)
            if cp in cmap
        }
    return {"font": "DejaVu Sans", "units_per_em": units_per_em, "widths": widths}


if __name__ == "__main__":  # pragma: no cover - a maintainer's tool
    table = build_table(Path(sys.argv[1]))
    target = Path(__file__).with_name("dejavu_widths.json")
    target.write_text(json.dumps(table, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {target}")
