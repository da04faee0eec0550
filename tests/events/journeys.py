"""Tiny event logs declared per customer, so every expected number can be checked by hand."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pyarrow as pa

from journeykit.events.rules import TouchpointRules
from journeykit.events.schema import RAW_EVENTS
from journeykit.events.store import EventStore

START = dt.datetime(2024, 3, 1, 9, 0, tzinfo=dt.UTC)

#: One customer's journey: (minutes after START, event, channel or None), in any order.
Journey = list[tuple[float, str, str | None]]


def raw_batch(journeys: dict[str, Journey], file: str = "inline.csv") -> pa.Table:
    """Raw event rows for ``journeys``; row order is the order written here."""
    rows = [
        {
            "customer_id": customer,
            "ts": START + dt.timedelta(minutes=minutes),
            "event": event,
            "channel": channel,
            "source": None,
            "properties": None,
            "source_file": file,
            "source_row": 0,
        }
        for customer, events in journeys.items()
        for minutes, event, channel in events
    ]
    for number, row in enumerate(rows, start=1):
        row["source_row"] = number
    return pa.Table.from_pylist(rows, schema=RAW_EVENTS)


def event_store(
    folder: Path, journeys: dict[str, Journey], rules: TouchpointRules | None = None
) -> EventStore:
    """A workspace folder whose event log holds exactly ``journeys``."""
    folder.mkdir(parents=True, exist_ok=True)
    store = EventStore(folder)
    store.add(raw_batch(journeys), rules=rules or TouchpointRules())
    return store
