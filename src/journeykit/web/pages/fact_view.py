"""What the facts page shows: the lists (all, or one step's), the forms' values and choices,
and the impact/effort matrix of the measures."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from journeykit.insight.report_effects import interval_text, p_text, signed_number
from journeykit.insight.step_numbers_text import number
from journeykit.model.document import JourneyDocument
from journeykit.model.measure import QUICK_WIN_EFFORT, QUICK_WIN_IMPACT, Measure
from journeykit.render.labels import evidence_kind_label, status_label
from journeykit.web.i18n import has_text, translate
from journeykit.web.services.fact_fields import (
    FACT_KINDS,
    Fact,
    FactField,
    FactKind,
    record_title,
)

RATINGS = (1, 2, 3, 4, 5)


def choice_label(kind: FactKind, spec: FactField, value: str, language: str) -> str:
    """A choice's name in ``language``; a choice without a text shows its own value."""
    if spec.name == "status":
        return status_label(value, language)
    if kind.key == "evidence" and spec.name == "kind":
        return evidence_kind_label(value, language)
    if kind.key == "kpis" and spec.name == "kind":
        return translate(f"kpi.kind.{value}", language)
    if kind.key == "kpis" and spec.name == "scope":
        return translate(f"kpi.scope.{value}", language)
    key = f"facts.choice.{spec.name}.{value}"
    return translate(key, language) if has_text(key) else value


def field_label(spec: FactField, language: str) -> str:
    """A field's label; one without a text shows its own name."""
    key = f"facts.field.{spec.name}"
    return translate(key, language) if has_text(key) else spec.name


def form_value(spec: FactField, value: object, language: str) -> str | list[str]:
    """A model value as the form shows it."""
    if spec.is_list:
        return [str(v) for v in value] if isinstance(value, list | tuple) else []
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float):
        text = f"{value:g}"
        return text.replace(".", ",") if language == "de" else text
    return str(value)


def record_values(kind: FactKind, record: Fact | None, language: str) -> dict[str, Any]:
    """A record's fields as its form shows them (a new record's defaults without one)."""
    values: dict[str, Any] = {}
    for spec in kind.fields:
        if record is not None:
            values[spec.name] = form_value(spec, getattr(record, spec.name), language)
        else:
            default = kind.model.model_fields[spec.name].default
            plain = default if isinstance(default, str | int | float) else None
            values[spec.name] = form_value(spec, plain, language)
    return values


@dataclass(frozen=True)
class MatrixCell:
    """One cell of the impact/effort matrix and the measures in it."""

    impact: int
    effort: int
    measures: list[Measure]

    @property
    def quick_win(self) -> bool:
        """Whether a measure here is a quick win (high impact, low effort)."""
        return self.impact >= QUICK_WIN_IMPACT and self.effort <= QUICK_WIN_EFFORT


def matrix(measures: list[Measure]) -> list[list[MatrixCell]]:
    """Rows from impact 5 down to 1, columns from effort 1 to 5."""
    return [
        [
            MatrixCell(
                impact, effort, [m for m in measures if (m.impact, m.effort) == (impact, effort)]
            )
            for effort in RATINGS
        ]
        for impact in reversed(RATINGS)
    ]


def _touches(record: Fact, step_id: str, touchpoint_steps: dict[str, str]) -> bool:
    """Whether a fact names the step, or (a KPI) is measured on it or one of its touchpoints."""
    if step_id in getattr(record, "step_ids", ()):
        return True
    scope_id = getattr(record, "scope_id", None)
    return scope_id is not None and step_id in (scope_id, touchpoint_steps.get(scope_id))


def facts_context(
    doc: JourneyDocument, *, focus: str | None, language: str, **extra: Any
) -> dict[str, Any]:
    """Everything ``facts.html`` needs; ``extra`` carries the open form, errors, conflicts."""
    steps = {step.id: step for _phase, step in doc.journey.steps()}
    if focus not in steps:
        focus = None
    touchpoint_steps = {tp.id: s.id for _p, s in doc.journey.steps() for tp in s.touchpoints}
    shown: dict[str, list[Fact]] = {}
    for key, kind in FACT_KINDS.items():
        records = kind.records(doc)
        shown[key] = (
            [r for r in records if _touches(r, focus, touchpoint_steps)] if focus else list(records)
        )
    measures = [m for m in shown["measures"] if isinstance(m, Measure)]
    return {
        "doc": doc,
        "journey": doc.journey,
        "steps": steps,
        "focus": focus,
        "kinds": FACT_KINDS,
        "shown": shown,
        "matrix": matrix(measures),
        "ratings": RATINGS,
        "quick_win_impact": QUICK_WIN_IMPACT,
        "quick_win_effort": QUICK_WIN_EFFORT,
        "record_values": lambda key, record: record_values(FACT_KINDS[key], record, language),
        "choice_label": lambda key, spec, value: choice_label(
            FACT_KINDS[key], spec, value, language
        ),
        "fact_field_label": lambda spec: field_label(spec, language),
        "record_title": lambda key, record: record_title(FACT_KINDS[key], record),
        "evidence_titles": {e.id: record_title(FACT_KINDS["evidence"], e) for e in doc.evidence},
        "kpi_names": {k.id: k.name for k in doc.kpis},
        "touchpoints": [
            (step, tp) for _phase, step in doc.journey.steps() for tp in step.touchpoints
        ],
        "verdict_number": lambda value, signed=False: (
            signed_number(value, language) if signed else number(value, language)
        ),
        "verdict_interval": lambda v: interval_text(v.result.ci_low, v.result.ci_high, language),
        "verdict_p": lambda v: p_text(v.result.p_value, language),
        "tested": extra.pop("tested", None),
        "editing": extra.pop("editing", None),
        "adding": extra.pop("adding", None),
        "errors": extra.pop("errors", {}),
        "entered": extra.pop("entered", None),
        "conflict": extra.pop("conflict", None),
        "refused": extra.pop("refused", None),
        **extra,
    }


def alert_banner(alerts: list[dict[str, str]], language: str, facts_href: str | None) -> Markup:
    """The banner naming every KPI past its alert threshold (empty when there is none); the
    map page (through its fragment) and the facts page show it."""
    if not alerts:
        return Markup("")
    lines = Markup("").join(
        Markup('<li data-kpi="{}">{}</li>').format(
            a["kpi_id"],
            translate(
                "insight.alert_line",
                language,
                name=a["name"],
                value=a["value"],
                when=a["when"],
                threshold=a["threshold"],
            ),
        )
        for a in alerts
    )
    more = (
        Markup(' <a href="{}">{}</a>').format(
            facts_href, translate("insight.alerts_more", language)
        )
        if facts_href
        else Markup("")
    )
    return Markup(
        '<div class="notice notice-error kpi-alerts" role="alert" data-testid="kpi-alerts">'
        "<strong>{}</strong>{}<ul>{}</ul></div>"
    ).format(translate("insight.alerts_title", language), more, lines)
