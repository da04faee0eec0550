"""Export a journey as a Mermaid ``journey`` diagram, for wikis, READMEs and slide decks.

>>> from journeykit.model import Emotion, Journey, JourneyDocument, Lanes, Persona, Step
>>> from journeykit.model import default_phases
>>> phases = default_phases()
>>> phases[1].steps.append(
...     Step(id="st-1", title="Preise vergleichen: online",
...          lanes=Lanes(emotions=[Emotion(persona_id="pe-1", score=2)])))
>>> doc = JourneyDocument(
...     format_version=1,
...     personas=[Persona(id="pe-1", name="Sabine")],
...     journey=Journey(id="j", title="Kauf", state="as_is", phases=phases),
... )
>>> print(journey_to_mermaid(doc, "de"), end="")
journey
    title Kauf
    section Bewusstsein
      Preise vergleichen - online: 5: Sabine
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from fractions import Fraction

from journeykit.model import JourneyDocument, Step

#: Mermaid's score for a step without any emotion: the middle of its 1..5 scale.
NEUTRAL_SCORE = 3

#: Mermaid's score range.
MIN_SCORE, MAX_SCORE = 1, 5

# Characters Mermaid's journey grammar reads as syntax: ':' separates task, score and actors,
# ',' separates actors, ';' and a line break end a statement, '#' and '%%' start a comment.
_COLON = re.compile(":")
_LIST_SEPARATORS = re.compile("[:,]")
_SEMICOLON = re.compile(";")
_HASH = re.compile("#")
_PERCENTS = re.compile(r"%{2,}")
_WHITESPACE = re.compile(r"\s+")
# A task whose text starts with one of these is read as a keyword line (case-insensitive).
_KEYWORD_START = re.compile(r"^(journey|title\s|section\s|acc(title|descr))", re.IGNORECASE)
# U+200B is not whitespace to Mermaid's lexer, so it hides a keyword without being seen.
_ZERO_WIDTH_SPACE = "\u200b"


def sanitize(text: str, *, fallback: str = "-", in_list: bool = False) -> str:
    """``text`` made safe for one Mermaid journey statement (a title, section, task or actor).

    The rules:

    - ``;`` becomes ``,`` (a semicolon ends a statement);
    - ``:`` becomes `` - `` (a colon separates task, score and actors); in an actor name
      (``in_list``) a ``,`` does too, since a comma separates actors;
    - ``#`` is removed (it starts a comment), and a run of ``%`` becomes one ``%`` (``%%``
      starts a comment);
    - every line break and tab becomes a space (a statement is one line), runs of white
      space become one space, and the ends are trimmed;
    - text left empty becomes ``fallback`` (sanitised the same way), else ``-``.

    Task names get one more rule, see :func:`task_name`.

    >>> sanitize("Versand: teuer;\\nleider #1")
    'Versand - teuer, leider 1'
    """
    return _clean(text, in_list) or _clean(fallback, in_list) or "-"


def _clean(text: str, in_list: bool) -> str:
    cleaned = _SEMICOLON.sub(",", text)
    cleaned = (_LIST_SEPARATORS if in_list else _COLON).sub(" - ", cleaned)
    cleaned = _HASH.sub("", cleaned)
    cleaned = _PERCENTS.sub("%", cleaned)
    return _WHITESPACE.sub(" ", cleaned).strip()


def task_name(text: str, *, fallback: str = "-") -> str:
    """``text`` sanitised (see :func:`sanitize`) for the start of a task line.

    Mermaid reads a line that starts with ``journey``, ``title``, ``section``, ``accTitle`` or
    ``accDescr`` (in any case) as that keyword; such a task name gets an invisible zero-width
    space in front, so it stays a task and still reads the same.

    >>> task_name("Journey teilen")
    '\\u200bJourney teilen'
    """
    cleaned = sanitize(text, fallback=fallback)
    return _ZERO_WIDTH_SPACE + cleaned if _KEYWORD_START.match(cleaned) else cleaned


def mermaid_score(scores: Sequence[int]) -> int:
    """The Mermaid score (1..5) of a step whose personas feel ``scores`` (each -2..+2).

    The mean is shifted by 3 and rounded half up; with no scores the step is neutral (3).
    Scores outside -2..+2 (the model never holds any) are clamped to Mermaid's range.

    >>> mermaid_score([-2, 2]), mermaid_score([2]), mermaid_score([-1]), mermaid_score([])
    (3, 5, 2, 3)
    >>> mermaid_score([-1, 0])  # mean -0.5 is 2.5, rounded half up
    3
    """
    if not scores:
        return NEUTRAL_SCORE
    shifted = Fraction(sum(scores), len(scores)) + NEUTRAL_SCORE
    return max(MIN_SCORE, min(MAX_SCORE, math.floor(shifted + Fraction(1, 2))))


def _persona_name(doc: JourneyDocument, persona_id: str) -> str:
    persona = doc.persona(persona_id)
    name = persona.name if persona is not None else persona_id
    return sanitize(name, fallback=persona_id, in_list=True)


def _actors(doc: JourneyDocument, step: Step) -> list[str]:
    """Who feels something at ``step``; if nobody does, the personas of the journey."""
    persona_ids = [e.persona_id for e in step.lanes.emotions] or doc.journey.persona_ids
    return [_persona_name(doc, persona_id) for persona_id in persona_ids]


def _task_line(doc: JourneyDocument, step: Step) -> str:
    title = task_name(step.title, fallback=step.id)
    score = mermaid_score([e.score for e in step.lanes.emotions])
    actors = _actors(doc, step)
    if not actors:  # Mermaid allows a task without actors
        return f"      {title}: {score}"
    return f"      {title}: {score}: {', '.join(actors)}"


def journey_to_mermaid(doc: JourneyDocument, language: str = "en") -> str:
    """The journey of ``doc`` as the text of a Mermaid ``journey`` diagram.

    One ``section`` per phase that has steps, labelled in ``language`` ("en" or "de"), and one
    task per step: its title, the mean emotion over the personas mapped from -2..+2 to Mermaid's
    1..5 (see :func:`mermaid_score`), and as actors the personas with an emotion at the step (in
    the step's order), or the journey's personas when nobody has one. All text passes through
    :func:`sanitize`. The result is deterministic and ends with a newline.
    """
    journey = doc.journey
    lines = ["journey", f"    title {sanitize(journey.title, fallback=journey.id)}"]
    for phase in journey.phases:
        if not phase.steps:
            continue
        lines.append(f"    section {sanitize(phase.name.text(language), fallback=phase.id)}")
        lines.extend(_task_line(doc, step) for step in phase.steps)
    return "\n".join(lines) + "\n"
