"""The CLI reference in ``docs/cli.md``, generated from the commands' own ``--help``.

Regenerate with ``python -m journeykit.cli.reference docs/cli.md``; a test fails when the file
and the commands disagree.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import click

WIDTH = 100


def _walk(command: click.Command, ctx: click.Context) -> Iterator[tuple[str, str]]:
    yield ctx.command_path, command.get_help(ctx)
    if isinstance(command, click.Group):
        for name in command.list_commands(ctx):
            sub = command.get_command(ctx, name)
            if sub is not None and not sub.hidden:
                yield from _walk(sub, click.Context(sub, info_name=name, parent=ctx))


def cli_reference() -> str:
    """Markdown with the help text of every command, in command-tree order."""
    from journeykit.cli import cli

    # The command's own context settings (``-h`` for help), as `journeykit` itself runs with:
    # click caches each command's help option, so a reference built with other settings
    # would differ after any in-process run.
    root = click.Context(
        cli,
        info_name="journeykit",
        terminal_width=WIDTH,
        max_content_width=WIDTH,
        help_option_names=cli.context_settings["help_option_names"],
    )
    sections = [
        "# journeykit command reference\n",
        "Generated from the commands' `--help` by `python -m journeykit.cli.reference "
        "docs/cli.md`; a test keeps it in step with the code.\n",
    ]
    for path, help_text in _walk(cli, root):
        sections.append(f"## `{path}`\n\n```text\n{help_text}\n```\n")
    return "\n".join(sections)


def main(argv: list[str]) -> int:
    """Write the reference to the file named in ``argv`` (standard output if none)."""
    text = cli_reference()
    if argv:
        Path(argv[0]).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
