"""Checks that span the document: every id unique, every reference pointing at something.

Pydantic checks each record on its own; these rules need the whole document. Each problem is
an :class:`~journeykit.model.errors.Issue` whose path points at the offending value.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from journeykit.model.document import JourneyDocument
from journeykit.model.errors import did_you_mean

Loc = tuple[str | int, ...]


def format_path(loc: Loc) -> str:
    """``("journey", "phases", 0, "title")`` → ``journey.phases[0].title``."""
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else part
    return text


@dataclass(frozen=True)
class LocatedIssue:
    """An issue still carrying its raw location, before file and line are known."""

    loc: Loc
    code: str
    message: str
    suggestion: str | None = None


def _ids(doc: JourneyDocument) -> Iterator[tuple[Loc, str, str]]:
    """Every id the document defines: (location of the id, kind, id)."""
    if doc.project is not None:
        yield ("project", "id"), "project", doc.project.id
    for i, persona in enumerate(doc.personas):
        yield ("personas", i, "id"), "persona", persona.id
    yield ("journey", "id"), "journey", doc.journey.id
    for p, phase in enumerate(doc.journey.phases):
        yield ("journey", "phases", p, "id"), "phase", phase.id
        for s, step in enumerate(phase.steps):
            step_loc: Loc = ("journey", "phases", p, "steps", s)
            yield (*step_loc, "id"), "step", step.id
            for t, touchpoint in enumerate(step.touchpoints):
                yield (*step_loc, "touchpoints", t, "id"), "touchpoint", touchpoint.id
            for lane in type(step.lanes).model_fields:
                if lane == "emotions":
                    continue
                for k, item in enumerate(step.lanes.text_lane(lane)):
                    yield (*step_loc, "lanes", lane, k, "id"), "lane item", item.id
    for field, kind in (
        ("evidence", "evidence"),
        ("hypotheses", "hypothesis"),
        ("measures", "measure"),
        ("kpis", "kpi"),
    ):
        for i, record in enumerate(getattr(doc, field)):
            yield (field, i, "id"), kind, record.id


def _dangling(loc: Loc, target: str, kind: str, known: Iterable[str]) -> LocatedIssue:
    pool = list(known)
    return LocatedIssue(
        loc,
        "dangling_reference",
        f"refers to {kind} {target!r}, which the document does not define",
        did_you_mean(target, pool),
    )


def check_references(doc: JourneyDocument) -> list[LocatedIssue]:
    """All duplicate ids and dangling references in ``doc``, in document order."""
    issues: list[LocatedIssue] = []
    by_kind: dict[str, set[str]] = {}
    first_seen: dict[str, Loc] = {}
    for loc, kind, identifier in _ids(doc):
        if identifier in first_seen:
            issues.append(
                LocatedIssue(
                    loc,
                    "duplicate_id",
                    f"id {identifier!r} is already used at {format_path(first_seen[identifier])}",
                )
            )
            continue
        first_seen[identifier] = loc
        by_kind.setdefault(kind, set()).add(identifier)

    def check(loc: Loc, target: str | None, *kinds: str) -> None:
        if target is None:
            return
        if any(target in by_kind.get(kind, set()) for kind in kinds):
            return
        known = set().union(*(by_kind.get(kind, set()) for kind in kinds))
        issues.append(_dangling(loc, target, " or ".join(kinds), known))

    journey = doc.journey
    if doc.project is not None:
        check(("journey", "project_id"), journey.project_id, "project")
    for i, persona_id in enumerate(journey.persona_ids):
        check(("journey", "persona_ids", i), persona_id, "persona")
    for p, phase in enumerate(journey.phases):
        for s, step in enumerate(phase.steps):
            for e, emotion in enumerate(step.lanes.emotions):
                where: Loc = ("journey", "phases", p, "steps", s, "lanes", "emotions", e)
                check((*where, "persona_id"), emotion.persona_id, "persona")
                if any(o.persona_id == emotion.persona_id for o in step.lanes.emotions[:e]):
                    issues.append(
                        LocatedIssue(
                            (*where, "persona_id"),
                            "duplicate_id",
                            f"persona {emotion.persona_id!r} already has an emotion at this step",
                        )
                    )
    for i, evidence in enumerate(doc.evidence):
        for k, step_id in enumerate(evidence.step_ids):
            check(("evidence", i, "step_ids", k), step_id, "step")
    for i, hypothesis in enumerate(doc.hypotheses):
        for k, step_id in enumerate(hypothesis.step_ids):
            check(("hypotheses", i, "step_ids", k), step_id, "step")
        for k, evidence_id in enumerate(hypothesis.evidence_ids):
            check(("hypotheses", i, "evidence_ids", k), evidence_id, "evidence")
        if hypothesis.test is not None:
            metric, compare = hypothesis.test.metric, hypothesis.test.compare
            at: Loc = ("hypotheses", i, "test")
            check((*at, "metric", "from_id"), metric.from_id, "step", "touchpoint")
            check((*at, "metric", "to_id"), metric.to_id, "step", "touchpoint")
            check((*at, "metric", "at"), metric.at, "phase", "step", "touchpoint")
            check((*at, "compare", "touchpoint_id"), compare.touchpoint_id, "touchpoint")
            if compare.by == "steps":
                check((*at, "compare", "a"), compare.a, "phase", "step", "touchpoint")
                check((*at, "compare", "b"), compare.b, "phase", "step", "touchpoint")
    for i, measure in enumerate(doc.measures):
        for k, step_id in enumerate(measure.step_ids):
            check(("measures", i, "step_ids", k), step_id, "step")
        check(("measures", i, "kpi_id"), measure.kpi_id, "kpi")
        if measure.control is not None:
            check(("measures", i, "control", "step_id"), measure.control.step_id, "step")
            check(
                ("measures", i, "control", "touchpoint_id"),
                measure.control.touchpoint_id,
                "touchpoint",
            )
    for i, kpi in enumerate(doc.kpis):
        if kpi.scope != "journey":
            check(("kpis", i, "scope_id"), kpi.scope_id, kpi.scope)
        check(("kpis", i, "from_id"), kpi.from_id, "step", "touchpoint")
        check(("kpis", i, "to_id"), kpi.to_id, "step", "touchpoint")
    return issues
