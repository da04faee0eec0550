"""Themes in the comments: clusters of similar comments, their keywords, quotes and places.

Comments are clustered on their sentence embeddings with k-means; k is chosen by the
silhouette score over a range that grows with the number of comments (2 for a few dozen,
up to :data:`MAX_THEMES`), so a handful of comments is not split into many themes and ten
thousand are not lumped into three. Keywords come from c-TF-IDF; the example quotes are the
comments nearest the theme's centre; the touchpoints are where its comments were given.
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
#: Comments the silhouette score is computed on (it is quadratic in their number).
SILHOUETTE_SAMPLE = 2000
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
    examples: list[str]
    touchpoints: list[str]
    steps: list[str]

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
    from sklearn.cluster import KMeans
    from sklearn.metrics import silhouette_score

    n = len(x)
    if n < MIN_COMMENTS_TO_CLUSTER:
        return np.zeros(n, np.int64)
    highest = int(min(MAX_THEMES, max(2, round(np.sqrt(n / 4)))))
    rng = np.random.default_rng(seed)
    sample = rng.choice(n, size=min(n, SILHOUETTE_SAMPLE), replace=False)
    best_labels, best_score = np.zeros(n, np.int64), -1.0
    for k in range(2, highest + 1):
        labels = KMeans(n_clusters=k, n_init=3, random_state=seed).fit_predict(x)
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
        themes.append(
            Theme(
                name=" / ".join(words[:3]) or examples[0][:40],
                keywords=words,
                comments=len(chosen),
                sentiment=_majority([c.sentiment for c in chosen]),
                sentiment_score=round(float(np.mean([c.sentiment_score for c in chosen])), 3),
                negative_share=round(negative, 3),
                examples=examples,
                touchpoints=_top_places(chosen, places, "touchpoint"),
                steps=_top_places(chosen, places, "step"),
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
    """A negative theme as a candidate pain point, and whether the map names it already."""

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


def _stem(word: str) -> str:
    return word[:6]


def pain_points(themes: Sequence[Theme], map_pains: Sequence[str]) -> list[PainPoint]:
    """Negative themes ranked by volume × negativity (comments × share of negative ones).

    ``map_pains`` are the pain points the journey map lists already; a theme whose keywords
    meet one of them is marked with it, a theme that meets none is news to the map.
    """
    pains = [(text, {_stem(t) for t in tokens(text)}) for text in map_pains]
    result = []
    for theme in themes:
        if theme.negative_share < 0.5:
            continue
        stems = {_stem(w) for w in theme.keywords[:6]}
        hits = [(len(stems & words), text) for text, words in pains if stems & words]
        on_map = max(hits)[1] if hits else None
        result.append(PainPoint(theme, theme.comments * theme.negative_share, on_map))
    return sorted(result, key=lambda p: (-p.weight, p.theme.name))
