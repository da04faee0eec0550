"""The JSON API: reading journeys, editing them on a named revision, one error shape."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from journeykit.model.fileformat import document_data
from journeykit.store import Workspace
from tests.web.conftest import DEMO_JOURNEY, head


def _doc(client: TestClient) -> dict[str, Any]:
    response = client.get(f"/api/v1/journeys/{DEMO_JOURNEY}")
    assert response.status_code == 200
    data: dict[str, Any] = response.json()
    return data


def _steps(doc: dict[str, Any]) -> list[tuple[str, str]]:
    return [(p["id"], s["id"]) for p in doc["journey"]["phases"] for s in p.get("steps", [])]


def test_healthz_answers_with_the_workspace(client: TestClient) -> None:
    body = client.get("/healthz").json()
    assert body["ok"] is True and body["journeys"] == 1


def test_list_names_id_title_state_and_revision(client: TestClient) -> None:
    (journey,) = client.get("/api/v1/journeys").json()
    assert journey["id"] == DEMO_JOURNEY
    assert journey["state"] == "as_is"
    assert journey["revision"] == 2
    assert journey["title"].startswith("Über PreisRadar")


def test_a_journey_is_the_json_file_format(client: TestClient, demo_path: Any) -> None:
    with Workspace.open(demo_path) as ws:
        stored = document_data(ws.journeys().get(DEMO_JOURNEY))
    assert _doc(client) == stored


def test_add_a_step_returns_its_id_and_a_new_revision(client: TestClient) -> None:
    response = client.post(
        f"/api/v1/journeys/{DEMO_JOURNEY}/steps",
        json={"base_revision": 2, "phase_id": "awareness", "title": "Anzeige auf Instagram"},
    )
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["ok"] is True and body["revision"] == 3 and body["based_on"] == 2
    phases = {p["id"]: p for p in _doc(client)["journey"]["phases"]}
    added = phases["awareness"]["steps"][-1]
    assert added == {"id": body["id"], "title": "Anzeige auf Instagram"}


def test_a_stale_base_is_refused_with_409_and_nothing_changes(client: TestClient) -> None:
    first = client.patch(
        f"/api/v1/journeys/{DEMO_JOURNEY}/steps/st-bezahlen",
        json={"base_revision": 2, "title": "Bezahlen"},
    )
    assert first.status_code == 200
    before = _doc(client)
    stale = client.patch(
        f"/api/v1/journeys/{DEMO_JOURNEY}/steps/st-bezahlen",
        json={"base_revision": 2, "title": "Kasse"},
    )
    assert stale.status_code == 409
    body = stale.json()
    assert body["ok"] is False and body["code"] == "conflict" and body["status"] == 409
    assert body["head_revision"] == 3 and body["base_revision"] == 2
    assert _doc(client) == before


def test_move_a_step_to_another_phase(client: TestClient) -> None:
    response = client.post(
        f"/api/v1/journeys/{DEMO_JOURNEY}/steps/st-hotline-fragen/move",
        json={"base_revision": 2, "phase_id": "acquisition", "position": 0},
    )
    assert response.status_code == 200, response.text
    phases = {p["id"]: [s["id"] for s in p["steps"]] for p in _doc(client)["journey"]["phases"]}
    assert phases["acquisition"][0] == "st-hotline-fragen"
    assert "st-hotline-fragen" not in phases["consideration"]


def test_lane_items_add_edit_move_delete(client: TestClient) -> None:
    url = f"/api/v1/journeys/{DEMO_JOURNEY}"
    added = client.post(
        f"{url}/steps/st-bezahlen/lanes/pain_points",
        json={"base_revision": 2, "text": "PayPal fehlt"},
    )
    assert added.status_code == 201, added.text
    item = added.json()["id"]
    edited = client.patch(f"{url}/items/{item}", json={"base_revision": 3, "text": "Kein PayPal"})
    assert edited.status_code == 200
    moved = client.post(
        f"{url}/items/{item}/move",
        json={
            "base_revision": 4,
            "step_id": "st-warenkorb-fuellen",
            "lane": "opportunities",
            "position": 0,
        },
    )
    assert moved.status_code == 200, moved.text
    steps = {s["id"]: s for p in _doc(client)["journey"]["phases"] for s in p.get("steps", [])}
    assert steps["st-warenkorb-fuellen"]["lanes"]["opportunities"][0] == {
        "id": item,
        "text": "Kein PayPal",
    }
    deleted = client.delete(f"{url}/items/{item}", params={"base_revision": 5})
    assert deleted.status_code == 200
    assert item not in str(_doc(client))


def test_set_an_emotion_score_keeps_the_rating(client: TestClient) -> None:
    doc = _doc(client)
    steps = {s["id"]: s for p in doc["journey"]["phases"] for s in p.get("steps", [])}
    emotion = steps["st-versandkosten-entdecken"]["lanes"]["emotions"][0]
    persona = emotion["persona_id"]
    new_score = 2 if emotion["score"] != 2 else 1
    response = client.put(
        f"/api/v1/journeys/{DEMO_JOURNEY}/steps/st-versandkosten-entdecken/emotions/{persona}",
        json={"base_revision": 2, "score": new_score},
    )
    assert response.status_code == 200, response.text
    after = {s["id"]: s for p in _doc(client)["journey"]["phases"] for s in p.get("steps", [])}
    changed = after["st-versandkosten-entdecken"]["lanes"]["emotions"][0]
    assert changed["score"] == new_score
    assert changed.get("rating") == emotion.get("rating")


def test_score_out_of_range_is_refused_naming_the_field(client: TestClient) -> None:
    response = client.put(
        f"/api/v1/journeys/{DEMO_JOURNEY}/steps/st-bezahlen/emotions/pe-sabine-sparfuchs",
        json={"base_revision": 2, "score": 3},
    )
    assert response.status_code == 422
    body = response.json()
    assert body["ok"] is False and body["code"] == "invalid_request"
    assert body["fields"][0]["field"].endswith("score")


def test_blank_title_is_a_field_error_in_the_users_language(client: TestClient) -> None:
    url = f"/api/v1/journeys/{DEMO_JOURNEY}/steps"
    body = {"base_revision": 2, "phase_id": "awareness", "title": "   "}
    german = client.post(url, json=body).json()
    english = client.post(url, json=body, headers={"Accept-Language": "en"}).json()
    assert german["code"] == "invalid_field" and german["field"] == "title"
    assert german["error"] == "title: darf nicht leer sein"
    assert english["error"] == "title: must not be empty"
    assert head(client) == 2


def test_unknown_phase_suggests_the_nearest(client: TestClient) -> None:
    response = client.post(
        f"/api/v1/journeys/{DEMO_JOURNEY}/steps",
        json={"base_revision": 2, "phase_id": "awarenes", "title": "X"},
    )
    assert response.status_code == 404
    body = response.json()
    assert body["code"] == "not_found" and "'awareness'" in body["hint"]


def test_phases_add_rename_move_delete(client: TestClient) -> None:
    url = f"/api/v1/journeys/{DEMO_JOURNEY}/phases"
    added = client.post(url, json={"base_revision": 2, "name_de": "Empfehlung"})
    assert added.status_code == 201
    phase = added.json()["id"]
    renamed = client.patch(f"{url}/{phase}", json={"base_revision": 3, "name_en": "Advocacy"})
    assert renamed.status_code == 200
    moved = client.post(f"{url}/{phase}/move", json={"base_revision": 4, "position": 0})
    assert moved.status_code == 200
    first = _doc(client)["journey"]["phases"][0]
    assert first["id"] == phase and first["name"] == {"en": "Advocacy", "de": "Empfehlung"}
    deleted = client.delete(f"{url}/{phase}", params={"base_revision": 5})
    assert deleted.status_code == 200
    assert phase not in [p["id"] for p in _doc(client)["journey"]["phases"]]


def test_deleting_a_step_drops_it_from_evidence_and_measures(client: TestClient) -> None:
    before = _doc(client)
    assert any("st-bestpreis-finden" in e["step_ids"] for e in before["evidence"])
    assert any("st-bestpreis-finden" in m["step_ids"] for m in before["measures"])
    response = client.delete(
        f"/api/v1/journeys/{DEMO_JOURNEY}/steps/st-bestpreis-finden", params={"base_revision": 2}
    )
    assert response.status_code == 200, response.text
    assert "st-bestpreis-finden" not in str(_doc(client))


def test_a_step_a_kpi_is_measured_on_is_not_deleted(client: TestClient) -> None:
    before = _doc(client)
    response = client.delete(
        f"/api/v1/journeys/{DEMO_JOURNEY}/steps/st-versandkosten-entdecken",
        params={"base_revision": 2},
    )
    assert response.status_code == 409
    body = response.json()
    assert body["code"] == "still_referenced" and "Versandkosten" in body["error"]
    assert _doc(client) == before


def test_history_diff_and_restore(client: TestClient) -> None:
    url = f"/api/v1/journeys/{DEMO_JOURNEY}"
    client.patch(f"{url}/steps/st-bezahlen", json={"base_revision": 2, "title": "Kasse"})
    history = client.get(f"{url}/history").json()
    assert [r["revision"] for r in history] == [3, 2, 1]
    assert history[0]["author"] == "Tester"
    diff = client.get(f"{url}/diff", params={"old": 2, "new": 3}).json()
    assert diff["counts"]["changed"] == 1
    (change,) = diff["changes"]
    assert change["id"] == "st-bezahlen"
    assert change["fields"] == [{"field": "title", "old": "Bezahlen und bestellen", "new": "Kasse"}]
    restored = client.post(f"{url}/restore", json={"revision": 2})
    assert restored.status_code == 200 and restored.json()["revision"] == 4
    assert ("acquisition", "st-bezahlen") in _steps(_doc(client))
    titles = [s["title"] for p in _doc(client)["journey"]["phases"] for s in p.get("steps", [])]
    assert "Bezahlen und bestellen" in titles and "Kasse" not in titles


def test_errors_have_one_shape(client: TestClient) -> None:
    for response in (
        client.get("/api/v1/journeys/preisvergleich-kaf"),
        client.get("/api/v1/nothing-here"),
        client.post(f"/api/v1/journeys/{DEMO_JOURNEY}/steps", json={"title": "no base"}),
        client.get(f"/api/v1/journeys/{DEMO_JOURNEY}/diff", params={"old": 1, "new": 99}),
    ):
        body = response.json()
        assert set(body) >= {"ok", "error", "code", "status"}, body
        assert body["ok"] is False and body["status"] == response.status_code
    suggestion = client.get("/api/v1/journeys/preisvergleich-kaf").json()["hint"]
    assert "preisvergleich-kauf" in suggestion


def test_pages_answer_errors_with_a_friendly_page(client: TestClient) -> None:
    response = client.get("/journeys/preisvergleich-kaf", headers={"Accept-Language": "en"})
    assert response.status_code == 404
    assert "text/html" in response.headers["content-type"]
    assert "That did not work" in response.text and "preisvergleich-kauf" in response.text


def test_openapi_and_local_docs(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    assert "/api/v1/journeys/{journey_id}/steps" in spec["paths"]
    assert "/api/v1/journeys/{journey_id}/export" in spec["paths"]
    docs = client.get("/docs").text
    assert "/static/vendor/swagger-ui/swagger-ui-bundle.js" in docs
    assert "cdn" not in docs.lower()
    assert client.get("/static/vendor/swagger-ui/swagger-ui-bundle.js").status_code == 200


def test_create_a_journey_in_a_project(client: TestClient) -> None:
    response = client.post(
        "/api/v1/journeys",
        json={
            "title": "Rücksendung über die Filiale",
            "project_id": "pr-beetwerk-preisvergleich",
            "include_optional_phases": False,
        },
    )
    assert response.status_code == 201, response.text
    assert response.json()["journey_id"] == "ruecksendung-ueber-die-filiale"
    doc = client.get("/api/v1/journeys/ruecksendung-ueber-die-filiale").json()
    assert [p["id"] for p in doc["journey"]["phases"]] == [
        "awareness",
        "consideration",
        "acquisition",
        "service",
        "loyalty",
    ]
    assert doc["project"]["id"] == "pr-beetwerk-preisvergleich"
    assert len(doc["personas"]) == 3 and doc["journey"]["persona_ids"]
    again = client.post("/api/v1/journeys", json={"title": "Rücksendung über die Filiale"})
    assert again.json()["journey_id"] == "ruecksendung-ueber-die-filiale-2"
    typo = client.post("/api/v1/journeys", json={"title": "X", "project_id": "pr-betwerk-preis"})
    assert typo.status_code == 404
    assert typo.json()["hint"] == "did you mean 'pr-beetwerk-preisvergleich'?"
    far = client.post("/api/v1/journeys", json={"title": "X", "project_id": "p1"})
    assert far.json()["hint"] == "the projects are pr-beetwerk-preisvergleich"


def test_add_a_persona_to_every_journey_of_the_project(client: TestClient) -> None:
    client.post(
        "/api/v1/journeys",
        json={"title": "Zweite Journey", "project_id": "pr-beetwerk-preisvergleich"},
    )
    bases = {DEMO_JOURNEY: 2, "zweite-journey": 1}
    added = client.post(
        "/api/v1/projects/pr-beetwerk-preisvergleich/personas",
        json={"bases": bases, "name": "Profi Paul", "scenario": "Kauft für seinen Betrieb"},
    )
    assert added.status_code == 201, added.text
    persona_id = added.json()["id"]
    for journey_id in bases:
        doc = client.get(f"/api/v1/journeys/{journey_id}").json()
        assert persona_id in doc["journey"]["persona_ids"]
        assert any(p["name"] == "Profi Paul" for p in doc["personas"])
    stale = client.post(
        "/api/v1/projects/pr-beetwerk-preisvergleich/personas",
        json={"bases": bases, "name": "Noch eine"},
    )
    assert stale.status_code == 409
    assert "Noch eine" not in client.get(f"/api/v1/journeys/{DEMO_JOURNEY}").text


def test_touchpoints_add_rename_delete(client: TestClient) -> None:
    url = f"/api/v1/journeys/{DEMO_JOURNEY}"
    added = client.post(
        f"{url}/steps/st-bezahlen/touchpoints",
        json={
            "base_revision": 2,
            "name": "Rechnungskauf-Hinweis",
            "channel": "web",
            "mode": "digital",
            "ownership": "direct",
        },
    )
    assert added.status_code == 201, added.text
    touchpoint = added.json()["id"]
    renamed = client.patch(
        f"{url}/touchpoints/{touchpoint}", json={"base_revision": 3, "name": "Hinweis"}
    )
    assert renamed.status_code == 200
    steps = {s["id"]: s for p in _doc(client)["journey"]["phases"] for s in p.get("steps", [])}
    assert steps["st-bezahlen"]["touchpoints"][-1] == {
        "id": touchpoint,
        "name": "Hinweis",
        "channel": "web",
        "mode": "digital",
        "ownership": "direct",
    }
    bad = client.post(
        f"{url}/steps/st-bezahlen/touchpoints",
        json={
            "base_revision": 4,
            "name": "X",
            "channel": "Web Shop!",
            "mode": "digital",
            "ownership": "direct",
        },
    )
    assert bad.status_code == 422 and bad.json()["field"] == "channel"
    deleted = client.delete(f"{url}/touchpoints/{touchpoint}", params={"base_revision": 4})
    assert deleted.status_code == 200
    assert touchpoint not in str(_doc(client))


def test_a_touchpoint_a_kpi_is_measured_on_is_not_deleted(client: TestClient) -> None:
    response = client.delete(
        f"/api/v1/journeys/{DEMO_JOURNEY}/touchpoints/tp-paketzustellung",
        params={"base_revision": 2},
    )
    assert response.status_code == 409 and response.json()["code"] == "still_referenced"
    assert head(client) == 2
