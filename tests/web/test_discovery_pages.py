"""The discovery review, the report and the numbers exports through the ASGI app."""

from __future__ import annotations

import io

from fastapi.testclient import TestClient
from pypdf import PdfReader

from tests.web.conftest import DEMO_JOURNEY, head

BASE = f"/api/v1/journeys/{DEMO_JOURNEY}"


def test_accepting_draft_items_makes_a_revision_and_a_stale_base_is_refused(
    client: TestClient,
) -> None:
    page = client.get(f"/journeys/{DEMO_JOURNEY}/discover")
    assert page.status_code == 200 and "Entdeckter Entwurf" in page.text
    draft = client.get(f"{BASE}/discover").json()
    assert draft["customers"] == 4000 and draft["draft"]["journey"]["state"] == "as_is"
    items = [item for step in draft["steps"] if step["on_map"] for item in step["items"]]
    base = head(client)
    saved = client.post(
        f"{BASE}/discover", json={"base_revision": base, "accepted": [items[0]["id"]]}
    )
    assert saved.status_code == 200 and saved.json()["revision"] == base + 1
    target = next(s for s in draft["steps"] if any(i["id"] == items[0]["id"] for i in s["items"]))
    journey = client.get(BASE).json()["journey"]
    drawn = [
        s for p in journey["phases"] for s in p.get("steps", []) if s["id"] == target["on_map"]
    ]
    lane = drawn[0]["lanes"][items[0]["lane"]]
    assert items[0]["text"] in [entry["text"] for entry in lane]
    stale = client.post(
        f"{BASE}/discover", json={"base_revision": base, "accepted": [items[1]["id"]]}
    )
    assert stale.status_code == 409 and stale.json()["ok"] is False


def test_bad_acceptances_are_explained(client: TestClient) -> None:
    base = head(client)
    unknown = client.post(
        f"{BASE}/discover", json={"base_revision": base, "accepted": ["step:st-add-to-krat"]}
    )
    assert unknown.status_code == 422
    assert "did you mean 'step:st-add-to-cart'" in unknown.json()["error"]
    empty = client.post(f"/journeys/{DEMO_JOURNEY}/discover", data={"base_revision": base})
    assert empty.status_code == 422
    assert head(client) == base


def test_report_and_exports_with_numbers(client: TestClient) -> None:
    html = client.get(f"/journeys/{DEMO_JOURNEY}/report?format=html&lang=en")
    assert (
        html.status_code == 200
        and "Journey report" in html.text
        and 'data-lane="numbers"' in html.text
    )
    # the English page above left its language in the cookie: ask for German outright
    pdf = client.get(f"{BASE}/report?format=pdf&lang=de")
    assert pdf.headers["content-type"] == "application/pdf"
    assert "Journey-Bericht" in PdfReader(io.BytesIO(pdf.content)).pages[0].extract_text()
    csv = client.get(f"{BASE}/export-numbers?format=csv").content.decode("utf-8-sig")
    assert ";Kennzahlen;" in csv and "Annahme: keine Daten, keine Belege" in csv
    plain = client.get(f"{BASE}/export?format=csv").content.decode("utf-8-sig")
    assert "Kennzahlen" not in plain
    wrong = client.get(f"{BASE}/export-numbers?format=yaml")
    assert wrong.status_code == 422 and "svg, png, pdf, csv, xlsx" in wrong.json()["error"]
    numbers = client.get(f"{BASE}/numbers").json()
    assert numbers["entered"] == 4000 and len(numbers["steps"]) == 19


def test_the_map_loads_its_numbers_after_itself(client: TestClient) -> None:
    page = client.get(f"/journeys/{DEMO_JOURNEY}")
    assert f'hx-get="/journeys/{DEMO_JOURNEY}/numbers?revision=' in page.text
    assert 'id="numbers-st-bestpreis-finden"' in page.text and "data-step-numbers" not in page.text
    numbers = client.get(f"/journeys/{DEMO_JOURNEY}/numbers?revision={head(client)}")
    assert numbers.status_code == 200
    assert numbers.text.count('hx-swap-oob="outerHTML"') == 19 + 7  # steps and phases
    assert 'id="numbers-st-projekt-planen"' in numbers.text and "Annahme" in numbers.text
