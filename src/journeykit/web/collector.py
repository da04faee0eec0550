"""Garbage collection tuned for the server process.

A map page builds hundreds of thousands of short-lived objects (the document's models, the
view, template output). With CPython's default thresholds the collector runs full passes over
every object the server holds many times per request, which made one page in five take about
twice as long as the median (benchmarks/page.py: p95 191 ms against p50 68 ms for 100 steps).
Freezing what exists after start-up (imports, templates, the app) takes it out of every later
pass, and collecting the youngest generation less often lets short-lived objects die by
reference counting alone; reference cycles are still collected.
"""

from __future__ import annotations

import gc

#: Allocations between collections of the youngest generation, and collections of each
#: generation between collections of the next (CPython's defaults: 700, 10, 10).
THRESHOLDS = (50_000, 20, 100)


def tune_for_serving() -> None:
    """Freeze the objects that exist now and collect less often (call once, after start-up)."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(*THRESHOLDS)
