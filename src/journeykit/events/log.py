"""The event log as metrics see it: Ibis tables, optionally cut to a segment of customers."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from journeykit.events.errors import NoAttributes, UnknownEvent
from journeykit.events.filters import FilterExpr, to_ibis
from journeykit.model.errors import did_you_mean

if TYPE_CHECKING:
    import ibis

    from journeykit.events.engine import Engine


@dataclass(frozen=True)
class EventLog:
    """The ordered tables of one event log, all cut to the same customers.

    ``events``: one row per event with ``cid``, ``pos``, ``ts``, ``ts_us``, ``event_id``,
    ``channel_id``, ``next_event_id``, ``seconds_to_next``, ``session``, ``touchpoint``,
    ``phase``; ``customers``: one row per customer with its ``variant_id``.
    """

    engine: Engine
    events: ibis.Table
    customers: ibis.Table
    variants: ibis.Table
    event_names: ibis.Table
    channels: ibis.Table

    @classmethod
    def of(cls, engine: Engine) -> EventLog:
        """The whole log on ``engine``."""
        return cls(
            engine,
            engine.table("events"),
            engine.table("customers"),
            engine.table("variants"),
            engine.table("event_names"),
            engine.table("channels"),
        )

    def for_customers(self, cids: ibis.Table) -> EventLog:
        """The log cut to the customers whose ``cid`` is in ``cids``."""
        keep = cids.select("cid").distinct()
        return replace(
            self,
            events=self.events.semi_join(keep, "cid"),
            customers=self.customers.semi_join(keep, "cid"),
        )

    def for_segment(self, segment: FilterExpr) -> EventLog:
        """The log cut to customers whose attributes pass ``segment``."""
        if not self.engine.has_table("attributes"):
            raise NoAttributes(
                "a segment needs customer attributes, and none were imported",
                hint="import them with `journeykit events attributes FILE`",
            )
        attributes = self.engine.table("attributes")
        chosen = attributes.filter(to_ibis(segment, attributes)).select("customer_id")
        return self.for_customers(self.customers.semi_join(chosen, "customer_id"))

    def event_ids(self, names: list[str]) -> list[int]:
        """The codes of event ``names``; an unknown name is an error with the nearest one."""
        known = self.engine.execute(self.event_names).to_pydict()
        codes = dict(zip(known["event"], known["event_id"], strict=True))
        result = []
        for name in names:
            if name not in codes:
                raise UnknownEvent(name, did_you_mean(name, codes))
            result.append(int(codes[name]))
        return result
