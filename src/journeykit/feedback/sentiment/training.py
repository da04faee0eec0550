"""Fit the sentiment classifier on the training set and write ``data/model.json``.

Run ``python -m journeykit.feedback.sentiment.training`` after changing the training set;
a test fails while the shipped model was fitted on other training data. The regularisation
strength is chosen by 5-fold cross-validation on the training set alone, so the evaluation
set never influences the model.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

from journeykit.feedback.sentiment.classifier import LABELS, MODEL_FILE, SentimentModel, features
from journeykit.feedback.sentiment.dataset import fingerprint, load_examples

#: Regularisation strengths tried by cross-validation.
CANDIDATE_C = (0.3, 1.0, 3.0, 10.0)


def fit() -> SentimentModel:
    """Fit the model on the shipped training set."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedKFold, cross_val_score

    examples = load_examples("training")
    x = features([e.text for e in examples], [e.language for e in examples])
    y = np.array([LABELS.index(e.label) for e in examples])
    folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=0)
    scores = {
        c: cross_val_score(
            LogisticRegression(C=c, max_iter=5000, class_weight="balanced"),
            x,
            y,
            cv=folds,
            scoring="f1_macro",
        ).mean()
        for c in CANDIDATE_C
    }
    best = max(CANDIDATE_C, key=lambda c: scores[c])
    fitted = LogisticRegression(C=best, max_iter=5000, class_weight="balanced").fit(x, y)
    return SentimentModel(
        weights=np.asarray(fitted.coef_, np.float64),
        intercepts=np.asarray(fitted.intercept_, np.float64),
        training_fingerprint=fingerprint("training"),
        regularisation=best,
    )


def main() -> None:
    """Fit and write the model next to the training data."""
    model = fit()
    target = Path(__file__).parent / "data" / MODEL_FILE
    target.write_text(model.to_json() + "\n", encoding="utf-8")
    sys.stdout.write(f"wrote {target} (C={model.regularisation})\n")


if __name__ == "__main__":
    main()
