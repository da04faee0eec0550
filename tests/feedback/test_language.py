"""Language detection, offline, on short and mixed customer comments."""

from __future__ import annotations

import pytest

from journeykit.feedback.text.language import UNDETERMINED, detect_languages

CASES = [
    ("Die Spedition hat die Lieferung zweimal verschoben.", "de"),
    ("Lieferung kam schnell, alles gut", "de"),
    ("nix gekommen, nie wieder", "de"),
    ("The delivery was late and nobody called.", "en"),
    ("great service thanks", "en"),
    ("La livraison était en retard.", "fr"),
    ("Müll", "de"),
    ("ok", UNDETERMINED),
    ("", UNDETERMINED),
    ("12345", UNDETERMINED),
]


@pytest.mark.parametrize(("text", "language"), CASES)
def test_language_of_a_comment(text: str, language: str) -> None:
    assert detect_languages([text]) == [language]


def test_many_texts_keep_their_order() -> None:
    texts = ["Danke, alles prima!", "Thanks, all fine!"] * 50
    assert detect_languages(texts) == ["de", "en"] * 50
    assert detect_languages([]) == []
