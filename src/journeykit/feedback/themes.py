"""Themes in the comments: clusters of similar comments, their keywords, quotes and places.

Comments are clustered on their sentence embeddings with k-means; k is chosen by the
silhouette score over a range that grows with the number of comments (up to one theme per
five comments, at most :data:`MAX_THEMES`), so a handful of comments is not split into many
themes and ten thousand are not lumped into three. Keywords come from c-TF-IDF; the
example quotes are the comments nearest the theme's centre; the touchpoints are where its
comments were given.
Pain-point candidates are the negative themes ranked by volume × negativity.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from journeykit.feedback.places import PlaceIndex
from journeykit.feedback.text.keywords import c_tf_idf, tokens

#: The most themes one analysis shows: more is a list nobody reads.
MAX_THEMES = 12
#: Fewer comments than this form a single theme.
MIN_COMMENTS_TO_CLUSTER = 12
#: Comments per theme at the least, on average: the range of k grows with the comments.
MIN_THEME_SIZE = 5
#: Comments the silhouette score is computed on (it is quadratic in their number).
SILHOUETTE_SAMPLE = 2000
#: Dimensions the embeddings are reduced to before clustering, from this many comments on.
REDUCED_DIMENSIONS = 48
REDUCE_FROM = 3000
#: Share of negative comments from which a theme is a pain-point candidate.
MIN_NEGATIVE_SHARE = 1 / 3
#: Cosine similarity from which a theme counts as one of the map's pain points.
ON_MAP_SIMILARITY = 0.45
#: Cosine similarity enough for a pain point on one of the theme's own steps.
ON_STEP_SIMILARITY = 0.33
EXAMPLES = 3


@dataclass(frozen=True)
class Comment:
    """A stored comment as the theme analysis needs it."""

    text: str
    sentiment: str
    sentiment_score: float
    embedding: np.ndarray
    step_id: str | None
    touchpoint_id: str | None


@dataclass(frozen=True)
class Theme:
    """A group of similar comments."""

    name: str
    keywords: list[str]
    comments: int
    sentiment: str
    sentiment_score: float
    negative_share: float
    positive_share: float
    examples: list[str]
    touchpoints: list[str]
    steps: list[str]
    centre: np.ndarray | None = None

    def as_dict(self) -> dict[str, Any]:
        """The theme with exactly the fields of the CLI contract."""
        return {
            "theme": self.name,
            "keywords": self.keywords,
            "comments": self.comments,
            "sentiment": self.sentiment,
            "examples": self.examples,
            "touchpoints": self.touchpoints,
        }


def choose_clusters(x: np.ndarray, *, seed: int = 0) -> np.ndarray:
    """Cluster labels for the rows of ``x`` (k chosen by silhouette)."""
    from threadpoolctl import threadpool_limits

    n = len(x)
    if n < MIN_COMMENTS_TO_CLUSTER:
        return np.zeros(n, np.int64)
    # One BLAS thread: k-means over many small matrices is slower with thread hand-offs than
    # without, by a factor of five on a busy two-core machine.
    with threadpool_limits(1):
        return _clusters(x, seed)


def _clusters(x: np.ndarray, seed: int) -> np.ndarray:
    from sklearn.cluster import KMeans
    from sklearn.decomposition import PCA
    from sklearn.metrics import silhouette_score

    n = len(x)
    if n > REDUCE_FROM and x.shape[1] > REDUCED_DIMENSIONS:
        # The leading components keep what separates topics and make k-means cheap.
        x = PCA(REDUCED_DIMENSIONS, random_state=seed).fit_transform(x)
    highest = max(2, min(MAX_THEMES, n // MIN_THEME_SIZE))
    rng = np.random.default_rng(seed)
    sample = rng.choice(n, size=min(n, SILHOUETTE_SAMPLE), replace=False)
    best_labels, best_score = np.zeros(n, np.int64), -1.0
    for k in range(2, highest + 1):
        labels = KMeans(
            n_clusters=k, n_init=4 if n <= REDUCE_FROM else 2, max_iter=100, random_state=seed
        ).fit_predict(x)
        if len(set(labels[sample].tolist())) < 2:
            continue
        score = float(silhouette_score(x[sample], labels[sample], metric="cosine"))
        if score > best_score:
            best_labels, best_score = labels, score
    return best_labels


def _majority(values: Sequence[str]) -> str:
    return Counter(values).most_common(1)[0][0]


def find_themes(comments: Sequence[Comment], places: PlaceIndex) -> list[Theme]:
    """The themes of ``comments``, the largest first."""
    comments = [c for c in comments if c.text and tokens(c.text)]
    if not comments:
        return []
    x = np.vstack([c.embedding for c in comments]).astype(np.float32)
    labels = choose_clusters(x)
    clusters = sorted(set(labels.tolist()))
    members = {k: [i for i, label in enumerate(labels) if label == k] for k in clusters}
    keywords = c_tf_idf([[comments[i].text for i in members[k]] for k in clusters])
    themes = []
    for k, words in zip(clusters, keywords, strict=True):
        chosen = [comments[i] for i in members[k]]
        centre = x[members[k]].mean(axis=0)
        nearest = np.argsort(-(x[members[k]] @ centre))
        examples: list[str] = []
        for j in nearest:
            text = chosen[int(j)].text
            if text not in examples:
                examples.append(text)
            if len(examples) == EXAMPLES:
                break
        negative = sum(c.sentiment == "negative" for c in chosen) / len(chosen)
        positive = sum(c.sentiment == "positive" for c in chosen) / len(chosen)
        themes.append(
            Theme(
                name=" / ".join(words[:3]) or examples[0][:40],
                keywords=words,
                comments=len(chosen),
                sentiment=_majority([c.sentiment for c in chosen]),
                sentiment_score=round(float(np.mean([c.sentiment_score for c in chosen])), 3),
                negative_share=round(negative, 3),
                positive_share=round(positive, 3),
                examples=examples,
                touchpoints=_top_places(chosen, places, "touchpoint"),
                steps=_top_places(chosen, places, "step"),
                centre=centre / (np.linalg.norm(centre) or 1.0),
            )
        )
    return sorted(themes, key=lambda t: (-t.comments, t.name))


def _top_places(chosen: Sequence[Comment], places: PlaceIndex, what: str) -> list[str]:
    counts: Counter[str] = Counter()
    for comment in chosen:
        key = comment.touchpoint_id if what == "touchpoint" else comment.step_id
        if key is None:
            continue
        place = places.find(key)
        if place is None:
            counts[key] += 1
        elif what == "touchpoint" and place.touchpoint_name is not None:
            counts[place.touchpoint_name] += 1
        else:
            counts[place.step_title] += 1
    return [name for name, _ in counts.most_common(5)]


@dataclass(frozen=True)
class PainPoint:
    """A negative theme as a candidate pain point, and the map's pain point it matches (None:
    the map does not name it yet)."""

    theme: Theme
    weight: float
    on_map: str | None

    def as_dict(self) -> dict[str, Any]:
        """The pain point as plain data."""
        return {
            "theme": self.theme.name,
            "comments": self.theme.comments,
            "negative_share": self.theme.negative_share,
            "weight": round(self.weight, 2),
            "touchpoints": self.theme.touchpoints,
            "steps": self.theme.steps,
            "on_map": self.on_map,
            "examples": self.theme.examples,
        }


@dataclass(frozen=True)
class MapPain:
    """A pain point the journey map lists, and the step it is on."""

    text: str
    step: str


def pain_points(
    themes: Sequence[Theme],
    map_pains: Sequence[MapPain],
    map_embeddings: np.ndarray | None = None,
) -> list[PainPoint]:
    """Negative themes ranked by volume × negativity (comments × share of negative ones);
    a theme is negative when at least a third of its comments are, and more are negative
    than positive.

    ``map_pains`` are the pain points the journey map lists already (``map_embeddings``
    their sentence embeddings, computed if not given). A theme is marked with the one its
    centre is closest to if that is close (cosine ≥ :data:`ON_MAP_SIMILARITY`), or fairly
    close and on a step the theme's comments come from (≥ :data:`ON_STEP_SIMILARITY`); a
    theme matching none is news to the map.
    """
    negative = [
        t
        for t in themes
        if t.negative_share >= MIN_NEGATIVE_SHARE and t.negative_share > t.positive_share
    ]
    if map_pains and negative and map_embeddings is None:
        from journeykit.feedback.sentiment.embedding import embed

        map_embeddings = embed([p.text for p in map_pains])
    result = []
    for theme in negative:
        on_map = None
        if map_pains and map_embeddings is not None and theme.centre is not None:
            similarity = map_embeddings @ theme.centre
            steps = set(theme.steps[:2])
            for i in np.argsort(-similarity):
                pain, close = map_pains[int(i)], float(similarity[int(i)])
                if close >= ON_MAP_SIMILARITY or (
                    close >= ON_STEP_SIMILARITY and pain.step in steps
                ):
                    on_map = pain.text
                    break
                if close < ON_STEP_SIMILARITY:
                    break
        result.append(PainPoint(theme, theme.comments * theme.negative_share, on_map))
    return sorted(result, key=lambda p: (-p.weight, p.theme.name))
