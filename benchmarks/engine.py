"""Benchmark of the event engine: import and every metric on generated event logs.

Run: ``.venv/bin/python benchmarks/engine.py --events 5000000 --customers 200000`` (and 20M /
800k; ``--format csv`` imports a CSV file instead of Parquet, ``--data FILE`` reuses a file
made before by ``generate_events.py``). Each stage runs in a fresh process so its peak memory
is its own, ``--repeat`` times (imports into a fresh workspace each time); times are
wall-clock on this machine, with the process's CPU time next to them, because a shared machine
slows the wall clock but not the work. Results go to standard output as a Markdown table row
per stage (best and median of the repeats), to paste into docs/benchmarks.md with the date
and machine.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

FUNNEL = ["page_view", "product_view", "add_to_cart", "order_placed"]

STAGES = {
    "import": "import",
    "transitions": "transitions",
    "variants (top 10)": "variants",
    "funnel (4 steps)": "funnel",
    "attribution markov": "markov",
    "attribution linear": "linear",
    "attribution shapley": "shapley",
}


def _stage(name: str, folder: Path, data: Path) -> dict[str, float]:
    """Run one stage in this process and report its time, CPU time and peak memory."""
    from journeykit.events.engine import Engine
    from journeykit.events.importers import read_events
    from journeykit.events.log import EventLog
    from journeykit.events.metrics.attribution import attribution
    from journeykit.events.metrics.funnel import funnel
    from journeykit.events.metrics.transitions import transitions
    from journeykit.events.metrics.variants import variants
    from journeykit.events.rules import TouchpointRules
    from journeykit.events.store import EventStore

    start, cpu = time.perf_counter(), time.process_time()
    if name == "import":
        batch = read_events([data])
        EventStore(folder).add(batch.table, rules=TouchpointRules())
    else:
        log = EventLog.of(Engine.for_workspace(folder))
        if name == "transitions":
            transitions(log)
        elif name == "variants":
            variants(log, 10)
        elif name == "funnel":
            funnel(log, FUNNEL)
        else:
            attribution(log, "order_placed", name)
    seconds, cpu_seconds = time.perf_counter() - start, time.process_time() - cpu
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"seconds": seconds, "cpu_seconds": cpu_seconds, "peak_mib": peak_kib / 1024}


def _run(stage: str, folder: Path, data: Path) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, __file__, "--stage", stage, "--folder", str(folder), "--data", str(data)],
        capture_output=True,
        text=True,
        check=True,
    )
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def _row(label: str, results: list[dict[str, float]]) -> str:
    seconds = [r["seconds"] for r in results]
    cpu = statistics.median(r["cpu_seconds"] for r in results)
    peak = max(r["peak_mib"] for r in results)
    return (
        f"| {label} | {min(seconds):.2f} | {statistics.median(seconds):.2f} | {cpu:.2f} "
        f"| {peak:.0f} |"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--events", type=int, default=5_000_000)
    parser.add_argument("--customers", type=int, default=200_000)
    parser.add_argument("--format", choices=("parquet", "csv"), default="parquet")
    parser.add_argument("--data", type=Path, help="an event file to import instead of a new one")
    parser.add_argument("--repeat", type=int, default=1, help="runs per stage (best, median)")
    parser.add_argument("--stages", help="comma-separated stage names (default: all)")
    parser.add_argument("--stage", help=argparse.SUPPRESS)
    parser.add_argument("--folder", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.stage:
        print(json.dumps(_stage(args.stage, args.folder, args.data)))
        return 0

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from generate_events import generate, write

    chosen = args.stages.split(",") if args.stages else list(STAGES.values())
    with tempfile.TemporaryDirectory(prefix="jk-bench-") as tmp:
        folder, data = Path(tmp) / "ws", args.data
        described = f"{data}" if data is not None else ""
        if data is None:
            data = Path(tmp) / f"events.{args.format}"
            write(generate(args.events, args.customers), data)
            described = f"{args.events:,} events, {args.customers:,} customers ({args.format})"
        print(
            f"# {described}; {platform.processor() or platform.machine()}, "
            f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at the start"
        )
        print("| stage | best s | median s | CPU s | peak MiB |\n|---|---:|---:|---:|---:|")
        for label, stage in STAGES.items():
            if stage not in chosen and not (stage == "import" and not folder.exists()):
                continue
            results = []
            for _ in range(args.repeat if stage in chosen else 1):
                if stage == "import":
                    shutil.rmtree(folder, ignore_errors=True)
                    folder.mkdir()
                results.append(_run(stage, folder, data))
            if stage in chosen:
                print(_row(label, results), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
