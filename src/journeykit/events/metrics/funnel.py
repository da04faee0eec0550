"""Ordered funnels: how many customers go through given events in order.

A customer enters at the first occurrence of the first step; each next step counts at its
earliest occurrence after the previous step's match (later in the customer's journey; equal
times count in input order). With a window, a step counts only within that time of entering.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

import ibis

from journeykit.events.errors import InvalidDuration
from journeykit.events.metrics.rows import plain_rows

if TYPE_CHECKING:
    from journeykit.events.log import EventLog

COLUMNS = ("step", "customers", "conversion", "step_conversion", "median_seconds_from_previous")

_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 7 * 86400}
_DURATION = re.compile(r"(\d+(?:\.\d+)?)\s*([smhdw])")


def parse_duration(text: str) -> float:
    """Seconds in a duration such as ``30m``, ``12h``, ``7d``, ``1w`` or ``1d12h``.

    >>> parse_duration("1d12h")
    129600.0
    """
    compact = text.strip().lower().replace(" ", "")
    parts = _DURATION.findall(compact)
    if not compact or "".join(n + u for n, u in parts) != compact:
        raise InvalidDuration(
            f"{text!r} is not a duration", hint="write it like 30m, 12h, 7d, 2w or 1d12h"
        )
    return float(sum(float(number) * _UNITS[unit] for number, unit in parts))


def _matches(log: EventLog, event_id: int) -> ibis.Table:
    events = log.events
    return events.filter(events.event_id == event_id).select("cid", "pos", "ts_us")


def funnel_steps_expr(
    log: EventLog, event_ids: list[int], window_seconds: float | None
) -> ibis.Table:
    """One row per step: ``step_index``, ``customers`` and ``median_seconds_from_previous``."""
    first = _matches(log, event_ids[0])
    entered = first.group_by("cid").aggregate(pos=first.pos.min())
    current = entered.join(first, ["cid", "pos"]).select(
        "cid", "pos", "ts_us", start_us=first.ts_us, prev_us=first.ts_us
    )
    stats = [
        current.aggregate(
            customers=current.count(), median_seconds_from_previous=ibis.null("float64")
        ).mutate(step_index=ibis.literal(0))
    ]
    for index, event_id in enumerate(event_ids[1:], start=1):
        previous = current.select(
            "cid", prev_pos=current.pos, prev_us=current.ts_us, start_us=current.start_us
        )
        candidates = _matches(log, event_id).join(previous, "cid")
        after = candidates.pos > candidates.prev_pos
        if window_seconds is not None:
            limit = int(window_seconds * 1_000_000)
            after = after & (candidates.ts_us - candidates.start_us <= limit)
        candidates = candidates.filter(after)
        earliest = candidates.group_by("cid").aggregate(pos=candidates.pos.min())
        current = earliest.join(candidates, ["cid", "pos"]).select(
            "cid", "pos", "ts_us", "start_us", "prev_us"
        )
        gap = (current.ts_us - current.prev_us) / 1e6
        stats.append(
            current.aggregate(
                customers=current.count(), median_seconds_from_previous=gap.median()
            ).mutate(step_index=ibis.literal(index))
        )
    return ibis.union(*stats).order_by("step_index")


def funnel(
    log: EventLog, steps: list[str], window_seconds: float | None = None
) -> list[dict[str, Any]]:
    """Customers at each step, conversion from the first step and from the previous one."""
    event_ids = log.event_ids(steps)
    table = log.engine.execute(funnel_steps_expr(log, event_ids, window_seconds))
    by_step = {row["step_index"]: row for row in table.to_pylist()}
    counts = [int(by_step[i]["customers"]) if i in by_step else 0 for i in range(len(steps))]
    entered = counts[0]
    rows = []
    for index, step in enumerate(steps):
        customers = counts[index]
        previous = counts[index - 1] if index else customers
        rows.append(
            {
                "step": step,
                "customers": customers,
                "conversion": customers / entered if entered else 0.0,
                "step_conversion": customers / previous if previous else 0.0,
                "median_seconds_from_previous": (
                    by_step[index]["median_seconds_from_previous"] if index in by_step else None
                ),
            }
        )
    return plain_rows(rows, COLUMNS)
