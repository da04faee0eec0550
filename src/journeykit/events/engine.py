"""Where expressions run: the one place in journeykit that executes Ibis expressions.

Metrics build expressions against an :class:`~journeykit.events.log.EventLog`; the engine
runs them on its backend and hands back Arrow tables. The embedded default is the
workspace's DuckDB file; any other Ibis backend (a local or remote Spark session, a warehouse)
serves the same expressions once the ordered tables are published to it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import ibis
import pyarrow as pa

from journeykit.events.store import EventLogMissing, EventStore

if TYPE_CHECKING:
    from ibis.backends import BaseBackend


class Engine:
    """An Ibis backend holding the ordered event log tables."""

    def __init__(self, backend: BaseBackend) -> None:
        self.backend = backend

    @classmethod
    def for_workspace(cls, folder: Path) -> Engine:
        """The embedded engine: the workspace's DuckDB file, opened read-only."""
        store = EventStore(folder)
        if not store.exists():
            raise EventLogMissing(folder)
        return cls(ibis.duckdb.connect(str(store.path), read_only=True))

    def table(self, name: str) -> ibis.Table:
        """A table of the event log on this engine."""
        return self.backend.table(name)

    def has_table(self, name: str) -> bool:
        """Whether the event log on this engine has table ``name``."""
        # Not list_tables(): ibis 12 lists DuckDB tables through an API that DuckDB 2 removed.
        try:
            self.backend.table(name)
        except Exception:  # each backend has its own "no such table" error
            return False
        return True

    def execute(self, expr: ibis.Table) -> pa.Table:
        """Run ``expr`` and return its rows as Arrow."""
        result: pa.Table = self.backend.to_pyarrow(expr)
        return result

    def scalar(self, expr: ibis.Scalar) -> Any:
        """Run a scalar expression and return its Python value."""
        return self.backend.execute(expr)

    def publish(self, store: EventStore) -> None:
        """Copy the ordered tables of ``store`` to this engine (e.g. a Spark session)."""
        load = _LOADERS.get(self.backend.name, _load_with_ibis)
        for name in store.tables():
            load(self.backend, name, store.read_table(name))

    def close(self) -> None:
        """Release the backend's connection."""
        disconnect = getattr(self.backend, "disconnect", None)
        if callable(disconnect):
            disconnect()


def _load_with_ibis(backend: BaseBackend, name: str, table: pa.Table) -> None:
    backend.create_table(name, table, overwrite=True)


def _load_into_spark(backend: BaseBackend, name: str, table: pa.Table) -> None:
    # Ibis hands Spark a pandas frame, where nullable integers turn into NaN floats that Spark
    # then drops; Spark 4 reads Arrow directly and keeps every type.
    session = backend._session
    session.createDataFrame(table).createOrReplaceTempView(name)


#: How to load an Arrow table into a backend, by backend name; Ibis's own loader otherwise.
_LOADERS: dict[str, Callable[[BaseBackend, str, pa.Table], None]] = {"pyspark": _load_into_spark}
