"""The event log's part of the numbers on the map: customers, conversion and time per step.

An event belongs to a step when the touchpoint rules gave it one of the step's touchpoints
(the ``touchpoint`` column the import wrote). Per step of the map, in map order:

- ``customers``: distinct customers with at least one event at the step;
- ``previous``: the nearest earlier step that has customers and is no detour (below), so a
  side step (ask the hotline, read reviews) does not become the base of the main step after
  it, and a step without data does not break the chain;
- ``converted``: customers of the previous step who have an event at this step *after* their
  first event at the previous step (later in journey order; equal times in input order);
  ``conversion`` = converted / customers of the previous step, ``drop_off`` = 1 − conversion;
- ``median_seconds_from_previous``: over the converted customers, the time from their first
  event at the previous step to their first event at this step after it (what a two-step
  funnel of the two steps measures);
- ``median_seconds_in_step``: per customer, the time from their first to their last event at
  the step (0 for a single event), the median over the step's customers;
- ``detour``: a later step gets more of the previous step's customers than this one: it is
  a side step many skip, and its drop-off is no loss of customers.

Per phase: ``customers`` reaching any of its steps; ``conversion`` as a share of everyone who
reached any step of the journey; ``step_conversion`` as a share of the nearest earlier phase
with customers (``drop_off`` = 1 − it); ``median_seconds_in_phase`` as for a step.

Every number is one grouped Ibis expression per kind, run once on the engine.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import ibis

from journeykit.events.engine import Engine
from journeykit.events.log import EventLog

#: Which step or phase an event's touchpoint id (or event code) belongs to.
Groups = dict[str, str] | dict[int, str]


@dataclass(frozen=True)
class FlowRow:
    """The event numbers of one step or phase (None where there is no base to divide by)."""

    key: str
    customers: int
    previous: str | None
    converted: int | None
    conversion: float | None
    drop_off: float | None
    median_seconds_from_previous: float | None
    median_seconds_in: float | None
    #: A side step: a later step gets more of the previous step's customers than this one.
    detour: bool = False


@dataclass(frozen=True)
class Flow:
    """Event numbers of a journey: per step, per phase, and how many customers entered."""

    entered: int
    steps: dict[str, FlowRow]
    phases: dict[str, FlowRow]


def _float(value: Any) -> float | None:
    if value is None:
        return None
    number = float(value)
    return None if number != number else round(number, 3)  # NaN is no number


def _placed(log: EventLog, groups: Groups, column: str, source: str) -> ibis.Table:
    """Events whose ``source`` (touchpoint or event code) is in ``groups``, with the step or
    phase (``column``) that gives them."""
    events = log.events
    at = events.filter(events[source].isin(list(groups)))
    return at.select(
        "cid", "pos", "ts_us", **{column: at[source].substitute(groups, else_=ibis.null("string"))}
    )


def _stays(placed: ibis.Table, column: str) -> ibis.Table:
    return placed.group_by(["cid", column]).aggregate(
        first_pos=placed.pos.min(), first_us=placed.ts_us.min(), last_us=placed.ts_us.max()
    )


def _reached_expr(stays: ibis.Table, column: str) -> ibis.Table:
    seconds = (stays.last_us - stays.first_us) / 1e6
    return stays.group_by(column).aggregate(customers=stays.count(), median_in=seconds.median())


def _pairs_expr(
    placed: ibis.Table, stays: ibis.Table, column: str, pairs: Sequence[tuple[str, str]]
) -> ibis.Table | None:
    """Per (previous, next) pair: converted customers and their median seconds between."""
    parts = []
    for previous, current in pairs:
        start = stays.filter(stays[column] == previous).select(
            "cid", start_pos=stays.first_pos, start_us=stays.first_us
        )
        later = placed.filter(placed[column] == current)
        joined = later.join(start, "cid")
        joined = joined.filter(joined.pos > joined.start_pos)
        firsts = joined.group_by(["cid", "start_us"]).aggregate(reach_us=joined.ts_us.min())
        gap = (firsts.reach_us - firsts.start_us) / 1e6
        parts.append(
            firsts.aggregate(converted=firsts.count(), median_between=gap.median()).mutate(
                key=ibis.literal(current), previous=ibis.literal(previous)
            )
        )
    if not parts:
        return None
    return ibis.union(*parts)


def flow_rows(
    log: EventLog,
    order: Sequence[str],
    groups: Groups,
    column: str = "step",
    source: str = "touchpoint",
    *,
    main_path: bool = False,
) -> dict[str, FlowRow]:
    """The numbers of each key of ``order``, its events being those whose ``source`` column
    ``groups`` maps to the key.

    The previous key is the nearest earlier one with customers; with ``main_path``, the
    nearest earlier one that is no detour, a key being a detour when a later key gets more of
    its previous key's customers than it does."""
    engine = log.engine
    if not groups:
        return {key: FlowRow(key, 0, None, None, None, None, None, None) for key in order}
    placed = _placed(log, groups, column, source)
    stays = _stays(placed, column)
    reached = {row[column]: row for row in engine.execute(_reached_expr(stays, column)).to_pylist()}
    measured = [key for key in order if key in reached]
    chain: list[tuple[str, str]] = []
    for index, key in enumerate(measured[1:], start=1):
        earlier = measured[:index] if main_path else measured[index - 1 : index]
        chain.extend((previous, key) for previous in earlier)
    pairs = _pairs_expr(placed, stays, column, chain)
    between_rows = engine.execute(pairs).to_pylist() if pairs is not None else []
    by_pair = {(row["previous"], row["key"]): row for row in between_rows}

    def moved_from(previous: str, key: str) -> int:
        row = by_pair.get((previous, key))
        return int(row["converted"]) if row else 0

    previous_of: dict[str, str] = {}
    detours: set[str] = set()
    for index, key in enumerate(measured):
        # the nearest earlier step on the main path (not a detour)
        previous = next((p for p in reversed(measured[:index]) if p not in detours), None)
        if previous is None:
            continue
        previous_of[key] = previous
        if main_path and any(
            moved_from(previous, later) > moved_from(previous, key)
            for later in measured[index + 1 :]
        ):
            detours.add(key)
    moved = {key: by_pair.get((previous, key)) for key, previous in previous_of.items()}
    rows = {}
    for key in order:
        found = reached.get(key)
        customers = int(found["customers"]) if found else 0
        previous = previous_of.get(key)
        converted: int | None = None
        conversion = drop_off = between = None
        if previous is not None:
            pair = moved.get(key)
            converted = int(pair["converted"]) if pair else 0
            base = int(reached[previous]["customers"])
            conversion = round(converted / base, 4) if base else None
            drop_off = None if conversion is None else round(1 - conversion, 4)
            between = _float(pair["median_between"]) if pair and converted else None
        rows[key] = FlowRow(
            key=key,
            customers=customers,
            previous=previous,
            converted=converted,
            conversion=conversion,
            drop_off=drop_off,
            median_seconds_from_previous=between,
            median_seconds_in=_float(found["median_in"]) if found else None,
            detour=key in detours,
        )
    return rows


def journey_flow(
    engine: Engine,
    step_order: Sequence[str],
    step_touchpoints: dict[str, Sequence[str]],
    phase_order: Sequence[str],
    step_phase: dict[str, str],
) -> Flow:
    """The event numbers of the steps (in ``step_order``) and phases of one journey map."""
    log = EventLog.of(engine)
    to_step = {tp: step for step, tps in step_touchpoints.items() for tp in tps}
    to_phase = {tp: step_phase[step] for tp, step in to_step.items()}
    steps = flow_rows(log, step_order, to_step, "step", main_path=True)
    phases = flow_rows(log, phase_order, to_phase, "phase")
    entered = 0
    if to_step:
        events = log.events
        mapped = events.filter(events.touchpoint.isin(list(to_step)))
        entered = int(engine.scalar(mapped.cid.nunique()))
    return Flow(entered=entered, steps=steps, phases=phases)
