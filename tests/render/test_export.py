"""Every export format: the bytes decode as what they claim to be, with the journey inside."""

from __future__ import annotations

import csv
import io
import struct
import xml.etree.ElementTree as ET

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from pypdf.generic import DictionaryObject

from journeykit.demo import build_demo_document
from journeykit.model.fileformat import dump_document, load_document
from journeykit.render.errors import JourneyNotInDocument, UnknownFormat, UnknownLane
from journeykit.render.export import FORMATS, export_journey
from journeykit.render.print_pages import PNG_SCALE, svg_size
from journeykit.render.svg_map import journey_map_svg
from tests.render.journeys import map_doc

# A3 landscape in PDF points: 420 × 297 mm
A3_LANDSCAPE = (420 / 25.4 * 72, 297 / 25.4 * 72)


def items_of_map_doc() -> int:
    """Lane items in map_doc(), counted by hand: per step 1 touchpoint + 9 text items."""
    emotions = 2 + 1 + 2
    evidence = 1
    return 3 * (1 + 9) + emotions + evidence


def test_the_formats_are_the_ones_the_api_offers() -> None:
    assert FORMATS == ("yaml", "json", "mermaid", "svg", "png", "pdf", "csv", "xlsx")


def test_an_unknown_format_is_refused_with_a_suggestion() -> None:
    with pytest.raises(UnknownFormat) as caught:
        export_journey(map_doc(), "jo-karte", "yml")
    assert caught.value.code == "unknown_format"
    assert caught.value.hint == "did you mean 'yaml'?"


def test_the_wrong_journey_and_an_unknown_lane_are_refused() -> None:
    with pytest.raises(JourneyNotInDocument):
        export_journey(map_doc(), "jo-other", "svg")
    with pytest.raises(UnknownLane):
        export_journey(map_doc(), "jo-karte", "csv", hidden_lanes=["gedanken"])


@pytest.mark.parametrize("fmt", ["yaml", "json"])
def test_yaml_and_json_are_the_canonical_journey_file(fmt: str) -> None:
    doc = map_doc()
    rendered = export_journey(doc, "jo-karte", fmt, language="en")
    assert rendered.content == dump_document(doc, "yaml" if fmt == "yaml" else "json").encode()
    assert rendered.filename == f"jo-karte.{fmt}"
    assert load_document(rendered.content.decode(), "yaml" if fmt == "yaml" else "json") == doc


def test_mermaid_is_the_diagram_text() -> None:
    rendered = export_journey(map_doc(), "jo-karte", "mermaid", language="de")
    assert rendered.filename == "jo-karte.mmd"
    assert rendered.content.decode().startswith("journey\n    title Kauf über Preisvergleich\n")
    assert "    section Kauf\n" in rendered.content.decode()


def test_svg_is_the_map_drawing_as_a_file() -> None:
    rendered = export_journey(map_doc(), "jo-karte", "svg", hidden_lanes=["backstage"])
    assert rendered.media_type == "image/svg+xml"
    text = rendered.content.decode("utf-8")
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<svg')
    assert text.strip().split("\n", 1)[1] == journey_map_svg(
        map_doc(), "jo-karte", hidden_lanes=["backstage"]
    )
    ET.fromstring(text.split("\n", 1)[1])


def test_png_decodes_with_the_drawings_proportions() -> None:
    rendered = export_journey(map_doc(), "jo-karte", "png")
    png = rendered.content
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    assert png[12:16] == b"IHDR"
    width, height = struct.unpack(">II", png[16:24])
    svg_width, svg_height = svg_size(journey_map_svg(map_doc(), "jo-karte"))
    assert width == pytest.approx(svg_width * PNG_SCALE, abs=1)
    assert height == pytest.approx(svg_height * PNG_SCALE, abs=1)
    assert rendered.media_type == "image/png"


def _pdf_text(reader: PdfReader) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def test_pdf_is_a3_landscape_with_umlauts_as_text() -> None:
    rendered = export_journey(map_doc(), "jo-karte", "pdf", language="de")
    assert rendered.content.startswith(b"%PDF-")
    reader = PdfReader(io.BytesIO(rendered.content))
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (float(box.width), float(box.height)) == pytest.approx(A3_LANDSCAPE, abs=0.5)
    text = _pdf_text(reader)
    for words in ("Kauf über Preisvergleich", "Überlegung", "Bedürfnisse", "Größenangaben"):
        assert words in text
    assert "Seite 1 von 1" in text
    assert reader.metadata is not None and reader.metadata.title == "Kauf über Preisvergleich"
    resources = reader.pages[0]["/Resources"].get_object()
    assert isinstance(resources, DictionaryObject)
    font_table = resources["/Font"].get_object()
    assert isinstance(font_table, DictionaryObject)
    fonts = {str(font.get_object()["/BaseFont"]).split("+")[-1] for font in font_table.values()}
    assert fonts >= {"DejaVu-Sans", "DejaVu-Sans-Bold"}  # embedded, so it prints anywhere


def test_the_demo_prints_on_several_pages_with_every_step() -> None:
    doc = build_demo_document()
    reader = PdfReader(
        io.BytesIO(export_journey(doc, doc.journey.id, "pdf", language="en").content)
    )
    assert len(reader.pages) >= 2
    for page in reader.pages:
        assert (float(page.mediabox.width), float(page.mediabox.height)) == pytest.approx(
            A3_LANDSCAPE, abs=0.5
        )
    text = _pdf_text(reader).replace("- ", "-")
    for phase, step in doc.journey.steps():
        assert phase.name.text("en") in text
        assert " ".join(step.title.split()) in text, step.title
    assert f"page {len(reader.pages)} of {len(reader.pages)}" in text


def _csv_rows(content: bytes, delimiter: str) -> list[list[str]]:
    assert content.startswith(b"\xef\xbb\xbf")  # Excel needs the BOM to read UTF-8
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=delimiter))


def test_csv_has_one_row_per_lane_item_with_german_headers() -> None:
    rows = _csv_rows(export_journey(map_doc(), "jo-karte", "csv", language="de").content, ";")
    header, body = rows[0], rows[1:]
    assert header[:8] == [
        "Phase",
        "Phasen-ID",
        "Schritt-Nr.",
        "Schritt",
        "Schritt-ID",
        "Lane",
        "Eintrags-ID",
        "Text",
    ]
    assert len(body) == items_of_map_doc()
    by_id = {row[6]: dict(zip(header, row, strict=True)) for row in body}
    pain = by_id["st-suchen-pain_points-1"]
    assert (pain["Phase"], pain["Schritt"], pain["Lane"]) == (
        "Bewusstsein",
        "Produkt suchen",
        "Painpoints",
    )
    assert pain["Text"].startswith('Preis <b>"39 €"</b>')
    touchpoint = by_id["tp-st-suchen"]
    assert (touchpoint["Kanal"], touchpoint["Digital/persönlich"], touchpoint["Wichtigkeit"]) == (
        "web",
        "digital",
        "4",
    )
    versand = [r for r in body if r[4] == "st-versand" and r[5] == "Emotionen"]
    assert [(r[8], r[10], r[11]) for r in versand] == [("Anna Sparfuchs", "-2", "enttäuschend")]


def test_csv_in_english_uses_commas_and_leaves_hidden_lanes_out() -> None:
    content = export_journey(
        map_doc(), "jo-karte", "csv", language="en", hidden_lanes=["emotions", "touchpoints"]
    ).content
    rows = _csv_rows(content, ",")
    assert rows[0][:3] == ["Phase", "Phase ID", "Step no."]
    lanes = {row[5] for row in rows[1:]}
    assert "Emotions" not in lanes and "Touchpoints" not in lanes
    assert "Pain points" in lanes
    assert len(rows) - 1 == items_of_map_doc() - 5 - 3


def test_xlsx_lists_the_items_and_holds_the_grid() -> None:
    content = export_journey(map_doc(), "jo-karte", "xlsx", language="en").content
    book = load_workbook(io.BytesIO(content))
    assert book.sheetnames == ["Items", "Map"]
    items = list(book["Items"].iter_rows(values_only=True))
    assert items[0][:2] == ("Phase", "Phase ID")
    assert len(items) - 1 == items_of_map_doc()
    scores = [row[10] for row in items[1:] if row[5] == "Emotions"]
    assert scores == [1, 2, -2, 0, -1]  # numbers, not text
    grid = list(book["Map"].iter_rows(values_only=True))
    assert grid[0] == ("Phase", "Awareness", "Acquisition", None)  # a phase spans its steps
    assert grid[1] == ("Step", "Produkt suchen", "Versandkosten sehen", "Bestellen")


def test_a_journey_without_steps_still_draws_and_prints() -> None:
    doc = map_doc()
    doc.journey.phases = []
    doc.evidence, doc.kpis = [], []
    root = ET.fromstring(journey_map_svg(doc, "jo-karte"))
    lanes = [e for e in root.iter("{http://www.w3.org/2000/svg}g") if e.get("class") == "lane"]
    assert len(lanes) == 12
    reader = PdfReader(io.BytesIO(export_journey(doc, "jo-karte", "pdf").content))
    assert len(reader.pages) == 1
    assert "Kauf über Preisvergleich" in _pdf_text(reader)
    rows = _csv_rows(export_journey(doc, "jo-karte", "csv").content, ";")
    assert len(rows) == 1  # the header alone


def test_a_phase_longer_than_a_page_is_split_between_steps_and_pages_stay_full() -> None:
    from journeykit.model import Phase, Step
    from journeykit.render.map_layout import COLUMN_WIDTH, LABEL_WIDTH
    from journeykit.render.print_pages import PAGE_WIDTH, _Pager, svg_size
    from journeykit.render.svg_map import draw_map

    doc = map_doc()
    doc.evidence, doc.kpis = [], []
    doc.journey.phases = [
        Phase(id="p1", name=doc.journey.phases[0].name, steps=[Step(id="st-a", title="Anfang")]),
        Phase(
            id="p2",
            name=doc.journey.phases[2].name,
            steps=[Step(id=f"st-{n}", title=f"Schritt {n}") for n in range(30)],
        ),
    ]
    pager = _Pager(doc, "de", frozenset())
    pages = pager.pages()
    printed = [step.id for page in pages for _i, _phase, steps in page for step in steps]
    assert printed == ["st-a", *[f"st-{n}" for n in range(30)]]  # each step once, in order
    per_page = int((PAGE_WIDTH / pager.least - LABEL_WIDTH) // COLUMN_WIDTH)
    counts = [sum(len(steps) for _i, _p, steps in page) for page in pages]
    assert counts[:-1] == [per_page] * (len(pages) - 1)  # the first phase shares page one
    for page in pages:
        width, _height = svg_size(draw_map(doc, page, language="de", hidden=frozenset()))
        assert PAGE_WIDTH / width >= pager.least  # readable: never below the least scale
