"""One customer's events while the demo story is simulated: rows in local time, and sessions.

The story code adds events in the order it thinks of them (a newsletter may be decided after
the delivery it precedes); :meth:`Trail.rows` sorts them by time at the end.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Mapping
from dataclasses import dataclass

Properties = Mapping[str, str | int | float]

#: The channel and the source system of each demo event, unless the story says otherwise
#: (a letter instead of an e-mail, for example). Channels are those of the map's touchpoints.
EVENT_CHANNELS: dict[str, tuple[str, str]] = {
    "social_ad_impression": ("social", "social_ads"),
    "guide_article_view": ("web", "shop_analytics"),
    "price_comparison_impression": ("price_comparison", "preisradar_report"),
    "price_comparison_click": ("price_comparison", "preisradar_report"),
    "landing_page_view": ("web", "shop_analytics"),
    "product_view": ("web", "shop_analytics"),
    "review_badge_click": ("review_site", "shopurteil"),
    "support_call": ("phone", "telephony"),
    "add_to_cart": ("web", "shop_analytics"),
    "checkout_start": ("web", "shop_analytics"),
    "shipping_cost_view": ("web", "shop_analytics"),
    "payment_method_select": ("web", "shop_analytics"),
    "order_placed": ("web", "shop_orders"),
    "phone_order": ("phone", "shop_orders"),
    "order_confirmation_open": ("email", "email_platform"),
    "shipping_notification_open": ("email", "email_platform"),
    "tracking_page_view": ("web", "shop_analytics"),
    "parcel_delivered": ("parcel", "carrier_status"),
    "return_requested": ("web", "returns_portal"),
    "review_request_open": ("email", "email_platform"),
    "review_submitted": ("review_site", "shopurteil"),
    "newsletter_open": ("email", "email_platform"),
    "newsletter_click": ("email", "email_platform"),
    "account_login": ("web", "shop_analytics"),
    "reorder_click": ("web", "shop_analytics"),
    "newsletter_unsubscribe": ("web", "email_platform"),
    "winback_email_open": ("email", "email_platform"),
}


@dataclass(frozen=True)
class DemoEvent:
    """One event of the demo log, in German local time."""

    at: dt.datetime
    event: str
    channel: str
    source: str
    properties: Properties | None


class Trail:
    """The events of one customer, added in any order."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self._rows: list[DemoEvent] = []

    def add(
        self,
        at: dt.datetime,
        event: str,
        properties: Properties | None = None,
        *,
        channel: str | None = None,
        source: str | None = None,
    ) -> dt.datetime:
        """Record ``event`` at the local time ``at`` (whole seconds) and return that time."""
        default_channel, default_source = EVENT_CHANNELS[event]
        at = at.replace(microsecond=0)
        self._rows.append(
            DemoEvent(at, event, channel or default_channel, source or default_source, properties)
        )
        return at

    def session(self, start: dt.datetime, pace: tuple[int, int]) -> Session:
        """A visit starting at ``start`` whose events are ``pace`` (min, max) seconds apart."""
        return Session(self, start, pace)

    def rows(self) -> list[DemoEvent]:
        """The events by time; events at the same second keep the order they were added."""
        return sorted(self._rows, key=lambda row: row.at)


class Session:
    """A visit or a call: one event after the other, seconds to minutes apart."""

    def __init__(self, trail: Trail, start: dt.datetime, pace: tuple[int, int]) -> None:
        self.trail = trail
        self.now = start
        self.pace = pace
        self._started = False

    def emit(
        self,
        event: str,
        properties: Properties | None = None,
        *,
        gap: tuple[int, int] | None = None,
        channel: str | None = None,
    ) -> dt.datetime:
        """Record ``event`` a little after the previous one (the first at the start)."""
        if self._started:
            low, high = gap or self.pace
            self.now += dt.timedelta(seconds=self.trail.rng.randint(low, high))
        self._started = True
        return self.trail.add(self.now, event, properties, channel=channel)
