"""Negative feedback themes as discovery's pain-point candidates, with where they were said.

The candidates are those of ``journeykit feedback pains`` (negative themes ranked by volume ×
negativity); a comment belongs to the theme whose centre is nearest its embedding, and the
touchpoints it was given at say which draft step the theme belongs on.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from journeykit.feedback.themes import Comment, Theme, pain_points

#: Negative themes offered at most.
MAX_THEMES = 6


@dataclass(frozen=True)
class ThemeCandidate:
    """A negative theme with its weight, quotes and comments per touchpoint id."""

    name: str
    comments: int
    negative_share: float
    weight: float
    quotes: tuple[str, ...]
    touchpoints: dict[str, int]


def theme_candidates(
    themes: Sequence[Theme], comments: Sequence[Comment], *, limit: int = MAX_THEMES
) -> list[ThemeCandidate]:
    """The heaviest negative themes, each with the touchpoints its comments came from."""
    ranked = pain_points(themes, [])[:limit]
    if not ranked or not comments:
        return []
    centres = [t.centre for t in themes]
    if any(c is None for c in centres):
        return []
    matrix = np.vstack([c for c in centres if c is not None])
    vectors = np.vstack([c.embedding for c in comments]).astype(np.float32)
    nearest = np.argmax(vectors @ matrix.T, axis=1)
    index_of = {id(t): i for i, t in enumerate(themes)}
    result = []
    for pain in ranked:
        mine = index_of[id(pain.theme)]
        counts: Counter[str] = Counter(
            c.touchpoint_id
            for c, k in zip(comments, nearest, strict=True)
            if int(k) == mine and c.touchpoint_id is not None
        )
        result.append(
            ThemeCandidate(
                name=pain.theme.name,
                comments=pain.theme.comments,
                negative_share=pain.theme.negative_share,
                weight=round(pain.weight, 2),
                quotes=tuple(pain.theme.examples),
                touchpoints=dict(counts),
            )
        )
    return result
