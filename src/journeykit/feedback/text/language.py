"""Which language a comment is written in, offline, with the Lingua detector.

Lingua's statistical models ship inside its wheel, so nothing is downloaded. It is asked to
choose among the languages German-speaking customers most often write in; a text too short
or too mixed to decide ("ok", "Top!") falls back to a vote of German and English function
words, and is ``und`` (undetermined) if that is silent too.

>>> detect_languages(["Die Lieferung kam viel zu spät.", "Great service, thanks!", "ok"])
['de', 'en', 'und']
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from typing import Any

#: The code for a text whose language could not be decided.
UNDETERMINED = "und"
_CANDIDATES = ("GERMAN", "ENGLISH", "FRENCH", "SPANISH", "ITALIAN", "DUTCH", "TURKISH", "POLISH")
_WORD = re.compile(r"[a-zäöüß]+")
_GERMAN_WORDS = frozenset(
    [
        "der",
        "die",
        "das",
        "und",
        "nicht",
        "ist",
        "ich",
        "ein",
        "eine",
        "mit",
        "auf",
        "für",
        "war",
        "sehr",
        "gut",
        "kam",
        "zu",
        "nix",
        "nie",
        "danke",
        "super",
        "toll",
        "schlecht",
        "leider",
        "alles",
        "bitte",
        "wieder",
        "noch",
        "kein",
        "keine",
        "hat",
    ]
)
_ENGLISH_WORDS = frozenset(
    [
        "the",
        "and",
        "not",
        "is",
        "it",
        "was",
        "very",
        "good",
        "with",
        "for",
        "my",
        "to",
        "of",
        "you",
        "this",
        "that",
        "thanks",
        "great",
        "bad",
        "never",
        "again",
        "please",
        "no",
        "all",
        "have",
    ]
)


@cache
def _detector() -> Any:
    from lingua import Language, LanguageDetectorBuilder

    languages = [getattr(Language, name) for name in _CANDIDATES]
    return (
        LanguageDetectorBuilder.from_languages(*languages)
        .with_minimum_relative_distance(0.1)
        .build()
    )


def _by_words(text: str) -> str:
    words = _WORD.findall(text.lower())
    german = sum(w in _GERMAN_WORDS for w in words) + 2 * any(c in text for c in "äöüß")
    english = sum(w in _ENGLISH_WORDS for w in words)
    if german > english:
        return "de"
    if english > german:
        return "en"
    return UNDETERMINED


def detect_languages(texts: Sequence[str]) -> list[str]:
    """The ISO 639-1 code of each text's language (``de``, ``en``, …) or ``und``."""
    if not texts:
        return []
    detector = _detector()
    # One text at a time: Lingua's parallel variant was slower on the shared two-core machine.
    found = [detector.detect_language_of(text) for text in texts]
    return [
        language.iso_code_639_1.name.lower() if language is not None else _by_words(text)
        for text, language in zip(texts, found, strict=True)
    ]
