"""The discovered journey as a journey document, and accepted draft items merged into a map.

:func:`draft_document` writes the draft in the journey file format (what ``journeykit
discover --json`` prints). :func:`accept_items` takes a drawn map and the ids of the draft
items a person accepted (``step:<id>`` for a step, the item's id for a pain point or
opportunity) and returns the map with them added: a step goes into the phase of the same id
(created, in default-phase order, when the map has none), after the map's step that the draft
step before it stands for; a pain point or opportunity goes on the map's step its draft step
stands for. A draft step *stands for* a drawn step when the drawn step has the touchpoint the
rules gave the event, or a touchpoint matching the event by name.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from journeykit.insight.discovery import DISCOVERED_PHASE, DiscoveredStep, Discovery
from journeykit.model.base import LocalizedText
from journeykit.model.document import FORMAT_VERSION, JourneyDocument
from journeykit.model.errors import JourneykitError, did_you_mean
from journeykit.model.journey import DEFAULT_PHASES, Journey, Phase, Step
from journeykit.model.lanes import LaneItem, Lanes
from journeykit.model.touchpoint import EventMatch, Touchpoint

#: Channels where customer and company meet in person or by voice.
_PERSONAL = frozenset({"phone", "store", "letter", "parcel"})
#: Channels the company does not own.
_INDIRECT = frozenset({"price_comparison", "review_site", "word_of_mouth", "social"})
_PHASE_NAMES = {key: (en, de) for key, en, de, _o in DEFAULT_PHASES}
_PHASE_NAMES[DISCOVERED_PHASE] = ("Discovered journey", "Entdeckte Journey")
_PHASE_RANK = {key: n for n, (key, *_r) in enumerate(DEFAULT_PHASES)}


class UnknownDraftItem(JourneykitError):
    """An accepted id that the draft does not have."""

    code = "unknown_draft_item"
    status = 422


class DraftStepMissing(JourneykitError):
    """A pain point was accepted for a draft step that is not on the map and not accepted."""

    code = "draft_step_missing"
    status = 422


def step_key(step_id: str) -> str:
    """The id under which a draft step is accepted."""
    return f"step:{step_id}"


def channel_name(value: str | None) -> str:
    """A log's channel as a touchpoint channel (lower case, ``_`` for other characters);
    ``other`` when the event has none."""
    if not value:
        return "other"
    cleaned = re.sub(r"[^a-z0-9_-]+", "_", value.lower()).strip("_-")[:40]
    return cleaned or "other"


def _touchpoint(step: DiscoveredStep, touchpoint_id: str) -> Touchpoint:
    channel = channel_name(step.channel)
    return Touchpoint(
        id=touchpoint_id,
        name=step.title,
        channel=channel,
        mode="personal" if channel in _PERSONAL else "digital",
        ownership="indirect" if channel in _INDIRECT else "direct",
        event_match=EventMatch(events=[step.event]),
    )


def _phase(phase_id: str) -> Phase:
    en, de = _PHASE_NAMES.get(phase_id, (phase_id, phase_id))
    return Phase(id=phase_id, name=LocalizedText(en=en, de=de))


def phase_name(phase_id: str, language: str, document: JourneyDocument | None = None) -> str:
    """The name of a draft phase: the drawn map's, else the default phase's, else its id."""
    if document is not None:
        for phase in document.journey.phases:
            if phase.id == phase_id:
                return phase.name.text(language)
    return _phase(phase_id).name.text(language)


def _lanes(step: DiscoveredStep, language: str, step_id: str) -> Lanes:
    lanes = Lanes()
    for n, item in enumerate(step.items, start=1):
        entry = LaneItem(id=f"{step_id}.{item.kind}-{n}", text=item.text(language))
        getattr(lanes, item.lane).append(entry)
    return lanes


def draft_document(
    discovery: Discovery, *, language: str = "de", journey_id: str = "discovered"
) -> JourneyDocument:
    """The draft as a journey document: one step per frequent event, its items in its lanes."""
    phases = {phase_id: _phase(phase_id) for phase_id in discovery.phases}
    for step in discovery.steps:
        phases[step.phase_id].steps.append(
            Step(
                id=step.id,
                title=step.title,
                description=_description(step, language),
                touchpoints=[_touchpoint(step, "tp-" + step.id.removeprefix("st-"))],
                lanes=_lanes(step, language, step.id),
            )
        )
    title = "Entdeckte Ist-Journey" if language == "de" else "Discovered as-is journey"
    description = (
        f"Aus dem Ereignisprotokoll von {discovery.customers} Kunden vorgeschlagen"
        if language == "de"
        else f"Proposed from the event log of {discovery.customers} customers"
    )
    return JourneyDocument(
        format_version=FORMAT_VERSION,
        journey=Journey(
            id=journey_id,
            title=title,
            description=description,
            state="as_is",
            phases=list(phases.values()),
        ),
    )


def _description(step: DiscoveredStep, language: str) -> str:
    share = f"{step.share * 100:.0f} %"
    if language == "de":
        return f"Ereignis „{step.event}“: {step.customers} Kunden ({share})"
    return f"Event “{step.event}”: {step.customers} customers ({share})"


def stands_for(document: JourneyDocument, step: DiscoveredStep) -> str | None:
    """The drawn step a draft step stands for, if the map has one."""
    for _phase, drawn in document.journey.steps():
        for touchpoint in drawn.touchpoints:
            if step.rule_touchpoint is not None and touchpoint.id == step.rule_touchpoint:
                return drawn.id
            match = touchpoint.event_match
            if match is not None and match.syntax == "exact" and step.event in match.events:
                return drawn.id
    return None


def draft_keys(discovery: Discovery) -> list[str]:
    """Every id a person can accept, in draft order."""
    keys = []
    for step in discovery.steps:
        keys.append(step_key(step.id))
        keys.extend(item.id for item in step.items)
    return keys


def _free(taken: set[str], wanted: str) -> str:
    candidate, n = wanted, 2
    while candidate in taken:
        candidate, n = f"{wanted}-{n}", n + 1
    taken.add(candidate)
    return candidate


def _ids(document: JourneyDocument) -> set[str]:
    taken = set()
    for phase, step in document.journey.steps():
        taken.update({phase.id, step.id})
        taken.update(t.id for t in step.touchpoints)
        for lane in ("actions", "thoughts", "needs", "pain_points", "love_points", "opportunities"):
            taken.update(item.id for item in step.lanes.text_lane(lane))
    taken.update(phase.id for phase in document.journey.phases)
    return taken


def _target_phase(journey: Journey, phase_id: str) -> Phase:
    for phase in journey.phases:
        if phase.id == phase_id:
            return phase
    phase = _phase(phase_id)
    rank = _PHASE_RANK.get(phase_id)
    position = len(journey.phases)
    if rank is not None:
        later = [i for i, p in enumerate(journey.phases) if _PHASE_RANK.get(p.id, -1) > rank]
        position = later[0] if later else position
    journey.phases.insert(position, phase)
    return phase


def accept_items(
    document: JourneyDocument,
    discovery: Discovery,
    accepted: Collection[str],
    *,
    language: str,
) -> JourneyDocument:
    """``document`` with the accepted draft steps, pain points and opportunities added."""
    keys = draft_keys(discovery)
    for key in accepted:
        if key not in keys:
            suggestion = did_you_mean(key, keys)
            raise UnknownDraftItem(
                f"the discovered journey has no item {key!r}"
                + (f"; did you mean {suggestion!r}?" if suggestion else ""),
                hint="the draft changes with the event log: open the review page again",
            )
    result = document.model_copy(deep=True)
    journey = result.journey
    taken = _ids(result)
    placed: dict[str, str] = {}
    for step in discovery.steps:
        drawn = stands_for(result, step)
        if drawn is not None:
            placed[step.id] = drawn
    for index, step in enumerate(discovery.steps):
        if step.id in placed or step_key(step.id) not in accepted:
            continue
        phase = _target_phase(journey, step.phase_id)
        position = 0
        for earlier in reversed(discovery.steps[:index]):
            anchor = placed.get(earlier.id)
            ids = [s.id for s in phase.steps]
            if anchor in ids:
                position = ids.index(anchor) + 1
                break
        new_id = _free(taken, step.id)
        touchpoint_id = _free(taken, "tp-" + step.id.removeprefix("st-"))
        phase.steps.insert(
            position,
            Step(
                id=new_id,
                title=step.title,
                description=_description(step, language),
                touchpoints=[_touchpoint(step, touchpoint_id)],
            ),
        )
        placed[step.id] = new_id
    steps = {s.id: s for _p, s in journey.steps()}
    for step in discovery.steps:
        for item in step.items:
            if item.id not in accepted:
                continue
            target = placed.get(step.id)
            if target is None:
                raise DraftStepMissing(
                    f"{item.text(language)!r} belongs to the draft step {step.title!r}, which "
                    "is not on the map",
                    hint="accept the step too, or add it to the map first",
                )
            lane = steps[target].lanes.text_lane(item.lane)
            text = item.text(language)
            if any(existing.text == text for existing in lane):
                continue
            lane.append(LaneItem(id=_free(taken, f"{target}.{item.kind}"), text=text))
    return result
