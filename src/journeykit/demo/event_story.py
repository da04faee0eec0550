"""The story the demo event log tells, customer by customer, up to the first order.

Every customer is found through PreisRadar. What happens then follows from their attributes
(:class:`~journeykit.demo.event_customers.DemoCustomer`):

- bargain hunters click quickly and buy in the same session, but go back to the price
  comparison for the next purchase and buy wherever it is cheaper;
- customers after bulky goods read the guide, compare specifications, and give up when the
  freight surcharge of 39 € first appears in the checkout (58 % of such sessions, 44 % once the
  shipping cost calculator shows the total price early); their deliveries come late;
- phone-first customers (60 and over) check the reviews, call the hotline and order by phone.

The numbers echo the map's evidence (:mod:`journeykit.demo.research`). What happens after the
order is in :mod:`journeykit.demo.event_aftercare`.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from journeykit.demo.event_clock import (
    AB_TEST,
    CALCULATOR_LIVE,
    in_office_hours,
    season_start,
    time_on,
)
from journeykit.demo.event_customers import DemoCustomer
from journeykit.demo.event_trail import Properties, Session, Trail

FREIGHT_SURCHARGE = 39.0
PARCEL_FEE = 4.95
FREE_PARCEL_FROM = 50.0

_CAMPAIGNS = ("fruehjahr_hochbeet", "balkon_ideen", "gartenmoebel_sale")
_ARTICLES = ("hochbeet-anlegen", "hochbeet-befuellen", "balkongarten-planen")


@dataclass(frozen=True)
class Order:
    """An order: when it was placed, its number for the customer, and how."""

    at: dt.datetime
    number: int
    by_phone: bool
    freight: bool


def chance(rng: random.Random, probability: float) -> bool:
    """True with the given probability."""
    return rng.random() < probability


class Prospect:
    """A customer on the way to the first order, visit after visit."""

    def __init__(self, customer: DemoCustomer, rng: random.Random, trail: Trail) -> None:
        self.c = customer
        self.rng = rng
        self.trail = trail
        # Bargain hunters click through in seconds; DIY buyers compare specifications.
        if customer.phone_first:
            self.pace = (40, 300)
        elif customer.bargain_hunter:
            self.pace = (8, 60)
        elif customer.freight:
            self.pace = (30, 240)
        else:
            self.pace = (20, 150)

    def _chance(self, probability: float) -> bool:
        return chance(self.rng, probability)

    def first_order(self) -> Order | None:
        """Play the customer's way to the first order; ``None`` if they never order."""
        day = season_start(self.rng)
        self._before_the_search(day)
        for visit in range(3):
            result = self._visit(day, visit)
            if isinstance(result, Order):
                return result
            if not result:
                return None
            day += dt.timedelta(days=self.rng.randint(1, 9))
        return None

    def _before_the_search(self, day: dt.date) -> None:
        c, rng = self.c, self.rng
        social = 0.45 if c.bargain_hunter else 0.12 if c.phone_first else 0.3
        if self._chance(social):
            for _ in range(rng.randint(1, 3)):
                seen = day - dt.timedelta(days=rng.randint(1, 21))
                campaign = rng.choice(_CAMPAIGNS)
                self.trail.add(
                    time_on(seen, c.evening_hours, rng),
                    "social_ad_impression",
                    {"campaign": campaign},
                )
        guide = 0.45 if c.freight else 0.2 if c.phone_first else 0.12
        if self._chance(guide):
            read = day - dt.timedelta(days=rng.randint(1, 14))
            article = rng.choice(_ARTICLES)
            self.trail.add(time_on(read, (8, 22), rng), "guide_article_view", {"article": article})

    def _calculator(self, day: dt.date) -> tuple[bool, Properties]:
        # Whether the product page shows the shipping cost calculator, and how the log says so.
        if day >= CALCULATOR_LIVE:
            return True, {"shipping_calculator": "shown"}
        if AB_TEST[0] <= day <= AB_TEST[1]:
            shown = self._chance(0.5)
            variant = "calculator" if shown else "control"
            return shown, {"ab_variant": variant, "shipping_calculator": _shown(shown)}
        return False, {"shipping_calculator": "hidden"}

    def _visit(self, day: dt.date, visit: int) -> Order | bool:
        """One visit from PreisRadar: an order, or whether the customer will come back."""
        c, rng = self.c, self.rng
        session = self.trail.session(time_on(day, c.evening_hours, rng), self.pace)
        category = {"category": c.category}
        session.emit("price_comparison_impression", category)
        if self._chance(0.35):
            session.emit("price_comparison_impression", category, gap=(20, 120))
        click = 0.78 if c.bargain_hunter else 0.6 if c.phone_first else 0.68
        if not self._chance(click if visit == 0 else 0.75):
            return visit == 0 and self._chance(0.15)
        rank = rng.randint(1, 3) if c.bargain_hunter else rng.randint(1, 8)
        session.emit(
            "price_comparison_click", {**category, "customer_type": "new", "offer_rank": rank}
        )
        session.emit("landing_page_view", {**category, "referrer": "price_comparison"}, gap=(1, 6))
        if not self._chance(0.68 if c.phone_first else 0.57):
            return self._chance(0.1)
        calculator, shown = self._calculator(day)
        shipping = {"shipping_class": "freight" if c.freight else "parcel"}
        session.emit("product_view", {**category, **shipping, **shown})
        badge = 0.45 if c.phone_first else 0.35 if c.freight else 0.2 if c.bargain_hunter else 0.3
        if self._chance(badge):
            session.emit("review_badge_click", {"rating_shown": "4.3"})
        question = 0.45 if c.phone_first else 0.12 if c.freight else 0.04
        if self._chance(question):
            return self._call_the_hotline(session)
        return self._checkout(session, visit, calculator, shipping, shown)

    def _call_the_hotline(self, session: Session) -> Order | bool:
        # Renate wants to talk to a person before she spends the money: the visit ends with
        # the call, which may have to wait for the next working day.
        rng = self.rng
        called = in_office_hours(session.now + dt.timedelta(minutes=rng.randint(5, 180)), rng)
        self.trail.add(called, "support_call", {"reason": "product_question"})
        by_phone = 0.6 if self.c.first_order_channel == "phone" else 0.3
        if self.c.phone_first and self._chance(by_phone):
            placed = called + dt.timedelta(seconds=rng.randint(360, 1200))
            props = order_properties(self.c, 1, "invoice", self.c.freight, rng)
            self.trail.add(placed, "phone_order", props)
            return Order(placed, 1, by_phone=True, freight=self.c.freight)
        return self._chance(0.35)

    def _checkout(
        self,
        session: Session,
        visit: int,
        calculator: bool,
        shipping: Properties,
        shown: Properties,
    ) -> Order | bool:
        c, rng = self.c, self.rng
        cart = 0.62 if c.bargain_hunter else 0.6 if c.freight else 0.45 if c.phone_first else 0.5
        if not self._chance(cart if visit == 0 else 0.8):
            return self._chance(0.15)
        value = {"basket_value": c.basket_value}
        session.emit("add_to_cart", {"category": c.category, **shipping, **value})
        if c.freight and self._chance(0.4):
            accessory = {"category": "erde_duenger", "shipping_class": "parcel"}
            session.emit("add_to_cart", {**accessory, **value})
        if not self._chance(0.82):
            return self._chance(0.2)
        session.emit("checkout_start", value)
        cost = FREIGHT_SURCHARGE if c.freight else 0.0
        if not c.freight and c.basket_value < FREE_PARCEL_FROM:
            cost = PARCEL_FEE
        costs = {**shipping, **shown, "shipping_cost": cost}
        session.emit("shipping_cost_view", costs, gap=(30, 120))
        if self._chance(_drop_after_shipping_cost(c, visit, calculator)):
            # Back to PreisRadar to compare the total price; some come back, most buy elsewhere.
            comeback = 0.1 if c.bargain_hunter else 0.3 if c.freight else 0.2
            return self._chance(comeback)
        method = payment_method(c, rng)
        session.emit("payment_method_select", {"payment_method": method})
        if not self._chance(0.9):
            return self._chance(0.3)
        placed = session.emit("order_placed", order_properties(c, 1, method, c.freight, rng))
        return Order(placed, 1, by_phone=False, freight=c.freight)


def _drop_after_shipping_cost(customer: DemoCustomer, visit: int, calculator: bool) -> float:
    """The chance that a checkout ends when the shipping costs appear."""
    if visit > 0:
        # Whoever comes back has already seen the costs once.
        return 0.3 if customer.freight else 0.1
    if customer.freight:
        return 0.44 if calculator else 0.58
    return 0.21


def order_properties(
    customer: DemoCustomer, number: int, method: str, freight: bool, rng: random.Random
) -> Properties:
    """The properties of the customer's ``number``-th order, online or by phone."""
    return {
        "order_number": number,
        "order_value": customer.basket_value if number == 1 else _refill_value(rng),
        "payment_method": method,
        "shipping_class": "freight" if freight else "parcel",
    }


def payment_method(customer: DemoCustomer, rng: random.Random) -> str:
    """How the customer pays: older customers on invoice, bargain hunters mostly PayPal."""
    if customer.phone_first:
        return "invoice" if chance(rng, 0.8) else "direct_debit"
    if customer.bargain_hunter:
        return rng.choice(("paypal", "paypal", "card", "invoice"))
    return rng.choice(("paypal", "invoice", "card", "direct_debit"))


def _refill_value(rng: random.Random) -> float:
    # Repeat orders are mostly soil, fertiliser and small accessories.
    return round(rng.triangular(19.0, 120.0, 45.0), 2)


def _shown(shown: bool) -> str:
    return "shown" if shown else "hidden"
