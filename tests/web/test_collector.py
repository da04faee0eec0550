"""The server's garbage collection settings."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from journeykit.web.collector import THRESHOLDS, tune_for_serving


@pytest.fixture
def restored_collector() -> Iterator[None]:
    before = gc.get_threshold()
    yield
    gc.unfreeze()
    gc.set_threshold(*before)


@pytest.mark.usefixtures("restored_collector")
def test_serving_freezes_what_start_up_made_and_collects_less_often() -> None:
    gc.unfreeze()
    tune_for_serving()
    assert gc.get_freeze_count() > 0
    assert gc.get_threshold() == THRESHOLDS
    assert gc.isenabled()  # cycles are still collected
