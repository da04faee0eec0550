"""``journeykit serve``: the browser workspace on a workspace, with uvicorn."""

from __future__ import annotations

from pathlib import Path

import click

from journeykit.cli.console import error_console
from journeykit.cli.options import author_option, workspace_option, workspace_path

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000


def address(host: str, port: int) -> str:
    """The URL a person opens for ``host`` and ``port``."""
    shown = "127.0.0.1" if host in {"0.0.0.0", "::"} else host
    if ":" in shown:
        shown = f"[{shown}]"
    return f"http://{shown}:{port}/"


def serve_workspace(path: Path, *, host: str, port: int, author: str | None) -> None:
    """Run the app on the workspace at ``path`` until interrupted."""
    import uvicorn

    from journeykit.web.app import create_app
    from journeykit.web.collector import tune_for_serving

    app = create_app(path, author=author)
    tune_for_serving()
    if app.state.workspace.accounts().count() == 0:
        error_console().print(
            "This workspace has no accounts yet, so nobody can log in. Create the first admin "
            "(it asks for the password twice):\n"
            f"  journeykit -w {path} user create NAME --admin",
            markup=False,
            highlight=False,
        )
    error_console().print(
        f"journeykit serves {app.state.workspace.name!r} at {address(host, port)} "
        "(Ctrl+C stops it)",
        markup=False,
        highlight=False,
    )
    uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False)


@click.command()
@workspace_option
@author_option
@click.option("--host", default=DEFAULT_HOST, show_default=True, help="Address to listen on.")
@click.option(
    "--port",
    type=click.IntRange(1, 65535),
    default=DEFAULT_PORT,
    show_default=True,
    help="Port to listen on.",
)
def serve(workspace: str | None, author: str | None, host: str, port: int) -> None:
    """Serve the browser workspace: the journey maps to see and edit, and the JSON API."""
    serve_workspace(workspace_path(workspace), host=host, port=port, author=author)
