"""Logging in and out, sessions, CSRF, tokens and rate limits, as a browser or client sees them."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from journeykit.store import Workspace
from journeykit.web.app import create_app
from journeykit.web.auth.callers import CSRF_HEADER, SESSION_COOKIE
from journeykit.web.auth.throttle import ACCOUNT_LIMIT, ADDRESS_LIMIT
from tests.web.conftest import ADMIN, DEMO_JOURNEY, ROLE_ACCOUNTS, TEST_PASSWORD, head

MAP = f"/journeys/{DEMO_JOURNEY}"


def login_token(client: TestClient) -> str:
    """The login form's token, as a browser gets it with the form."""
    form = client.get("/login")
    found = re.search(r'name="login_token" value="([^"]+)"', form.text)
    assert found is not None, form.text
    return found[1]


def post_login(client: TestClient, name: str, password: str, next_path: str = "/") -> int:
    response = client.post(
        "/login",
        data={
            "name": name,
            "password": password,
            "next": next_path,
            "login_token": login_token(client),
        },
    )
    status: int = response.status_code
    return status


def workspace_of(client: TestClient) -> Workspace:
    app: FastAPI = client.app  # type: ignore[assignment]
    ws: Workspace = app.state.workspace
    return ws


def test_without_an_account_pages_redirect_to_login_and_the_api_says_401(
    anonymous: TestClient,
) -> None:
    page = anonymous.get(f"{MAP}?lang=en")
    assert page.status_code == 303
    assert page.headers["location"] == f"/login?next=%2Fjourneys%2F{DEMO_JOURNEY}%3Flang%3Den"
    api = anonymous.get("/api/v1/journeys", headers={"Accept-Language": "en"})
    assert api.status_code == 401
    body = api.json()
    assert body["ok"] is False and body["code"] == "not_authenticated" and body["status"] == 401
    assert anonymous.get("/openapi.json").status_code == 303
    assert anonymous.get("/healthz").status_code == 200
    assert anonymous.get("/static/css/app.css").status_code == 200
    login = anonymous.get("/login")
    assert login.status_code == 200 and "Passwort" in login.text
    assert "Password" in anonymous.get("/login?lang=en").text


def test_htmx_without_a_session_is_sent_to_the_login_page(anonymous: TestClient) -> None:
    response = anonymous.post(f"{MAP}/phases", headers={"HX-Request": "true"})
    assert response.status_code == 401
    assert response.headers["HX-Redirect"].startswith("/login?next=")


def test_log_in_opens_a_session_in_a_safe_cookie_and_goes_where_asked(
    anonymous: TestClient,
) -> None:
    name = ROLE_ACCOUNTS["editor"][0]
    response = anonymous.post(
        "/login",
        data={
            "name": name,
            "password": TEST_PASSWORD,
            "next": MAP,
            "login_token": login_token(anonymous),
        },
    )
    assert response.status_code == 303 and response.headers["location"] == MAP
    cookie = next(
        c for c in response.headers.get_list("set-cookie") if c.startswith(SESSION_COOKIE)
    )
    assert "HttpOnly" in cookie and "SameSite=lax" in cookie and "Secure" not in cookie
    page = anonymous.get(MAP)
    assert page.status_code == 200 and name in page.text
    assert 'name="csrf-token"' in page.text and "/static/js/csrf.js" in page.text


def test_over_tls_the_session_cookie_is_secure(demo_path: Path) -> None:
    app = create_app(demo_path, unknown_route_status=500)
    with TestClient(app, base_url="https://testserver", follow_redirects=False) as client:
        data = {"name": ADMIN, "password": TEST_PASSWORD, "login_token": login_token(client)}
        response = client.post("/login", data=data)
    cookie = next(
        c for c in response.headers.get_list("set-cookie") if c.startswith(SESSION_COOKIE)
    )
    assert "Secure" in cookie


def test_after_login_next_never_leaves_the_server(anonymous: TestClient) -> None:
    for target in ("https://evil.example/", "//evil.example/", "/\\evil.example"):
        anonymous.cookies.clear()
        data = {
            "name": ADMIN,
            "password": TEST_PASSWORD,
            "next": target,
            "login_token": login_token(anonymous),
        }
        assert anonymous.post("/login", data=data).headers["location"] == "/"


def test_a_wrong_password_is_refused_in_german_and_english(anonymous: TestClient) -> None:
    data = {"name": ADMIN, "password": "wrong password!", "login_token": login_token(anonymous)}
    german = anonymous.post("/login", data=data)
    assert german.status_code == 401 and "Name oder Passwort ist falsch" in german.text
    assert SESSION_COOKIE not in german.headers.get("set-cookie", "")
    data["login_token"] = login_token(anonymous)
    english = anonymous.post("/login?lang=en", data=data)
    assert "The name or the password is wrong" in english.text
    assert anonymous.get("/").status_code == 303


def test_a_forged_login_form_without_its_token_is_refused(anonymous: TestClient) -> None:
    login_token(anonymous)  # the browser has the cookie, the forged form not the field
    response = anonymous.post(
        "/login", data={"name": ADMIN, "password": TEST_PASSWORD, "login_token": "forged"}
    )
    assert response.status_code == 403
    assert SESSION_COOKIE not in response.headers.get("set-cookie", "")


def test_failed_logins_are_limited_per_account(anonymous: TestClient) -> None:
    name = ROLE_ACCOUNTS["viewer"][0]
    for _ in range(ACCOUNT_LIMIT):
        assert post_login(anonymous, name, "wrong password!") == 401
    # Past the limit even the right password waits: guessing must not go on.
    assert post_login(anonymous, name, TEST_PASSWORD) == 429
    assert post_login(anonymous, ROLE_ACCOUNTS["editor"][0], TEST_PASSWORD) == 303
    events = workspace_of(anonymous).audit().events(account=name)
    assert [e.action for e in events][:2] == ["login_throttled", "login_failed"]


def test_failed_logins_are_limited_per_address(anonymous: TestClient) -> None:
    for number in range(ADDRESS_LIMIT):
        assert post_login(anonymous, f"nobody{number}", "wrong password!") == 401
    assert post_login(anonymous, ADMIN, TEST_PASSWORD) == 429


def test_a_form_without_the_csrf_token_is_refused_and_changes_nothing(
    client: TestClient,
) -> None:
    before = head(client)
    forged = client.post(
        f"{MAP}/phases",
        data={"name_de": "Forged", "base_revision": str(before)},
        headers={CSRF_HEADER: ""},
    )
    assert forged.status_code == 403 and "CSRF" in forged.text
    wrong = client.post(
        f"{MAP}/phases",
        data={"name_de": "Forged", "base_revision": str(before), "csrf_token": "wrong"},
        headers={CSRF_HEADER: ""},
    )
    assert wrong.status_code == 403
    assert head(client) == before
    token = client.headers[CSRF_HEADER]
    sent = client.post(
        f"{MAP}/phases",
        data={"name_de": "Echt", "base_revision": str(before), "csrf_token": token},
        headers={CSRF_HEADER: ""},
        follow_redirects=False,
    )
    assert sent.status_code == 303 and head(client) == before + 1


def test_a_bearer_token_opens_the_api_without_csrf(demo_path: Path) -> None:
    app = create_app(demo_path, unknown_route_status=500)
    with TestClient(app) as client:
        ws = workspace_of(client)
        secret, token = ws.credentials().create_token(ROLE_ACCOUNTS["editor"][0], "test")
        bearer = {"Authorization": f"Bearer {secret}"}
        before = head_with(client, bearer)
        added = client.post(
            f"/api/v1/journeys/{DEMO_JOURNEY}/phases",
            json={"name_de": "Nachkauf", "base_revision": before},
            headers=bearer,
        )
        assert added.status_code == 201, added.text
        assert client.get("/api/v1/me", headers=bearer).json()["name"] == "edith"
        ws.credentials().revoke_token(token.id)
        revoked = client.get("/api/v1/journeys", headers=bearer)
        assert revoked.status_code == 401 and revoked.json()["code"] == "not_authenticated"
        for header in ("Bearer jk_unknown", "Basic dGVzdDp0ZXN0"):
            assert client.get("/api/v1/me", headers={"Authorization": header}).status_code == 401


def head_with(client: TestClient, headers: dict[str, str]) -> int:
    listed = {j["id"]: j for j in client.get("/api/v1/journeys", headers=headers).json()}
    return int(listed[DEMO_JOURNEY]["revision"])


def test_a_viewer_who_edits_through_the_api_gets_403_and_nothing_changes(
    client_as: Callable[[str], TestClient],
) -> None:
    viewer = client_as("viewer")
    before = head(viewer)
    document = viewer.get(f"/api/v1/journeys/{DEMO_JOURNEY}").json()
    response = viewer.post(
        f"/api/v1/journeys/{DEMO_JOURNEY}/phases", json={"name_de": "X", "base_revision": before}
    )
    assert response.status_code == 403
    assert response.json()["code"] == "forbidden"
    assert head(viewer) == before
    assert viewer.get(f"/api/v1/journeys/{DEMO_JOURNEY}").json() == document


def test_an_owner_of_another_project_sees_nothing_of_this_one(
    client_as: Callable[[str], TestClient],
) -> None:
    outsider = client_as("other_owner")
    assert outsider.get("/api/v1/journeys").json() == []
    assert outsider.get("/api/v1/projects").json() == []
    assert outsider.get(f"/api/v1/journeys/{DEMO_JOURNEY}").status_code == 403
    assert DEMO_JOURNEY not in outsider.get("/").text
    assert [j["id"] for j in client_as("viewer").get("/api/v1/journeys").json()] == [DEMO_JOURNEY]


def test_a_missing_journey_gives_outsiders_no_suggestion(
    client_as: Callable[[str], TestClient],
) -> None:
    response = client_as("other_owner").get("/api/v1/journeys/preisvergleich-kaut")
    assert response.status_code == 404 and DEMO_JOURNEY not in response.text


def test_creating_a_journey_needs_the_editor_role_in_its_project(
    client_as: Callable[[str], TestClient],
) -> None:
    outsider = client_as("other_owner")  # an owner, but of another project
    from journeykit.demo.personas import PROJECT_ID

    refused = outsider.post("/api/v1/journeys", json={"title": "Neu", "project_id": PROJECT_ID})
    assert refused.status_code == 403
    created = client_as("editor").post(
        "/api/v1/journeys", json={"title": "Neu", "project_id": PROJECT_ID}
    )
    assert created.status_code == 201


def test_logging_out_ends_the_session(client: TestClient) -> None:
    session_id = client.cookies[SESSION_COOKIE]
    response = client.post(
        "/logout", data={"csrf_token": client.headers[CSRF_HEADER]}, follow_redirects=False
    )
    assert response.status_code == 303 and response.headers["location"] == "/login"
    assert workspace_of(client).credentials().session(session_id) is None
    client.cookies.set(SESSION_COOKIE, session_id)
    assert client.get("/", follow_redirects=False).status_code == 303


def test_a_forged_logout_does_not_end_the_session(client: TestClient) -> None:
    session_id = client.cookies[SESSION_COOKIE]
    client.post("/logout", headers={CSRF_HEADER: ""}, follow_redirects=False)
    assert workspace_of(client).credentials().session(session_id) is not None


def test_the_accounts_language_comes_before_the_browsers(client: TestClient) -> None:
    assert "Projekte" in client.get("/", headers={"Accept-Language": "de"}).text
    saved = client.post("/account/language", data={"language": "en"}, follow_redirects=False)
    assert saved.status_code == 303
    assert "Projects" in client.get("/", headers={"Accept-Language": "de"}).text
    client.get("/?lang=de")  # the switch is the setting from now on
    assert workspace_of(client).accounts().get(ADMIN).language == "de"


def test_a_route_missing_from_the_policy_is_refused(demo_path: Path) -> None:
    calls: list[str] = []
    for status in (500, 403):
        app = create_app(demo_path, unknown_route_status=status)

        @app.get("/forgotten")
        def forgotten() -> dict[str, bool]:
            calls.append("ran")
            return {"ran": True}

        with TestClient(app) as client:
            assert client.get("/forgotten").status_code == status
    assert calls == []


def test_passwords_and_tokens_never_reach_the_log(
    demo_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    app = create_app(demo_path, unknown_route_status=500)
    with caplog.at_level(logging.DEBUG), TestClient(app) as client:
        data = {"name": ADMIN, "password": TEST_PASSWORD, "login_token": login_token(client)}
        client.post("/login", data=data)
        client.cookies.clear()
        data = {"name": ADMIN, "password": "wrong password!", "login_token": login_token(client)}
        client.post("/login", data=data)
        secret, _ = workspace_of(client).credentials().create_token(ADMIN)
        client.get("/api/v1/me", headers={"Authorization": f"Bearer {secret}"})
    logged = caplog.text + " ".join(str(r.args) for r in caplog.records)
    assert caplog.records, "nothing was logged at all; the test would prove nothing"
    for secret_text in (TEST_PASSWORD, "wrong password!", secret):
        assert secret_text not in logged


def test_changing_ones_password_asks_for_the_current_one(
    client_as: Callable[[str], TestClient],
) -> None:
    editor = client_as("editor")
    new = "a brand new password"
    wrong = editor.post(
        "/account/password?lang=en", data={"current": "nope", "new": new, "repeat": new}
    )
    assert wrong.status_code == 422 and "The current password is wrong" in wrong.text
    differ = editor.post(
        "/account/password?lang=en",
        data={"current": TEST_PASSWORD, "new": new, "repeat": new + "!"},
    )
    assert differ.status_code == 422 and "differ" in differ.text
    short = editor.post(
        "/account/password", data={"current": TEST_PASSWORD, "new": "kurz", "repeat": "kurz"}
    )
    assert short.status_code == 422 and "at least 10 characters" in short.text  # English chosen
    changed = editor.post(
        "/account/password",
        data={"current": TEST_PASSWORD, "new": new, "repeat": new},
        follow_redirects=False,
    )
    assert changed.status_code == 303
    accounts = workspace_of(editor).accounts()
    assert accounts.authenticate("edith", new) is not None
    assert accounts.authenticate("edith", TEST_PASSWORD) is None
    assert editor.get("/account", follow_redirects=False).status_code == 200  # still logged in
    actions = [e.action for e in workspace_of(editor).audit().events(account="edith")]
    assert actions == ["password_changed", "login_failed"]


def test_the_api_description_names_the_bearer_token(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    assert spec["components"]["securitySchemes"]["bearer"]["scheme"] == "bearer"
    assert spec["security"] == [{"bearer": []}]
