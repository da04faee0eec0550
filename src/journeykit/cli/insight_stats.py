"""``journeykit hypothesis test``, ``journeykit measure effect``, ``journeykit refresh`` and
``journeykit kpi history``: the numbers that decide hypotheses, prove measures and track KPIs.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import click
from rich.markup import escape
from rich.table import Table

from journeykit.cli.console import console, error_console, write_raw
from journeykit.cli.options import opened_workspace, workspace_option
from journeykit.insight.hypotheses import (
    Verdict,
    evaluate_hypothesis,
    find_hypothesis,
    record_verdicts,
)
from journeykit.insight.kpi_history import Refresh, kpi_history, refresh
from journeykit.insight.measure_effects import MeasureEffect, measure_effect
from journeykit.insight.sources import WorkspaceData
from journeykit.model.document import JourneyDocument
from journeykit.model.errors import JourneykitError, NotFoundError, did_you_mean
from journeykit.store import Workspace


class KpiAlerts(JourneykitError):
    """``refresh --check`` found KPIs past their alert thresholds (the exit status is 1)."""

    code = "kpi_alert"


class HypothesesUntested(JourneykitError):
    """``hypothesis test --all`` could not test some hypotheses (each says why)."""

    code = "hypotheses_untested"


def _json(data: Any) -> None:
    write_raw(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def _number(value: float | None, digits: int = 2) -> str:
    return "–" if value is None else f"{value:,.{digits}f}"


def _journeys(ws: Workspace, journey_id: str | None) -> list[JourneyDocument]:
    journeys = ws.journeys()
    ids = [journey_id] if journey_id else [s.id for s in journeys.list()]
    return [journeys.get(j) for j in ids]


def _choose(id_: str | None, every: bool, what: str) -> None:
    if (id_ is None) == (not every):
        raise click.UsageError(f"name one {what} ID, or use --all (not both)")


journey_filter = click.option(
    "--journey", "journey_id", help="Only this journey (needed if the ID is in several)."
)
json_flag = click.option("--json", "as_json", is_flag=True, help="Print a JSON array.")


@click.group()
def hypothesis() -> None:
    """Test the journeys' hypotheses against the event log and the feedback."""


@hypothesis.command("test")
@click.argument("hypothesis_id", required=False, metavar="[ID]")
@click.option("--all", "every", is_flag=True, help="Test every hypothesis that names a test.")
@journey_filter
@json_flag
@click.option("--dry-run", is_flag=True, help="Only print the verdicts; change no journey.")
@workspace_option
def test_command(
    hypothesis_id: str | None,
    every: bool,
    journey_id: str | None,
    as_json: bool,
    dry_run: bool,
    workspace: str | None,
) -> None:
    """Test hypothesis ID (or --all): pick the right test, report effect, 95 % interval,
    p-value and sample size, and record the verdict as evidence and status on the journey
    (a new revision by "journeykit").

    Rates get the two-proportion z test, times, CSAT and CES the Mann-Whitney U test, NPS a
    seeded bootstrap. Fewer than 30 in a group (for a rate: fewer than 5 on either side of
    it) is too small to say: the status is then inconclusive.
    """
    _choose(hypothesis_id, every, "hypothesis")
    with opened_workspace(workspace) as ws, WorkspaceData(ws) as data:
        if hypothesis_id is not None:
            document, chosen = find_hypothesis(ws, hypothesis_id, journey_id)
            plan = [(document, [chosen])]
        else:
            plan = [
                (d, [h for h in d.hypotheses if h.test is not None])
                for d in _journeys(ws, journey_id)
            ]
        rows: list[dict[str, Any]] = []
        saved: list[str] = []
        failed = 0
        for document, chosen_ones in plan:
            verdicts: list[Verdict] = []
            for h in chosen_ones:
                try:
                    verdict = evaluate_hypothesis(data, document, h)
                except JourneykitError as exc:
                    if hypothesis_id is not None:
                        raise
                    failed += 1
                    rows.append(_failed(h.id, document.journey.id, h.status, exc))
                    continue
                verdicts.append(verdict)
                rows.append(verdict.as_dict())
            if verdicts and not dry_run:
                today = dt.datetime.now(dt.UTC).date()
                info = record_verdicts(ws, document.journey.id, verdicts, today=today)
                saved.append(
                    f"{info.journey_id}: unchanged (revision {info.number})"
                    if info.unchanged
                    else f"{info.journey_id}: revision {info.number}"
                )
        if every and not rows:
            error_console().print("No hypothesis names a test yet (add a 'test' to one).")
    if as_json:
        _json(rows)
    else:
        _print_verdicts(rows, saved)
    if failed:
        raise HypothesesUntested(
            f"{failed} hypothesis test(s) could not run; the output says why for each",
            hint="the others were tested" + ("" if dry_run else " and recorded"),
        )


def _failed(hid: str, journey_id: str, status: str, exc: JourneykitError) -> dict[str, Any]:
    return {
        "id": hid, "test": None, "effect": None, "ci_low": None, "ci_high": None,
        "p_value": None, "n": None, "status": status, "journey_id": journey_id,
        "error": exc.one_line(), "code": exc.code,
    }  # fmt: skip


def _print_verdicts(rows: list[dict[str, Any]], saved: list[str]) -> None:
    for row in rows:
        if "error" in row:
            console().print(
                f"{row['id']}: not tested: {row['error']}", highlight=False, markup=False
            )
            continue
        a, b = row["group_a"], row["group_b"]
        console().print(
            f"{row['id']} ({row['journey_id']}): {row['status'].upper()}\n"
            f"  {row['metric']}: {a['label']} {_number(a['value'])} (n = {a['n']}) vs "
            f"{b['label']} {_number(b['value'])} (n = {b['n']})\n"
            f"  effect {row['effect']:+.2f} {row['unit']}, 95 % CI {row['ci_low']:+.2f} to "
            f"{row['ci_high']:+.2f}, p = {row['p_value']:.4g} ({row['test']})\n"
            f"  {row['reason']}",
            highlight=False,
            markup=False,
        )
    if saved:
        console().print(
            "Verdicts recorded as evidence by journeykit: " + "; ".join(saved), highlight=False
        )


@click.group()
def measure() -> None:
    """Measure whether the journeys' measures moved their KPIs."""


@measure.command("effect")
@click.argument("measure_id", required=False, metavar="[ID]")
@click.option("--all", "every", is_flag=True, help="Every measure of every journey.")
@journey_filter
@json_flag
@workspace_option
def effect_command(
    measure_id: str | None,
    every: bool,
    journey_id: str | None,
    as_json: bool,
    workspace: str | None,
) -> None:
    """Show measure ID's KPI before and after its go-live date, with a 95 % interval, and
    the difference-in-differences against its control when it names one (or --all).

    A measure without a KPI or a go-live date gets an explanation instead of numbers.
    """
    _choose(measure_id, every, "measure")
    with opened_workspace(workspace) as ws, WorkspaceData(ws) as data:
        effects: list[MeasureEffect] = []
        known: list[str] = []
        for document in _journeys(ws, journey_id):
            for m in document.measures:
                known.append(m.id)
                if every or m.id == measure_id:
                    effects.append(measure_effect(data, document, m))
        if measure_id is not None and not effects:
            suggestion = did_you_mean(measure_id, known)
            raise NotFoundError(
                f"no journey of the workspace has a measure {measure_id!r}",
                hint=f"did you mean {suggestion!r}?" if suggestion else None,
            )
    if as_json:
        _json([e.as_dict() for e in effects])
        return
    for e in effects:
        head = f"{e.measure_id}: {e.title}"
        if e.message is not None:
            console().print(f"{head}\n  {e.message}", highlight=False, markup=False)
            continue
        verdict = {True: "improved", False: "worsened", None: "no clear change"}[e.improved]
        text = (
            f"{head}\n  {e.kpi_name} ({e.unit}), go-live {e.go_live_date}: "
            f"before {_number(e.before)} (n = {e.n_before}), after {_number(e.after)} "
            f"(n = {e.n_after})\n  change {e.effect:+.2f}, 95 % CI {e.ci_low:+.2f} to "
            f"{e.ci_high:+.2f}, p = {e.p_value:.4g} ({e.test}): {verdict}"
        )
        if e.too_small:
            text += f" (too small to say: {e.too_small})"
        if e.control is not None:
            c = e.control
            text += (
                f"\n  against the control {c.label}: difference-in-differences "
                f"{c.effect:+.2f}, 95 % CI {c.ci_low:+.2f} to {c.ci_high:+.2f}, p = {c.p_value:.4g}"
                f" (treated {c.treated_change:+.2f}, control {c.control_change:+.2f})"
            )
        console().print(text, highlight=False, markup=False)


@click.command("refresh")
@click.option(
    "--check",
    is_flag=True,
    help="Fail (exit status 1) if a KPI is past its alert threshold, listing them (for cron).",
)
@json_flag
@workspace_option
def refresh_command(check: bool, as_json: bool, workspace: str | None) -> None:
    """Recompute every KPI of every journey from the event log and the feedback, and store a
    dated snapshot of each (run it by hand or from cron).

    Each KPI is compared with its target (on track / off track) and its alert threshold.
    With --check the command fails when any KPI is past its threshold and lists them, so a
    scheduler can notify someone.
    """
    with opened_workspace(workspace) as ws:
        done = refresh(ws)
    if as_json:
        _json(_refresh_rows(done))
    else:
        _print_refresh(done)
    alerts = done.alerts()
    if check and alerts:
        for journey_id, value in alerts:
            error_console().print(
                f"alert: {journey_id} / {value.kpi_id} ({value.name}) is "
                f"{_number(value.value)} {value.unit or ''}, past its alert threshold "
                f"{_number(value.threshold)}",
                highlight=False,
                markup=False,
            )
        raise KpiAlerts(
            f"{len(alerts)} KPI(s) past their alert threshold",
            hint="the snapshots were stored; see `journeykit kpi history JOURNEY`",
        )


def _refresh_rows(done: Refresh) -> list[dict[str, Any]]:
    return [
        {"journey_id": j.journey_id, "taken_at": done.taken_at.isoformat(), **v.as_dict()}
        for j in done.journeys
        for v in j.values
    ]


def _print_refresh(done: Refresh) -> None:
    stamp = done.taken_at.strftime("%Y-%m-%d %H:%M UTC")
    for journey in done.journeys:
        table = Table(
            title=escape(f"{journey.title} ({journey.journey_id}), {stamp}"), title_justify="left"
        )
        for column in ("KPI", "value", "95 % CI", "n", "target", "status", "alert"):
            table.add_column(
                column, justify="right" if column in ("value", "n", "target") else "left"
            )
        notes: list[str] = []
        for v in journey.values:
            interval = (
                "–"
                if v.ci_low is None or v.ci_high is None
                else f"{_number(v.ci_low)} – {_number(v.ci_high)}"
            )
            if v.value is None and v.note:
                notes.append(f"{v.kpi_id}: {v.note}")
            table.add_row(
                escape(v.name), _number(v.value), interval, str(v.n), _number(v.target),
                v.status.replace("_", " "), "ALERT" if v.alert else "",
            )  # fmt: skip
        console().print(table)
        for note in notes:
            console().print(f"  {note}", highlight=False, markup=False)
    if not done.journeys:
        console().print("The workspace has no journey, so there is no KPI to refresh.")
    else:
        count = sum(len(j.values) for j in done.journeys)
        console().print(f"Stored {count} KPI snapshot(s) taken at {stamp}.", highlight=False)


@click.group()
def kpi() -> None:
    """Read the KPI history that `journeykit refresh` stores."""


@kpi.command("history")
@click.argument("journey_id")
@click.option("--kpi", "kpi_id", help="Only this KPI.")
@json_flag
@workspace_option
def history_command(
    journey_id: str, kpi_id: str | None, as_json: bool, workspace: str | None
) -> None:
    """Show every stored snapshot of JOURNEY_ID's KPIs, oldest first."""
    with opened_workspace(workspace) as ws:
        snapshots = kpi_history(ws, journey_id, kpi_id)
        if kpi_id is not None and not snapshots:
            known = [k.id for k in ws.journeys().get(journey_id).kpis]
            if kpi_id not in known:
                suggestion = did_you_mean(kpi_id, known)
                raise NotFoundError(
                    f"journey {journey_id!r} has no KPI {kpi_id!r}",
                    hint=f"did you mean {suggestion!r}?" if suggestion else None,
                )
    rows: list[dict[str, Any]] = [
        {
            "kpi_id": s.kpi_id, "taken_at": s.taken_at.isoformat(), "kind": s.kind,
            "value": s.value, "ci_low": s.ci_low, "ci_high": s.ci_high, "n": s.n,
            "target": s.target, "status": s.status, "alert": s.alert, "note": s.note,
        }
        for s in snapshots
    ]  # fmt: skip
    if as_json:
        _json(rows)
        return
    if not rows:
        console().print(
            f"No snapshot of {journey_id} yet: run `journeykit refresh`.", highlight=False
        )
        return
    table = Table(title=f"KPI history of {journey_id}", title_justify="left")
    for column in ("KPI", "taken", "value", "n", "target", "status", "alert"):
        table.add_column(column)
    for s in snapshots:
        table.add_row(
            escape(s.kpi_id), s.taken_at.strftime("%Y-%m-%d %H:%M"), _number(s.value), str(s.n),
            _number(s.target), s.status.replace("_", " "), "ALERT" if s.alert else "",
        )  # fmt: skip
    console().print(table)


__all__ = ["hypothesis", "kpi", "measure", "refresh_command"]
