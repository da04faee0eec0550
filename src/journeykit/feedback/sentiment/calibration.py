"""Calibrate the classifier to a workspace's own star ratings.

Customers of one shop write differently from the training set (terser, more ironic, in a
trade's jargon), and what counts as "neutral" differs by trade. Where a workspace has
enough star-rated reviews, the ratings say what each review meant — 1–2 stars negative,
3 neutral, 4–5 positive — and the classifier's three intercepts are shifted to fit them
best (maximum likelihood, with a ridge penalty that keeps the shifts small when the
reviews are few). The weights stay as trained: a few hundred reviews can re-balance the
classes, not re-learn language.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from journeykit.feedback.sentiment.classifier import SentimentModel

#: Fewer rated reviews than this leave the model as shipped.
MIN_RATED_REVIEWS = 30
#: Strength of the ridge penalty on the offsets, per review.
PENALTY = 0.5


def rating_label(stars: float, scale_high: int = 5) -> int:
    """The class a star rating stands for: 0 negative, 1 neutral, 2 positive.

    >>> [rating_label(s) for s in (1, 2, 3, 4, 5)]
    [0, 0, 1, 2, 2]
    """
    middle = (1 + scale_high) / 2
    if stars < middle:
        return 0
    return 1 if stars == middle else 2


def fit_offsets(
    model: SentimentModel, x: np.ndarray, stars: Sequence[float], *, scale_high: int = 5
) -> np.ndarray | None:
    """Intercept offsets that fit ``model`` (its own offsets ignored) to the rated reviews'
    features ``x``; use them as ``model.calibrated(offsets)``.

    None when there are fewer than :data:`MIN_RATED_REVIEWS` reviews.
    """
    if len(stars) < MIN_RATED_REVIEWS:
        return None
    y = np.array([rating_label(s, scale_high) for s in stars])
    base = model.calibrated(np.zeros(3)).logits(x)
    penalty = PENALTY * np.sqrt(len(y))

    def loss(offsets: np.ndarray) -> float:
        z = base + offsets
        z = z - z.max(axis=1, keepdims=True)
        log_p = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
        return float(-log_p[np.arange(len(y)), y].sum() + penalty * (offsets @ offsets))

    from scipy.optimize import minimize  # here: it adds half a second to every command's start

    result = minimize(loss, np.zeros(3), method="L-BFGS-B")
    offsets: np.ndarray = result.x - result.x.mean()  # only differences between classes count
    return offsets
