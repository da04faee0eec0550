"""The role matrix: every route of the app, for every role, answers as the policy says.

The routes come from ``app.routes`` (so a new route is covered the day it is added) and the
expected answer from the least role :mod:`journeykit.web.policy` names for it: a role too weak
is refused by the gate (401 or a redirect to the login page without an account, 403 with
one), a role strong enough gets past it to the route (which may still say 404 or 422 for the
made-up ids and empty bodies sent here).
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from journeykit.demo.personas import PROJECT_ID as DEMO_PROJECT
from journeykit.store import Workspace
from journeykit.store.accounts import ADMIN, role_rank
from journeykit.web.app import create_app
from journeykit.web.auth.guard import UNCHECKED
from journeykit.web.auth.routes import app_routes
from journeykit.web.policy import PUBLIC, ROUTE_ROLES, SCOPE_PARAMETERS
from tests.web.conftest import DEMO_JOURNEY, ROLE_ACCOUNTS, log_in

ROLES = ("anonymous", "viewer", "commenter", "editor", "other_owner", "owner", "admin")


@pytest.fixture(scope="module")
def matrix_path(demo_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One demo copy for the whole matrix: the requests change nothing that matters here."""
    target = tmp_path_factory.mktemp("roles") / "ws"
    shutil.copytree(demo_template, target)
    return target


@pytest.fixture(scope="module")
def app(matrix_path: Path) -> Iterator[FastAPI]:
    application = create_app(matrix_path, author="Tester", unknown_route_status=500)
    with TestClient(application):
        yield application


def _persona_id(ws: Workspace) -> str:
    return ws.journeys().get(DEMO_JOURNEY).personas[0].id


def _routes(app: FastAPI) -> list[tuple[str, str, str]]:
    """Every route as (name, method, a concrete path into the demo project)."""
    ws: Workspace = app.state.workspace
    values = {
        "journey_id": DEMO_JOURNEY,
        "project_id": DEMO_PROJECT,
        "persona_id": _persona_id(ws),
        "account_name": ROLE_ACCOUNTS["viewer"][0],
    }
    found = []
    for route in app_routes(app):
        path = str(route.path)
        if route.name == "static":
            found.append(("static", "GET", "/static/css/app.css"))
            continue
        concrete = re.sub(r"\{(\w+)(:\w+)?\}", lambda m: values.get(m[1], "nothing-here"), path)
        methods = sorted(set(route.methods or {"GET"}) - {"HEAD"})
        found.extend((str(route.name), method, concrete) for method in methods)
    return found


def _allowed(role: str, needed: str, path_params: set[str]) -> bool:
    if needed == PUBLIC:
        return True
    if role == "anonymous":
        return False
    if role == "admin":
        return True
    if needed == ADMIN:
        return False
    _name, project, held = ROLE_ACCOUNTS[role]
    assert held is not None
    if not path_params & set(SCOPE_PARAMETERS):
        return needed == "viewer" or role_rank(held) >= role_rank(needed)
    return project == DEMO_PROJECT and role_rank(held) >= role_rank(needed)


def _refused(response_status: int, location: str) -> bool:
    return response_status in (401, 403) or (
        response_status == 303 and location.startswith("/login")
    )


def test_every_route_of_the_app_is_in_the_policy(app: FastAPI) -> None:
    missing = sorted({name for name, _m, _p in _routes(app)} - set(ROUTE_ROLES))
    assert missing == [], f"add these routes to journeykit.web.policy.ROUTE_ROLES: {missing}"


def test_the_policy_names_no_route_that_is_gone(app: FastAPI) -> None:
    assert set(ROUTE_ROLES) - {name for name, _m, _p in _routes(app)} == set()


@pytest.mark.parametrize("role", ROLES)
def test_every_route_answers_each_role_as_the_policy_says(app: FastAPI, role: str) -> None:
    name = ROLE_ACCOUNTS[role][0] if role in ROLE_ACCOUNTS else None
    wrong: list[str] = []
    with TestClient(app, follow_redirects=False) as client:
        if name is not None:
            log_in(client, name)
        for route_name, method, path in _routes(app):
            needed = ROUTE_ROLES[route_name]
            params = {
                p for p in SCOPE_PARAMETERS if f"{{{p}}}" in _template(app, route_name, method)
            }
            response = client.request(method, path)
            if response.status_code == 500:
                wrong.append(f"{method} {path} ({route_name}): 500 {response.text[:200]}")
                continue
            refused = _refused(response.status_code, response.headers.get("location", ""))
            if needed == PUBLIC:
                # Public routes answer for themselves (a login form without its token is
                # refused by the route); the gate never asks for an account there.
                refused = response.status_code == 401
                if refused:
                    wrong.append(f"{method} {path} ({route_name}, public): 401")
            elif refused == _allowed(role, needed, params):
                wrong.append(
                    f"{method} {path} ({route_name}, needs {needed}): {response.status_code}"
                )
            if route_name == "log_out" and name is not None:
                log_in(client, name)  # logging out ended this client's session
    assert wrong == [], f"{role}: " + "; ".join(wrong)


def _template(app: FastAPI, route_name: str, method: str) -> str:
    for route in app_routes(app):
        if route.name == route_name and method in (route.methods or {"GET"}):
            return str(route.path)
    return ""


def test_routes_the_gate_does_not_look_at_are_public_in_the_policy() -> None:
    assert {ROUTE_ROLES[name] for name in UNCHECKED} == {PUBLIC}
