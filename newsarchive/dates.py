"""Dates typed by people: ISO dates and partial dates (2015, 2015-10)."""

from __future__ import annotations

import calendar
import datetime as dt
import re

from newsarchive.errors import UsageError

PARTIAL = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")


def parse_user_date(text: str, *, end: bool = False, option: str = "date") -> dt.date:
    """The first day a partial date covers, or the last one with ``end=True``.

    "2015" -> 2015-01-01 (or 2015-12-31); "2015-10" -> 2015-10-01 (or 2015-10-31).
    """
    match = PARTIAL.match(text.strip())
    if not match:
        try:
            return dt.datetime.fromisoformat(text.strip()).date()
        except ValueError:
            raise UsageError(
                f"invalid {option} {text!r}: use YYYY, YYYY-MM or YYYY-MM-DD"
            ) from None
    year = int(match.group(1))
    month = int(match.group(2)) if match.group(2) else None
    day = int(match.group(3)) if match.group(3) else None
    try:
        if month is None:
            return dt.date(year, 12, 31) if end else dt.date(year, 1, 1)
        if day is None:
            last = calendar.monthrange(year, month)[1]
            return dt.date(year, month, last) if end else dt.date(year, month, 1)
        return dt.date(year, month, day)
    except ValueError:
        raise UsageError(f"invalid {option} {text!r}: no such day") from None
