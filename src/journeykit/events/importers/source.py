"""A file as read, before its columns are mapped: the table, row numbers and early rejects."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pyarrow as pa

from journeykit.events.importers.rejects import Reject

#: Bytes between two progress reports while a file is read.
PROGRESS_BYTES = 64 << 20

ProgressFn = Callable[[int], None]
"""Called with the bytes of the current file done so far."""


@dataclass
class SourceTable:
    """One file's rows as Arrow columns, each with the row number a person would look up.

    ``text_cells`` marks CSV, whose cells are all text: they are trimmed, empty means missing,
    and numbers inside them are recognised.
    """

    file: str
    table: pa.Table
    rows: np.ndarray
    rows_read: int
    raw_rows: Callable[[Sequence[int]], list[str]]
    rejects: list[Reject] = field(default_factory=list)
    text_cells: bool = False
    #: Per column read as text because its types clashed: rows that held no text or number.
    not_text: dict[str, np.ndarray] = field(default_factory=dict)


def read_blocks(path: str, on_progress: ProgressFn | None) -> bytes:
    """The whole file, read in :data:`PROGRESS_BYTES` blocks so progress moves while it loads."""
    parts = []
    done = 0
    with Path(path).open("rb") as file:
        while block := file.read(PROGRESS_BYTES):
            parts.append(block)
            done += len(block)
            if on_progress is not None:
                on_progress(done)
    return b"".join(parts)
