"""What the API answers after a write."""

from __future__ import annotations

from typing import Any

from journeykit.store import RevisionInfo
from journeykit.web.services.journeys import Saved


def revision_data(info: RevisionInfo) -> dict[str, Any]:
    """A revision as JSON."""
    return {
        "journey_id": info.journey_id,
        "revision": info.number,
        "author": info.author,
        "created_at": info.created_at.isoformat(),
        "message": info.message,
        "based_on": info.based_on,
        "unchanged": info.unchanged,
    }


def saved_data(saved: Saved) -> dict[str, Any]:
    """An edit's outcome as JSON: ``ok``, the new revision and a created id."""
    data: dict[str, Any] = {"ok": True, **revision_data(saved.revision)}
    if saved.created_id is not None:
        data["id"] = saved.created_id
    return data
