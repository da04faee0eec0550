"""``journeykit journey …``: import, export, validate and inspect journeys and their history."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from journeykit.cli import views
from journeykit.cli.console import console, write_raw
from journeykit.cli.files import write_bytes_atomically
from journeykit.cli.options import (
    author_option,
    opened_workspace,
    resolve_author,
    workspace_option,
)
from journeykit.model.errors import DocumentInvalid, Issue
from journeykit.model.fileformat import read_document
from journeykit.render.export import FORMATS, export_journey, export_map_grid
from journeykit.render.labels import LANE_ORDER
from journeykit.render.spreadsheet import read_map_sheet
from journeykit.store import ConflictError

_SUFFIX_FORMATS: dict[str, str] = {
    ".yaml": "yaml",
    ".yml": "yaml",
    ".json": "json",
    ".mmd": "mermaid",
    ".mermaid": "mermaid",
    ".svg": "svg",
    ".png": "png",
    ".pdf": "pdf",
    ".csv": "csv",
    ".xlsx": "xlsx",
}
#: Formats that are text; the others are written to standard output only when it is no terminal.
_TEXT_FORMATS = frozenset({"yaml", "json", "mermaid", "svg", "csv"})


@click.group()
def journey() -> None:
    """Import, export, validate and inspect journeys and their revisions."""


@journey.command("list")
@workspace_option
@click.option(
    "--json", "as_json", is_flag=True, help="Print a JSON array (id, title, state, revision)."
)
def list_journeys(workspace: str | None, as_json: bool) -> None:
    """List the journeys of the workspace."""
    with opened_workspace(workspace) as ws:
        summaries = ws.journeys().list()
    if as_json:
        rows = [
            {"id": s.id, "title": s.title, "state": s.state, "revision": s.revision}
            for s in summaries
        ]
        write_raw(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
    else:
        console().print(views.journey_table(summaries))


@journey.command("show")
@click.argument("journey_id")
@workspace_option
@click.option("--revision", "-r", type=click.IntRange(min=1), help="Show this revision.")
@click.option("--language", "-l", type=click.Choice(["en", "de"]), default="en", show_default=True)
def show(journey_id: str, workspace: str | None, revision: int | None, language: str) -> None:
    """Show a journey: phases, steps, touchpoints, emotions and every lane."""
    with opened_workspace(workspace) as ws:
        doc = ws.journeys().get(journey_id, revision)
    console().print(views.journey_tree(doc, language))


@journey.command("export")
@click.argument("journey_id")
@workspace_option
@click.option(
    "--format",
    "-f",
    "fmt",
    type=click.Choice(FORMATS),
    help="Output format (default: from the file suffix, else yaml).",
)
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), help="Write here.")
@click.option("--revision", "-r", type=click.IntRange(min=1), help="Export this revision.")
@click.option(
    "--language",
    "-l",
    type=click.Choice(["en", "de"]),
    default="en",
    show_default=True,
    help="Language of labels in Mermaid, the drawn map (svg, png, pdf) and tables (csv, xlsx).",
)
@click.option(
    "--hide",
    "hidden_lanes",
    multiple=True,
    type=click.Choice(LANE_ORDER),
    help="Leave this lane out of the drawn map and the tables (repeatable).",
)
@click.option(
    "--grid",
    is_flag=True,
    help="With csv: the map grid (a column per step, a row per lane) that import-sheet reads, "
    "instead of one row per lane item.",
)
def export(
    journey_id: str,
    workspace: str | None,
    fmt: str | None,
    output: Path | None,
    revision: int | None,
    language: str,
    hidden_lanes: tuple[str, ...],
    grid: bool,
) -> None:
    """Export a journey with its personas, evidence, hypotheses, measures and KPIs.

    yaml and json are the journey file (import it again with `journeykit journey import`);
    mermaid is a diagram for wikis; svg, png and pdf (A3 landscape pages) are the drawn map;
    csv and xlsx list one row per lane item, and the xlsx holds the map grid on its second
    sheet. The journey's comments go along: a comments section in yaml and json (an import
    checks and skips it), a comments table after the items in csv, a comments sheet in xlsx.
    Writes to standard output unless --output is given (png, pdf and xlsx only into a file or
    a pipe).
    """
    chosen = fmt or (_SUFFIX_FORMATS.get(output.suffix.lower(), "yaml") if output else "yaml")
    if grid and chosen != "csv":
        raise click.UsageError("--grid goes with --format csv (the xlsx always has the grid)")
    if output is None and chosen not in _TEXT_FORMATS and sys.stdout.isatty():
        raise click.UsageError(f"{chosen} is binary: write it to a file with --output FILE")
    # The journey's comments travel with it (a lazy import: most commands need no comments).
    from journeykit.web.services.comments import exported_comments

    with opened_workspace(workspace) as ws:
        doc = ws.journeys().get(journey_id, revision)
        comments = exported_comments(ws, doc.journey.id)
    if grid:
        rendered = export_map_grid(
            doc, doc.journey.id, language=language, hidden_lanes=hidden_lanes
        )
    else:
        rendered = export_journey(
            doc,
            doc.journey.id,
            chosen,
            language=language,
            hidden_lanes=hidden_lanes,
            comments=comments,
        )
    if output is None:
        if chosen in _TEXT_FORMATS:
            write_raw(rendered.content.decode("utf-8-sig" if chosen == "csv" else "utf-8"))
        else:
            sys.stdout.buffer.write(rendered.content)
            sys.stdout.buffer.flush()
    else:
        write_bytes_atomically(output, rendered.content)
        console().print(
            f"Exported {doc.journey.id} revision {doc.revision} to {output}", highlight=False
        )


@journey.command("import")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@workspace_option
@author_option
@click.option("--message", "-m", default=None, help="Revision message.")
@click.option(
    "--force",
    is_flag=True,
    help="Save even if the journey changed since the file was exported.",
)
def import_journey(
    file: Path, workspace: str | None, author: str | None, message: str | None, force: bool
) -> None:
    """Import a journey file (YAML or JSON) as a new revision.

    The whole file is checked first; a file with any problem changes nothing. A file exported
    from an older revision is refused if the journey changed since, unless --force is given.
    """
    doc = read_document(file)
    with opened_workspace(workspace) as ws:
        info = ws.journeys().import_document(
            doc,
            author=resolve_author(author),
            message=message or f"Import {file.name}",
            force=force,
        )
    if info.unchanged:
        console().print(
            f"{info.journey_id}: unchanged, still at revision {info.number}", highlight=False
        )
    else:
        console().print(f"Imported {info.journey_id} as revision {info.number}", highlight=False)


@journey.command("import-sheet")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@workspace_option
@author_option
@click.option("--title", default=None, help="Title of the journey (default: the file name).")
@click.option("--message", "-m", default=None, help="Revision message.")
@click.option(
    "--force",
    is_flag=True,
    help="If a journey with the same id exists, save the sheet as its next revision.",
)
def import_sheet(
    file: Path,
    workspace: str | None,
    author: str | None,
    title: str | None,
    message: str | None,
    force: bool,
) -> None:
    """Import a journey map from a spreadsheet grid (CSV or XLSX) as a new as-is journey.

    Column A names the rows (Phase, Schritt/Step, Aktionen, Painpoints, Emotionen, …), every
    further column is a step; see docs/file-format.md. The whole sheet is checked first; a
    sheet with any problem changes nothing and every problem is listed with its cell.
    """
    try:
        data = file.read_bytes()
    except OSError as exc:
        reason = "no such file" if isinstance(exc, FileNotFoundError) else exc.strerror or str(exc)
        raise DocumentInvalid(
            [Issue(code="file_not_found", message=reason, file=str(file))]
        ) from exc
    doc = read_map_sheet(data, filename=file.name, title=title)
    with opened_workspace(workspace) as ws:
        if not force and ws.journeys().exists(doc.journey.id):
            # A sheet remembers no revision, so the file-import hint ("export, edit, import")
            # would not help here.
            raise ConflictError(
                f"journey {doc.journey.id!r} already exists; nothing was saved",
                hint="use --force to save the sheet as its next revision, "
                "or --title for a new journey",
                journey_id=doc.journey.id,
            )
        info = ws.journeys().import_document(
            doc,
            author=resolve_author(author),
            message=message or f"Import {file.name}",
            force=force,
        )
    journey = doc.journey
    phases = sum(1 for phase in journey.phases if phase.steps)
    if info.unchanged:
        console().print(
            f"{info.journey_id}: unchanged, still at revision {info.number}", highlight=False
        )
    else:
        console().print(
            f"Imported {info.journey_id} as revision {info.number}: {phases} phases, "
            f"{journey.step_count()} steps, {len(doc.personas)} personas",
            highlight=False,
        )


@journey.command("validate")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
def validate(file: Path) -> None:
    """Check a journey file without importing it; list every problem with its line."""
    doc = read_document(file)
    console().print(
        f"{file}: valid journey {doc.journey.id!r} with {len(doc.journey.phases)} phases, "
        f"{doc.journey.step_count()} steps",
        highlight=False,
        markup=False,
    )


@journey.command("history")
@click.argument("journey_id")
@workspace_option
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array of revisions.")
def history(journey_id: str, workspace: str | None, as_json: bool) -> None:
    """List the revisions of a journey, newest first."""
    with opened_workspace(workspace) as ws:
        revisions = ws.journeys().history(journey_id)
    if as_json:
        write_raw(json.dumps([views.revision_data(r) for r in revisions], indent=2) + "\n")
    else:
        console().print(views.history_table(journey_id, revisions))


@journey.command("diff")
@click.argument("journey_id")
@click.argument("old", type=click.IntRange(min=1), required=False)
@click.argument("new", type=click.IntRange(min=1), required=False)
@workspace_option
@click.option("--json", "as_json", is_flag=True, help="Print the changes as a JSON array.")
def diff(
    journey_id: str, old: int | None, new: int | None, workspace: str | None, as_json: bool
) -> None:
    """Show what changed between two revisions (default: the last two).

    OLD alone compares that revision with the latest.
    """
    with opened_workspace(workspace) as ws:
        store = ws.journeys()
        head = store.history(journey_id)[0].number
        new_number = new or head
        old_number = old if old is not None else max(new_number - 1, 1)
        changes = store.diff(journey_id, old_number, new_number)
    if as_json:
        write_raw(json.dumps(changes.to_data(), ensure_ascii=False, indent=2) + "\n")
    else:
        console().print(views.diff_view(journey_id, old_number, new_number, changes))


@journey.command("restore")
@click.argument("journey_id")
@click.argument("revision", type=click.IntRange(min=1))
@workspace_option
@author_option
@click.option("--message", "-m", default=None, help="Revision message.")
def restore(
    journey_id: str, revision: int, workspace: str | None, author: str | None, message: str | None
) -> None:
    """Restore an old revision as a new one (nothing in the history is lost)."""
    with opened_workspace(workspace) as ws:
        info = ws.journeys().restore(
            journey_id, revision, author=resolve_author(author), message=message
        )
    console().print(
        f"Restored revision {revision} of {journey_id} as revision {info.number}", highlight=False
    )


@journey.command("derive-to-be")
@click.argument("journey_id")
@workspace_option
@author_option
@click.option("--id", "new_id", default=None, help="Id of the new journey (default: ID-to-be).")
@click.option("--title", default=None, help="Title of the new journey.")
def derive_to_be(
    journey_id: str,
    workspace: str | None,
    author: str | None,
    new_id: str | None,
    title: str | None,
) -> None:
    """Create a to-be journey from an as-is journey, as a starting point for the target state."""
    with opened_workspace(workspace) as ws:
        info = ws.journeys().derive_to_be(
            journey_id, author=resolve_author(author), new_id=new_id, title=title
        )
    console().print(f"Created to-be journey {info.journey_id} from {journey_id}", highlight=False)
