"""Importing feedback into a workspace: read, pseudonymise, redact, analyse, store, calibrate.

The one function the CLI (and later the web app) calls; every step before the store's
single transaction can fail without leaving anything behind.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
import pyarrow as pa

from journeykit.events.importers.pseudonym import pseudonymise
from journeykit.events.importers.rejects import Reject
from journeykit.feedback.analysis import analyse, redacted
from journeykit.feedback.importers import FeedbackKind, FeedbackMapping, read_feedback
from journeykit.feedback.importers.reader import Scales
from journeykit.feedback.places import PlaceIndex
from journeykit.feedback.records import Response
from journeykit.feedback.sentiment.calibration import MIN_RATED_REVIEWS, fit_offsets
from journeykit.feedback.sentiment.classifier import SentimentModel, features, load_model
from journeykit.feedback.settings import read_settings
from journeykit.feedback.store import FeedbackStore
from journeykit.store import Workspace

Progress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class ImportSummary:
    """What an import did."""

    rows_read: int
    responses: int
    added: int
    already_stored: int
    rejects: list[Reject]
    stored: int
    calibrated_on: int | None


def workspace_places(ws: Workspace) -> PlaceIndex:
    """The touchpoints and steps of the workspace's journeys."""
    journeys = ws.journeys()
    return PlaceIndex.of(journeys.get(summary.id) for summary in journeys.list())


def _pseudonymised(responses: list[Response], key: bytes) -> list[Response]:
    ids = [r.customer_id for r in responses]
    if not any(ids):
        return responses
    hashed = pseudonymise(pa.array(ids, pa.string()), key).to_pylist()
    return [replace(r, customer_id=h) for r, h in zip(responses, hashed, strict=True)]


def import_feedback(
    ws: Workspace,
    paths: Sequence[Path],
    *,
    kind: FeedbackKind = "survey",
    mapping: FeedbackMapping = FeedbackMapping(),  # noqa: B008 - frozen
    pseudonymise_ids: bool = False,
    progress: Progress | None = None,
) -> ImportSummary:
    """Import feedback files into the workspace: all usable rows, or nothing."""
    settings = read_settings(ws.path)
    scales = Scales(csat=settings.csat_scale, ces=settings.ces_scale)

    def reading(done: int, total: int) -> None:
        if progress is not None:
            progress("Reading", done, total)

    batch = read_feedback(
        list(paths),
        kind=kind,
        mapping=mapping,
        places=workspace_places(ws),
        scales=scales,
        progress=reading,
    )
    responses = batch.responses
    use_key = pseudonymise_ids or ws.config.pseudonymisation_key is not None
    if use_key:
        responses = _pseudonymised(responses, ws.pseudonymisation_key())
    store = FeedbackStore(ws.path)
    keys = [redacted(r, settings).key() for r in responses]
    stored = store.stored_keys(keys)
    new = [r for r, key in zip(responses, keys, strict=True) if key not in stored]

    def analysing(done: int, total: int) -> None:
        if progress is not None:
            progress("Reading the comments", done, total)

    analysed = analyse(new, settings, model=_calibrated_model(store), progress=analysing)
    with ws.lock():
        result = store.add(analysed) if analysed or not store.exists() else None
        calibrated = recalibrate(store) if kind == "review" else None
    total = result.responses if result is not None else _count(store)
    added = result.added if result is not None else 0
    return ImportSummary(
        rows_read=batch.rows_read,
        responses=len(responses),
        added=added,
        already_stored=len(responses) - added,
        rejects=batch.rejects,
        stored=total,
        calibrated_on=calibrated,
    )


def _count(store: FeedbackStore) -> int:
    return int(store.query("SELECT count(*) AS n FROM responses").column("n")[0].as_py())


def _calibrated_model(store: FeedbackStore) -> SentimentModel:
    offsets = store.calibration()
    model = load_model()
    return model if offsets is None else model.calibrated(offsets)


def recalibrate(store: FeedbackStore) -> int | None:
    """Fit the sentiment calibration on the stored star-rated reviews and re-judge every
    stored text with it; the number of reviews it rests on, or None if too few."""
    reviews = store.query(
        "SELECT comment, language, score, embedding FROM responses "
        "WHERE kind = 'review' AND comment IS NOT NULL AND score IS NOT NULL"
    )
    if reviews.num_rows < MIN_RATED_REVIEWS:
        return None
    model = load_model()
    x = _stored_features(reviews)
    offsets = fit_offsets(model, x, reviews.column("score").to_pylist())
    if offsets is None:
        return None
    texts = store.query(
        "SELECT key, comment, language, embedding FROM responses WHERE comment IS NOT NULL"
    )
    judged = model.calibrated(offsets).judge(_stored_features(texts))
    store.save_sentiments(
        offsets,
        reviews.num_rows,
        texts.column("key").to_pylist(),
        [s.label for s in judged],
        [s.score for s in judged],
    )
    return int(reviews.num_rows)


def _stored_features(table: pa.Table) -> np.ndarray:
    embeddings = np.array(table.column("embedding").to_pylist(), np.float32)
    languages = [language or "und" for language in table.column("language").to_pylist()]
    return features(table.column("comment").to_pylist(), languages, embeddings)
