"""Benchmark of the event engine: import and every metric on generated event logs.

Run: ``.venv/bin/python benchmarks/engine.py --events 5000000 --customers 200000`` (and 20M /
800k). Each stage runs in a fresh process so its peak memory is its own; times are wall-clock
on this machine. Results go to standard output as a Markdown table row per stage, to paste
into docs/benchmarks.md with the date and machine.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
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
    """Run one stage in this process and report its time and peak memory."""
    from journeykit.events.engine import Engine
    from journeykit.events.importers import read_events
    from journeykit.events.log import EventLog
    from journeykit.events.metrics.attribution import attribution
    from journeykit.events.metrics.funnel import funnel
    from journeykit.events.metrics.transitions import transitions
    from journeykit.events.metrics.variants import variants
    from journeykit.events.rules import TouchpointRules
    from journeykit.events.store import EventStore

    start = time.perf_counter()
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
    seconds = time.perf_counter() - start
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"seconds": seconds, "peak_mib": peak_kib / 1024}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--events", type=int, default=5_000_000)
    parser.add_argument("--customers", type=int, default=200_000)
    parser.add_argument("--stage", help=argparse.SUPPRESS)
    parser.add_argument("--folder", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--data", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.stage:
        print(json.dumps(_stage(args.stage, args.folder, args.data)))
        return 0

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from generate_events import generate, write

    with tempfile.TemporaryDirectory(prefix="jk-bench-") as tmp:
        folder, data = Path(tmp) / "ws", Path(tmp) / "events.parquet"
        folder.mkdir()
        write(generate(args.events, args.customers), data)
        print(
            f"# {args.events:,} events, {args.customers:,} customers; "
            f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores"
        )
        print("| stage | seconds | peak MiB |\n|---|---:|---:|")
        for label, stage in STAGES.items():
            done = subprocess.run(
                [
                    sys.executable,
                    __file__,
                    "--stage",
                    stage,
                    "--folder",
                    str(folder),
                    "--data",
                    str(data),
                ],
                capture_output=True,
                text=True,
                check=True,
            )
            result = json.loads(done.stdout.strip().splitlines()[-1])
            print(f"| {label} | {result['seconds']:.2f} | {result['peak_mib']:.0f} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
