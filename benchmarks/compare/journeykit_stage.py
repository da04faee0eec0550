"""journeykit's stages of the comparison, run with the project's ``.venv``.

``import`` reads the Parquet file and builds the journey-ordered log in the workspace folder
(as ``journeykit events import`` does); every other stage opens that folder and computes one
metric, through the same public functions as ``benchmarks/engine.py``.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Any

from benchmarks.compare.stage import CONVERSION, FUNNEL, Clock, arguments, report

STAGES = ("import", "transitions", "variants", "funnel", "markov")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the stage named on the command line and report it."""
    args = arguments(STAGES, argv)
    if args.folder is None:
        raise SystemExit("journeykit's stages need --folder (the workspace folder)")
    # Library imports are outside the clock for every tool alike: they take the same time
    # whatever the size of the data.
    from journeykit.events.engine import Engine
    from journeykit.events.importers import read_events
    from journeykit.events.log import EventLog
    from journeykit.events.metrics.attribution import attribution
    from journeykit.events.metrics.funnel import funnel
    from journeykit.events.metrics.transitions import transitions
    from journeykit.events.metrics.variants import variants
    from journeykit.events.rules import TouchpointRules
    from journeykit.events.store import EventStore

    clock = Clock()
    result: Any
    if args.stage == "import":
        batch = read_events([args.data])
        clock.mark("read")
        EventStore(args.folder).add(batch.table, rules=TouchpointRules())
        clock.mark("prepare")
        result = {"events": batch.table.num_rows, "rejects": len(batch.rejects)}
    else:
        log = EventLog.of(Engine.for_workspace(args.folder))
        if args.stage == "transitions":
            rows = transitions(log)
            clock.mark("metric")
            result = [[row["source"], row["target"], row["count"]] for row in rows]
        elif args.stage == "variants":
            rows = variants(log, args.top)
            clock.mark("metric")
            result = [[row["variant"], row["customers"]] for row in rows]
        elif args.stage == "funnel":
            rows = funnel(log, list(FUNNEL))
            clock.mark("metric")
            result = [row["customers"] for row in rows]
        else:
            credits = attribution(log, CONVERSION, "markov")
            clock.mark("metric")
            result = {row.touchpoint: row.conversions for row in credits.rows}
    report(clock, args.out, result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
