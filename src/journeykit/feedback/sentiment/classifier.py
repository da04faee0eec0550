"""The sentiment classifier: features, the shipped coefficients, and per-text results.

>>> model = load_model()
>>> [s.label for s in model.classify(["Alles super, gerne wieder!", "Never again."])]
['positive', 'negative']
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from importlib import resources

import numpy as np

from journeykit.feedback.sentiment.embedding import embed
from journeykit.feedback.sentiment.lexicon import lexicon_features
from journeykit.feedback.text.language import detect_languages

#: The classes, in the order of the model's rows.
LABELS = ("negative", "neutral", "positive")
MODEL_FILE = "model.json"


@dataclass(frozen=True)
class Sentiment:
    """A comment's sentiment: the most likely class and a score from −1 to 1.

    ``score`` is P(positive) − P(negative): −1 sure negative, 0 neutral or torn, 1 sure
    positive.
    """

    label: str
    score: float
    probabilities: tuple[float, float, float]


def features(
    texts: Sequence[str], languages: Sequence[str], embeddings: np.ndarray | None = None
) -> np.ndarray:
    """The classifier's input: embedding and lexicon scores side by side."""
    vectors = embed(texts) if embeddings is None else embeddings
    return np.hstack([vectors, lexicon_features(texts, languages)]).astype(np.float32)


@dataclass(frozen=True)
class SentimentModel:
    """A fitted multinomial logistic regression over :func:`features`.

    ``offsets`` shift the intercepts: a workspace's calibration on its star ratings.
    """

    weights: np.ndarray  # (3, features)
    intercepts: np.ndarray  # (3,)
    training_fingerprint: str = ""
    regularisation: float = 1.0
    lexicon_scale: float = 1.0
    offsets: np.ndarray = field(default_factory=lambda: np.zeros(len(LABELS)))

    def logits(self, x: np.ndarray) -> np.ndarray:
        """Unnormalised class scores, calibration included."""
        result: np.ndarray = x @ self.weights.T + self.intercepts + self.offsets
        return result

    def probabilities(self, x: np.ndarray) -> np.ndarray:
        """Class probabilities (rows sum to 1)."""
        z = self.logits(x)
        z -= z.max(axis=1, keepdims=True)
        e = np.exp(z)
        result: np.ndarray = e / e.sum(axis=1, keepdims=True)
        return result

    def calibrated(self, offsets: np.ndarray) -> SentimentModel:
        """The same model with these intercept offsets."""
        return replace(self, offsets=np.asarray(offsets, np.float64))

    def judge(self, x: np.ndarray) -> list[Sentiment]:
        """Sentiments of feature rows."""
        p = self.probabilities(x)
        best = p.argmax(axis=1)
        return [
            Sentiment(LABELS[int(k)], round(float(row[2] - row[0]), 4), (row[0], row[1], row[2]))
            for k, row in zip(best, p.tolist(), strict=True)
        ]

    def classify(
        self, texts: Sequence[str], languages: Sequence[str] | None = None
    ) -> list[Sentiment]:
        """Sentiments of texts (languages detected if not given)."""
        langs = detect_languages(texts) if languages is None else languages
        return self.judge(features(texts, langs))

    def to_json(self) -> str:
        """The fitted coefficients as JSON (the shipped ``model.json``)."""
        return json.dumps(
            {
                "labels": list(LABELS),
                "training_fingerprint": self.training_fingerprint,
                "regularisation": self.regularisation,
                "lexicon_scale": self.lexicon_scale,
                "intercepts": [round(float(v), 6) for v in self.intercepts],
                "weights": [[round(float(v), 6) for v in row] for row in self.weights],
            },
            indent=0,
        )

    @classmethod
    def from_json(cls, text: str) -> SentimentModel:
        """A model from :meth:`to_json`'s text."""
        data = json.loads(text)
        if tuple(data["labels"]) != LABELS:
            raise ValueError(f"model labels {data['labels']} are not {list(LABELS)}")
        return cls(
            weights=np.array(data["weights"], np.float64),
            intercepts=np.array(data["intercepts"], np.float64),
            training_fingerprint=data["training_fingerprint"],
            regularisation=float(data["regularisation"]),
            lexicon_scale=float(data.get("lexicon_scale", 1.0)),
        )


@cache
def load_model() -> SentimentModel:
    """The shipped, fitted model."""
    text = (
        resources.files("journeykit.feedback.sentiment")
        .joinpath("data", MODEL_FILE)
        .read_text(encoding="utf-8")
    )
    return SentimentModel.from_json(text)
