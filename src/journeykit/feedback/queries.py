"""Reading stored feedback back for the KPIs and the theme analysis."""

from __future__ import annotations

import numpy as np

from journeykit.feedback.kpis import Answer
from journeykit.feedback.store import FeedbackStore
from journeykit.feedback.themes import Comment, MapPain
from journeykit.model.document import JourneyDocument
from journeykit.store import Workspace


def stored_answers(store: FeedbackStore) -> list[Answer]:
    """Every stored survey answer."""
    table = store.query(
        "SELECT question, score, date, customer_id, journey_id, phase_id, step_id, "
        "touchpoint_id, channel, persona FROM responses "
        "WHERE kind = 'survey' AND question IS NOT NULL AND score IS NOT NULL "
        "ORDER BY date, key"
    )
    return [Answer(**row) for row in table.to_pylist()]


def stored_comments(store: FeedbackStore) -> list[Comment]:
    """Every stored text (answers' comments, reviews, tickets), with its embedding."""
    table = store.query(
        "SELECT comment, sentiment, sentiment_score, embedding, step_id, touchpoint_id "
        "FROM responses WHERE comment IS NOT NULL AND embedding IS NOT NULL ORDER BY key"
    )
    columns = table.to_pydict()
    embeddings = np.array(columns["embedding"], np.float32)
    return [
        Comment(text, sentiment, score, embeddings[i], step, touchpoint)
        for i, (text, sentiment, score, step, touchpoint) in enumerate(
            zip(
                columns["comment"],
                columns["sentiment"],
                columns["sentiment_score"],
                columns["step_id"],
                columns["touchpoint_id"],
                strict=True,
            )
        )
    ]


def map_pain_points(ws: Workspace) -> list[MapPain]:
    """The pain points the workspace's journey maps list on their steps."""
    journeys = ws.journeys()
    documents: list[JourneyDocument] = [journeys.get(s.id) for s in journeys.list()]
    return [
        MapPain(item.text, step.title)
        for document in documents
        for _, step in document.journey.steps()
        for item in step.lanes.pain_points
    ]
