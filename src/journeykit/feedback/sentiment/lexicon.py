"""Lexicon scores of a comment: VADER for English, GerSent for German, and the language.

Lexicons know words the small training set never saw ("Wucher", "daylight robbery"); the
classifier learns how much to trust them next to the embedding.
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Sequence
from functools import cache
from typing import Any

import numpy as np

#: The lexicon features, in column order.
FEATURES = (
    "vader_compound",
    "vader_positive",
    "vader_negative",
    "gersent_positive",
    "gersent_negative",
    "is_german",
)


@cache
def _vader() -> Any:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


@cache
def _gersent() -> Any:
    with warnings.catch_warnings():
        # gersent compares strings with `is`, which Python warns about when it compiles it.
        warnings.simplefilter("ignore", SyntaxWarning)
        from gersent.gersent import SimpleSentiment

    return SimpleSentiment()


def lexicon_features(texts: Sequence[str], languages: Sequence[str]) -> np.ndarray:
    """A ``len(texts) × len(FEATURES)`` float32 matrix of lexicon scores."""
    vader, gersent = _vader(), _gersent()
    rows = np.zeros((len(texts), len(FEATURES)), np.float32)
    for i, (text, language) in enumerate(zip(texts, languages, strict=True)):
        v = vader.polarity_scores(text)
        g = gersent.sentiment(text)
        rows[i] = (
            v["compound"],
            v["pos"],
            v["neg"],
            math.tanh(g["positive"]),
            math.tanh(g["negative"]),
            1.0 if language == "de" else 0.0,
        )
    return rows
