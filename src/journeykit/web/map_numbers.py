"""The numbers the map page shows on each step and phase, worded for the visit's language.

Computed once per revision and version of the event log and feedback (see
:func:`journeykit.insight.step_numbers.cached_step_numbers`), so the map stays fast.
"""

from __future__ import annotations

from dataclasses import dataclass

from journeykit.insight.step_numbers import JourneyNumbers, StepNumbers, cached_step_numbers
from journeykit.insight.step_numbers_text import count, duration, percent, score_text
from journeykit.model.document import JourneyDocument
from journeykit.web.gate import Visit


@dataclass(frozen=True)
class Badge:
    """One number on a step: a CSS kind, its text, and a longer explanation."""

    kind: str
    text: str
    title: str = ""


@dataclass(frozen=True)
class StepBadges:
    """The badges of a step, its raw numbers for ``data-*`` attributes, and whether it is an
    assumption."""

    badges: tuple[Badge, ...]
    data: dict[str, str]
    assumption: bool


def _raw(value: float | int | None) -> str:
    return "" if value is None else str(value)


def _step_badges(visit: Visit, step: StepNumbers) -> StepBadges:
    lang, t = visit.language, visit.t
    badges: list[Badge] = []
    if step.customers:
        badges.append(Badge("customers", t("insight.customers", count=count(step.customers, lang))))
    if step.conversion is not None:
        badges.append(
            Badge(
                "conversion",
                t("insight.conversion", share=percent(step.conversion, lang)),
                t("insight.drop_off", share=percent(step.drop_off, lang)),
            )
        )
        if step.drop_off and step.detour:
            text = t("insight.detour", share=percent(step.drop_off, lang))
            badges.append(Badge("detour", text, t("insight.detour_help")))
        elif step.drop_off:
            text = t("insight.drop_off", share=percent(step.drop_off, lang))
            badges.append(Badge("drop-off", text))
    if step.median_seconds_from_previous is not None:
        badges.append(
            Badge("time", t("insight.time", time=duration(step.median_seconds_from_previous, lang)))
        )
    for score in step.scores:
        small = t("insight.small_sample") if score.small_sample else ""
        badges.append(Badge(f"score score-{score.kind}", score_text(score, lang), small))
    if step.sentiment is not None:
        badges.append(
            Badge(
                "sentiment",
                t(
                    "insight.negative",
                    share=percent(step.sentiment.negative, lang),
                    count=step.sentiment.comments,
                ),
            )
        )
    if step.top_theme is not None:
        badges.append(Badge("theme", t("insight.theme", name=step.top_theme.name)))
    if step.evidence:
        if step.evidence == 1:
            badges.append(Badge("evidence", t("insight.evidence_one", count=1)))
        else:
            badges.append(Badge("evidence", t("insight.evidence", count=step.evidence)))
    data = {
        "customers": _raw(step.customers),
        "conversion": _raw(step.conversion),
        "drop-off": _raw(step.drop_off),
        "median-seconds": _raw(step.median_seconds_from_previous),
        "negative": _raw(step.sentiment.negative if step.sentiment else None),
        "evidence": _raw(step.evidence),
        "assumption": "1" if step.assumption else "0",
        "detour": "1" if step.detour else "0",
    }
    for score in step.scores:
        data[score.kind] = _raw(score.score)
    return StepBadges(tuple(badges), data, step.assumption)


@dataclass(frozen=True)
class MapNumbers:
    """Badges per step id and a funnel line per phase id."""

    steps: dict[str, StepBadges]
    phases: dict[str, str]
    numbers: JourneyNumbers


def map_numbers(visit: Visit, doc: JourneyDocument) -> MapNumbers:
    """The numbers of the map ``doc`` as the page shows them."""
    numbers = cached_step_numbers(visit.ws, doc)
    lang = visit.language
    phases = {}
    for phase in numbers.phases:
        if not phase.customers:
            continue
        if phase.drop_off is None:
            phases[phase.phase_id] = visit.t(
                "insight.phase_entered", count=count(phase.customers, lang)
            )
        else:
            phases[phase.phase_id] = visit.t(
                "insight.phase_customers",
                count=count(phase.customers, lang),
                share=percent(phase.drop_off, lang),
            )
    return MapNumbers({s.step_id: _step_badges(visit, s) for s in numbers.steps}, phases, numbers)
