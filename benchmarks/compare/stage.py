"""What every stage process of the comparison shares: its arguments, clock and report.

A stage is one tool computing one metric in a fresh process, so that its peak memory is its
own. It is run with the Python of the tool's environment (the project's ``.venv`` for
journeykit, ``benchmarks/.venv-compare`` for the competitors), so this module needs nothing
beyond the standard library. The stage writes its result in the format of
:mod:`benchmarks.compare.results` to ``--out`` and prints one JSON line with its timings
on standard output, which :mod:`benchmarks.compare.run` reads.
"""

from __future__ import annotations

import argparse
import json
import resource
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

#: The ordered funnel of the comparison, as in benchmarks/engine.py.
FUNNEL = ("page_view", "product_view", "add_to_cart", "order_placed")

#: The conversion event of the attribution stage.
CONVERSION = "order_placed"


class Clock:
    """Wall-clock seconds of the parts of a stage: reading, preparing, the metric itself."""

    def __init__(self) -> None:
        self._start = self._last = time.perf_counter()
        self.parts: dict[str, float] = {}

    def mark(self, part: str) -> None:
        """End ``part`` now; it lasted since the previous mark (or the clock's start)."""
        now = time.perf_counter()
        self.parts[part] = self.parts.get(part, 0.0) + now - self._last
        self._last = now

    @property
    def seconds(self) -> float:
        """Seconds from the clock's start to the last mark."""
        return self._last - self._start


def arguments(stages: Sequence[str], argv: Sequence[str] | None = None) -> argparse.Namespace:
    """The command line every stage script takes."""
    parser = argparse.ArgumentParser(description="one stage of benchmarks/compare/run.py")
    parser.add_argument("--stage", choices=list(stages), required=True)
    parser.add_argument("--data", type=Path, required=True, help="the generated Parquet file")
    parser.add_argument("--out", type=Path, required=True, help="where to write the result")
    parser.add_argument("--folder", type=Path, help="journeykit's workspace folder")
    parser.add_argument("--top", type=int, default=10, help="variants to report")
    return parser.parse_args(argv)


def report(clock: Clock, out: Path, result: Any) -> None:
    """Write ``result`` to ``out`` and print the stage's timings and peak memory."""
    out.write_text(json.dumps(result), encoding="utf-8")
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    line = {"seconds": clock.seconds, "parts": clock.parts, "peak_mib": peak_kib / 1024}
    print(json.dumps(line), flush=True)
