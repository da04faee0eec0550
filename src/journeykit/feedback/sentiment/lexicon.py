"""Lexicon scores of a comment: VADER for English, GerSent for German.

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
    """A ``len(texts) × len(FEATURES)`` float32 matrix of lexicon scores.

    Both lexicons score every text, whatever its language: a lexicon finds little in the
    other language, and mixed comments ("Lieferung top, service so lala") get both. The
    language is deliberately not a feature: it would let the classifier learn which
    language's training comments happened to be more positive.
    """
    vader, gersent = _vader(), _gersent()
    rows = np.zeros((len(texts), len(FEATURES)), np.float32)
    if len(languages) != len(texts):
        raise ValueError("one language per text")
    for i, text in enumerate(texts):
        v = vader.polarity_scores(text)
        g = gersent.sentiment(text)
        rows[i] = (
            v["compound"],
            v["pos"],
            v["neg"],
            math.tanh(g["positive"]),
            # GerSent scores negative words below zero; as a strength it reads like VADER's.
            math.tanh(abs(g["negative"])),
        )
    return rows
