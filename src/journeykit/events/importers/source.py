"""A file as read, before its columns are mapped: the table, row numbers and early rejects."""

from __future__ import annotations

import contextlib
import queue
import threading
from collections.abc import Callable, Iterator, Sequence
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


def prefetched(blocks: Iterator[SourceTable]) -> Iterator[SourceTable]:
    """``blocks``, with the next one read and parsed by a thread while the caller converts the
    current one (reading and parsing release the GIL). At most one block waits.

    An exception of the reader surfaces where the block it failed on would have.
    """
    handoff: queue.Queue[tuple[SourceTable | None, BaseException | None]] = queue.Queue(1)
    stop = threading.Event()

    def read() -> None:
        try:
            for block in blocks:
                handoff.put((block, None))
                if stop.is_set():
                    return
            handoff.put((None, None))
        except BaseException as failure:  # handed over to the consumer
            handoff.put((None, failure))

    reader = threading.Thread(target=read, name="events-read", daemon=True)
    reader.start()
    try:
        while True:
            block, failure = handoff.get()
            if failure is not None:
                raise failure
            if block is None:
                return
            yield block
    finally:
        stop.set()
        while reader.is_alive():  # unblock a reader waiting to hand over
            with contextlib.suppress(queue.Empty):
                handoff.get(timeout=0.05)
