"""Time between two events: how long customers take from one event to another.

A customer counts when an occurrence of ``FROM`` is followed later in their journey by
``TO`` (later in journey order: equal times count in input order). Their time is the seconds
from their first ``FROM`` to the first ``TO`` after it; the summary gives the number of such
customers and the mean, median, 90th percentile (exact, linearly interpolated), minimum and
maximum of their times. This is the time a two-step funnel ``FROM TO`` measures: the
funnel's second step counts the same customers and has the same median.

``FROM`` and ``TO`` may be the same event: then it is the time to its second occurrence.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import ibis

from journeykit.events.metrics.rows import plain_rows

if TYPE_CHECKING:
    from journeykit.events.log import EventLog

COLUMNS = (
    "from",
    "to",
    "customers",
    "mean_seconds",
    "median_seconds",
    "p90_seconds",
    "min_seconds",
    "max_seconds",
)

_STATS = COLUMNS[3:]


def timing_seconds_expr(log: EventLog, from_id: int, to_id: int) -> ibis.Table:
    """One row per customer with ``FROM`` followed by ``TO``: ``cid`` and ``seconds``."""
    events = log.events
    starts = events.filter(events.event_id == from_id)
    # Times never decrease along a journey, so the first FROM has both the smallest position
    # and the smallest time, and the first TO after it the smallest time of the later ones.
    first = starts.group_by("cid").aggregate(from_pos=starts.pos.min(), from_us=starts.ts_us.min())
    ends = events.filter(events.event_id == to_id)
    ends = ends.select(to_cid=ends.cid, to_pos=ends.pos, to_us=ends.ts_us)
    later = first.join(ends, (first.cid == ends.to_cid) & (ends.to_pos > first.from_pos))
    reached = later.group_by(["cid", "from_us"]).aggregate(to_us=later.to_us.min())
    return reached.select("cid", seconds=(reached.to_us - reached.from_us) / 1e6)


def timing_summary_expr(log: EventLog, from_id: int, to_id: int) -> ibis.Table:
    """One row: ``customers`` and the mean, median, p90, min and max of their seconds."""
    times = timing_seconds_expr(log, from_id, to_id)
    seconds = times.seconds
    return times.aggregate(
        customers=times.count(),
        mean_seconds=seconds.mean(),
        median_seconds=seconds.median(),
        p90_seconds=seconds.quantile(0.9),
        min_seconds=seconds.min(),
        max_seconds=seconds.max(),
    )


def timing(log: EventLog, source: str, target: str) -> list[dict[str, Any]]:
    """One summary row of the time from event ``source`` to event ``target``.

    With no customer doing ``source`` then ``target``, ``customers`` is 0 and the times are
    ``None``. An event name that is not in the log is an :class:`UnknownEvent` error.
    """
    from_id, to_id = log.event_ids([source, target])
    (summary,) = log.engine.execute(timing_summary_expr(log, from_id, to_id)).to_pylist()
    customers = int(summary["customers"] or 0)
    row: dict[str, Any] = {"from": source, "to": target, "customers": customers}
    for column in _STATS:
        value = summary[column]
        row[column] = float(value) if customers and value is not None else None
    return plain_rows([row], COLUMNS)
