"""The journey report: what a manager reads in five minutes, as HTML (and PDF, see
:mod:`journeykit.insight.report_pdf`).

The report is a list of section builders (:data:`SECTION_BUILDERS`), each a function of one
:class:`ReportContext` returning a :class:`ReportSection` or None (nothing to say). Sections,
in order: at a glance, where customers drop off, the map with its numbers (printed on A3
landscape), the emotion curve, pains in customers' words, hypotheses with their latest
evidence, measures, the measures' effects on their KPIs and the KPI trends
(:mod:`journeykit.insight.report_effects`).

Extension point: a further builder is appended to :data:`SECTION_BUILDERS` (or passed to
:func:`report_sections`) and its section template placed beside the others.
"""

from __future__ import annotations

import base64
import datetime as dt
from collections.abc import Sequence
from functools import cache
from pathlib import Path

import jinja2
from markupsafe import Markup

from journeykit.feedback.queries import stored_comments
from journeykit.feedback.store import FeedbackStore
from journeykit.insight.discovery_themes import ThemeCandidate, theme_candidates
from journeykit.insight.report_effects import kpi_trends_section, measure_effects_section
from journeykit.insight.report_section import ReportContext, ReportSection, SectionBuilder
from journeykit.insight.step_numbers import cached_step_numbers
from journeykit.insight.step_numbers_text import count, duration, number, percent, step_figures
from journeykit.insight.theme_store import workspace_themes
from journeykit.model.document import JourneyDocument
from journeykit.model.evidence import Evidence
from journeykit.render.emotion_curve import curve_personas, emotion_curve_svg
from journeykit.render.labels import evidence_kind_label, label, status_label
from journeykit.render.print_pages import PAGE_HEIGHT, PAGE_WIDTH, map_pages_svg, svg_size
from journeykit.store import Workspace

TEMPLATES = Path(__file__).with_name("templates")
#: Drop-offs and pains the report lists at most: five minutes of reading.
TOP = 3
#: Quotes shown per pain.
QUOTES = 2
CURVE_COLUMN = 64.0
#: CSS pixels the map section's heading and note take on its first printed page.
MAP_HEADING = 140.0


def _glance(ctx: ReportContext) -> ReportSection:
    numbers, lines = ctx.numbers, []
    biggest = numbers.biggest_drop_offs(1)
    if biggest:
        step = biggest[0]
        previous = numbers.step(step.previous_step_id or "")
        lines.append(
            ctx.say(
                "glance_drop",
                share=percent(step.drop_off, ctx.language),
                previous=previous.title if previous else "",
                step=step.title,
            )
        )
    scored = [(s, s.score("nps")) for s in numbers.steps]
    with_nps = [(s, n) for s, n in scored if n is not None and n.score is not None]
    if with_nps:
        step, nps = min(with_nps, key=lambda pair: (pair[1].score or 0.0, pair[0].number))
        lines.append(
            ctx.say(
                "glance_score",
                score=number(nps.score, ctx.language, 0),
                step=step.title,
                n=nps.responses,
            )
        )
    assumptions = len(numbers.assumptions)
    if assumptions:
        total = len(numbers.steps)
        lines.append(ctx.say("glance_assumptions", count=assumptions, total=total))
    else:
        lines.append(ctx.say("glance_none"))
    notes = []
    if not numbers.has_events:
        notes.append(ctx.say("no_events"))
    if not numbers.has_feedback:
        notes.append(ctx.say("no_feedback"))
    return ReportSection(
        "glance", ctx.say("glance"), "report_glance.html", {"lines": lines, "notes": notes}
    )


def _map(ctx: ReportContext) -> ReportSection:
    figures = step_figures(ctx.numbers, ctx.language)
    parts = map_pages_svg(ctx.document, language=ctx.language, hidden=frozenset(), numbers=figures)
    pages = []
    for index, svg in enumerate(parts):
        width, height = svg_size(svg)
        # The first page also holds the section's heading and note.
        room = PAGE_HEIGHT - (MAP_HEADING if index == 0 else 0.0)
        scale = min(PAGE_WIDTH / width, room / height)
        pages.append(
            {
                "svg": Markup(svg),
                "src": "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode(),
                "width": round(width * scale, 1),
                "height": round(height * scale, 1),
            }
        )
    return ReportSection(
        "map", ctx.say("map"), "report_map.html", {"pages": pages, "note": ctx.say("map_note")}
    )


def _curve(ctx: ReportContext) -> ReportSection:
    doc = ctx.document
    if not curve_personas(doc) or not any(s.lanes.emotions for _p, s in doc.journey.steps()):
        return ReportSection(
            "curve", ctx.say("curve"), "report_text.html", {"text": ctx.say("curve_empty")}
        )
    svg = emotion_curve_svg(doc, doc.journey.id, column_width=CURVE_COLUMN, language=ctx.language)
    titles = [f"{n}. {step.title}" for n, (_p, step) in enumerate(doc.journey.steps(), start=1)]
    return ReportSection(
        "curve", ctx.say("curve"), "report_curve.html", {"svg": Markup(svg), "steps": titles}
    )


def _drops(ctx: ReportContext) -> ReportSection:
    lang, numbers = ctx.language, ctx.numbers
    rows = []
    for step in numbers.biggest_drop_offs(TOP):
        previous = numbers.step(step.previous_step_id or "")
        rows.append(
            {
                "step": f"{step.number}. {step.title}",
                "from": f"{previous.number}. {previous.title}" if previous else "",
                "customers": count(step.customers, lang),
                "conversion": percent(step.conversion, lang),
                "drop_off": percent(step.drop_off, lang),
                "time": duration(step.median_seconds_from_previous, lang),
            }
        )
    phases = [
        {
            "phase": p.name(lang),
            "customers": count(p.customers, lang) if p.customers else "–",
            "of_entered": percent(p.conversion, lang),
            "conversion": percent(p.step_conversion, lang),
            "drop_off": percent(p.drop_off, lang),
            "time": duration(p.median_seconds_in_phase, lang),
        }
        for p in numbers.phases
        if p.customers
    ]
    return ReportSection(
        "drops",
        ctx.say("drops"),
        "report_drops.html",
        {"rows": rows, "phases": phases, "empty": ctx.say("drops_empty")},
    )


def _pains(ctx: ReportContext) -> ReportSection:
    step_titles = {
        tp.id: step.title for _p, step in ctx.document.journey.steps() for tp in step.touchpoints
    }
    step_titles.update({step.id: step.title for _p, step in ctx.document.journey.steps()})
    pains = []
    for pain in ctx.pains[:TOP]:
        said = [
            step_titles[t]
            for t, _n in sorted(pain.touchpoints.items(), key=lambda kv: -kv[1])
            if t in step_titles
        ]
        pains.append(
            {
                "name": pain.name,
                "detail": ctx.say(
                    "pain_theme",
                    comments=pain.comments,
                    share=percent(pain.negative_share, ctx.language),
                ),
                "quotes": list(pain.quotes[:QUOTES]),
                "steps": list(dict.fromkeys(said))[:3],
            }
        )
    on_map: list[dict[str, str]] = []
    for step in ctx.numbers.biggest_drop_offs(TOP):
        drawn = next(s for _p, s in ctx.document.journey.steps() if s.id == step.step_id)
        on_map.extend({"step": drawn.title, "text": item.text} for item in drawn.lanes.pain_points)
    return ReportSection(
        "pains",
        ctx.say("pains"),
        "report_pains.html",
        {"pains": pains, "on_map": on_map, "empty": ctx.say("pains_empty")},
    )


def _latest(evidence: Sequence[Evidence]) -> Evidence | None:
    dated = sorted(evidence, key=lambda e: e.date or dt.date.min, reverse=True)
    return dated[0] if dated else None


def _hypotheses(ctx: ReportContext) -> ReportSection:
    doc, lang = ctx.document, ctx.language
    by_id = {e.id: e for e in doc.evidence}
    rows = []
    for hypothesis in doc.hypotheses:
        latest = _latest([by_id[i] for i in hypothesis.evidence_ids if i in by_id])
        evidence = ctx.say("no_evidence")
        if latest is not None:
            when = (
                latest.date.strftime("%d.%m.%Y" if lang == "de" else "%Y-%m-%d")
                if latest.date
                else ""
            )
            text = latest.text or latest.link or ""
            evidence = (
                f"{evidence_kind_label(latest.kind, lang)}{' · ' + when if when else ''}: {text}"
            )
        rows.append(
            {
                "statement": hypothesis.statement,
                "status": status_label(hypothesis.status, lang),
                "status_key": hypothesis.status,
                "metric": hypothesis.metric or "–",
                "evidence": evidence,
            }
        )
    return ReportSection(
        "hypotheses",
        ctx.say("hypotheses"),
        "report_hypotheses.html",
        {"rows": rows, "empty": ctx.say("hypotheses_empty")},
    )


def _measures(ctx: ReportContext) -> ReportSection:
    doc, lang = ctx.document, ctx.language
    kpis = {k.id: k.name for k in doc.kpis}

    def day(value: dt.date | None) -> str:
        if value is None:
            return "–"
        return value.strftime("%d.%m.%Y" if lang == "de" else "%Y-%m-%d")

    rows = [
        {
            "title": m.title,
            "quick_win": ctx.say("quick_win") if m.quick_win else "",
            "impact_effort": f"{m.impact} / {m.effort}",
            "owner": m.owner or "–",
            "status": status_label(m.status, lang),
            "status_key": m.status,
            "due": day(m.due_date),
            "go_live": day(m.go_live_date),
            "kpi": kpis.get(m.kpi_id or "", "–"),
        }
        for m in sorted(doc.measures, key=lambda m: (not m.quick_win, -m.impact, m.effort, m.title))
    ]
    return ReportSection(
        "measures",
        ctx.say("measures"),
        "report_measures.html",
        {"rows": rows, "empty": ctx.say("measures_empty")},
    )


#: The report's sections in reading order (see the module docs).
SECTION_BUILDERS: list[SectionBuilder] = [
    _glance,
    _drops,
    _map,
    _curve,
    _pains,
    _hypotheses,
    _measures,
    measure_effects_section,
    kpi_trends_section,
]


def _pain_candidates(workspace: Workspace) -> list[ThemeCandidate]:
    store = FeedbackStore(workspace.path)
    if not store.exists():
        return []
    comments = stored_comments(store)
    return theme_candidates(workspace_themes(workspace, comments), comments)


def report_context(
    workspace: Workspace, document: JourneyDocument, *, language: str, today: dt.date | None = None
) -> ReportContext:
    """What a report of ``document`` reads: its numbers and the feedback's pains."""
    return ReportContext(
        workspace=workspace,
        document=document,
        numbers=cached_step_numbers(workspace, document),
        language=language,
        today=today or dt.date.today(),
        pains=_pain_candidates(workspace),
    )


def report_sections(
    ctx: ReportContext, builders: Sequence[SectionBuilder] | None = None
) -> list[ReportSection]:
    """The sections the builders have something for, in order."""
    found = (build(ctx) for build in (SECTION_BUILDERS if builders is None else builders))
    return [section for section in found if section is not None]


@cache
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )


def report_html(
    ctx: ReportContext, *, for_print: bool = False, builders: Sequence[SectionBuilder] | None = None
) -> str:
    """The report as one self-contained HTML page (no external files)."""
    doc, numbers = ctx.document, ctx.numbers
    answers = sum(s.answers for s in numbers.steps)
    comments = sum(s.comments for s in numbers.steps)
    day = ctx.today.strftime("%d.%m.%Y" if ctx.language == "de" else "%Y-%m-%d")
    template = _environment().get_template("report.html")
    return template.render(
        lang=ctx.language,
        title=f"{ctx.say('title')}: {doc.journey.title}",
        journey=doc.journey,
        state=label(doc.journey.state, ctx.language),
        generated=ctx.say("generated", date=day, revision=doc.revision or "–"),
        basis=ctx.say(
            "basis",
            customers=count(numbers.entered, ctx.language),
            answers=count(answers, ctx.language),
            comments=count(comments, ctx.language),
        ),
        sections=report_sections(ctx, builders),
        t=ctx.say,
        for_print=for_print,
        page_word=ctx.say("page"),
    )


__all__ = [
    "SECTION_BUILDERS",
    "ReportContext",
    "ReportSection",
    "SectionBuilder",
    "report_context",
    "report_html",
    "report_sections",
]
