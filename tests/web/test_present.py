"""The presentation page: a slide per step, the curve, evidence, lanes, both languages."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from tests.web.conftest import DEMO_JOURNEY

PRESENT = f"/journeys/{DEMO_JOURNEY}/present"


def test_every_step_is_a_slide_in_map_order(client: TestClient) -> None:
    doc = client.get(f"/api/v1/journeys/{DEMO_JOURNEY}").json()
    steps = [s["id"] for phase in doc["journey"]["phases"] for s in phase["steps"]]
    html = client.get(PRESENT).text
    assert (
        re.findall(
            r'class="slide" id="slide-\d+" data-index="\d+" data-phase-index="\d+" '
            r'data-step-id="([^"]+)"',
            html,
        )
        == steps
    )
    assert f"Schritt 1 von {len(steps)}" in html


def test_a_slide_shows_touchpoints_pains_love_points_and_evidence(client: TestClient) -> None:
    doc = client.get(f"/api/v1/journeys/{DEMO_JOURNEY}").json()
    evidence = doc["evidence"][0]
    html = client.get(PRESENT).text
    slide = html[html.index(f'data-step-id="{evidence["step_ids"][0]}"') :]
    slide = slide[: slide.index("</li>\n    \n") if "</li>\n    \n" in slide else None]
    assert evidence["text"] in slide
    assert "Painpoints" in slide and "Lovepoints" in slide and "Touchpoints" in slide


def test_the_emotion_curve_is_drawn_once_with_a_marker(client: TestClient) -> None:
    html = client.get(PRESENT).text
    assert html.count("journeykit-emotion-curve") == 1
    assert 'class="curve-marker"' in html
    # The curve is the drawing, not the map's editable one.
    assert 'role="slider"' not in html


def test_the_presentation_speaks_english_too(client: TestClient) -> None:
    html = client.get(PRESENT, headers={"Accept-Language": "en"}).text
    assert "Step 1 of" in html and "Full screen" in html and "Back to the map" in html
    assert "Schritt 1 von" not in html


def test_escape_leads_back_to_the_map_and_scripts_are_vendored(client: TestClient) -> None:
    html = client.get(PRESENT).text
    assert f'data-exit-url="/journeys/{DEMO_JOURNEY}"' in html
    assert '<script src="/static/js/present.js' in html
    assert client.get("/static/js/present.js").status_code == 200
    assert client.get("/static/css/present.css").status_code == 200


def test_an_unknown_journey_names_the_nearest(client: TestClient) -> None:
    answer = client.get("/journeys/preisvergleich-kau/present")
    assert answer.status_code == 404 and DEMO_JOURNEY in answer.text
