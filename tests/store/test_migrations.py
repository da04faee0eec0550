"""The shipped migrations build the schema the tables describe, on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text
from sqlalchemy.engine import make_url

from journeykit.store import SchemaTooNew, Workspace
from journeykit.store.database import Database, alembic_config, head_revision, schema_revision
from journeykit.store.tables import Base
from tests.store.factories import journey_doc, revision_count

TABLES = {
    "projects",
    "journeys",
    "journey_revisions",
    "accounts",
    "account_sessions",
    "api_tokens",
    "project_grants",
    "audit_events",
}


@pytest.fixture
def database(database_url: str, tmp_path: Path) -> Iterator[Database]:
    """The bare database behind ``database_url``, with no workspace around it."""
    db = Database(make_url(database_url), folder=tmp_path, busy_timeout=5)
    yield db
    db.dispose()


def test_migrations_build_every_table_from_an_empty_database(database: Database) -> None:
    assert database.needs_upgrade()
    database.upgrade()
    assert TABLES | {"alembic_version"} <= set(inspect(database.engine).get_table_names())
    with database.engine.connect() as connection:
        assert schema_revision(connection) == head_revision()
    assert not database.needs_upgrade()


def test_migrations_agree_with_the_table_definitions(database: Database) -> None:
    database.upgrade()
    with database.engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert differences == []


def test_migrations_go_down_to_nothing_and_up_again(database: Database) -> None:
    database.upgrade()
    with database.engine.begin() as connection:
        config = alembic_config()
        config.attributes["connection"] = connection
        command.downgrade(config, "base")
    assert not TABLES & set(inspect(database.engine).get_table_names())
    database.upgrade()
    assert set(inspect(database.engine).get_table_names()) >= TABLES


def test_opening_upgrades_an_older_schema(tmp_path: Path, database_url: str) -> None:
    Workspace.create(tmp_path / "shop", database_url=database_url).close()
    database = Database(make_url(database_url), folder=tmp_path, busy_timeout=5)
    with database.engine.begin() as connection:
        config = alembic_config()
        config.attributes["connection"] = connection
        command.downgrade(config, "base")
    database.dispose()

    with Workspace.open(tmp_path / "shop") as workspace:
        assert workspace.journeys().list() == []
        with workspace.database.engine.connect() as connection:
            assert schema_revision(connection) == head_revision()


def test_opening_a_schema_from_a_newer_journeykit_is_refused_and_changes_nothing(
    tmp_path: Path, database_url: str
) -> None:
    with Workspace.create(tmp_path / "shop", database_url=database_url) as workspace:
        workspace.journeys().save(journey_doc(), author="ana", message="first", base_revision=None)
        with workspace.database.engine.begin() as connection:
            connection.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))

    with pytest.raises(SchemaTooNew) as raised:
        Workspace.open(tmp_path / "shop")
    assert raised.value.code == "schema_too_new"
    assert "9999_future" in raised.value.message

    database = Database(make_url(database_url), folder=tmp_path, busy_timeout=5)
    try:
        with database.engine.connect() as connection:
            assert schema_revision(connection) == "9999_future"
            assert connection.scalar(text("SELECT count(*) FROM journey_revisions")) == 1
        assert set(inspect(database.engine).get_table_names()) >= TABLES
    finally:
        database.dispose()


def test_a_new_workspace_is_at_the_newest_schema(workspace: Workspace) -> None:
    with workspace.database.engine.connect() as connection:
        assert schema_revision(connection) == head_revision()
    assert revision_count(workspace) == 0
