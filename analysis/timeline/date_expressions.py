"""Date expressions in news text and the calendar dates they name.

The words a report uses to say when something happened, found and turned into dates: "last night",
"yesterday", "today", "two days ago" and the weekdays ("on Friday", "early Sunday", "last Friday") count
back from a reference day, and so does a morning hour with no day ("at about 1 a.m."); "March 22", "22
March", "Sunday, Feb. 16", "on Nov. 3, 2015" and the holidays of ``data/holidays.csv`` ("on New Year's Eve",
"Thanksgiving 1998", ``holiday_date``) name a day of their own. ``PATTERNS`` lists the expressions
(``kind``, regex), ``matches(kind, text)`` finds them, ``resolve(kind, match, reference)`` turns one into a
date, and ``reference_date(text, published)`` says which day relative dates count from (the publication
date, or the page's own earlier "Posted:" stamp or address date). Whose date an expression gives, the
event's or a later act's, is decided in ``analysis.timeline.event_dates``, which documents the rules and
known misses.
"""

from __future__ import annotations

import datetime as dt
import re

import pandas as pd

from analysis.data import DATA_DIR
from analysis.ingest.publication_dates import date_from_url

_HOLIDAYS_FILE = DATA_DIR / "holidays.csv"

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


_APOSTROPHE = re.compile("['\u2019]")


def _holiday_key(words: str) -> str:
    """A holiday's name as the table is keyed: "New Year\u2019s  Eve" -> "new years eve"."""
    return " ".join(_APOSTROPHE.sub("", words.lower()).split())


def _read_holidays() -> list[tuple[str, str]]:
    """``data/holidays.csv`` as ``[(name, rule), ...]``: ``("Fourth of July", "07-04")``,
    ``("Labor Day", "1 monday 09")``."""
    rows = []
    for line in _HOLIDAYS_FILE.read_text("utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#") and line != "name,rule":
            name, _, rule = line.rpartition(",")
            rows.append((name.strip(), rule.strip().lower()))
    return rows


def _name_pattern(name: str) -> str:
    """"Fourth of July" -> a regex for it: the first letter either case, any space between words, the
    apostrophe either way or left out."""
    first = f"[{name[0].upper()}{name[0].lower()}]" if name[0].isalpha() else re.escape(name[0])
    rest = re.escape(name[1:]).replace("\\ ", r"\s+").replace("'", "['\u2019]?")
    return first + rest


_HOLIDAY_ROWS = _read_holidays()
HOLIDAYS = {_holiday_key(name): rule for name, rule in _HOLIDAY_ROWS}
_HOLIDAY_NAMES = "|".join(_name_pattern(name) for name, _ in sorted(_HOLIDAY_ROWS, key=lambda row: -len(row[0])))


def _guard_word(name: str) -> str:
    """A word every mention of the holiday contains as written: "New Year's Eve" -> "Year", "Fourth of July" ->
    "July" (not the first word, whose first letter may be small)."""
    words = [_APOSTROPHE.split(w)[0] for w in name.split()]
    later = [w for w in words[1:] if w[:1].isupper()]
    return max(later, key=len) if later else words[0]


# Case-sensitive, so fast: where a holiday is looked for.
_HOLIDAY_GUARD = "|".join(sorted({re.escape(_guard_word(name)) for name, _ in _HOLIDAY_ROWS}))

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
    # "on New Year's Eve", "the Fourth of July shooting", "Thanksgiving 1998"; not "Labor Day weekend" nor "a
    # New Year's Eve party" (a stretch of days; a party that runs past midnight or falls on another day)
    ("holiday", re.compile(r"\b(?:on\s+)?(?P<holiday>" + _HOLIDAY_NAMES + r")"
                           r"(?!\s+(?i:holiday\s+)?(?i:weekends?|week|break|season|holidays?|party|parties|bash|"
                           r"gathering)\b)(?:,?\s+(?:of\s+)?(?P<year>(?:19|20)\d\d))?\b")),
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
    "holiday": re.compile(_HOLIDAY_GUARD),
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

# The article's own date stamp near its top: "Posted: Tuesday, March 11, 2014 4:05 PM",
# "(Published Monday, Aug. 4, 2014)", "First Posted: Jul 24, 2013", "Created: 01/26/2015" (_NUMERIC_STAMP).
# Stamps that say when the page was changed ("Updated: ...") or that open the text ("Monday, December 15, 2014
# AUBURN, Ala. --", "CUMBERLAND, Ind. (Jan. 20, 2016) --") are only used when nothing better is known.
_STAMP_REACH = 600
_STAMP_DATE = (r"(?:" + _WEEKDAY + r",?\s+)?" + _MONTH + r"\s+" + _DAY + r",?\s+(?P<year>(?:19|20)\d\d)\b")
_OWN_STAMP = re.compile(r"\b(?:first\s+)?(?:posted|published|created)(?:\s+on)?\s*:?\s*" + _STAMP_DATE, re.I)
_OTHER_STAMP = re.compile(r"(?:\b(?:last\s+)?updated(?:\s+on)?\s*:?\s*|^\s*|\(\s*)" + _STAMP_DATE, re.I | re.M)
# The page's own stamps, and how far from the top they are looked for.
STAMP_PATTERNS = (_OWN_STAMP, _OTHER_STAMP)
STAMP_REACH = _STAMP_REACH


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


# "Created: 01/26/2015 1:24 PM", "Posted: 3/14/2016": a numeric stamp, read only when its order is plain (one of the
# first two numbers above 12, and month first as US pages write it: "01/26/2015").
_NUMERIC_STAMP = re.compile(r"\b(?:first\s+)?(?:posted|published|created)(?:\s+on)?\s*:?\s*"
                            r"(?P<month>\d{1,2})/(?P<day>\d{1,2})/(?P<year>(?:19|20)\d\d)\b", re.I)


def _numeric_stamp(text: str) -> dt.date | None:
    match = _NUMERIC_STAMP.search(text, 0, _STAMP_REACH)
    if match is None:
        return None
    month, day = int(match["month"]), int(match["day"])
    if month > 12 or day <= 12:
        return None  # "14/03/2016" is day first, "03/04/2016" either: not read
    try:
        return dt.date(int(match["year"]), month, day)
    except ValueError:
        return None


def _stamp(text: str, pattern: re.Pattern[str]) -> dt.date | None:
    match = pattern.search(text, 0, _STAMP_REACH)
    if match is None:
        return _numeric_stamp(text) if pattern is _OWN_STAMP else None
    month = MONTHS.get(match["month"].capitalize())
    try:
        date = dt.date(int(match["year"]), month, int(match["day"])) if month else None
    except ValueError:
        return None
    if date is not None and match["weekday"] and date.weekday() != WEEKDAYS[match["weekday"].capitalize()]:
        return None
    return date


def reference_date(text: str, published: object, *, url: str = "") -> dt.date | None:
    """The day relative dates ("yesterday", "on Friday") count from.

    The article's own "Posted:"/"Published" stamp near its top, or the date in its address
    (``/2016/03/07/``), when it is earlier than the publication date (which may be when an archive
    saw the page, or its last update), else the publication date; for an undated article, also an
    "Updated:" stamp or a date that opens the text.
    """
    published = as_date(published)
    own = _stamp(text, _OWN_STAMP)
    in_url = date_from_url(url) if url else None
    if in_url is not None and (own is None or in_url < own):
        own = in_url
    if own is not None and (published is None or own < published):
        return own
    if published is None:
        return _stamp(text, _OTHER_STAMP)
    return published


def _easter(year: int) -> dt.date:
    """Easter Sunday of ``year`` (Gregorian; the anonymous algorithm of 1876)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    weekday = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * weekday) // 451
    month, day = divmod(h + weekday - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def holiday_date(name: str, year: int) -> dt.date | None:
    """The day a holiday of ``HOLIDAYS`` falls on in ``year``: ``("labor day", 2016)`` -> 2016-09-05."""
    rule = HOLIDAYS.get(_holiday_key(name))
    if rule is None:
        return None
    if rule == "easter":
        return _easter(year)
    if re.fullmatch(r"\d\d-\d\d", rule):
        return dt.date(year, int(rule[:2]), int(rule[3:]))
    nth, weekday, month, *shift = rule.split()
    target = [w.lower() for w in WEEKDAYS].index(weekday)
    if nth == "last":
        last = dt.date(year + int(month) // 12, int(month) % 12 + 1, 1) - dt.timedelta(days=1)
        date = last - dt.timedelta(days=(last.weekday() - target) % 7)
    else:
        first = dt.date(year, int(month), 1)
        date = first + dt.timedelta(days=(target - first.weekday()) % 7 + 7 * (int(nth) - 1))
    return date + dt.timedelta(days=int(shift[0]) if shift else 0)


def resolve(kind: str, match: re.Match[str], published: dt.date | None) -> dt.date | None:
    groups = match.groupdict()
    if kind == "holiday":
        if groups.get("year"):
            return holiday_date(groups["holiday"], int(groups["year"]))
        if published is None:
            return None
        for year in (published.year, published.year - 1):
            date = holiday_date(groups["holiday"], year)
            if date is not None and date <= published:
                return date
            if date is not None and (date - published).days <= 31:
                return None  # "on Thanksgiving" in a November 10 article: a day to come
        return None
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
