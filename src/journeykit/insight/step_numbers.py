"""Numbers on the map: what the event log and the feedback say about each step and phase.

:func:`step_numbers` joins a journey map with the workspace's event log (through the
touchpoint rules, see :mod:`journeykit.insight.step_numbers_events` for every definition) and
its feedback (through the touchpoint matches, see
:mod:`journeykit.insight.step_numbers_feedback`), and counts the evidence items linked to
each step. A step with no events, no answers, no comments and no evidence is an
**assumption**: the map says it happens, nothing shows it does.

A workspace without an event log or without feedback still has numbers: the missing part
is simply empty (``has_events`` / ``has_feedback`` say which), never made up.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any

from journeykit.events.engine import Engine
from journeykit.events.rules import RULES_FILE
from journeykit.events.store import EVENTS_FILE, EventStore
from journeykit.feedback.queries import stored_answers, stored_comments
from journeykit.feedback.settings import SETTINGS_FILE, read_settings
from journeykit.feedback.store import FEEDBACK_FILE, FeedbackStore
from journeykit.insight.step_numbers_events import Flow, FlowRow, journey_flow
from journeykit.insight.step_numbers_feedback import (
    ScoreNumber,
    SentimentShare,
    StepVoice,
    TopTheme,
    step_voices,
)
from journeykit.insight.theme_store import workspace_themes
from journeykit.model.document import JourneyDocument
from journeykit.model.errors import JourneykitError
from journeykit.store import Workspace

__all__ = [
    "JourneyNumbers",
    "PhaseNumbers",
    "ScoreNumber",
    "SentimentShare",
    "StepNumbers",
    "TopTheme",
    "cached_step_numbers",
    "step_numbers",
]


class NumbersForOtherJourney(JourneykitError):
    """The document holds another journey than the one asked for."""

    code = "journey_not_in_document"
    status = 404


@dataclass(frozen=True)
class StepNumbers:
    """The numbers of one step of the map (see the module docs for each definition)."""

    step_id: str
    title: str
    phase_id: str
    number: int
    touchpoint_ids: tuple[str, ...]
    customers: int
    previous_step_id: str | None
    converted: int | None
    conversion: float | None
    drop_off: float | None
    median_seconds_from_previous: float | None
    median_seconds_in_step: float | None
    scores: tuple[ScoreNumber, ...]
    sentiment: SentimentShare | None
    top_theme: TopTheme | None
    evidence: int
    detour: bool = False

    @property
    def answers(self) -> int:
        """Survey answers over all kinds of score."""
        return sum(s.responses for s in self.scores)

    @property
    def comments(self) -> int:
        """Comments given at the step."""
        return self.sentiment.comments if self.sentiment else 0

    @property
    def assumption(self) -> bool:
        """No events, no answers, no comments and no evidence back the step."""
        return not (self.customers or self.answers or self.comments or self.evidence)

    def score(self, kind: str) -> ScoreNumber | None:
        """The step's score of ``kind`` (nps, csat, ces), if it has answers of that kind."""
        return next((s for s in self.scores if s.kind == kind), None)

    def as_dict(self) -> dict[str, Any]:
        """The step's numbers as plain data (the ``--json`` and API shape)."""
        data = asdict(self)
        data["touchpoint_ids"] = list(self.touchpoint_ids)
        data["scores"] = [asdict(s) for s in self.scores]
        data["answers"] = self.answers
        data["comments"] = self.comments
        data["assumption"] = self.assumption
        return data


@dataclass(frozen=True)
class PhaseNumbers:
    """One row of the phase funnel of the map."""

    phase_id: str
    name_de: str
    name_en: str
    customers: int
    previous_phase_id: str | None
    conversion: float | None
    step_conversion: float | None
    drop_off: float | None
    median_seconds_in_phase: float | None

    def name(self, language: str) -> str:
        """The phase's name in ``language``."""
        return self.name_de if language == "de" else self.name_en

    def as_dict(self) -> dict[str, Any]:
        """The row as plain data."""
        return asdict(self)


@dataclass(frozen=True)
class JourneyNumbers:
    """The numbers on one revision of a journey map."""

    journey_id: str
    revision: int | None
    has_events: bool
    has_feedback: bool
    entered: int
    steps: tuple[StepNumbers, ...]
    phases: tuple[PhaseNumbers, ...]

    def step(self, step_id: str) -> StepNumbers | None:
        """The numbers of step ``step_id``."""
        return next((s for s in self.steps if s.step_id == step_id), None)

    @property
    def assumptions(self) -> tuple[StepNumbers, ...]:
        """The steps nothing backs."""
        return tuple(s for s in self.steps if s.assumption)

    def lost(self, step: StepNumbers) -> int:
        """How many of the previous step's customers never reach ``step`` after it."""
        previous = self.step(step.previous_step_id or "")
        if previous is None or step.converted is None:
            return 0
        return previous.customers - step.converted

    def biggest_drop_offs(self, count: int = 3) -> list[StepNumbers]:
        """The steps that lose the most customers coming from the previous step (by number,
        not share: losing 90 % of 40 customers matters less than 30 % of 3,000); detours,
        side steps most customers skip, lose nobody."""
        lossy = [s for s in self.steps if not s.detour and self.lost(s) > 0]
        return sorted(lossy, key=lambda s: (-self.lost(s), s.number))[:count]

    def as_dict(self) -> dict[str, Any]:
        """Everything as plain data: the ``journeykit journey numbers --json`` shape."""
        return {
            "journey_id": self.journey_id,
            "revision": self.revision,
            "has_events": self.has_events,
            "has_feedback": self.has_feedback,
            "entered": self.entered,
            "steps": [s.as_dict() for s in self.steps],
            "phases": [p.as_dict() for p in self.phases],
        }


def _flow(folder: Path, document: JourneyDocument) -> Flow | None:
    if not EventStore(folder).exists():
        return None
    journey = document.journey
    steps = list(journey.steps())
    engine = Engine.for_workspace(folder)
    try:
        return journey_flow(
            engine,
            [step.id for _p, step in steps],
            {step.id: [t.id for t in step.touchpoints] for _p, step in steps},
            [phase.id for phase in journey.phases],
            {step.id: phase.id for phase, step in steps},
        )
    finally:
        engine.close()


def _voices(workspace: Workspace, document: JourneyDocument) -> dict[str, StepVoice] | None:
    store = FeedbackStore(workspace.path)
    if not store.exists():
        return None
    comments = stored_comments(store)
    themes = workspace_themes(workspace, comments)
    step_ids = [step.id for _p, step in document.journey.steps()]
    return step_voices(
        stored_answers(store), comments, themes, step_ids, read_settings(workspace.path)
    )


_NO_FLOW = FlowRow("", 0, None, None, None, None, None, None)


def step_numbers(
    workspace: Workspace, document: JourneyDocument, journey_id: str
) -> JourneyNumbers:
    """The numbers of every step and phase of ``document``'s journey, from ``workspace``."""
    journey = document.journey
    if journey.id != journey_id:
        raise NumbersForOtherJourney(
            f"the document holds journey {journey.id!r}, not {journey_id!r}",
            hint="load the journey's own document",
        )
    flow = _flow(workspace.path, document)
    voices = _voices(workspace, document)
    evidence: dict[str, int] = {}
    for item in document.evidence:
        for step_id in set(item.step_ids):
            evidence[step_id] = evidence.get(step_id, 0) + 1
    steps = []
    for number, (phase, step) in enumerate(journey.steps(), start=1):
        moved = flow.steps.get(step.id, _NO_FLOW) if flow else _NO_FLOW
        voice = voices.get(step.id) if voices else None
        steps.append(
            StepNumbers(
                step_id=step.id,
                title=step.title,
                phase_id=phase.id,
                number=number,
                touchpoint_ids=tuple(t.id for t in step.touchpoints),
                customers=moved.customers,
                previous_step_id=moved.previous,
                converted=moved.converted,
                conversion=moved.conversion,
                drop_off=moved.drop_off,
                median_seconds_from_previous=moved.median_seconds_from_previous,
                median_seconds_in_step=moved.median_seconds_in,
                scores=voice.scores if voice else (),
                sentiment=voice.sentiment if voice else None,
                top_theme=voice.top_theme if voice else None,
                evidence=evidence.get(step.id, 0),
                detour=moved.detour,
            )
        )
    phases = []
    for phase in journey.phases:
        row = flow.phases.get(phase.id, _NO_FLOW) if flow else _NO_FLOW
        share = None
        if flow and flow.entered and row.customers:
            share = round(row.customers / flow.entered, 4)
        phases.append(
            PhaseNumbers(
                phase_id=phase.id,
                name_de=phase.name.text("de"),
                name_en=phase.name.text("en"),
                customers=row.customers,
                previous_phase_id=row.previous,
                conversion=share,
                step_conversion=row.conversion,
                drop_off=row.drop_off,
                median_seconds_in_phase=row.median_seconds_in,
            )
        )
    return JourneyNumbers(
        journey_id=journey.id,
        revision=document.revision,
        has_events=flow is not None,
        has_feedback=voices is not None,
        entered=flow.entered if flow else 0,
        steps=tuple(steps),
        phases=tuple(phases),
    )


def _stamp(path: Path) -> tuple[int, int] | None:
    try:
        status = path.stat()
    except FileNotFoundError:
        return None
    return (status.st_mtime_ns, status.st_size)


def data_version(folder: Path) -> tuple[tuple[int, int] | None, ...]:
    """What the numbers depend on besides the map: the event log, the rules, the feedback and
    its settings, each as (modification time, size); cheap to read on every request."""
    return tuple(
        _stamp(folder / name) for name in (EVENTS_FILE, RULES_FILE, FEEDBACK_FILE, SETTINGS_FILE)
    )


class _NumbersCache:
    """The numbers of recently shown revisions, until the event log or feedback changes."""

    def __init__(self, size: int = 16) -> None:
        self._size = size
        self._numbers: OrderedDict[tuple[object, ...], JourneyNumbers] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: tuple[object, ...]) -> JourneyNumbers | None:
        with self._lock:
            found = self._numbers.get(key)
            if found is not None:
                self._numbers.move_to_end(key)
            return found

    def put(self, key: tuple[object, ...], numbers: JourneyNumbers) -> None:
        with self._lock:
            self._numbers[key] = numbers
            while len(self._numbers) > self._size:
                self._numbers.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._numbers.clear()


NUMBERS = _NumbersCache()
_COMPUTING = threading.Lock()


def map_shape(document: JourneyDocument) -> tuple[object, ...]:
    """What of a map its numbers depend on: phases, steps (ids, titles, touchpoints) and the
    evidence linked to steps. Editing a lane item or an emotion leaves it unchanged, so such
    an edit does not compute the numbers again."""
    journey = document.journey
    return (
        journey.id,
        tuple(
            (
                phase.id,
                phase.name.text("de"),
                phase.name.text("en"),
                tuple((s.id, s.title, tuple(t.id for t in s.touchpoints)) for s in phase.steps),
            )
            for phase in journey.phases
        ),
        tuple(sorted((e.id, tuple(sorted(set(e.step_ids)))) for e in document.evidence)),
    )


def numbers_key(workspace: Workspace, document: JourneyDocument) -> tuple[object, ...]:
    """What a journey's numbers are a function of: the map's shape and the data's version."""
    return (str(workspace.path), map_shape(document), data_version(workspace.path))


def cached_step_numbers(workspace: Workspace, document: JourneyDocument) -> JourneyNumbers:
    """:func:`step_numbers` of ``document``, computed once per shape of the map (see
    :func:`map_shape`) and version of the data."""
    key = numbers_key(workspace, document)
    found = NUMBERS.get(key)
    if found is None:
        # Requests for the same numbers wait for one computation rather than run beside it.
        with _COMPUTING:
            found = NUMBERS.get(key)
            if found is None:
                found = step_numbers(workspace, document, document.journey.id)
                NUMBERS.put(key, found)
    if found.revision != document.revision:
        found = replace(found, revision=document.revision)
    return found
