"""The demo story after an order: delivery, returns, reviews, newsletters, reorder or churn.

Parcels arrive in two days; freight takes five to ten working days as promised, a quarter of it
longer, with customers checking the tracking page and calling the hotline meanwhile. The review
request goes out rigidly seven days after dispatch, often before the freight has arrived.
Phone-first customers have no printer for the return label and ask for one by letter. Most
first-time customers never order again: bargain hunters compare on PreisRadar and buy
elsewhere; phone-first customers stay longest, reading the care tips and reordering by phone.
"""

from __future__ import annotations

import datetime as dt
import random

from journeykit.demo.event_clock import (
    PERIOD_END,
    add_working_days,
    in_office_hours,
    is_working_day,
    newsletter_sends,
    time_on,
)
from journeykit.demo.event_customers import DemoCustomer
from journeykit.demo.event_story import Order, chance, order_properties, payment_method
from journeykit.demo.event_trail import Properties, Trail

#: Freight is promised within this many working days (order confirmation: 5 to 10).
FREIGHT_PROMISE_DAYS = 10

_STARS_PARCEL = {1: 0.03, 2: 0.04, 3: 0.13, 4: 0.35, 5: 0.45}
_STARS_FREIGHT_ON_TIME = {1: 0.03, 2: 0.1, 3: 0.3, 4: 0.35, 5: 0.22}
_STARS_FREIGHT_LATE = {1: 0.35, 2: 0.3, 3: 0.2, 4: 0.1, 5: 0.05}


def _between(start: dt.datetime, end: dt.datetime, rng: random.Random) -> dt.datetime:
    seconds = max(int((end - start).total_seconds()), 2)
    moment = start + dt.timedelta(seconds=rng.randrange(1, seconds))
    if moment.hour < 7:
        # Nobody checks the tracking page at four in the morning.
        moment = min(moment.replace(hour=rng.randint(7, 9)), end - dt.timedelta(minutes=1))
    return moment


class Aftercare:
    """A customer after the first order, until the end of the demo period."""

    def __init__(self, customer: DemoCustomer, rng: random.Random, trail: Trail) -> None:
        self.c = customer
        self.rng = rng
        self.trail = trail

    def _chance(self, probability: float) -> bool:
        return chance(self.rng, probability)

    def _opened(self, sent: dt.datetime) -> dt.datetime:
        """When a mail sent at ``sent`` is opened: that day or one of the next two, when awake."""
        day = sent.date() + dt.timedelta(days=self.rng.randint(0, 2))
        read = time_on(day, self.c.evening_hours, self.rng)
        return max(read, sent + dt.timedelta(seconds=self.rng.randint(120, 1800)))

    def run(self, first: Order) -> bool:
        """Play everything after ``first``; return whether the customer opted into the newsletter.

        Consent is asked at checkout and on the phone, so only customers with an order have it.
        """
        c, rng = self.c, self.rng
        delivered = self._deliver(first)
        optin = self._chance(0.6 if c.phone_first else 0.35 if c.bargain_hunter else 0.45)
        if optin:
            self._newsletters(first.at)
        repeat = 0.3 if c.phone_first else 0.07 if c.bargain_hunter else 0.15
        if self._chance(repeat):
            day = delivered.date() + dt.timedelta(days=rng.randint(14, 70))
            self._deliver(self._reorder(day))
            return optin
        winback = dt.datetime.combine(first.at.date() + dt.timedelta(days=45), dt.time(9))
        if self._chance(0.2):
            self.trail.add(self._opened(winback), "winback_email_open", {"voucher": "10_prozent"})
        compare = 0.65 if c.bargain_hunter else 0.15 if c.phone_first else 0.35
        if self._chance(compare):
            day = delivered.date() + dt.timedelta(days=rng.randint(15, 80))
            self._compare_again(day)
        return optin

    def _deliver(self, order: Order) -> dt.datetime:
        """Confirmation, dispatch, tracking and delivery; reviews and returns. The delivery time."""
        rng, trail = self.rng, self.trail
        number: Properties = {"order_number": order.number}
        if order.by_phone and self._chance(0.4):
            letter_day = add_working_days(order.at.date(), 2)
            arrived = time_on(letter_day, (10, 14), rng)
            trail.add(arrived, "order_confirmation_open", number, channel="letter", source="crm")
        elif self._chance(0.85):
            opened = order.at + dt.timedelta(seconds=rng.randint(60, 2700))
            trail.add(opened, "order_confirmation_open", number)
        method = "freight" if order.freight else "parcel"
        if order.freight:
            to_dispatch = rng.randint(3, 6)
            working_days = max(min(6 + int(rng.expovariate(1 / 3.5)), 22), to_dispatch + 2)
            delay = max(working_days - FREIGHT_PROMISE_DAYS, 0)
            dispatch_day = add_working_days(order.at.date(), to_dispatch)
            delivered = time_on(add_working_days(order.at.date(), working_days), (8, 17), rng)
        else:
            dispatch_day = add_working_days(order.at.date(), 1)
            day = dispatch_day + dt.timedelta(days=rng.randint(1, 2))
            while day.weekday() == 6 or not (is_working_day(day) or day.weekday() == 5):
                day += dt.timedelta(days=1)
            delay = 0
            delivered = time_on(day, (9, 19), rng)
        dispatched = time_on(dispatch_day, (13, 18), rng)
        shipping: Properties = {"shipping_method": method, **number}
        if self._chance(0.8):
            opened = dispatched + dt.timedelta(seconds=rng.randint(300, 14_400))
            trail.add(min(opened, delivered), "shipping_notification_open", shipping)
        for _ in range(rng.randint(2, 6) if order.freight else rng.randint(0, 2)):
            trail.add(_between(dispatched, delivered, rng), "tracking_page_view", shipping)
        calls = rng.randint(1, 2) if self._chance(0.5 if order.freight else 0.04) else 0
        earliest = order.at + dt.timedelta(days=4)
        for _ in range(calls):
            called = in_office_hours(_between(earliest, delivered, rng), rng)
            if called < delivered:
                trail.add(called, "support_call", {"reason": "delivery_status", **shipping})
        on_time = "true" if delay == 0 else "false"
        status: Properties = {"on_time": on_time, "delay_days": delay, **shipping}
        trail.add(delivered, "parcel_delivered", status)
        self._review(dispatched, delivered, order.freight, delay)
        if order.number == 1:
            self._maybe_return(delivered, order.freight)
        return delivered

    def _review(
        self, dispatched: dt.datetime, delivered: dt.datetime, freight: bool, delay: int
    ) -> None:
        # The request goes out seven days after dispatch whether or not the goods have arrived.
        rng = self.rng
        sent = dt.datetime.combine(dispatched.date() + dt.timedelta(days=7), dt.time(10))
        if not self._chance(0.55 if self.c.phone_first else 0.45):
            return
        opened = self.trail.add(self._opened(sent), "review_request_open")
        if not self._chance(0.35):
            return
        if not freight:
            weights = _STARS_PARCEL
        elif delay or opened < delivered:
            weights = _STARS_FREIGHT_LATE
        else:
            weights = _STARS_FREIGHT_ON_TIME
        stars = rng.choices(list(weights), weights=list(weights.values()))[0]
        written = opened + dt.timedelta(seconds=rng.randint(120, 600))
        self.trail.add(written, "review_submitted", {"stars": stars})

    def _maybe_return(self, delivered: dt.datetime, freight: bool) -> None:
        rng, trail = self.rng, self.trail
        if not self._chance(0.05 if freight else 0.08):
            return
        method = {"shipping_method": "freight" if freight else "parcel"}
        day = delivered.date() + dt.timedelta(days=rng.randint(1, 10))
        if self.c.phone_first and self._chance(0.7):
            # No printer: she calls and the return label comes by letter.
            called = in_office_hours(time_on(day, (9, 17), rng), rng)
            trail.add(called, "support_call", {"reason": "return_label", **method})
            letter_day = add_working_days(called.date(), rng.randint(1, 2))
            trail.add(
                time_on(letter_day, (10, 14), rng),
                "return_requested",
                {"label": "letter", **method},
                channel="letter",
                source="returns_desk",
            )
            return
        requested = time_on(day, self.c.evening_hours, rng)
        label = "pickup_by_phone" if freight else "pdf"
        trail.add(requested, "return_requested", {"label": label, **method})
        if freight:
            # Bulky returns need a pickup date, which only the hotline can book: often twice.
            for attempt in range(rng.randint(1, 3)):
                moment = requested + dt.timedelta(days=attempt, minutes=rng.randint(10, 600))
                called = in_office_hours(moment, rng)
                trail.add(called, "support_call", {"reason": "return_pickup", **method})

    def _newsletters(self, since: dt.datetime) -> None:
        c = self.c
        for issue, sent in enumerate(newsletter_sends()):
            if sent <= since:
                continue
            if sent >= PERIOD_END:
                return
            # Mostly discount campaigns; care tips only in every third issue.
            tips = issue % 3 == 0
            topic = {"topic": "pflegetipps" if tips else "rabattaktion"}
            read = 0.55 if c.phone_first else 0.25 if c.bargain_hunter else 0.35
            if not self._chance(read + (0.1 if tips else 0.0)):
                continue
            session = self.trail.session(self._opened(sent), (10, 90))
            session.emit("newsletter_open", topic)
            wants = (c.phone_first or c.freight) if tips else c.bargain_hunter
            if self._chance(0.35 if wants else 0.12):
                session.emit("newsletter_click", topic)
            leave = 0.12 if c.bargain_hunter else 0.02 if c.phone_first else 0.06
            if self._chance(leave):
                session.emit("newsletter_unsubscribe", gap=(20, 120))
                return

    def _reorder(self, day: dt.date) -> Order:
        """A second order straight from the shop: by phone, or from the order history."""
        c, rng = self.c, self.rng
        if c.phone_first and self._chance(0.6):
            placed = in_office_hours(time_on(day, (9, 16), rng), rng)
            props = order_properties(c, 2, "invoice", False, rng)
            self.trail.add(placed, "phone_order", props)
            return Order(placed, 2, by_phone=True, freight=False)
        session = self.trail.session(time_on(day, c.evening_hours, rng), (15, 120))
        login = {"password_reset": "true"} if self._chance(0.2) else None
        session.emit("account_login", login)
        session.emit("reorder_click", {"from_order": 1})
        session.emit("checkout_start")
        session.emit("shipping_cost_view", {"shipping_class": "parcel", "shipping_cost": 0.0})
        method = payment_method(c, rng)
        session.emit("payment_method_select", {"payment_method": method})
        placed = session.emit("order_placed", order_properties(c, 2, method, False, rng))
        return Order(placed, 2, by_phone=False, freight=False)

    def _compare_again(self, day: dt.date) -> None:
        """Back on PreisRadar for the next purchase; most buy elsewhere and leave no trace."""
        c, rng = self.c, self.rng
        session = self.trail.session(time_on(day, c.evening_hours, rng), (8, 90))
        category = {"category": rng.choice(("erde_duenger", "bewaesserung", "werkzeug"))}
        session.emit("price_comparison_impression", category)
        rank = rng.randint(1, 6)
        click: Properties = {**category, "customer_type": "returning", "offer_rank": rank}
        session.emit("price_comparison_click", click)
        if self._chance(0.7):
            session.emit("landing_page_view", {**category, "referrer": "price_comparison"})
