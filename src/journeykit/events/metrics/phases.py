"""The phase funnel: how many customers reach each phase of the journey, and how long they stay.

A customer *reaches* a phase when at least one of their events has that phase (from the
touchpoint rules); events without a phase are ignored. Phases come in the order of the
default phases (:data:`~journeykit.model.journey.DEFAULT_PHASES`: unawareness, awareness,
consideration, acquisition, service, loyalty, non_retention), every one of them listed even
when nobody reached it, then any other phase ids of the log alphabetically.

- ``customers``: customers who reached the phase at least once;
- ``conversion``: ``customers`` as a share of all customers who reached any phase (who
  entered the mapped journey), so it never exceeds 1;
- ``step_conversion``: for a main phase, ``customers`` as a share of the nearest earlier main
  phase's customers; the optional phases (unawareness and non-retention: side stages that
  many journeys skip) and a main phase with no main phase before it are measured against
  everyone who entered, like ``conversion``. ``drop_off`` = 1 − ``step_conversion``. Phases
  are reached in any order, so a main phase can still exceed the one before it (a ratio above
  1); on logs that follow the map it does not;
- ``median_seconds_in_phase``: per customer, the time from their first to their last event in
  the phase (0 for a single event); the median over the phase's customers.

Ratios whose base has no customers are ``None``. Phases other than the default ones count as
main phases.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import ibis

from journeykit.events.metrics.rows import plain_rows
from journeykit.model.journey import DEFAULT_PHASES

if TYPE_CHECKING:
    from journeykit.events.log import EventLog

COLUMNS = (
    "phase",
    "customers",
    "conversion",
    "step_conversion",
    "drop_off",
    "median_seconds_in_phase",
)

#: The ids of the default phases, in journey order.
DEFAULT_PHASE_ORDER = tuple(key for key, *_ in DEFAULT_PHASES)

#: The default phases that many journeys skip (measured against everyone who entered).
OPTIONAL_PHASES = frozenset(key for key, _en, _de, optional in DEFAULT_PHASES if optional)


def phase_order(occurring: Iterable[str]) -> list[str]:
    """The default phases in journey order, then the other ``occurring`` phases alphabetically.

    >>> phase_order(["zz-returns", "loyalty", "aa-trial"])[-3:]
    ['non_retention', 'aa-trial', 'zz-returns']
    """
    return [*DEFAULT_PHASE_ORDER, *sorted(set(occurring) - set(DEFAULT_PHASE_ORDER))]


def phase_stats_expr(log: EventLog) -> ibis.Table:
    """One row per phase in the log: ``phase``, ``customers`` and ``median_seconds_in_phase``."""
    events = log.events
    phased = events.filter(events.phase.notnull())
    stays = phased.group_by(["cid", "phase"]).aggregate(
        first_us=phased.ts_us.min(), last_us=phased.ts_us.max()
    )
    seconds = (stays.last_us - stays.first_us) / 1e6
    return stays.group_by("phase").aggregate(
        customers=stays.count(), median_seconds_in_phase=seconds.median()
    )


def _share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def phases(log: EventLog) -> list[dict[str, Any]]:
    """The phase funnel of the log, one row per phase in journey order."""
    engine = log.engine
    stats = {row["phase"]: row for row in engine.execute(phase_stats_expr(log)).to_pylist()}
    events = log.events
    entered = int(engine.scalar(events.filter(events.phase.notnull()).cid.nunique()))
    rows = []
    previous_main: int | None = None
    for phase in phase_order(stats):
        customers = int(stats[phase]["customers"]) if phase in stats else 0
        optional = phase in OPTIONAL_PHASES
        base = entered if optional or previous_main is None else previous_main
        step = _share(customers, base)
        rows.append(
            {
                "phase": phase,
                "customers": customers,
                "conversion": _share(customers, entered),
                "step_conversion": step,
                "drop_off": None if step is None else 1.0 - step,
                "median_seconds_in_phase": (
                    stats[phase]["median_seconds_in_phase"] if phase in stats else None
                ),
            }
        )
        if not optional:
            previous_main = customers
    return plain_rows(rows, COLUMNS)
