"""pm4py's stages of the comparison, run with ``benchmarks/.venv-compare``.

Each stage reads the Parquet file with pandas and prepares it the way pm4py's documentation
asks (``pm4py.format_dataframe``: renamed columns, parsed times, sorted by case and time),
then computes one metric with pm4py's own functions:

- ``transitions``: ``pm4py.discover_dfg`` (the directly-follows graph);
- ``variants``: ``pm4py.get_variants``;
- ``funnel``: pm4py has no funnel; the ordered funnel is its eventually-follows filter
  (``pm4py.filter_eventually_follows_relation`` with the first k steps as one relation,
  which keeps the cases where they occur in that order), applied step after step;
- ``variants_as_read`` and ``variants_shuffled`` check the claim that pm4py's variants are
  wrong on unsorted frames: ``pm4py.get_variants`` on the frame as read (customer blocks
  in random order, each in time order), and with its rows shuffled, both without
  ``format_dataframe``.

pm4py has no attribution model, so there is no Markov stage.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Any

from benchmarks.compare.results import top_variants
from benchmarks.compare.stage import FUNNEL, Clock, arguments, report

STAGES = (
    "prepare",
    "transitions",
    "variants",
    "funnel",
    "variants_as_read",
    "variants_shuffled",
)
CASE, ACTIVITY, TIME = "customer_id", "event", "ts"
# The column names format_dataframe gives them.
PM_CASE, PM_ACTIVITY, PM_TIME = "case:concept:name", "concept:name", "time:timestamp"
SHUFFLE_SEED = 11


def main(argv: Sequence[str] | None = None) -> int:
    """Run the stage named on the command line and report it."""
    args = arguments(STAGES, argv)
    import pandas as pd
    import pm4py

    clock = Clock()
    frame = pd.read_parquet(args.data)
    clock.mark("read")
    result: Any
    if args.stage in ("variants_as_read", "variants_shuffled"):
        if args.stage == "variants_shuffled":
            frame = frame.sample(frac=1.0, random_state=SHUFFLE_SEED).reset_index(drop=True)
            clock.mark("shuffle")
        counts = pm4py.get_variants(
            frame, activity_key=ACTIVITY, timestamp_key=TIME, case_id_key=CASE
        )
        clock.mark("metric")
        report(clock, args.out, _variant_rows(counts, args.top))
        return 0

    frame = pm4py.format_dataframe(frame, case_id=CASE, activity_key=ACTIVITY, timestamp_key=TIME)
    clock.mark("prepare")
    if args.stage == "prepare":
        result = {"events": len(frame)}
    elif args.stage == "transitions":
        dfg, _starts, _ends = pm4py.discover_dfg(frame)
        clock.mark("metric")
        result = [[source, target, int(count)] for (source, target), count in dfg.items()]
    elif args.stage == "variants":
        counts = pm4py.get_variants(frame)
        clock.mark("metric")
        result = _variant_rows(counts, args.top)
    else:
        reached = pm4py.filter_event_attribute_values(
            frame, PM_ACTIVITY, [FUNNEL[0]], level="case", retain=True
        )
        customers = [int(reached[PM_CASE].nunique())]
        for k in range(2, len(FUNNEL) + 1):
            # Cases that have the first k steps in this order are among those that have the
            # first k - 1, so each filter starts from the previous one's cases.
            reached = pm4py.filter_eventually_follows_relation(reached, [FUNNEL[:k]])
            customers.append(int(reached[PM_CASE].nunique()))
        clock.mark("metric")
        result = customers
    report(clock, args.out, result)
    return 0


def _variant_rows(counts: dict[Any, Any], top: int) -> list[list[Any]]:
    # More than ``top``, so that a journey journeykit ranks higher is still found.
    ranked = top_variants(((tuple(map(str, v)), int(c)) for v, c in counts.items()), top * 5)
    return [[list(variant), customers] for variant, customers in ranked]


if __name__ == "__main__":
    sys.exit(main())
