"""Options shared by commands: the workspace to work on and the author of a change."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import click

from journeykit.settings import current_settings
from journeykit.store import Workspace

F = TypeVar("F", bound=Callable[..., Any])


def workspace_option(command: F) -> F:
    """Add ``--workspace/-w`` to a command (it may also be given before the command)."""
    return click.option(
        "--workspace",
        "-w",
        type=click.Path(file_okay=False, path_type=str),
        default=None,
        help="Workspace folder (default: $JOURNEYKIT_WORKSPACE, else the current folder).",
    )(command)


def author_option(command: F) -> F:
    """Add ``--author`` to a command that writes revisions."""
    return click.option(
        "--author",
        default=None,
        help="Author recorded on the revision (default: $JOURNEYKIT_AUTHOR, else your user).",
    )(command)


def workspace_path(given: str | None) -> Path:
    """The workspace folder: the command's option, the group's option, the setting, or cwd."""
    if given:
        return Path(given)
    ctx = click.get_current_context(silent=True)
    while ctx is not None:
        if isinstance(ctx.obj, dict) and ctx.obj.get("workspace"):
            return Path(ctx.obj["workspace"])
        ctx = ctx.parent
    return current_settings().workspace


def resolve_author(given: str | None) -> str:
    """The author of a change: the option, else the setting, else the operating-system user."""
    return given or current_settings().resolved_author()


@contextlib.contextmanager
def opened_workspace(given: str | None) -> Iterator[Workspace]:
    """Open the workspace for the duration of a command."""
    with Workspace.open(workspace_path(given)) as workspace:
        yield workspace
