"""Fit the sentiment classifier on the training set and write ``data/model.json``.

Run ``python -m journeykit.feedback.sentiment.training`` after changing the training set;
a test fails while the shipped model was fitted on other training data. The regularisation
strength and the lexicon features' scale are chosen by 5-fold cross-validation on the
training set alone, so the evaluation set never influences the model.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

from journeykit.feedback.sentiment.classifier import LABELS, MODEL_FILE, SentimentModel, features
from journeykit.feedback.sentiment.dataset import fingerprint, load_examples
from journeykit.feedback.sentiment.embedding import DIMENSIONS

#: Regularisation strengths tried by cross-validation.
CANDIDATE_C = (0.3, 1.0, 3.0, 10.0)
#: Scales of the lexicon features tried: a larger scale lets the lexicons speak louder
#: against the 512 embedding dimensions under the same L2 penalty.
CANDIDATE_LEXICON_SCALES = (1.0, 3.0)


def fit() -> SentimentModel:
    """Fit the model on the shipped training set."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedKFold, cross_val_score

    examples = load_examples("training")
    x = features([e.text for e in examples], [e.language for e in examples])
    y = np.array([LABELS.index(e.label) for e in examples])
    folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=0)

    def scaled(scale: float) -> np.ndarray:
        result = x.copy()
        result[:, DIMENSIONS:] *= scale
        return result

    scores = {
        (c, scale): cross_val_score(
            LogisticRegression(C=c, max_iter=5000, class_weight="balanced"),
            scaled(scale),
            y,
            cv=folds,
            scoring="f1_macro",
        ).mean()
        for c in CANDIDATE_C
        for scale in CANDIDATE_LEXICON_SCALES
    }
    best_c, best_scale = max(scores, key=lambda key: scores[key])
    fitted = LogisticRegression(C=best_c, max_iter=5000, class_weight="balanced").fit(
        scaled(best_scale), y
    )
    weights = np.asarray(fitted.coef_, np.float64)
    # The scale folds into the weights: w·(s·x) = (s·w)·x, so features stay unscaled.
    weights[:, DIMENSIONS:] *= best_scale
    return SentimentModel(
        weights=weights,
        intercepts=np.asarray(fitted.intercept_, np.float64),
        training_fingerprint=fingerprint("training"),
        regularisation=best_c,
        lexicon_scale=best_scale,
    )


def main() -> None:
    """Fit and write the model next to the training data."""
    model = fit()
    target = Path(__file__).parent / "data" / MODEL_FILE
    target.write_text(model.to_json() + "\n", encoding="utf-8")
    sys.stdout.write(
        f"wrote {target} (C={model.regularisation}, lexicon scale={model.lexicon_scale})\n"
    )


if __name__ == "__main__":
    main()
