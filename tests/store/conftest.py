"""Fixtures of the store tests: a workspace on each database backend."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from journeykit.store import JourneyStore, Workspace
from journeykit.store.config import DATABASE_URL_ENV, LOCK_TIMEOUT_ENV


@pytest.fixture(autouse=True)
def _clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """A developer's own JOURNEYKIT_ settings must not leak into the tests."""
    monkeypatch.delenv(DATABASE_URL_ENV, raising=False)
    monkeypatch.delenv(LOCK_TIMEOUT_ENV, raising=False)


@pytest.fixture
def workspace(tmp_path: Path, database_url: str) -> Iterator[Workspace]:
    """A new workspace named "Shop" whose database is ``database_url``."""
    with Workspace.create(tmp_path / "shop", name="Shop", database_url=database_url) as created:
        yield created


@pytest.fixture
def store(workspace: Workspace) -> JourneyStore:
    """The journeys of ``workspace``."""
    return workspace.journeys()
