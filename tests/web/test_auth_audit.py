"""The audit log joined with the revision history, per journey and per account."""

from __future__ import annotations

import re
from collections.abc import Callable

from fastapi.testclient import TestClient

from tests.web.conftest import DEMO_JOURNEY, ROLE_ACCOUNTS, TEST_PASSWORD, head


def _log_in_by_form(client: TestClient, name: str, password: str) -> int:
    client.cookies.clear()
    form = client.get("/login").text
    token = re.search(r'name="login_token" value="([^"]+)"', form)
    assert token is not None
    data = {"name": name, "password": password, "login_token": token[1]}
    status: int = client.post("/login", data=data, follow_redirects=False).status_code
    return status


def test_an_accounts_history_joins_its_revisions_and_logins(
    client: TestClient, client_as: Callable[[str], TestClient], anonymous: TestClient
) -> None:
    editor_name = ROLE_ACCOUNTS["editor"][0]
    assert _log_in_by_form(anonymous, editor_name, "wrong password!") == 401
    assert _log_in_by_form(anonymous, editor_name, TEST_PASSWORD) == 303
    editor = client_as("editor")
    saved = editor.post(
        f"/api/v1/journeys/{DEMO_JOURNEY}/phases",
        json={"name_de": "Nachkauf", "base_revision": head(editor)},
    )
    assert saved.status_code == 201
    entries = client.get(f"/api/v1/accounts/{editor_name}/audit").json()
    assert [e["action"] for e in entries] == ["revision", "login", "login_failed"]
    assert entries[0]["journey_id"] == DEMO_JOURNEY and entries[0]["actor"] == editor_name
    assert entries[1]["address"] == "testclient"
    page = client.get(f"/accounts/{editor_name}/audit?lang=en")
    assert page.status_code == 200
    assert "Logged in" in page.text and "Failed login" in page.text
    assert "Saved a revision" in page.text
    own = editor.get("/account?lang=en")
    assert own.status_code == 200 and "What I did" in own.text and "Logged in" in own.text


def test_a_journeys_history_shows_who_saved_what(
    client_as: Callable[[str], TestClient],
) -> None:
    editor = client_as("editor")
    editor.post(
        f"/api/v1/journeys/{DEMO_JOURNEY}/phases",
        json={"name_de": "Nachkauf", "base_revision": head(editor)},
    )
    viewer = client_as("viewer")
    entries = viewer.get(f"/api/v1/journeys/{DEMO_JOURNEY}/audit").json()
    assert entries[0]["actor"] == ROLE_ACCOUNTS["editor"][0]
    assert [e["revision"] for e in entries] == [3, 2, 1]
    page = viewer.get(f"/journeys/{DEMO_JOURNEY}/audit")
    assert page.status_code == 200 and "Revision gespeichert" in page.text
    assert viewer.get(f"/api/v1/accounts/{ROLE_ACCOUNTS['editor'][0]}/audit").status_code == 403


def test_an_admin_sees_every_account_with_its_roles(client: TestClient) -> None:
    page = client.get("/accounts?lang=en")
    assert page.status_code == 200
    assert 'href="/accounts/edith/audit"' in page.text and "editor" in page.text
    assert page.text.count("<tr>") == len(ROLE_ACCOUNTS) + 1  # and the header row
