"""The map for print: PNG from the SVG, and a PDF on A3 landscape pages.

A long journey does not fit one A3 sheet at a readable size, so the PDF splits it into pages
of whole phases where it can (a phase longer than a page is split between steps). Each page
repeats the title block, the phase bands and the lane names, and is scaled to fill the sheet
but not below :data:`MIN_SCALE` (the smallest text stays about 6 pt) unless the map is so tall
that even one column needs less; then every page takes the scale the full height needs.
"""

from __future__ import annotations

import base64
import re
from collections.abc import Sequence

from journeykit.model import JourneyDocument, Phase, Step
from journeykit.render.errors import RenderFailed
from journeykit.render.labels import label
from journeykit.render.map_layout import MapPart, whole_journey
from journeykit.render.numbers_row import NumbersRow
from journeykit.render.svg import esc
from journeykit.render.svg_map import draw_map

#: A3 landscape less the margins, in CSS pixels (96 per inch): 400 × 275 mm.
PAGE_WIDTH = 400 / 25.4 * 96
PAGE_HEIGHT = 275 / 25.4 * 96
#: The smallest scale a page is printed at: 11 px item text becomes about 5.8 pt.
MIN_SCALE = 0.7
#: PNG pixels per SVG pixel: sharp on high-density screens and on slides.
PNG_SCALE = 1.5
#: The PNG's longest side at most, in pixels (a 100-step map would otherwise be huge).
PNG_MAX_SIDE = 16_000

_SIZE = re.compile(r'<svg[^>]* width="([\d.]+)" height="([\d.]+)"')


def svg_size(svg: str) -> tuple[float, float]:
    """The width and height an SVG string of this room declares."""
    found = _SIZE.match(svg)
    if found is None:
        raise RenderFailed("the drawing has no size")
    return float(found.group(1)), float(found.group(2))


def svg_to_png(svg: str) -> bytes:
    """The SVG as a PNG image, :data:`PNG_SCALE` times its size (less for a very large map)."""
    import vl_convert

    width, height = svg_size(svg)
    scale = min(PNG_SCALE, PNG_MAX_SIDE / max(width, height))
    try:
        return bytes(vl_convert.svg_to_png(svg, scale=scale))
    except Exception as exc:  # the converter raises plain ValueError/RuntimeError
        raise RenderFailed(f"the map could not be converted to PNG: {exc}") from exc


class _Pager:
    """Packs phases (or, for a long phase, runs of steps) into pages that print readably."""

    def __init__(
        self,
        doc: JourneyDocument,
        language: str,
        hidden: frozenset[str],
        numbers: NumbersRow | None = None,
    ) -> None:
        self.doc = doc
        self.numbers = numbers
        self.language = language
        self.hidden = hidden
        # A map taller than a page at MIN_SCALE cannot be helped by fewer columns: its pages
        # are printed smaller, at the scale that fits the whole map's height.
        _width, height = self.size(whole_journey(doc))
        self.least = min(MIN_SCALE, PAGE_HEIGHT / height)

    def size(self, part: MapPart) -> tuple[float, float]:
        return svg_size(
            draw_map(
                self.doc, part, language=self.language, hidden=self.hidden, numbers=self.numbers
            )
        )

    def scale(self, part: MapPart) -> float:
        width, height = self.size(part)
        return min(PAGE_WIDTH / width, PAGE_HEIGHT / height)

    def fits(self, part: MapPart) -> bool:
        return self.scale(part) >= self.least

    def pages(self) -> list[list[tuple[int, Phase, Sequence[Step]]]]:
        pages: list[list[tuple[int, Phase, Sequence[Step]]]] = []
        current: list[tuple[int, Phase, Sequence[Step]]] = []
        for index, phase, steps in whole_journey(self.doc):
            entry = (index, phase, steps)
            if self.fits([*current, entry]):
                current.append(entry)
                continue
            if self.fits([entry]):  # the phase fits a page of its own: keep it whole
                if current:
                    pages.append(current)
                current = [entry]
                continue
            # The phase is longer than a page: fill this page and the next ones step by step.
            run: list[Step] = []
            for step in steps:
                if (run or current) and not self.fits([*current, (index, phase, [*run, step])]):
                    pages.append([*current, (index, phase, run)] if run else current)
                    current, run = [], []
                run.append(step)
            current = [*current, (index, phase, run)]
        if current:
            pages.append(current)
        return pages or [[]]  # a journey without steps still prints its title and lanes


def _css_string(text: str) -> str:
    """``text`` as a CSS string literal."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'


def _footer(doc: JourneyDocument, language: str) -> str:
    parts = [doc.journey.title, label(doc.journey.state, language)]
    if doc.revision is not None:
        parts.append(f"{label('revision', language)} {doc.revision}")
    return " · ".join(parts)


def map_pages_svg(
    doc: JourneyDocument,
    *,
    language: str,
    hidden: frozenset[str],
    numbers: NumbersRow | None = None,
) -> list[str]:
    """The map cut into the parts that print readably, one SVG per page."""
    pager = _Pager(doc, language, hidden, numbers)
    return [
        draw_map(doc, part, language=language, hidden=hidden, numbers=numbers)
        for part in pager.pages()
    ]


def pdf_html(
    doc: JourneyDocument,
    *,
    language: str,
    hidden: frozenset[str],
    numbers: NumbersRow | None = None,
) -> str:
    """The HTML WeasyPrint prints: one section per page, each holding one SVG part."""
    sections: list[str] = []
    for svg in map_pages_svg(doc, language=language, hidden=hidden, numbers=numbers):
        width, height = svg_size(svg)
        scale = min(PAGE_WIDTH / width, PAGE_HEIGHT / height)
        data = base64.b64encode(svg.encode("utf-8")).decode("ascii")
        sections.append(
            f'<section class="page"><img alt="" src="data:image/svg+xml;base64,{data}" '
            f'style="width:{width * scale:.1f}px;height:{height * scale:.1f}px"></section>'
        )
    page_word, of_word = label("page", language, page="\x00", pages="\x01").split("\x00")
    of_word, after = of_word.split("\x01")
    page_counter = (
        f"{_css_string(page_word)} counter(page) {_css_string(of_word)} counter(pages)"
        f" {_css_string(after)}"
    )
    return f"""<!DOCTYPE html>
<html lang="{language}"><head><meta charset="utf-8">
<title>{esc(doc.journey.title)}</title>
<meta name="generator" content="journeykit">
<meta name="description" content="{esc(label("journey_map", language))}">
<style>
@page {{
  size: A3 landscape;
  margin: 10mm 10mm 12mm 10mm;
  @bottom-left {{ content: {_css_string(_footer(doc, language))};
    font: 7.5pt "DejaVu Sans", sans-serif; color: #5b6776; }}
  @bottom-right {{ content: {page_counter};
    font: 7.5pt "DejaVu Sans", sans-serif; color: #5b6776; }}
}}
html, body {{ margin: 0; padding: 0; font-family: "DejaVu Sans", sans-serif; }}
section.page {{ break-after: page; }}
section.page:last-child {{ break-after: auto; }}
img {{ display: block; }}
</style></head><body>
{"".join(sections)}
</body></html>
"""


def map_pdf(
    doc: JourneyDocument,
    *,
    language: str,
    hidden: frozenset[str],
    numbers: NumbersRow | None = None,
) -> bytes:
    """The map as a PDF with A3 landscape pages (with a numbers row when given)."""
    from weasyprint import HTML

    html = pdf_html(doc, language=language, hidden=hidden, numbers=numbers)
    try:
        pdf = HTML(string=html, base_url=".").write_pdf()
    except Exception as exc:  # WeasyPrint reports font and layout failures as plain errors
        raise RenderFailed(f"the map could not be printed to PDF: {exc}") from exc
    if not isinstance(pdf, bytes):
        raise RenderFailed("the PDF printer returned no document")
    return pdf
