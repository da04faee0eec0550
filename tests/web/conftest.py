"""A demo workspace per test, the app on it through the ASGI interface, and a live server."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from journeykit.demo.workspace import build_demo_workspace
from journeykit.web.app import create_app

DEMO_JOURNEY = "preisvergleich-kauf"


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo workspace, built once; tests work on copies."""
    folder = tmp_path_factory.mktemp("web-demo") / "ws"
    build_demo_workspace(folder).close()
    return folder


@pytest.fixture
def demo_path(demo_template: Path, tmp_path: Path) -> Path:
    """A private copy of the demo workspace."""
    target = tmp_path / "ws"
    shutil.copytree(demo_template, target)
    return target


@pytest.fixture
def client(demo_path: Path) -> Iterator[TestClient]:
    """The app on a demo copy, in German unless a request says otherwise."""
    with TestClient(create_app(demo_path, author="Tester")) as test_client:
        yield test_client


def head(client: TestClient, journey_id: str = DEMO_JOURNEY) -> int:
    """The journey's head revision, as the API lists it."""
    listed = {j["id"]: j for j in client.get("/api/v1/journeys").json()}
    return int(listed[journey_id]["revision"])
