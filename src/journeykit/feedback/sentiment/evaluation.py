"""Measure the classifier on the evaluation set: accuracy and macro-F1 per language.

``python -m journeykit.feedback.sentiment.evaluation`` prints the figures that
``docs/feedback.md`` reports.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass

from journeykit.feedback.sentiment.classifier import SentimentModel, load_model
from journeykit.feedback.sentiment.dataset import LANGUAGES, load_examples


@dataclass(frozen=True)
class Quality:
    """How well the classifier labels one language's evaluation comments."""

    language: str
    examples: int
    accuracy: float
    macro_f1: float


def macro_f1(truth: list[str], predicted: list[str]) -> float:
    """The unweighted mean of the per-class F1 scores.

    >>> macro_f1(["positive", "negative"], ["positive", "positive"])
    0.3333333333333333
    """
    scores = []
    for label in sorted(set(truth) | set(predicted)):
        tp = sum(t == p == label for t, p in zip(truth, predicted, strict=True))
        fp = sum(p == label != t for t, p in zip(truth, predicted, strict=True))
        fn = sum(t == label != p for t, p in zip(truth, predicted, strict=True))
        scores.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return sum(scores) / len(scores)


def evaluate(model: SentimentModel | None = None) -> list[Quality]:
    """Accuracy and macro-F1 of ``model`` (the shipped one by default) per language."""
    model = model or load_model()
    result = []
    for language in LANGUAGES:
        examples = load_examples("evaluation", language)
        truth = [e.label for e in examples]
        # The language is given, as the evaluation measures sentiment, not detection.
        found = model.classify([e.text for e in examples], [language] * len(examples))
        predicted = [s.label for s in found]
        accuracy = sum(t == p for t, p in zip(truth, predicted, strict=True)) / len(truth)
        result.append(Quality(language, len(truth), accuracy, macro_f1(truth, predicted)))
    return result


def main() -> None:
    """Print the evaluation as a Markdown table."""
    sys.stdout.write("| language | comments | accuracy | macro-F1 |\n|---|---|---|---|\n")
    for q in evaluate():
        sys.stdout.write(f"| {q.language} | {q.examples} | {q.accuracy:.3f} | {q.macro_f1:.3f} |\n")


if __name__ == "__main__":
    main()
