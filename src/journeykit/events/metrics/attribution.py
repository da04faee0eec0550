"""Attribution from the event log: which channels get the credit for conversions.

A customer's path is the channels of their events before their first conversion, events
without a channel left out and consecutive repeats collapsed; customers who never convert
give null paths. A customer who converts with no channel before it has the path ``(none)``,
so the credits of every model add up to all converting customers.

The build stored each journey's collapsed touches (``touch``, ``touches_before``,
``next_touch_channel_id``; see :mod:`journeykit.events.build`), so the path before the first
conversion is the touches numbered below the ``touches_before`` of that conversion: every
model is one join of the touches with the first conversions and one grouped aggregate (no
window function sorts the log, no path strings, so it runs the same on every backend). The
exact math is in :mod:`journeykit.events.attribution`:

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


def conversions_expr(log: EventLog, conversion_id: int) -> ibis.Table:
    """Each converting customer's first conversion: ``cid``, ``conv_pos``, ``conv_us`` and
    ``n``, the touches before it (position, time and touches only grow along a journey)."""
    events = log.events
    hits = events.filter(events.event_id == conversion_id)
    return hits.group_by("cid").aggregate(
        conv_pos=hits.pos.min(), conv_us=hits.ts_us.min(), n=hits.touches_before.min()
    )


def _touches(log: EventLog, conversion_id: int) -> ibis.Table:
    """Touches before the first conversion (all of them for customers who never convert):
    ``cid``, ``channel_id``, ``ts_us``, ``k``, ``converted``, ``conv_us``, ``n`` (null if not
    converted) and ``next_channel_id`` (the next touch before the conversion, if any)."""
    events = log.events
    touches = events.filter(events.touch.notnull())
    first = conversions_expr(log, conversion_id).rename(conv_cid="cid")
    joined = touches.left_join(first, touches.cid == first.conv_cid)
    converted = joined.conv_pos.notnull()
    kept = joined.filter(~converted | (joined.touch < joined.n))
    converted = kept.conv_pos.notnull()
    # The next touch counts only if it also comes before the conversion.
    last_before = converted & (kept.touch + 1 >= kept.n)
    return kept.select(
        "cid",
        "channel_id",
        "ts_us",
        "conv_us",
        "n",
        k=kept.touch,
        converted=converted,
        next_channel_id=ibis.ifelse(last_before, ibis.null("int32"), kept.next_touch_channel_id),
    )


def touches_expr(log: EventLog, conversion_id: int) -> ibis.Table:
    """Collapsed touches of every customer up to their first conversion.

    Columns: ``cid``, ``channel_id``, ``ts_us``, ``k`` (0-based touch number), ``n`` (touches
    of the customer), ``next_channel_id``, ``converted`` and ``conv_us`` (time of conversion).
    """
    touches = _touches(log, conversion_id)
    customers = log.customers.select(t_cid="cid", touches="touches")
    joined = touches.join(customers, touches.cid == customers.t_cid)
    return joined.select(
        "cid",
        "channel_id",
        "ts_us",
        "conv_us",
        "converted",
        "k",
        "next_channel_id",
        n=joined.n.fill_null(joined.touches).cast("int64"),
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
    total = int(engine.scalar(conversions_expr(log, conversion_id).count()))
    if total == 0:
        raise NoConversions(model)
    names = _names(log)
    touches = _touches(log, conversion_id)
    if model == "markov":
        return markov_attribution(_transition_counts(log, touches, names, total))
    credits = _heuristic_credits(log, touches, model, half_life_seconds, names)
    # Each customer with a path hands out exactly one conversion: the credits add up to
    # their number (up to float rounding far below one half).
    attributed = round(sum(credits.values()))
    if total > attributed:
        credits[NO_TOUCH] = float(total - attributed)
    return AttributionResult.from_credits(model, credits, float(total))


def _heuristic_credits(
    log: EventLog, touches: ibis.Table, model: str, half_life_seconds: float, names: dict[int, str]
) -> dict[str, float]:
    """Every touched channel's credit (0.0 for channels only on null paths); one query."""
    won = touches.filter(touches.converted)
    if model == "shapley":
        distinct = won.select("cid", "channel_id").distinct()
        weighted = distinct.mutate(w=1.0 / distinct.count().over(ibis.window(group_by="cid")))
    else:
        weighted = won.mutate(w=_weights(won, model, half_life_seconds))
        if model == "time_decay":
            weighted = weighted.mutate(w=weighted.w / weighted.w.sum().over(group_by="cid"))
    sums = weighted.group_by("channel_id").aggregate(credit=weighted.w.sum())
    # Channels seen on any path get a row, converting or not.
    seen = touches.select("channel_id").distinct()
    named = sums.rename(s_channel="channel_id")
    rows = seen.left_join(named, seen.channel_id == named.s_channel)
    result = rows.select("channel_id", credit=rows.credit.fill_null(0.0))
    return {
        names[int(row["channel_id"])]: float(row["credit"])
        for row in log.engine.execute(result).to_pylist()
    }


def _transition_counts(
    log: EventLog, touches: ibis.Table, names: dict[int, str], total: int
) -> TransitionCounts:
    """Start, step and end counts of the touches, from one grouped query."""
    grouped = touches.group_by(
        "channel_id", "next_channel_id", "converted", start=touches.k == 0
    ).aggregate(m=touches.count())
    counts: dict[tuple[str, str], float] = defaultdict(float)
    attributed = 0
    for row in log.engine.execute(grouped).to_pylist():
        channel, m = names[int(row["channel_id"])], float(row["m"])
        if row["start"]:
            counts[(START, channel)] += m
            attributed += int(row["m"]) if row["converted"] else 0
        if row["next_channel_id"] is not None:
            counts[(channel, names[int(row["next_channel_id"])])] += m
        else:  # the customer's last touch before converting, or of a null path
            counts[(channel, CONVERSION if row["converted"] else NULL)] += m
    without_path = total - attributed
    if without_path:
        counts[(START, NO_TOUCH)] += without_path
        counts[(NO_TOUCH, CONVERSION)] += without_path
    return TransitionCounts(counts)
