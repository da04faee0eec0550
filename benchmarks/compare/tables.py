"""The Markdown tables of the comparison: times, speed-ups, peak memory, equal results."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from supervise import StageRun

#: The metrics every tool is asked for, with their table labels.
METRICS = {
    "transitions": "transitions",
    "variants": "variants (top {top})",
    "funnel": "funnel (4 steps)",
    "markov": "attribution markov",
}
#: The competitors, in the order of the table's columns.
COMPETITORS = ("pm4py", "retentioneering")
#: The metrics that all three tools have, which make up the "one session" row.
SHARED = ("transitions", "variants", "funnel")

Runs = Mapping[tuple[str, str], StageRun]


def _stopped(run: StageRun, timeout_seconds: float, memory_limit_mib: float) -> str:
    if run.status == "timeout":
        return f"> {timeout_seconds / 60:.0f} min"
    if run.status == "memory":
        return f"> {memory_limit_mib / 1024:.0f} GiB RAM"
    return "failed"


def _seconds(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}"


def _ratio(competitor: StageRun | None, journeykit: float | None, limit: float) -> str:
    if competitor is None or journeykit is None or journeykit <= 0:
        return "—"
    if competitor.ok and competitor.seconds is not None:
        return f"{competitor.seconds / journeykit:.1f}×"
    if competitor.status == "timeout":
        return f"> {limit / journeykit:.0f}×"
    return "—"


def time_table(runs: Runs, top: int, timeout_seconds: float, memory_limit_mib: float) -> str:
    """Seconds per tool and metric, end to end and after preparation, and the speed-ups."""
    head = (
        "| metric | journeykit after import | journeykit import + metric "
        "| pm4py end to end | pm4py metric only | retentioneering end to end "
        "| retentioneering metric only | pm4py ÷ journeykit | retentioneering ÷ journeykit |\n"
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
    )
    imported = runs.get(("journeykit", "import"))
    import_s = imported.seconds if imported and imported.ok else None
    lines = [head]

    def cells(tool: str, stage: str) -> tuple[str, str]:
        run = runs.get((tool, stage))
        if run is None:
            return "no such function", "—"
        if not run.ok:
            return _stopped(run, timeout_seconds, memory_limit_mib), "—"
        return _seconds(run.seconds), _seconds(run.part("metric"))

    prepare = [cells(tool, "prepare") for tool in COMPETITORS]
    lines.append(
        f"| read + prepare / import | — | {_seconds(import_s)} "
        f"| {prepare[0][0]} | — | {prepare[1][0]} | — | — | — |"
    )
    for metric, label in METRICS.items():
        mine = runs.get(("journeykit", metric))
        after = mine.seconds if mine and mine.ok else None
        total = after + import_s if after is not None and import_s is not None else None
        theirs = [cells(tool, metric) for tool in COMPETITORS]
        ratios = [_ratio(runs.get((tool, metric)), total, timeout_seconds) for tool in COMPETITORS]
        lines.append(
            f"| {label.format(top=top)} | {_seconds(after)} | {_seconds(total)} "
            f"| {theirs[0][0]} | {theirs[0][1]} | {theirs[1][0]} | {theirs[1][1]} "
            f"| {ratios[0]} | {ratios[1]} |"
        )
    lines.append(_session_row(runs, import_s))
    return "\n".join(lines)


def _session_row(runs: Runs, import_s: float | None) -> str:
    """The three shared metrics as an analyst runs them: prepare (import) once, then each."""
    mine = [runs.get(("journeykit", m)) for m in SHARED]
    total: float | None = None
    if import_s is not None and all(r and r.ok for r in mine):
        total = import_s + sum(r.seconds or 0.0 for r in mine if r)
    theirs: list[float | None] = []
    for tool in COMPETITORS:
        prepare = runs.get((tool, "prepare"))
        stages = [runs.get((tool, m)) for m in SHARED]
        if prepare and prepare.ok and all(r and r.ok for r in stages):
            metric = sum(r.part("metric") or 0.0 for r in stages if r)
            theirs.append((prepare.seconds or 0.0) + metric)
        else:
            theirs.append(None)
    ratios = [f"{t / total:.1f}×" if t is not None and total else "—" for t in theirs]
    return (
        f"| transitions + variants + funnel, prepared once | — | {_seconds(total)} "
        f"| {_seconds(theirs[0])} | — | {_seconds(theirs[1])} | — | {ratios[0]} | {ratios[1]} |"
    )


def memory_table(runs: Runs, top: int) -> str:
    """Peak resident memory of every stage process, in MiB."""
    lines = ["| stage | journeykit | pm4py | retentioneering |", "|---|---:|---:|---:|"]
    stages = {"import / prepare": ("import", "prepare", "prepare")}
    for metric, label in METRICS.items():
        stages[label.format(top=top)] = (metric, metric, metric)
    for label, names in stages.items():
        cells = []
        for tool, stage in zip(("journeykit", *COMPETITORS), names, strict=True):
            run = runs.get((tool, stage))
            if run is None:
                cells.append("—")
            elif run.peak_mib is None:
                cells.append(run.status)
            else:
                over = "" if run.ok else f" ({run.status})"
                cells.append(f"{run.peak_mib:,.0f}{over}")
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def equality_table(rows: Sequence[tuple[str, str, str]]) -> str:
    """Rows of (metric, tool, outcome): equal, what differs, or why it was not compared."""
    lines = ["| metric | tool | results against journeykit |", "|---|---|---|"]
    lines += [f"| {metric} | {tool} | {outcome} |" for metric, tool, outcome in rows]
    return "\n".join(lines)
