"""Structured differences between two versions of a journey document.

Records are matched by id, so a renamed step is *changed*, not removed and added. An item is
*moved* when it changed container (a step to another phase, a lane item to another lane or
step) or when it left the longest run of items that kept their relative order in its
container: inserting a step before others does not report the others as moved.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from pydantic import BaseModel

from journeykit.model.document import JourneyDocument
from journeykit.model.lanes import TEXT_LANES
from journeykit.model.project import Project

ChangeKind = Literal["added", "removed", "changed", "moved"]


@dataclass(frozen=True)
class FieldChange:
    """One field of a record with its old and new value (plain JSON values)."""

    field: str
    old: Any
    new: Any


@dataclass(frozen=True)
class Change:
    """One difference: what kind, which record, where it sits, and what changed in it."""

    kind: ChangeKind
    entity: str
    id: str
    label: str
    where: str = ""
    fields: tuple[FieldChange, ...] = ()
    moved_from: str | None = None
    moved_to: str | None = None

    def to_data(self) -> dict[str, Any]:
        """The change as plain data (for JSON output and the API)."""
        data: dict[str, Any] = {
            "kind": self.kind,
            "entity": self.entity,
            "id": self.id,
            "label": self.label,
            "where": self.where,
        }
        if self.fields:
            data["fields"] = [{"field": f.field, "old": f.old, "new": f.new} for f in self.fields]
        if self.kind == "moved":
            data["moved_from"] = self.moved_from
            data["moved_to"] = self.moved_to
        return data


@dataclass(frozen=True)
class JourneyDiff:
    """All differences between two documents, in map order."""

    changes: tuple[Change, ...] = field(default_factory=tuple)

    def is_empty(self) -> bool:
        """Whether the two documents have the same content."""
        return not self.changes

    def counts(self) -> dict[str, int]:
        """How many changes of each kind (added, removed, changed, moved)."""
        result = {"added": 0, "removed": 0, "changed": 0, "moved": 0}
        for change in self.changes:
            result[change.kind] += 1
        return result

    def to_data(self) -> list[dict[str, Any]]:
        """Every change as plain data."""
        return [change.to_data() for change in self.changes]


@dataclass(frozen=True)
class _Placed:
    """A record located in its container, with the values that are compared."""

    container: str
    container_label: str
    index: int
    label: str
    values: dict[str, Any]


def _values(record: BaseModel, *, exclude: Iterable[str] = ()) -> dict[str, Any]:
    return record.model_dump(mode="json", exclude={"id", *exclude})


def _longest_kept_order(old: list[str], new: list[str]) -> set[str]:
    """Ids in the longest common subsequence of two orderings of the same ids."""
    rows, cols = len(old), len(new)
    table = [[0] * (cols + 1) for _ in range(rows + 1)]
    for i in range(rows - 1, -1, -1):
        for j in range(cols - 1, -1, -1):
            if old[i] == new[j]:
                table[i][j] = table[i + 1][j + 1] + 1
            else:
                table[i][j] = max(table[i + 1][j], table[i][j + 1])
    kept: set[str] = set()
    i = j = 0
    while i < rows and j < cols:
        if old[i] == new[j]:
            kept.add(old[i])
            i, j = i + 1, j + 1
        elif table[i + 1][j] >= table[i][j + 1]:
            i += 1
        else:
            j += 1
    return kept


def _compare(entity: str, old: dict[str, _Placed], new: dict[str, _Placed]) -> Iterator[Change]:
    common = [key for key in new if key in old]
    moved: set[str] = {key for key in common if old[key].container != new[key].container}
    containers = {new[key].container for key in common if key not in moved}
    for container in containers:
        stayed = [k for k in common if k not in moved and new[k].container == container]
        old_order = sorted(stayed, key=lambda k: old[k].index)
        new_order = sorted(stayed, key=lambda k: new[k].index)
        moved |= set(stayed) - _longest_kept_order(old_order, new_order)

    for key, placed in new.items():
        if key not in old:
            yield Change("added", entity, key, placed.label, placed.container_label)
            continue
        before = old[key]
        fields = tuple(
            FieldChange(name, before.values.get(name), value)
            for name, value in placed.values.items()
            if before.values.get(name) != value
        )
        if fields:
            yield Change("changed", entity, key, placed.label, placed.container_label, fields)
        if key in moved:
            yield Change(
                "moved",
                entity,
                key,
                placed.label,
                placed.container_label,
                moved_from=f"{before.container_label} #{before.index + 1}".strip(),
                moved_to=f"{placed.container_label} #{placed.index + 1}".strip(),
            )
    for key, placed in old.items():
        if key not in new:
            yield Change("removed", entity, key, placed.label, placed.container_label)


def _phases(doc: JourneyDocument) -> dict[str, _Placed]:
    return {
        phase.id: _Placed("journey", "", i, phase.name.text(), _values(phase, exclude={"steps"}))
        for i, phase in enumerate(doc.journey.phases)
    }


def _steps(doc: JourneyDocument) -> dict[str, _Placed]:
    return {
        step.id: _Placed(
            phase.id,
            f"phase {phase.name.text()}",
            i,
            step.title,
            _values(step, exclude={"touchpoints", "lanes"}),
        )
        for phase in doc.journey.phases
        for i, step in enumerate(phase.steps)
    }


def _touchpoints(doc: JourneyDocument) -> dict[str, _Placed]:
    return {
        touchpoint.id: _Placed(
            step.id, f"step {step.title}", i, touchpoint.name, _values(touchpoint)
        )
        for _phase, step in doc.journey.steps()
        for i, touchpoint in enumerate(step.touchpoints)
    }


def _lane_items(doc: JourneyDocument) -> dict[str, _Placed]:
    placed: dict[str, _Placed] = {}
    for _phase, step in doc.journey.steps():
        for lane, (label, _german) in TEXT_LANES.items():
            for i, item in enumerate(step.lanes.text_lane(lane)):
                where = f"{label.lower()} of step {step.title}"
                placed[item.id] = _Placed(f"{step.id}/{lane}", where, i, item.text, _values(item))
    return placed


def _emotions(doc: JourneyDocument) -> dict[str, _Placed]:
    names = {p.id: p.name for p in doc.personas}
    placed: dict[str, _Placed] = {}
    for _phase, step in doc.journey.steps():
        for emotion in step.lanes.emotions:
            key = f"{step.id}/{emotion.persona_id}"
            label = names.get(emotion.persona_id, emotion.persona_id)
            values = emotion.model_dump(mode="json", exclude={"persona_id"})
            # Emotions are keyed by step and persona; their order carries no meaning.
            placed[key] = _Placed(key, f"step {step.title}", 0, label, values)
    return placed


def _listed(records: Iterable[BaseModel], label_field: str) -> dict[str, _Placed]:
    return {
        str(getattr(record, "id")): _Placed(  # noqa: B009 - records of several types share "id"
            "document", "", i, str(getattr(record, label_field) or ""), _values(record)
        )
        for i, record in enumerate(records)
    }


def _project(doc: JourneyDocument) -> list[Project]:
    return [doc.project] if doc.project else []


def _journey_fields(old: JourneyDocument, new: JourneyDocument) -> Iterator[Change]:
    def top(doc: JourneyDocument) -> dict[str, Any]:
        return doc.journey.model_dump(mode="json", exclude={"phases"})

    before, after = top(old), top(new)
    fields = tuple(
        FieldChange(name, before.get(name), value)
        for name, value in after.items()
        if before.get(name) != value
    )
    if fields:
        yield Change("changed", "journey", new.journey.id, new.journey.title, "", fields)


def diff_documents(old: JourneyDocument, new: JourneyDocument) -> JourneyDiff:
    """Every difference between ``old`` and ``new``, from the journey down to lane items.

    >>> from journeykit.model import Journey, JourneyDocument, Phase, LocalizedText, Step
    >>> def doc(*titles: str) -> JourneyDocument:
    ...     steps = [Step(id=f"s{i}", title=t) for i, t in enumerate(titles)]
    ...     phase = Phase(id="p", name=LocalizedText(en="Buy"), steps=steps)
    ...     return JourneyDocument(format_version=1,
    ...         journey=Journey(id="j", title="J", state="as_is", phases=[phase]))
    >>> changes = diff_documents(doc("Search", "Pay"), doc("Search", "Checkout")).changes
    >>> [(c.kind, c.id) for c in changes]
    [('changed', 's1')]
    """
    changes: list[Change] = [*_journey_fields(old, new)]
    for entity, collect in (
        ("phase", _phases),
        ("step", _steps),
        ("touchpoint", _touchpoints),
        ("lane_item", _lane_items),
        ("emotion", _emotions),
    ):
        changes.extend(_compare(entity, collect(old), collect(new)))
    listed: tuple[tuple[str, Callable[[JourneyDocument], Sequence[BaseModel]], str], ...] = (
        ("project", _project, "name"),
        ("persona", lambda d: d.personas, "name"),
        ("evidence", lambda d: d.evidence, "text"),
        ("hypothesis", lambda d: d.hypotheses, "statement"),
        ("measure", lambda d: d.measures, "title"),
        ("kpi", lambda d: d.kpis, "name"),
    )
    for entity, records, label in listed:
        changes.extend(_compare(entity, _listed(records(old), label), _listed(records(new), label)))
    return JourneyDiff(tuple(changes))
