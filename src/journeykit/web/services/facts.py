"""Evidence, hypotheses, measures and KPIs: add, change and delete them on a named revision.

The edits are pure functions on a copy of the document (as in :mod:`.edits`); the service
functions save the result through :func:`~journeykit.web.services.journeys.edit_journey`, so a
stale base is refused with the current document and nothing is ever half-saved.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from pydantic import ValidationError

from journeykit.model.base import new_id
from journeykit.model.document import JourneyDocument
from journeykit.model.references import check_references
from journeykit.store import Workspace
from journeykit.web.i18n import translate
from journeykit.web.services.actor import Actor
from journeykit.web.services.errors import FieldInvalid, StepInUse, unknown
from journeykit.web.services.fact_fields import (
    Fact,
    FactInvalid,
    FactKind,
    fact_kind,
    read_values,
    record_title,
)
from journeykit.web.services.journeys import Saved, edit_journey


def find_fact(doc: JourneyDocument, kind: FactKind, fact_id: str) -> Fact:
    """The record ``fact_id`` of ``kind``; not found names the nearest id."""
    for record in kind.records(doc):
        if record.id == fact_id:
            return record
    raise unknown(kind.model.__name__.lower(), fact_id, (r.id for r in kind.records(doc)))


def _taken_ids(doc: JourneyDocument) -> set[str]:
    ids = {doc.journey.id, *(p.id for p in doc.personas)}
    ids |= {phase.id for phase in doc.journey.phases}
    for _phase, step in doc.journey.steps():
        ids.add(step.id)
        ids |= {tp.id for tp in step.touchpoints}
    for key in ("evidence", "hypotheses", "measures", "kpis"):
        ids |= {record.id for record in getattr(doc, key)}
    return ids


def _build(kind: FactKind, data: Mapping[str, object]) -> Fact:
    """The model record, with a model rule that still fails reported at its field."""
    try:
        return kind.model.model_validate(dict(data))
    except ValidationError as exc:
        problems = []
        for error in exc.errors():
            where = str(error["loc"][0]) if error["loc"] else kind.title_field
            problems.append(
                FieldInvalid(where, "facts.error.invalid", error["msg"], reason=error["msg"])
            )
        raise FactInvalid(problems) from exc


def _checked(result: JourneyDocument) -> JourneyDocument:
    # read_values checks each reference; this catches anything a later model rule adds.
    issues = check_references(result)
    if issues:
        first = issues[0]
        field = next((str(part) for part in reversed(first.loc) if isinstance(part, str)), "id")
        raise FactInvalid(
            [FieldInvalid(field, "facts.error.invalid", first.message, reason=first.message)]
        )
    return result


def add_fact_to(
    doc: JourneyDocument, kind: FactKind, raw: Mapping[str, object]
) -> tuple[JourneyDocument, str]:
    """A new record of ``kind`` from typed-in values; returns the document and its id."""
    values = read_values(kind, raw, doc)
    taken = _taken_ids(doc)
    while (identifier := new_id(kind.prefix)) in taken:  # pragma: no cover - 40 random bits
        pass
    record = _build(kind, {**{k: v for k, v in values.items() if v is not None}, "id": identifier})
    result = doc.model_copy(update={kind.key: [*kind.records(doc), record]})
    return _checked(result), identifier


def change_fact_in(
    doc: JourneyDocument, kind: FactKind, fact_id: str, raw: Mapping[str, object]
) -> JourneyDocument:
    """The record ``fact_id`` with the fields in ``raw`` changed (the others stay)."""
    current = find_fact(doc, kind, fact_id)
    values = read_values(kind, raw, doc, current=current)
    data = {**current.model_dump(), **values}
    record = _build(kind, data)
    records = [record if r.id == fact_id else r for r in kind.records(doc)]
    return _checked(doc.model_copy(update={kind.key: records}))


def delete_fact_from(doc: JourneyDocument, kind: FactKind, fact_id: str) -> JourneyDocument:
    """The document without the record.

    Hypotheses backed by deleted evidence forget it (the evidence is gone, the hypothesis
    stays). A KPI that a measure is meant to move is not deleted: the measure would silently
    lose its target, so the delete is refused naming the measure.
    """
    record = find_fact(doc, kind, fact_id)
    update: dict[str, object] = {kind.key: [r for r in kind.records(doc) if r.id != fact_id]}
    if kind.key == "kpis":
        users = [m for m in doc.measures if m.kpi_id == fact_id]
        if users:
            names = ", ".join(repr(m.title) for m in users)
            raise StepInUse(
                f"KPI {record_title(kind, record)!r} is the target of measure {names}; "
                "nothing was deleted",
                hint="choose another KPI for the measure first",
            )
    if kind.key == "evidence":
        update["hypotheses"] = [
            h.model_copy(update={"evidence_ids": [e for e in h.evidence_ids if e != fact_id]})
            if fact_id in h.evidence_ids
            else h
            for h in doc.hypotheses
        ]
    return doc.model_copy(update=update)


@dataclass(frozen=True)
class FactSaved:
    """An edit of a fact: the revision it made and the record's id."""

    saved: Saved
    fact_id: str


def _kind_label(kind: FactKind, actor: Actor) -> str:
    return translate(f"facts.kind.{kind.key}", actor.language)


def add_fact(
    ws: Workspace,
    journey_id: str,
    kind_key: str,
    *,
    base_revision: int,
    actor: Actor,
    values: Mapping[str, object],
) -> FactSaved:
    """Add evidence, a hypothesis, a measure or a KPI (``kind_key``) from typed-in values."""
    kind = fact_kind(kind_key)
    made: list[str] = []
    titles: list[str] = []

    def change(doc: JourneyDocument) -> JourneyDocument:
        result, identifier = add_fact_to(doc, kind, values)
        made.append(identifier)
        titles.append(record_title(kind, find_fact(result, kind, identifier)))
        return result

    # The message names the record; it is known only once the values are read.
    info = edit_journey(
        ws,
        journey_id,
        base_revision=base_revision,
        actor=actor,
        message="",
        change=change,
        describe=lambda: translate(
            "facts.rev.add", actor.language, kind=_kind_label(kind, actor), title=titles[0]
        ),
    )
    return FactSaved(Saved(info, made[0]), made[0])


def change_fact(
    ws: Workspace,
    journey_id: str,
    kind_key: str,
    fact_id: str,
    *,
    base_revision: int,
    actor: Actor,
    values: Mapping[str, object],
) -> FactSaved:
    """Change the fields in ``values`` of a fact; the others keep their value."""
    kind = fact_kind(kind_key)
    titles: list[str] = []

    def change(doc: JourneyDocument) -> JourneyDocument:
        result = change_fact_in(doc, kind, fact_id, values)
        titles.append(record_title(kind, find_fact(result, kind, fact_id)))
        return result

    info = edit_journey(
        ws,
        journey_id,
        base_revision=base_revision,
        actor=actor,
        message="",
        change=change,
        describe=lambda: translate(
            "facts.rev.change", actor.language, kind=_kind_label(kind, actor), title=titles[0]
        ),
    )
    return FactSaved(Saved(info), fact_id)


def delete_fact(
    ws: Workspace,
    journey_id: str,
    kind_key: str,
    fact_id: str,
    *,
    base_revision: int,
    actor: Actor,
) -> FactSaved:
    """Delete a fact (refused for a KPI a measure is meant to move)."""
    kind = fact_kind(kind_key)
    titles: list[str] = []

    def change(doc: JourneyDocument) -> JourneyDocument:
        titles.append(record_title(kind, find_fact(doc, kind, fact_id)))
        return delete_fact_from(doc, kind, fact_id)

    info = edit_journey(
        ws,
        journey_id,
        base_revision=base_revision,
        actor=actor,
        message="",
        change=change,
        describe=lambda: translate(
            "facts.rev.delete", actor.language, kind=_kind_label(kind, actor), title=titles[0]
        ),
    )
    return FactSaved(Saved(info), fact_id)
