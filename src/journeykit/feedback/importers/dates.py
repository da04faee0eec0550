"""Dates of answers as written in exports: ISO 8601 and German ``dd.mm.yyyy``, with times.

Only the day is kept: feedback is reported by week and month, and many exports give no time.

>>> days = ("2024-03-05", "05.03.2024 14:30", "5.3.24", "2024-03-05T10:00:00Z")
>>> {parse_date(t) for t in days}
{datetime.date(2024, 3, 5)}
>>> parse_date("03/05/2024") is None
True
"""

from __future__ import annotations

import datetime as dt
import re

_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][0-9:.,]+)?(?:Z|[+-]\d{2}:?\d{2})?$")
_GERMAN = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})(?:,?\s+\d{1,2}:\d{2}(?::\d{2})?)?$")


def parse_date(text: str) -> dt.date | None:
    """The day ``text`` names, or None if it is not a date in a supported form.

    Slashed dates are refused: ``03/05/2024`` is 3 May in Germany and 5 March in the US.
    """
    text = text.strip()
    try:
        if match := _ISO.match(text):
            year, month, day = (int(g) for g in match.groups())
            return dt.date(year, month, day)
        if match := _GERMAN.match(text):
            day, month = int(match.group(1)), int(match.group(2))
            year = int(match.group(3))
            if year < 100:
                year += 2000
            return dt.date(year, month, day)
    except ValueError:
        return None
    return None
