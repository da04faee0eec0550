"""What an import produced: the usable rows, the rejects, and how many rows were read."""

from __future__ import annotations

from dataclasses import dataclass, field

import pyarrow as pa

from journeykit.events.importers.rejects import Reject


def _summary(rows_read: int, usable: int, rejected: int) -> str:
    return f"{rows_read:,} rows read, {usable:,} usable, {rejected:,} rejected"


@dataclass
class EventBatch:
    """Events read from one or more files, ready for the store (which deduplicates against
    what it already holds).

    >>> from journeykit.events.schema import RAW_EVENTS
    >>> EventBatch(RAW_EVENTS.empty_table(), [], 0).summary()
    '0 rows read, 0 usable, 0 rejected'
    """

    #: Exactly :data:`~journeykit.events.schema.RAW_EVENTS`.
    table: pa.Table
    rejects: list[Reject]
    #: Data rows in the files, usable or not.
    rows_read: int

    def summary(self) -> str:
        """One line for the user: rows read, usable and rejected."""
        return _summary(self.rows_read, self.table.num_rows, len(self.rejects))


@dataclass
class AttributeBatch:
    """Customer attributes: ``customer_id`` first, then typed columns with identifier names."""

    table: pa.Table
    rejects: list[Reject]
    rows_read: int
    #: Each original column name and the identifier it became.
    column_names: dict[str, str] = field(default_factory=dict)

    def summary(self) -> str:
        """One line for the user: rows read, usable and rejected."""
        return _summary(self.rows_read, self.table.num_rows, len(self.rejects))
