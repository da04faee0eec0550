"""Small helpers for the importer tests: write a messy file, read events back as plain rows."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from journeykit.events.importers import EventBatch

UTC = dt.UTC


def write(
    folder: Path, name: str, text: str, *, encoding: str = "utf-8", bom: bool = False
) -> Path:
    """Write ``text`` to ``folder/name`` exactly (no newline translation)."""
    path = folder / name
    data = text.encode(encoding)
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + data)
    return path


def at(text: str) -> dt.datetime:
    """A UTC time from ``YYYY-MM-DD HH:MM[:SS[.ffffff]]``."""
    return dt.datetime.fromisoformat(text).replace(tzinfo=UTC)


def rows(batch: EventBatch) -> list[dict[str, Any]]:
    """The batch's events as dicts without the source file column."""
    result: list[dict[str, Any]] = batch.table.to_pylist()
    for row in result:
        del row["source_file"]
    return result


def column(batch: EventBatch, name: str) -> list[Any]:
    """One column of the batch's events as a list."""
    values: list[Any] = batch.table.column(name).to_pylist()
    return values


def reasons(batch: EventBatch) -> list[tuple[int, str | None, str]]:
    """(row, field, reason) of every reject, in order."""
    return [(r.row, r.field, r.reason) for r in batch.rejects]
