"""``journeykit feedback …``: import survey answers, reviews and tickets; score and read them."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

from journeykit.cli.console import console, error_console, write_raw
from journeykit.cli.event_options import json_option, print_rows
from journeykit.cli.options import opened_workspace, workspace_option
from journeykit.events.importers.errors import MappingInvalid
from journeykit.events.importers.rejects import Reject, write_rejects
from journeykit.feedback.importers import FEEDBACK_KINDS, FeedbackMapping, read_feedback_mapping
from journeykit.feedback.importers.mapping import parse_question
from journeykit.feedback.kpis import GROUPINGS, check_grouping, compare_periods, kpis, period
from journeykit.feedback.personas import segment_members, workspace_personas
from journeykit.feedback.queries import map_pain_points, stored_answers, stored_comments
from journeykit.feedback.sentiment.classifier import load_model
from journeykit.feedback.service import import_feedback, workspace_places
from journeykit.feedback.settings import read_settings
from journeykit.feedback.store import FeedbackStore
from journeykit.feedback.text.language import detect_languages
from journeykit.feedback.themes import find_themes, pain_points
from journeykit.model.errors import JourneykitError

REJECTS_FOLDER = "rejects"
#: Characters of a quote shown in a table cell (JSON output has it whole).
QUOTE_CHARS = 90


def _shown(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows fit for a Rich table: text escaped (a redacted "[email]" is not markup) and
    long quotes cut."""
    result = []
    for row in rows:
        shown = {}
        for key, value in row.items():
            if isinstance(value, str):
                value = value if len(value) <= QUOTE_CHARS else value[: QUOTE_CHARS - 1] + "…"
                value = escape(value.replace("\n", " "))
            shown[key] = value
        result.append(shown)
    return result


@click.group()
def feedback() -> None:
    """Listen to customers: survey answers (NPS, CSAT, CES), reviews and support tickets.

    Scores come with 95 % confidence intervals; comments are redacted of personal data,
    and their language, sentiment and themes are found offline, in German and English.
    """


def _questions(values: Sequence[str]) -> dict[str, Any]:
    result = {}
    for value in values:
        header, sep, question = value.rpartition("=")
        if not sep or not header.strip():
            raise MappingInvalid(
                f"--question-column {value!r} is not HEADER=KIND",
                hint="for example --question-column 'Wie zufrieden waren Sie?=csat@Checkout'",
            )
        result[header.strip()] = parse_question(question, where=f"--question-column {value!r}")
    return result


@feedback.command("import")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@workspace_option
@click.option(
    "--kind",
    type=click.Choice(FEEDBACK_KINDS),
    default="survey",
    show_default=True,
    help="What the files hold: survey answers, reviews (rating 1–5) or support tickets.",
)
@click.option("--customer", help="Column with the customer id.")
@click.option("--date", "date_column", help="Column with the date.")
@click.option("--touchpoint", help="Column with the touchpoint or step (id or name).")
@click.option("--question", help="Column with the question kind (nps, csat, ces): long layout.")
@click.option("--score", help="Column with the score (reviews: the star rating).")
@click.option("--comment", help="Column with the comment (reviews, tickets: the text).")
@click.option("--channel", help="Column with the channel.")
@click.option("--persona", help="Column with the persona or segment.")
@click.option("--title", help="Column with a review's title or a ticket's subject.")
@click.option("--source", help="Column with the source (review portal, survey tool, …).")
@click.option("--category", help="Column with a ticket's category.")
@click.option(
    "--question-column",
    "question_columns",
    multiple=True,
    metavar="HEADER=KIND[@TOUCHPOINT]",
    help="Wide layout: a question column and its kind (repeatable).",
)
@click.option(
    "--mapping",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Column mapping file (YAML or JSON); flags override it.",
)
@click.option("--sheet", help="Excel sheet to read (default: the first).")
@click.option("--delimiter", help="CSV delimiter (default: detected).")
@click.option("--encoding", help="File encoding (default: UTF-8, else cp1252).")
@click.option(
    "--pseudonymise",
    is_flag=True,
    help="Replace customer ids by a keyed hash (as the event import does).",
)
def import_feedback_command(
    files: tuple[Path, ...],
    workspace: str | None,
    kind: str,
    customer: str | None,
    date_column: str | None,
    touchpoint: str | None,
    question: str | None,
    score: str | None,
    comment: str | None,
    channel: str | None,
    persona: str | None,
    title: str | None,
    source: str | None,
    category: str | None,
    question_columns: tuple[str, ...],
    mapping: Path | None,
    sheet: str | None,
    delimiter: str | None,
    encoding: str | None,
    pseudonymise: bool,
) -> None:
    """Import feedback files (CSV, XLSX, JSON Lines): all usable rows or none.

    Long layout (one row per answer) and wide layout (one column per question, as survey
    tools export) are both recognised from the usual English and German headers. Comments
    are redacted of personal data before they are stored. Answers already stored are not
    added again; unusable rows are counted and written with their reason to a rejects file.
    """
    columns = read_feedback_mapping(mapping) if mapping else FeedbackMapping()
    overrides: dict[str, Any] = {
        "customer_id": customer,
        "date": date_column,
        "touchpoint": touchpoint,
        "question": question,
        "score": score,
        "comment": comment,
        "channel": channel,
        "persona": persona,
        "title": title,
        "source": source,
        "category": category,
        "sheet": sheet,
        "delimiter": delimiter,
        "encoding": encoding,
    }
    changes = {k: v for k, v in overrides.items() if v is not None}
    if question_columns:
        changes["questions"] = {**columns.questions, **_questions(question_columns)}
    columns = dataclasses.replace(columns, **changes)
    with opened_workspace(workspace) as ws:
        with Progress(
            "[progress.description]{task.description}",
            BarColumn(),
            MofNCompleteColumn(),
            TimeRemainingColumn(),
            console=error_console(),
            transient=True,
            disable=not error_console().is_terminal,
        ) as bar:
            task = bar.add_task("Reading", total=None)
            summary = import_feedback(
                ws,
                list(files),
                kind=kind,  # type: ignore[arg-type]
                mapping=columns,
                pseudonymise_ids=pseudonymise,
                progress=lambda what, done, total: bar.update(
                    task, description=what, completed=done, total=total
                ),
            )
        pseudonymised = ws.config.pseudonymisation_key is not None
        note = _write_rejects(ws.path, summary.rejects, pseudonymised=pseudonymised)
    calibrated = (
        f"\nSentiment calibrated on {summary.calibrated_on:,} star-rated reviews."
        if summary.calibrated_on
        else ""
    )
    console().print(
        f"Read {summary.rows_read:,} rows: {summary.responses:,} {kind} responses, "
        f"{summary.added:,} added, {summary.already_stored:,} already stored, "
        f"{len(summary.rejects):,} rejected{note}.\n"
        f"The workspace holds {summary.stored:,} feedback responses.{calibrated}",
        highlight=False,
    )


def _write_rejects(folder: Path, rejects: Sequence[Reject], *, pseudonymised: bool) -> str:
    if not rejects:
        return ""
    if pseudonymised:
        withheld = "(withheld: this workspace pseudonymises customer ids)"
        rejects = [dataclasses.replace(r, raw=withheld) for r in rejects]
    else:
        # A rejected row never reached redaction: its raw text is redacted here instead.
        from journeykit.feedback.text.redaction import redact

        rejects = [dataclasses.replace(r, raw=redact(r.raw)) for r in rejects]
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    path = folder / REJECTS_FOLDER / f"feedback-{stamp}.csv"
    write_rejects(path, rejects)
    return f" (reasons in {path})"


def _group_option(command: Any) -> Any:
    return click.option(
        "--by",
        type=click.Choice(GROUPINGS),
        help="Group by journey, phase, step, touchpoint, channel, persona, month or week.",
    )(command)


def _cuts(ws: Any, by: str | None) -> tuple[dict[str, set[str]], dict[str, str]]:
    if by != "persona":
        return {}, {}
    personas = workspace_personas(ws)
    return segment_members(ws.path, personas), {p.id: p.name for p in personas}


@feedback.command("kpis")
@workspace_option
@_group_option
@json_option
def kpis_command(workspace: str | None, by: str | None, as_json: bool) -> None:
    """NPS, CSAT and CES with 95 % confidence intervals and the number of answers.

    Scores resting on fewer answers than the workspace's minimum sample (30 unless
    feedback.toml says otherwise) are flagged.
    """
    grouping = check_grouping(by)
    with opened_workspace(workspace) as ws:
        settings = read_settings(ws.path)
        answers = stored_answers(FeedbackStore(ws.path))
        members, names = _cuts(ws, grouping)
        rows = kpis(
            answers,
            by=grouping,
            settings=settings,
            places=workspace_places(ws),
            members=members,
            persona_names=names,
        )
    data = [row.as_dict() for row in rows]
    if as_json:
        print_rows(data, [], "", as_json=True)
        small = sum(row.small_sample for row in rows)
        if small:
            error_console().print(
                f"note: {small} of {len(rows)} scores rest on fewer than "
                f"{settings.min_sample} answers",
                highlight=False,
            )
        return
    for item, row in zip(data, rows, strict=True):
        item["note"] = f"n < {settings.min_sample}" if row.small_sample else ""
    columns = ["group", "kind", "responses", "score", "ci_low", "ci_high", "note"]
    print_rows(
        _shown(data), columns, f"Scores by {grouping or 'all answers'} (95 % CI)", as_json=False
    )


@feedback.command("compare")
@workspace_option
@_group_option
@click.option(
    "--period",
    "period_by",
    type=click.Choice(["month", "week"]),
    default="month",
    show_default=True,
    help="Length of the periods compared.",
)
@click.option(
    "--before", help="The earlier period, e.g. 2024-03 or 2024-W09 (default: second last)."
)
@click.option("--after", help="The later period (default: the last with answers).")
@json_option
def compare_command(
    workspace: str | None,
    by: str | None,
    period_by: str,
    before: str | None,
    after: str | None,
    as_json: bool,
) -> None:
    """Whether scores changed significantly between two periods (tests at the 5 % level).

    `better` says whether a significant change is an improvement; for CES it follows
    ces_direction in feedback.toml (higher is easier unless set otherwise).
    """
    grouping = check_grouping(by)
    with opened_workspace(workspace) as ws:
        settings = read_settings(ws.path)
        answers = stored_answers(FeedbackStore(ws.path))
        periods = sorted({period(a.date, period_by) for a in answers})  # type: ignore[arg-type]
        if before is None or after is None:
            if len(periods) < 2 and (before is None or after is None):
                raise JourneykitError(
                    f"comparing needs answers from two periods; the feedback has {len(periods)}",
                    hint="import more answers or choose --period week",
                )
            after = after or periods[-1]
            before = before or periods[periods.index(after) - 1 if after in periods else -2]
        members, names = _cuts(ws, grouping)
        rows = compare_periods(
            answers,
            before=before,
            after=after,
            period_by=period_by,  # type: ignore[arg-type]
            by=grouping,
            settings=settings,
            places=workspace_places(ws),
            members=members,
            persona_names=names,
        )
    data = [row.as_dict() for row in rows]
    columns = ["group", "kind", "before", "after", "change", "p_value", "significant", "better"]
    shown = data if as_json else _shown(data)
    print_rows(shown, columns, f"Change from {before} to {after}", as_json=as_json)


@feedback.command("classify")
@click.argument("texts", nargs=-1)
@click.option(
    "--file",
    "text_file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="A UTF-8 text file with one comment per line.",
)
@json_option
def classify_command(texts: tuple[str, ...], text_file: Path | None, as_json: bool) -> None:
    """Language and sentiment of comments given as arguments or in a file (nothing stored).

    Personal data is redacted before the text is analysed and shown.
    """
    from journeykit.feedback.text.redaction import redact

    items = list(texts)
    if text_file is not None:
        try:
            lines = text_file.read_text(encoding="utf-8-sig").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            raise JourneykitError(f"{text_file}: cannot read it as UTF-8 text: {exc}") from exc
        items.extend(line for line in lines if line.strip())
    if not items:
        raise JourneykitError("no text to classify", hint="give texts as arguments or --file")
    redacted = [redact(text) for text in items]
    languages = detect_languages(redacted)
    found = load_model().classify(redacted, languages)
    rows = [
        {"text": text, "language": language, "sentiment": s.label, "score": s.score}
        for text, language, s in zip(redacted, languages, found, strict=True)
    ]
    if as_json:
        print_rows(rows, [], "", as_json=True)
        return
    print_rows(_shown(rows), ["text", "language", "sentiment", "score"], "Sentiment", as_json=False)


def _themes(ws: Any) -> list[Any]:
    return find_themes(stored_comments(FeedbackStore(ws.path)), workspace_places(ws))


@feedback.command("themes")
@workspace_option
@json_option
def themes_command(workspace: str | None, as_json: bool) -> None:
    """Themes in the comments: keywords, size, sentiment, example quotes and touchpoints."""
    with opened_workspace(workspace) as ws:
        themes = _themes(ws)
    rows = [theme.as_dict() for theme in themes]
    if as_json:
        write_raw(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
        return
    for item in rows:
        item["keywords"] = ", ".join(item["keywords"])
        item["example"] = f"„{item.pop('examples')[0]}“"
        item["touchpoints"] = ", ".join(item["touchpoints"][:2])
    columns = ["theme", "comments", "sentiment", "keywords", "touchpoints", "example"]
    print_rows(_shown(rows), columns, "Themes in the comments", as_json=False)


@feedback.command("pains")
@workspace_option
@json_option
def pains_command(workspace: str | None, as_json: bool) -> None:
    """Pain-point candidates: negative themes ranked by volume × negativity.

    Each names the touchpoints and steps its comments come from and the map's pain point
    it matches, if any: a candidate that matches none is something the map does not say.
    """
    with opened_workspace(workspace) as ws:
        found = pain_points(_themes(ws), map_pain_points(ws))
    rows = [pain.as_dict() for pain in found]
    if as_json:
        write_raw(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
        return
    for item in rows:
        item["touchpoints"] = ", ".join(item["touchpoints"][:2])
        item["on_map"] = item["on_map"] or "NEW: not on the map / neu, fehlt in der Map"
        item["example"] = f"„{item.pop('examples')[0]}“"
    columns = ["theme", "comments", "negative_share", "weight", "touchpoints", "on_map", "example"]
    print_rows(_shown(rows), columns, "Pain-point candidates", as_json=False)
