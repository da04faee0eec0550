"""journeykit against pm4py and retentioneering: the same data, timed end to end, results checked.

Run (after ``bash scripts/setup.sh`` and ``bash benchmarks/compare/setup.sh``)::

    .venv/bin/python benchmarks/compare/run.py --events 5000000 --customers 200000

It generates one Parquet file with ``benchmarks/generate_events.py``, then runs every stage
in a fresh process (so that each peak memory is its own): journeykit's with this Python (the
project's ``.venv``), pm4py's and retentioneering's with ``benchmarks/.venv-compare``'s.
Each competitor stage is end to end: reading the file, the tool's own preparation
(``pm4py.format_dataframe``, retentioneering's ``Eventstream``) and the metric; journeykit's
import is timed once and each metric after it, and the tables add them up for a fair
end-to-end comparison. Library imports are outside every clock (they do not grow with the
data). A stage is stopped after ``--timeout`` seconds or at ``--memory-limit`` GiB resident.

The results of every tool are compared with journeykit's (:mod:`results`), and the Markdown
tables (times, peak memory, equality) are printed for docs/benchmarks.md; ``--summary``
keeps every number as JSON.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
# Run as a script (python benchmarks/compare/run.py), the repository is not on the path yet.
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.compare.results import (  # noqa: E402 (after the path is set above)
    Comparison,
    compare_funnel,
    compare_transitions,
    compare_variants,
)
from benchmarks.compare.stage import FUNNEL  # noqa: E402
from benchmarks.compare.supervise import StageRun, run_stage  # noqa: E402
from benchmarks.compare.tables import COMPETITORS, METRICS, render  # noqa: E402

COMPARE_PYTHON = HERE.parent / ".venv-compare" / "bin" / "python"
#: The stage module of each tool, run as ``python -m`` from the repository's root.
SCRIPTS = {
    "journeykit": "benchmarks.compare.journeykit_stage",
    "pm4py": "benchmarks.compare.pm4py_stage",
    "retentioneering": "benchmarks.compare.retentioneering_stage",
}
STAGES = {
    "journeykit": ("import", "transitions", "variants", "funnel", "markov"),
    "pm4py": ("prepare", "transitions", "variants", "funnel"),
    "retentioneering": ("prepare", "transitions", "variants", "funnel"),
}
#: The claim of issue 3 that pm4py's variants are wrong on unsorted frames, checked twice.
CLAIM_STAGES = {
    "variants_as_read": "pm4py.get_variants without format_dataframe, frame as read",
    "variants_shuffled": "pm4py.get_variants without format_dataframe, rows shuffled",
}


def machine() -> str:
    """The CPU, cores and memory of this machine, as the docs name it."""
    cpu = platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        meminfo = Path("/proc/meminfo").read_text(encoding="utf-8").split()
        memory = f", {int(meminfo[meminfo.index('MemTotal:') + 1]) / 1024**2:.0f} GiB"
    except (OSError, ValueError):
        memory = ""
    return f"{cpu}, {os.cpu_count()} cores{memory}"


def versions(python: Path) -> str:
    """The versions of the competitors and of what they run on, from their environment."""
    names = ("pm4py", "retentioneering", "pandas", "duckdb")
    code = (
        "import importlib.metadata as m, sys; "
        f"print(', '.join(n + ' ' + m.version(n) for n in {names!r}), "
        "'Python ' + sys.version.split()[0], sep=', ')"
    )
    done = subprocess.run([str(python), "-c", code], capture_output=True, text=True, check=True)
    return done.stdout.strip()


def _size(data: Path) -> tuple[int, int]:
    """Events and distinct customers of a Parquet file."""
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    customers = pq.read_table(data, columns=["customer_id"]).column(0)
    return len(customers), len(pc.unique(customers))


_WHY = {
    "timeout": "stopped at the time limit",
    "memory": "stopped at the memory limit",
    "failed": "failed",
    "skipped": "not run",
}


def _comparisons(runs: dict[tuple[str, str], StageRun], top: int) -> list[tuple[str, str, str]]:
    rows: list[tuple[str, str, str]] = []

    def load(run: StageRun) -> Any:
        assert run.result is not None
        return json.loads(run.result.read_text(encoding="utf-8"))

    for metric in ("transitions", "variants", "funnel"):
        label = METRICS[metric].format(top=top)
        reference = runs.get(("journeykit", metric))
        for tool in COMPETITORS:
            other = runs.get((tool, metric))
            if reference is None or other is None or not (reference.ok and other.ok):
                failed = [r for r in (reference, other) if r is not None and not r.ok]
                why = ", ".join(f"{r.tool} {_WHY[r.status]}" for r in failed) or "not run"
                rows.append((label, tool, f"not compared ({why})"))
                continue
            mine, theirs = load(reference), load(other)
            comparison: Comparison
            if metric == "transitions":
                comparison = compare_transitions(tool, mine, theirs)
            elif metric == "variants":
                comparison = compare_variants(tool, mine, theirs, top)
            else:
                comparison = compare_funnel(tool, FUNNEL, mine, theirs)
            rows.append((label, tool, comparison.summary()))
    reference = runs.get(("journeykit", "variants"))
    for stage, description in CLAIM_STAGES.items():
        other = runs.get(("pm4py", stage))
        if reference is None or other is None or not (reference.ok and other.ok):
            continue
        outcome = compare_variants("pm4py", load(reference), load(other), top).summary()
        rows.append((f"variants (top {top}): {description}", "pm4py", outcome))
    for tool in COMPETITORS:
        rows.append(("attribution markov", tool, f"not compared: {tool} has no attribution model"))
    return rows


def main(argv: Sequence[str] | None = None) -> int:
    """Generate the data, run every stage, compare and print the tables."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--customers", type=int, default=40_000)
    parser.add_argument(
        "--data",
        type=Path,
        help="an existing Parquet file with customer_id, ts, event and channel instead of "
        "generated data (then --events and --customers are ignored)",
    )
    parser.add_argument("--top", type=int, default=10, help="variants to compare (default 10)")
    parser.add_argument(
        "--tools",
        default="journeykit,pm4py,retentioneering",
        help="comma-separated; journeykit is always run, as the reference",
    )
    parser.add_argument("--timeout", type=float, default=900.0, help="seconds per stage")
    parser.add_argument("--memory-limit", type=float, default=12.0, help="GiB per stage")
    parser.add_argument("--compare-python", type=Path, default=COMPARE_PYTHON)
    parser.add_argument("--no-claim-check", action="store_true", help="skip pm4py's claim")
    parser.add_argument(
        "--skip",
        action="append",
        default=[],
        metavar="TOOL:STAGE",
        help="do not run this stage (one already known to exceed the limits at a smaller size)",
    )
    parser.add_argument("--summary", type=Path, help="write every number to this JSON file")
    parser.add_argument(
        "--tables-from",
        type=Path,
        metavar="SUMMARY",
        help="only print the tables of an earlier run from its --summary file",
    )
    args = parser.parse_args(argv)
    if args.tables_from:
        print(render(json.loads(args.tables_from.read_text(encoding="utf-8"))))
        return 0
    tools = ["journeykit"] + [t for t in args.tools.split(",") if t and t != "journeykit"]
    unknown = [t for t in tools if t not in SCRIPTS]
    unknown += [s for s in args.skip if s.split(":")[0] not in SCRIPTS or ":" not in s]
    if unknown:
        parser.error(
            f"unknown tool or TOOL:STAGE {unknown[0]!r}; the tools are {', '.join(SCRIPTS)}"
        )
    if args.data is not None and not args.data.is_file():
        parser.error(f"--data {args.data}: no such file")
    if any(t != "journeykit" for t in tools) and not args.compare_python.exists():
        parser.error(
            f"{args.compare_python} does not exist: run bash benchmarks/compare/setup.sh first"
        )

    started = dt.datetime.now(dt.UTC)
    with tempfile.TemporaryDirectory(prefix="jk-compare-") as tmp:
        work = Path(tmp)
        data = args.data.resolve() if args.data else work / "events.parquet"
        folder = work / "workspace"
        folder.mkdir()
        # In its own process, so that this one does not hold the generated table's memory
        # while the stages run.
        if args.data is None:
            generator = [sys.executable, str(HERE.parent / "generate_events.py")]
            generator += ["--out", str(data), "--events", str(args.events)]
            generator += ["--customers", str(args.customers)]
            subprocess.run(generator, check=True, stdout=subprocess.DEVNULL)
        events, customers = _size(data)
        runs: dict[tuple[str, str], StageRun] = {}
        for tool in tools:
            python = sys.executable if tool == "journeykit" else str(args.compare_python)
            stages = STAGES[tool]
            if tool == "pm4py" and not args.no_claim_check:
                stages = stages + tuple(CLAIM_STAGES)
            for stage in stages:
                if f"{tool}:{stage}" in args.skip:
                    runs[(tool, stage)] = StageRun(tool, stage, "skipped", detail="--skip")
                    continue
                result = work / f"{tool}-{stage}.json"
                command = [python, "-m", SCRIPTS[tool], "--stage", stage]
                command += ["--data", str(data), "--out", str(result), "--top", str(args.top)]
                command += ["--folder", str(folder)]
                run = run_stage(
                    tool,
                    stage,
                    command,
                    result,
                    timeout_seconds=args.timeout,
                    memory_limit_mib=args.memory_limit * 1024,
                    cwd=ROOT,
                )
                runs[(tool, stage)] = run
                shown = f"{run.seconds:.2f} s" if run.ok else f"{run.status} {run.detail}"
                print(f"{tool} {stage}: {shown}", file=sys.stderr, flush=True)
                if tool == "journeykit" and stage == "import":
                    if not run.ok:
                        raise SystemExit(f"journeykit's import failed: {run.detail}")
                    imported = json.loads(result.read_text(encoding="utf-8"))
                    rejects = int(imported.get("rejects", 0))
                    if rejects:
                        # The competitors count every row, so their results will differ.
                        print(
                            f"journeykit rejected {rejects:,} rows (duplicates or unusable)",
                            file=sys.stderr,
                        )
        summary = {
            "started": started.isoformat(),
            "events": events,
            "customers": customers,
            "data": str(args.data) if args.data else "benchmarks/generate_events.py",
            "machine": machine(),
            "competitors": versions(args.compare_python) if len(tools) > 1 else None,
            "top": args.top,
            "timeout": args.timeout,
            "memory_limit_gib": args.memory_limit,
            "runs": [run.to_json() for run in runs.values()],
            "results": [list(row) for row in _comparisons(runs, args.top)],
        }
    if args.summary:
        args.summary.write_text(json.dumps(summary, indent=2), encoding="utf-8")
    print(render(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())
