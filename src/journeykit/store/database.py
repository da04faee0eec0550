"""The database behind a workspace: engine, transactions, migrations and the schema check.

SQLite and PostgreSQL behave alike from here up: every read and every write is one
transaction, and a database that is busy or unreachable surfaces as a journeykit error rather
than a driver traceback.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.engine import URL
from sqlalchemy.exc import NoSuchModuleError, OperationalError
from sqlalchemy.orm import Session

from journeykit.store.errors import (
    DatabaseUnavailable,
    SchemaTooNew,
    WorkspaceConfigInvalid,
    WorkspaceLocked,
)

#: Where the Alembic environment and versions live, as a package resource.
MIGRATIONS = "journeykit.store:migrations"

# Execution option marking a connection that will write; SQLite then takes its write lock at
# BEGIN, so a transaction never has to upgrade a read lock (which fails at once, unretried).
_WRITE = "journeykit_write"

# Any constant: PostgreSQL sessions upgrading the same database queue behind this lock.
_MIGRATION_LOCK_KEY = 0x6A6B5F6D6967


def alembic_config() -> Config:
    """An Alembic configuration for journeykit's migrations, with no ``alembic.ini``."""
    config = Config()
    config.set_main_option("script_location", MIGRATIONS)
    return config


@cache
def _scripts() -> ScriptDirectory:
    return ScriptDirectory.from_config(alembic_config())


def head_revision() -> str | None:
    """The newest schema revision this journeykit knows."""
    return _scripts().get_current_head()


def known_revisions() -> set[str]:
    """Every schema revision this journeykit knows."""
    return {script.revision for script in _scripts().walk_revisions()}


def schema_revision(connection: Connection) -> str | None:
    """The schema revision the database is at (``None`` for an empty database)."""
    return MigrationContext.configure(connection).get_current_revision()


def _check_known(revision: str | None) -> None:
    if revision is not None and revision not in known_revisions():
        raise SchemaTooNew(revision, head_revision())


def _driver_url(url: URL) -> URL:
    backend = url.get_backend_name()
    if url.drivername == "postgresql":
        # psycopg 3 is the driver journeykit installs; SQLAlchemy before 2.1 would look for
        # psycopg2 behind a bare postgresql:// and fail to import it.
        return url.set(drivername="postgresql+psycopg")
    if backend not in {"sqlite", "postgresql"}:
        raise WorkspaceConfigInvalid(
            f"database {url.render_as_string(hide_password=True)!r} is not supported",
            hint="journeykit stores workspaces in SQLite (sqlite:///FILE) or PostgreSQL "
            "(postgresql+psycopg://USER:PASSWORD@HOST/DATABASE)",
        )
    return url


def _sqlite_engine(url: URL, busy_timeout: float) -> Engine:
    # How long SQLite itself waits for another connection's lock before "database is locked".
    engine = create_engine(url, connect_args={"timeout": busy_timeout})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Take transaction control away from the sqlite3 module, which would otherwise
        # not BEGIN before SELECT or DDL (see SQLAlchemy's "SQLite transactions" notes).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        writing = connection.get_execution_options().get(_WRITE, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if writing else "BEGIN")

    return engine


class Database:
    """The engine of one workspace's database and its transactions.

    ``folder`` only names the workspace in error messages.
    """

    def __init__(self, url: URL, *, folder: Path, busy_timeout: float) -> None:
        self.url = _driver_url(url)
        self.folder = folder
        self.busy_timeout = busy_timeout
        try:
            if self.url.get_backend_name() == "sqlite":
                self.engine = _sqlite_engine(self.url, busy_timeout)
            else:
                self.engine = create_engine(self.url)
        except (NoSuchModuleError, ImportError) as exc:
            raise WorkspaceConfigInvalid(
                f"the database driver of {self.display_url()!r} is not installed: {exc}",
                hint="use postgresql+psycopg:// for PostgreSQL",
            ) from exc

    def display_url(self) -> str:
        """The URL with any password masked, fit to print."""
        return self.url.render_as_string(hide_password=True)

    @contextmanager
    def translated_errors(self) -> Iterator[None]:
        """Turn a busy or unreachable database into :class:`WorkspaceLocked` or
        :class:`DatabaseUnavailable`."""
        try:
            yield
        except OperationalError as exc:
            reason = str(exc.orig) if exc.orig is not None else str(exc)
            if self.url.get_backend_name() == "sqlite" and "locked" in reason:
                raise WorkspaceLocked(self.folder, self.busy_timeout) from exc
            raise DatabaseUnavailable(
                f"the database {self.display_url()} cannot be used: {reason.strip()}",
                hint="check that the database server is running and the URL is right",
            ) from exc

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A session in one read transaction."""
        with (
            self.translated_errors(),
            Session(self.engine, expire_on_commit=False) as session,
            session.begin(),
        ):
            yield session

    @contextmanager
    def writing(self) -> Iterator[Session]:
        """A session in one write transaction: committed if the block succeeds, else rolled
        back whole."""
        with self.translated_errors(), self.engine.connect() as connection:
            connection.execution_options(**{_WRITE: True})
            with Session(bind=connection, expire_on_commit=False) as session, session.begin():
                yield session

    def needs_upgrade(self) -> bool:
        """Whether the schema is behind this journeykit; :class:`SchemaTooNew` if ahead."""
        with self.translated_errors(), self.engine.connect() as connection:
            current = schema_revision(connection)
        _check_known(current)
        return current != head_revision()

    def upgrade(self) -> None:
        """Migrate the schema to the newest revision, in one transaction.

        Refuses with :class:`SchemaTooNew`, changing nothing, if the database was migrated by a
        newer journeykit. The caller holds the workspace lock.
        """
        with self.translated_errors(), self.engine.connect() as connection:
            connection.execution_options(**{_WRITE: True})
            with connection.begin():
                if self.url.get_backend_name() == "postgresql":
                    connection.execute(
                        text("SELECT pg_advisory_xact_lock(:key)"), {"key": _MIGRATION_LOCK_KEY}
                    )
                current = schema_revision(connection)
                _check_known(current)
                if current == head_revision():
                    return
                config = alembic_config()
                # env.py runs the migrations on this connection, inside this transaction.
                config.attributes["connection"] = connection
                command.upgrade(config, "head")

    def dispose(self) -> None:
        """Close every pooled connection."""
        self.engine.dispose()
