"""The ``journeykit`` command.

Errors that journeykit raises on purpose are printed as one line (a document's problems as one
line each) with a non-zero exit status; tracebacks appear only with ``JOURNEYKIT_DEBUG=1``.
"""

from __future__ import annotations

import sys

import click

from journeykit import __version__
from journeykit.cli import insight_stats
from journeykit.cli.accounts import project, token, user
from journeykit.cli.console import error_console
from journeykit.cli.events import events
from journeykit.cli.feedback import feedback
from journeykit.cli.journey import journey
from journeykit.cli.serve import serve
from journeykit.cli.workspace import demo, init, schema
from journeykit.model.errors import DocumentInvalid, JourneykitError
from journeykit.settings import current_settings

#: Exit status of a failed command, by kind of failure.
EXIT_ERROR = 1
EXIT_INTERNAL = 70
EXIT_INTERRUPTED = 130

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


@click.group(context_settings=CONTEXT_SETTINGS)
@click.version_option(__version__, prog_name="journeykit")
@click.option(
    "--workspace",
    "-w",
    type=click.Path(file_okay=False, path_type=str),
    default=None,
    help="Workspace folder (default: $JOURNEYKIT_WORKSPACE, else the current folder).",
)
@click.pass_context
def cli(ctx: click.Context, workspace: str | None) -> None:
    """journeykit: map customer journeys, keep every revision, and check them.

    Start with `journeykit demo` for a ready-made workspace, or `journeykit init DIR`.
    """
    ctx.ensure_object(dict)
    ctx.obj["workspace"] = workspace


cli.add_command(init)
cli.add_command(demo)
cli.add_command(schema)
cli.add_command(journey)
cli.add_command(events)
cli.add_command(serve)
cli.add_command(feedback)
cli.add_command(insight_stats.hypothesis)
cli.add_command(insight_stats.measure)
cli.add_command(insight_stats.kpi)
cli.add_command(insight_stats.refresh_command)
cli.add_command(user)
cli.add_command(project)
cli.add_command(token)

# Modules that add their commands to the `events` group when imported.
import journeykit.cli.event_flows  # noqa: E402
import journeykit.cli.event_retention  # noqa: E402, F401
from journeykit.cli.insight import register_insight  # noqa: E402

register_insight(cli)


def _report(exc: JourneykitError) -> None:
    if isinstance(exc, DocumentInvalid):
        for issue in exc.issues:
            error_console().print(f"error: {issue.one_line()}", markup=False, highlight=False)
        return
    error_console().print(f"error: {exc.one_line()} [{exc.code}]", markup=False, highlight=False)


def _debugging() -> bool:
    try:
        return current_settings().debug
    except JourneykitError:
        return False


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit status instead of raising."""
    try:
        cli.main(args=argv, prog_name="journeykit", standalone_mode=False)
    except click.exceptions.Exit as done:
        return int(done.exit_code or 0)
    except click.ClickException as exc:
        exc.show()
        return exc.exit_code
    except click.Abort:
        error_console().print("aborted")
        return EXIT_INTERRUPTED
    except JourneykitError as exc:
        _report(exc)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except Exception as exc:
        if _debugging():
            raise
        error_console().print(
            f"internal error: {type(exc).__name__}: {exc} "
            "(run again with JOURNEYKIT_DEBUG=1 for the traceback, and please report it)",
            markup=False,
            highlight=False,
        )
        return EXIT_INTERNAL
    return 0


def run() -> None:
    """Console-script entry point."""
    sys.exit(main())
