"""The XLSX export: lane items as a filterable table, and the map grid on a second sheet."""

from __future__ import annotations

import io
from collections.abc import Sequence

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from journeykit.model import JourneyDocument
from journeykit.model.comment_annex import ExportedComment
from journeykit.render.comment_rows import COMMENT_SHEET, comment_headers, comment_rows
from journeykit.render.item_rows import item_headers, item_rows
from journeykit.render.map_grid import map_grid
from journeykit.render.numbers_row import NumbersRow

#: Sheet names; the importer looks for the grid sheet by these names first.
ITEM_SHEET = {"de": "Einträge", "en": "Items"}
GRID_SHEET = {"de": "Karte", "en": "Map"}

_HEAD_FONT = Font(bold=True, color="FFFFFF")
_HEAD_FILL = PatternFill("solid", fgColor="1D4E89")
_LABEL_FILL = PatternFill("solid", fgColor="F2F4F7")
_WRAP = Alignment(wrap_text=True, vertical="top")
#: Column widths (in characters) of the item table: narrow ids, wide text.
_ITEM_WIDTHS = (18, 16, 9, 28, 22, 18, 24, 60, 20, 20, 8, 14, 16, 16, 14, 12)


def _as_text(sheet: Worksheet) -> None:
    """Keep text that starts with "=" text: openpyxl would otherwise store it as a formula."""
    for row in sheet.iter_rows():
        for cell in row:
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"


def _item_sheet(
    sheet: Worksheet,
    doc: JourneyDocument,
    language: str,
    hidden: frozenset[str],
    numbers: NumbersRow | None,
) -> None:
    sheet.append(item_headers(language))
    for values in item_rows(doc, language=language, hidden=hidden, numbers=numbers):
        sheet.append(values)
    for cell in sheet[1]:
        cell.font = _HEAD_FONT
        cell.fill = _HEAD_FILL
    for index, width in enumerate(_ITEM_WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    for row in sheet.iter_rows(min_row=2, min_col=8, max_col=8):
        for cell in row:
            cell.alignment = _WRAP
    _as_text(sheet)
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions


def _grid_sheet(
    sheet: Worksheet,
    doc: JourneyDocument,
    language: str,
    hidden: frozenset[str],
    numbers: NumbersRow | None,
) -> None:
    for values in map_grid(doc, language=language, hidden=hidden, numbers=numbers):
        sheet.append(values)
    sheet.column_dimensions["A"].width = 26
    for index in range(2, sheet.max_column + 1):
        sheet.column_dimensions[get_column_letter(index)].width = 34
    for row in sheet.iter_rows():
        for cell in row:
            cell.alignment = _WRAP
        row[0].font = Font(bold=True)
        row[0].fill = _LABEL_FILL
    for cell in sheet[1][1:]:
        cell.font = _HEAD_FONT
        cell.fill = _HEAD_FILL
    for cell in sheet[2][1:]:
        cell.font = Font(bold=True)
    _as_text(sheet)
    sheet.freeze_panes = "B3"


def _comment_sheet(
    sheet: Worksheet,
    doc: JourneyDocument,
    comments: Sequence[ExportedComment],
    language: str,
) -> None:
    sheet.append(comment_headers(language))
    for values in comment_rows(doc, comments, language=language):
        sheet.append(values)
    for cell in sheet[1]:
        cell.font, cell.fill = _HEAD_FONT, _HEAD_FILL
    for index, width in enumerate((10, 10, 22, 22, 36, 18, 17, 70, 20, 10, 18), start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    for row in sheet.iter_rows(min_row=2, min_col=8, max_col=8):
        row[0].alignment = _WRAP
    _as_text(sheet)
    sheet.freeze_panes = "A2"


def map_workbook(
    doc: JourneyDocument,
    *,
    language: str,
    hidden: frozenset[str],
    comments: Sequence[ExportedComment] = (),
    numbers: NumbersRow | None = None,
) -> bytes:
    """The workbook as XLSX bytes: sheet 1 one row per lane item, sheet 2 the map grid (each
    with the numbers row when ``numbers`` is given), and a third sheet with the comments when
    the journey has any (the importer reads only the grid)."""
    book = Workbook()
    items = book.active
    assert isinstance(items, Worksheet)  # a new workbook always has its first sheet
    items.title = ITEM_SHEET.get(language, ITEM_SHEET["en"])
    _item_sheet(items, doc, language, hidden, numbers)
    _grid_sheet(
        book.create_sheet(GRID_SHEET.get(language, GRID_SHEET["en"])),
        doc,
        language,
        hidden,
        numbers,
    )
    if comments:
        _comment_sheet(
            book.create_sheet(COMMENT_SHEET.get(language, COMMENT_SHEET["en"])),
            doc,
            comments,
            language,
        )
    book.properties.title = doc.journey.title
    book.properties.creator = "journeykit"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
