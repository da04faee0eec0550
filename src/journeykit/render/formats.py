"""Dates and numbers as a German or an English reader writes them, through Babel.

German follows Germany (``23.11.2026``, ``1.234,5``, ``25 %``); English follows the United
Kingdom (``23 Nov 2026``, ``1,234.5``, ``25%``): a day-month order with the month spelt out
cannot be misread on either side of the Atlantic, unlike ``11/23/2026``. Times are shown in
the server's local time zone, as the people next to it read their clocks.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from babel import Locale, dates, numbers

#: The Babel locale each interface language formats in.
LOCALES = {"de": "de_DE", "en": "en_GB"}


def locale_of(language: str) -> str:
    """The Babel locale of ``language`` (German for a language journeykit does not speak)."""
    return LOCALES.get(language, LOCALES["de"])


def format_number(value: float | Decimal, language: str, *, digits: int | None = None) -> str:
    """A number with the language's separators; ``digits`` fixes the decimals shown.

    >>> format_number(1234.5, "de"), format_number(1234.5, "en")
    ('1.234,5', '1,234.5')
    >>> format_number(30.0, "de"), format_number(0.125, "en", digits=1)
    ('30', '0.1')
    """
    locale = locale_of(language)
    if digits is None:
        return numbers.format_decimal(value, locale=locale)
    pattern = "#,##0" + ("." + "0" * digits if digits > 0 else "")
    return numbers.format_decimal(value, format=pattern, locale=locale)


def format_percent(value: float | Decimal, language: str, *, digits: int = 0) -> str:
    """A share (``0.25``) as a percentage in the language's way (German keeps the sign off
    the number with a no-break space).

    >>> format_percent(0.25, "de"), format_percent(0.255, "en", digits=1)
    ('25\xa0%', '25.5%')
    """
    locale = Locale.parse(locale_of(language))
    pattern = str(locale.percent_formats[None].pattern)
    if digits > 0:
        pattern = pattern.replace("#,##0", "#,##0." + "0" * digits, 1)
    return numbers.format_percent(value, format=pattern, locale=locale)


def format_date(value: dt.date, language: str) -> str:
    """A calendar day.

    >>> format_date(dt.date(2026, 11, 23), "de"), format_date(dt.date(2026, 11, 23), "en")
    ('23.11.2026', '23 Nov 2026')
    """
    if isinstance(value, dt.datetime):
        value = _local(value).date()
    return dates.format_date(value, format="medium", locale=locale_of(language))


def format_datetime(value: dt.datetime, language: str) -> str:
    """A moment to the minute, in the server's time zone.

    >>> moment = dt.datetime(2026, 11, 23, 14, 5, tzinfo=dt.timezone.utc)
    >>> format_datetime(moment, "de")[:10], format_datetime(moment, "en")[:11]
    ('23.11.2026', '23 Nov 2026')
    """
    local = _local(value)
    locale = locale_of(language)
    day = dates.format_date(local.date(), format="medium", locale=locale)
    time = dates.format_time(local.time(), format="short", locale=locale)
    return str(dates.get_datetime_format("medium", locale=locale)).format(time, day)


def _local(value: dt.datetime) -> dt.datetime:
    # A naive moment is taken as UTC, as the store writes every moment.
    aware = value if value.tzinfo is not None else value.replace(tzinfo=dt.UTC)
    return aware.astimezone(dates.LOCALTZ)
