"""Channel switches: the omnichannel matrix of how customers move between channels.

Only events with a channel count; a customer's channelled events, in journey order, are
consecutive when no other channelled event lies between them. A *switch* is a pair of
consecutive channelled events whose channels differ. Per pair of channels (``from_channel``
to ``to_channel``): ``switches`` (how many such pairs), ``customers`` (distinct customers
who made at least one) and ``median_seconds`` between the two events (exact, linearly
interpolated).

Law: a customer with ``n`` channelled events of which ``r`` directly repeat the previous
one's channel makes ``n - 1 - r`` switches.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import ibis

from journeykit.events.metrics.rows import plain_rows

if TYPE_CHECKING:
    from journeykit.events.log import EventLog

COLUMNS = ("from_channel", "to_channel", "switches", "customers", "median_seconds")


def switches_expr(log: EventLog) -> ibis.Table:
    """Every (channel, different next channel) pair with switches, customers, median seconds."""
    events = log.events
    channelled = events.filter(events.channel_id.notnull())
    # the previous event *with a channel*: events without one are skipped, not breaks
    previous = ibis.window(group_by="cid", order_by="pos")
    linked = channelled.select(
        "cid",
        "channel_id",
        "ts_us",
        from_id=channelled.channel_id.lag().over(previous),
        from_us=channelled.ts_us.lag().over(previous),
    )
    moves = linked.filter(linked.from_id.notnull() & (linked.from_id != linked.channel_id))
    grouped = moves.group_by(["from_id", "channel_id"]).aggregate(
        switches=moves.count(),
        customers=moves.cid.nunique(),
        median_seconds=((moves.ts_us - moves.from_us) / 1e6).median(),
    )
    sources = log.channels.rename(from_channel="channel", source_id="channel_id")
    targets = log.channels.rename(to_channel="channel", target_id="channel_id")
    named = grouped.join(sources, grouped.from_id == sources.source_id).join(
        targets, grouped.channel_id == targets.target_id
    )
    return named.select(
        from_channel=named.from_channel,
        to_channel=named.to_channel,
        switches=named.switches,
        customers=named.customers,
        median_seconds=named.median_seconds,
    )


def channel_switches(log: EventLog) -> list[dict[str, Any]]:
    """The channel switches of the log: most switches first, ties by from and to channel."""
    rows = log.engine.execute(switches_expr(log)).to_pylist()
    rows.sort(key=lambda r: (-r["switches"], r["from_channel"], r["to_channel"]))
    for row in rows:
        row["switches"] = int(row["switches"])
        row["customers"] = int(row["customers"])
    return plain_rows(rows, COLUMNS)
