"""``journeykit events …``: import event data and measure the journeys in it."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click
from rich.progress import BarColumn, DownloadColumn, Progress, TimeRemainingColumn

from journeykit.cli.console import console, error_console
from journeykit.cli.event_options import event_log, json_option, print_rows, segment_options
from journeykit.cli.options import opened_workspace, workspace_option
from journeykit.events.attribution import MODELS, attribute, read_path_table
from journeykit.events.backends import build_from_table, publish_after_import
from journeykit.events.importers import (
    ColumnMapping,
    Reject,
    read_attributes,
    read_events,
    read_mapping_file,
    write_rejects,
)
from journeykit.events.metrics.attribution import attribution as log_attribution
from journeykit.events.metrics.funnel import funnel as funnel_rows
from journeykit.events.metrics.funnel import parse_duration
from journeykit.events.metrics.transitions import transitions as transition_rows
from journeykit.events.metrics.variants import variants as variant_rows
from journeykit.events.rules import workspace_rules
from journeykit.events.store import EventStore

REJECTS_FOLDER = "rejects"


@click.group()
def events() -> None:
    """Import event data (web analytics, shop, CRM, campaigns, support) and measure journeys."""


@events.command("import")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@workspace_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["csv", "parquet", "jsonl", "ga4"]),
    help="File format (default: from the suffix; GA4 exports are recognised by their columns).",
)
@click.option("--customer", help="Column with the customer id.")
@click.option("--time", "time_column", help="Column with the event time.")
@click.option("--event", help="Column with the event name.")
@click.option("--channel", help="Column with the channel.")
@click.option("--source", help="Column with the source (campaign, system, …).")
@click.option(
    "--mapping",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Column mapping file (YAML or JSON); flags override it.",
)
@click.option(
    "--timezone", help="Time zone of times without an offset, e.g. Europe/Berlin (default UTC)."
)
@click.option(
    "--time-format", help="strptime format of the times, if not ISO 8601 or German dd.mm.yyyy."
)
@click.option("--delimiter", help="CSV delimiter (default: detected).")
@click.option("--encoding", help="File encoding (default: UTF-8, else cp1252).")
@click.option(
    "--pseudonymise",
    is_flag=True,
    help="Replace customer ids by a keyed hash. Once used, every later import of the "
    "workspace does it too.",
)
def import_events(
    files: tuple[Path, ...],
    workspace: str | None,
    fmt: str | None,
    customer: str | None,
    time_column: str | None,
    event: str | None,
    channel: str | None,
    source: str | None,
    mapping: Path | None,
    timezone: str | None,
    time_format: str | None,
    delimiter: str | None,
    encoding: str | None,
    pseudonymise: bool,
) -> None:
    """Import event files into the workspace's event log: all usable rows or none.

    Rows already in the log are not added again; rows that cannot be used are counted and
    written with their reason to a rejects file in the workspace.
    """
    columns = read_mapping_file(mapping) if mapping else ColumnMapping()
    overrides: dict[str, Any] = {
        "customer_id": customer,
        "ts": time_column,
        "event": event,
        "channel": channel,
        "source": source,
        "timezone": timezone,
        "timestamp_format": time_format,
        "delimiter": delimiter,
        "encoding": encoding,
    }
    columns = dataclasses.replace(columns, **{k: v for k, v in overrides.items() if v is not None})
    with opened_workspace(workspace) as ws:
        use_key = pseudonymise or ws.config.pseudonymisation_key is not None
        key = ws.pseudonymisation_key() if use_key else None
        with Progress(
            "[progress.description]{task.description}",
            BarColumn(),
            DownloadColumn(),
            TimeRemainingColumn(),
            console=error_console(),
            transient=True,
            disable=not error_console().is_terminal,  # no bar in logs and pipes
        ) as progress:
            task = progress.add_task("Reading", total=None)
            batch = read_events(
                list(files),
                fmt=fmt,  # type: ignore[arg-type]
                mapping=columns,
                pseudonymisation_key=key,
                progress=lambda done, total: progress.update(task, completed=done, total=total),
            )
            progress.update(task, description="Building the journey-ordered log")
            with ws.lock():
                added = EventStore(ws.path).add(batch.table, rules=workspace_rules(ws.path))
                publish_after_import(ws.path, ws.config.events_url)
        rejects_note = _write_rejects(ws.path, "events", batch.rejects, pseudonymised=use_key)
    console().print(
        f"Read {batch.rows_read:,} rows: {added.added:,} added, "
        f"{added.already_stored:,} already in the log, "
        f"{len(batch.rejects):,} rejected{rejects_note}.\n"
        f"The event log holds {added.events:,} events of {added.customers:,} customers.",
        highlight=False,
    )


@events.command("attributes")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@workspace_option
@click.option("--id", "id_column", help="Column with the customer id (default: detected).")
@click.option("--delimiter", help="CSV delimiter (default: detected).")
@click.option("--encoding", help="File encoding (default: UTF-8, else cp1252).")
def import_attributes(
    file: Path,
    workspace: str | None,
    id_column: str | None,
    delimiter: str | None,
    encoding: str | None,
) -> None:
    """Import customer attributes (demographics, segment fields) from a CSV file.

    A customer's new row replaces the old one. Segments (--segment) and personas (--persona)
    filter customers by these attributes.
    """
    with opened_workspace(workspace) as ws:
        key = ws.pseudonymisation_key() if ws.config.pseudonymisation_key else None
        batch = read_attributes(
            file,
            id_column=id_column,
            delimiter=delimiter,
            encoding=encoding,
            pseudonymisation_key=key,
        )
        with ws.lock():
            total = EventStore(ws.path).add_attributes(batch.table)
            publish_after_import(ws.path, ws.config.events_url)
        note = _write_rejects(ws.path, "attributes", batch.rejects, pseudonymised=key is not None)
    columns = ", ".join(batch.table.column_names[1:])
    console().print(
        f"Read {batch.rows_read:,} rows: {batch.table.num_rows:,} customers with {columns}; "
        f"{len(batch.rejects):,} rejected{note}. {total:,} customers have attributes now.",
        highlight=False,
    )


def _write_rejects(
    folder: Path, kind: str, rejects: Sequence[Reject], *, pseudonymised: bool
) -> str:
    """Write rejected rows with their reasons to the workspace; the note to print.

    In a workspace that pseudonymises customer ids, the rows' raw text (which holds the
    original ids) is left out, so the rejects file cannot undo the pseudonymisation.
    """
    if not rejects:
        return ""
    if pseudonymised:
        withheld = "(withheld: this workspace pseudonymises customer ids)"
        rejects = [dataclasses.replace(reject, raw=withheld) for reject in rejects]
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    path = folder / REJECTS_FOLDER / f"{kind}-{stamp}.csv"
    path.parent.mkdir(exist_ok=True)
    write_rejects(path, rejects)
    return f" (reasons in {path})"


@events.command("transitions")
@workspace_option
@segment_options
@json_option
def transitions(
    workspace: str | None, segment: str | None, persona: str | None, as_json: bool
) -> None:
    """Consecutive events of a customer: how often, by how many customers, how long between."""
    from journeykit.events.metrics.transitions import COLUMNS

    with event_log(workspace, segment, persona) as log:
        rows = transition_rows(log)
    print_rows(rows, COLUMNS, "Transitions", as_json)


@events.command("variants")
@workspace_option
@click.option(
    "--top", type=click.IntRange(min=0), default=10, show_default=True, help="How many (0: all)."
)
@segment_options
@json_option
def variants(
    workspace: str | None, top: int, segment: str | None, persona: str | None, as_json: bool
) -> None:
    """The most common whole journeys (the customer's events in order)."""
    from journeykit.events.metrics.variants import COLUMNS

    with event_log(workspace, segment, persona) as log:
        rows = variant_rows(log, top)
    print_rows(rows, COLUMNS, "Path variants", as_json)


@events.command("funnel")
@click.argument("steps", nargs=-1, required=True)
@workspace_option
@click.option("--window", help="Count steps only within this time of the first, e.g. 7d, 12h, 30m.")
@segment_options
@json_option
def funnel(
    steps: tuple[str, ...],
    workspace: str | None,
    window: str | None,
    segment: str | None,
    persona: str | None,
    as_json: bool,
) -> None:
    """An ordered funnel over event names: customers, conversion and time per step."""
    from journeykit.events.metrics.funnel import COLUMNS

    seconds = parse_duration(window) if window else None
    with event_log(workspace, segment, persona) as log:
        rows = funnel_rows(log, list(steps), seconds)
    print_rows(rows, COLUMNS, "Funnel", as_json)


@events.command("attribution")
@workspace_option
@click.option("--conversion", help="The event that counts as a conversion (for the event log).")
@click.option(
    "--paths",
    "paths_file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Attribute an aggregated path table (CSV) instead of the event log.",
)
@click.option(
    "--model",
    type=click.Choice(list(MODELS)),
    default="linear",
    show_default=True,
    help="Attribution model.",
)
@click.option("--path-column", default="path", show_default=True, help="Path column of --paths.")
@click.option(
    "--conversions-column",
    default="total_conversions",
    show_default=True,
    help="Conversions column of --paths.",
)
@click.option(
    "--nulls-column", default="total_null", show_default=True, help="Nulls column of --paths."
)
@click.option("--value-column", default=None, help="Conversion value column of --paths.")
@click.option("--separator", default=" > ", show_default=True, help="Channel separator in --paths.")
@click.option(
    "--half-life", default="7d", show_default=True, help="Half-life of the time_decay model."
)
@segment_options
@json_option
def attribution(
    workspace: str | None,
    conversion: str | None,
    paths_file: Path | None,
    model: str,
    path_column: str,
    conversions_column: str,
    nulls_column: str,
    value_column: str | None,
    separator: str,
    half_life: str,
    segment: str | None,
    persona: str | None,
    as_json: bool,
) -> None:
    """Credit conversions to channels: first, last, linear, time_decay, position, exact Markov
    removal effects or Shapley values.

    From the event log, a path is a customer's channels before their first conversion
    (repeats collapsed). With --paths, a table of aggregated paths in the layout of
    ChannelAttribution or of Google Analytics' conversion path export.
    """
    if (conversion is None) == (paths_file is None):
        raise click.UsageError("give either --conversion EVENT or --paths FILE")
    if paths_file is not None:
        table = read_path_table(
            paths_file,
            path_column=path_column,
            conversions_column=conversions_column,
            nulls_column=nulls_column,
            value_column=value_column,
            separator=separator,
        )
        result = attribute(table, model)
    else:
        assert conversion is not None
        with event_log(workspace, segment, persona) as log:
            result = log_attribution(
                log, conversion, model, half_life_seconds=parse_duration(half_life)
            )
    rows = result.to_rows()
    columns = ("touchpoint", "conversions", "share", *(("value",) if result.has_values else ()))
    print_rows(rows, columns, f"Attribution ({model})", as_json)


@events.command("rebuild")
@click.option(
    "--from-table",
    "table",
    metavar="TABLE",
    help="Build the log on the workspace's Spark cluster or warehouse (events_url) from its "
    "raw events table TABLE (customer_id, ts, event; optional channel, source, properties, "
    "source_file, source_row), without copying the data to this machine.",
)
@workspace_option
def rebuild(table: str | None, workspace: str | None) -> None:
    """Apply the workspace's touchpoint rules (touchpoint-rules.yaml) to the event log again."""
    with opened_workspace(workspace) as ws:
        rules = workspace_rules(ws.path)
        with ws.lock():
            if table is not None:
                build_from_table(ws.config.events_url, table, rules)
            else:
                EventStore(ws.path).rebuild(rules=rules)
                publish_after_import(ws.path, ws.config.events_url)
    where = f" on the analytics backend from {table}" if table is not None else ""
    console().print(
        f"Rebuilt the event log{where} with {len(rules.rules)} touchpoint rules.",
        highlight=False,
    )
