"""Share links through the app: password, rate limit, expiry, revocation, what they show."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import update

from journeykit.store import Workspace
from journeykit.store.tables import ShareLinkRow
from journeykit.web.services.shares import MAX_FAILED_ATTEMPTS
from tests.web.conftest import DEMO_JOURNEY

API = f"/api/v1/journeys/{DEMO_JOURNEY}/shares"
PASSWORD = "Beet-2026!"
HIDDEN_PAIN = "st-produkt-suchen.pain-1"


def share(client: TestClient, **body: Any) -> dict[str, Any]:
    answer = client.post(API, json=body)
    assert answer.status_code == 201, answer.text
    data: dict[str, Any] = answer.json()
    return data


def forget_share_passwords(client: TestClient) -> None:
    """Drop the cookies a right password gave (and only those: a login stays)."""
    for cookie in list(client.cookies.jar):
        if cookie.name.startswith("journeykit_share_"):
            client.cookies.jar.clear(cookie.domain, cookie.path, cookie.name)


def visit_link(client: TestClient, token: str, **kwargs: Any) -> Any:
    # A visitor who has not given the link's password in this browser.
    forget_share_passwords(client)
    return client.get(f"/s/{token}", **kwargs)


def backstage_texts(client: TestClient) -> list[str]:
    doc = client.get(f"/api/v1/journeys/{DEMO_JOURNEY}").json()
    return [
        item["text"]
        for phase in doc["journey"]["phases"]
        for step in phase["steps"]
        for item in step["lanes"].get("backstage", [])
    ]


def test_a_link_without_password_shows_the_presentation_read_only(client: TestClient) -> None:
    link = share(client)
    assert link["url"].endswith(f"/s/{link['token']}") and len(link["token"]) >= 43
    answer = visit_link(client, link["token"])
    assert answer.status_code == 200
    html = answer.text
    assert 'class="slide"' in html and "Über PreisRadar" in html
    # No edit controls, no comments, nothing else of the workspace.
    for absent in ("data-edit-url", "hx-post", "comments-panel", "/journeys/", 'method="post"'):
        assert absent not in html, absent
    assert answer.headers["Referrer-Policy"] == "no-referrer"
    assert answer.headers["Cache-Control"] == "no-store"
    assert answer.headers["X-Robots-Tag"] == "noindex, nofollow"
    assert client.get(API).json()[0]["last_opened_at"] is not None


def test_hidden_lanes_and_items_are_absent_from_the_page(client: TestClient) -> None:
    texts = backstage_texts(client)
    assert texts
    link = share(
        client, hidden_lanes=["backstage", "support_processes"], hidden_items=[HIDDEN_PAIN]
    )
    html = visit_link(client, link["token"]).text
    for text in texts:
        assert text not in html
    assert "Backstage" not in html and "Unterstützungsprozesse" not in html
    assert "Unübersichtlich viele Angebote" not in html  # the hidden pain point
    assert "Der Preisverlauf zeigt" in html  # a love point of the same step stays
    # The signed-in presentation shows everything.
    full = client.get(f"/journeys/{DEMO_JOURNEY}/present").text
    assert texts[0] in full and "Unübersichtlich viele Angebote" in full


def test_hiding_the_evidence_and_emotions_leaves_out_quotes_and_curve(client: TestClient) -> None:
    doc = client.get(f"/api/v1/journeys/{DEMO_JOURNEY}").json()
    quote = doc["evidence"][0]["text"]
    shown = visit_link(client, share(client)["token"]).text
    assert quote in shown and "journeykit-emotion-curve" in shown
    hidden = visit_link(client, share(client, hidden_lanes=["evidence", "emotions"])["token"]).text
    assert quote not in hidden and "journeykit-emotion-curve" not in hidden


def test_the_right_password_opens_the_link_in_that_browser_only(client: TestClient) -> None:
    link = share(client, password=PASSWORD)
    gate = visit_link(client, link["token"])
    assert gate.status_code == 401
    assert "durch ein Passwort geschützt" in gate.text and 'class="slide"' not in gate.text
    english = visit_link(client, link["token"], headers={"Accept-Language": "en"})
    assert "protected by a password" in english.text
    opened = client.post(f"/s/{link['token']}", data={"password": PASSWORD}, follow_redirects=False)
    assert opened.status_code == 303
    cookie = opened.headers["set-cookie"]
    assert "HttpOnly" in cookie and f"Path=/s/{link['token']}" in cookie
    assert PASSWORD not in cookie
    assert client.get(f"/s/{link['token']}").status_code == 200
    # Another browser (no cookie) is asked again.
    assert visit_link(client, link["token"]).status_code == 401


def test_a_wrong_password_is_refused_in_both_languages(client: TestClient) -> None:
    link = share(client, password=PASSWORD)
    wrong = client.post(f"/s/{link['token']}", data={"password": "beet-2026!"})
    assert wrong.status_code == 401 and "Das Passwort stimmt nicht." in wrong.text
    english = client.post(
        f"/s/{link['token']}", data={"password": "x"}, headers={"Accept-Language": "en"}
    )
    assert english.status_code == 401 and "The password is not right." in english.text


def test_password_attempts_are_rate_limited_per_link(client: TestClient) -> None:
    link = share(client, password=PASSWORD)
    other = share(client, password=PASSWORD)
    for _ in range(MAX_FAILED_ATTEMPTS):
        assert client.post(f"/s/{link['token']}", data={"password": "falsch"}).status_code == 401
    locked = client.post(f"/s/{link['token']}", data={"password": PASSWORD})
    assert locked.status_code == 429
    assert int(locked.headers["Retry-After"]) > 0 and "Zu viele falsche Passwörter" in locked.text
    # The other link is not affected.
    assert (
        client.post(
            f"/s/{other['token']}", data={"password": PASSWORD}, follow_redirects=False
        ).status_code
        == 303
    )


def test_an_expired_link_answers_410_with_a_friendly_page(
    client: TestClient, demo_path: Path
) -> None:
    soon = dt.datetime.now(dt.UTC) + dt.timedelta(hours=1)
    link = share(client, expires_at=soon.isoformat())
    assert visit_link(client, link["token"]).status_code == 200
    with Workspace.open(demo_path) as ws, ws.database.writing() as session:
        session.execute(
            update(ShareLinkRow)
            .where(ShareLinkRow.id == link["id"])
            .values(expires_at=dt.datetime.now(dt.UTC) - dt.timedelta(minutes=1))
        )
    expired = visit_link(client, link["token"])
    assert expired.status_code == 410 and "Link abgelaufen" in expired.text
    english = visit_link(client, link["token"], headers={"Accept-Language": "en"})
    assert "This shared link has expired." in english.text
    assert client.get(API).json()[0]["status"] == "expired"


def test_an_expiry_in_the_past_is_refused(client: TestClient) -> None:
    past = (dt.datetime.now(dt.UTC) - dt.timedelta(days=1)).isoformat()
    answer = client.post(API, json={"expires_at": past})
    assert answer.status_code == 422 and answer.json()["field"] == "expires_at"
    page = client.post(f"/journeys/{DEMO_JOURNEY}/share", data={"expires_on": "2020-01-01"})
    assert page.status_code == 422 and "muss in der Zukunft liegen" in page.text
    assert client.get(API).json() == []


def test_a_revoked_link_answers_404_and_revoking_is_listed(client: TestClient) -> None:
    link = share(client, password=PASSWORD)
    client.post(f"/s/{link['token']}", data={"password": PASSWORD})
    revoked = client.delete(f"{API}/{link['id']}")
    assert revoked.status_code == 200 and revoked.json()["status"] == "revoked"
    assert revoked.json()["revoked_by"] == "Tester"
    # Even with the password's cookie the link no longer opens.
    gone = client.get(f"/s/{link['token']}")
    assert gone.status_code == 404 and "wurde widerrufen" in gone.text
    assert client.post(f"/s/{link['token']}", data={"password": PASSWORD}).status_code == 404
    assert visit_link(client, "nicht-da" * 6).status_code == 404


def test_the_share_page_makes_lists_and_revokes_links(client: TestClient) -> None:
    page = client.get(f"/journeys/{DEMO_JOURNEY}/share")
    assert page.status_code == 200
    # The company's backstage is hidden unless the person chooses otherwise.
    assert 'value="backstage" checked' in page.text
    made = client.post(
        f"/journeys/{DEMO_JOURNEY}/share",
        data={
            "label": "Vertrieb",
            "password": PASSWORD,
            "hidden_lanes": ["backstage"],
            "hidden_items": [HIDDEN_PAIN],
        },
    )
    assert made.status_code == 201
    assert "nur dieses eine Mal angezeigt" in made.text
    [link] = client.get(API).json()
    assert link["label"] == "Vertrieb" and link["has_password"] is True
    assert link["hidden_lanes"] == ["backstage"] and link["hidden_items"] == [HIDDEN_PAIN]
    assert f"/s/{link['token_hint']}" in made.text
    listed = client.get(f"/journeys/{DEMO_JOURNEY}/share").text
    assert (
        "Vertrieb" in listed and "mit Passwort" in listed and "/s/" + link["token_hint"] in listed
    )
    revoked = client.post(
        f"/journeys/{DEMO_JOURNEY}/share/{link['id']}/revoke", follow_redirects=False
    )
    assert revoked.status_code == 303
    assert "widerrufen" in client.get(f"/journeys/{DEMO_JOURNEY}/share").text


def test_only_the_tokens_hash_and_the_passwords_argon2_hash_are_stored(
    client: TestClient, demo_path: Path
) -> None:
    link = share(client, password=PASSWORD)
    assert "token" not in client.get(API).json()[0]
    with Workspace.open(demo_path) as ws, ws.database.reading() as session:
        row = session.get(ShareLinkRow, link["id"])
        assert row is not None
        assert row.token_hash != link["token"] and len(row.token_hash) == 64
        assert row.password_hash is not None and row.password_hash.startswith("$argon2id$")
    database = (demo_path / "journeykit.db").read_bytes()
    assert link["token"].encode() not in database and PASSWORD.encode() not in database


def test_unknown_lanes_and_items_are_named_with_a_suggestion(client: TestClient) -> None:
    lane = client.post(API, json={"hidden_lanes": ["backstag"]})
    assert lane.status_code == 422 and "meinten Sie „backstage“" in lane.json()["error"]
    english = client.post(
        API, json={"hidden_lanes": ["backstag"]}, headers={"Accept-Language": "en"}
    )
    assert "did you mean “backstage”" in english.json()["error"]
    item = client.post(API, json={"hidden_items": ["st-produkt-suchen.pain-2"]})
    assert item.status_code == 422 and HIDDEN_PAIN in item.json()["error"]
    short = client.post(API, json={"password": "kurz"})
    assert short.status_code == 422 and short.json()["field"] == "password"


def test_a_link_of_another_journey_cannot_be_revoked_here(client: TestClient) -> None:
    link = share(client)
    other = client.post(f"/api/v1/journeys/{DEMO_JOURNEY}/to-be").json()["journey_id"]
    answer = client.delete(f"/api/v1/journeys/{other}/shares/{link['id']}")
    assert answer.status_code == 404
    assert visit_link(client, link["token"]).status_code == 200
