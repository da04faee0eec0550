"""Per-customer outcomes in the event log: who reached a place, and whether and when the next.

Each function builds one Ibis expression that the engine aggregates to one row per customer
(never one per event), then hands back plain Python or NumPy values.

A customer *passes* from place X to place Y when an event at Y follows (later in their
journey) their first event at X, within ``within_seconds`` of it if given; X and Y may be
the same place ("came back to it").
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import numpy as np

from journeykit.events.errors import NoAttributes
from journeykit.events.filters import parse_filter, to_ibis
from journeykit.events.log import EventLog


@dataclass(frozen=True)
class Passages:
    """Every customer who reached X: id, when (µs since the epoch), and when Y (NaN: never)."""

    customer_ids: list[str]
    from_us: np.ndarray
    to_us: np.ndarray

    @property
    def reached(self) -> np.ndarray:
        """Whether each customer reached Y."""
        return np.asarray(~np.isnan(self.to_us))

    def __len__(self) -> int:
        return len(self.customer_ids)


def logged_touchpoints(log: EventLog) -> frozenset[str]:
    """The touchpoint ids that events of the log are mapped to."""
    events = log.events
    expr = events.filter(events.touchpoint.notnull()).select("touchpoint").distinct()
    return frozenset(log.engine.execute(expr).column("touchpoint").to_pylist())


def passages(
    log: EventLog,
    from_touchpoints: frozenset[str],
    to_touchpoints: frozenset[str],
    within_seconds: float | None = None,
) -> Passages:
    """The passages from the touchpoints ``from_touchpoints`` to ``to_touchpoints``."""
    events = log.events
    starts = events.filter(events.touchpoint.isin(sorted(from_touchpoints)))
    # Times never decrease along a journey: the first position has the first time too.
    first = starts.group_by("cid").aggregate(from_pos=starts.pos.min(), from_us=starts.ts_us.min())
    ends = events.filter(events.touchpoint.isin(sorted(to_touchpoints)))
    ends = ends.select(to_cid=ends.cid, to_pos=ends.pos, to_us=ends.ts_us)
    condition = (first.cid == ends.to_cid) & (ends.to_pos > first.from_pos)
    if within_seconds is not None:
        condition = condition & (ends.to_us - first.from_us <= int(within_seconds * 1_000_000))
    later = first.join(ends, condition)
    reached = later.group_by(later.to_cid).aggregate(to_us=later.to_us.min())
    joined = first.left_join(reached, first.cid == reached.to_cid)
    customers = log.customers.select("cid", "customer_id")
    named = joined.join(customers, joined.cid == customers.cid)
    expr = named.select(
        customer_id=named.customer_id, from_us=named.from_us, to_us=named.to_us
    ).order_by("customer_id")
    table = log.engine.execute(expr)
    to_us = np.array([np.nan if v is None else float(v) for v in table.column("to_us").to_pylist()])
    return Passages(
        table.column("customer_id").to_pylist(),
        np.array(table.column("from_us").to_pylist(), dtype=np.int64),
        to_us,
    )


def segment_members(log: EventLog, filter_text: str) -> set[str]:
    """The ids of customers whose attributes pass ``filter_text``."""
    if not log.engine.has_table("attributes"):
        raise NoAttributes(
            f"the filter {filter_text!r} needs customer attributes, and none were imported",
            hint="import them with `journeykit events attributes FILE`",
        )
    attributes = log.engine.table("attributes")
    chosen = attributes.filter(to_ibis(parse_filter(filter_text), attributes))
    return set(log.engine.execute(chosen.select("customer_id")).column("customer_id").to_pylist())


def touchpoint_users(log: EventLog, touchpoints: frozenset[str]) -> set[str]:
    """The ids of customers with any event at one of ``touchpoints``."""
    events = log.events
    used = events.filter(events.touchpoint.isin(sorted(touchpoints))).select("cid").distinct()
    named = used.join(log.customers, "cid").select("customer_id")
    return set(log.engine.execute(named).column("customer_id").to_pylist())


def property_values(log: EventLog, touchpoints: frozenset[str], name: str) -> dict[str, str]:
    """Each customer's first value of event property ``name`` among their events at
    ``touchpoints`` (customers without it are left out)."""
    events = log.events
    # Only rows whose properties mention the key reach Python; JSON is read here, the same
    # on every backend.
    rows = events.filter(
        events.touchpoint.isin(sorted(touchpoints)) & events.properties.contains(json.dumps(name))
    )
    named = rows.join(log.customers, "cid").select("customer_id", "pos", "properties")
    table = log.engine.execute(named.order_by(["customer_id", "pos"]))
    values: dict[str, str] = {}
    for customer, text in zip(
        table.column("customer_id").to_pylist(),
        table.column("properties").to_pylist(),
        strict=True,
    ):
        if customer in values or text is None:
            continue
        value = json.loads(text).get(name)
        if value is not None:
            values[customer] = str(value)
    return values
