"""Rows that could not be used: where they were, why, and what they said.

>>> r = Reject(file="a.csv", row=3, field="ts", reason="empty time", raw="C1;;login")
>>> r.row, r.field
(3, 'ts')
"""

from __future__ import annotations

import contextlib
import csv
import io
import os
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

#: Raw text longer than this is cut: a reject should point at the row, not copy a huge blob.
MAX_RAW = 2000
REJECT_COLUMNS = ("file", "row", "field", "reason", "raw")


@dataclass(frozen=True)
class Reject:
    """One unusable row: ``row`` is the 1-based data row (line number for JSON Lines)."""

    file: str
    row: int
    field: str | None
    reason: str
    raw: str


def clip(text: str) -> str:
    """``text`` cut to :data:`MAX_RAW` characters, marked with an ellipsis when cut."""
    return text if len(text) <= MAX_RAW else text[: MAX_RAW - 1] + "…"


def csv_line(values: Sequence[object], delimiter: str) -> str:
    """Cells joined back into one CSV line in the file's dialect (quoted where needed)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="")
    writer.writerow(["" if v is None else v for v in values])
    return clip(buffer.getvalue())


def write_rejects(path: Path, rejects: Sequence[Reject]) -> None:
    """Write ``rejects`` as UTF-8 CSV (``file,row,field,reason,raw``), all or nothing.

    The file is written next to ``path`` under a temporary name and renamed into place, so a
    reader never sees half a file and a failed write leaves any earlier file untouched.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as file:
            writer = csv.writer(file)
            writer.writerow(REJECT_COLUMNS)
            for r in rejects:
                writer.writerow([r.file, r.row, r.field or "", r.reason, r.raw])
        Path(temporary).replace(path)
    except BaseException:
        with contextlib.suppress(OSError):
            Path(temporary).unlink()
        raise
