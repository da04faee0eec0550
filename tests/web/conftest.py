"""A demo workspace per test, the app on it through the ASGI interface, and a live server.

The demo copy has one account per role (see :data:`ROLE_ACCOUNTS`); ``client`` is logged in
as the workspace admin ``Tester``, ``client_as(name)`` as anyone else, ``anonymous`` as nobody.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from journeykit.demo.personas import PROJECT_ID as DEMO_PROJECT
from journeykit.demo.workspace import build_demo_workspace
from journeykit.store import Workspace
from journeykit.web.app import create_app
from journeykit.web.auth.callers import CSRF_HEADER, SESSION_COOKIE

DEMO_JOURNEY = "preisvergleich-kauf"
#: The project no test account but ``other_owner`` has a role in.
OTHER_PROJECT = "pr-anderes-projekt"
#: Every test account's password (long enough for the password rule).
TEST_PASSWORD = "test password 1234"
ADMIN = "Tester"
#: The test accounts by the role they hold: name, project, role (admin: every right).
ROLE_ACCOUNTS: dict[str, tuple[str, str | None, str | None]] = {
    "admin": (ADMIN, None, None),
    "owner": ("olga", DEMO_PROJECT, "owner"),
    "editor": ("edith", DEMO_PROJECT, "editor"),
    "commenter": ("carl", DEMO_PROJECT, "commenter"),
    "viewer": ("viola", DEMO_PROJECT, "viewer"),
    "other_owner": ("otto", OTHER_PROJECT, "owner"),
}


def add_test_accounts(ws: Workspace) -> None:
    """One account per role of :data:`ROLE_ACCOUNTS`, all with :data:`TEST_PASSWORD`."""
    accounts = ws.accounts()
    for name, project, role in ROLE_ACCOUNTS.values():
        accounts.create(name, TEST_PASSWORD, admin=role is None)
        if project is not None and role is not None:
            accounts.grant(project, name, role, by=ADMIN)


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo workspace with the test accounts, built once; tests work on copies."""
    folder = tmp_path_factory.mktemp("web-demo") / "ws"
    with build_demo_workspace(folder) as ws:
        add_test_accounts(ws)
    return folder


@pytest.fixture
def demo_path(demo_template: Path, tmp_path: Path) -> Path:
    """A private copy of the demo workspace."""
    target = tmp_path / "ws"
    shutil.copytree(demo_template, target)
    return target


def log_in(client: TestClient, name: str) -> TestClient:
    """``client`` with a fresh session of the account ``name`` and its CSRF header, as the
    pages' script sends it."""
    ws: Workspace = client.app.state.workspace  # type: ignore[attr-defined]
    account = ws.accounts().get(name)
    session_id, session = ws.credentials().open_session(account.id)
    client.cookies.set(SESSION_COOKIE, session_id)
    client.headers[CSRF_HEADER] = session.csrf_token
    return client


@pytest.fixture
def client(demo_path: Path) -> Iterator[TestClient]:
    """The app on a demo copy, logged in as the workspace admin ``Tester``, in German unless a
    request says otherwise. A route missing from the role policy answers 500 here."""
    with TestClient(create_app(demo_path, author="Tester", unknown_route_status=500)) as test:
        yield log_in(test, ADMIN)


@pytest.fixture
def client_as(demo_path: Path) -> Iterator[Callable[[str], TestClient]]:
    """A function giving a client logged in as the account of a role of
    :data:`ROLE_ACCOUNTS` (``"viewer"``, ``"owner"``…) or as any account name."""
    with ExitStack() as stack:

        def make(who: str) -> TestClient:
            name = ROLE_ACCOUNTS[who][0] if who in ROLE_ACCOUNTS else who
            app = create_app(demo_path, author="Tester", unknown_route_status=500)
            return log_in(stack.enter_context(TestClient(app)), name)

        yield make


@pytest.fixture
def anonymous(demo_path: Path) -> Iterator[TestClient]:
    """The app on a demo copy with nobody logged in (redirects are not followed)."""
    app = create_app(demo_path, author="Tester", unknown_route_status=500)
    with TestClient(app, follow_redirects=False) as test:
        yield test


def head(client: TestClient, journey_id: str = DEMO_JOURNEY) -> int:
    """The journey's head revision, as the API lists it."""
    listed = {j["id"]: j for j in client.get("/api/v1/journeys").json()}
    return int(listed[journey_id]["revision"])
