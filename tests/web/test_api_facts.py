"""Evidence, hypotheses, measures and KPIs through the JSON API: add, change, delete, refuse."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.web.conftest import DEMO_JOURNEY, head

API = f"/api/v1/journeys/{DEMO_JOURNEY}"


def _doc(client: TestClient) -> dict[str, Any]:
    data: dict[str, Any] = client.get(API).json()
    return data


def _record(client: TestClient, key: str, record_id: str) -> dict[str, Any]:
    return next(r for r in _doc(client)[key] if r["id"] == record_id)


def test_add_a_hypothesis_linked_to_a_step_and_evidence(client: TestClient) -> None:
    evidence_id = _doc(client)["evidence"][0]["id"]
    response = client.post(
        f"{API}/hypotheses",
        json={
            "base_revision": 2,
            "statement": "Kauf auf Rechnung senkt die Abbrüche an der Kasse",
            "metric": "Abbruchquote Kasse",
            "expected_direction": "decrease",
            "step_ids": ["st-bezahlen"],
            "evidence_ids": [evidence_id],
        },
    )
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["revision"] == 3 and body["id"].startswith("hy-")
    assert (
        body["message"]
        == "Hypothese „Kauf auf Rechnung senkt die Abbrüche an der Kasse“ hinzugefügt"
    )
    stored = _record(client, "hypotheses", body["id"])
    assert stored["step_ids"] == ["st-bezahlen"]
    assert stored["evidence_ids"] == [evidence_id]
    assert stored["expected_direction"] == "decrease"
    listed = client.get(f"{API}/hypotheses", params={"step": "st-bezahlen"}).json()
    assert body["id"] in [h["id"] for h in listed]


def test_a_change_names_only_the_fields_it_changes(client: TestClient) -> None:
    measure = _doc(client)["measures"][0]
    response = client.patch(
        f"{API}/measures/{measure['id']}",
        json={"base_revision": 2, "effort": 1, "owner": "Team Kasse", "due_date": "2027-03-31"},
    )
    assert response.status_code == 200, response.text
    stored = _record(client, "measures", measure["id"])
    assert (stored["effort"], stored["owner"], stored["due_date"]) == (
        1,
        "Team Kasse",
        "2027-03-31",
    )
    assert stored["title"] == measure["title"] and stored["impact"] == measure["impact"]


def test_a_stale_base_is_refused_with_409_and_nothing_changes(client: TestClient) -> None:
    kpi = _doc(client)["kpis"][0]
    first = client.patch(f"{API}/kpis/{kpi['id']}", json={"base_revision": 2, "target": 35})
    assert first.status_code == 200, first.text
    before = _doc(client)
    stale = client.patch(f"{API}/kpis/{kpi['id']}", json={"base_revision": 2, "target": 40})
    assert stale.status_code == 409
    body = stale.json()
    assert body["ok"] is False and body["code"] == "conflict"
    assert (body["base_revision"], body["head_revision"]) == (2, 3)
    assert _doc(client) == before
    deleted = client.delete(f"{API}/kpis/{kpi['id']}", params={"base_revision": 2})
    assert deleted.status_code == 409


def test_a_wrong_field_is_refused_with_422_naming_it_in_the_readers_language(
    client: TestClient,
) -> None:
    before = _doc(client)
    english = client.post(
        f"{API}/measures",
        json={"base_revision": 2, "title": "Rechnungskauf", "impact": 7, "effort": 2},
        headers={"Accept-Language": "en"},
    )
    assert english.status_code == 422
    body = english.json()
    assert body["code"] == "invalid_field" and body["field"] == "impact"
    assert body["error"] == "impact: must be a whole number from 1 to 5"
    german = client.post(
        f"{API}/evidence",
        json={"base_revision": 2, "kind": "quote", "step_ids": ["st-bezahln"]},
        headers={"Accept-Language": "de"},
    )
    assert german.status_code == 422
    assert german.json()["field"] == "step_ids"
    assert "meinten Sie „st-bezahlen“" in german.json()["error"]
    assert _doc(client) == before
    assert head(client) == 2


def test_evidence_needs_a_text_or_a_link(client: TestClient) -> None:
    response = client.post(
        f"{API}/evidence",
        json={"base_revision": 2, "kind": "observation", "source": "Shop-Besuch"},
        headers={"Accept-Language": "en"},
    )
    assert response.status_code == 422
    assert response.json()["field"] == "text"


def test_a_kpi_on_a_step_needs_that_step(client: TestClient) -> None:
    missing = client.post(
        f"{API}/kpis",
        json={
            "base_revision": 2,
            "name": "Abbruch Kasse",
            "kind": "drop_off",
            "scope": "step",
            "better": "lower",
        },
    )
    assert missing.status_code == 422 and missing.json()["field"] == "scope_id"
    wrong_kind = client.post(
        f"{API}/kpis",
        json={
            "base_revision": 2,
            "name": "Abbruch Kasse",
            "kind": "drop_off",
            "scope": "step",
            "scope_id": "awareness",
            "better": "lower",
        },
    )
    assert wrong_kind.status_code == 422 and wrong_kind.json()["field"] == "scope_id"
    made = client.post(
        f"{API}/kpis",
        json={
            "base_revision": 2,
            "name": "Abbruch Kasse",
            "kind": "drop_off",
            "scope": "step",
            "scope_id": "st-bezahlen",
            "target": "12,5",
            "unit": "%",
            "better": "lower",
        },
    )
    assert made.status_code == 201, made.text
    stored = _record(client, "kpis", made.json()["id"])
    assert (stored["scope_id"], stored["target"]) == ("st-bezahlen", 12.5)


def test_deleting_evidence_unlinks_it_from_hypotheses(client: TestClient) -> None:
    doc = _doc(client)
    backed = next(h for h in doc["hypotheses"] if h.get("evidence_ids"))
    evidence_id = backed["evidence_ids"][0]
    response = client.delete(f"{API}/evidence/{evidence_id}", params={"base_revision": 2})
    assert response.status_code == 200, response.text
    after = _doc(client)
    assert evidence_id not in [e["id"] for e in after["evidence"]]
    assert evidence_id not in _record(client, "hypotheses", backed["id"]).get("evidence_ids", [])


def test_a_kpi_a_measure_targets_is_not_deleted(client: TestClient) -> None:
    made = client.post(
        f"{API}/measures",
        json={
            "base_revision": 2,
            "title": "NPS-Umfrage",
            "impact": 3,
            "effort": 3,
            "kpi_id": "kpi-nps",
        },
    )
    assert made.status_code == 201, made.text
    refused = client.delete(f"{API}/kpis/kpi-nps", params={"base_revision": 3})
    assert refused.status_code == 409
    assert refused.json()["code"] == "still_referenced"
    assert "NPS-Umfrage" in refused.json()["error"]
    assert any(k["id"] == "kpi-nps" for k in _doc(client)["kpis"])


def test_an_unknown_record_or_field_is_named(client: TestClient) -> None:
    missing = client.patch(f"{API}/hypotheses/hy-nope", json={"base_revision": 2, "status": "open"})
    assert missing.status_code == 404 and missing.json()["code"] == "not_found"
    typo = client.patch(
        f"{API}/hypotheses/{_doc(client)['hypotheses'][0]['id']}",
        json={"base_revision": 2, "statuss": "open"},
    )
    assert typo.status_code == 422


NEW: dict[str, dict[str, Any]] = {
    "evidence": {"kind": "interview", "text": "Rechnung wäre mir lieber", "source": "Interview 7"},
    "hypotheses": {"statement": "Rechnungskauf hebt die Conversion", "status": "open"},
    "measures": {"title": "Rechnungskauf", "impact": 4, "effort": 2},
    "kpis": {"name": "Rechnungsanteil", "kind": "custom", "better": "higher", "unit": "%"},
}
CHANGE: dict[str, tuple[dict[str, Any], dict[str, Any], str]] = {
    "evidence": ({"source": "Interview 8"}, {"kind": "rumour"}, "kind"),
    "hypotheses": (
        {"status": "supported"},
        {"expected_direction": "sideways"},
        "expected_direction",
    ),
    "measures": ({"owner": "Team Kasse"}, {"effort": "viel"}, "effort"),
    "kpis": ({"target": 20}, {"target": "zwanzig"}, "target"),
}


@pytest.mark.parametrize("kind", list(NEW))
def test_every_kind_is_added_listed_changed_refused_and_deleted(
    client: TestClient, kind: str
) -> None:
    made = client.post(f"{API}/{kind}", json={"base_revision": 2, **NEW[kind]})
    assert made.status_code == 201, made.text
    record_id = made.json()["id"]
    assert record_id in [r["id"] for r in client.get(f"{API}/{kind}").json()]

    good, bad, bad_field = CHANGE[kind]
    changed = client.patch(f"{API}/{kind}/{record_id}", json={"base_revision": 3, **good})
    assert changed.status_code == 200, changed.text
    field, value = next(iter(good.items()))
    assert _record(client, kind, record_id)[field] == value

    stale = client.patch(f"{API}/{kind}/{record_id}", json={"base_revision": 3, **good})
    assert stale.status_code == 409 and stale.json()["head_revision"] == 4
    invalid = client.patch(f"{API}/{kind}/{record_id}", json={"base_revision": 4, **bad})
    assert invalid.status_code == 422 and invalid.json()["field"] == bad_field
    assert head(client) == 4

    deleted = client.delete(f"{API}/{kind}/{record_id}", params={"base_revision": 4})
    assert deleted.status_code == 200, deleted.text
    assert record_id not in [r["id"] for r in client.get(f"{API}/{kind}").json()]
