"""``journeykit journey numbers``, ``journeykit discover`` and ``journeykit report``: where
the data meets the map."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click
from rich.markup import escape
from rich.table import Table

from journeykit.cli.console import console, write_raw
from journeykit.cli.files import write_bytes_atomically
from journeykit.cli.journey import journey
from journeykit.cli.options import opened_workspace, workspace_option
from journeykit.insight.discovery import (
    DEFAULT_HOTSPOT_DROP_OFF,
    DEFAULT_MAX_STEPS,
    DEFAULT_MIN_SHARE,
)
from journeykit.insight.discovery_document import draft_document
from journeykit.insight.discovery_workspace import workspace_discovery
from journeykit.insight.step_numbers import JourneyNumbers, step_numbers
from journeykit.insight.step_numbers_text import (
    count,
    duration,
    percent,
    score_text,
    step_figures,
    word,
)
from journeykit.model.fileformat import dump_document
from journeykit.render.export import export_journey

_LANGUAGE = click.option(
    "--lang",
    "language",
    type=click.Choice(["de", "en"]),
    default="de",
    show_default=True,
    help="Language of the texts.",
)


def _numbers_tables(numbers: JourneyNumbers, language: str) -> tuple[Table, Table]:
    steps = Table(title=f"{numbers.journey_id}: steps", title_justify="left")
    for name in ("#", "step", "customers", "conversion", "drop-off", "median time"):
        steps.add_column(name, justify="right" if name not in ("step",) else "left")
    steps.add_column("scores")
    steps.add_column("negative", justify="right")
    steps.add_column("top theme")
    steps.add_column("evidence", justify="right")
    for s in numbers.steps:
        title = escape(s.title) + (" [bold yellow](assumption)[/]" if s.assumption else "")
        steps.add_row(
            str(s.number),
            title,
            count(s.customers, language) if s.customers else "–",
            percent(s.conversion, language),
            percent(s.drop_off, language),
            duration(s.median_seconds_from_previous, language),
            escape("\n".join(score_text(x, language) for x in s.scores)) or "–",
            percent(s.sentiment.negative, language) if s.sentiment else "–",
            escape(s.top_theme.name) if s.top_theme else "–",
            str(s.evidence),
        )
    phases = Table(title=f"{numbers.journey_id}: phase funnel", title_justify="left")
    for name in ("phase", "customers", "of entered", "from previous", "drop-off", "in phase"):
        phases.add_column(name, justify="left" if name == "phase" else "right")
    for p in numbers.phases:
        phases.add_row(
            escape(p.name(language)),
            count(p.customers, language) if p.customers else "–",
            percent(p.conversion, language),
            percent(p.step_conversion, language),
            percent(p.drop_off, language),
            duration(p.median_seconds_in_phase, language),
        )
    return steps, phases


_MAP_SUFFIXES = {".svg": "svg", ".png": "png", ".pdf": "pdf", ".csv": "csv", ".xlsx": "xlsx"}


@journey.command("numbers")
@click.argument("journey_id")
@workspace_option
@click.option("--revision", "-r", type=click.IntRange(min=1), help="Numbers of this revision.")
@click.option("--json", "as_json", is_flag=True, help="Print the numbers as one JSON object.")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also write the map with its numbers row: .svg, .png, .pdf, .csv or .xlsx.",
)
@_LANGUAGE
def numbers_command(
    journey_id: str,
    workspace: str | None,
    revision: int | None,
    as_json: bool,
    output: Path | None,
    language: str,
) -> None:
    """Numbers on the map: customers, conversion, drop-off, time, scores, sentiment, top
    theme and evidence per step, and the phase funnel.

    Steps are tied to the event log through the touchpoint rules and to feedback through the
    touchpoints answers were given at; a step nothing backs is marked as an assumption.
    With -o, the drawn map (or its table) is written with a numbers row as well.
    """
    fmt = None
    if output is not None:
        fmt = _MAP_SUFFIXES.get(output.suffix.lower())
        if fmt is None:
            raise click.BadParameter(
                f"{output.name}: the map with numbers is written as " + ", ".join(_MAP_SUFFIXES),
                param_hint="--output",
            )
    with opened_workspace(workspace) as ws:
        doc = ws.journeys().get(journey_id, revision)
        numbers = step_numbers(ws, doc, journey_id)
    if output is not None and fmt is not None:
        rendered = export_journey(
            doc, journey_id, fmt, language=language, numbers=step_figures(numbers, language)
        )
        write_bytes_atomically(output, rendered.content)
    if as_json:
        write_raw(json.dumps(numbers.as_dict(), ensure_ascii=False, indent=2) + "\n")
        return
    steps, phases = _numbers_tables(numbers, language)
    out = console()
    if not numbers.has_events:
        out.print("No event log yet: customers, conversion and times are empty.")
    if not numbers.has_feedback:
        out.print("No feedback yet: scores, sentiment and themes are empty.")
    out.print(steps)
    out.print(phases)
    if numbers.assumptions:
        out.print(f"{len(numbers.assumptions)} step(s): {word('assumption', language)}")


@click.command("discover")
@workspace_option
@click.option("--json", "as_json", is_flag=True, help="Print the proposed journey as JSON.")
@click.option(
    "--min-share",
    type=click.FloatRange(0.0, 1.0, min_open=True),
    default=DEFAULT_MIN_SHARE,
    show_default=True,
    help="Share of customers an event needs to become a step.",
)
@click.option(
    "--max-steps",
    type=click.IntRange(min=1),
    default=DEFAULT_MAX_STEPS,
    show_default=True,
    help="Most steps proposed.",
)
@click.option(
    "--hotspot",
    "hotspot_drop_off",
    type=click.FloatRange(0.0, 1.0),
    default=DEFAULT_HOTSPOT_DROP_OFF,
    show_default=True,
    help="Drop-off between two steps from which it is a pain-point candidate.",
)
@_LANGUAGE
def discover_command(
    workspace: str | None,
    as_json: bool,
    min_share: float,
    max_steps: int,
    hotspot_drop_off: float,
    language: str,
) -> None:
    """Propose the as-is journey from the event log alone.

    Steps are the most frequent events in the order customers typically do them, phases
    come from the touchpoint rules; drop-off hotspots and negative feedback themes are
    pain-point candidates, channel switches opportunities. Prints the proposed journey in
    the journey file format (YAML, or JSON with --json), ready for `journeykit journey
    import`; review it against a drawn map in the browser (Discover on the map page).
    """
    with opened_workspace(workspace) as ws:
        discovery = workspace_discovery(
            ws, min_share=min_share, max_steps=max_steps, hotspot_drop_off=hotspot_drop_off
        )
    doc = draft_document(discovery, language=language)
    write_raw(dump_document(doc, "json" if as_json else "yaml"))


def write_output(content: bytes, output: Path | None) -> None:
    """Write ``content`` to ``output`` atomically, or to standard output."""
    if output is None:
        sys.stdout.buffer.write(content)
    else:
        write_bytes_atomically(output, content)


@click.command("report")
@click.argument("journey_id")
@workspace_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["html", "pdf"]),
    default=None,
    help="html or pdf (default: from the -o suffix, else html).",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="File to write (default: standard output).",
)
@click.option("--revision", "-r", type=click.IntRange(min=1), help="Report on this revision.")
@_LANGUAGE
def report_command(
    journey_id: str,
    workspace: str | None,
    fmt: str | None,
    output: Path | None,
    revision: int | None,
    language: str,
) -> None:
    """The journey report a manager reads in five minutes (HTML or PDF).

    The map with its numbers, the emotion curve, the biggest drop-offs and pains with
    customers' quotes, hypotheses with their latest evidence, and measures with their status.
    """
    from journeykit.insight.report import report_context, report_html
    from journeykit.insight.report_pdf import report_pdf

    chosen = fmt or ("pdf" if output is not None and output.suffix.lower() == ".pdf" else "html")
    if chosen == "pdf" and output is None and sys.stdout.isatty():
        raise click.UsageError("a PDF is not written to a terminal: give -o FILE")
    with opened_workspace(workspace) as ws:
        doc = ws.journeys().get(journey_id, revision)
        ctx = report_context(ws, doc, language=language)
        content = report_pdf(ctx) if chosen == "pdf" else report_html(ctx).encode("utf-8")
    write_output(content, output)


def register_insight(group: click.Group) -> None:
    """Add ``discover`` and ``report`` to the ``journeykit`` group (``journey numbers`` is
    added to the ``journey`` group when this module is imported)."""
    group.add_command(discover_command)
    group.add_command(report_command)
