"""Transitions: consecutive events of one customer, counted with their timing."""

from __future__ import annotations

from tests.events.conftest import LogFactory

SHOP = {
    "anna": [(0, "view", "web"), (5, "cart", "web"), (10, "buy", "web")],
    "ben": [(0, "view", "web"), (60, "view", "email"), (70, "buy", "web")],
    "cem": [(0, "cart", "web"), (1, "view", "web")],
    "dora": [(0, "view", "web"), (5, "cart", "web"), (12, "buy", "web")],
}


def test_transitions_by_hand(make_log: LogFactory) -> None:
    from journeykit.events.metrics.transitions import transitions

    rows = transitions(make_log(SHOP))
    # most frequent first; equal counts by source, then target
    assert rows == [
        # anna after 5 minutes, dora after 7: median 6 min, p90 interpolated 5 + 0.9 × 2 min
        {"source": "cart", "target": "buy", "count": 2, "customers": 2,
         "median_seconds": 360.0, "p90_seconds": 408.0},
        # anna and dora both view → cart after 5 minutes
        {"source": "view", "target": "cart", "count": 2, "customers": 2,
         "median_seconds": 300.0, "p90_seconds": 300.0},
        {"source": "cart", "target": "view", "count": 1, "customers": 1,
         "median_seconds": 60.0, "p90_seconds": 60.0},
        {"source": "view", "target": "buy", "count": 1, "customers": 1,
         "median_seconds": 600.0, "p90_seconds": 600.0},
        {"source": "view", "target": "view", "count": 1, "customers": 1,
         "median_seconds": 3600.0, "p90_seconds": 3600.0},
    ]  # fmt: skip


def test_ties_in_time_keep_input_order(make_log: LogFactory) -> None:
    from journeykit.events.metrics.transitions import transitions

    # Same minute: the row written first comes first, whatever the names' order.
    rows = transitions(make_log({"x": [(0, "zeta", None), (0, "alpha", None), (0, "mid", None)]}))
    assert [(r["source"], r["target"]) for r in rows] == [("alpha", "mid"), ("zeta", "alpha")]


def test_input_order_across_customers_does_not_matter(make_log: LogFactory) -> None:
    from journeykit.events.metrics.transitions import transitions

    shuffled = {
        "anna": [(10, "buy", "web"), (0, "view", "web"), (5, "cart", "web")],
    }
    rows = transitions(make_log(shuffled))
    assert [(r["source"], r["target"]) for r in rows] == [("cart", "buy"), ("view", "cart")]
