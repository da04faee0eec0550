"""Measure effects, KPI trends and alerts, and testing hypotheses, in the browser and the API."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from fastapi.testclient import TestClient

from journeykit.cli import main
from tests.web.conftest import DEMO_JOURNEY, head

FACTS = f"/journeys/{DEMO_JOURNEY}/facts"
ALERTS = f"/journeys/{DEMO_JOURNEY}/kpi-alerts"
TEST_PAGE = f"/journeys/{DEMO_JOURNEY}/hypotheses/test"
TEST_API = f"/api/v1/journeys/{DEMO_JOURNEY}/hypotheses/test"


def _row(html: str, attribute: str, value: str) -> str:
    match = re.search(rf'<tr [^>]*{attribute}="{value}".*?</tr>', html, re.S)
    assert match is not None, f"no row {attribute}={value}"
    return match.group(0)


def _refresh(demo_path: Path) -> None:
    assert main(["-w", str(demo_path), "refresh"]) == 0


def test_the_facts_page_shows_each_measures_effect_or_why_there_is_none(
    client: TestClient,
) -> None:
    html = client.get(FACTS, params={"lang": "en"}).text
    calculator = _row(html, "data-effect", "me-versandkostenrechner")
    assert "2024-05-02" in calculator and "58.6 %" in calculator and "58.9 %" in calculator
    assert "no clear change" in calculator and "95 % CI -7.3 … 7.8" in calculator
    did = _row(html, 'class="did" data-effect', "me-versandkostenrechner")
    assert "Difference-in-differences" in did and "basket_value &lt; 120" in did
    assert "+21.7" in did and "95 % CI 6.3 … 36.7 · p 0.006" in did
    feed = _row(html, "data-effect", "me-gesamtpreis-im-feed")
    assert "has no go-live date" in feed
    # Never refreshed: the trends say how to start, and no alert is claimed.
    assert 'data-testid="never-refreshed"' in html and "journeykit refresh" in html
    assert 'data-testid="kpi-alerts"' not in html


def test_the_german_facts_page_gives_the_effects_in_german(client: TestClient) -> None:
    html = client.get(FACTS).text
    did = _row(html, 'class="did" data-effect', "me-versandkostenrechner")
    assert "Differenz der Differenzen" in did and "+21,7" in did and "95-%-KI 6,3 … 36,7" in did
    assert "02.05.2024" in _row(html, "data-effect", "me-versandkostenrechner")
    assert "kein Go-live-Datum" in _row(html, "data-effect", "me-gesamtpreis-im-feed")
    assert "Es wurde noch kein KPI-Stand gespeichert" in html


def test_after_a_refresh_the_facts_page_shows_trends_and_the_alert(
    client: TestClient, demo_path: Path
) -> None:
    _refresh(demo_path)
    html = client.get(FACTS, params={"lang": "en"}).text
    nps = _row(html, "data-trend", "kpi-nps")
    assert 'class="alert"' in nps and "alert: past -30.0 Punkte" in nps
    assert "-37.8 Punkte" in nps and "30.0 Punkte" in nps and "off track" in nps
    assert re.search(r'<svg [^>]*class="sparkline"', nps)
    csat = _row(html, "data-trend", "kpi-csat-zustellung")
    assert 'class="alert"' not in csat and "40.6 %" in csat  # off track, above 35 %
    banner = re.search(r'<div [^>]*data-testid="kpi-alerts".*?</div>', html, re.S)
    assert banner is not None
    assert 'data-kpi="kpi-nps"' in banner.group(0)
    assert "past its alert threshold -30.0 Punkte" in banner.group(0)
    assert 'data-kpi="kpi-csat-zustellung"' not in banner.group(0)


def test_the_map_page_asks_for_its_alert_banner_which_reads_only_snapshots(
    client: TestClient, demo_path: Path
) -> None:
    page = client.get(f"/journeys/{DEMO_JOURNEY}").text
    assert f'hx-get="{ALERTS}"' in page
    assert "Differenz der Differenzen" not in page  # no statistics on the map request
    assert client.get(ALERTS).text == ""  # nothing stored, nothing to alert
    _refresh(demo_path)
    banner = client.get(ALERTS).text
    assert 'data-testid="kpi-alerts"' in banner and 'data-kpi="kpi-nps"' in banner
    assert "KPI-Alarm" in banner and "jenseits der Alarmschwelle -30,0 Punkte" in banner
    assert f'href="{FACTS}#insight"' in banner


def test_the_button_tests_the_hypotheses_and_saves_the_verdicts(client: TestClient) -> None:
    base = head(client)
    response = client.post(TEST_PAGE, data={"base_revision": str(base)}, params={"lang": "en"})
    assert response.status_code == 200
    html = response.text
    assert head(client) == base + 1
    assert f"saved in revision {base + 1}" in html
    verdict = _row(html, "data-verdict", "hy-gesamtpreis-frueh")
    assert "two_proportion_z" in verdict and "status-supported" in verdict
    assert 'id="ev-test-hy-gesamtpreis-frueh"' in html  # the verdict is now evidence
    stale = client.post(TEST_PAGE, data={"base_revision": str(base)})
    assert stale.status_code == 409 and 'data-testid="conflict"' in stale.text
    assert head(client) == base + 1


def test_the_api_twin_answers_the_verdicts_in_the_cli_shape(client: TestClient) -> None:
    base = head(client)
    answer = client.post(TEST_API, json={"base_revision": base})
    assert answer.status_code == 200
    data = answer.json()
    assert data["revision"] == base + 1 and data["unchanged"] is False
    verdicts = {v["id"]: v for v in data["verdicts"]}
    total_price = verdicts["hy-gesamtpreis-frueh"]
    assert (total_price["test"], total_price["status"]) == ("two_proportion_z", "supported")
    assert total_price["effect"] < 0
    assert client.post(TEST_API, json={"base_revision": base}).status_code == 409
    assert client.post(TEST_API, json={}).status_code == 422


def test_only_editors_test_hypotheses_and_viewers_see_the_alerts(
    client_as: Callable[[str], TestClient], demo_path: Path
) -> None:
    viewer = client_as("viewer")
    base = head(viewer)
    assert viewer.post(TEST_API, json={"base_revision": base}).status_code == 403
    assert viewer.post(TEST_PAGE, data={"base_revision": str(base)}).status_code == 403
    assert head(viewer) == base
    _refresh(demo_path)
    assert 'data-kpi="kpi-nps"' in viewer.get(ALERTS).text
    editor = client_as("editor")
    assert editor.post(TEST_API, json={"base_revision": base}).status_code == 200
