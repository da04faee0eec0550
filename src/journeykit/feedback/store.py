"""The workspace's feedback in its DuckDB file ``feedback.duckdb``: atomic, deduplicated adds.

One table ``responses`` holds survey answers, reviews and tickets; the redacted text's
embedding is stored with it, so themes are found without running the encoder again. A
second table keeps the sentiment calibration fitted on the workspace's star ratings.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
import numpy as np
import pyarrow as pa

from journeykit.feedback.analysis import Analysed
from journeykit.feedback.errors import FeedbackBusy, FeedbackMissing
from journeykit.feedback.sentiment.embedding import DIMENSIONS

FEEDBACK_FILE = "feedback.duckdb"

_EMBEDDING = pa.list_(pa.float32(), DIMENSIONS)
RESPONSES = pa.schema(
    [
        ("key", pa.string()),
        ("kind", pa.string()),
        ("date", pa.date32()),
        ("customer_id", pa.string()),
        ("journey_id", pa.string()),
        ("phase_id", pa.string()),
        ("step_id", pa.string()),
        ("touchpoint_id", pa.string()),
        ("channel", pa.string()),
        ("persona", pa.string()),
        ("question", pa.string()),
        ("score", pa.float64()),
        ("title", pa.string()),
        ("comment", pa.string()),
        ("original_comment", pa.string()),
        ("category", pa.string()),
        ("source", pa.string()),
        ("language", pa.string()),
        ("sentiment", pa.string()),
        ("sentiment_score", pa.float64()),
        ("embedding", _EMBEDDING),
        ("source_file", pa.string()),
        ("source_row", pa.int64()),
        ("imported_at", pa.timestamp("us", tz="UTC")),
    ]
)
_CREATE = (
    "CREATE TABLE IF NOT EXISTS responses ("
    "key VARCHAR PRIMARY KEY, kind VARCHAR NOT NULL, date DATE NOT NULL, customer_id VARCHAR, "
    "journey_id VARCHAR, phase_id VARCHAR, step_id VARCHAR, touchpoint_id VARCHAR, "
    "channel VARCHAR, persona VARCHAR, question VARCHAR, score DOUBLE, title VARCHAR, "
    "comment VARCHAR, original_comment VARCHAR, category VARCHAR, source VARCHAR, "
    "language VARCHAR, sentiment VARCHAR, sentiment_score DOUBLE, "
    f"embedding FLOAT[{DIMENSIONS}], source_file VARCHAR, source_row BIGINT, "
    "imported_at TIMESTAMPTZ)"
)
_CREATE_CALIBRATION = (
    "CREATE TABLE IF NOT EXISTS calibration (negative DOUBLE, neutral DOUBLE, positive DOUBLE, "
    "reviews BIGINT, fitted_at TIMESTAMPTZ)"
)


@dataclass(frozen=True)
class AddResult:
    """What an import added, what was stored already, and the store's size after it."""

    added: int
    already_stored: int
    responses: int


class FeedbackStore:
    """The feedback of one workspace folder."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.path = folder / FEEDBACK_FILE

    def exists(self) -> bool:
        """Whether feedback was ever imported into this workspace."""
        return self.path.is_file()

    @contextmanager
    def connection(self, *, read_only: bool) -> Iterator[duckdb.DuckDBPyConnection]:
        """A connection to the file (read-only ones need the file to exist)."""
        if read_only and not self.exists():
            raise FeedbackMissing(
                f"the workspace {self.folder} has no feedback yet",
                hint="import answers with `journeykit feedback import FILE`",
            )
        try:
            con = duckdb.connect(str(self.path), read_only=read_only)
        except duckdb.IOException as exc:
            raise FeedbackBusy(
                f"the feedback store {self.path} is in use by another process",
                hint="wait for the other import to finish",
            ) from exc
        try:
            yield con
        finally:
            con.close()

    def stored_keys(self, keys: Sequence[str]) -> set[str]:
        """Which of ``keys`` are stored already (so their text need not be analysed again)."""
        if not self.exists() or not keys:
            return set()
        with self.connection(read_only=True) as con:
            con.register("wanted", pa.table({"key": pa.array(list(keys), pa.string())}))
            rows = con.execute(
                "SELECT key FROM responses WHERE key IN (SELECT key FROM wanted)"
            ).fetchall()
        return {row[0] for row in rows}

    def add(self, analysed: Sequence[Analysed]) -> AddResult:
        """Add the responses not stored yet, in one transaction: all of them or none."""
        batch = _to_table(analysed)
        with self.connection(read_only=False) as con:
            con.execute("BEGIN TRANSACTION")
            try:
                con.execute(_CREATE)
                con.execute(_CREATE_CALIBRATION)
                con.register("batch", batch)
                (before,) = _one(con, "SELECT count(*) FROM responses")
                con.execute(
                    "INSERT INTO responses SELECT * FROM batch "
                    "WHERE key NOT IN (SELECT key FROM responses)"
                )
                con.unregister("batch")
                (after,) = _one(con, "SELECT count(*) FROM responses")
                con.execute("COMMIT")
            except BaseException:
                con.execute("ROLLBACK")
                raise
        added = int(after - before)
        return AddResult(added, batch.num_rows - added, int(after))

    def query(self, sql: str, parameters: Sequence[Any] = ()) -> pa.Table:
        """Run a read-only query over the store and return its rows as Arrow."""
        with self.connection(read_only=True) as con:
            result: pa.Table = con.sql(sql, params=list(parameters) or None).to_arrow_table()
        return result

    def calibration(self) -> np.ndarray | None:
        """The stored intercept offsets of the sentiment calibration, if any."""
        if not self.exists():
            return None
        with self.connection(read_only=True) as con:
            row = con.execute(
                "SELECT negative, neutral, positive FROM calibration ORDER BY fitted_at DESC "
                "LIMIT 1"
            ).fetchone()
        return None if row is None else np.array(row, np.float64)

    def save_sentiments(
        self, offsets: np.ndarray, reviews: int, keys: Sequence[str], labels: Sequence[str],
        scores: Sequence[float],
    ) -> None:  # fmt: skip
        """Store a new calibration and the sentiments it gives, in one transaction."""
        update = pa.table(
            {
                "key": pa.array(list(keys), pa.string()),
                "sentiment": pa.array(list(labels), pa.string()),
                "sentiment_score": pa.array(list(scores), pa.float64()),
            }
        )
        with self.connection(read_only=False) as con:
            con.execute("BEGIN TRANSACTION")
            try:
                con.execute("DELETE FROM calibration")
                con.execute(
                    "INSERT INTO calibration VALUES (?, ?, ?, ?, ?)",
                    [*map(float, offsets), reviews, dt.datetime.now(dt.UTC)],
                )
                con.register("update_rows", update)
                con.execute(
                    "UPDATE responses SET sentiment = u.sentiment, "
                    "sentiment_score = u.sentiment_score FROM update_rows u "
                    "WHERE responses.key = u.key"
                )
                con.unregister("update_rows")
                con.execute("COMMIT")
            except BaseException:
                con.execute("ROLLBACK")
                raise


def _one(con: duckdb.DuckDBPyConnection, sql: str) -> tuple[Any, ...]:
    row = con.execute(sql).fetchone()
    assert row is not None
    return tuple(row)


def _to_table(analysed: Sequence[Analysed]) -> pa.Table:
    now = dt.datetime.now(dt.UTC)
    columns: dict[str, list[Any]] = {name: [] for name in RESPONSES.names}
    for item in analysed:
        r = item.response
        values = {
            "key": r.key(),
            "kind": r.kind,
            "date": r.date,
            "customer_id": r.customer_id,
            "journey_id": r.journey_id,
            "phase_id": r.phase_id,
            "step_id": r.step_id,
            "touchpoint_id": r.touchpoint_id,
            "channel": r.channel,
            "persona": r.persona,
            "question": r.question,
            "score": r.score,
            "title": r.title,
            "comment": r.comment,
            "original_comment": item.original,
            "category": r.category,
            "source": r.source,
            "language": item.language,
            "sentiment": item.sentiment,
            "sentiment_score": item.sentiment_score,
            "embedding": None if item.embedding is None else item.embedding.tolist(),
            "source_file": r.source_file,
            "source_row": r.source_row,
            "imported_at": now,
        }
        for name, value in values.items():
            columns[name].append(value)
    return pa.table(columns, schema=RESPONSES)
