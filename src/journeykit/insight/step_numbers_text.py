"""The numbers on the map as people read them: short texts in German and English.

The CLI table, the map page's badges, the exports' numbers row and the report all word a
step's numbers the same way, through these functions.
"""

from __future__ import annotations

from journeykit.insight.step_numbers import JourneyNumbers, ScoreNumber, StepNumbers
from journeykit.render.numbers_row import StepFigures

_SCORE_NAMES = {"nps": "NPS", "csat": "CSAT", "ces": "CES"}
_WORDS: dict[str, tuple[str, str]] = {
    "customers": ("customers", "Kunden"),
    "conversion": ("from previous step", "vom vorigen Schritt"),
    "drop_off": ("drop-off", "Absprung"),
    "detour": ("side step, skipped by", "Nebenweg, ausgelassen von"),
    "time": ("median time from previous", "Median-Zeit ab vorigem"),
    "in_step": ("median time in step", "Median-Zeit im Schritt"),
    "negative": ("negative", "negativ"),
    "evidence": ("evidence items", "Belege"),
    "one_evidence": ("evidence item", "Beleg"),
    "theme": ("top theme", "Top-Thema"),
    "assumption": ("Assumption: no data, no evidence", "Annahme: keine Daten, keine Belege"),
    "small": ("small sample", "kleine Stichprobe"),
}


def word(key: str, language: str) -> str:
    """One of the numbers' words in ``language``."""
    en, de = _WORDS[key]
    return de if language == "de" else en


def percent(value: float | None, language: str) -> str:
    """A share as a percentage: ``72,6 %`` in German, ``72.6 %`` in English."""
    if value is None:
        return "—"
    text = f"{value * 100:.1f}".rstrip("0").rstrip(".")
    return (text.replace(".", ",") if language == "de" else text) + " %"


def count(value: int, language: str) -> str:
    """A whole number with thousands separators (``4.000`` / ``4,000``)."""
    text = f"{value:,}"
    return text.replace(",", ".") if language == "de" else text


def duration(seconds: float | None, language: str) -> str:
    """A duration in the largest unit that keeps it readable: ``45 s``, ``12 min``, ``3,5 h``,
    ``2,1 d`` (``d`` / ``Tg.``)."""
    if seconds is None:
        return "—"
    units = (
        (86400.0, "d" if language == "en" else "Tg."),
        (3600.0, "h"),
        (60.0, "min"),
        (1.0, "s"),
    )
    for size, unit in units:
        if seconds >= size or size == 1.0:
            value = seconds / size
            text = f"{value:.0f}" if value >= 10 or size == 1.0 else f"{value:.1f}"
            return (text.replace(".", ",") if language == "de" else text) + f" {unit}"
    raise AssertionError("unreachable")


def number(value: float | None, language: str, digits: int = 1) -> str:
    """A decimal number in the language's notation."""
    if value is None:
        return "—"
    text = f"{value:.{digits}f}"
    return text.replace(".", ",") if language == "de" else text


def score_text(score: ScoreNumber, language: str) -> str:
    """``NPS −82 [−90; −71] n=136`` (a small sample gets a trailing ``*``)."""
    unit = " %" if score.kind == "csat" else ""
    digits = 2 if score.kind == "ces" else 0
    value = number(score.score, language, digits) + unit
    interval = ""
    if score.ci_low is not None and score.ci_high is not None:
        low = number(score.ci_low, language, digits)
        interval = f" [{low}; {number(score.ci_high, language, digits)}]"
    star = "*" if score.small_sample else ""
    return f"{_SCORE_NAMES[score.kind]} {value}{interval} n={score.responses}{star}"


def step_lines(step: StepNumbers, language: str) -> list[str]:
    """The step's numbers as short lines, most important first; empty for an assumption."""
    lines = []
    if step.customers:
        lines.append(f"{count(step.customers, language)} {word('customers', language)}")
    if step.conversion is not None:
        lines.append(
            f"{percent(step.conversion, language)} {word('conversion', language)} · "
            f"{word('detour' if step.detour else 'drop_off', language)} "
            f"{percent(step.drop_off, language)}"
        )
    if step.median_seconds_from_previous is not None:
        lines.append(
            f"{word('time', language)}: {duration(step.median_seconds_from_previous, language)}"
        )
    lines.extend(score_text(score, language) for score in step.scores)
    if step.sentiment is not None:
        lines.append(
            f"{percent(step.sentiment.negative, language)} {word('negative', language)} "
            f"(n={step.sentiment.comments})"
        )
    if step.top_theme is not None:
        lines.append(f"{word('theme', language)}: {step.top_theme.name}")
    if step.evidence:
        noun = word("one_evidence" if step.evidence == 1 else "evidence", language)
        lines.append(f"{step.evidence} {noun}")
    return lines


def step_figures(numbers: JourneyNumbers, language: str) -> dict[str, StepFigures]:
    """What the exports' numbers row shows for each step."""
    return {
        step.step_id: StepFigures(
            lines=tuple(step_lines(step, language)),
            assumption=step.assumption,
            assumption_text=word("assumption", language),
        )
        for step in numbers.steps
    }
