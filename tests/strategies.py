"""Hypothesis strategies that generate valid journey documents with consistent references."""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import strategies as st

from journeykit.model import (
    Condition,
    Emotion,
    EventMatch,
    Evidence,
    Hypothesis,
    Journey,
    JourneyDocument,
    Kpi,
    LaneItem,
    Lanes,
    LocalizedText,
    Measure,
    Persona,
    Phase,
    Project,
    Scope,
    Segment,
    Step,
    Touchpoint,
)

# Any text a person could type, including umlauts, emoji, quotes, colons and line breaks.
_alphabet = st.characters(
    codec="utf-8", categories=("L", "M", "N", "P", "S", "Zs"), include_characters="\n\t"
)
text = st.text(_alphabet, min_size=1, max_size=40).filter(lambda s: s.strip() != "")
maybe_text = st.none() | text
short_list = st.lists(text, max_size=3)
dates = st.none() | st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2100, 1, 1))


class Ids:
    """Hands out unique ids so generated documents never clash by accident."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, prefix: str) -> str:
        self.count += 1
        return f"{prefix}-{self.count}"


@st.composite
def lane_items(draw: st.DrawFn, ids: Ids) -> list[LaneItem]:
    return [LaneItem(id=ids("it"), text=t) for t in draw(st.lists(text, max_size=2))]


@st.composite
def steps(draw: st.DrawFn, ids: Ids, persona_ids: list[str]) -> Step:
    chosen = draw(st.lists(st.sampled_from(persona_ids), unique=True)) if persona_ids else []
    emotions = [
        Emotion(
            persona_id=pid,
            score=draw(st.integers(-2, 2)),
            rating=draw(st.none() | st.sampled_from(["delighting", "okay", "disappointing"])),
            note=draw(maybe_text),
        )
        for pid in chosen
    ]
    lanes: dict[str, Any] = {
        name: draw(lane_items(ids)) for name in Lanes.model_fields if name != "emotions"
    }
    touchpoints = [
        Touchpoint(
            id=ids("tp"),
            name=draw(text),
            channel=draw(st.sampled_from(["web", "email", "phone", "store", "price_comparison"])),
            mode=draw(st.sampled_from(["digital", "personal"])),
            ownership=draw(st.sampled_from(["direct", "indirect"])),
            importance=draw(st.none() | st.integers(1, 5)),
            event_match=draw(
                st.none()
                | st.builds(
                    EventMatch,
                    events=st.lists(text, min_size=1, max_size=2),
                    syntax=st.sampled_from(["exact", "glob"]),
                )
            ),
        )
        for _ in range(draw(st.integers(0, 2)))
    ]
    return Step(
        id=ids("st"),
        title=draw(text),
        description=draw(maybe_text),
        touchpoints=touchpoints,
        lanes=Lanes(emotions=emotions, **lanes),
    )


scalars = (
    st.text(_alphabet, max_size=10)
    | st.integers(-1000, 1000)
    | st.booleans()
    | st.floats(allow_nan=False, allow_infinity=False, width=32)
)


@st.composite
def conditions(draw: st.DrawFn) -> Condition:
    op = draw(st.sampled_from(["eq", "ne", "lt", "ge", "in", "not_in", "contains"]))
    value = (
        draw(st.lists(scalars, min_size=1, max_size=3)) if op in {"in", "not_in"} else draw(scalars)
    )
    attribute = draw(st.from_regex(r"[a-z_][a-z0-9_]{0,10}", fullmatch=True))
    return Condition(attribute=attribute, op=op, value=value)


@st.composite
def personas(draw: st.DrawFn, ids: Ids) -> Persona:
    return Persona(
        id=ids("pe"),
        name=draw(text),
        scenario=draw(maybe_text),
        demographics=draw(st.dictionaries(text, text, max_size=2)),
        goals=draw(short_list),
        motivations=draw(short_list),
        challenges=draw(short_list),
        information_behaviour=draw(short_list),
        quote=draw(maybe_text),
        segment=draw(
            st.none() | st.builds(Segment, all=st.lists(conditions(), min_size=1, max_size=2))
        ),
    )


@st.composite
def documents(draw: st.DrawFn) -> JourneyDocument:
    """A valid journey document: every id unique, every reference resolving."""
    ids = Ids()
    people = draw(st.lists(personas(ids), max_size=2))
    persona_ids = [p.id for p in people]
    phases = [
        Phase(
            id=ids("ph"),
            name=draw(st.builds(LocalizedText, en=text, de=maybe_text)),
            description=draw(maybe_text),
            optional=draw(st.booleans()),
            steps=draw(st.lists(steps(ids, persona_ids), max_size=3)),
        )
        for _ in range(draw(st.integers(0, 3)))
    ]
    step_ids = [s.id for p in phases for s in p.steps]
    refs = st.lists(st.sampled_from(step_ids), unique=True, max_size=2) if step_ids else st.just([])
    project = draw(
        st.none()
        | st.builds(
            Project,
            id=st.just(ids("pr")),
            name=text,
            goal=maybe_text,
            scope=st.builds(
                Scope, who=maybe_text, what=maybe_text, where=maybe_text, when=maybe_text
            ),
            owner=maybe_text,
            status=st.sampled_from(["draft", "active", "paused", "completed", "archived"]),
        )
    )
    evidence = [
        Evidence(
            id=ids("ev"),
            kind=draw(st.sampled_from(["quote", "observation", "survey", "analytics"])),
            text=draw(text),
            link=draw(st.none() | st.just("https://example.org/x")),
            source=draw(maybe_text),
            date=draw(dates),
            step_ids=draw(refs),
        )
        for _ in range(draw(st.integers(0, 2)))
    ]
    kpis = [
        Kpi(
            id=ids("kpi"),
            name=draw(text),
            kind=draw(st.sampled_from(["nps", "csat", "ces", "conversion", "custom"])),
            target=draw(st.none() | st.floats(-1e6, 1e6, allow_nan=False)),
            better=draw(st.sampled_from(["higher", "lower"])),
            unit=draw(maybe_text),
        )
        for _ in range(draw(st.integers(0, 2)))
    ]
    evidence_ids = [e.id for e in evidence]
    hypotheses = [
        Hypothesis(
            id=ids("hy"),
            statement=draw(text),
            metric=draw(maybe_text),
            expected_direction=draw(st.none() | st.sampled_from(["increase", "decrease"])),
            status=draw(st.sampled_from(["open", "supported", "refuted", "inconclusive"])),
            step_ids=draw(refs),
            evidence_ids=draw(st.lists(st.sampled_from(evidence_ids), unique=True))
            if evidence_ids
            else [],
        )
        for _ in range(draw(st.integers(0, 2)))
    ]
    measures = [
        Measure(
            id=ids("me"),
            title=draw(text),
            step_ids=draw(refs),
            kpi_id=draw(st.none() | st.sampled_from([k.id for k in kpis])) if kpis else None,
            impact=draw(st.integers(1, 5)),
            effort=draw(st.integers(1, 5)),
            owner=draw(maybe_text),
            status=draw(st.sampled_from(["idea", "planned", "in_progress", "done", "dropped"])),
            due_date=draw(dates),
        )
        for _ in range(draw(st.integers(0, 2)))
    ]
    journey = Journey(
        id=ids("jo"),
        title=draw(text),
        description=draw(maybe_text),
        project_id=project.id if project else None,
        state=draw(st.sampled_from(["as_is", "to_be"])),
        persona_ids=persona_ids,
        phases=phases,
    )
    return JourneyDocument(
        format_version=1,
        revision=draw(st.none() | st.integers(1, 500)),
        project=project,
        personas=people,
        journey=journey,
        evidence=evidence,
        hypotheses=hypotheses,
        measures=measures,
        kpis=kpis,
    )
