"""Cohort retention and churn: who comes back, period after period, and who stopped coming.

Retention. A customer's *cohort* is the calendar period of their first start event (by
default their first event of any kind). They are *retained in period k* (k = 0 … N) if they
have a return event (by default any event) in the k-th period after their cohort period;
period 0 counts every return event of the cohort period, also one before the start event.
Periods are calendar periods in UTC: ``day`` (the date), ``week`` (ISO week, from Monday)
and ``month``. Only periods that have at least begun by the log's last event are reported,
so the future never shows up as zero retention.

Churn. Judged at an as-of time (default: the log's last event; later events are ignored), a
customer has *churned* when they have had no event for at least a given duration. Customers
whose first event is less than that duration before as-of are *too new* to judge: they are
counted in ``too_new`` and left out of ``customers``, ``churned`` and ``churn_rate``.
``median_days_active`` is the median of last − first event, in days, of the churned ones.
Rows are per cohort month (month of the first event), then ``all``.

"The log's last event" is that of the whole log, also when it is cut to a segment: a
segment whose customers all stopped coming has still lived through the later periods.
Calendar arithmetic works on integer epoch days, so no engine's session time zone matters.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, Literal

import ibis

from journeykit.events.metrics.rows import plain_rows
from journeykit.model.errors import JourneykitError

if TYPE_CHECKING:
    from journeykit.events.log import EventLog

Period = Literal["day", "week", "month"]

#: How many periods after the cohort period retention reports by default.
DEFAULT_PERIODS: dict[Period, int] = {"day": 30, "week": 8, "month": 12}

RETENTION_COLUMNS = ("cohort", "customers", "period", "retained", "rate")
CHURN_COLUMNS = ("cohort", "customers", "too_new", "churned", "churn_rate", "median_days_active")

#: The cohort of the summary row of churn.
ALL = "all"

_DAY_US = 86_400_000_000
_EPOCH = dt.date(1970, 1, 1)
# Days from 0000-03-01 (proleptic Gregorian) to 1970-01-01, for the civil calendar below.
_MARCH_0000 = 719_468


class InvalidDate(JourneykitError):
    """An as-of time that is not an ISO date or date-time."""

    code = "invalid_date"


def parse_as_of(text: str) -> dt.datetime:
    """The instant of an ISO date or date-time; a date is its 00:00, no offset means UTC.

    >>> parse_as_of("2024-07-01")
    datetime.datetime(2024, 7, 1, 0, 0, tzinfo=datetime.timezone.utc)
    """
    try:
        moment = dt.datetime.fromisoformat(text.strip())
    except ValueError:
        raise InvalidDate(
            f"{text!r} is not a date", hint="write it like 2024-07-01 or 2024-07-01T12:00+02:00"
        ) from None
    return moment.replace(tzinfo=dt.UTC) if moment.tzinfo is None else moment.astimezone(dt.UTC)


def _epoch_day(ts_us: ibis.IntegerValue) -> ibis.IntegerValue:
    return ts_us // _DAY_US


def period_index(day: ibis.IntegerValue, period: Period) -> ibis.IntegerValue:
    """Consecutive numbers of the calendar periods of epoch ``day`` (see :func:`period_start`)."""
    if period == "day":
        return day
    if period == "week":
        return (day + 3) // 7  # 1970-01-01 was a Thursday
    # Months since March of year 0, from H. Hinnant's civil_from_days (years start in March,
    # so leap days end a year and month lengths follow a fixed pattern of 153 days).
    z = day + _MARCH_0000
    era = z // 146_097
    day_of_era = z - era * 146_097
    year_of_era = (
        day_of_era - day_of_era // 1460 + day_of_era // 36_524 - day_of_era // 146_096
    ) // 365
    day_of_year = day_of_era - (365 * year_of_era + year_of_era // 4 - year_of_era // 100)
    return (era * 400 + year_of_era) * 12 + (5 * day_of_year + 2) // 153


def period_start(index: int, period: Period) -> dt.date:
    """The first day of the period numbered ``index`` by :func:`period_index`."""
    if period == "day":
        return _EPOCH + dt.timedelta(days=index)
    if period == "week":
        return _EPOCH + dt.timedelta(days=7 * index - 3)
    year, month = divmod(index + 2, 12)
    return dt.date(year, month + 1, 1)


def _last_day(log: EventLog) -> int | None:
    last = log.engine.scalar(log.engine.table("events").ts_us.max())
    return None if last is None else int(last) // _DAY_US


def cohorts_expr(log: EventLog, period: Period, start_ids: list[int] | None) -> ibis.Table:
    """One row per customer with a start event: ``cid`` and ``cohort`` (a period index)."""
    events = log.events
    if start_ids is not None:
        events = events.filter(events.event_id.isin(start_ids))
    firsts = events.group_by("cid").aggregate(first_day=_epoch_day(events.ts_us.min()))
    return firsts.select("cid", cohort=period_index(firsts.first_day, period))


def retained_expr(
    log: EventLog, period: Period, periods: int, start_ids: list[int] | None, return_id: int | None
) -> ibis.Table:
    """Retained customers per ``cohort`` and ``period`` (k) with at least one of them."""
    events = log.events
    if return_id is not None:
        events = events.filter(events.event_id == return_id)
    returns = events.select("cid", active=period_index(_epoch_day(events.ts_us), period)).distinct()
    joined = returns.join(cohorts_expr(log, period, start_ids), "cid")
    joined = joined.mutate(period=joined.active - joined.cohort)
    joined = joined.filter((joined.period >= 0) & (joined.period <= periods))
    return joined.group_by(["cohort", "period"]).aggregate(retained=joined.count())


def retention(
    log: EventLog,
    period: Period = "month",
    periods: int | None = None,
    start: str | None = None,
    returning: str | None = None,
) -> list[dict[str, Any]]:
    """Cohort retention: one row per cohort and period k that has begun by the last event.

    ``start`` and ``returning`` are event names (None: any event); ``periods`` is N, the last
    k reported (default :data:`DEFAULT_PERIODS`).
    """
    last_k = DEFAULT_PERIODS[period] if periods is None else periods
    start_ids = log.event_ids([start]) if start is not None else None
    return_id = log.event_ids([returning])[0] if returning is not None else None
    last_day = _last_day(log)
    if last_day is None:
        return []
    last = int(log.engine.scalar(period_index(ibis.literal(last_day, "int64"), period)))
    cohorts = cohorts_expr(log, period, start_ids)
    sizes = log.engine.execute(cohorts.group_by("cohort").aggregate(customers=cohorts.count()))
    counted = log.engine.execute(retained_expr(log, period, last_k, start_ids, return_id))
    retained = {(r["cohort"], r["period"]): r["retained"] for r in counted.to_pylist()}
    rows = []
    for size in sorted(sizes.to_pylist(), key=lambda r: int(r["cohort"])):
        cohort, customers = int(size["cohort"]), int(size["customers"])
        for k in range(min(last_k, last - cohort) + 1):
            kept = int(retained.get((cohort, k), 0))
            rows.append(
                {
                    "cohort": period_start(cohort, period).isoformat(),
                    "customers": customers,
                    "period": k,
                    "retained": kept,
                    "rate": kept / customers,
                }
            )
    return plain_rows(rows, RETENTION_COLUMNS)


def judged_expr(log: EventLog, after_seconds: float, as_of_us: int) -> ibis.Table:
    """One row per customer seen by ``as_of_us``: cohort month, ``too_new``, ``churned``, days."""
    events = log.events.filter(log.events.ts_us <= as_of_us)
    spans = events.group_by("cid").aggregate(
        first_us=events.ts_us.min(), last_us=events.ts_us.max()
    )
    after_us = round(after_seconds * 1_000_000)
    too_new = as_of_us - spans.first_us < after_us
    return spans.select(
        "cid",
        cohort=period_index(_epoch_day(spans.first_us), "month"),
        too_new=too_new,
        churned=~too_new & (as_of_us - spans.last_us >= after_us),
        days_active=(spans.last_us - spans.first_us) / _DAY_US,
    )


def _churn_stats(judged: ibis.Table) -> dict[str, Any]:
    return {
        "customers": judged.too_new.ifelse(0, 1).sum(),
        "too_new": judged.too_new.ifelse(1, 0).sum(),
        "churned": judged.churned.ifelse(1, 0).sum(),
        "median_days_active": judged.churned.ifelse(
            judged.days_active, ibis.null("float64")
        ).median(),
    }


def churn(
    log: EventLog, after_seconds: float, as_of: dt.datetime | None = None
) -> list[dict[str, Any]]:
    """Churn per cohort month and for ``all``: no event for ``after_seconds`` before as-of."""
    if as_of is None:
        last = log.engine.scalar(log.engine.table("events").ts_us.max())
        if last is None:
            return []
        as_of_us = int(last)
    else:
        as_of_us = (as_of - dt.datetime(1970, 1, 1, tzinfo=dt.UTC)) // dt.timedelta(microseconds=1)
    judged = judged_expr(log, after_seconds, as_of_us)
    by_cohort = log.engine.execute(judged.group_by("cohort").aggregate(**_churn_stats(judged)))
    total = log.engine.execute(judged.aggregate(**_churn_stats(judged))).to_pylist()[0]
    ordered = sorted(by_cohort.to_pylist(), key=lambda r: int(r["cohort"]))
    rows = [
        {**row, "cohort": period_start(int(row["cohort"]), "month").isoformat()} for row in ordered
    ]
    rows.append({**total, "cohort": ALL})
    for row in rows:
        for key in ("customers", "too_new", "churned"):
            row[key] = int(row[key] or 0)
        row["churn_rate"] = row["churned"] / row["customers"] if row["customers"] else None
    return plain_rows(rows, CHURN_COLUMNS)
