"""What the map page shows: columns, lanes, badges and the emotion curve of a journey."""

from __future__ import annotations

from dataclasses import dataclass, field

from journeykit.model.document import JourneyDocument
from journeykit.model.journey import Journey, Phase, Step
from journeykit.model.lanes import TEXT_LANES
from journeykit.render.emotion_curve import curve_personas, emotion_curve_svg, score_y
from journeykit.render.labels import LANE_ORDER as RENDER_LANE_ORDER

#: Width of one step column in pixels: the page's grid and the emotion curve share it.
COLUMN_WIDTH = 232

#: The rows of the map, top to bottom (the same order the exported drawing uses).
LANE_ORDER: tuple[str, ...] = RENDER_LANE_ORDER

#: Lanes a view may hide (every row of the map).
HIDEABLE = LANE_ORDER


@dataclass
class StepFacts:
    """What backs a step: evidence, hypotheses, measures and KPIs that name it."""

    evidence: list[str] = field(default_factory=list)
    hypotheses: list[str] = field(default_factory=list)
    measures: list[str] = field(default_factory=list)
    kpis: list[str] = field(default_factory=list)

    @property
    def total(self) -> int:
        """How many facts touch the step."""
        return len(self.evidence) + len(self.hypotheses) + len(self.measures) + len(self.kpis)


def step_facts(doc: JourneyDocument) -> dict[str, StepFacts]:
    """The facts of every step, by step id."""
    facts = {step.id: StepFacts() for _phase, step in doc.journey.steps()}
    touchpoint_steps = {
        touchpoint.id: step.id
        for _phase, step in doc.journey.steps()
        for touchpoint in step.touchpoints
    }
    for evidence in doc.evidence:
        for step_id in evidence.step_ids:
            facts[step_id].evidence.append(evidence.id)
    for hypothesis in doc.hypotheses:
        for step_id in hypothesis.step_ids:
            facts[step_id].hypotheses.append(hypothesis.id)
    for measure in doc.measures:
        for step_id in measure.step_ids:
            facts[step_id].measures.append(measure.id)
    for kpi in doc.kpis:
        scoped = kpi.scope_id if kpi.scope == "step" else touchpoint_steps.get(kpi.scope_id or "")
        if scoped is not None and scoped in facts:
            facts[scoped].kpis.append(kpi.id)
    return facts


def parse_hidden(value: str | None) -> tuple[str, ...]:
    """Lanes named in a comma list (unknown names are ignored: a view is not a form)."""
    if not value:
        return ()
    names = [part.strip() for part in value.split(",")]
    return tuple(lane for lane in LANE_ORDER if lane in names)


def curve_document(doc: JourneyDocument) -> JourneyDocument:
    """The document as the emotion curve should draw it under the page's grid.

    An empty phase still takes one column on the page (to drop steps into), so the curve gets
    a placeholder step there: its columns then line up with the page's.
    """
    if all(phase.steps for phase in doc.journey.phases):
        return doc
    phases: list[Phase] = [
        phase
        if phase.steps
        else phase.model_copy(update={"steps": [Step(id=f"empty-{phase.id}"[:80], title="·")]})
        for phase in doc.journey.phases
    ]
    journey: Journey = doc.journey.model_copy(update={"phases": phases})
    return doc.model_copy(update={"journey": journey})


def emotion_curve(doc: JourneyDocument, language: str) -> str:
    """The editable emotion curve from ``journeykit.render`` (the same drawing as exports)."""
    return emotion_curve_svg(
        curve_document(doc),
        doc.journey.id,
        column_width=COLUMN_WIDTH,
        language=language,
        editable=True,
    )


def column_count(doc: JourneyDocument) -> int:
    """How many step columns the page's grid has (an empty phase takes one)."""
    return sum(max(1, len(phase.steps)) for phase in doc.journey.phases)


def is_text_lane(lane: str) -> bool:
    """Whether ``lane`` holds text items (as opposed to touchpoints or emotions)."""
    return lane in TEXT_LANES


def score_scale() -> dict[str, float]:
    """Where the curve draws +2 and -2 (its y for each), so the page's script can turn a
    dragged point's height back into a score."""
    return {"top": score_y(2, 0), "bottom": score_y(-2, 0)}


def persona_colours(doc: JourneyDocument) -> dict[str, str]:
    """The colour of each persona's line in the curve, by persona id."""
    return {persona.id: persona.colour for persona in curve_personas(doc)}
