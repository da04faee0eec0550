"""Benchmark of the insight statistics: hypothesis tests, measure effects and a KPI refresh.

Run: ``.venv/bin/python benchmarks/insight_stats.py [--customers 100000]``. The workspace is
the demo's map with a demo event log of ``--customers`` customers (the same generator as
``journeykit demo``, about 7 events each), their attributes and the demo's feedback. Each
command then runs in a fresh process, as a user or cron would run it; "CPU s" is that
process's user + system time and "peak MiB" its maximum resident memory. Prints a Markdown
table to paste into docs/benchmarks.md with the date and machine.

Target: each command within 30 s for 100,000 customers on the 2-core machine.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

COMMANDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("hypothesis test --all (2 tests)", ("hypothesis", "test", "--all", "--dry-run", "--json")),
    ("measure effect --all (5 measures)", ("measure", "effect", "--all", "--json")),
    ("refresh (7 KPIs)", ("refresh", "--json")),
)


def build(folder: Path, customers: int) -> int:
    """The benchmark workspace in ``folder``; the number of events."""
    from journeykit.demo.event_log import build_demo_attributes, build_demo_events
    from journeykit.demo.feedback_data import add_demo_feedback
    from journeykit.demo.shop import build_demo_document
    from journeykit.events.rules import RULES_FILE, rules_from_journey, write_rules
    from journeykit.events.store import EventStore
    from journeykit.store import Workspace

    document = build_demo_document()
    with Workspace.create(folder, name="Benchmark") as ws:
        ws.journeys().save(document, author="benchmark", message="map", base_revision=None)
    rules = rules_from_journey(document)
    write_rules(folder / RULES_FILE, rules)
    events = build_demo_events(customers)
    store = EventStore(folder)
    store.add(events, rules=rules)
    store.add_attributes(build_demo_attributes(customers))
    add_demo_feedback(folder)
    return int(events.num_rows)


# The command in a fresh interpreter that reports its own peak memory as its last line.
_RUN = (
    "import resource, sys\n"
    "from journeykit.cli import main\n"
    "code = main(sys.argv[1:])\n"
    "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)\n"
    "sys.exit(code)"
)


def run(folder: Path, args: tuple[str, ...]) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds and peak MiB of ``journeykit -w folder ARGS``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", _RUN, "-w", str(folder), *args],
        capture_output=True,
        text=True,
        check=False,
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    # Exit status 1 is expected: the demo's NPS alert, or a hypothesis without data.
    if done.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(args)} failed: {done.stderr}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    peak_kib = int(done.stderr.strip().splitlines()[-1])
    return wall, cpu, peak_kib / 1024


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--build-only", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.build_only is not None:
        print(build(args.build_only, args.customers))
        return
    with tempfile.TemporaryDirectory(prefix="journeykit-insight-") as tmp:
        folder = Path(tmp) / "ws"
        # Built in its own process: a child forked from a process holding the data would
        # report that process's memory as its own peak.
        built = subprocess.run(
            [sys.executable, __file__, "--customers", str(args.customers), "--build-only",
             str(folder)],
            capture_output=True, text=True, check=True,
        )  # fmt: skip
        events = int(built.stdout.strip().splitlines()[-1])
        load = os.getloadavg()[0]
        rows = [(name, *run(folder, command)) for name, command in COMMANDS]
    print(
        f"{args.customers:,} customers, {events:,} events, 900 survey answers "
        f"({platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"load average {load:.1f} at the start):\n"
    )
    print("| command | seconds | CPU s | peak MiB |")
    print("|---|---:|---:|---:|")
    for name, wall, cpu, peak in rows:
        print(f"| {name} | {wall:.2f} | {cpu:.2f} | {peak:.0f} |")


if __name__ == "__main__":
    main()
