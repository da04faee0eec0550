"""Creating and opening workspaces, their config file, and where their database is."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from journeykit.settings import SettingsInvalid
from journeykit.store import (
    DatabaseUnavailable,
    Workspace,
    WorkspaceConfigInvalid,
    WorkspaceExists,
    WorkspaceMissing,
)
from journeykit.store.config import DATABASE_URL_ENV, LOCK_TIMEOUT_ENV
from journeykit.store.database import Database
from tests.conftest import PostgresServer
from tests.store.factories import journey_doc


def test_create_makes_the_folder_a_config_and_a_sqlite_database(tmp_path: Path) -> None:
    folder = tmp_path / "projects" / "shop"
    with Workspace.create(folder) as workspace:
        assert workspace.path == folder
        assert workspace.name == "shop"
        assert workspace.database_url == f"sqlite:///{folder / 'journeykit.db'}"
    config = tomllib.loads((folder / "journeykit.toml").read_text(encoding="utf-8"))
    assert config == {"name": "shop", "database_url": "sqlite:///journeykit.db"}
    assert (folder / "journeykit.db").is_file()


def test_config_keeps_names_with_quotes_and_umlauts(tmp_path: Path) -> None:
    name = 'Kundenreise "Müller" \\ Süd'
    Workspace.create(tmp_path / "shop", name=name).close()
    with Workspace.open(tmp_path / "shop") as workspace:
        assert workspace.name == name


def test_create_refuses_a_folder_that_already_is_a_workspace(tmp_path: Path) -> None:
    Workspace.create(tmp_path / "shop").close()
    with pytest.raises(WorkspaceExists) as raised:
        Workspace.create(tmp_path / "shop", name="Other")
    assert raised.value.code == "workspace_exists"
    assert "Other" not in (tmp_path / "shop" / "journeykit.toml").read_text(encoding="utf-8")


def test_opening_a_folder_without_config_says_how_to_create_one(tmp_path: Path) -> None:
    with pytest.raises(WorkspaceMissing) as raised:
        Workspace.open(tmp_path / "nowhere")
    assert raised.value.code == "workspace_missing"
    assert raised.value.hint is not None
    assert "journeykit init" in raised.value.hint
    assert not (tmp_path / "nowhere").exists()


def test_journeys_outlive_closing_and_reopening(tmp_path: Path, database_url: str) -> None:
    with Workspace.create(tmp_path / "shop", name="Shop", database_url=database_url) as created:
        created.journeys().save(journey_doc(), author="ana", message="m", base_revision=None)
    with Workspace.open(tmp_path / "shop") as workspace:
        assert workspace.name == "Shop"
        assert workspace.database_url == make_url(database_url).render_as_string(False)
        assert [s.id for s in workspace.journeys().list()] == ["checkout"]


def test_a_relative_sqlite_path_is_inside_the_workspace_which_can_move(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    with Workspace.create(Path("shop"), database_url="sqlite:///maps.db") as workspace:
        workspace.journeys().save(journey_doc(), author="ana", message="m", base_revision=None)
    assert (tmp_path / "shop" / "maps.db").is_file()

    (tmp_path / "shop").rename(tmp_path / "moved")
    monkeypatch.chdir(tmp_path / "moved")
    with Workspace.open(tmp_path / "moved") as workspace:
        assert workspace.database_url == f"sqlite:///{tmp_path / 'moved' / 'maps.db'}"
        assert workspace.journeys().exists("checkout")


def test_environment_database_url_overrides_the_config(
    tmp_path: Path, database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Workspace.create(tmp_path / "shop") as workspace:
        workspace.journeys().save(journey_doc("a"), author="ana", message="m", base_revision=None)

    monkeypatch.setenv(DATABASE_URL_ENV, database_url)
    with Workspace.open(tmp_path / "shop") as workspace:
        assert workspace.database_url == make_url(database_url).render_as_string(False)
        assert workspace.journeys().list() == []  # a new database, migrated on opening
        workspace.journeys().save(journey_doc("b"), author="ana", message="m", base_revision=None)

    monkeypatch.delenv(DATABASE_URL_ENV)
    with Workspace.open(tmp_path / "shop") as workspace:
        assert [s.id for s in workspace.journeys().list()] == ["a"]


def test_display_url_masks_the_password(tmp_path: Path) -> None:
    url = "postgresql+psycopg://ana:s3cret@db.example:5432/maps"
    database = Database(make_url(url), folder=tmp_path, busy_timeout=1)
    try:
        assert "s3cret" not in database.display_url()
        assert database.display_url() == "postgresql+psycopg://ana:***@db.example:5432/maps"
    finally:
        database.dispose()


def test_plain_postgresql_urls_use_psycopg_3(tmp_path: Path) -> None:
    database = Database(
        make_url("postgresql://ana@localhost/maps"), folder=tmp_path, busy_timeout=1
    )
    try:
        assert database.url.drivername == "postgresql+psycopg"
    finally:
        database.dispose()


def test_unsupported_database_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(WorkspaceConfigInvalid) as raised:
        Workspace.create(tmp_path / "shop", database_url="mysql://ana@localhost/maps")
    assert raised.value.code == "invalid_config"
    assert not (tmp_path / "shop").exists()


def test_garbage_database_url_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(WorkspaceConfigInvalid):
        Workspace.create(tmp_path / "shop", database_url="not a url")


@pytest.mark.postgres
def test_an_unreachable_database_is_reported_and_no_workspace_is_left(
    tmp_path: Path, postgres_server: PostgresServer
) -> None:
    closed_port = postgres_server.port + 1 if postgres_server.port < 65535 else 1
    url = f"postgresql+psycopg://postgres@127.0.0.1:{closed_port}/nothing?connect_timeout=2"
    with pytest.raises(DatabaseUnavailable) as raised:
        Workspace.create(tmp_path / "shop", database_url=url)
    assert raised.value.code == "database_unavailable"
    assert not (tmp_path / "shop" / "journeykit.toml").exists()


def test_a_broken_config_file_is_reported(tmp_path: Path) -> None:
    (tmp_path / "journeykit.toml").write_text('name = "unterminated\n', encoding="utf-8")
    with pytest.raises(WorkspaceConfigInvalid) as raised:
        Workspace.open(tmp_path)
    assert "journeykit.toml" in raised.value.message


def test_a_lock_timeout_that_is_no_number_is_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(LOCK_TIMEOUT_ENV, "soon")
    with pytest.raises(SettingsInvalid) as raised:
        Workspace.create(tmp_path / "shop")
    assert f"{LOCK_TIMEOUT_ENV}='soon'" in raised.value.message
    assert not (tmp_path / "shop").exists()


def test_a_driver_that_is_not_installed_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(WorkspaceConfigInvalid) as raised:
        Workspace.create(tmp_path / "shop", database_url="postgresql+pg8000://ana@localhost/m")
    assert "not installed" in raised.value.message


def test_the_pseudonymisation_key_is_made_once_and_kept(tmp_path: Path) -> None:
    with Workspace.create(tmp_path / "shop") as workspace:
        key = workspace.pseudonymisation_key()
        assert len(key) == 32
        assert workspace.pseudonymisation_key() == key
    with Workspace.open(tmp_path / "shop") as reopened:
        assert reopened.pseudonymisation_key() == key
        assert reopened.name == "shop"
    text = (tmp_path / "shop" / "journeykit.toml").read_text(encoding="utf-8")
    assert key.hex() in text
