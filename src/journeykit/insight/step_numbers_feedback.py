"""The feedback's part of the numbers on the map: scores, sentiment and the top theme per step.

An answer or comment belongs to a step when its import tied it to the step or to one of the
step's touchpoints (the touchpoint matches of :mod:`journeykit.feedback.places` store the step
with the touchpoint). Per step:

- NPS, CSAT and CES with their 95 % intervals (:mod:`journeykit.feedback.scores`), each flagged
  when it rests on fewer answers than the workspace's ``min_sample``;
- the sentiment share: negative, neutral and positive comments as shares of the step's
  comments;
- the top theme: of the workspace's themes (the ones ``journeykit feedback themes`` lists), the
  one most of the step's comments belong to, a comment belonging to the theme whose centre is
  nearest its embedding (what k-means assigns).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from journeykit.feedback.kpis import Answer, score_of
from journeykit.feedback.scores import SCORE_KINDS, ScoreKind
from journeykit.feedback.settings import FeedbackSettings
from journeykit.feedback.themes import Comment, Theme

SENTIMENTS = ("negative", "neutral", "positive")


@dataclass(frozen=True)
class ScoreNumber:
    """One score of a step with its interval (None: not computable) and sample size."""

    kind: ScoreKind
    responses: int
    score: float | None
    ci_low: float | None
    ci_high: float | None
    small_sample: bool


@dataclass(frozen=True)
class SentimentShare:
    """How the step's comments feel: shares of negative, neutral and positive ones."""

    comments: int
    negative: float
    neutral: float
    positive: float


@dataclass(frozen=True)
class TopTheme:
    """The theme most of a step's comments belong to, and how many of them do."""

    name: str
    comments: int
    sentiment: str


@dataclass(frozen=True)
class StepVoice:
    """What customers said at one step."""

    scores: tuple[ScoreNumber, ...]
    sentiment: SentimentShare | None
    top_theme: TopTheme | None


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


def step_scores(
    answers: Sequence[Answer], step_ids: Sequence[str], settings: FeedbackSettings
) -> dict[str, tuple[ScoreNumber, ...]]:
    """The scores of each step that has answers (steps without answers have none)."""
    values: dict[tuple[str, ScoreKind], list[float]] = defaultdict(list)
    wanted = set(step_ids)
    for answer in answers:
        if answer.step_id in wanted:
            values[(answer.step_id, answer.question)].append(answer.score)
    result: dict[str, tuple[ScoreNumber, ...]] = {}
    for step_id in step_ids:
        found = []
        for kind in SCORE_KINDS:
            if (step_id, kind) in values:
                s = score_of(kind, values[(step_id, kind)], settings)
                small = s.small_sample(settings.min_sample)
                low, high = _round(s.ci_low), _round(s.ci_high)
                found.append(ScoreNumber(kind, s.responses, _round(s.score), low, high, small))
        result[step_id] = tuple(found)
    return result


def _nearest_themes(comments: Sequence[Comment], themes: Sequence[Theme]) -> list[int]:
    centres = [t.centre for t in themes]
    if not comments or not themes or any(c is None for c in centres):
        return []
    matrix = np.vstack([c for c in centres if c is not None])
    raw = np.vstack([c.embedding for c in comments]).astype(np.float32)
    norms = np.linalg.norm(raw, axis=1, keepdims=True)
    vectors = raw / np.where(norms == 0, 1.0, norms)
    return [int(i) for i in np.argmax(vectors @ matrix.T, axis=1)]


def step_voices(
    answers: Sequence[Answer],
    comments: Sequence[Comment],
    themes: Sequence[Theme],
    step_ids: Sequence[str],
    settings: FeedbackSettings,
) -> dict[str, StepVoice]:
    """What customers said at each of ``step_ids``."""
    scores = step_scores(answers, step_ids, settings)
    wanted = set(step_ids)
    mine = [c for c in comments if c.step_id in wanted]
    nearest = _nearest_themes(mine, themes)
    feelings: dict[str, Counter[str]] = defaultdict(Counter)
    theme_counts: dict[str, Counter[int]] = defaultdict(Counter)
    for index, comment in enumerate(mine):
        step_id = comment.step_id or ""
        feelings[step_id][comment.sentiment] += 1
        if nearest:
            theme_counts[step_id][nearest[index]] += 1
    voices = {}
    for step_id in step_ids:
        counted = feelings.get(step_id)
        sentiment = None
        if counted:
            total = sum(counted.values())
            sentiment = SentimentShare(
                total,
                *(round(counted[label] / total, 3) for label in SENTIMENTS),
            )
        top = None
        if theme_counts.get(step_id):
            # Ties go to the larger theme (themes come largest first).
            index, count = min(theme_counts[step_id].items(), key=lambda kv: (-kv[1], kv[0]))
            theme = themes[index]
            top = TopTheme(theme.name, count, theme.sentiment)
        voices[step_id] = StepVoice(scores[step_id], sentiment, top)
    return voices
