"""The dates a text names, as ISO dates relative to its publication date.

Only expressions that pin down a day count: weekdays ("on Wednesday"),
today/yesterday/tomorrow, and a month with a day ("Oct. 30", "30 October
2015"). Vague spans ("in recent days", "this week", "last year") are not
dates. Weekdays are read as news reads them: the most recent such day on or
before publication ("Thursday" in a Thursday paper is that day, "Wednesday"
the day before); "next Tuesday" looks forward.
"""

from __future__ import annotations

import datetime as dt
import re

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MONTH_NAME = (
    r"(?:jan(?:uary|\.)?|feb(?:ruary|\.)?|mar(?:ch|\.)?|apr(?:il|\.)?|may|june?|july?|"
    r"aug(?:ust|\.)?|sept?(?:ember|\.)?|oct(?:ober|\.)?|nov(?:ember|\.)?|dec(?:ember|\.)?)"
)
WEEKDAY_RE = re.compile(
    r"\b(?:(last|next|this|on|early on|late on|by|until|since)\s+)?"
    r"(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b",
    re.IGNORECASE,
)
RELATIVE_RE = re.compile(r"\b(today|yesterday|tomorrow|tonight)\b", re.IGNORECASE)
MONTH_DAY_RE = re.compile(
    rf"\b(?P<m1>{MONTH_NAME})\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<y1>\d{{4}}))?"
    rf"|\b(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>{MONTH_NAME})\b(?:,?\s+(?P<y2>\d{{4}}))?",
    re.IGNORECASE,
)
ISO_RE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")


# A sentence about the future ("schools will stay closed on Monday") looks forward.
FUTURE = re.compile(
    r"\b(will|would|'ll|is due|are due|is to|are to|plans? to|is scheduled|are scheduled|"
    r"is expected|are expected|could|might|planned|plans)\b",
    re.IGNORECASE,
)


def _sentence_around(text: str, position: int) -> str:
    start = max(text.rfind(". ", 0, position), text.rfind("\n", 0, position)) + 1
    ends = [i for i in (text.find(". ", position), text.find("\n", position)) if i != -1]
    return text[start : min(ends) if ends else len(text)]


def _weekday(name: str, modifier: str | None, base: dt.date, forward: bool = False) -> dt.date:
    target = WEEKDAYS.index(name.lower())
    back = (base.weekday() - target) % 7
    if modifier and modifier.lower() == "next":
        ahead = (target - base.weekday()) % 7 or 7
        return base + dt.timedelta(days=ahead)
    if forward and not (modifier and modifier.lower() == "last"):
        return base + dt.timedelta(days=(target - base.weekday()) % 7)
    if modifier and modifier.lower() == "last" and back == 0:
        back = 7
    return base - dt.timedelta(days=back)


def _parse_day(text: str) -> dt.date | None:
    """dateparser, always with ``languages=['en']`` (auto-detection is far slower)."""
    import dateparser

    parsed = dateparser.parse(
        text, languages=["en"], settings={"REQUIRE_PARTS": ["day", "month", "year"]}
    )
    return parsed.date() if parsed is not None else None


def _month_day(month: str, day: int, year: int | None, base: dt.date) -> dt.date | None:
    if year is not None:
        return _parse_day(f"{day} {month} {year}")
    # No year: the one that puts the date nearest the publication date.
    options = [
        d
        for y in (base.year - 1, base.year, base.year + 1)
        if (d := _parse_day(f"{day} {month} {y}"))
    ]
    return min(options, key=lambda d: abs((d - base).days)) if options else None


def mentioned_dates(text: str, published: dt.datetime | dt.date | None) -> list[dt.date]:
    """Sorted unique dates named in ``text``; relative ones need a publication date."""
    base = published.date() if isinstance(published, dt.datetime) else published
    found: set[dt.date] = set()
    for match in ISO_RE.finditer(text):
        try:
            found.add(dt.date(*(int(g) for g in match.groups())))
        except ValueError:
            continue
    for match in MONTH_DAY_RE.finditer(text):
        month = match.group("m1") or match.group("m2")
        day = int(match.group("d1") or match.group("d2"))
        year_text = match.group("y1") or match.group("y2")
        if base is None and year_text is None:
            continue
        resolved = _month_day(
            month, day, int(year_text) if year_text else None, base or dt.date.min
        )
        if resolved is not None:
            found.add(resolved)
    if base is not None:
        for match in WEEKDAY_RE.finditer(text):
            forward = bool(FUTURE.search(_sentence_around(text, match.start())))
            found.add(_weekday(match.group(2), match.group(1), base, forward))
        for match in RELATIVE_RE.finditer(text):
            word = match.group(1).lower()
            found.add(base + dt.timedelta(days={"yesterday": -1, "tomorrow": 1}.get(word, 0)))
    return sorted(found)
