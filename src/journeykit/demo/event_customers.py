"""The demo's customers: the attributes the persona segments filter on, and the traits they imply.

Each customer is first drawn as one of four kinds: three that fall into exactly one persona
segment (Sparfuchs, Heimwerker, Gartenfreundin) and the rest, who fall into none. The kind is
only used to draw plausible attributes; how a customer behaves in the event log follows from
the attributes alone (:class:`DemoCustomer` traits), so an analysis that cuts the log by
segment finds the differences the personas describe.
"""

from __future__ import annotations

import functools
import random
from dataclasses import dataclass

from journeykit.demo.personas import demo_personas
from journeykit.model import Segment

#: German states by their usual two-letter codes, weighted roughly by population with the
#: south a little stronger: Beetwerk ships from Baden-Württemberg and is better known there.
REGION_WEIGHTS: dict[str, float] = {
    "NW": 17.0,
    "BY": 16.0,
    "BW": 15.0,
    "NI": 9.0,
    "HE": 7.5,
    "SN": 5.0,
    "RP": 5.0,
    "BE": 4.0,
    "SH": 3.5,
    "TH": 2.5,
    "BB": 2.5,
    "ST": 2.5,
    "HH": 2.0,
    "MV": 1.8,
    "SL": 1.2,
    "HB": 0.8,
}

_SOUTH_WEIGHTS = {"BW": 45.0, "BY": 35.0, "RP": 20.0}
_OTHER_CHANNELS = {"price_comparison": 0.5, "search": 0.2, "direct": 0.2, "social": 0.1}

#: Shares of the kinds customers are drawn as; the remainder are in no persona's segment.
KIND_WEIGHTS: dict[str, float] = {"sparfuchs": 0.31, "heimwerker": 0.3, "gartenfreundin": 0.3}

#: Product categories that travel by freight (Sperrgut) and by parcel.
FREIGHT_CATEGORIES = ("hochbeet", "gewaechshaus", "gartenmoebel", "gartenhaus")
PARCEL_CATEGORIES = ("pflanzregal", "erde_duenger", "balkonkasten", "werkzeug", "bewaesserung")


@dataclass(frozen=True)
class DemoCustomer:
    """One customer's attributes as the CRM holds them, plus the product they are after.

    ``first_order_channel`` is where the customer's first order, or first attempt at one,
    came from; ``basket_value`` is the value in euros of that first basket.
    """

    number: int
    age: int
    region: str
    first_order_channel: str
    basket_value: float
    freight: bool
    category: str

    @property
    def customer_id(self) -> str:
        """The id as the shop's CRM writes it, e.g. ``K-000123``."""
        return f"K-{self.number:06d}"

    @property
    def bargain_hunter(self) -> bool:
        """Comes through the price comparison for a small basket: fast to buy, fast to leave."""
        return self.first_order_channel == "price_comparison" and self.basket_value < 100

    @property
    def phone_first(self) -> bool:
        """Prefers a person on the phone: older customers, and anyone who first ordered by phone."""
        return self.age >= 60 or self.first_order_channel == "phone"

    @property
    def evening_hours(self) -> tuple[int, int]:
        """The local hours (from, to) in which this customer usually browses."""
        if self.phone_first:
            return (9, 18)
        if self.bargain_hunter:
            return (19, 23)
        return (8, 22)


def _weighted(rng: random.Random, weights: dict[str, float]) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _holds(value: object, op: str, wanted: object) -> bool:
    # Only the operators the demo personas use; anything else is a mistake in the demo.
    if op == "eq":
        return value == wanted
    if op == "in":
        return isinstance(wanted, list) and value in wanted
    if isinstance(value, int | float) and isinstance(wanted, int | float):
        comparisons = {"lt": value < wanted, "le": value <= wanted, "gt": value > wanted}
        return {**comparisons, "ge": value >= wanted}[op]
    raise ValueError(f"the demo does not evaluate {op!r} on {value!r}")


def in_segment(attributes: dict[str, object], segment: Segment) -> bool:
    """Whether a customer with ``attributes`` passes all of the ``segment``'s conditions."""
    return all(_holds(attributes[c.attribute], c.op, c.value) for c in segment.all)


@functools.cache
def persona_segments() -> tuple[Segment, ...]:
    """The demo personas' segments, in persona order (built once: they never change)."""
    return tuple(p.segment for p in demo_personas() if p.segment is not None)


def _draw_kind_attributes(rng: random.Random, kind: str) -> tuple[int, str, str, float]:
    if kind == "sparfuchs":
        return (
            rng.randint(35, 59),
            _weighted(rng, REGION_WEIGHTS),
            "price_comparison",
            round(rng.triangular(12.0, 99.0, 40.0), 2),
        )
    if kind == "heimwerker":
        channel = "price_comparison" if rng.random() < 0.7 else "search"
        value = min(250.0 + rng.uniform(0.0, 200.0) + rng.expovariate(1 / 180), 1900.0)
        return rng.randint(25, 44), _weighted(rng, REGION_WEIGHTS), channel, round(value, 2)
    if kind == "gartenfreundin":
        channel = "price_comparison" if rng.random() < 0.6 else "phone"
        age = min(60 + int(rng.expovariate(1 / 7)), 88)
        return age, _weighted(rng, _SOUTH_WEIGHTS), channel, round(rng.triangular(25, 420, 90), 2)
    return (
        rng.randint(18, 84),
        _weighted(rng, REGION_WEIGHTS),
        _weighted(rng, _OTHER_CHANNELS),
        round(rng.lognormvariate(4.6, 0.8), 2),
    )


def draw_customer(number: int, rng: random.Random) -> DemoCustomer:
    """Customer ``number`` (1-based), drawn from ``rng`` only, so each is reproducible alone."""
    roll, kind = rng.random(), "other"
    for name, weight in KIND_WEIGHTS.items():
        if roll < weight:
            kind = name
            break
        roll -= weight
    segments = persona_segments()
    while True:
        age, region, channel, basket = _draw_kind_attributes(rng, kind)
        attributes: dict[str, object] = {
            "age": age,
            "region": region,
            "first_order_channel": channel,
            "basket_value": basket,
        }
        # "Other" customers are redrawn until they fit no persona, so the kinds' shares are
        # the segments' shares.
        if kind != "other" or not any(in_segment(attributes, s) for s in segments):
            break
    freight_chance = 0.85 if basket >= 250 else 0.3 if basket >= 120 else 0.03
    freight = rng.random() < freight_chance
    category = rng.choice(FREIGHT_CATEGORIES if freight else PARCEL_CATEGORIES)
    return DemoCustomer(number, age, region, channel, basket, freight, category)
