"""The Alembic environment of journeykit's migrations.

journeykit runs the migrations itself (``journeykit.store.database.Database.upgrade``) and hands
over its open connection in ``config.attributes["connection"]``, so the upgrade happens inside
the caller's transaction. To write a new migration, point Alembic at a database that is at the
head and let it compare the tables::

    from alembic import command
    from journeykit.store.database import alembic_config

    config = alembic_config()
    config.set_main_option("sqlalchemy.url", "sqlite:///scratch.db")
    command.upgrade(config, "head")
    command.revision(config, message="what changes", autogenerate=True)

(The ``alembic`` command works too, given an ini file with
``script_location = journeykit.store:migrations`` and ``-x url=...``.)
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection, create_engine

from journeykit.store.tables import Base

config = context.config
target_metadata = Base.metadata


def _url() -> str:
    url = context.get_x_argument(as_dictionary=True).get("url") or config.get_main_option(
        "sqlalchemy.url"
    )
    if not url:
        raise SystemExit("give the database as `alembic -x url=...`")
    return url


def _run(connection: Connection) -> None:
    # Batch mode lets later migrations alter SQLite tables, which cannot ALTER most things.
    context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


def run() -> None:
    """Run the migrations offline (SQL text), on the caller's connection, or on a new one."""
    if context.is_offline_mode():
        context.configure(url=_url(), target_metadata=target_metadata, literal_binds=True)
        with context.begin_transaction():
            context.run_migrations()
        return
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    engine = create_engine(_url())
    try:
        with engine.connect() as own_connection:
            _run(own_connection)
    finally:
        engine.dispose()


run()
