"""The workspace: a folder with ``journeykit.toml``, its database and its write lock.

>>> import tempfile
>>> with tempfile.TemporaryDirectory() as folder:
...     with Workspace.create(Path(folder) / "shop", name="Shop") as workspace:
...         print(workspace.name, workspace.journeys().list())
Shop []
"""

from __future__ import annotations

import secrets
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from types import TracebackType

from filelock import FileLock, Timeout

from journeykit.settings import current_settings
from journeykit.store.accounts import AccountStore
from journeykit.store.audit import AuditLog
from journeykit.store.config import (
    CONFIG_FILE,
    DEFAULT_DATABASE_URL,
    LOCK_FILE,
    WorkspaceConfig,
    lock_timeout,
    parse_database_url,
    read_config,
    replace_config,
    resolve_database_url,
    write_config,
)
from journeykit.store.credentials import CredentialStore
from journeykit.store.database import Database
from journeykit.store.errors import (
    WorkspaceExists,
    WorkspaceLocked,
    WorkspaceMissing,
    WorkspaceUnusable,
)
from journeykit.store.journeys import JourneyStore


class Workspace:
    """An open workspace. Use :meth:`create` or :meth:`open`, and :meth:`close` when done
    (or use it as a context manager)."""

    def __init__(self, path: Path, config: WorkspaceConfig) -> None:
        self.path = path
        self.config = config
        url = resolve_database_url(path, config.database_url)
        self._database = Database(url, folder=path, busy_timeout=lock_timeout())
        # One lock object per workspace: it counts re-entries, so a write may call another.
        self._file_lock = FileLock(path / LOCK_FILE)

    @classmethod
    def create(
        cls,
        path: Path,
        *,
        name: str | None = None,
        database_url: str | None = None,
        events_url: str | None = None,
    ) -> Workspace:
        """Make ``path`` a new workspace (creating the folder if needed) and set up its
        database.

        ``name`` defaults to the folder's name, ``database_url`` to a SQLite file
        ``journeykit.db`` in the folder. Refuses with :class:`WorkspaceExists` if the folder
        already has a ``journeykit.toml``. A database that already holds journeykit tables
        (a PostgreSQL database shared by several folders, say) is used as it is.
        """
        path = Path(path).absolute()
        config_path = path / CONFIG_FILE
        if config_path.exists():
            raise WorkspaceExists(path)
        current_settings()  # a bad JOURNEYKIT_* value is reported before anything is made
        url = database_url or DEFAULT_DATABASE_URL
        parse_database_url(url, where="the database URL")
        config = WorkspaceConfig(
            name=(name or "").strip() or path.name, database_url=url, events_url=events_url
        )
        made_folder = not path.exists()
        try:
            path.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise WorkspaceUnusable(
                f"cannot create the workspace folder {path}: {exc.strerror or exc}",
                hint="choose a folder you can write to",
            ) from exc
        try:
            workspace = cls(path, config)
        except BaseException:
            if made_folder:  # a failed create leaves no half-made workspace behind
                shutil.rmtree(path, ignore_errors=True)
            raise
        try:
            with workspace.lock():
                workspace._database.upgrade()
                # The config is written last: a workspace whose database could not be set up
                # is not left looking finished.
                write_config(config_path, config)
        except FileExistsError as exc:
            workspace.close()
            raise WorkspaceExists(path) from exc
        except BaseException:
            workspace.close()
            if made_folder:
                shutil.rmtree(path, ignore_errors=True)
            raise
        return workspace

    @classmethod
    def open(cls, path: Path) -> Workspace:
        """Open the workspace at ``path``, upgrading its database schema if it is older.

        Raises :class:`WorkspaceMissing` if the folder has no ``journeykit.toml``, and
        :class:`SchemaTooNew` (changing nothing) if a newer journeykit migrated the database.
        """
        path = Path(path).absolute()
        config_path = path / CONFIG_FILE
        if not config_path.is_file():
            raise WorkspaceMissing(path)
        workspace = cls(path, read_config(config_path))
        try:
            if workspace._database.needs_upgrade():
                with workspace.lock():
                    workspace._database.upgrade()
        except BaseException:
            workspace.close()
            raise
        return workspace

    @property
    def name(self) -> str:
        """The workspace's name from its config."""
        return self.config.name

    def pseudonymisation_key(self) -> bytes:
        """The workspace's key for pseudonymising customer ids, made and saved on first use."""
        if self.config.pseudonymisation_key is None:
            with self.lock():
                current = read_config(self.path / CONFIG_FILE)  # another process may have made it
                if current.pseudonymisation_key is None:
                    current = replace(current, pseudonymisation_key=secrets.token_hex(32))
                    replace_config(self.path / CONFIG_FILE, current)
                self.config = current
        assert self.config.pseudonymisation_key is not None
        return bytes.fromhex(self.config.pseudonymisation_key)

    @property
    def database_url(self) -> str:
        """The URL of the database in use, password included (see :meth:`display_url`)."""
        return self._database.url.render_as_string(hide_password=False)

    def display_url(self) -> str:
        """The URL of the database in use with the password masked, fit to print."""
        return self._database.display_url()

    @property
    def database(self) -> Database:
        """The workspace's database (for the store's own modules)."""
        return self._database

    def journeys(self) -> JourneyStore:
        """The journeys of this workspace."""
        return JourneyStore(self._database, self.lock)

    def accounts(self) -> AccountStore:
        """The accounts of this workspace and their project roles."""
        return AccountStore(self._database, self.lock)

    def credentials(self) -> CredentialStore:
        """The browser sessions and API tokens of this workspace."""
        return CredentialStore(self._database, self.lock)

    def audit(self) -> AuditLog:
        """The audit log of this workspace."""
        return AuditLog(self._database, self.lock)

    @contextmanager
    def lock(self) -> Iterator[None]:
        """Hold the workspace's exclusive write lock for the ``with`` block.

        Waits ``JOURNEYKIT_LOCK_TIMEOUT`` seconds (default 10) for another writer, then raises
        :class:`WorkspaceLocked`. Re-entrant within one thread.
        """
        timeout = lock_timeout()
        try:
            self._file_lock.acquire(timeout=timeout)
        except Timeout as exc:
            raise WorkspaceLocked(self.path, timeout) from exc
        except OSError as exc:
            raise WorkspaceUnusable(
                f"cannot lock workspace {self.path}: {exc.strerror or exc}",
                hint="check that the folder is writable",
            ) from exc
        try:
            yield
        finally:
            self._file_lock.release()

    def close(self) -> None:
        """Release the database connections."""
        self._database.dispose()

    def __enter__(self) -> Workspace:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Workspace({str(self.path)!r}, database={self.display_url()!r})"
