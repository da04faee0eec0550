"""Transitions: two consecutive events of one customer, with how often and how long between.

Events of a customer are ordered by time, ties kept in input order; the import stored each
event's successor, so this is one grouped scan of the log.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import ibis

from journeykit.events.metrics.rows import table_rows

if TYPE_CHECKING:
    from journeykit.events.log import EventLog

COLUMNS = ("source", "target", "count", "customers", "median_seconds", "p90_seconds")


def transitions_expr(log: EventLog) -> ibis.Table:
    """Every (event, next event) pair with its count, customers and median and p90 seconds."""
    pairs = log.events.filter(log.events.next_event_id.notnull())
    grouped = pairs.group_by(["event_id", "next_event_id"]).aggregate(
        count=pairs.count(),
        customers=pairs.cid.nunique(),
        median_seconds=pairs.seconds_to_next.median(),
        p90_seconds=pairs.seconds_to_next.quantile(0.9),
    )
    names = log.event_names
    targets = names.rename(target="event", target_id="event_id")
    named = grouped.join(names, grouped.event_id == names.event_id).join(
        targets, grouped.next_event_id == targets.target_id
    )
    return named.select(
        source=named.event,
        target=named.target,
        count=named["count"],
        customers=named.customers,
        median_seconds=named.median_seconds,
        p90_seconds=named.p90_seconds,
    ).order_by([ibis.desc("count"), "source", "target"])


def transitions(log: EventLog) -> list[dict[str, Any]]:
    """The transitions of the log, most frequent first (ties by source, then target)."""
    return table_rows(log.engine.execute(transitions_expr(log)), COLUMNS)
