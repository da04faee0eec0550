"""The Markdown tables of the comparison: times, speed-ups, peak memory, equal results.

They are rendered from the run's summary (the JSON that ``run.py --summary`` writes), so the
tables of a long run can be rendered again without running it again.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from benchmarks.compare.supervise import StageRun

#: The metrics every tool is asked for, with their table labels.
METRICS = {
    "transitions": "transitions",
    "variants": "variants (top {top})",
    "funnel": "funnel (4 steps)",
    "markov": "attribution markov",
}
#: The competitors, in the order of the table's columns.
COMPETITORS = ("pm4py", "retentioneering")
#: The metrics that all three tools have, which make up the "prepared once" row.
SHARED = ("transitions", "variants", "funnel")

Runs = Mapping[tuple[str, str], StageRun]


class Limits:
    """How a stage that was stopped is shown: over the time limit or the memory limit."""

    def __init__(self, timeout_seconds: float, memory_limit_gib: float) -> None:
        self.timeout_seconds = timeout_seconds
        self.memory_limit_gib = memory_limit_gib

    def cell(self, run: StageRun | None, seconds: float | None) -> str:
        """``seconds``, or why there are none."""
        if run is None:
            return "no such function"
        if run.status == "timeout":
            return f"> {self.timeout_seconds / 60:.0f} min"
        if run.status == "memory":
            return f"> {self.memory_limit_gib:.0f} GiB RAM"
        if run.status == "skipped":
            return "not run"
        if not run.ok:
            return run.status  # "failed"
        return _seconds(seconds)

    def ratio(self, run: StageRun | None, theirs: float | None, mine: float | None) -> str:
        """How many times longer the competitor took; a lower bound if it was stopped."""
        if run is None or mine is None or mine <= 0:
            return "—"
        if run.ok and theirs is not None:
            return f"{theirs / mine:.1f}×"
        if run.status == "timeout":
            return f"> {self.timeout_seconds / mine:.0f}×"
        return "—"


def _seconds(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}"


def _ok_seconds(run: StageRun | None, part: str | None = None) -> float | None:
    if run is None or not run.ok:
        return None
    return run.seconds if part is None else run.part(part)


def end_to_end_table(runs: Runs, top: int, limits: Limits) -> str:
    """Seconds from reading the file to the result: journeykit's import + metric against each
    competitor's read + preparation + metric."""
    lines = [
        "| metric | journeykit import + metric | pm4py | retentioneering "
        "| pm4py ÷ journeykit | retentioneering ÷ journeykit |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    import_s = _ok_seconds(runs.get(("journeykit", "import")))
    for metric, label in METRICS.items():
        after = _ok_seconds(runs.get(("journeykit", metric)))
        mine = after + import_s if after is not None and import_s is not None else None
        cells, ratios = [], []
        for tool in COMPETITORS:
            run = runs.get((tool, metric))
            theirs = _ok_seconds(run)
            cells.append(limits.cell(run, theirs))
            ratios.append(limits.ratio(run, theirs, mine))
        lines.append(
            f"| {label.format(top=top)} | {_seconds(mine)} | {' | '.join(cells)} "
            f"| {' | '.join(ratios)} |"
        )
    lines.append(_prepared_once_row(runs, import_s, limits))
    return "\n".join(lines)


def _prepared_once_row(runs: Runs, import_s: float | None, limits: Limits) -> str:
    """The shared metrics as an analyst runs them: read and prepare (import) once, then each."""
    mine_runs = [runs.get(("journeykit", m)) for m in SHARED]
    mine: float | None = None
    if import_s is not None and all(r is not None and r.ok for r in mine_runs):
        mine = import_s + sum(_ok_seconds(r) or 0.0 for r in mine_runs)
    cells, ratios = [], []
    for tool in COMPETITORS:
        prepare = runs.get((tool, "prepare"))
        stages = [runs.get((tool, m)) for m in SHARED]
        stopped = next((r for r in stages if r is not None and not r.ok), None)
        if prepare is not None and prepare.ok and stopped is None:
            theirs = (prepare.seconds or 0.0) + sum(_ok_seconds(r, "metric") or 0.0 for r in stages)
            cells.append(_seconds(theirs))
            ratios.append(limits.ratio(prepare, theirs, mine))
        else:
            cells.append(f"{stopped.stage} {limits.cell(stopped, None)}" if stopped else "—")
            ratios.append("—")
    return (
        f"| transitions + variants + funnel, prepared once | {_seconds(mine)} "
        f"| {' | '.join(cells)} | {' | '.join(ratios)} |"
    )


def after_preparation_table(runs: Runs, top: int, limits: Limits) -> str:
    """Seconds of the metric alone, once the data is imported (journeykit) or prepared
    (pm4py's ``format_dataframe``, retentioneering's ``Eventstream``)."""
    lines = [
        "| step | journeykit | pm4py | retentioneering "
        "| pm4py ÷ journeykit | retentioneering ÷ journeykit |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    mine_import = _ok_seconds(runs.get(("journeykit", "import")))
    cells = []
    for tool in COMPETITORS:
        run = runs.get((tool, "prepare"))
        cells.append(limits.cell(run, _ok_seconds(run)))
    lines.append(
        f"| read + import / prepare | {_seconds(mine_import)} | {' | '.join(cells)} | — | — |"
    )
    for metric, label in METRICS.items():
        mine = _ok_seconds(runs.get(("journeykit", metric)))
        cells, ratios = [], []
        for tool in COMPETITORS:
            run = runs.get((tool, metric))
            theirs = _ok_seconds(run, "metric")
            cells.append(limits.cell(run, theirs))
            ratios.append(limits.ratio(run, theirs, mine) if run is None or run.ok else "—")
        lines.append(
            f"| {label.format(top=top)} | {_seconds(mine)} | {' | '.join(cells)} "
            f"| {' | '.join(ratios)} |"
        )
    return "\n".join(lines)


def memory_table(runs: Runs, top: int) -> str:
    """Peak resident memory of every stage process, in MiB."""
    lines = ["| stage | journeykit | pm4py | retentioneering |", "|---|---:|---:|---:|"]
    stages = {"read + import / prepare": ("import", "prepare", "prepare")}
    for metric, label in METRICS.items():
        stages[label.format(top=top)] = (metric, metric, metric)
    for label, names in stages.items():
        cells = []
        for tool, stage in zip(("journeykit", *COMPETITORS), names, strict=True):
            run = runs.get((tool, stage))
            if run is None:
                cells.append("—")
            elif run.peak_mib is None:
                cells.append("not run" if run.status == "skipped" else run.status)
            else:
                over = "" if run.ok else f" (stopped: {run.status})"
                cells.append(f"{run.peak_mib:,.0f}{over}")
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def equality_table(rows: Sequence[Sequence[str]]) -> str:
    """Rows of (metric, tool, outcome): equal, what differs, or why it was not compared."""
    lines = ["| metric | tool | results against journeykit |", "|---|---|---|"]
    lines += [f"| {metric} | {tool} | {outcome} |" for metric, tool, outcome in rows]
    return "\n".join(lines)


def render(summary: Mapping[str, Any]) -> str:
    """Every table of one run, with the date, machine, versions and load, from its summary."""
    runs = {(r.tool, r.stage): r for r in map(StageRun.from_json, summary["runs"])}
    top = int(summary["top"])
    limits = Limits(float(summary["timeout"]), float(summary["memory_limit_gib"]))
    loads = [run.load_before[0] for run in runs.values() if run.status != "skipped"]
    started = str(summary["started"])
    header = (
        f"### {started[:10]} {started[11:16]} UTC, {summary['machine']} — "
        f"{summary['events']:,} events, {summary['customers']:,} customers\n\n"
        f"Versions: {summary['competitors'] or 'competitors not run'}. Load average (1 min) before "
        f"the stages: {min(loads):.1f} to {max(loads):.1f}."
    )
    return "\n\n".join(
        [
            header,
            "End to end, seconds (reading the Parquet file to the result):\n\n"
            + end_to_end_table(runs, top, limits),
            "After import or preparation, seconds (the metric alone):\n\n"
            + after_preparation_table(runs, top, limits),
            "Peak memory of each stage's process, MiB:\n\n" + memory_table(runs, top),
            "Results:\n\n" + equality_table(summary["results"]),
        ]
    )
