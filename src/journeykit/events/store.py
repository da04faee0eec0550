"""The workspace's event log in its DuckDB file: atomic imports and the journey-ordered build."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from journeykit.events import ordered
from journeykit.events.rules import SqlCase, TouchpointRules
from journeykit.events.schema import RAW_EVENTS
from journeykit.model.errors import JourneykitError

EVENTS_FILE = "events.duckdb"


class EventLogMissing(JourneykitError):
    """The workspace has no event log yet."""

    code = "no_event_log"
    status = 404

    def __init__(self, folder: Path) -> None:
        super().__init__(
            f"the workspace {folder} has no event log yet",
            hint="import events with `journeykit events import FILE`",
        )


class EventLogBusy(JourneykitError):
    """Another process has the event log open for writing."""

    code = "event_log_busy"
    status = 423


@dataclass(frozen=True)
class AddResult:
    """What an import added: new rows, rows that were stored already, and the log's size."""

    added: int
    already_stored: int
    events: int
    customers: int


class EventStore:
    """The event log of one workspace folder."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.path = folder / EVENTS_FILE

    def exists(self) -> bool:
        """Whether events were ever imported into this workspace."""
        return self.path.is_file()

    @contextmanager
    def _connection(self, *, read_only: bool) -> Iterator[duckdb.DuckDBPyConnection]:
        if read_only and not self.exists():
            raise EventLogMissing(self.folder)
        try:
            con = duckdb.connect(str(self.path), read_only=read_only)
        except duckdb.IOException as exc:
            raise EventLogBusy(
                f"the event log {self.path} is in use by another process",
                hint="wait for the other import to finish",
            ) from exc
        try:
            yield con
        finally:
            con.close()

    def add(
        self,
        batch: pa.Table,
        *,
        rules: TouchpointRules,
        session_timeout_seconds: int = ordered.DEFAULT_SESSION_TIMEOUT_SECONDS,
    ) -> AddResult:
        """Add the rows of ``batch`` (schema RAW_EVENTS) that are not stored yet, and rebuild
        the ordered tables: all in one transaction, so a failure leaves the log as it was."""
        batch = batch.select(RAW_EVENTS.names).cast(RAW_EVENTS)
        with self._connection(read_only=False) as con:
            con.execute("BEGIN TRANSACTION")
            try:
                con.execute(ordered.CREATE_RAW)
                con.register("batch", batch)
                before, next_ingest = _one(
                    con, f"SELECT count(*), coalesce(max(ingest), 0) + 1 FROM {ordered.RAW_TABLE}"
                )
                con.execute(ordered.INSERT_NEW, {"first_ingest": next_ingest})
                con.unregister("batch")
                (after,) = _one(con, f"SELECT count(*) FROM {ordered.RAW_TABLE}")
                self._build(con, rules, session_timeout_seconds)
                (customers,) = _one(con, "SELECT count(*) FROM customers")
                con.execute("COMMIT")
            except BaseException:
                con.execute("ROLLBACK")
                raise
        added = after - before
        return AddResult(added, batch.num_rows - added, after, customers)

    def add_attributes(self, table: pa.Table) -> int:
        """Store customer attributes (``customer_id`` first); a customer's new row replaces
        the old one, and new columns are added. Returns how many customers have attributes."""
        with self._connection(read_only=False) as con:
            con.execute("BEGIN TRANSACTION")
            try:
                con.register("batch", table)
                exists = _one(
                    con,
                    "SELECT count(*) FROM information_schema.tables "
                    "WHERE table_name = 'attributes'",
                )[0]
                if exists:
                    con.execute(
                        "CREATE OR REPLACE TABLE attributes AS "
                        "SELECT * FROM attributes WHERE customer_id NOT IN "
                        "(SELECT customer_id FROM batch) "
                        "UNION ALL BY NAME SELECT * FROM batch"
                    )
                else:
                    con.execute("CREATE TABLE attributes AS SELECT * FROM batch")
                con.unregister("batch")
                (count,) = _one(con, "SELECT count(*) FROM attributes")
                con.execute("COMMIT")
            except BaseException:
                con.execute("ROLLBACK")
                raise
        return int(count)

    def tables(self) -> tuple[str, ...]:
        """The derived tables this log has (customer attributes only once imported)."""
        with self._connection(read_only=True) as con:
            present = {row[0] for row in con.execute("SHOW TABLES").fetchall()}
        return tuple(name for name in ordered.DERIVED_TABLES if name in present)

    def rebuild(
        self,
        *,
        rules: TouchpointRules,
        session_timeout_seconds: int = ordered.DEFAULT_SESSION_TIMEOUT_SECONDS,
    ) -> None:
        """Derive the ordered tables again, e.g. after the touchpoint rules changed."""
        with self._connection(read_only=False) as con:
            con.execute("BEGIN TRANSACTION")
            try:
                self._build(con, rules, session_timeout_seconds)
                con.execute("COMMIT")
            except BaseException:
                con.execute("ROLLBACK")
                raise

    @staticmethod
    def _build(
        con: duckdb.DuckDBPyConnection, rules: TouchpointRules, session_timeout_seconds: int
    ) -> None:
        for statement in _statements(ordered.BUILD_CODES):
            con.execute(statement)
        case = SqlCase()
        sql = ordered.BUILD_EVENTS.format(
            touchpoint=case.case(rules, "touchpoint"), phase=case.case(rules, "phase")
        )
        con.execute(sql, {"session_gap_us": session_timeout_seconds * 1_000_000, **case.params})
        for statement in _statements(ordered.BUILD_CUSTOMERS):
            con.execute(statement)

    def read_table(self, name: str) -> pa.Table:
        """A whole derived table as Arrow (to publish it to another backend)."""
        with self._connection(read_only=True) as con:
            result: pa.Table = con.sql(f"SELECT * FROM {_table_name(name)}").to_arrow_table()
            return result


def _one(con: duckdb.DuckDBPyConnection, sql: str) -> tuple[Any, ...]:
    row = con.execute(sql).fetchone()
    assert row is not None  # aggregate queries always return a row
    return tuple(row)


def _statements(script: str) -> list[str]:
    return [s.strip() for s in script.split(";") if s.strip()]


def _table_name(name: str) -> str:
    if name not in ordered.DERIVED_TABLES:
        raise ValueError(f"not a table of the event log: {name}")
    return name
