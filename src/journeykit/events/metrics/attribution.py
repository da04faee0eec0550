"""Attribution from the event log: which channels get the credit for conversions.

A customer's path is the channels of their events before their first conversion, events
without a channel left out and consecutive repeats collapsed; customers who never convert
give null paths. A customer who converts with no channel before it has the path ``(none)``,
so the credits of every model add up to all converting customers.

The engine computes what each model needs with window functions and unordered aggregates
(no path strings, so it runs the same on every backend); the exact math is in
:mod:`journeykit.events.attribution`:

- heuristic models (first, last, linear, position, time_decay) weight each touch in SQL;
- ``markov`` counts transitions between consecutive touches (from ``(start)``, to
  ``(conversion)`` or ``(null)``) and solves the absorbing chain exactly;
- ``shapley`` uses the closed form for the coverage game: each converting customer gives
  1/|distinct channels| to each of their distinct channels.

A collapsed run of one channel keeps the time of its first event (for time decay).
"""

from __future__ import annotations

import math
from collections import defaultdict
from typing import TYPE_CHECKING

import ibis

from journeykit.events.attribution import (
    CONVERSION,
    MODELS,
    NULL,
    START,
    AttributionResult,
    TransitionCounts,
    markov_attribution,
)
from journeykit.events.attribution.errors import NoConversions, UnknownModel
from journeykit.events.attribution.heuristics import DEFAULT_HALF_LIFE_SECONDS
from journeykit.model.errors import did_you_mean

if TYPE_CHECKING:
    from journeykit.events.log import EventLog

#: The touchpoint credited for conversions with no channel before them.
NO_TOUCH = "(none)"

COLUMNS = ("touchpoint", "conversions", "share")


def touches_expr(log: EventLog, conversion_id: int) -> ibis.Table:
    """Collapsed touches of every customer up to their first conversion.

    Columns: ``cid``, ``channel_id``, ``ts_us``, ``k`` (0-based touch number), ``n`` (touches
    of the customer), ``next_channel_id``, ``converted`` and ``conv_us`` (time of conversion).
    """
    events = log.events
    conversions = events.filter(events.event_id == conversion_id)
    first = conversions.group_by("cid").aggregate(conv_pos=conversions.pos.min())
    at = events.select(at_cid=events.cid, at_pos=events.pos, conv_us=events.ts_us)
    first = first.join(at, (first.cid == at.at_cid) & (first.conv_pos == at.at_pos)).select(
        "cid", "conv_pos", "conv_us"
    )
    touched = events.filter(events.channel_id.notnull()).select("cid", "pos", "ts_us", "channel_id")
    right = first.rename(conv_cid="cid")
    joined = touched.left_join(right, touched.cid == right.conv_cid)
    joined = joined.filter(joined.conv_pos.isnull() | (joined.pos < joined.conv_pos))
    ordered = ibis.window(group_by="cid", order_by="pos")
    joined = joined.mutate(previous=joined.channel_id.lag().over(ordered))
    runs = joined.filter(joined.previous.isnull() | (joined.previous != joined.channel_id))
    return runs.select(
        "cid",
        "channel_id",
        "ts_us",
        "conv_us",
        converted=runs.conv_pos.notnull(),
        k=ibis.row_number().over(ordered),
        n=runs.count().over(ibis.window(group_by="cid")),
        next_channel_id=runs.channel_id.lead().over(ordered),
    )


def _weights(touches: ibis.Table, model: str, half_life_seconds: float) -> ibis.Value:
    k, n = touches.k, touches.n
    if model == "first":
        return (k == 0).cast("float64")
    if model == "last":
        return (k == n - 1).cast("float64")
    if model == "linear":
        return 1.0 / n
    if model == "position":
        return ibis.cases(
            (n == 1, 1.0), (n == 2, 0.5), (k == 0, 0.4), (k == n - 1, 0.4), else_=0.2 / (n - 2)
        )
    # time_decay: 2^(-age / half-life), normalised per customer
    age = (touches.conv_us - touches.ts_us) / 1e6
    return (age * (-math.log(2) / half_life_seconds)).exp()


def _names(log: EventLog) -> dict[int, str]:
    rows = log.engine.execute(log.channels).to_pylist()
    return {int(row["channel_id"]): str(row["channel"]) for row in rows}


def attribution(
    log: EventLog,
    conversion: str,
    model: str = "linear",
    *,
    half_life_seconds: float = DEFAULT_HALF_LIFE_SECONDS,
) -> AttributionResult:
    """Credit the conversions (first occurrences of event ``conversion``) to channels."""
    if model not in MODELS:
        raise UnknownModel(model, tuple(MODELS), did_you_mean(model, MODELS))
    (conversion_id,) = log.event_ids([conversion])
    engine = log.engine
    touches = touches_expr(log, conversion_id)
    events = log.events
    converting = events.filter(events.event_id == conversion_id).cid.nunique()
    with_path = touches.filter(touches.converted).cid.nunique()
    total, attributed = (int(engine.scalar(x)) for x in (converting, with_path))
    if total == 0:
        raise NoConversions(model)
    names = _names(log)
    seen = engine.execute(touches.select("channel_id").distinct()).column(0).to_pylist()
    credits: dict[str, float] = {names[int(c)]: 0.0 for c in seen}
    without_path = total - attributed
    if model == "markov":
        return markov_attribution(_transition_counts(log, touches, names, without_path))
    won = touches.filter(touches.converted)
    if model == "shapley":
        distinct = won.select("cid", "channel_id").distinct()
        share = distinct.mutate(w=1.0 / distinct.count().over(ibis.window(group_by="cid")))
        weighted = share
    else:
        weighted = won.mutate(w=_weights(won, model, half_life_seconds))
        if model == "time_decay":
            weighted = weighted.mutate(w=weighted.w / weighted.w.sum().over(group_by="cid"))
    sums = weighted.group_by("channel_id").aggregate(credit=weighted.w.sum())
    for row in engine.execute(sums).to_pylist():
        credits[names[int(row["channel_id"])]] = float(row["credit"])
    if without_path:
        credits[NO_TOUCH] = float(without_path)
    return AttributionResult.from_credits(model, credits, float(total))


def _transition_counts(
    log: EventLog, touches: ibis.Table, names: dict[int, str], without_path: int
) -> TransitionCounts:
    engine = log.engine
    counts: dict[tuple[str, str], float] = defaultdict(float)
    starts = touches.filter(touches.k == 0)
    for row in engine.execute(
        starts.group_by("channel_id").aggregate(m=starts.count())
    ).to_pylist():
        counts[(START, names[int(row["channel_id"])])] += row["m"]
    steps = touches.filter(touches.next_channel_id.notnull())
    grouped = steps.group_by(["channel_id", "next_channel_id"]).aggregate(m=steps.count())
    for row in engine.execute(grouped).to_pylist():
        pair = (names[int(row["channel_id"])], names[int(row["next_channel_id"])])
        counts[pair] += row["m"]
    ends = touches.filter(touches.k == touches.n - 1)
    grouped = ends.group_by(["channel_id", "converted"]).aggregate(m=ends.count())
    for row in engine.execute(grouped).to_pylist():
        outcome = CONVERSION if row["converted"] else NULL
        counts[(names[int(row["channel_id"])], outcome)] += row["m"]
    if without_path:
        counts[(START, NO_TOUCH)] += without_path
        counts[(NO_TOUCH, CONVERSION)] += without_path
    return TransitionCounts(counts)
