"""``journeykit init | demo | schema``: create workspaces and publish the file format's schema."""

from __future__ import annotations

import json
from pathlib import Path

import click

from journeykit.cli import views
from journeykit.cli.accounts import demo_accounts_table
from journeykit.cli.console import console, write_raw
from journeykit.cli.files import write_atomically
from journeykit.cli.serve import DEFAULT_HOST, DEFAULT_PORT, address, serve_workspace
from journeykit.demo.accounts import add_demo_accounts
from journeykit.demo.workspace import DEMO_FOLDER, build_demo_workspace
from journeykit.model.schema import journey_schema
from journeykit.store import Workspace


@click.command()
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@click.option("--name", default=None, help="Workspace name (default: the folder's name).")
@click.option(
    "--database-url",
    default=None,
    help="Database URL, e.g. postgresql+psycopg://user@host/db (default: SQLite in the folder).",
)
@click.option(
    "--events-url",
    default=None,
    help="Analytics backend for event metrics, e.g. pyspark://local[2] or an Ibis URL "
    "(default: a DuckDB file in the folder).",
)
def init(
    directory: Path, name: str | None, database_url: str | None, events_url: str | None
) -> None:
    """Create a workspace in DIRECTORY (created if missing)."""
    with Workspace.create(
        directory, name=name, database_url=database_url, events_url=events_url
    ) as ws:
        console().print(
            f"Created workspace {ws.name!r} in {ws.path} ({ws.display_url()})", highlight=False
        )


@click.command()
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path), default=DEMO_FOLDER)
@click.option("--force", is_flag=True, help="Replace DIRECTORY if it is a workspace already.")
@click.option(
    "--serve/--no-serve",
    "serve",
    default=True,
    show_default=True,
    help="Serve the demo in the browser once it is built (--no-serve only builds it).",
)
@click.option("--host", default=DEFAULT_HOST, show_default=True, help="Address to serve on.")
@click.option(
    "--port",
    type=click.IntRange(1, 65535),
    default=DEFAULT_PORT,
    show_default=True,
    help="Port to serve on.",
)
def demo(directory: Path, force: bool, serve: bool, host: str, port: int) -> None:
    """Build the demo workspace (a German online shop), show what it holds and serve it."""
    with build_demo_workspace(directory, force=force) as ws:
        console().print(views.workspace_overview(ws))
        accounts = add_demo_accounts(ws)
        path = ws.path
    console().print(demo_accounts_table(accounts, address(host, port)))
    if serve:
        console().print(
            f"Open {address(host, port)} in your browser and log in as one of them.",
            highlight=False,
        )
        serve_workspace(path, host=host, port=port, author=None)


@click.command()
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), help="Write here.")
def schema(output: Path | None) -> None:
    """Print the JSON Schema of the journey file format."""
    text = json.dumps(journey_schema(), ensure_ascii=False, indent=2) + "\n"
    if output is None:
        write_raw(text)
    else:
        write_atomically(output, text)
        console().print(f"Wrote the journey schema to {output}", highlight=False)
