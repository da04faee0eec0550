"""A structured diff as the history page shows it: grouped by record, placed in the user's
language.

``journeykit.model.diff`` says where a change sits in English words; the page names the phase,
step and lane from the documents themselves, so a German reader sees German names.
"""

from __future__ import annotations

from typing import Any

from journeykit.model.diff import Change, JourneyDiff
from journeykit.model.document import JourneyDocument
from journeykit.model.lanes import TEXT_LANES
from journeykit.render.labels import lane_label
from journeykit.web.i18n import translate


def _places(doc: JourneyDocument, language: str) -> dict[tuple[str, str], str]:
    """Where each phase's steps, each step's touchpoints, items and emotions sit."""
    places: dict[tuple[str, str], str] = {}
    for phase in doc.journey.phases:
        phase_name = phase.name.text(language)
        for step in phase.steps:
            places[("step", step.id)] = translate("diff.in_phase", language, phase=phase_name)
            at_step = translate("diff.at_step", language, step=step.title)
            for touchpoint in step.touchpoints:
                places[("touchpoint", touchpoint.id)] = at_step
            for emotion in step.lanes.emotions:
                places[("emotion", f"{step.id}/{emotion.persona_id}")] = at_step
            for lane in TEXT_LANES:
                where = f"{lane_label(lane, language)} · {at_step}"
                for item in step.lanes.text_lane(lane):
                    places[("lane_item", item.id)] = where
    return places


def _place(change: Change, old: dict[tuple[str, str], str], new: dict[tuple[str, str], str]) -> str:
    key = (change.entity, change.id)
    if change.kind == "removed":
        return old.get(key, "")
    return new.get(key, old.get(key, ""))


def grouped_changes(
    diff: JourneyDiff, old: JourneyDocument, new: JourneyDocument, language: str
) -> dict[str, list[dict[str, Any]]]:
    """The changes as plain data grouped by entity, each placed in ``language``; a move says
    from where to where."""
    old_places, new_places = _places(old, language), _places(new, language)
    groups: dict[str, list[dict[str, Any]]] = {}
    for change in diff.changes:
        data = change.to_data()
        data["where"] = _place(change, old_places, new_places)
        if change.kind == "moved":
            key = (change.entity, change.id)
            data["moved_from"] = old_places.get(key, change.moved_from or "")
            data["moved_to"] = new_places.get(key, change.moved_to or "")
            if data["moved_from"] == data["moved_to"]:
                data["moved_from"] = translate("diff.reordered", language)
                data["moved_to"] = data["where"]
        groups.setdefault(change.entity, []).append(data)
    return groups
