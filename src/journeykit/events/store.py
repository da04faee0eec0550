"""The workspace's event log in its DuckDB file: atomic imports and the journey-ordered build.

An import adds the new rows and rebuilds every ordered table in one DuckDB transaction, so a
failure leaves the log as it was. The build (see :mod:`journeykit.events.ordered`) writes
each table under a temporary name and swaps them in at the end of the transaction.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from journeykit.events import batch_codes, ordered
from journeykit.events.build import order_rows
from journeykit.events.files import FileCodes
from journeykit.events.rules import SqlCase, TouchpointRules
from journeykit.events.schema import RAW_EVENTS
from journeykit.model.errors import JourneykitError

EVENTS_FILE = "events.duckdb"

#: Memory DuckDB may use for a build before it spills to disk (next to the log). The import
#: also holds the batch it adds; together they stay within the 1.5 GB the benchmarks promise.
BUILD_MEMORY_LIMIT = os.environ.get("JOURNEYKIT_BUILD_MEMORY", "256MB")
# Rows per batch of the sorted log handed to Python.
_SORTED_BATCH_ROWS = 1 << 18


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


@dataclass(frozen=True)
class _Rows:
    """The raw rows a build reads: those stored and those added (SQL; None for none)."""

    stored: str | None
    added: str | None = None
    #: How many rows are stored.
    count: int = 0
    #: Whether they are in a raw table of the layout before ``raw_events`` was a view.
    legacy: bool = False

    def union(self) -> str:
        parts = [p for p in (self.stored, self.added) if p is not None]
        return " UNION ALL ".join(f"SELECT {ordered.RAW_COLUMNS} FROM ({p})" for p in parts)


class EventStore:
    """The event log of one workspace folder."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.path = folder / EVENTS_FILE

    def exists(self) -> bool:
        """Whether events were ever imported into this workspace."""
        return self.path.is_file()

    @contextmanager
    def _connection(
        self, *, read_only: bool, config: dict[str, Any] | None = None
    ) -> Iterator[duckdb.DuckDBPyConnection]:
        if read_only and not self.exists():
            raise EventLogMissing(self.folder)
        try:
            con = duckdb.connect(str(self.path), read_only=read_only, config=config or {})
        except duckdb.IOException as exc:
            raise EventLogBusy(
                f"the event log {self.path} is in use by another process",
                hint="wait for the other import to finish",
            ) from exc
        try:
            yield con
        finally:
            con.close()

    @contextmanager
    def _transaction(self) -> Iterator[duckdb.DuckDBPyConnection]:
        # Bounded memory (DuckDB spills sorts to disk beyond it); insertion order kept, so
        # ``events`` is stored in journey order, which its compression and scans profit from.
        config = {"memory_limit": BUILD_MEMORY_LIMIT, "preserve_insertion_order": True}
        with self._connection(read_only=False, config=config) as con:
            con.execute("BEGIN TRANSACTION")
            try:
                yield con
                con.execute("COMMIT")
            except BaseException:
                con.execute("ROLLBACK")
                raise

    def add(
        self,
        batch: pa.Table,
        *,
        rules: TouchpointRules,
        session_timeout_seconds: int = ordered.DEFAULT_SESSION_TIMEOUT_SECONDS,
    ) -> AddResult:
        """Add the rows of ``batch`` (schema RAW_EVENTS) that are not stored yet, and rebuild
        the ordered tables: all in one transaction, so a failure leaves the log as it was."""
        batch = _conform(batch)
        with self._transaction() as con:
            stored = _stored_rows(con)
            files = FileCodes.of(con, batch)
            if stored.stored is None:
                # Nothing stored, nothing to compare with: the batch is sorted where it is.
                added = batch.num_rows
                self._build(con, _Rows(None), rules, session_timeout_seconds, batch=(batch, files))
            else:
                batch, batch_rows = files.attach(con, batch)
                con.register("batch", batch)
                con.execute(ordered.NEW_ROWS.format(batch=batch_rows, stored=stored.stored))
                con.unregister("batch")
                (added,) = _one(con, "SELECT count(*) FROM incoming")
                rows = replace(stored, added="SELECT * FROM incoming")
                self._build(con, rows, rules, session_timeout_seconds, strings=_has_strings(batch))
            (customers,) = _one(con, "SELECT count(*) FROM customers")
        return AddResult(added, batch.num_rows - added, stored.count + added, customers)

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
        with self._transaction() as con:
            rows = _stored_rows(con)
            if rows.stored is None:
                return
            self._build(con, rows, rules, session_timeout_seconds)

    def _build(
        self,
        con: duckdb.DuckDBPyConnection,
        rows: _Rows,
        rules: TouchpointRules,
        session_timeout_seconds: int,
        *,
        strings: frozenset[str] = frozenset(),
        batch: tuple[pa.Table, FileCodes] | None = None,
    ) -> None:
        """Write the ordered tables for ``rows`` (or, on a first import, ``batch`` alone)
        under new names, then swap them in. ``strings``: which of ``source`` and
        ``properties`` the added rows have a value in."""
        if batch is not None:
            table, files = batch
            batch_codes.register(con, table, files.per_row())
            code_inputs = batch_codes.CODE_INPUTS
            strings = _has_strings(table)
        else:
            code_inputs = _code_inputs(rows)
            strings = strings | _stored_strings(con, rows)
        for statement in _statements(ordered.BUILD_CODES.format(**code_inputs)):
            con.execute(statement)
        case = SqlCase()
        # Columns without a value anywhere stay out of the sort and are computed as nulls.
        carried: dict[str, str] = {c: c for c in ("source", "properties") if c in strings}
        for field in ("touchpoint", "phase"):
            if any(getattr(rule, field) is not None for rule in rules.rules):
                carried[field] = case.case(rules, field)
        extra = "".join(f", {sql} AS {name}" for name, sql in carried.items())
        if batch is not None:
            query = batch_codes.SORTED_CODES.format(file_id=batch[1].column(), extra=extra)
            translate = batch_codes.translation(con)
        else:
            query = ordered.SORTED_ROWS.format(extra=extra, rows=rows.union())
            translate = None
        spill = self.folder / f".events-build-{os.getpid()}.parquet"
        try:
            with con.sql(query, params=case.params or None).to_arrow_reader(
                _SORTED_BATCH_ROWS
            ) as sorted_rows:
                built = order_rows(
                    sorted_rows,
                    spill,
                    session_gap_us=session_timeout_seconds * 1_000_000,
                    translate=None if translate is None else translate.apply,
                )
            # What the pass allocated is garbage now; Arrow's allocator would keep it while
            # DuckDB writes the table.
            pa.default_memory_pool().release_unused()
            virtual = {"ts": ordered.VIRTUAL_TS}
            for name in ("source", "properties", "touchpoint", "phase"):
                if name not in carried:
                    virtual[name] = ordered.VIRTUAL_NULL
            con.execute(ordered.create_events(virtual))
            con.execute(ordered.insert_events(virtual, _literal(spill)))
        finally:
            with suppress(FileNotFoundError):
                spill.unlink()
        if batch is not None:
            batch_codes.unregister(con)
        con.register("journeys", built.journeys)
        con.register("built_variants", built.variants)
        for statement in _statements(ordered.BUILD_CUSTOMERS):
            con.execute(statement)
        con.unregister("journeys")
        con.unregister("built_variants")
        _swap(con, legacy=rows.legacy)

    def read_table(self, name: str) -> pa.Table:
        """A whole derived table as Arrow (to publish it to another backend)."""
        with self._connection(read_only=True) as con:
            result: pa.Table = con.sql(f"SELECT * FROM {_table_name(name)}").to_arrow_table()
            return result


def _conform(batch: pa.Table) -> pa.Table:
    """``batch`` with exactly the RAW_EVENTS columns; text may come plain or as dictionaries."""
    batch = batch.select(RAW_EVENTS.names)
    for i, field in enumerate(RAW_EVENTS):
        kind = batch.schema.field(i).type
        if kind != field.type and not (_is_text(kind) and _is_text(field.type)):
            batch = batch.set_column(i, field, batch.column(i).cast(field.type))
    if batch.column("source_file").null_count:
        raise ValueError("every row needs its source_file")
    return batch


def _is_text(kind: pa.DataType) -> bool:
    if pa.types.is_dictionary(kind):
        kind = kind.value_type
    return bool(pa.types.is_string(kind) or pa.types.is_large_string(kind))


def _stored_rows(con: duckdb.DuckDBPyConnection) -> _Rows:
    """The rows stored so far (``stored`` None if nothing was ever imported)."""
    con.execute(ordered.CREATE_SOURCE_FILES)
    found = con.execute(
        "SELECT table_type FROM information_schema.tables WHERE table_name = ?",
        [ordered.RAW_TABLE],
    ).fetchall()
    if not found:
        return _Rows(None)
    if found[0][0] == "VIEW":
        (count,) = _one(con, "SELECT count(*) FROM events")
        return _Rows(f"SELECT {ordered.RAW_COLUMNS} FROM {ordered.RAW_TABLE}", count=count)
    # A log written before raw rows lived in ``events``: read its raw table this once.
    for statement in _statements(ordered.LEGACY_FILES):
        con.execute(statement)
    (count,) = _one(con, f"SELECT count(*) FROM {ordered.RAW_TABLE}")
    return _Rows(ordered.LEGACY_ROWS, count=count, legacy=True)


def _code_inputs(rows: _Rows) -> dict[str, str]:
    """Where the build finds every event name, channel and customer id."""
    if rows.stored is None or rows.legacy:
        source = rows.union()
        return {"events": source, "channels": source, "customers": source}
    # The stored values are in the code tables already: only added rows are read in full.
    inputs = {
        "events": "SELECT event FROM event_names",
        "channels": "SELECT channel FROM channels",
        "customers": "SELECT customer_id FROM customers",
    }
    if rows.added is not None:
        for name, column in (
            ("events", "event"),
            ("channels", "channel"),
            ("customers", "customer_id"),
        ):
            inputs[name] += f" UNION ALL SELECT {column} FROM ({rows.added})"
    return inputs


def _has_strings(batch: pa.Table) -> frozenset[str]:
    """Which of ``source`` and ``properties`` has a value in some row of ``batch``."""
    columns = ("source", "properties")
    return frozenset(c for c in columns if batch.column(c).null_count < batch.num_rows)


def _stored_strings(con: duckdb.DuckDBPyConnection, rows: _Rows) -> frozenset[str]:
    """Which of ``source`` and ``properties`` has a value in some stored row."""
    if rows.stored is None:
        return frozenset()
    table = "legacy_rows" if rows.legacy else "events"
    found = _one(con, f"SELECT count(source) > 0, count(properties) > 0 FROM {table}")
    return frozenset(c for c, has in zip(("source", "properties"), found, strict=True) if has)


def _swap(con: duckdb.DuckDBPyConnection, *, legacy: bool) -> None:
    """Replace the ordered tables by the new ones, and the raw view (or old raw table)."""
    con.execute(f"DROP {'TABLE' if legacy else 'VIEW'} IF EXISTS {ordered.RAW_TABLE}")
    for name in ordered.BUILT_TABLES:
        con.execute(f"DROP TABLE IF EXISTS {name}")
        con.execute(f"ALTER TABLE {name}__new RENAME TO {name}")
    con.execute("DROP TABLE IF EXISTS customer_codes")
    con.execute("DROP TABLE IF EXISTS legacy_rows")
    con.execute(ordered.CREATE_RAW_VIEW)


def _one(con: duckdb.DuckDBPyConnection, sql: str) -> tuple[Any, ...]:
    # fetchall, not fetchone: DuckDB 2 keeps a result open until it is read to the end, and
    # an open result blocks registering tables on the connection.
    (row,) = con.execute(sql).fetchall()  # aggregate queries return exactly one row
    return tuple(row)


def _statements(script: str) -> list[str]:
    return [s.strip() for s in script.split(";") if s.strip()]


def _literal(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"


def _table_name(name: str) -> str:
    if name not in ordered.DERIVED_TABLES:
        raise ValueError(f"not a table of the event log: {name}")
    return name
