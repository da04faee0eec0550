"""The workspace configuration file ``journeykit.toml`` and the settings that override it.

The file is written by hand rather than with a TOML library: it holds a handful of flat keys,
and ``json.dumps`` of a string is a valid TOML basic string. ``tomllib`` reads it back.
"""

from __future__ import annotations

import json
import tomllib
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from journeykit.settings import current_settings
from journeykit.store.errors import WorkspaceConfigInvalid

CONFIG_FILE = "journeykit.toml"
LOCK_FILE = ".journeykit.lock"
DEFAULT_DATABASE_URL = "sqlite:///journeykit.db"

#: Environment variable whose URL replaces the configured one (a server in production, say).
DATABASE_URL_ENV = "JOURNEYKIT_DATABASE_URL"
#: Environment variable with the seconds a write waits for another writer to finish.
LOCK_TIMEOUT_ENV = "JOURNEYKIT_LOCK_TIMEOUT"


@dataclass(frozen=True)
class WorkspaceConfig:
    """What ``journeykit.toml`` says: the workspace's name and where its database is."""

    name: str
    database_url: str = DEFAULT_DATABASE_URL
    #: Hex key of the keyed hash that pseudonymises customer ids on import (made on first use).
    pseudonymisation_key: str | None = None
    #: Analytics backend for event metrics by URL; None is the workspace's DuckDB file.
    events_url: str | None = None

    def to_toml(self) -> str:
        """The config as TOML text."""
        text = (
            "# journeykit workspace\n"
            f"name = {json.dumps(self.name, ensure_ascii=False)}\n"
            f"database_url = {json.dumps(self.database_url, ensure_ascii=False)}\n"
        )
        if self.events_url is not None:
            text += f"events_url = {json.dumps(self.events_url, ensure_ascii=False)}\n"
        if self.pseudonymisation_key is not None:
            text += (
                "# keep secret: it turns customer ids into pseudonyms, and back by guessing\n"
                f"pseudonymisation_key = {json.dumps(self.pseudonymisation_key)}\n"
            )
        return text


def read_config(path: Path) -> WorkspaceConfig:
    """Read ``journeykit.toml`` at ``path``; raise :class:`WorkspaceConfigInvalid` if it is bad."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise WorkspaceConfigInvalid(f"{path}: {exc}", hint="fix the file by hand") from exc
    name = data.get("name")
    url = data.get("database_url", DEFAULT_DATABASE_URL)
    key = data.get("pseudonymisation_key")
    events_url = data.get("events_url")
    if not all(isinstance(v, str) for v in (name, url)) or not all(
        isinstance(v, str | None) for v in (key, events_url)
    ):
        raise WorkspaceConfigInvalid(
            f"{path}: 'name', 'database_url', 'events_url' and 'pseudonymisation_key' must be "
            "strings",
            hint="fix the file by hand",
        )
    return WorkspaceConfig(
        name=str(name), database_url=str(url), pseudonymisation_key=key, events_url=events_url
    )


def write_config(path: Path, config: WorkspaceConfig) -> None:
    """Write ``journeykit.toml``; refuses (``FileExistsError``) to replace an existing one."""
    # Mode "x": two `init`s racing for one folder cannot both believe they created it.
    with path.open("x", encoding="utf-8") as file:
        file.write(config.to_toml())


def replace_config(path: Path, config: WorkspaceConfig) -> None:
    """Rewrite an existing ``journeykit.toml`` through a temporary file and a rename."""
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_text(config.to_toml(), encoding="utf-8")
    temporary.replace(path)


def parse_database_url(url: str, *, where: str) -> URL:
    """Parse a database URL, naming ``where`` it came from if it cannot be parsed."""
    try:
        return make_url(url)
    except ArgumentError as exc:
        raise WorkspaceConfigInvalid(
            f"{where}: {url!r} is not a database URL",
            hint="use sqlite:///FILE or postgresql+psycopg://USER:PASSWORD@HOST/DATABASE",
        ) from exc


def resolve_database_url(folder: Path, configured: str) -> URL:
    """The URL the workspace at ``folder`` really uses.

    ``JOURNEYKIT_DATABASE_URL`` wins over the configured URL. A relative SQLite path in the
    config is relative to the workspace folder, so a workspace can be moved or copied whole;
    one in the environment is relative to the current directory, like any path given there.
    """
    override = current_settings().database_url
    if override:
        return parse_database_url(override, where=DATABASE_URL_ENV)
    url = parse_database_url(configured, where=str(folder / CONFIG_FILE))
    if url.get_backend_name() == "sqlite" and url.database and url.database != ":memory:":
        database = Path(url.database)
        if not database.is_absolute():
            url = url.set(database=str(folder / database))
    return url


def lock_timeout() -> float:
    """Seconds to wait for the workspace lock (``JOURNEYKIT_LOCK_TIMEOUT``, default 10)."""
    return current_settings().lock_timeout
