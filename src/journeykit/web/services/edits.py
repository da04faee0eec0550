"""Edits of a journey document: pure functions that change a copy and return it.

Each takes a document and returns a new one, never changing its argument, so a refused edit
leaves nothing half-done; the store then saves the whole result as one revision.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Literal

from journeykit.model.base import LocalizedText, new_id
from journeykit.model.document import JourneyDocument
from journeykit.model.journey import Phase, Step
from journeykit.model.lanes import TEXT_LANES, Emotion, LaneItem
from journeykit.model.touchpoint import Touchpoint
from journeykit.web.services.errors import FieldInvalid, StepInUse, unknown

Rating = Literal["delighting", "okay", "disappointing"]
MAX_TEXT = 20_000


def clean_text(field: str, value: str | None, *, required: bool = True) -> str | None:
    """``value`` stripped; a blank required value or an over-long one is refused."""
    text = (value or "").strip()
    if not text:
        if required:
            raise FieldInvalid(field, "error.blank", "must not be empty")
        return None
    if len(text) > MAX_TEXT:
        raise FieldInvalid(
            field, "error.too_long", f"is longer than {MAX_TEXT} characters", limit=MAX_TEXT
        )
    return text


def _copy(doc: JourneyDocument) -> JourneyDocument:
    return doc.model_copy(deep=True)


def _position(field: str, position: int | None, length: int) -> int:
    """Where to insert: ``None`` is the end; anything past the end is refused."""
    if position is None:
        return length
    if not 0 <= position <= length:
        raise FieldInvalid(
            field, "error.position", f"must be between 0 and {length}", low=0, high=length
        )
    return position


def find_phase(doc: JourneyDocument, phase_id: str) -> Phase:
    """The phase ``phase_id``, or a not-found error naming the nearest id."""
    for phase in doc.journey.phases:
        if phase.id == phase_id:
            return phase
    raise unknown("phase", phase_id, (p.id for p in doc.journey.phases))


def find_step(doc: JourneyDocument, step_id: str) -> tuple[Phase, Step]:
    """The step ``step_id`` and its phase, or a not-found error naming the nearest id."""
    for phase, step in doc.journey.steps():
        if step.id == step_id:
            return phase, step
    raise unknown("step", step_id, (s.id for _p, s in doc.journey.steps()))


def check_lane(lane: str) -> str:
    """``lane`` if it is a text lane, else a field error listing the nearest one."""
    if lane not in TEXT_LANES:
        raise unknown("lane", lane, TEXT_LANES)
    return lane


def _items(doc: JourneyDocument) -> Iterator[tuple[Step, str, list[LaneItem], LaneItem]]:
    for _phase, step in doc.journey.steps():
        for lane in TEXT_LANES:
            items = step.lanes.text_lane(lane)
            for item in items:
                yield step, lane, items, item


def find_item(doc: JourneyDocument, item_id: str) -> tuple[Step, str, list[LaneItem], LaneItem]:
    """The lane item ``item_id`` with its step, lane name and the list that holds it."""
    for found in _items(doc):
        if found[3].id == item_id:
            return found
    raise unknown("lane item", item_id, (found[3].id for found in _items(doc)))


def _free_id(doc: JourneyDocument, prefix: str) -> str:
    taken = {p.id for p in doc.journey.phases} | {s.id for _p, s in doc.journey.steps()}
    while (candidate := new_id(prefix)) in taken:  # pragma: no cover - 40 random bits
        pass
    return candidate


# Phases


def add_phase(
    doc: JourneyDocument, *, name_de: str | None, name_en: str | None, position: int | None = None
) -> tuple[JourneyDocument, str]:
    """A new, empty phase named in German and/or English; returns the document and its id."""
    de = clean_text("name_de", name_de, required=False)
    en = clean_text("name_en", name_en, required=False)
    if de is None and en is None:
        raise FieldInvalid("name_de", "error.name_needed", "a German or English name is needed")
    result = _copy(doc)
    phases = result.journey.phases
    phase = Phase(id=_free_id(result, "ph"), name=LocalizedText(de=de, en=en))
    phases.insert(_position("position", position, len(phases)), phase)
    return result, phase.id


def rename_phase(
    doc: JourneyDocument, phase_id: str, *, name_de: str | None, name_en: str | None
) -> JourneyDocument:
    """The phase with new names; ``None`` keeps a language's name, ``""`` clears it."""
    result = _copy(doc)
    phase = find_phase(result, phase_id)
    de = phase.name.de if name_de is None else clean_text("name_de", name_de, required=False)
    en = phase.name.en if name_en is None else clean_text("name_en", name_en, required=False)
    if de is None and en is None:
        raise FieldInvalid("name_de", "error.name_needed", "a German or English name is needed")
    phase.name = LocalizedText(de=de, en=en)
    return result


def move_phase(doc: JourneyDocument, phase_id: str, *, position: int) -> JourneyDocument:
    """The phase moved to ``position`` (0 is first)."""
    result = _copy(doc)
    phases = result.journey.phases
    phase = find_phase(result, phase_id)
    phases.remove(phase)
    phases.insert(_position("position", position, len(phases)), phase)
    return result


def delete_phase(doc: JourneyDocument, phase_id: str) -> JourneyDocument:
    """The document without the phase and its steps (their references go with them)."""
    _refuse_kpis(doc, {phase_id}, "phase")
    result = doc
    for step in list(find_phase(doc, phase_id).steps):
        result = delete_step(result, step.id)
    result = _copy(result)
    result.journey.phases.remove(find_phase(result, phase_id))
    return result


# Steps


def add_step(
    doc: JourneyDocument,
    *,
    phase_id: str,
    title: str | None,
    position: int | None = None,
) -> tuple[JourneyDocument, str]:
    """A new step in ``phase_id``; returns the document and the step's id."""
    text = clean_text("title", title)
    assert text is not None
    result = _copy(doc)
    phase = find_phase(result, phase_id)
    step = Step(id=_free_id(result, "st"), title=text)
    phase.steps.insert(_position("position", position, len(phase.steps)), step)
    return result, step.id


def rename_step(
    doc: JourneyDocument, step_id: str, *, title: str | None, description: str | None = None
) -> JourneyDocument:
    """The step with a new title (and description, when one is given)."""
    text = clean_text("title", title)
    result = _copy(doc)
    _phase, step = find_step(result, step_id)
    step.title = text  # type: ignore[assignment]
    if description is not None:
        step.description = clean_text("description", description, required=False)
    return result


def describe_step(
    doc: JourneyDocument, step_id: str, *, description: str | None
) -> JourneyDocument:
    """The step with a new description; an empty one removes it."""
    text = clean_text("description", description, required=False)
    result = _copy(doc)
    find_step(result, step_id)[1].description = text
    return result


def move_step(
    doc: JourneyDocument, step_id: str, *, phase_id: str, position: int
) -> JourneyDocument:
    """The step moved to ``position`` within ``phase_id`` (its own phase or another)."""
    result = _copy(doc)
    source, step = find_step(result, step_id)
    target = find_phase(result, phase_id)
    source.steps.remove(step)
    target.steps.insert(_position("position", position, len(target.steps)), step)
    return result


def _refuse_kpis(doc: JourneyDocument, ids: set[str], scope: str) -> None:
    for kpi in doc.kpis:
        if kpi.scope == scope and kpi.scope_id in ids:
            raise StepInUse(
                f"KPI {kpi.name!r} is measured on this {scope}; nothing was deleted",
                hint="move the KPI to another scope first",
            )


def delete_step(doc: JourneyDocument, step_id: str) -> JourneyDocument:
    """The document without the step; evidence, hypotheses and measures forget it.

    A KPI measured on the step or one of its touchpoints is not silently dropped: the delete
    is refused, naming the KPI.
    """
    result = _copy(doc)
    phase, step = find_step(result, step_id)
    _refuse_kpis(result, {step.id}, "step")
    _refuse_kpis(result, {t.id for t in step.touchpoints}, "touchpoint")
    phase.steps.remove(step)
    for evidence in result.evidence:
        evidence.step_ids = [s for s in evidence.step_ids if s != step_id]
    for hypothesis in result.hypotheses:
        hypothesis.step_ids = [s for s in hypothesis.step_ids if s != step_id]
    for measure in result.measures:
        measure.step_ids = [s for s in measure.step_ids if s != step_id]
    return result


# Lane items


def add_item(
    doc: JourneyDocument, *, step_id: str, lane: str, text: str | None, position: int | None = None
) -> tuple[JourneyDocument, str]:
    """A new item in a text lane of a step; returns the document and the item's id."""
    check_lane(lane)
    value = clean_text("text", text)
    assert value is not None
    result = _copy(doc)
    _phase, step = find_step(result, step_id)
    items = step.lanes.text_lane(lane)
    item = LaneItem(id=new_id("it"), text=value)
    items.insert(_position("position", position, len(items)), item)
    return result, item.id


def edit_item(doc: JourneyDocument, item_id: str, *, text: str | None) -> JourneyDocument:
    """The lane item with a new text."""
    value = clean_text("text", text)
    result = _copy(doc)
    find_item(result, item_id)[3].text = value  # type: ignore[assignment]
    return result


def move_item(
    doc: JourneyDocument, item_id: str, *, step_id: str, lane: str, position: int
) -> JourneyDocument:
    """The lane item moved to ``position`` in ``lane`` of ``step_id`` (any step, any lane)."""
    check_lane(lane)
    result = _copy(doc)
    _step, _lane, source, item = find_item(result, item_id)
    _phase, target_step = find_step(result, step_id)
    source.remove(item)
    target = target_step.lanes.text_lane(lane)
    target.insert(_position("position", position, len(target)), item)
    return result


def delete_item(doc: JourneyDocument, item_id: str) -> JourneyDocument:
    """The document without the lane item."""
    result = _copy(doc)
    _step, _lane, items, item = find_item(result, item_id)
    items.remove(item)
    return result


# Emotions


def set_emotion(
    doc: JourneyDocument,
    *,
    step_id: str,
    persona_id: str,
    score: int,
    rating: Rating | None = None,
    keep_rating: bool = True,
) -> JourneyDocument:
    """How ``persona_id`` feels at ``step_id``: a score from -2 to +2 and optionally a rating.

    With ``keep_rating`` an existing rating stays when none is given (dragging the curve
    changes only the score).
    """
    if not -2 <= score <= 2:
        raise FieldInvalid("score", "error.score", "must be a whole number from -2 to +2")
    if doc.persona(persona_id) is None:
        raise unknown("persona", persona_id, (p.id for p in doc.personas))
    result = _copy(doc)
    _phase, step = find_step(result, step_id)
    emotions = step.lanes.emotions
    current = next((e for e in emotions if e.persona_id == persona_id), None)
    if current is None:
        emotions.append(Emotion(persona_id=persona_id, score=score, rating=rating))
    else:
        current.score = score
        if rating is not None or not keep_rating:
            current.rating = rating
    return result


# Touchpoints


def find_touchpoint(doc: JourneyDocument, touchpoint_id: str) -> tuple[Step, Touchpoint]:
    """The touchpoint and its step, or a not-found error naming the nearest id."""
    for _phase, step in doc.journey.steps():
        for touchpoint in step.touchpoints:
            if touchpoint.id == touchpoint_id:
                return step, touchpoint
    known = (t.id for _p, s in doc.journey.steps() for t in s.touchpoints)
    raise unknown("touchpoint", touchpoint_id, known)


def _channel(value: str | None) -> str:
    channel = (value or "").strip().lower().replace(" ", "_")
    if not re.fullmatch(r"[a-z0-9][a-z0-9_-]{0,39}", channel):
        raise FieldInvalid(
            "channel", "error.channel", "must be a channel name such as web, email or store"
        )
    return channel


def _choice(field: str, value: str | None, allowed: tuple[str, ...]) -> str:
    if value is None or value not in allowed:
        raise FieldInvalid(
            field,
            "error.choice",
            f"must be one of {', '.join(allowed)}",
            allowed=", ".join(allowed),
        )
    return value


def add_touchpoint(
    doc: JourneyDocument,
    *,
    step_id: str,
    name: str | None,
    channel: str | None,
    mode: str | None,
    ownership: str | None,
) -> tuple[JourneyDocument, str]:
    """A new touchpoint at a step; returns the document and its id."""
    text = clean_text("name", name)
    touchpoint = Touchpoint(
        id=new_id("tp"),
        name=text,
        channel=_channel(channel),
        mode=_choice("mode", mode, ("digital", "personal")),
        ownership=_choice("ownership", ownership, ("direct", "indirect")),
    )
    result = _copy(doc)
    _phase, step = find_step(result, step_id)
    step.touchpoints.append(touchpoint)
    return result, touchpoint.id


def rename_touchpoint(
    doc: JourneyDocument, touchpoint_id: str, *, name: str | None
) -> JourneyDocument:
    """The touchpoint with a new name."""
    text = clean_text("name", name)
    result = _copy(doc)
    find_touchpoint(result, touchpoint_id)[1].name = text  # type: ignore[assignment]
    return result


def move_touchpoint(doc: JourneyDocument, touchpoint_id: str, *, position: int) -> JourneyDocument:
    """The touchpoint moved to ``position`` among its step's touchpoints (0 is first).

    A touchpoint stays in its step: its event mapping and KPIs describe that step's contact.
    """
    result = _copy(doc)
    step, touchpoint = find_touchpoint(result, touchpoint_id)
    step.touchpoints.remove(touchpoint)
    step.touchpoints.insert(_position("position", position, len(step.touchpoints)), touchpoint)
    return result


def delete_touchpoint(doc: JourneyDocument, touchpoint_id: str) -> JourneyDocument:
    """The document without the touchpoint; refused while a KPI is measured on it."""
    _refuse_kpis(doc, {touchpoint_id}, "touchpoint")
    result = _copy(doc)
    step, touchpoint = find_touchpoint(result, touchpoint_id)
    step.touchpoints.remove(touchpoint)
    return result
