"""A workspace holding the demo shop's journey map (no event log, no feedback yet)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from journeykit.demo.shop import build_demo_document
from journeykit.store import Workspace


@pytest.fixture
def shop(tmp_path: Path) -> Iterator[Workspace]:
    """An open workspace with the demo journey ``preisvergleich-kauf``."""
    with Workspace.create(tmp_path / "shop", name="Shop") as ws:
        ws.journeys().save(build_demo_document(), author="test", message="map", base_revision=None)
        yield ws


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    """Write ``text`` to ``path`` in ``encoding`` (Windows line ends, as Excel writes)."""
    path.write_bytes(text.replace("\n", "\r\n").encode(encoding))
    return path
