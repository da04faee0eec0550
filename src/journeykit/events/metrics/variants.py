"""Path variants: the whole journey of each customer, and how many customers took it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import ibis

if TYPE_CHECKING:
    from journeykit.events.log import EventLog

COLUMNS = ("variant", "customers", "share")


def variant_counts_expr(log: EventLog) -> ibis.Table:
    """Customers per variant id, most common first."""
    customers = log.customers
    counts = customers.group_by("variant_id").aggregate(customers=customers.count())
    return counts.order_by([ibis.desc("customers"), "variant_id"])


def variants(log: EventLog, top: int = 10) -> list[dict[str, Any]]:
    """The ``top`` most common variants (0: all) with customers and share of all customers.

    Ties in customers are ordered by the variant (its event names, compared in order), and a
    tie at the cut is decided the same way, so the result never depends on the engine.
    """
    engine = log.engine
    counts = variant_counts_expr(log)
    if top > 0:
        ranked = engine.execute(counts.limit(top))
        if ranked.num_rows == 0:
            return []
        threshold = min(ranked.column("customers").to_pylist())
        counts = counts.filter(counts.customers >= threshold)
    rows = engine.execute(counts.join(log.variants, "variant_id")).to_pydict()
    names = {row["event_id"]: row["event"] for row in engine.execute(log.event_names).to_pylist()}
    total = int(engine.scalar(log.customers.count()))
    result: list[dict[str, Any]] = [
        {
            "variant": [names[int(code)] for code in key.split(",")],
            "customers": int(customers),
            "share": round(int(customers) / total, 9) if total else 0.0,
        }
        for key, customers in zip(rows["variant_key"], rows["customers"], strict=True)
    ]
    result.sort(key=lambda row: (-row["customers"], row["variant"]))
    return result[:top] if top > 0 else result
