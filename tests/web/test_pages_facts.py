"""The facts page through the ASGI app: forms, field errors, conflicts, the step filter."""

from __future__ import annotations

import re
from typing import Any

from fastapi.testclient import TestClient

from tests.web.conftest import DEMO_JOURNEY, head

FACTS = f"/journeys/{DEMO_JOURNEY}/facts"


def _doc(client: TestClient) -> dict[str, Any]:
    data: dict[str, Any] = client.get(f"/api/v1/journeys/{DEMO_JOURNEY}").json()
    return data


def _field_errors(html: str) -> dict[str, str]:
    return dict(
        re.findall(r'<span class="field-error" id="f-[^"]*?-([a-z_]+)-error">([^<]*)<', html)
    )


def test_add_a_measure_from_the_page_and_see_it_in_the_matrix(client: TestClient) -> None:
    response = client.post(
        f"{FACTS}/measures",
        data={
            "base_revision": "2",
            "title": "Kauf auf Rechnung anbieten",
            "impact": "5",
            "effort": "2",
            "status": "planned",
            "step_ids": ["st-bezahlen"],
            "step": "st-bezahlen",
        },
        follow_redirects=False,
    )
    assert response.status_code == 303
    assert response.headers["location"].startswith(f"{FACTS}?step=st-bezahlen&saved=me-")
    page = client.get(response.headers["location"]).text
    cell = re.search(r'data-impact="5" data-effort="2">(.*?)</td>', page, re.S)
    assert cell and "Kauf auf Rechnung anbieten" in cell.group(1)
    assert 'class="matrix-measure quick-win"' in cell.group(1)
    assert "Gespeichert als Revision 3" in page


def test_field_errors_stand_beside_their_fields_and_keep_the_input(client: TestClient) -> None:
    response = client.post(
        f"{FACTS}/measures",
        data={"base_revision": "2", "title": "Neue Maßnahme", "impact": "9", "effort": ""},
        headers={"Accept-Language": "en"},
    )
    assert response.status_code == 422
    errors = _field_errors(response.text)
    assert errors["impact"] == "must be a whole number from 1 to 5"
    assert errors["effort"] == "must be a whole number from 1 to 5"
    assert 'value="Neue Maßnahme"' in response.text
    assert '<details class="editor new-fact" id="new-measures" open>' in response.text
    assert head(client) == 2


def test_a_stale_form_shows_both_versions_and_keeps_the_users_text(client: TestClient) -> None:
    hypothesis = _doc(client)["hypotheses"][0]
    url = f"{FACTS}/hypotheses/{hypothesis['id']}"
    first = client.post(
        url,
        data={"base_revision": "2", "statement": "Fassung aus Tab 2", "status": "open"},
        follow_redirects=False,
    )
    assert first.status_code == 303
    stale = client.post(
        url, data={"base_revision": "2", "statement": "Meine Fassung", "status": "supported"}
    )
    assert stale.status_code == 409
    assert 'data-testid="conflict"' in stale.text
    assert "Fassung aus Tab 2" in stale.text  # theirs
    assert ">Meine Fassung</textarea>" in stale.text  # mine, in the form
    assert 'name="base_revision" value="3"' in stale.text  # ready to apply on the head
    assert (
        next(h for h in _doc(client)["hypotheses"] if h["id"] == hypothesis["id"])["statement"]
        == "Fassung aus Tab 2"
    )


def test_the_step_filter_shows_only_that_steps_facts(client: TestClient) -> None:
    doc = _doc(client)
    step = doc["evidence"][0]["step_ids"][0]
    others = [e for e in doc["evidence"] if step not in e.get("step_ids", [])]
    page = client.get(FACTS, params={"step": step}).text
    for evidence in doc["evidence"]:
        shown = f'<li id="{evidence["id"]}"' in page
        assert shown == (step in evidence.get("step_ids", []))
    assert others, "the demo has evidence of other steps"
    # a new fact made while looking at one step is linked to it
    form = page.split('id="new-hypotheses"', 1)[1].split("</form>", 1)[0]
    assert f'value="{step}" checked' in form


def test_the_map_links_every_step_to_its_facts(client: TestClient) -> None:
    page = client.get(f"/journeys/{DEMO_JOURNEY}").text
    steps = re.findall(r'class="step" id="step-([^"]+)"', page)
    linked = set(re.findall(r'href="/journeys/[^"]+/facts\?step=([^"#]+)', page))
    assert steps and set(steps) <= linked


def test_delete_a_fact_from_its_form(client: TestClient) -> None:
    evidence = _doc(client)["evidence"][-1]
    opened = client.get(FACTS, params={"edit": evidence["id"]}).text
    assert f'action="{FACTS}/evidence/{evidence["id"]}/delete"' in opened
    response = client.post(
        f"{FACTS}/evidence/{evidence['id']}/delete",
        data={"base_revision": "2"},
        follow_redirects=False,
    )
    assert response.status_code == 303
    assert evidence["id"] not in [e["id"] for e in _doc(client)["evidence"]]
