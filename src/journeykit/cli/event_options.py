"""What every ``journeykit events`` command shares: output, segment cuts, opening the log."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import click
from rich.table import Table

from journeykit.cli.console import console, write_raw
from journeykit.cli.options import opened_workspace
from journeykit.events.backends import open_engine
from journeykit.events.filters import FilterExpr, from_segment, parse_filter
from journeykit.events.log import EventLog
from journeykit.model.errors import JourneykitError, NotFoundError, did_you_mean
from journeykit.model.persona import Persona
from journeykit.store import Workspace


def json_option(command: Any) -> Any:
    return click.option("--json", "as_json", is_flag=True, help="Print a JSON array.")(command)


def print_rows(
    rows: list[dict[str, Any]], columns: Sequence[str], title: str, as_json: bool
) -> None:
    if as_json:
        write_raw(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
        return
    table = Table(title=title, title_justify="left")
    for column in columns:
        values = [row[column] for row in rows if row[column] is not None]
        table.add_column(column, justify="right" if values and _numeric(values[0]) else "left")
    for row in rows:
        table.add_row(*(_cell(row[column]) for column in columns))
    console().print(table)


def _numeric(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _cell(value: Any) -> str:
    if value is None:
        return "–"
    if isinstance(value, list):
        return " → ".join(str(v) for v in value)
    if isinstance(value, float):
        return f"{value:,.3f}".rstrip("0").rstrip(".")
    return str(value)


def segment_options(command: Any) -> Any:
    command = click.option(
        "--segment",
        help="Only customers whose attributes pass this filter, "
        "e.g. 'age >= 60 and region == \"BW\"'.",
    )(command)
    return click.option(
        "--persona", help="Only the customers of this persona's segment (a persona id)."
    )(command)


class PersonaWithoutSegment(JourneykitError):
    """A persona given as a cut has no segment filter to cut by."""

    code = "persona_without_segment"


def _persona_segment(ws: Workspace, persona_id: str) -> FilterExpr:
    journeys = ws.journeys()
    known: dict[str, Persona] = {}
    for summary in journeys.list():
        for persona in journeys.get(summary.id).personas:
            known.setdefault(persona.id, persona)
    chosen = known.get(persona_id)
    if chosen is None:
        suggestion = did_you_mean(persona_id, known)
        raise NotFoundError(
            f"no journey of the workspace has a persona {persona_id!r}",
            hint=f"did you mean {suggestion!r}?"
            if suggestion
            else "see the personas with `journeykit journey show ID`",
        )
    if chosen.segment is None:
        raise PersonaWithoutSegment(
            f"persona {persona_id!r} has no segment filter over customer attributes",
            hint="add one to the persona in its journey file, or use --segment",
        )
    return from_segment(chosen.segment)


@contextmanager
def event_log(
    workspace: str | None, segment: str | None = None, persona: str | None = None
) -> Iterator[EventLog]:
    with opened_workspace(workspace) as ws:
        cuts = [parse_filter(segment)] if segment else []
        if persona:
            cuts.append(_persona_segment(ws, persona))
        engine = open_engine(ws.path, ws.config.events_url)
        try:
            log = EventLog.of(engine)
            for cut in cuts:
                log = log.for_segment(cut)
            yield log
        finally:
            engine.close()
