"""retentioneering's stages of the comparison, run with ``benchmarks/.venv-compare``.

Each stage reads the Parquet file with pandas and builds an ``Eventstream`` (retentioneering
5 parses the times, makes the event column categorical and sorts the frame by path and time
in pandas; its tools then run SQL on that frame in DuckDB), then computes one metric:

- ``transitions``: ``Eventstream.transition_graph_data(edge_weight="count")``, the
  transition matrix, without its ``path_start`` and ``path_end`` rows and columns;
- ``variants``: retentioneering has no path-variant tool; this is the usual notebook idiom
  on the Eventstream's ordered frame (``to_dataframe()``, one tuple of events per path,
  ``value_counts()``);
- ``funnel``: ``Eventstream.funnel_data(steps)``, whose ``unique_paths`` per step follow the
  same definition as journeykit's (each step strictly after the previous step's earliest
  match).

retentioneering has no attribution model, so there is no Markov stage. Its usage analytics
are switched off (``RETENTIONEERING_NO_TRACK``): the benchmark must not reach the internet.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from typing import Any

from benchmarks.compare.results import top_variants
from benchmarks.compare.stage import FUNNEL, Clock, arguments, report

STAGES = ("prepare", "transitions", "variants", "funnel")
SCHEMA = {"path_cols": ["customer_id"], "event_col": "event", "timestamp_col": "ts"}
BOUNDARIES = ("path_start", "path_end")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the stage named on the command line and report it."""
    args = arguments(STAGES, argv)
    os.environ["RETENTIONEERING_NO_TRACK"] = "1"
    import pandas as pd
    from retentioneering import Eventstream

    clock = Clock()
    frame = pd.read_parquet(args.data)
    clock.mark("read")
    stream = Eventstream(frame, schema=SCHEMA)
    del frame
    clock.mark("prepare")
    result: Any
    if args.stage == "prepare":
        result = {"events": len(stream.df)}
    elif args.stage == "transitions":
        matrix = stream.transition_graph_data(edge_weight="count")
        clock.mark("metric")
        inner = matrix.drop(index=list(BOUNDARIES), columns=list(BOUNDARIES), errors="ignore")
        cells = inner.stack()
        result = [[str(s), str(t), int(c)] for (s, t), c in cells.items() if c > 0]
    elif args.stage == "variants":
        ordered = stream.to_dataframe()
        journeys = ordered.groupby("customer_id", sort=False, observed=True)["event"].agg(tuple)
        counts = journeys.value_counts()
        clock.mark("metric")
        ranked = top_variants(
            ((tuple(map(str, v)), int(c)) for v, c in counts.items()), args.top * 5
        )
        result = [[list(variant), customers] for variant, customers in ranked]
    else:
        steps = stream.funnel_data(steps=list(FUNNEL))["steps"]
        clock.mark("metric")
        result = [int(step["unique_paths"]) for step in steps]
    report(clock, args.out, result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
