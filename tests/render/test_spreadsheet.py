"""Importing a map from a spreadsheet grid: round trips, messy real-world files, located errors."""

from __future__ import annotations

import csv
import io

import pytest
from openpyxl import Workbook, load_workbook

from journeykit.demo import build_demo_document
from journeykit.model import JourneyDocument
from journeykit.model.errors import DocumentInvalid
from journeykit.model.lanes import TEXT_LANES
from journeykit.render.export import export_journey, export_map_grid
from journeykit.render.spreadsheet import read_map_sheet
from tests.render.journeys import map_doc

GERMAN_EXCEL = (
    "Phase;Bewusstsein;;Kauf\r\n"
    "Schritt;Anzeige sehen;Preise vergleichen;Bestellen\r\n"
    'Touchpoints;Anzeige (advert);PreisRadar (price_comparison, digital, indirekt, 5/5);"Shop\n'
    'Hotline (Mo–Fr)"\r\n'
    'Painpoints;"• Zu viele Angebote\n• Größen fehlen";;Versand: 39 €\r\n'
    "Emotionen: Sabine;1;–1 (enttäuschend);-2\r\n"
    "Bedürfnisse;;Überblick;\r\n"
)


def sheet_summary(doc: JourneyDocument) -> list[tuple[str, list[tuple[str, dict[str, list[str]]]]]]:
    """Phases, steps and every text lane's texts: what a grid holds."""
    return [
        (
            phase.id,
            [
                (
                    step.title,
                    {lane: [i.text for i in step.lanes.text_lane(lane)] for lane in TEXT_LANES},
                )
                for step in phase.steps
            ],
        )
        for phase in doc.journey.phases
        if phase.steps
    ]


def emotions(doc: JourneyDocument) -> list[list[tuple[str, int, str | None]]]:
    names = {p.id: p.name for p in doc.personas}
    return [
        [(names[e.persona_id], e.score, e.rating) for e in step.lanes.emotions]
        for _phase, step in doc.journey.steps()
    ]


def touchpoints(doc: JourneyDocument) -> list[list[tuple[str, str, str, str, int | None]]]:
    return [
        [(t.name, t.channel, t.mode, t.ownership, t.importance) for t in step.touchpoints]
        for _phase, step in doc.journey.steps()
    ]


def problems(data: bytes, filename: str) -> list[tuple[int | None, str, str, str | None]]:
    with pytest.raises(DocumentInvalid) as caught:
        read_map_sheet(data, filename=filename)
    assert all(i.file == filename for i in caught.value.issues)
    return [(i.line, i.path, i.code, i.suggestion) for i in caught.value.issues]


@pytest.mark.parametrize("language", ["de", "en"])
@pytest.mark.parametrize("source", ["csv", "xlsx"])
def test_an_exported_grid_reads_back_the_same_map(language: str, source: str) -> None:
    original = map_doc()
    if source == "csv":
        data = export_map_grid(original, "jo-karte", language=language).content
    else:
        data = export_journey(original, "jo-karte", "xlsx", language=language).content
    doc = read_map_sheet(data, filename=f"karte.{source}", title="Kauf über Preisvergleich")
    assert sheet_summary(doc) == sheet_summary(original)
    assert emotions(doc) == emotions(original)
    assert touchpoints(doc) == touchpoints(original)
    assert (doc.journey.title, doc.journey.state, doc.revision) == (
        "Kauf über Preisvergleich",
        "as_is",
        None,
    )


def test_the_demo_round_trips_through_its_xlsx() -> None:
    demo = build_demo_document()
    data = export_journey(demo, demo.journey.id, "xlsx", language="de").content
    doc = read_map_sheet(data, filename="beetwerk.xlsx")
    assert sheet_summary(doc) == sheet_summary(demo)
    assert touchpoints(doc) == touchpoints(demo)
    assert emotions(doc) == emotions(demo)
    assert doc.journey.title == "beetwerk"


def test_a_german_excel_csv_in_windows_1252_with_semicolons() -> None:
    doc = read_map_sheet(GERMAN_EXCEL.encode("cp1252"), filename="Kauf_Journey.csv")
    assert doc.journey.title == "Kauf Journey"
    assert [(p.id, p.name.text("de"), [s.title for s in p.steps]) for p in doc.journey.phases] == [
        ("awareness", "Bewusstsein", ["Anzeige sehen", "Preise vergleichen"]),
        ("acquisition", "Kauf", ["Bestellen"]),
    ]
    first, second, third = (step for _phase, step in doc.journey.steps())
    assert [i.text for i in first.lanes.pain_points] == ["Zu viele Angebote", "Größen fehlen"]
    assert [i.text for i in third.lanes.pain_points] == ["Versand: 39 €"]
    assert [i.text for i in second.lanes.needs] == ["Überblick"]
    assert emotions(doc) == [
        [("Sabine", 1, None)],
        [("Sabine", -1, "disappointing")],
        [("Sabine", -2, None)],
    ]
    assert touchpoints(doc) == [
        [("Anzeige", "advert", "digital", "direct", None)],
        [("PreisRadar", "price_comparison", "digital", "indirect", 5)],
        # no marks: the channel comes from the name, the rest from the channel
        [
            ("Shop", "web", "digital", "direct", None),
            ("Hotline (Mo–Fr)", "phone", "personal", "direct", None),
        ],
    ]


def test_utf8_with_bom_and_commas_and_english_row_names() -> None:
    text = (
        "Phases,Awareness,\n"
        "Steps,See an advert,Compare prices\n"
        "Pain points,Too many offers,\n"
        "Emotions,2,0\n"
    )
    doc = read_map_sheet(text.encode("utf-8-sig"), filename="map.csv", title="Buying")
    assert doc.journey.phases[0].name.text("en") == "Awareness"
    assert [i.text for i in doc.journey.phases[0].steps[0].lanes.pain_points] == ["Too many offers"]
    assert [p.name for p in doc.personas] == ["Persona"]
    assert doc.journey.persona_ids == [doc.personas[0].id]


def test_tab_separated_utf16_as_excel_saves_unicode_text() -> None:
    text = "Phase\tLoyalität\nSchritt\tBewerten\nLovepoints\tSchnelle Antwort\n"
    doc = read_map_sheet(text.encode("utf-16"), filename="karte.txt", title="Treue")
    assert doc.journey.phases[0].id == "loyalty"
    assert doc.journey.phases[0].steps[0].lanes.love_points[0].text == "Schnelle Antwort"


def test_an_unknown_row_name_is_located_with_a_suggestion() -> None:
    text = "Phase;Kauf\nSchritt;Bestellen\nPainponts;teuer\n"
    assert problems(text.encode(), "karte.csv") == [(3, "A3", "unknown_lane", "Painpoints")]


def test_a_row_whose_name_starts_with_a_hash_is_a_note_and_skipped() -> None:
    text = "Phase;Kauf\nSchritt;Bestellen\n# Verantwortlich;Team Checkout\nAktionen;bestellt\n"
    doc = read_map_sheet(text.encode(), filename="karte.csv")
    (step,) = [s for _p, s in doc.journey.steps()]
    assert [i.text for i in step.lanes.actions] == ["bestellt"]
    assert "Team Checkout" not in str(doc.model_dump())


def test_an_emotion_that_is_not_a_number_is_located() -> None:
    text = "Phase;Kauf;\nSchritt;Bestellen;Bezahlen\nEmotionen;1;abc\n"
    assert problems(text.encode(), "karte.csv") == [(3, "C3", "invalid_emotion", None)]
    with pytest.raises(DocumentInvalid) as caught:
        read_map_sheet(text.encode(), filename="karte.csv")
    assert "expected an emotion score from -2 to 2" in caught.value.issues[0].one_line()
    assert caught.value.issues[0].one_line().startswith("karte.csv:3: C3: ")


def test_every_problem_is_listed_and_nothing_is_returned() -> None:
    text = (
        "Phase;;Kauf\n"
        "Schritt;Suchen;Bestellen;\n"
        "Aktionen;;;verwaist\n"
        "Emotionen;3;1 (super)\n"
        "Gedankn;x;y\n"
    )
    assert problems(text.encode(), "karte.csv") == [
        (5, "A5", "unknown_lane", "Gedanken"),
        (2, "D2", "missing_step_title", None),
        (1, "B1", "missing_phase", None),
        (4, "B4", "invalid_emotion", None),
        (4, "C4", "invalid_rating", None),
    ]


def test_xlsx_errors_name_the_cell_in_spreadsheet_letters() -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in (
        ["Phase", "Bewusstsein", None, None],
        ["Schritt", "Sehen", "Suchen", "Finden"],
        ["Aktionen", "schaut", None, "klickt"],
        ["Emotionen: Sabine", 1, 2.5, "zwei"],
    ):
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    assert problems(buffer.getvalue(), "karte.xlsx") == [
        (4, "C4", "invalid_emotion", None),
        (4, "D4", "invalid_emotion", None),
    ]


def test_a_grid_without_step_or_phase_row_is_refused() -> None:
    assert problems(b"Aktionen;a\n", "karte.csv") == [
        (None, "", "missing_step_row", None),
        (None, "", "missing_phase_row", None),
    ]


@pytest.mark.parametrize(
    ("filename", "data", "code"),
    [
        ("karte.xls", b"\xd0\xcf\x11\xe0", "unsupported_sheet"),
        ("karte.pdf", b"%PDF", "unsupported_sheet"),
        ("karte.xlsx", b"not a zip file", "not_a_workbook"),
        ("karte.csv", b"", "empty_sheet"),
        ("karte.csv", b"Phase;K\x81\x8d\x8f\x90\x9d", "unreadable_encoding"),
    ],
)
def test_files_that_are_no_grid_are_refused(filename: str, data: bytes, code: str) -> None:
    assert [p[2] for p in problems(data, filename)] == [code]


def test_a_repeated_step_title_gets_its_own_id() -> None:
    text = "Phase;Service\nSchritt;Anrufen;Anrufen\nAktionen;a;b\n"
    doc = read_map_sheet(text.encode(), filename="karte.csv")
    ids = [s.id for _p, s in doc.journey.steps()]
    assert ids == ["st-anrufen", "st-anrufen-2"]
    assert doc.journey.phases[0].id == "service"


FORMULAS = ['=HYPERLINK("http://example.invalid","klick")', "+49 30 123456", "@team Versand"]


def formula_doc() -> JourneyDocument:
    doc = map_doc()
    step = doc.journey.phases[0].steps[0]
    for item, text in zip(
        [step.lanes.actions[0], step.lanes.needs[0], step.lanes.backstage[0]], FORMULAS, strict=True
    ):
        item.text = text
    return doc


def test_text_that_looks_like_a_formula_stays_text_in_csv_and_xlsx() -> None:
    raw = export_journey(formula_doc(), "jo-karte", "csv", language="de").content
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    texts = {row[6]: row[7] for row in rows[1:]}
    assert [texts[i] for i in ("st-suchen-actions-1", "st-suchen-needs-1")] == [
        "'" + FORMULAS[0],  # Excel shows the text without the apostrophe, and runs nothing
        "'" + FORMULAS[1],
    ]
    assert texts["st-suchen-backstage-1"] == "'" + FORMULAS[2]
    scores = [row[10] for row in rows[1:] if row[5] == "Emotionen"]
    assert "-2" in scores  # a negative score is a number, not guarded
    book = load_workbook(io.BytesIO(export_journey(formula_doc(), "jo-karte", "xlsx").content))
    cells = [
        c for sheet in book for row in sheet.iter_rows() for c in row if c.value == FORMULAS[0]
    ]
    assert len(cells) == 2 and all(c.data_type == "s" for c in cells)


@pytest.mark.parametrize("source", ["csv", "xlsx"])
def test_formula_like_text_round_trips_through_the_grid(source: str) -> None:
    doc = formula_doc()
    if source == "csv":
        data = export_map_grid(doc, "jo-karte").content
    else:
        data = export_journey(doc, "jo-karte", "xlsx").content
    back = read_map_sheet(data, filename=f"karte.{source}")
    assert sheet_summary(back) == sheet_summary(doc)
