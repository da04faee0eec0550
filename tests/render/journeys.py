"""Small journeys for the render tests, declared inline so every expected value is visible."""

from __future__ import annotations

from journeykit.model import (
    Emotion,
    Evidence,
    Journey,
    JourneyDocument,
    Kpi,
    LaneItem,
    Lanes,
    LocalizedText,
    Persona,
    Phase,
    Step,
    Touchpoint,
)
from journeykit.model.lanes import TEXT_LANES

ANNA, BEN = "pe-anna", "pe-ben"

#: Text that would break the SVG if it were not escaped.
NASTY = 'Preis <b>"39 €"</b> & </text><script>alert(1)</script>'


def items(prefix: str, *texts: str) -> list[LaneItem]:
    return [LaneItem(id=f"{prefix}-{i}", text=t) for i, t in enumerate(texts, start=1)]


def full_step(step_id: str, title: str, scores: dict[str, int], **texts: str) -> Step:
    """A step with one item in every text lane (``texts`` overrides a lane's text)."""
    lanes = Lanes(
        emotions=[
            Emotion(persona_id=p, score=s, rating="okay" if s >= 0 else "disappointing")
            for p, s in scores.items()
        ],
        **{
            lane: items(f"{step_id}-{lane}", texts.get(lane, f"{lane} bei {title}"))
            for lane in TEXT_LANES
        },
    )
    touchpoint = Touchpoint(
        id=f"tp-{step_id}",
        name=f"Kanal von {title}",
        channel="web",
        mode="digital",
        ownership="direct",
        importance=4,
    )
    return Step(id=step_id, title=title, touchpoints=[touchpoint], lanes=lanes)


def map_doc() -> JourneyDocument:
    """Two phases (three steps), an empty phase, two personas, evidence and KPIs.

    Ben has no score at the middle step, so his line has a gap.
    """
    first = full_step("st-suchen", "Produkt suchen", {ANNA: 1, BEN: 2}, pain_points=NASTY)
    second = full_step(
        "st-versand",
        "Versandkosten sehen",
        {ANNA: -2},
        needs="Endpreis früh kennen – Größenangaben in Übersicht",
    )
    third = full_step("st-bestellen", "Bestellen", {ANNA: 0, BEN: -1})
    return JourneyDocument(
        format_version=1,
        revision=3,
        personas=[Persona(id=ANNA, name="Anna Sparfuchs"), Persona(id=BEN, name="Ben Bauer")],
        journey=Journey(
            id="jo-karte",
            title="Kauf über Preisvergleich",
            state="as_is",
            persona_ids=[ANNA, BEN],
            phases=[
                Phase(
                    id="awareness",
                    name=LocalizedText(en="Awareness", de="Bewusstsein"),
                    steps=[first],
                ),
                Phase(
                    id="consideration",
                    name=LocalizedText(en="Consideration", de="Überlegung"),
                ),
                Phase(
                    id="acquisition",
                    name=LocalizedText(en="Acquisition", de="Kauf"),
                    steps=[second, third],
                ),
                Phase(
                    id="loyalty",
                    name=LocalizedText(en="Loyalty", de="Loyalität"),
                    optional=True,
                ),
            ],
        ),
        evidence=[
            Evidence(
                id="ev-zitat",
                kind="quote",
                text="„Da habe ich abgebrochen.“",
                source="Interview 4",
                step_ids=["st-versand"],
            )
        ],
        kpis=[
            Kpi(id="kpi-nps", name="NPS", kind="nps", better="higher", target=30),
            Kpi(
                id="kpi-abbruch",
                name="Abbruchquote",
                kind="drop_off",
                scope="step",
                scope_id="st-versand",
                better="lower",
                target=30,
                unit="%",
            ),
        ],
    )
