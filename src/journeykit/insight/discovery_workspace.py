"""Discovery on a workspace: its event log, and its feedback's negative themes if it has any.

The draft depends on the data only (not on any map), so it is computed once per version of
the event log and feedback and shared by the command, the review page and its API twin.
"""

from __future__ import annotations

import threading
from pathlib import Path

from journeykit.events.engine import Engine
from journeykit.feedback.queries import stored_comments
from journeykit.feedback.store import FeedbackStore
from journeykit.insight.discovery import (
    DEFAULT_HOTSPOT_DROP_OFF,
    DEFAULT_MAX_STEPS,
    DEFAULT_MIN_SHARE,
    Discovery,
    discover_journey,
)
from journeykit.insight.discovery_themes import ThemeCandidate, theme_candidates
from journeykit.insight.step_numbers import data_version
from journeykit.insight.theme_store import workspace_themes
from journeykit.store import Workspace

_CACHE: dict[tuple[object, ...], Discovery] = {}
_LOCK = threading.Lock()


def _themes(workspace: Workspace) -> list[ThemeCandidate]:
    store = FeedbackStore(workspace.path)
    if not store.exists():
        return []
    comments = stored_comments(store)
    return theme_candidates(workspace_themes(workspace, comments), comments)


def workspace_discovery(
    workspace: Workspace,
    *,
    min_share: float = DEFAULT_MIN_SHARE,
    max_steps: int = DEFAULT_MAX_STEPS,
    hotspot_drop_off: float = DEFAULT_HOTSPOT_DROP_OFF,
) -> Discovery:
    """The journey the workspace's event log suggests (see :mod:`journeykit.insight.discovery`)."""
    folder: Path = workspace.path
    key = (str(folder), data_version(folder), min_share, max_steps, hotspot_drop_off)
    with _LOCK:
        if key in _CACHE:
            return _CACHE[key]
    engine = Engine.for_workspace(folder)
    try:
        found = discover_journey(
            engine,
            min_share=min_share,
            max_steps=max_steps,
            hotspot_drop_off=hotspot_drop_off,
            themes=_themes(workspace),
        )
    finally:
        engine.close()
    with _LOCK:
        if len(_CACHE) > 8:
            _CACHE.clear()
        _CACHE[key] = found
    return found
