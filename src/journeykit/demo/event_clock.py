"""Time in the demo event log: German local time, working days and the shop's fixed schedules.

The story happens in Germany, so it is simulated in local time (customers browse in the
evening, the hotline answers on working days from 8 to 16) and converted to UTC only when
rows are written. The 2024 clock changes are written out instead of read from a time zone
database, which not every installation has.

>>> to_utc(dt.datetime(2024, 1, 15, 20, 0)).isoformat()
'2024-01-15T19:00:00+00:00'
>>> to_utc(dt.datetime(2024, 6, 15, 20, 0)).isoformat()
'2024-06-15T18:00:00+00:00'
"""

from __future__ import annotations

import datetime as dt
import random

#: The period the demo log covers (local time, end exclusive); events outside are not exported.
PERIOD_START = dt.datetime(2024, 1, 1)
PERIOD_END = dt.datetime(2024, 7, 1)

# Summer time in 2024 ran from 31 March 02:00 to 27 October 03:00 local time.
_SUMMER_START = dt.datetime(2024, 3, 31, 2, 0)
_SUMMER_END = dt.datetime(2024, 10, 27, 3, 0)

#: Nationwide public holidays in the first half of 2024: no hotline, no deliveries.
HOLIDAYS = frozenset(
    dt.date(2024, month, day) for month, day in ((1, 1), (3, 29), (4, 1), (5, 1), (5, 9), (5, 20))
)

#: The hotline's opening hours on working days (local, from inclusive, to exclusive).
HOTLINE_HOURS = (8, 16)

#: The shipping cost calculator went live on the product page on this day (measure
#: ``me-versandkostenrechner``); before that it ran as an A/B test in :data:`AB_TEST`.
CALCULATOR_LIVE = dt.date(2024, 5, 2)
AB_TEST = (dt.date(2024, 4, 8), dt.date(2024, 4, 28))


def to_utc(local: dt.datetime) -> dt.datetime:
    """A naive German local time as an aware UTC time."""
    offset = 2 if _SUMMER_START <= local < _SUMMER_END else 1
    return (local - dt.timedelta(hours=offset)).replace(tzinfo=dt.UTC)


def is_working_day(day: dt.date) -> bool:
    """Monday to Friday and not a public holiday."""
    return day.weekday() < 5 and day not in HOLIDAYS


def time_on(day: dt.date, hours: tuple[int, int], rng: random.Random) -> dt.datetime:
    """A random moment on ``day`` between the local ``hours`` (from, to)."""
    start = dt.datetime.combine(day, dt.time(hours[0]))
    return start + dt.timedelta(seconds=rng.randrange((hours[1] - hours[0]) * 3600))


def add_working_days(day: dt.date, days: int) -> dt.date:
    """The working day ``days`` working days after ``day``."""
    while days > 0:
        day += dt.timedelta(days=1)
        days -= is_working_day(day)
    return day


def in_office_hours(moment: dt.datetime, rng: random.Random) -> dt.datetime:
    """``moment`` if the hotline is open then, else a random time on its next working day.

    Customers who want to call in the evening have to wait: the map's pain point that the
    hotline closes at 16:00.
    """
    opens, closes = HOTLINE_HOURS
    if is_working_day(moment.date()) and opens <= moment.hour < closes:
        return moment
    day = moment.date() if moment.hour < opens else moment.date() + dt.timedelta(days=1)
    while not is_working_day(day):
        day += dt.timedelta(days=1)
    return time_on(day, HOTLINE_HOURS, rng)


def newsletter_sends() -> list[dt.datetime]:
    """The season newsletter's send times: every second Thursday at 07:30."""
    first = dt.datetime(2024, 1, 4, 7, 30)
    return [first + dt.timedelta(weeks=2 * n) for n in range(26)]


def season_start(rng: random.Random) -> dt.date:
    """The day a customer first searches: the garden season peaks in March and April."""
    weights = {1: 0.08, 2: 0.12, 3: 0.26, 4: 0.3, 5: 0.17, 6: 0.07}
    month = rng.choices(list(weights), weights=list(weights.values()))[0]
    last_day = 30 if month in (4, 6) else 29 if month == 2 else 31
    return dt.date(2024, month, rng.randint(1, last_day))
