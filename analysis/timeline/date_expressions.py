"""Date expressions in news text and the calendar dates they name.

The words a report uses to say when something happened, found and turned into dates: "last night",
"yesterday", "today", "two days ago" and the weekdays ("on Friday", "early Sunday", "last Friday")
count back from a reference day; "March 22", "22 March", "Sunday, Feb. 16" and "on Nov. 3, 2015"
name a day of their own. ``PATTERNS`` lists the expressions (``kind``, regex), ``matches(kind, text)``
finds them, ``resolve(kind, match, reference)`` turns one into a date, and
``reference_date(text, published)`` says which day relative dates count from (the publication date,
or the page's own earlier "Posted:" stamp). Whose date an expression gives, the event's or a later
act's, is decided in ``analysis.timeline.event_dates``, which documents the rules and known misses.
"""

from __future__ import annotations

import datetime as dt
import re

import pandas as pd

MONTHS = {
    "January": 1, "Jan": 1, "February": 2, "Feb": 2, "March": 3, "Mar": 3, "April": 4, "Apr": 4,
    "May": 5, "June": 6, "Jun": 6, "July": 7, "Jul": 7, "August": 8, "Aug": 8,
    "September": 9, "Sept": 9, "Sep": 9, "October": 10, "Oct": 10, "November": 11, "Nov": 11,
    "December": 12, "Dec": 12,
}
WEEKDAYS = {"Monday": 0, "Tuesday": 1, "Wednesday": 2, "Thursday": 3, "Friday": 4, "Saturday": 5, "Sunday": 6}
_SMALL_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                  "eight": 8, "nine": 9, "ten": 10}

_MONTH = "(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?:,?\s+(?P<year>(?:19|20)\d\d))?"
_PART = r"(?:\s+(?:night|evening|morning|afternoon))?"
_WEEKDAY = "(?P<weekday>" + "|".join(WEEKDAYS) + ")"

# Each pattern is (kind, compiled regex). Weekday and month names must be capitalised,
# so "may rise" and "to march" are not dates. Only the words inside the match are reported.
# The long patterns open with a lookahead for the letters a match can start with (on, the, last, ... or a
# month or weekday name): the same matches, found without trying the optional words at every word.
# Earlier patterns claim their words first: "Sunday, Feb. 16" is one date, not a weekday and a date.
_MONTH_INITIALS = "".join(sorted({m[0] for m in MONTHS}))
_WEEKDAY_INITIALS = "".join(sorted({d[0] for d in WEEKDAYS}))
PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("weekday_date", re.compile(r"\b(?=[elo" + _WEEKDAY_INITIALS + r"])(?:(?:early|late)\s+)?(?:on\s+)?" + _WEEKDAY
                                + _PART + r",?\s+\(?" + _MONTH + r"\s+" + _DAY + r"(?![\d,]*\d)" + _YEAR + r"\b")),
    ("month_day", re.compile(r"\b(?=[ot" + _MONTH_INITIALS + r"])"
                             r"(?:(?:on|the night of|the morning of|the evening of)\s+)?" + _MONTH + r"\s+" + _DAY
                             + r"(?![\d,]*\d)" + _YEAR + r"\b")),
    ("day_month", re.compile(r"\b(?=[ot]|\d)(?:(?:on|the night of)\s+)?(?:the\s+)?" + _DAY + r"\s+(?:of\s+)?" + _MONTH
                             + _YEAR + r"\b")),
    ("day_before_yesterday", re.compile(r"\bthe day before yesterday\b", re.I)),
    ("yesterday", re.compile(r"\b(?:late\s+|early\s+)?yesterday" + _PART + r"\b", re.I)),
    ("last_night", re.compile(r"\b(?:(?:late|early)\s+)?last night\b", re.I)),
    ("today", re.compile(r"\b(?:earlier\s+)?(?:today|tonight|this (?:morning|afternoon|evening))\b", re.I)),
    ("days_ago", re.compile(r"\b(?P<n>\d{1,2}|a|an|one|two|three|four|five|six|seven|eight|nine|ten)\s+days?\s+ago\b",
                            re.I)),
    # a morning hour with no day: "shot at about 1 a.m.", "just before 3 a.m." (the day is checked by the caller)
    ("clock", re.compile(r"\b(?:at|about|around|approximately|shortly\s+(?:before|after)|just\s+(?:before|after)|"
                         r"after|before)\s+(?:about\s+|around\s+)?\d{1,2}(?::\d\d)?\s*a\.?m\b\.?", re.I)),
    ("weekday", re.compile(r"\b(?=[elopt" + _WEEKDAY_INITIALS + r"])(?:(?P<last>last|this past|past)\s+)?"
                           r"(?:(?:late\s+|early\s+)?on\s+(?:(?:a|an|the)\s+(?:[a-z]+\s+){0,3})?)?"
                           + _WEEKDAY + r"(?!'s? (?:prayers|market))" + _PART + r"\b")),
]
# Dates that stand on their own; the others are counted from the publication date.
ABSOLUTE = frozenset({"weekday_date", "month_day", "day_month"})

# Words every match of a pattern contains (same flags), found fast: a pattern is only tried in a window
# around them, never along the whole text (a pattern that may open with "on", "the", "last" ... would
# otherwise be tried at almost every word).
GUARDS: dict[str, re.Pattern[str]] = {
    "weekday_date": re.compile("|".join(WEEKDAYS)),
    "month_day": re.compile("|".join(MONTHS)),
    "day_month": re.compile("|".join(MONTHS)),
    "day_before_yesterday": re.compile("yesterday", re.I),
    "yesterday": re.compile("yesterday", re.I),
    "last_night": re.compile("last night", re.I),
    "today": re.compile("today|tonight|this (?:morning|afternoon|evening)", re.I),
    "days_ago": re.compile("ago", re.I),
    "weekday": re.compile("|".join(WEEKDAYS)),
    "clock": re.compile(r"\d\s*a\.?m\b", re.I),
}
BEFORE_GUARD, _AFTER_GUARD = 45, 60  # how far a match reaches before and after its guard words


def matches(kind: str, text: str):
    """The matches of pattern ``kind`` in ``text``, searched only around its guard words."""
    pattern = _PATTERN_OF[kind]
    windows: list[list[int]] = []
    for guard in GUARDS[kind].finditer(text):
        low, high = max(0, guard.start() - BEFORE_GUARD), min(len(text), guard.end() + _AFTER_GUARD)
        if windows and low <= windows[-1][1]:
            windows[-1][1] = high
        else:
            windows.append([low, high])
    for low, high in windows:
        yield from pattern.finditer(text, low, high)


_PATTERN_OF = dict(PATTERNS)

# The article's own date stamp near its top: "Posted: Sunday, February 16, 2014 1:50 PM",
# "(Published Monday, Aug. 4, 2014)", "First Posted: Jul 24, 2013". Stamps that say when the page was
# changed ("Updated: ...") or that open the text ("Monday, December 15, 2014 AUBURN, Ala. --",
# "CUMBERLAND, Ind. (Jan. 20, 2016) --") are only used when nothing better is known.
_STAMP_REACH = 600
_STAMP_DATE = (r"(?:" + _WEEKDAY + r",?\s+)?" + _MONTH + r"\s+" + _DAY + r",?\s+(?P<year>(?:19|20)\d\d)\b")
_OWN_STAMP = re.compile(r"\b(?:first\s+)?(?:posted|published|created)(?:\s+on)?\s*:?\s*" + _STAMP_DATE, re.I)
_OTHER_STAMP = re.compile(r"(?:\b(?:last\s+)?updated(?:\s+on)?\s*:?\s*|^\s*|\(\s*)" + _STAMP_DATE, re.I | re.M)


def as_date(value: object) -> dt.date | None:
    if value is None:
        return None
    try:
        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return pd.Timestamp(value).date()
    except (TypeError, ValueError):
        return None


def _stamp(text: str, pattern: re.Pattern[str]) -> dt.date | None:
    match = pattern.search(text, 0, _STAMP_REACH)
    if match is None:
        return None
    month = MONTHS.get(match["month"].capitalize())
    try:
        date = dt.date(int(match["year"]), month, int(match["day"])) if month else None
    except ValueError:
        return None
    if date is not None and match["weekday"] and date.weekday() != WEEKDAYS[match["weekday"].capitalize()]:
        return None
    return date


def reference_date(text: str, published: object) -> dt.date | None:
    """The day relative dates ("yesterday", "on Friday") count from.

    The article's own "Posted:"/"Published" stamp near its top when it is earlier than the
    publication date (which may be when an archive saw the page, or its last update), else the
    publication date; for an undated article, also an "Updated:" stamp or a date that opens the text.
    """
    published = as_date(published)
    own = _stamp(text, _OWN_STAMP)
    if own is not None and (published is None or own < published):
        return own
    if published is None:
        return _stamp(text, _OTHER_STAMP)
    return published


def resolve(kind: str, match: re.Match[str], published: dt.date | None) -> dt.date | None:
    groups = match.groupdict()
    if kind in ABSOLUTE:
        month = MONTHS[groups["month"]]
        day = int(groups["day"])
        if groups.get("year"):
            years = [int(groups["year"])]
        elif published is not None:
            # "March 22" in a January article is last year's March 22.
            years = [published.year, published.year - 1]
        else:
            return None
        for year in years:
            try:
                candidate = dt.date(year, month, day)
            except ValueError:
                return None
            if published is not None and candidate > published and not groups.get("year"):
                if (candidate - published).days <= 31:
                    return None  # "on April 30" in an April 10 article: a date to come, not last year's
                continue
            if kind == "weekday_date" and candidate.weekday() != WEEKDAYS[groups["weekday"]]:
                # "Sunday, Nov. 15" in a January article: the year whose Nov. 15 is a Sunday;
                # "Thursday, July 8, 2016" when July 8 was a Friday: one of them is wrong
                continue
            return candidate
        return None
    if published is None:
        return None
    if kind == "weekday":
        delta = (published.weekday() - WEEKDAYS[groups["weekday"]]) % 7
        if groups.get("last") and delta == 0:
            delta = 7
        return published - dt.timedelta(days=delta)
    if kind == "days_ago":
        n = groups["n"].lower()
        return published - dt.timedelta(days=int(n) if n.isdigit() else _SMALL_NUMBERS[n])
    offsets = {"day_before_yesterday": 2, "yesterday": 1, "last_night": 1, "today": 0, "clock": 0}
    return published - dt.timedelta(days=offsets[kind])
