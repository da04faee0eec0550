"""Export a journey in every format journeykit writes, as bytes with a media type and file name.

The web API's export endpoint and ``journeykit journey export`` both call
:func:`export_journey`. YAML and JSON are the canonical journey file (byte for byte what
``journeykit journey export`` writes); Mermaid is the diagram text; SVG, PNG and PDF are the
drawn map; CSV and XLSX list one row per lane item (the XLSX has the map grid on a second
sheet, ready to edit and import again with ``journeykit journey import-sheet``).

>>> from journeykit.model import Journey, JourneyDocument
>>> doc = JourneyDocument(format_version=1, journey=Journey(id="j1", title="Kauf", state="as_is"))
>>> rendered = export_journey(doc, "j1", "json")
>>> rendered.media_type, rendered.filename
('application/json', 'j1.json')
>>> export_journey(doc, "j1", "jsno")
Traceback (most recent call last):
...
journeykit.render.errors.UnknownFormat: unknown export format 'jsno'; choose one of yaml, json, ...
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Final, Literal

from journeykit.model import JourneyDocument
from journeykit.model.comment_annex import ExportedComment
from journeykit.model.fileformat import document_data, dump_data, dump_document
from journeykit.render.comment_rows import comment_headers, comment_rows
from journeykit.render.errors import JourneyNotInDocument, UnknownFormat
from journeykit.render.item_rows import item_headers, item_rows
from journeykit.render.map_grid import map_grid
from journeykit.render.map_layout import whole_journey
from journeykit.render.mermaid import journey_to_mermaid
from journeykit.render.numbers_row import NumbersRow
from journeykit.render.print_pages import map_pdf, svg_to_png
from journeykit.render.svg_map import check_lanes, draw_map

FORMATS: Final = ("yaml", "json", "mermaid", "svg", "png", "pdf", "csv", "xlsx")

MEDIA_TYPES: Final[dict[str, str]] = {
    "yaml": "application/yaml",
    "json": "application/json",
    "mermaid": "text/vnd.mermaid; charset=utf-8",
    "svg": "image/svg+xml",
    "png": "image/png",
    "pdf": "application/pdf",
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
SUFFIXES: Final[dict[str, str]] = {"mermaid": "mmd"}
_FORMULA_START = frozenset("=+-@\t\r")
_NUMBER = re.compile(r"[+-]?\d+(?:[.,]\d+)?")


@dataclass(frozen=True)
class Rendered:
    """An exported journey: the file's bytes, its media type and a file name to save it as."""

    content: bytes
    media_type: str
    filename: str


def guard_formula(cell: str | int | None) -> str | int:
    """A cell value that a spreadsheet cannot take for a formula.

    Text starting with ``=``, ``+``, ``-``, ``@`` (or a tab or carriage return) would run as a
    formula when the CSV is opened in Excel; a leading apostrophe, which Excel hides, keeps it
    text. Numbers, and text that reads as a number ("-2"), stay as they are.
    """
    if cell is None:
        return ""
    if isinstance(cell, int) or not cell or cell[0] not in _FORMULA_START:
        return cell
    if _NUMBER.fullmatch(cell):
        return cell
    return "'" + cell


def csv_text(rows: Sequence[Sequence[str | int | None]], *, language: str) -> str:
    """Rows as CSV the way spreadsheet users expect it in ``language``.

    German Excel reads ``;`` as the separator (the comma is the decimal mark), English Excel
    reads ``,``; every cell that needs it is quoted, line breaks inside cells included, and
    no cell can run as a formula (:func:`guard_formula`).
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";" if language == "de" else ",", lineterminator="\r\n")
    writer.writerows([guard_formula(cell) for cell in row] for row in rows)
    return buffer.getvalue()


def _csv_bytes(text: str) -> bytes:
    # The byte-order mark makes Excel read the file as UTF-8 (umlauts), others ignore it.
    return text.encode("utf-8-sig")


def export_journey(
    doc: JourneyDocument,
    journey_id: str,
    fmt: str,
    *,
    language: str = "de",
    hidden_lanes: Collection[str] = (),
    comments: Sequence[ExportedComment] = (),
    numbers: NumbersRow | None = None,
) -> Rendered:
    """The journey of ``doc`` in format ``fmt`` (one of :data:`FORMATS`).

    ``comments`` travel with the journey in the file formats (a ``comments`` section after
    the journey, which an import checks and skips), the CSV (a second table after the items)
    and the XLSX (a comments sheet); the drawings and Mermaid leave them out.

    ``numbers`` adds the numbers row (see :mod:`journeykit.render.numbers_row`) to the
    drawings and the tables; the journey file and Mermaid formats do not carry it.

    ``language`` labels the drawing, the Mermaid sections and the table headers; the journey
    file formats do not depend on it. ``hidden_lanes`` leaves lanes out of the drawings and
    the tables. An unknown ``fmt`` raises :class:`UnknownFormat` with a "did you mean".
    """
    if fmt not in FORMATS:
        raise UnknownFormat(fmt, FORMATS)
    if doc.journey.id != journey_id:
        raise JourneyNotInDocument(journey_id, doc.journey.id)
    hidden = check_lanes(hidden_lanes)
    filename = f"{doc.journey.id}.{SUFFIXES.get(fmt, fmt)}"
    media_type = MEDIA_TYPES[fmt]
    if fmt in ("yaml", "json"):
        content = _journey_file(doc, "yaml" if fmt == "yaml" else "json", comments)
    elif fmt == "mermaid":
        content = journey_to_mermaid(doc, language).encode("utf-8")
    elif fmt in ("svg", "png"):
        svg = draw_map(doc, whole_journey(doc), language=language, hidden=hidden, numbers=numbers)
        if fmt == "svg":
            content = ('<?xml version="1.0" encoding="UTF-8"?>\n' + svg + "\n").encode("utf-8")
        else:
            content = svg_to_png(svg)
    elif fmt == "pdf":
        content = map_pdf(doc, language=language, hidden=hidden, numbers=numbers)
    elif fmt == "csv":
        rows = item_rows(doc, language=language, hidden=hidden, numbers=numbers)
        table = [item_headers(language), *rows]
        if comments:
            table += [[], comment_headers(language)]
            table += comment_rows(doc, comments, language=language)
        content = _csv_bytes(csv_text(table, language=language))
    else:
        # openpyxl takes a quarter second to import: only when a workbook is wanted
        from journeykit.render.workbook import map_workbook

        content = map_workbook(
            doc, language=language, hidden=hidden, comments=comments, numbers=numbers
        )
    return Rendered(content=content, media_type=media_type, filename=filename)


def _journey_file(
    doc: JourneyDocument, fmt: Literal["yaml", "json"], comments: Sequence[ExportedComment]
) -> bytes:
    """The canonical journey file; with comments, their section follows the journey's."""
    if not comments:
        return dump_document(doc, fmt).encode("utf-8")
    data = document_data(doc)
    data["comments"] = [c.model_dump(mode="json", exclude_defaults=True) for c in comments]
    return dump_data(data, fmt).encode("utf-8")


def export_map_grid(
    doc: JourneyDocument,
    journey_id: str,
    *,
    language: str = "de",
    hidden_lanes: Collection[str] = (),
) -> Rendered:
    """The map grid (one column per step, one row per lane) as CSV, the layout that
    :func:`journeykit.render.spreadsheet.read_map_sheet` imports."""
    if doc.journey.id != journey_id:
        raise JourneyNotInDocument(journey_id, doc.journey.id)
    rows = map_grid(doc, language=language, hidden=check_lanes(hidden_lanes))
    return Rendered(
        content=_csv_bytes(csv_text(rows, language=language)),
        media_type=MEDIA_TYPES["csv"],
        filename=f"{doc.journey.id}-grid.csv",
    )
