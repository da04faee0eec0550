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
from journeykit.render.labels import (
    channel_label,
    evidence_kind_label,
    label,
    lane_label,
    rating_label,
    status_label,
)
from journeykit.web.i18n import translate


def coded_value(entity: str, field: str, value: Any, language: str) -> Any:
    """A field's value as the reader says it where it is a code (``supported`` is
    ``bestätigt``), a list as its entries one after another; any other value as it is."""
    if isinstance(value, list):
        return ", ".join(str(coded_value(entity, field, v, language)) for v in value) or None
    if not isinstance(value, str):
        return value
    if entity == "project" and field == "status":
        return translate(f"status.{value}", language)
    if field == "status":
        return status_label(value, language)
    if entity == "kpi" and field == "kind":
        return translate(f"kpi.kind.{value}", language)
    if entity == "kpi" and field == "scope":
        return translate(f"kpi.scope.{value}", language)
    if entity == "kpi" and field == "better":
        return translate(f"kpi.better.{value}", language)
    if entity == "evidence" and field == "kind":
        return evidence_kind_label(value, language)
    if entity == "hypothesis" and field == "expected_direction":
        return translate(f"hypothesis.direction.{value}", language)
    if field in ("state", "mode", "ownership"):
        return label(value, language)
    if field == "channel":
        return channel_label(value, language)
    if field == "rating":
        return rating_label(value, language)
    return value


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
        for field in data.get("fields", ()):
            for side in ("old", "new"):
                field[side] = coded_value(change.entity, field["field"], field[side], language)
        if change.kind == "moved":
            key = (change.entity, change.id)
            data["moved_from"] = old_places.get(key, change.moved_from or "")
            data["moved_to"] = new_places.get(key, change.moved_to or "")
            if data["moved_from"] == data["moved_to"]:
                data["moved_from"] = translate("diff.reordered", language)
                data["moved_to"] = data["where"]
        groups.setdefault(change.entity, []).append(data)
    return groups
