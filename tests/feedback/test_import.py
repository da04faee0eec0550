"""Importing survey answers, reviews and tickets from messy real-world files."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from journeykit.events.importers.errors import ImportFailed, MissingColumn
from journeykit.feedback.importers import FeedbackMapping
from journeykit.feedback.importers.columns import WideLayoutUnrecognised
from journeykit.feedback.service import import_feedback
from journeykit.feedback.store import FeedbackStore
from journeykit.store import Workspace
from tests.feedback.conftest import write

GERMAN_EXCEL = """Kundennummer;Datum;Kontaktpunkt;Frage;Wert;Kommentar;Kanal
K-1;05.03.2024;Warenkorb;NPS;9;Alles prima, gerne wieder!;web
K-2;06.03.2024;tp-checkout-versand;NPS;3;Zuschlag erst im Checkout, ärgerlich. k2@example.de;web
K-3;07.03.2024;Warenkrob;CSAT;4;;web
K-4;08.03.2024;tp-warenkorb;CSAT;6;zu hoch;web
K-5;08.03.2024;tp-warenkorb;CES;5,0;;web
K-6;09.03.2024;Warenkorb;NPS;zehn;;web
K-7;31.02.2024;Warenkorb;NPS;8;;web
K-1;05.03.2024;Warenkorb;NPS;9;Alles prima, gerne wieder!;web
"""


ALL_ROWS = "SELECT * FROM responses ORDER BY source_row"


def _rows(ws: Workspace, sql: str = ALL_ROWS) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = FeedbackStore(ws.path).query(sql).to_pylist()
    return rows


def test_a_german_excel_export_imports_without_any_mapping(shop: Workspace, tmp_path: Path) -> None:
    path = write(tmp_path / "umfrage.csv", GERMAN_EXCEL, "cp1252")
    summary = import_feedback(shop, [path])
    assert (summary.rows_read, summary.added) == (8, 3)
    reasons = {r.row: (r.field, r.reason) for r in summary.rejects}
    assert reasons == {
        3: ("touchpoint", "unknown touchpoint or step 'Warenkrob'; did you mean 'Warenkorb'?"),
        4: ("score", "CSAT 6 is outside the scale 1–5"),
        6: ("score", "NPS 'zehn' is not a number"),
        7: ("date", "date '31.02.2024' is not a date (expected 2024-03-31 or 31.03.2024)"),
        8: (None, "duplicate answer: same as row 1"),
    }
    rows = _rows(shop)
    assert [(r["question"], r["score"], r["touchpoint_id"]) for r in rows] == [
        ("nps", 9.0, "tp-warenkorb"),
        ("nps", 3.0, "tp-checkout-versand"),
        ("ces", 5.0, "tp-warenkorb"),  # the decimal comma
    ]
    assert rows[1]["step_id"] == "st-versandkosten-entdecken"
    assert rows[1]["phase_id"] == "acquisition"
    assert "ärgerlich" in rows[1]["comment"]  # cp1252 read right
    assert "[email]" in rows[1]["comment"] and "k2@example.de" not in json.dumps(rows, default=str)
    assert rows[1]["original_comment"] is None


def test_a_half_point_is_named_as_such_not_as_out_of_range(shop: Workspace, tmp_path: Path) -> None:
    text = "Kundennummer;Datum;Kontaktpunkt;Frage;Wert\nK-1;05.03.2024;Warenkorb;CSAT;4,5\n"
    summary = import_feedback(shop, [write(tmp_path / "halb.csv", text, "cp1252")])
    assert summary.added == 0
    assert [(r.field, r.reason) for r in summary.rejects] == [
        ("score", "CSAT 4,5 is not a whole number on the scale 1–5")
    ]


def test_reimporting_the_same_file_adds_nothing(shop: Workspace, tmp_path: Path) -> None:
    path = write(tmp_path / "umfrage.csv", GERMAN_EXCEL, "cp1252")
    import_feedback(shop, [path])
    again = import_feedback(shop, [path])
    assert (again.added, again.already_stored, again.stored) == (0, 3, 3)


def test_utf8_with_bom_and_an_excel_sep_line(shop: Workspace, tmp_path: Path) -> None:
    text = "sep=;\nKunden-ID;Datum;Touchpoint;Frage;Bewertung\nK-1;2024-03-05;Warenkorb;nps;10\n"
    path = tmp_path / "bom.csv"
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    assert import_feedback(shop, [path]).added == 1


def test_a_touchpoint_can_be_named_as_on_the_map(shop: Workspace, tmp_path: Path) -> None:
    place = "Checkout: Versandart und Versandkosten"
    text = f"Kunde;Datum;Kontaktpunkt;Frage;Wert\nA;01.03.2024;{place};nps;2\n"
    import_feedback(shop, [write(tmp_path / "a.csv", text)])
    assert _rows(shop, "SELECT touchpoint_id FROM responses") == [
        {"touchpoint_id": "tp-checkout-versand"}
    ]


def test_english_headers_and_commas(shop: Workspace, tmp_path: Path) -> None:
    text = (
        "customer_id,date,touchpoint,question,score,comment,channel\n"
        'C1,2024-04-01,st-bezahlen,csat,5,"Quick, easy checkout",web\n'
        "C2,2024-04-02,Bezahlen und bestellen,ces,2,,phone\n"
    )
    import_feedback(shop, [write(tmp_path / "en.csv", text)])
    rows = _rows(shop)
    assert [(r["step_id"], r["touchpoint_id"], r["channel"]) for r in rows] == [
        ("st-bezahlen", None, "web"),
        ("st-bezahlen", None, "phone"),
    ]
    assert rows[0]["language"] == "en" and rows[0]["sentiment"] == "positive"


def test_a_mixed_encoding_file_falls_back_to_cp1252(shop: Workspace, tmp_path: Path) -> None:
    head = "Kundennummer;Datum;Frage;Wert;Kommentar\n" + "".join(
        f"K-{i};01.03.2024;NPS;9;gut\n" for i in range(200)
    )
    path = tmp_path / "mixed.csv"
    path.write_bytes(
        head.encode("utf-8") + "K-X;02.03.2024;NPS;2;Lieferung übel\n".encode("cp1252")
    )
    summary = import_feedback(shop, [path])
    assert summary.added == 201
    assert _rows(shop, "SELECT comment FROM responses WHERE customer_id = 'K-X'") == [
        {"comment": "Lieferung übel"}
    ]


WIDE_HEADER = (
    "Teilnehmer-ID;Datum;Wie wahrscheinlich ist es, dass Sie uns weiterempfehlen?;Warum?;"
    "Zufriedenheit: Warenkorb;CES: Bezahlen und bestellen\n"
)
WIDE = (
    WIDE_HEADER
    + """R1;01.03.2024;10;Tolle Auswahl;5;6
R2;02.03.2024;4;Versand zu teuer;2;
R3;03.03.2024;;;;
R4;04.03.2024;11;;3;3
"""
)


def test_a_wide_survey_export_is_recognised_from_its_headers(
    shop: Workspace, tmp_path: Path
) -> None:
    summary = import_feedback(shop, [write(tmp_path / "wide.csv", WIDE)])
    assert {r.row: r.reason for r in summary.rejects} == {
        3: "no answer in any question column",
        4: "NPS 11 is outside the scale 0–10",
    }
    rows = _rows(shop, "SELECT customer_id, question, score, step_id, touchpoint_id, comment "
                 "FROM responses ORDER BY customer_id, question")  # fmt: skip
    assert rows == [
        {"customer_id": "R1", "question": "ces", "score": 6.0, "step_id": "st-bezahlen",
         "touchpoint_id": None, "comment": None},
        {"customer_id": "R1", "question": "csat", "score": 5.0,
         "step_id": "st-warenkorb-fuellen", "touchpoint_id": "tp-warenkorb", "comment": None},
        {"customer_id": "R1", "question": "nps", "score": 10.0, "step_id": None,
         "touchpoint_id": None, "comment": "Tolle Auswahl"},
        {"customer_id": "R2", "question": "csat", "score": 2.0,
         "step_id": "st-warenkorb-fuellen", "touchpoint_id": "tp-warenkorb", "comment": None},
        {"customer_id": "R2", "question": "nps", "score": 4.0, "step_id": None,
         "touchpoint_id": None, "comment": "Versand zu teuer"},
    ]  # fmt: skip


def test_wide_question_columns_can_be_named(shop: Workspace, tmp_path: Path) -> None:
    text = "id;Datum;F1;F2\nA;01.03.2024;9;4\n"
    mapping = FeedbackMapping(
        customer_id="id",
        questions={"F1": _question("nps"), "F2": _question("csat@Warenkorb")},
    )
    import_feedback(shop, [write(tmp_path / "f.csv", text)], mapping=mapping)
    assert _rows(shop, "SELECT question, touchpoint_id FROM responses ORDER BY question") == [
        {"question": "csat", "touchpoint_id": "tp-warenkorb"},
        {"question": "nps", "touchpoint_id": None},
    ]


def _question(text: str):  # type: ignore[no-untyped-def]
    from journeykit.feedback.importers.mapping import parse_question

    return parse_question(text, where="test")


def test_a_wide_file_without_recognisable_questions_is_refused(
    shop: Workspace, tmp_path: Path
) -> None:
    text = "Kunde;Datum;F1;F2\nA;01.03.2024;9;4\n"
    with pytest.raises(WideLayoutUnrecognised, match="no question column found") as caught:
        import_feedback(shop, [write(tmp_path / "f.csv", text)])
    assert "--question-column" in (caught.value.hint or "")
    assert not FeedbackStore(shop.path).exists()


def test_one_bad_file_imports_nothing_of_the_others(shop: Workspace, tmp_path: Path) -> None:
    good = write(tmp_path / "good.csv", "Kunde;Datum;Frage;Wert\nA;01.03.2024;nps;9\n")
    bad = write(tmp_path / "bad.csv", "Kunde;Frage;Wert\nA;nps;9\n")
    with pytest.raises(MissingColumn, match="no column for the date"):
        import_feedback(shop, [good, bad])
    assert not FeedbackStore(shop.path).exists()


def test_an_unknown_column_in_the_mapping_says_did_you_mean(
    shop: Workspace, tmp_path: Path
) -> None:
    path = write(tmp_path / "a.csv", "Kundennr;Datum;Frage;Wert\nA;01.03.2024;nps;9\n")
    with pytest.raises(MissingColumn, match="did you mean 'Kundennr'"):
        import_feedback(shop, [path], mapping=FeedbackMapping(customer_id="Kundenummer"))


def test_an_excel_workbook_imports(shop: Workspace, tmp_path: Path) -> None:
    import datetime as dt

    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Umfrage März"])  # a title row above the header, as tools write
    sheet.append(["Kundennummer", "Datum", "Frage", "Wert", "Kommentar", "Kontaktpunkt"])
    sheet.append(["K-1", dt.datetime(2024, 3, 5), "NPS", 9, "Top", "Warenkorb"])
    sheet.append(["K-2", dt.datetime(2024, 3, 6), "CSAT", 2.0, "Zu langsam", "tp-warenkorb"])
    book.save(tmp_path / "umfrage.xlsx")
    summary = import_feedback(shop, [tmp_path / "umfrage.xlsx"])
    assert (summary.added, summary.rejects) == (2, [])
    assert _rows(shop, "SELECT date, score FROM responses ORDER BY date") == [
        {"date": dt.date(2024, 3, 5), "score": 9.0},
        {"date": dt.date(2024, 3, 6), "score": 2.0},
    ]


def test_reviews_from_json_lines(shop: Workspace, tmp_path: Path) -> None:
    lines = [
        {"rating": 5, "title": "Super", "text": "Schnell geliefert", "date": "2024-03-01",
         "source": "ShopUrteil"},
        {"rating": 1, "title": "Nie wieder", "text": "Spedition kam nicht", "date": "2024-03-02",
         "source": "ShopUrteil"},
        {"rating": 7, "text": "?", "date": "2024-03-02"},
        "not an object",
    ]  # fmt: skip
    path = tmp_path / "reviews.jsonl"
    path.write_text("\n".join(json.dumps(x) for x in lines) + "\n{broken\n", encoding="utf-8")
    summary = import_feedback(shop, [path], kind="review")
    assert summary.added == 2
    assert [(r.row, r.reason) for r in summary.rejects] == [
        (3, "rating 7 is outside the scale 1–5"),
        (4, "expected a JSON object"),
        (5, "not valid JSON: Expecting property name enclosed in double quotes"),
    ]
    rows = _rows(shop, "SELECT kind, score, title, comment, source, sentiment FROM responses "
                 "ORDER BY score")  # fmt: skip
    assert rows[0]["comment"] == "Nie wieder. Spedition kam nicht" or rows[0]["title"] == (
        "Nie wieder"
    )
    assert [r["sentiment"] for r in rows] == ["negative", "positive"]
    assert {r["source"] for r in rows} == {"ShopUrteil"}


def test_tickets_need_text(shop: Workspace, tmp_path: Path) -> None:
    text = (
        "Ticket-Datum;Kategorie;Kunde;Beschreibung\n"
        "01.03.2024;Lieferung;A;Wo bleibt meine Bestellung? Tel 0171 2345678\n"
        "02.03.2024;Rechnung;B;\n"
    )
    mapping = FeedbackMapping(date="Ticket-Datum")
    summary = import_feedback(
        shop, [write(tmp_path / "t.csv", text)], kind="ticket", mapping=mapping
    )
    assert [(r.row, r.field, r.reason) for r in summary.rejects] == [
        (2, "comment", "empty ticket text")
    ]
    assert _rows(shop, "SELECT category, comment FROM responses") == [
        {"category": "Lieferung", "comment": "Wo bleibt meine Bestellung? Tel [phone]"}
    ]


def test_the_original_text_is_kept_only_when_the_workspace_says_so(
    shop: Workspace, tmp_path: Path
) -> None:
    (shop.path / "feedback.toml").write_text("[privacy]\nkeep_original = true\n")
    text = "Kunde;Datum;Frage;Wert;Kommentar\nA;01.03.2024;nps;9;Herr Meier war toll\n"
    import_feedback(shop, [write(tmp_path / "a.csv", text)])
    assert _rows(shop, "SELECT comment, original_comment FROM responses") == [
        {"comment": "Herr [name] war toll", "original_comment": "Herr Meier war toll"}
    ]


def test_ids_are_pseudonymised_when_asked(shop: Workspace, tmp_path: Path) -> None:
    text = "Kunde;Datum;Frage;Wert\nK-1;01.03.2024;nps;9\n"
    import_feedback(shop, [write(tmp_path / "a.csv", text)], pseudonymise_ids=True)
    (row,) = _rows(shop, "SELECT customer_id FROM responses")
    assert row["customer_id"] != "K-1" and len(row["customer_id"]) == 32


def test_an_unknown_kind_is_refused() -> None:
    from journeykit.feedback.importers import read_feedback

    with pytest.raises(ImportFailed, match="did you mean 'review'"):
        read_feedback([Path("x.csv")], kind="reveiw")  # type: ignore[arg-type]


def test_star_ratings_calibrate_the_sentiment(shop: Workspace, tmp_path: Path) -> None:
    good = ["Schnell da, gut verpackt", "Alles bestens", "Gerne wieder", "Top Händler"]
    bad = ["Kam kaputt an", "Nie wieder", "Spedition unzuverlässig", "Keine Antwort"]
    lines = ["Sterne;Datum;Text"]
    for i in range(20):
        lines.append(f"5;0{1 + i % 9}.03.2024;{good[i % 4]} ({i})")
        lines.append(f"1;0{1 + i % 9}.03.2024;{bad[i % 4]} ({i})")
    summary = import_feedback(shop, [write(tmp_path / "r.csv", "\n".join(lines))], kind="review")
    assert summary.calibrated_on == 40
    assert FeedbackStore(shop.path).calibration() is not None
