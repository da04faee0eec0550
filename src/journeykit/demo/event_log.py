"""The demo's event log and customer attributes: Beetwerk's first half of 2024, as data.

:func:`build_demo_events` is a log in the :data:`~journeykit.events.schema.RAW_EVENTS`
schema that tells the story of the demo map: customers find Beetwerk on PreisRadar, many give
up at the freight surcharge, freight arrives late, older customers call and order by phone,
and most first-time buyers never come back. :func:`build_demo_attributes` is the matching
customer table that the personas' segments filter.

Both are deterministic: each customer is simulated from its own generator seeded from
:data:`~journeykit.demo.shop.DEMO_SEED` and its number, so the first 100 customers of a log of
4,000 are the same as a log of 100. The event names are :data:`DEMO_EVENT_NAMES`, so the rules
:func:`~journeykit.events.rules.rules_from_journey` makes from the demo map place almost every
event at its touchpoint and phase.

>>> from journeykit.demo import DEMO_EVENT_NAMES
>>> events = build_demo_events(customers=20)
>>> events.schema.equals(RAW_EVENTS), events.column("source_row")[0].as_py()
(True, 1)
>>> sorted(set(events.column("event").to_pylist()) - set(DEMO_EVENT_NAMES))
[]
>>> build_demo_attributes(customers=3).column("customer_id").to_pylist()
['K-000001', 'K-000002', 'K-000003']
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass

import pyarrow as pa

from journeykit.demo.event_aftercare import Aftercare
from journeykit.demo.event_clock import PERIOD_END, PERIOD_START, to_utc
from journeykit.demo.event_customers import DemoCustomer, draw_customer
from journeykit.demo.event_story import Prospect
from journeykit.demo.event_trail import DemoEvent, Trail
from journeykit.demo.shop import DEMO_SEED
from journeykit.events.schema import RAW_EVENTS

#: How many customers the demo workspace's event log has.
DEMO_CUSTOMERS = 4000

#: The ``source_file`` of every demo row.
DEMO_SOURCE_FILE = "demo"

#: The customer attributes, in column order: what the persona segments and analyses cut by.
DEMO_ATTRIBUTES = pa.schema(
    [
        pa.field("customer_id", pa.string(), nullable=False),
        pa.field("age", pa.int64(), nullable=False),
        pa.field("region", pa.string(), nullable=False),
        pa.field("first_order_channel", pa.string(), nullable=False),
        pa.field("basket_value", pa.float64(), nullable=False),
        pa.field("newsletter_optin", pa.bool_(), nullable=False),
    ]
)

__all__ = [
    "DEMO_ATTRIBUTES",
    "DEMO_CUSTOMERS",
    "DEMO_SOURCE_FILE",
    "build_demo_attributes",
    "build_demo_events",
]


@dataclass(frozen=True)
class _Simulated:
    customer: DemoCustomer
    events: list[DemoEvent]
    newsletter_optin: bool


def _simulate(number: int) -> _Simulated:
    # One generator per customer: a customer's story does not depend on how many others there are.
    rng = random.Random(DEMO_SEED * 1_000_000 + number)
    customer = draw_customer(number, rng)
    trail = Trail(rng)
    first = Prospect(customer, rng, trail).first_order()
    optin = Aftercare(customer, rng, trail).run(first) if first is not None else False
    # The export covers the first half of 2024: earlier adverts and later deliveries are cut.
    events = [row for row in trail.rows() if PERIOD_START <= row.at < PERIOD_END]
    return _Simulated(customer, events, optin)


def _simulate_all(customers: int) -> list[_Simulated]:
    if customers < 1:
        raise ValueError(f"the demo needs at least one customer, not {customers}")
    return [_simulate(number) for number in range(1, customers + 1)]


def _properties_text(row: DemoEvent) -> str | None:
    if not row.properties:
        return None
    return json.dumps(row.properties, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def build_demo_events(customers: int = DEMO_CUSTOMERS) -> pa.Table:
    """The demo event log of ``customers`` customers, schema ``RAW_EVENTS``.

    Rows come as a shop's export would deliver them: by time, ``source_row`` numbering them
    from 1 in that order; times are UTC.
    """
    keyed = [
        (to_utc(row.at), sim.customer.number, index, sim.customer.customer_id, row)
        for sim in _simulate_all(customers)
        for index, row in enumerate(sim.events)
    ]
    keyed.sort(key=lambda item: item[:3])
    columns: dict[str, list[object]] = {name: [] for name in RAW_EVENTS.names}
    for source_row, (ts, _, _, customer_id, row) in enumerate(keyed, start=1):
        columns["customer_id"].append(customer_id)
        columns["ts"].append(ts)
        columns["event"].append(row.event)
        columns["channel"].append(row.channel)
        columns["source"].append(row.source)
        columns["properties"].append(_properties_text(row))
        columns["source_file"].append(DEMO_SOURCE_FILE)
        columns["source_row"].append(source_row)
    return pa.Table.from_pydict(columns, schema=RAW_EVENTS)


def build_demo_attributes(customers: int = DEMO_CUSTOMERS) -> pa.Table:
    """One row per customer of :func:`build_demo_events` with the same ``customers``.

    ``age``, ``region`` (German state code), ``first_order_channel`` and ``basket_value``
    (euros, of the first basket) are what the personas' segments test; ``newsletter_optin``
    is the consent given with the first order.
    """
    simulated = _simulate_all(customers)
    return pa.Table.from_pydict(
        {
            "customer_id": [s.customer.customer_id for s in simulated],
            "age": [s.customer.age for s in simulated],
            "region": [s.customer.region for s in simulated],
            "first_order_channel": [s.customer.first_order_channel for s in simulated],
            "basket_value": [s.customer.basket_value for s in simulated],
            "newsletter_optin": [s.newsletter_optin for s in simulated],
        },
        schema=DEMO_ATTRIBUTES,
    )
