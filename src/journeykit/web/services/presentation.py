"""The presentation ("showroom"): a journey walked through step by step, phase by phase.

The same slides serve signed-in people (``/journeys/{id}/present``) and share links
(``/s/{token}``); a share link first takes out what it hides (:func:`visible_document`), so
what it leaves out is never in the page at all.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from journeykit.model.document import JourneyDocument
from journeykit.model.evidence import Evidence
from journeykit.model.journey import Journey, Phase, Step
from journeykit.model.lanes import TEXT_LANES, Emotion, LaneItem
from journeykit.model.persona import Persona
from journeykit.model.touchpoint import Touchpoint
from journeykit.render.emotion_curve import emotion_curve_svg

#: Width of one step in the presentation's emotion curve (the page scales the drawing).
CURVE_COLUMN = 120

#: The text lanes a slide shows, in this order: pains and love points first, as the
#: showroom is about how the step feels; the service-blueprint lanes last.
SLIDE_LANES: tuple[str, ...] = (
    "pain_points",
    "love_points",
    "actions",
    "thoughts",
    "needs",
    "opportunities",
    "frontstage",
    "backstage",
    "support_processes",
)


def _visible_step(step: Step, lanes: Collection[str], items: Collection[str]) -> Step:
    kept: dict[str, object] = {
        lane: [] if lane in lanes else [i for i in step.lanes.text_lane(lane) if i.id not in items]
        for lane in TEXT_LANES
    }
    kept["emotions"] = [] if "emotions" in lanes else list(step.lanes.emotions)
    touchpoints: list[Touchpoint] = (
        [] if "touchpoints" in lanes else [t for t in step.touchpoints if t.id not in items]
    )
    # A copy that only drops records cannot break the step's rules: no need to validate.
    new_lanes = step.lanes.model_copy(update=kept)
    return step.model_copy(update={"lanes": new_lanes, "touchpoints": touchpoints})


def visible_document(
    doc: JourneyDocument, *, hidden_lanes: Collection[str], hidden_items: Collection[str]
) -> JourneyDocument:
    """``doc`` without the hidden lanes and items, and without anything a presentation does
    not show (project, hypotheses, measures, KPIs); evidence goes with the evidence lane."""
    lanes = set(hidden_lanes)
    items = set(hidden_items)
    phases: list[Phase] = [
        phase.model_copy(update={"steps": [_visible_step(s, lanes, items) for s in phase.steps]})
        for phase in doc.journey.phases
    ]
    journey: Journey = doc.journey.model_copy(update={"phases": phases})
    evidence: list[Evidence] = (
        [] if "evidence" in lanes else [e for e in doc.evidence if e.id not in items]
    )
    personas: list[Persona] = list(doc.personas) if "emotions" not in lanes else []
    return doc.model_copy(
        update={
            "journey": journey,
            "project": None,
            "evidence": evidence,
            "personas": personas,
            "hypotheses": [],
            "measures": [],
            "kpis": [],
        }
    )


@dataclass(frozen=True)
class Slide:
    """One step of the walk: where it is, what the customer meets, feels and says."""

    number: int
    phase: Phase
    phase_index: int
    step: Step
    evidence: list[Evidence]
    emotions: list[tuple[Persona | None, Emotion]]

    def lane_items(self, lane: str) -> list[LaneItem]:
        """The step's items in a text lane."""
        return self.step.lanes.text_lane(lane)


def slides(doc: JourneyDocument) -> list[Slide]:
    """A slide per step in map order (a phase without steps has none)."""
    evidence_of: dict[str, list[Evidence]] = {}
    for evidence in doc.evidence:
        for step_id in evidence.step_ids:
            evidence_of.setdefault(step_id, []).append(evidence)
    result: list[Slide] = []
    for phase_index, phase in enumerate(doc.journey.phases):
        for step in phase.steps:
            result.append(
                Slide(
                    number=len(result) + 1,
                    phase=phase,
                    phase_index=phase_index,
                    step=step,
                    evidence=evidence_of.get(step.id, []),
                    emotions=[(doc.persona(e.persona_id), e) for e in step.lanes.emotions],
                )
            )
    return result


def presentation_curve(doc: JourneyDocument, language: str) -> str:
    """The whole journey's emotion curve, drawn once: the page marks the current step on it.
    Empty when no step has an emotion (nothing to draw)."""
    if not any(step.lanes.emotions for _phase, step in doc.journey.steps()):
        return ""
    return emotion_curve_svg(
        doc, doc.journey.id, column_width=CURVE_COLUMN, language=language, editable=False
    )
