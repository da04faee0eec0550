"""The fields of evidence, hypotheses, measures and KPIs as the browser edits them.

One table (:data:`FACT_KINDS`) says, per kind of fact, which fields a form shows and how a
typed-in value becomes a model value; the page's forms, the API and the checks all read it.
A new optional field of a fact (say a hypothesis' statistical test) takes four lines:

1. the field on the model (``model/hypothesis.py``: ``test: TestKind | None = None``);
2. one :class:`FactField` here, e.g. ``FactField("test", "choice", choices=_choices(
   Hypothesis, "test"))``: the facts page then shows, reads and checks it;
3. the field in the API bodies (``web/api/fact_bodies.py``: ``HypothesisIn`` and
   ``HypothesisChange``, ``test: str | None = None``);
4. its label ``facts.field.test`` (and ``facts.choice.test.<value>`` per choice) in German and
   English in the messages.
"""

from __future__ import annotations

import datetime as dt
import re
import typing
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Literal

from journeykit.model.base import Record
from journeykit.model.document import JourneyDocument
from journeykit.model.errors import did_you_mean
from journeykit.model.evidence import Evidence
from journeykit.model.hypothesis import Hypothesis
from journeykit.model.kpi import Kpi
from journeykit.model.measure import Measure
from journeykit.web.services.edits import MAX_TEXT
from journeykit.web.services.errors import FieldInvalid

#: A fact of a journey document.
Fact = Evidence | Hypothesis | Measure | Kpi

FieldType = Literal[
    "text",  # one line of text
    "long_text",  # several lines
    "choice",  # one of ``choices``
    "rating",  # a whole number from 1 to 5
    "number",  # a decimal number ("12,5" or "12.5")
    "date",  # a day: 2026-12-01 or 01.12.2026
    "steps",  # ids of steps of the journey
    "evidence",  # ids of evidence of the journey
    "kpi",  # the id of one KPI of the journey
    "scope_target",  # the phase, step or touchpoint a KPI is measured on
]

#: Field types whose value is a list of ids.
LIST_TYPES = frozenset({"steps", "evidence"})


@dataclass(frozen=True)
class FactField:
    """One field of a fact form: its model name, how it is typed in, whether it is needed."""

    name: str
    type: FieldType
    required: bool = False
    choices: tuple[str, ...] = ()

    @property
    def is_list(self) -> bool:
        """Whether the field holds several ids."""
        return self.type in LIST_TYPES


@dataclass(frozen=True)
class FactKind:
    """A kind of fact: where the document keeps it, its model, its fields and id prefix."""

    key: str
    model: type[Fact]
    prefix: str
    fields: tuple[FactField, ...]
    title_field: str

    def field(self, name: str) -> FactField:
        """The field called ``name``."""
        for candidate in self.fields:
            if candidate.name == name:
                return candidate
        raise KeyError(name)

    def records(self, doc: JourneyDocument) -> list[Fact]:
        """This kind's records in ``doc`` (the list the document holds)."""
        found: list[Fact] = getattr(doc, self.key)
        return found


def _choices(model: type[Record], name: str) -> tuple[str, ...]:
    """The allowed values of a ``Literal`` field (optional or not) of ``model``."""
    annotation = model.model_fields[name].annotation
    parts = (
        [annotation] if typing.get_origin(annotation) is Literal else typing.get_args(annotation)
    )
    return tuple(
        str(value)
        for part in parts
        if typing.get_origin(part) is Literal
        for value in typing.get_args(part)
    )


FACT_KINDS: dict[str, FactKind] = {
    "evidence": FactKind(
        key="evidence",
        model=Evidence,
        prefix="ev",
        title_field="text",
        fields=(
            FactField("kind", "choice", required=True, choices=_choices(Evidence, "kind")),
            FactField("text", "long_text"),
            FactField("link", "text"),
            FactField("source", "text"),
            FactField("date", "date"),
            FactField("step_ids", "steps"),
        ),
    ),
    "hypotheses": FactKind(
        key="hypotheses",
        model=Hypothesis,
        prefix="hy",
        title_field="statement",
        fields=(
            FactField("statement", "long_text", required=True),
            FactField("metric", "text"),
            FactField(
                "expected_direction",
                "choice",
                choices=_choices(Hypothesis, "expected_direction"),
            ),
            FactField("status", "choice", required=True, choices=_choices(Hypothesis, "status")),
            FactField("step_ids", "steps"),
            FactField("evidence_ids", "evidence"),
        ),
    ),
    "measures": FactKind(
        key="measures",
        model=Measure,
        prefix="me",
        title_field="title",
        fields=(
            FactField("title", "text", required=True),
            FactField("description", "long_text"),
            FactField("impact", "rating", required=True),
            FactField("effort", "rating", required=True),
            FactField("owner", "text"),
            FactField("status", "choice", required=True, choices=_choices(Measure, "status")),
            FactField("start_date", "date"),
            FactField("due_date", "date"),
            FactField("go_live_date", "date"),
            FactField("kpi_id", "kpi"),
            FactField("step_ids", "steps"),
        ),
    ),
    "kpis": FactKind(
        key="kpis",
        model=Kpi,
        prefix="kpi",
        title_field="name",
        fields=(
            FactField("name", "text", required=True),
            FactField("kind", "choice", required=True, choices=_choices(Kpi, "kind")),
            FactField("scope", "choice", required=True, choices=_choices(Kpi, "scope")),
            FactField("scope_id", "scope_target"),
            FactField("target", "number"),
            FactField("better", "choice", required=True, choices=_choices(Kpi, "better")),
            FactField("unit", "text"),
            FactField("description", "long_text"),
        ),
    ),
}


class FactInvalid(FieldInvalid):
    """One or more fields of a fact are wrong; the first is the error's own ``field``.

    ``problems`` holds every field error so a form can show each beside its field.
    """

    def __init__(self, problems: list[FieldInvalid]) -> None:
        first = problems[0]
        english = first.message.removeprefix(f"{first.field}: ")
        super().__init__(first.field, first.key, english, **first.params)
        self.problems = problems


def fact_kind(key: str) -> FactKind:
    """The kind ``key`` (evidence, hypotheses, measures, kpis); not found suggests one."""
    from journeykit.web.services.errors import unknown

    if key not in FACT_KINDS:
        raise unknown("kind of fact", key, FACT_KINDS)
    return FACT_KINDS[key]


def record_title(kind: FactKind, record: Fact) -> str:
    """How a record is named in a revision message or a list: its title, text or link."""
    value = getattr(record, kind.title_field, None) or getattr(record, "link", None) or record.id
    text = str(value).strip().replace("\n", " ")
    return text if len(text) <= 60 else f"{text[:59]}…"


# Reading typed-in values


def _text(spec: FactField, value: object) -> str | None:
    text = "" if value is None else str(value).strip()
    if not text:
        if spec.required:
            raise FieldInvalid(spec.name, "error.blank", "must not be empty")
        return None
    if len(text) > MAX_TEXT:
        raise FieldInvalid(
            spec.name, "error.too_long", f"is longer than {MAX_TEXT} characters", limit=MAX_TEXT
        )
    return text


def _choice(spec: FactField, value: object) -> str | None:
    text = "" if value is None else str(value).strip()
    if not text and not spec.required:
        return None
    if text not in spec.choices:
        allowed = ", ".join(spec.choices)
        raise FieldInvalid(spec.name, "error.choice", f"must be one of {allowed}", allowed=allowed)
    return text


def _rating(spec: FactField, value: object) -> int | None:
    text = "" if value is None else str(value).strip()
    if not text and not spec.required:
        return None
    if isinstance(value, bool) or not re.fullmatch(r"[1-5]", text):
        raise FieldInvalid(spec.name, "facts.error.rating", "must be a whole number from 1 to 5")
    return int(text)


def _number(spec: FactField, value: object) -> float | None:
    if isinstance(value, int | float) and not isinstance(value, bool):
        number = float(value)
    else:
        text = "" if value is None else str(value).strip().replace(" ", "")
        if not text and not spec.required:
            return None
        # German forms write a decimal comma; a point works in both languages.
        if re.fullmatch(r"[-+]?\d+(,\d+)?", text):
            text = text.replace(",", ".")
        try:
            number = float(text)
        except ValueError:
            number = float("nan")
    if number != number or number in (float("inf"), float("-inf")):
        raise FieldInvalid(spec.name, "facts.error.number", "must be a number such as 12.5")
    return number


def _date(spec: FactField, value: object) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    text = "" if value is None else str(value).strip()
    if not text and not spec.required:
        return None
    for pattern in ("%Y-%m-%d", "%d.%m.%Y"):
        try:
            return dt.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise FieldInvalid(
        spec.name, "facts.error.date", "must be a date such as 2026-12-01 or 01.12.2026"
    )


def _id_list(value: object) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        parts: Iterable[object] = re.split(r"[\s,]+", value)
    elif isinstance(value, list | tuple):
        parts = value
    else:
        parts = [value]
    ids: list[str] = []
    for part in parts:
        text = str(part).strip()
        if text and text not in ids:
            ids.append(text)
    return ids


def _known(spec: FactField, wanted: list[str], known: list[str], what: str) -> list[str]:
    for identifier in wanted:
        if identifier not in known:
            suggestion = did_you_mean(identifier, known)
            if suggestion:
                raise FieldInvalid(
                    spec.name,
                    "facts.error.unknown_ref_hint",
                    f"this journey has no {what} {identifier!r}; did you mean {suggestion!r}?",
                    id=identifier,
                    kind=what,
                    suggestion=suggestion,
                )
            raise FieldInvalid(
                spec.name,
                "facts.error.unknown_ref",
                f"this journey has no {what} {identifier!r}",
                id=identifier,
                kind=what,
                suggestion="",
            )
    return wanted


def step_ids(doc: JourneyDocument) -> list[str]:
    """The journey's step ids in map order."""
    return [step.id for _phase, step in doc.journey.steps()]


def scope_targets(doc: JourneyDocument, scope: str) -> list[str]:
    """The ids a KPI of ``scope`` may be measured on."""
    if scope == "phase":
        return [phase.id for phase in doc.journey.phases]
    if scope == "step":
        return step_ids(doc)
    if scope == "touchpoint":
        return [tp.id for _phase, step in doc.journey.steps() for tp in step.touchpoints]
    return []


def _convert(spec: FactField, value: object, doc: JourneyDocument) -> object:
    if spec.type in ("text", "long_text"):
        return _text(spec, value)
    if spec.type == "choice":
        return _choice(spec, value)
    if spec.type == "rating":
        return _rating(spec, value)
    if spec.type == "number":
        return _number(spec, value)
    if spec.type == "date":
        return _date(spec, value)
    if spec.type == "steps":
        return _known(spec, _id_list(value), step_ids(doc), "step")
    if spec.type == "evidence":
        return _known(spec, _id_list(value), [e.id for e in doc.evidence], "evidence")
    if spec.type == "kpi":
        chosen = _known(spec, _id_list(value)[:1], [k.id for k in doc.kpis], "KPI")
        return chosen[0] if chosen else None
    # scope_target: checked against the scope once every field is read (see read_values).
    text = "" if value is None else str(value).strip()
    return text or None


def read_values(
    kind: FactKind,
    raw: Mapping[str, object],
    doc: JourneyDocument,
    *,
    current: Fact | None = None,
) -> dict[str, object]:
    """The model values of what was typed in; every wrong field is reported at once.

    Without ``current`` (a new fact) every field is read, a missing one as empty; with it
    (a change) only the fields in ``raw`` change and the others keep their value.
    """
    unknown_names = [name for name in raw if name not in {f.name for f in kind.fields}]
    if unknown_names:
        known = [f.name for f in kind.fields]
        name = unknown_names[0]
        suggestion = did_you_mean(name, known)
        raise FactInvalid(
            [
                FieldInvalid(
                    name,
                    "facts.error.unknown_field",
                    f"is not a field of {kind.key}; the fields are {', '.join(known)}",
                    fields=", ".join(known),
                    suggestion=suggestion or "",
                )
            ]
        )
    values: dict[str, object] = {}
    problems: list[FieldInvalid] = []
    for spec in kind.fields:
        if current is not None and spec.name not in raw:
            continue
        try:
            values[spec.name] = _convert(spec, raw.get(spec.name), doc)
        except FieldInvalid as exc:
            problems.append(exc)
    merged = {**(current.model_dump() if current is not None else {}), **values}
    problems.extend(_cross_checks(kind, merged, values, doc))
    if problems:
        raise FactInvalid(problems)
    return values


def _cross_checks(
    kind: FactKind, merged: dict[str, object], values: dict[str, object], doc: JourneyDocument
) -> list[FieldInvalid]:
    """Rules between fields, so the model's own checks never surprise a form."""
    problems: list[FieldInvalid] = []
    if kind.key == "evidence" and not merged.get("text") and not merged.get("link"):
        problems.append(FieldInvalid("text", "facts.error.text_or_link", "needs a text or a link"))
    if kind.key == "kpis" and isinstance(merged.get("scope"), str):
        scope = str(merged["scope"])
        target = merged.get("scope_id")
        if scope == "journey":
            # A form leaves the last chosen target in its list; a whole-journey KPI has none.
            merged["scope_id"] = None
            if "scope_id" in values or "scope" in values:
                values["scope_id"] = None
        elif target is None:
            problems.append(
                FieldInvalid(
                    "scope_id",
                    "facts.error.scope_target",
                    f"a KPI measured on a {scope} needs the {scope} it is measured on",
                    scope=scope,
                )
            )
        else:
            spec = kind.field("scope_id")
            try:
                _known(spec, [str(target)], scope_targets(doc, scope), scope)
            except FieldInvalid as exc:
                problems.append(exc)
    if kind.key == "measures":
        start, due = merged.get("start_date"), merged.get("due_date")
        if isinstance(start, dt.date) and isinstance(due, dt.date) and due < start:
            problems.append(
                FieldInvalid("due_date", "facts.error.due_before_start", "is before the start")
            )
    return problems
