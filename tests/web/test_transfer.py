"""Export in every format and imports that are taken whole or refused whole."""

from __future__ import annotations

import io

import pytest
from fastapi.testclient import TestClient
from openpyxl import Workbook

from journeykit.web.services.transfer import MAX_UPLOAD_BYTES
from tests.web.conftest import DEMO_JOURNEY, head

EXPORT = f"/api/v1/journeys/{DEMO_JOURNEY}/export"


@pytest.mark.parametrize(
    ("fmt", "media", "starts"),
    [
        ("yaml", "yaml", b"format_version: 1"),
        ("json", "json", b"{"),
        ("mermaid", "text", b"journey"),
        ("svg", "svg", b"<?xml"),
        ("png", "png", b"\x89PNG"),
        ("pdf", "pdf", b"%PDF"),
        ("csv", "csv", b""),
        ("xlsx", "spreadsheet", b"PK"),
    ],
)
def test_export_in_every_format(client: TestClient, fmt: str, media: str, starts: bytes) -> None:
    response = client.get(EXPORT, params={"format": fmt})
    assert response.status_code == 200, response.text
    assert media in response.headers["content-type"]
    assert response.content.lstrip(b"\xef\xbb\xbf").startswith(starts)
    assert "attachment" in response.headers["content-disposition"]
    assert len(response.content) > 100


def test_export_leaves_out_hidden_lanes(client: TestClient) -> None:
    full = client.get(EXPORT, params={"format": "svg"}).text
    hidden = client.get(EXPORT, params=[("format", "svg"), ("hide", "backstage")]).text
    assert 'data-lane="backstage"' in full and 'data-lane="backstage"' not in hidden


def test_unknown_export_format_suggests_one(client: TestClient) -> None:
    body = client.get(EXPORT, params={"format": "pfd"}).json()
    assert body["code"] == "invalid_field" and body["status"] == 422
    assert "pdf" in body["error"]


def _upload(client: TestClient, name: str, data: bytes) -> dict[str, object]:
    response = client.post("/api/v1/journeys/import", files={"file": (name, data)})
    body: dict[str, object] = response.json()
    body["_status"] = response.status_code
    return body


def test_exported_yaml_imports_back_with_the_change(client: TestClient) -> None:
    text = client.get(EXPORT, params={"format": "yaml"}).text
    assert "Bezahlen und bestellen" in text
    body = _upload(
        client, "kauf.yaml", text.replace("Bezahlen und bestellen", "Zur Kasse").encode()
    )
    assert body["_status"] == 201 and body["revision"] == 3, body
    assert "Zur Kasse" in client.get(f"/api/v1/journeys/{DEMO_JOURNEY}").text
    again = _upload(client, "kauf.yaml", text.encode())  # exported from revision 2: stale now
    assert again["_status"] == 409 and again["code"] == "conflict"
    assert head(client) == 3


def test_broken_yaml_is_refused_with_file_and_line(client: TestClient) -> None:
    body = _upload(client, "kaputt.yaml", b"format_version: 1\njourney: [unclosed\n")
    assert body["_status"] == 422 and body["code"] == "invalid_document"
    issues = body["issues"]
    assert isinstance(issues, list) and issues[0]["file"] == "kaputt.yaml"
    assert issues[0]["line"] is not None
    assert head(client) == 2


def test_unknown_ids_refuse_the_whole_file(client: TestClient) -> None:
    text = client.get(EXPORT, params={"format": "yaml"}).text
    broken = text.replace("- st-bestpreis-finden", "- st-bestpreis-findn", 1)
    assert broken != text
    body = _upload(client, "kauf.yaml", broken.replace("Bezahlen und", "Neu und").encode())
    assert body["_status"] == 422
    assert "st-bestpreis-finden" in str(body["issues"])  # the "did you mean"
    assert "Neu und" not in client.get(f"/api/v1/journeys/{DEMO_JOURNEY}").text


def test_too_large_and_unknown_kinds_are_refused(client: TestClient) -> None:
    big = _upload(client, "big.yaml", b"#" * (MAX_UPLOAD_BYTES + 1))
    assert big["_status"] == 413 and big["code"] == "upload_too_large"
    odd = _upload(client, "map.docx", b"PK\x03\x04")
    assert odd["_status"] == 422 and ".xlsx" in str(odd["hint"])
    empty = _upload(client, "leer.json", b"  ")
    assert empty["_status"] == 422
    assert len(client.get("/api/v1/journeys").json()) == 1


def _sheet() -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in (
        ["Phase", "Bewusstsein", "", "Kauf"],
        ["Schritt", "Anzeige sehen", "Vergleichen", "Bezahlen"],
        ["Painpoints", "", "Zu viele Angebote", "Versandkosten"],
    ):
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_a_spreadsheet_becomes_a_new_journey(client: TestClient) -> None:
    body = _upload(client, "Workshop Karte.xlsx", _sheet())
    assert body["_status"] == 201, body
    journey_id = str(body["journey_id"])
    doc = client.get(f"/api/v1/journeys/{journey_id}").json()
    titles = [s["title"] for p in doc["journey"]["phases"] for s in p.get("steps", [])]
    assert titles == ["Anzeige sehen", "Vergleichen", "Bezahlen"]
    assert len(client.get("/api/v1/journeys").json()) == 2


def test_import_page_lists_every_problem_and_saves_nothing(client: TestClient) -> None:
    response = client.post(
        "/import", files={"file": ("karte.json", b'{"format_version": 1, "journy": {}}')}
    )
    assert response.status_code == 422
    assert 'data-testid="import-error"' in response.text
    assert "karte.json" in response.text and "Es wurde nichts gespeichert." in response.text
    assert "journey" in response.text  # did you mean
    assert len(client.get("/api/v1/journeys").json()) == 1
