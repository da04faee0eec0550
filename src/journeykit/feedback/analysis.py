"""Text of new feedback, made safe and understood: redacted, language, sentiment, embedding.

Redaction comes first: nothing downstream — the language detector, the encoder, the store —
ever sees the original text, unless the workspace's settings say to keep it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

import numpy as np

from journeykit.feedback.records import Response
from journeykit.feedback.sentiment.classifier import SentimentModel, features, load_model
from journeykit.feedback.sentiment.embedding import DIMENSIONS, embed
from journeykit.feedback.settings import FeedbackSettings
from journeykit.feedback.text.language import detect_languages

#: Texts embedded per step (progress moves and memory stays small).
BATCH = 512


@dataclass(frozen=True)
class Analysed:
    """A response with its text redacted and understood (text fields None without text).

    ``response`` holds the redacted title and comment; ``text`` is both as one passage.
    """

    response: Response
    text: str | None
    original: str | None
    language: str | None
    sentiment: str | None
    sentiment_score: float | None
    embedding: np.ndarray | None


def full_text(title: str | None, comment: str | None) -> str | None:
    """What a review says: its title and text as one passage."""
    parts = [p.strip() for p in (title, comment) if p and p.strip()]
    return ". ".join(parts) if parts else None


def redacted(response: Response, settings: FeedbackSettings) -> Response:
    """The response with personal data taken out of its title and comment."""
    redact = settings.redactor
    return replace(
        response,
        title=redact(response.title) if response.title else None,
        comment=redact(response.comment) if response.comment else None,
    )


def analyse(
    responses: Sequence[Response],
    settings: FeedbackSettings,
    *,
    model: SentimentModel | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> list[Analysed]:
    """Redact, detect language, embed and classify every response's text."""
    model = model or load_model()
    originals = [full_text(r.title, r.comment) for r in responses]
    responses = [redacted(r, settings) for r in responses]
    texts = [full_text(r.title, r.comment) for r in responses]
    with_text = [i for i, t in enumerate(texts) if t is not None]
    languages: dict[int, str] = {}
    vectors = np.zeros((len(with_text), DIMENSIONS), np.float32)
    labels: dict[int, tuple[str, float]] = {}
    for start in range(0, len(with_text), BATCH):
        if progress is not None:
            progress(start, len(with_text))
        chunk = with_text[start : start + BATCH]
        chunk_texts = [texts[i] or "" for i in chunk]
        found = detect_languages(chunk_texts)
        vectors[start : start + len(chunk)] = embed(chunk_texts)
        x = features(chunk_texts, found, vectors[start : start + len(chunk)])
        for i, language, sentiment in zip(chunk, found, model.judge(x), strict=True):
            languages[i] = language
            labels[i] = (sentiment.label, sentiment.score)
    if progress is not None:
        progress(len(with_text), len(with_text))
    position = {i: n for n, i in enumerate(with_text)}
    result = []
    for i, response in enumerate(responses):
        has_text = i in position
        result.append(
            Analysed(
                response=response,
                text=texts[i],
                original=originals[i] if settings.keep_original else None,
                language=languages.get(i),
                sentiment=labels[i][0] if has_text else None,
                sentiment_score=labels[i][1] if has_text else None,
                embedding=vectors[position[i]] if has_text else None,
            )
        )
    return result
