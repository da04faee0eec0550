"""Where the command writes: results to standard output, messages to standard error."""

from __future__ import annotations

import functools

import click
from rich.console import Console


@functools.cache
def _consoles() -> tuple[Console, Console]:
    # Rich looks up sys.stdout/sys.stderr at each write, so captured streams still work.
    return Console(soft_wrap=True), Console(stderr=True, soft_wrap=True)


def console() -> Console:
    """Rich console on standard output (tables, maps, hints)."""
    return _consoles()[0]


def error_console() -> Console:
    """Rich console on standard error (errors, progress)."""
    return _consoles()[1]


def write_raw(text: str) -> None:
    """Write ``text`` unchanged to standard output (exports must not be wrapped or styled)."""
    click.echo(text, nl=False)
