"""Small helpers that keep the hand-written demo map short and its ids stable.

Every record of the demo gets an explicit id. Lane items take theirs from the step and the
lane, e.g. the second pain point of ``st-ruecksendung`` is ``st-ruecksendung.pain-2``, so two
builds of the demo are equal and a revision diff lines items up by id.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from journeykit.model import Emotion, EventMatch, LaneItem, Lanes, Step, Touchpoint
from journeykit.model.lanes import Rating
from journeykit.model.touchpoint import Ownership

#: The short lane names used in lane item ids.
LANE_ID_PARTS: dict[str, str] = {
    "actions": "act",
    "thoughts": "think",
    "needs": "need",
    "pain_points": "pain",
    "love_points": "love",
    "opportunities": "opp",
    "frontstage": "front",
    "backstage": "back",
    "support_processes": "support",
}


def lane_item_id(step_id: str, lane: str, number: int) -> str:
    """The id of the ``number``-th (1-based) item of ``lane`` at the step ``step_id``."""
    return f"{step_id}.{LANE_ID_PARTS[lane]}-{number}"


def rating_for(score: int) -> Rating:
    """The customer's own rating that goes with an emotion score in the demo.

    Only the peaks delight; a slightly positive moment is still just "okay".
    """
    if score >= 2:
        return "delighting"
    if score <= -1:
        return "disappointing"
    return "okay"


def feel(persona_id: str, score: int, note: str | None = None) -> Emotion:
    """How the persona ``persona_id`` feels at a step, with the rating the score implies."""
    return Emotion(persona_id=persona_id, score=score, rating=rating_for(score), note=note)


def digital(
    touchpoint_id: str,
    name: str,
    channel: str,
    ownership: Ownership,
    importance: int,
    events: Sequence[str],
    properties: Mapping[str, str] | None = None,
) -> Touchpoint:
    """A digital touchpoint and the events of the event log that belong to it."""
    return Touchpoint(
        id=touchpoint_id,
        name=name,
        channel=channel,
        mode="digital",
        ownership=ownership,
        importance=importance,
        event_match=EventMatch(events=list(events), properties=dict(properties or {})),
    )


def personal(
    touchpoint_id: str,
    name: str,
    channel: str,
    ownership: Ownership,
    importance: int,
    events: Sequence[str] = (),
    properties: Mapping[str, str] | None = None,
) -> Touchpoint:
    """A personal (person-to-person or physical) touchpoint; a call log may still record it."""
    match = EventMatch(events=list(events), properties=dict(properties or {})) if events else None
    return Touchpoint(
        id=touchpoint_id,
        name=name,
        channel=channel,
        mode="personal",
        ownership=ownership,
        importance=importance,
        event_match=match,
    )


def _items(step_id: str, lane: str, texts: Sequence[str]) -> list[LaneItem]:
    return [
        LaneItem(id=lane_item_id(step_id, lane, number), text=text)
        for number, text in enumerate(texts, start=1)
    ]


def step(
    step_id: str,
    title: str,
    description: str,
    *,
    touchpoints: Sequence[Touchpoint],
    actions: Sequence[str],
    thoughts: Sequence[str],
    needs: Sequence[str],
    pain_points: Sequence[str],
    love_points: Sequence[str],
    opportunities: Sequence[str],
    frontstage: Sequence[str],
    backstage: Sequence[str],
    support_processes: Sequence[str],
    emotions: Sequence[Emotion],
) -> Step:
    """A step with every lane given as plain texts; lane item ids follow :func:`lane_item_id`."""
    lanes = Lanes(
        actions=_items(step_id, "actions", actions),
        thoughts=_items(step_id, "thoughts", thoughts),
        emotions=list(emotions),
        needs=_items(step_id, "needs", needs),
        pain_points=_items(step_id, "pain_points", pain_points),
        love_points=_items(step_id, "love_points", love_points),
        opportunities=_items(step_id, "opportunities", opportunities),
        frontstage=_items(step_id, "frontstage", frontstage),
        backstage=_items(step_id, "backstage", backstage),
        support_processes=_items(step_id, "support_processes", support_processes),
    )
    return Step(
        id=step_id,
        title=title,
        description=description,
        touchpoints=list(touchpoints),
        lanes=lanes,
    )
