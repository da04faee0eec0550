"""The workshop draft: the demo map as it stood before research confirmed and corrected it.

The draft is derived from the final map by undoing what the research added, so the two stay
consistent and the diff between revision 1 and 2 tells the story of the validation:

- only the evidence the workshop had (:data:`~journeykit.demo.research.WORKSHOP_EVIDENCE_IDS`);
- both hypotheses still open, without evidence;
- no measure for printer-free returns (the interviews brought that up);
- the return step lacks the pain point about printing the return label;
- the shipping-cost step still has its workshop title;
- the workshop assumed reviews come before the product page.
"""

from __future__ import annotations

from journeykit.demo.improvement import RESEARCHED_MEASURE_ID
from journeykit.demo.research import WORKSHOP_EVIDENCE_IDS
from journeykit.model import JourneyDocument, Phase, Step

#: Step titles as the workshop wrote them.
DRAFT_STEP_TITLES: dict[str, str] = {"st-versandkosten-entdecken": "Versandkosten prüfen"}

#: Lane items the workshop had not found yet.
DRAFT_MISSING_LANE_ITEMS: frozenset[str] = frozenset({"st-ruecksendung.pain-2"})

#: Phases whose steps the workshop put in another order.
DRAFT_STEP_ORDER: dict[str, tuple[str, ...]] = {
    "consideration": ("st-bewertungen-lesen", "st-produktseite-pruefen", "st-hotline-fragen"),
}


def _draft_step(step: Step) -> Step:
    pain_points = [p for p in step.lanes.pain_points if p.id not in DRAFT_MISSING_LANE_ITEMS]
    lanes = step.lanes.model_copy(update={"pain_points": pain_points})
    title = DRAFT_STEP_TITLES.get(step.id, step.title)
    return step.model_copy(update={"title": title, "lanes": lanes})


def _draft_phase(phase: Phase) -> Phase:
    steps = [_draft_step(s) for s in phase.steps]
    order = DRAFT_STEP_ORDER.get(phase.id)
    if order is not None:
        by_id = {s.id: s for s in steps}
        steps = [by_id[step_id] for step_id in order]
    return phase.model_copy(update={"steps": steps})


def workshop_draft(final: JourneyDocument) -> JourneyDocument:
    """The workshop version of the demo map ``final``; ``final`` itself is left unchanged."""
    journey = final.journey.model_copy(
        update={"phases": [_draft_phase(p) for p in final.journey.phases]}
    )
    hypotheses = [
        h.model_copy(update={"status": "open", "evidence_ids": []}) for h in final.hypotheses
    ]
    return final.model_copy(
        update={
            "journey": journey,
            "evidence": [e for e in final.evidence if e.id in WORKSHOP_EVIDENCE_IDS],
            "hypotheses": hypotheses,
            "measures": [m for m in final.measures if m.id != RESEARCHED_MEASURE_ID],
        }
    )
