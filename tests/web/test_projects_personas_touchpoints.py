"""New projects, deleting a persona and reordering touchpoints: the API and the pages."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from tests.web.conftest import DEMO_JOURNEY, head

API = f"/api/v1/journeys/{DEMO_JOURNEY}"
PERSONA = "pe-sabine-sparfuchs"


def _doc(client: TestClient, journey_id: str = DEMO_JOURNEY) -> dict[str, Any]:
    data: dict[str, Any] = client.get(f"/api/v1/journeys/{journey_id}").json()
    return data


def _scores_of(doc: dict[str, Any], persona_id: str) -> int:
    return sum(
        1
        for phase in doc["journey"]["phases"]
        for step in phase.get("steps", [])
        for emotion in step.get("lanes", {}).get("emotions", [])
        if emotion["persona_id"] == persona_id
    )


# Projects


def test_create_a_project_with_its_first_journey(client: TestClient) -> None:
    response = client.post(
        "/api/v1/projects", json={"name": "Retouren ohne Ärger", "goal": "Weniger Anrufe"}
    )
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["id"] == "pr-retouren-ohne-aerger"
    (revision,) = body["revisions"]
    project = client.get(f"/api/v1/projects/{body['id']}").json()
    assert (project["name"], project["goal"]) == ("Retouren ohne Ärger", "Weniger Anrufe")
    assert [j["id"] for j in project["journeys"]] == [revision["journey_id"]]
    journey = _doc(client, revision["journey_id"])
    assert journey["journey"]["title"] == "Retouren ohne Ärger"
    assert journey["journey"]["project_id"] == body["id"]
    again = client.post("/api/v1/projects", json={"name": "Retouren ohne Ärger"}).json()
    assert again["id"] == "pr-retouren-ohne-aerger-2"


def test_a_project_needs_a_name(client: TestClient) -> None:
    response = client.post(
        "/api/v1/projects", json={"name": "  "}, headers={"Accept-Language": "en"}
    )
    assert response.status_code == 422
    assert response.json()["field"] == "name"
    assert len(client.get("/api/v1/journeys").json()) == 1


def test_new_project_and_a_journey_inside_it_from_the_pages(client: TestClient) -> None:
    made = client.post(
        "/projects",
        data={"project_name": "Treue", "project_journey_title": "Zweiter Kauf"},
        follow_redirects=False,
    )
    assert made.status_code == 303 and made.headers["location"] == "/projects/pr-treue?created=1"
    page = client.get(made.headers["location"]).text
    assert "Projekt angelegt" in page and "Zweiter Kauf" in page
    inside = client.post(
        "/journeys",
        data={"title": "Dritter Kauf", "project_id": "pr-treue"},
        follow_redirects=False,
    )
    assert inside.status_code == 303
    project = client.get("/api/v1/projects/pr-treue").json()
    assert sorted(j["title"] for j in project["journeys"]) == ["Dritter Kauf", "Zweiter Kauf"]
    blank = client.post("/journeys", data={"title": "", "project_id": "pr-treue"})
    assert blank.status_code == 422
    assert 'id="f-title-error">darf nicht leer sein' in blank.text
    assert "<h1>Treue</h1>" in blank.text  # answered on the project's page
    refused = client.post("/projects", data={"project_name": ""})
    assert refused.status_code == 422
    assert 'id="f-project_name-error">darf nicht leer sein' in refused.text


# Personas


def test_delete_a_persona_removes_its_scores_in_every_journey(client: TestClient) -> None:
    before = _doc(client)
    assert _scores_of(before, PERSONA) > 0
    stale = client.delete(f"/api/v1/personas/{PERSONA}", params={"base": f"{DEMO_JOURNEY}:1"})
    assert stale.status_code == 409
    assert _doc(client) == before
    response = client.delete(
        f"/api/v1/personas/{PERSONA}", params={"base": f"{DEMO_JOURNEY}:{head(client)}"}
    )
    assert response.status_code == 200, response.text
    assert response.json()["removed_scores"] == _scores_of(before, PERSONA)
    after = _doc(client)
    assert PERSONA not in [p["id"] for p in after.get("personas", [])]
    assert PERSONA not in after["journey"].get("persona_ids", [])
    assert _scores_of(after, PERSONA) == 0
    assert client.get(f"/api/v1/personas/{PERSONA}").status_code == 404


def test_a_malformed_base_is_named(client: TestClient) -> None:
    response = client.delete(f"/api/v1/personas/{PERSONA}", params={"base": "nonsense"})
    assert response.status_code == 422 and response.json()["field"] == "base"


def test_delete_a_persona_from_its_page_after_being_told_what_goes(client: TestClient) -> None:
    page = client.get(f"/personas/{PERSONA}").text
    scores = _scores_of(_doc(client), PERSONA)
    assert f"mit ihren {scores} Emotionswerten" in page
    response = client.post(
        f"/personas/{PERSONA}/delete",
        data={f"base.{DEMO_JOURNEY}": str(head(client))},
        follow_redirects=False,
    )
    assert response.status_code == 303
    landing = client.get(response.headers["location"]).text
    assert "Persona „Sparfuchs Sabine“ gelöscht" in landing
    stale = client.post("/personas/pe-tobias-heimwerker/delete", data={f"base.{DEMO_JOURNEY}": "2"})
    assert stale.status_code == 409
    assert "Nichts gelöscht" in stale.text


# Touchpoints


def _touchpoints(client: TestClient, step_id: str) -> list[str]:
    for phase in _doc(client)["journey"]["phases"]:
        for step in phase.get("steps", []):
            if step["id"] == step_id:
                return [t["id"] for t in step.get("touchpoints", [])]
    raise AssertionError(step_id)


def _step_with_touchpoints(client: TestClient) -> str:
    for phase in _doc(client)["journey"]["phases"]:
        for step in phase.get("steps", []):
            if len(step.get("touchpoints", [])) >= 2:
                return str(step["id"])
    raise AssertionError("the demo has a step with two touchpoints")


def test_reorder_touchpoints_within_their_step(client: TestClient) -> None:
    step_id = _step_with_touchpoints(client)
    first, second, *rest = _touchpoints(client, step_id)
    response = client.post(
        f"{API}/touchpoints/{first}/move", json={"base_revision": 2, "position": 1}
    )
    assert response.status_code == 200, response.text
    assert _touchpoints(client, step_id) == [second, first, *rest]
    page = client.post(
        f"/journeys/{DEMO_JOURNEY}/touchpoints/{first}/move",
        data={"base_revision": "3", "position": "0"},
        headers={"HX-Request": "true"},
    )
    assert page.status_code == 200 and 'data-revision="4"' in page.text
    assert _touchpoints(client, step_id) == [first, second, *rest]
    too_far = client.post(
        f"{API}/touchpoints/{first}/move",
        json={"base_revision": 4, "position": 99},
        headers={"Accept-Language": "en"},
    )
    assert too_far.status_code == 422 and too_far.json()["field"] == "position"
    stale = client.post(f"{API}/touchpoints/{first}/move", json={"base_revision": 2, "position": 1})
    assert stale.status_code == 409
