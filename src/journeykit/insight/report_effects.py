"""The report's sections on what the measures did and where the KPIs are heading.

*Measures and their effect* reads :func:`~journeykit.insight.measure_effects.measure_effects`:
the KPI before and after each measure's go-live with the 95 % interval of the change, and the
difference-in-differences when the measure has a control. A measure that cannot be measured
says why (no KPI, no go-live date, no data on one side).

*KPI trends* reads the snapshots ``journeykit refresh`` stores
(:func:`~journeykit.insight.kpi_history.kpi_history`): per KPI its value per snapshot as a
small line and a table, its target, on/off track and whether it is past its alert threshold.
A workspace that was never refreshed gets one sentence saying how to do it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from markupsafe import Markup

from journeykit.insight.kpi_history import kpi_history
from journeykit.insight.measure_effects import MeasureEffect, measure_effects
from journeykit.insight.report_section import ReportContext, ReportSection
from journeykit.insight.report_sparkline import sparkline_svg
from journeykit.insight.report_text import report_text
from journeykit.insight.step_numbers_text import count, number
from journeykit.model.document import JourneyDocument
from journeykit.store.kpi_snapshots import KpiSnapshot

#: Snapshots the trend table lists per KPI (the newest); the line shows all of them.
TABLE_ROWS = 6


def reader_date(value: dt.date | dt.datetime, language: str) -> str:
    """A date in the reader's format: ``01.12.2026`` in German, ``2026-12-01`` in English."""
    return value.strftime("%d.%m.%Y" if language == "de" else "%Y-%m-%d")


def signed_number(value: float, language: str) -> str:
    """A change with its sign: ``+21,7`` / ``−0.4``."""
    text = number(abs(value), language)
    return ("+" if value > 0 else "−" if value < 0 else "±") + text


def interval_text(low: float | None, high: float | None, language: str) -> str:
    """A 95 % interval as ``6,3 … 36,7`` (``–`` when unknown)."""
    if low is None or high is None:
        return "–"
    return f"{number(low, language)} … {number(high, language)}"


def p_text(value: float | None, language: str) -> str:
    """A p-value with three digits, ``< 0.001`` below that."""
    if value is None:
        return "–"
    if value < 0.001:
        return "< " + number(0.001, language, 3)
    return number(value, language, 3)


def _unit(value: str, unit: str | None) -> str:
    return f"{value} {unit}" if unit and value not in ("–", "—") else value


def _reason(effect: MeasureEffect, language: str) -> str:
    if effect.kpi_id is None:
        return report_text("effect_no_kpi", language)
    if effect.go_live_date is None:
        return report_text("effect_no_go_live", language)
    return report_text("effect_not_measured", language, why=effect.message or "")


def _verdict(effect: MeasureEffect, language: str) -> tuple[str, str]:
    if effect.too_small is not None:
        return report_text("effect_too_small", language), "inconclusive"
    if effect.improved is True:
        return report_text("effect_better", language), "on_track"
    if effect.improved is False:
        return report_text("effect_worse", language), "off_track"
    return report_text("effect_unclear", language), "inconclusive"


def effect_row(effect: MeasureEffect, language: str) -> dict[str, Any]:
    """One measure's effect as the texts a table shows (the report and the facts page)."""
    go_live = (
        reader_date(dt.date.fromisoformat(effect.go_live_date), language)
        if effect.go_live_date
        else "–"
    )
    row: dict[str, Any] = {
        "id": effect.measure_id,
        "title": effect.title,
        "kpi": effect.kpi_name or "–",
        "go_live": go_live,
        "measured": effect.message is None and effect.effect is not None,
    }
    if not row["measured"]:
        return {**row, "reason": _reason(effect, language)}
    unit = effect.unit
    verdict, verdict_key = _verdict(effect, language)
    row.update(
        before=_unit(number(effect.before, language), unit),
        after=_unit(number(effect.after, language), unit),
        n_before=count(effect.n_before, language),
        n_after=count(effect.n_after, language),
        change=signed_number(effect.effect or 0.0, language),
        interval=interval_text(effect.ci_low, effect.ci_high, language),
        p=p_text(effect.p_value, language),
        verdict=verdict,
        verdict_key=verdict_key,
        control=None,
    )
    if effect.control is not None:
        c = effect.control
        row["control"] = {
            "label": c.label,
            "change": signed_number(c.effect, language),
            "interval": interval_text(c.ci_low, c.ci_high, language),
            "p": p_text(c.p_value, language),
            "text": report_text(
                "did_text",
                language,
                treated=signed_number(c.treated_change, language),
                control=signed_number(c.control_change, language),
                label=c.label,
            ),
        }
    return row


def measure_effects_section(ctx: ReportContext) -> ReportSection | None:
    """Measures and their effect; nothing when the journey has no measures (the measures
    section already says so)."""
    if not ctx.document.measures:
        return None
    effects = measure_effects(ctx.workspace, ctx.document)
    rows = [effect_row(e, ctx.language) for e in effects]
    return ReportSection(
        "effects",
        ctx.say("effects"),
        "report_effects.html",
        {"rows": rows, "note": ctx.say("effects_note")},
    )


def _status(snapshot: KpiSnapshot, language: str) -> str:
    return report_text(f"kpi_{snapshot.status}", language)


def trend_rows(
    document: JourneyDocument, snapshots: Sequence[KpiSnapshot], language: str
) -> list[dict[str, Any]]:
    """Per KPI of ``document`` with at least one snapshot: its latest value, status, alert,
    a sparkline and the newest snapshots (newest first), as texts."""
    by_kpi: dict[str, list[KpiSnapshot]] = {}
    for snapshot in snapshots:
        by_kpi.setdefault(snapshot.kpi_id, []).append(snapshot)
    rows = []
    for kpi in document.kpis:
        history = sorted(by_kpi.get(kpi.id, []), key=lambda s: s.taken_at)
        if not history:
            continue
        latest = history[-1]
        rows.append(
            {
                "id": kpi.id,
                "name": kpi.name,
                "value": _unit(number(latest.value, language), kpi.unit),
                "interval": interval_text(latest.ci_low, latest.ci_high, language),
                "n": count(latest.n, language),
                "target": _unit(number(kpi.target, language), kpi.unit)
                if kpi.target is not None
                else "–",
                "status": _status(latest, language),
                "status_key": latest.status,
                "alert": latest.alert,
                "alert_text": report_text(
                    "kpi_alert",
                    language,
                    threshold=_unit(number(kpi.alert_threshold, language), kpi.unit),
                )
                if latest.alert
                else "",
                "note": latest.note or "",
                "when": reader_date(latest.taken_at, language),
                "sparkline": Markup(
                    sparkline_svg(
                        [s.value for s in history],
                        target=kpi.target,
                        title=report_text("trend_of", language, name=kpi.name),
                    )
                ),
                "history": [
                    {
                        "when": reader_date(s.taken_at, language),
                        "value": _unit(number(s.value, language), kpi.unit),
                        "status": _status(s, language),
                        "status_key": s.status,
                    }
                    for s in reversed(history[-TABLE_ROWS:])
                ],
            }
        )
    return rows


def kpi_trends_section(ctx: ReportContext) -> ReportSection:
    """The KPI trends from the stored snapshots, or how to start storing them."""
    doc = ctx.document
    if not doc.kpis:
        return ReportSection(
            "trends", ctx.say("trends"), "report_text.html", {"text": ctx.say("trends_no_kpis")}
        )
    snapshots = kpi_history(ctx.workspace, doc.journey.id)
    if not snapshots:
        return ReportSection(
            "trends", ctx.say("trends"), "report_text.html", {"text": ctx.say("trends_never")}
        )
    rows = trend_rows(doc, snapshots, ctx.language)
    missing = [k.name for k in doc.kpis if k.id not in {r["id"] for r in rows}]
    return ReportSection(
        "trends",
        ctx.say("trends"),
        "report_trends.html",
        {
            "rows": rows,
            "missing": ctx.say("trends_missing", names=", ".join(missing)) if missing else "",
        },
    )
