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
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from indexer.resources import read_lines, read_tsv
from indexer.sentence_start import sentence_end

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MONTH_NAME = (
    r"(?:jan(?:uary|\.)?|feb(?:ruary|\.)?|mar(?:ch|\.)?|apr(?:il|\.)?|may|june?|july?|"
    r"aug(?:ust|\.)?|sept?(?:ember|\.)?|oct(?:ober|\.)?|nov(?:ember|\.)?|dec(?:ember|\.)?)"
)
WEEKDAY_RE = re.compile(
    r"\b(?:(last|next|this coming|this|on|early on|late on|by|until|till|through|since|for|"
    r"each|every)\s+)?"
    r"(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b",
    re.IGNORECASE,
)
RELATIVE_RE = re.compile(r"\b(today|yesterday|tomorrow|tonight)\b", re.IGNORECASE)
# "10 days ago", "two weeks ago": a count of days or weeks back from publication.
AGO_RE = re.compile(
    r"(?<!nearly )(?<!almost )(?<!about )(?<!than )(?<!some )(?<!over )(?<!roughly )"
    r"\b(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|a)\s+(days?|weeks?)\s+ago\b",
    re.IGNORECASE,
)  # "nearly two weeks ago" names no day
NUMBER_WORDS = ["a", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
# "the summit on April 24 and 25": the second day of a month named once.
SECOND_DAY_RE = re.compile(r"\s+(?:and|or|to|-)\s+(\d{1,2})(?:st|nd|rd|th)?\b(?!\s*(?:%|[.,]\d))")
# A weekday written with its date ("on Saturday, April 25"): the date says the day.
DATE_AFTER_WEEKDAY = re.compile(r",?\s+(?=\S)")
# Not the day but our time: "in today's world", "the people of tomorrow", and
# a title such as "VOA Today".
OF_RELATIVE = re.compile(r"\bof\s+$", re.IGNORECASE)
TITLE_BEFORE = re.compile(r"\b[A-Z][A-Za-z]*[ \t]+$")
MONTH_DAY_RE = re.compile(
    rf"\b(?P<m1>{MONTH_NAME})\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<y1>\d{{4}}))?"
    rf"|\b(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>{MONTH_NAME})\b(?:,?\s+(?P<y2>\d{{4}}))?",
    re.IGNORECASE,
)
ISO_RE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")


# Tense cues. A weekday is read in the tense of its own clause: "voters on
# Sunday rejected a text that would have been..." is last Sunday, "schools
# will stay closed on Monday" is next Monday. The words are data
# (data/tense_words.tsv, one class each; its header says what each means).


@lru_cache(maxsize=1)
def tense_words() -> dict[str, frozenset[str]]:
    """Class -> words, from data/tense_words.tsv."""
    classes: dict[str, set[str]] = {}
    for word, kind in read_tsv("tense_words.tsv"):
        classes.setdefault(kind, set()).add(word)
    return {kind: frozenset(words) for kind, words in classes.items()}


def past_words() -> frozenset[str]:
    """Irregular past tenses (also where a name runs on into its verb, indexer/mentions.py)."""
    return tense_words()["past"]


# Past forms that are never participles: "had been", "was held".
FINITE_PAST = {"was", "were", "had"}
# After these an -ed word is a participle ("will stay closed"), not a past tense.
PARTICIPLE_AFTER = {"will", "be", "been", "being", "is", "are", "stay", "remain", "get", "'ll"}
# Right after these an -ed word is an adjective ("the affected areas").
DETERMINERS = {"the", "a", "an", "its", "their", "his", "her", "our", "these", "those"}
# "is planned for", "the planned vote": still ahead; "the government planned to
# pay" is a past tense.
PLANNED_AFTER = DETERMINERS | {"is", "are", "be", "'s"}
# Deadlines and ends of spans ("leave by noon on Friday", "rain through Sunday")
# look forward unless a past verb sits right before them ("lasted until Sunday").
SPAN_END = {"by", "until", "till", "through", "for"}  # "mourning for Thursday"
# "by noon on Friday", "until late on Sunday": a span end with a time of day.
DEADLINE_BEFORE = re.compile(
    r"\b(?:by|until|till|through)\s+(?:noon|midnight|dawn|dusk|late|early|the end of|"
    r"(?:\w+\s+)?(?:morning|afternoon|evening|night)|"
    r"\d{1,2}(?::\d\d)?\s*[ap]\.m\.(?:\s+[A-Z]{2,4})?)\s*$",
    re.IGNORECASE,
)
# "could return as soon as Wednesday": the earliest of days to come.
AS_SOON_AS = re.compile(r"\bas soon as\s+$", re.IGNORECASE)
# "three days before Sunday's election", "ahead of Friday's vote": an event to come.
AHEAD_OF = re.compile(
    r"\b(?:ahead of|in the run-up to|on the eve of|(?:days|hours) before)\s+$", re.IGNORECASE
)
DECLARED_BEFORE = re.compile(r"\b(?:declared|declares|declare|named|names)\s+$", re.IGNORECASE)
DAY_OF = re.compile(r"\s+(?:as\s+)?a\s+(?:day|national|public)\b", re.IGNORECASE)
CLAUSE_BREAK = re.compile(
    r"[,;:()]|\b(?:and|but|which|who|that|while|as|after|before|when|because)\b", re.IGNORECASE
)
WORD = re.compile(r"[A-Za-z']+")
# A weekday naming a kind of thing, not a day: "a Sunday newspaper" (but
# "during Friday prayers" is that Friday).
NOT_A_DAY_AFTER = re.compile(r"\s+(?:newspapers?|papers?|editions?|league|roast)\b")
# "since the September 11 attacks": an event named by its day, in a year the
# text does not give.
EVENT_AFTER_DAY = re.compile(r"\s+(?:attacks?|bombings?|massacre|uprising|revolution)\b")
# Speech inside quotation marks: its "today" is the day it was spoken.
QUOTED = re.compile(r'"[^"\n]*"|“[^”\n]*”')


def _sentence_around(text: str, position: int) -> tuple[str, int]:
    """The sentence holding ``position``, and the position's offset inside it.

    A period after an abbreviation or an initial ("Aug. 6", "10 a.m.",
    "Daniel P. Davison") ends no sentence: cutting there lost the verb whose
    tense places the date.
    """
    start = text.rfind("\n", 0, position) + 1
    stop = position
    while (dot := text.rfind(". ", start, stop)) != -1:
        if not _abbreviation_ends_at(text, dot):
            start = dot + 1
            break
        stop = dot
    end = sentence_end(text, position)
    while end is not None and text.startswith(". ", end) and _abbreviation_ends_at(text, end):
        end = sentence_end(text, end + 2)
    return text[start : end if end is not None else len(text)], position - start


def _abbreviation_ends_at(text: str, dot: int) -> bool:
    """Whether the period at ``dot`` closes an abbreviation or an initial."""
    word = text[max(0, dot - 12) : dot + 1].split()[-1:]
    return bool(word) and (word[0] in abbreviations() or INITIAL.fullmatch(word[0]) is not None)


INITIAL = re.compile(r"[A-Z]\.")


@lru_cache(maxsize=1)
def abbreviations() -> frozenset[str]:
    return frozenset(read_lines("abbreviations.txt"))


def _clause_around(sentence: str, offset: int) -> tuple[str, int]:
    starts = [m.end() for m in CLAUSE_BREAK.finditer(sentence, 0, offset)]
    start = starts[-1] if starts else 0
    after = CLAUSE_BREAK.search(sentence, offset)
    return sentence[start : after.start() if after else len(sentence)], offset - start


def _tense_cues(clause: str) -> list[tuple[int, str]]:
    """(word position, "future" | "past") for each tense cue in a clause."""
    vocabulary = tense_words()
    words = [w.lower() for w in WORD.findall(clause)]
    cues = []
    for i, word in enumerate(words):
        previous = words[max(0, i - 2) : i]
        following = words[i + 1 : i + 2]
        # "will be held", "will stay closed": a participle, no past tense
        participle = bool(PARTICIPLE_AFTER.intersection(previous))
        if word in vocabulary["future"] and "had" in previous:
            cues.append((i, "past"))  # "had been due to expire", "had been scheduled"
        elif (
            word in vocabulary["future"]
            or (word in vocabulary["future-to"] and following == ["to"])
            or (word in vocabulary["planned"] and previous[-1:] and previous[-1] in PLANNED_AFTER)
            or (word in vocabulary["scheduled"] and previous[-1:] != ["to"])  # not "to begin"
            or (word == "would" and following != ["have"])
            or (word in ("is", "are") and following == ["to"])  # "is to sign"
        ):
            cues.append((i, "future"))
        elif (word in vocabulary["past"] and (word in FINITE_PAST or not participle)) or (
            word.endswith("ed")
            and len(word) > 4
            and word not in vocabulary["not-past"]
            and not participle
            and not (previous and previous[-1] in DETERMINERS)
        ):
            cues.append((i, "past"))
    return cues


def _looks_forward(text: str, position: int, end: int, modifier: str | None) -> bool:
    """Whether the weekday written from ``position`` to ``end`` is ahead of
    publication, read from its clause."""
    sentence, offset = _sentence_around(text, position)
    clause, at = _clause_around(sentence, offset)
    cues = _tense_cues(clause)
    here = len(WORD.findall(clause[:at]))
    span_end = modifier is not None and modifier.split()[0].lower() in SPAN_END
    if span_end or DEADLINE_BEFORE.search(clause[:at]):
        if not cues:  # "Until Thursday, they had not called him a suspect"
            clause, cues = sentence, _tense_cues(sentence)
            here = len(WORD.findall(sentence[:offset]))
        words = [w.lower() for w in WORD.findall(clause)]
        right_before = any(
            kind == "past"
            and 0 < here - i <= 2
            and not tense_words()["rescheduled"].intersection(words[i : i + 2])
            for i, kind in cues
        )
        return not ("had" in words or right_before)
    if DECLARED_BEFORE.search(text, max(0, position - 20), position) and DAY_OF.match(text, end):
        return True  # "declared Sunday a day of national mourning": a day still ahead
    if text.startswith(("'s", "’s"), end) and AHEAD_OF.search(
        text, max(0, position - 30), position
    ):
        return True
    if AS_SOON_AS.search(text, max(0, position - 20), position):
        return True
    if not cues and text.startswith(("'s", "’s"), end):
        return False  # "in Sunday's election": an event already held, unless its clause says more
    if not cues:
        cues = _tense_cues(sentence)
        here = len(WORD.findall(sentence[:offset]))
    if not cues:
        return False
    nearest = min(cues, key=lambda cue: (abs(cue[0] - here), cue[1] == "future"))
    return nearest[1] == "future"


def _weekday(name: str, modifier: str | None, base: dt.date, forward: bool = False) -> dt.date:
    target = WEEKDAYS.index(name.lower())
    back = (base.weekday() - target) % 7
    if modifier and modifier.lower() in ("next", "this coming"):
        ahead = (target - base.weekday()) % 7 or 7
        return base + dt.timedelta(days=ahead)
    if forward and not (modifier and modifier.lower() == "last"):
        return base + dt.timedelta(days=(target - base.weekday()) % 7)
    if modifier and modifier.lower() == "last" and back == 0:
        back = 7
    return base - dt.timedelta(days=back)


@lru_cache(maxsize=8192)  # a corpus names the same days again and again; parsing is slow
def _parse_day(text: str) -> dt.date | None:
    """dateparser, always with ``languages=['en']`` (auto-detection is far slower)."""
    import dateparser

    parsed = dateparser.parse(
        text, languages=["en"], settings={"REQUIRE_PARTS": ["day", "month", "year"]}
    )
    return parsed.date() if parsed is not None else None


def _month_day(
    month: str, day: int, year: int | None, base: dt.date, forward: bool = False
) -> dt.date | None:
    if year is not None:
        return _parse_day(f"{day} {month} {year}")
    return _choose_year(
        [
            d
            for y in (base.year - 1, base.year, base.year + 1)
            if (d := _parse_day(f"{day} {month} {y}"))
        ],
        base,
        forward,
    )


def _choose_year(options: list[dt.date], base: dt.date, forward: bool) -> dt.date | None:
    """Which year's instance of a day written without one is meant.

    News looks back far more than ahead. A date a few months ahead is the
    next to come ("the summit on March 3", written in January); one further
    ahead than that is last year's ("its record high set on Aug. 6", written
    in February). A clause that looks ahead takes the next to come ("the
    election will be held on October 14"), unless that is half a year off and
    the date passed only weeks ago.
    """
    last_past = max((d for d in options if d <= base), default=None)
    next_ahead = min((d for d in options if d >= base), default=None)
    if forward and next_ahead is not None:
        recent = last_past is not None and (base - last_past).days <= RECENT_PAST_DAYS
        if recent and (next_ahead - base).days > FAR_AHEAD_DAYS:
            return last_past
        return next_ahead
    if next_ahead is not None and (next_ahead - base).days <= NEAR_AHEAD_DAYS:
        return next_ahead
    return last_past or next_ahead


@dataclass(frozen=True)
class Holiday:
    pattern: re.Pattern[str]
    month: int
    day: int
    weekday: int | None  # the first such weekday on or after month-day

    def in_year(self, year: int) -> dt.date:
        date = dt.date(year, self.month, self.day)
        if self.weekday is None:
            return date
        return date + dt.timedelta(days=(self.weekday - date.weekday()) % 7)


@lru_cache(maxsize=1)
def holidays() -> tuple[Holiday, ...]:
    """Days named by name, from data/holidays.tsv."""
    found = []
    for name, month_day, *weekday in read_tsv("holidays.tsv"):
        month, day = (int(part) for part in month_day.split("-"))
        found.append(
            Holiday(
                re.compile(rf"\b(?:(last|next|this|on|by|until|since)\s+)?({name})\b"),
                month,
                day,
                WEEKDAYS.index(weekday[0]) if weekday and weekday[0] else None,
            )
        )
    return tuple(found)


# Windows for a month and day written without a year (see _month_day). Set on
# TempEval-3's DEV half: 90 to 120 days ahead scored alike; symmetric "nearest
# date" (the rule before) put a date 181 days ahead before one 184 days back.
NEAR_AHEAD_DAYS = 90
RECENT_PAST_DAYS = 60
FAR_AHEAD_DAYS = 183


def mentioned_dates(
    text: str, published: dt.datetime | dt.date | None, ablate: frozenset[str] = frozenset()
) -> list[dt.date]:
    """Sorted unique dates named in ``text``; relative ones need a publication date.

    ``ablate`` switches rule families off to measure them (indexer.enrich.RULE_FAMILIES):
    "tense-cues" (every day without "next" is read as past), "holidays", "days-ago".
    """
    base = published.date() if isinstance(published, dt.datetime) else published
    forward = _no_forward if "tense-cues" in ablate else _looks_forward
    found = set(_iso_dates(text)) | set(_month_days(text, base, forward))
    if base is not None:
        weekdays = list(_weekdays(text, base, forward))
        found.update(day for day, _ in weekdays)
        found.update(_relative_days(text, base, weekdays))
        if "holidays" not in ablate:
            found.update(_holidays(text, base, forward))
        if "days-ago" not in ablate:
            found.update(_days_ago(text, base))
    return sorted(found)


ForwardReader = Callable[[str, int, int, "str | None"], bool]


def _no_forward(text: str, position: int, end: int, modifier: str | None) -> bool:
    return False


def _iso_dates(text: str) -> Iterator[dt.date]:
    for match in ISO_RE.finditer(text):
        try:
            yield dt.date(*(int(g) for g in match.groups()))
        except ValueError:
            continue


def _month_days(text: str, base: dt.date | None, looks_forward: ForwardReader) -> Iterator[dt.date]:
    """ "Oct. 30", "30 October 2015", and the second day of "April 24 and 25"."""
    for match in MONTH_DAY_RE.finditer(text):
        month = match.group("m1") or match.group("m2")
        days = [int(match.group("d1") or match.group("d2"))]
        year_text = match.group("y1") or match.group("y2")
        if base is None and year_text is None:
            continue
        if (
            match.group("m1")
            and not year_text
            and (second := SECOND_DAY_RE.match(text, match.end()))
        ):
            days.append(int(second.group(1)))
        # "delay ... until October 31": a span's end, as with weekdays
        word_before = text[max(0, match.start() - 8) : match.start()].split()[-1:]
        modifier = word_before[0] if word_before and word_before[0].lower() in SPAN_END else None
        forward = base is not None and looks_forward(text, match.start(), match.end(), modifier)
        for day in days:
            resolved = _month_day(
                month, day, int(year_text) if year_text else None, base or dt.date.min, forward
            )
            if resolved is None:
                continue
            # "since the September 11 attacks": an event named by its day, in
            # a year the text does not give, unless it is weeks old ("the
            # Aug. 7 bombings" in a story of Aug. 17).
            event = year_text is None and EVENT_AFTER_DAY.match(text, match.end())
            if event and (base is None or not 0 <= (base - resolved).days <= RECENT_PAST_DAYS):
                continue
            yield resolved


def _weekdays(
    text: str, base: dt.date, looks_forward: ForwardReader
) -> Iterator[tuple[dt.date, int]]:
    """Each weekday named as a day, with where it is written."""
    for match in WEEKDAY_RE.finditer(text):
        modifier = match.group(1)
        if NOT_A_DAY_AFTER.match(text, match.end()):
            continue  # "Britain's best-selling Sunday newspaper"
        if modifier and modifier.lower() in ("each", "every"):
            continue  # a day that recurs
        after = DATE_AFTER_WEEKDAY.match(text, match.end())
        if after and MONTH_DAY_RE.match(text, after.end()):
            continue  # "on Saturday, April 25": the date is read as such
        forward = looks_forward(text, match.start(), match.end(), modifier)
        yield _weekday(match.group(2), modifier, base, forward), match.start()


def _relative_days(
    text: str, base: dt.date, weekdays: list[tuple[dt.date, int]]
) -> Iterator[dt.date]:
    """Today, yesterday, tomorrow, tonight.

    Speech in quotation marks was spoken on the story's day (the first
    weekday of its first paragraph), so its "yesterday" counts from there
    ("What happened yesterday...", said on Saturday); other relative words
    count from publication.
    """
    leading_space = len(text) - len(text.lstrip())
    lead_end = text.find("\n", leading_space) % (len(text) + 1)  # -1: the whole text
    lead_day = next((day for day, at in weekdays if at < lead_end), None)
    quoted = [m.span() for m in QUOTED.finditer(text)]
    generic = tense_words()["generic-after-today"]
    for match in RELATIVE_RE.finditer(text):
        word = match.group(1).lower()
        if OF_RELATIVE.search(text, max(0, match.start() - 4), match.start()):
            continue  # "the people of tomorrow"
        if match.group(1)[0].isupper() and TITLE_BEFORE.search(
            text, max(0, match.start() - 30), match.start()
        ):
            continue  # "VOA Today", "USA Today": a name
        possessive = text.startswith(("'s ", "’s "), match.end())
        noun = WORD.match(text, match.end() + 3) if possessive else None
        if noun and noun.group().lower() in generic:
            continue  # "in today's world"
        in_quote = any(start < match.start() < end for start, end in quoted)
        anchor = (lead_day or base) if in_quote else base
        yield anchor + dt.timedelta(days={"yesterday": -1, "tomorrow": 1}.get(word, 0))


def _holidays(text: str, base: dt.date, looks_forward: ForwardReader) -> Iterator[dt.date]:
    """ "Thanksgiving Day", "last Christmas Eve": the year is chosen as for a
    month and day written without one."""
    for holiday in holidays():
        for match in holiday.pattern.finditer(text):
            modifier = (match.group(1) or "").lower()
            options = [holiday.in_year(year) for year in (base.year - 1, base.year, base.year + 1)]
            if modifier == "last":
                yield max(d for d in options if d < base)
            elif modifier == "next":
                yield min(d for d in options if d > base)
            else:
                forward = looks_forward(text, match.start(), match.end(), match.group(1))
                if (day := _choose_year(options, base, forward)) is not None:
                    yield day


def _days_ago(text: str, base: dt.date) -> Iterator[dt.date]:
    """ "10 days ago", "two weeks ago"."""
    for match in AGO_RE.finditer(text):
        count_text, unit = match.group(1).lower(), match.group(2).lower()
        count = int(count_text) if count_text.isdigit() else NUMBER_WORDS.index(count_text) or 1
        yield base - dt.timedelta(days=count * (7 if unit.startswith("week") else 1))
