"""Shared fixtures: a real PostgreSQL server for the session, a fresh database per test, and
``database_url`` running a test once on SQLite and once on PostgreSQL.

The server is started from the Debian binaries ``scripts/install-system-deps.sh`` installs,
listening on loopback only, and stopped when the session ends. If they are missing the
PostgreSQL tests fail (they never skip silently).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import psycopg
import pytest

_POSTGRES_USER = "postgres"


@dataclass(frozen=True)
class PostgresServer:
    """A running PostgreSQL server on 127.0.0.1 with trust authentication for ``postgres``."""

    port: int

    def url(self, database: str) -> str:
        """A SQLAlchemy URL for ``database`` on this server."""
        return f"postgresql+psycopg://{_POSTGRES_USER}@127.0.0.1:{self.port}/{database}"

    def conninfo(self, database: str = "postgres") -> str:
        """A libpq connection string for ``database`` on this server."""
        return f"host=127.0.0.1 port={self.port} user={_POSTGRES_USER} dbname={database}"


def _postgres_bin() -> Path:
    # The newest installed major version (the folder names are numbers: 15, 16, ...).
    found = sorted(
        Path("/usr/lib/postgresql").glob("*/bin/initdb"),
        key=lambda p: int(p.parts[-3]) if p.parts[-3].isdigit() else 0,
    )
    if not found:
        pytest.fail(
            "PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin; "
            "run scripts/install-system-deps.sh (scripts/test.sh does) before the tests",
            pytrace=False,
        )
    return found[-1].parent


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _run(command: list[str], as_postgres: bool) -> None:
    # PostgreSQL refuses to run as root; the tests do when they run in CI.
    prefix = ["runuser", "-u", _POSTGRES_USER, "--"] if as_postgres else []
    result = subprocess.run([*prefix, *command], capture_output=True, text=True, check=False)
    if result.returncode != 0:
        pytest.fail(
            f"{' '.join(command)} failed ({result.returncode}):\n{result.stdout}{result.stderr}",
            pytrace=False,
        )


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """Start a throw-away PostgreSQL server for the test session."""
    bindir = _postgres_bin()
    as_postgres = os.geteuid() == 0
    # Not under pytest's tmp_path: its parents are private to root, and the server runs as
    # the postgres user.
    base = Path(tempfile.mkdtemp(prefix="journeykit-pg-"))
    data, log = base / "data", base / "server.log"
    if as_postgres:
        shutil.chown(base, user=_POSTGRES_USER, group=_POSTGRES_USER)
    port = _free_port()
    try:
        _run(
            [
                str(bindir / "initdb"),
                "-D",
                str(data),
                "-U",
                _POSTGRES_USER,
                "--auth=trust",
                "--encoding=UTF8",
                "--locale=C",
                "--no-sync",
            ],
            as_postgres,
        )
        options = (
            f"-h 127.0.0.1 -p {port} -k {base} -c listen_addresses=127.0.0.1 "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        )
        _run(
            [str(bindir / "pg_ctl"), "-D", str(data), "-l", str(log), "-o", options, "-w", "start"],
            as_postgres,
        )
        try:
            yield PostgresServer(port=port)
        finally:
            _run(
                [str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"],
                as_postgres,
            )
    finally:
        shutil.rmtree(base, ignore_errors=True)


@pytest.fixture
def postgres_database_url(postgres_server: PostgresServer) -> Iterator[str]:
    """A SQLAlchemy URL of a new, empty PostgreSQL database, dropped after the test."""
    name = f"jk_{uuid.uuid4().hex[:16]}"
    with psycopg.connect(postgres_server.conninfo(), autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield postgres_server.url(name)
    finally:
        with (
            contextlib.suppress(psycopg.Error),
            psycopg.connect(postgres_server.conninfo(), autocommit=True) as admin,
        ):
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A URL of a new, empty database: a SQLite file, then a PostgreSQL database."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'test.db'}"
    url: str = request.getfixturevalue("postgres_database_url")
    return url
