"""When did the event happen? Resolve the article's own words against its publication date.

News reports say when the event happened relative to when they were written:
"late last night", "on Friday", "yesterday", "on March 22", "two days ago". This
module finds such an expression in a sentence that is about the event and turns it
into a calendar date, so the toll chart can show event time beside report time.
``add_event_dates(articles)`` fills the ``event_date`` and ``event_date_text``
columns of the articles table; ``resolve_event_date(text, published)`` does one text.

Nothing is guessed silently: when no expression is found, or it cannot be resolved
(a relative expression in an undated article), the date is empty.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

from analysis.data import DATA_DIR

_CUES_FILE = DATA_DIR / "event_date_cues.txt"

_MONTHS = {
    "January": 1, "Jan": 1, "February": 2, "Feb": 2, "March": 3, "Mar": 3, "April": 4, "Apr": 4,
    "May": 5, "June": 6, "Jun": 6, "July": 7, "Jul": 7, "August": 8, "Aug": 8,
    "September": 9, "Sept": 9, "Sep": 9, "October": 10, "Oct": 10, "November": 11, "Nov": 11,
    "December": 12, "Dec": 12,
}
_WEEKDAYS = {"Monday": 0, "Tuesday": 1, "Wednesday": 2, "Thursday": 3, "Friday": 4, "Saturday": 5, "Sunday": 6}
_SMALL_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                  "eight": 8, "nine": 9, "ten": 10}

_MONTH = "(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?:,?\s+(?P<year>(?:19|20)\d\d))?"
_PART = r"(?:\s+(?:night|evening|morning|afternoon))?"

# Each pattern is (kind, compiled regex). Weekday and month names must be capitalised,
# so "may rise" and "to march" are not dates. Only the words inside the match are reported.
# The long patterns open with a lookahead for the letters a match can start with (on, the, last, ... or a
# month or weekday name): the same matches, found without trying the optional words at every word.
_MONTH_INITIALS = "".join(sorted({m[0] for m in _MONTHS}))
_WEEKDAY_INITIALS = "".join(sorted({d[0] for d in _WEEKDAYS}))
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("month_day", re.compile(r"\b(?=[ot" + _MONTH_INITIALS + r"])"
                             r"(?:(?:on|the night of|the morning of|the evening of)\s+)?" + _MONTH + r"\s+" + _DAY
                             + r"(?![\d,]*\d)" + _YEAR + r"\b")),
    ("day_month", re.compile(r"\b(?=[ot]|\d)(?:(?:on|the night of)\s+)?(?:the\s+)?" + _DAY + r"\s+(?:of\s+)?" + _MONTH
                             + _YEAR + r"\b")),
    ("day_before_yesterday", re.compile(r"\bthe day before yesterday\b", re.I)),
    ("yesterday", re.compile(r"\b(?:late\s+|early\s+)?yesterday" + _PART + r"\b", re.I)),
    ("last_night", re.compile(r"\b(?:(?:late|early)\s+)?(?:last night|overnight|in the early hours)\b", re.I)),
    ("today", re.compile(r"\b(?:earlier\s+)?(?:today|tonight|this (?:morning|afternoon|evening))\b", re.I)),
    ("days_ago", re.compile(r"\b(?P<n>\d{1,2}|a|an|one|two|three|four|five|six|seven|eight|nine|ten)\s+days?\s+ago\b",
                            re.I)),
    ("last_week", re.compile(r"\b(?:last week|a week ago|one week ago)\b", re.I)),
    ("weekday", re.compile(r"\b(?=[elopt" + _WEEKDAY_INITIALS + r"])(?:(?P<last>last|this past|past)\s+)?"
                           r"(?:(?:late\s+|early\s+)?on\s+(?:(?:a|an|the)\s+(?:[a-z]+\s+){0,3})?)?"
                           r"(?P<weekday>" + "|".join(_WEEKDAYS) + r")(?!'s? (?:prayers|market))" + _PART + r"\b")),
]

# Words every match of a pattern contains (same flags): a text without them is not searched with the pattern.
_GUARDS: dict[str, re.Pattern[str]] = {
    "month_day": re.compile("|".join(_MONTHS)),
    "day_month": re.compile("|".join(_MONTHS)),
    "day_before_yesterday": re.compile("yesterday", re.I),
    "yesterday": re.compile("yesterday", re.I),
    "last_night": re.compile("night|early hours", re.I),
    "today": re.compile("today|tonight|this", re.I),
    "days_ago": re.compile("ago", re.I),
    "last_week": re.compile("week", re.I),
    "weekday": re.compile("|".join(_WEEKDAYS)),
}

# A date right after these words is a reference point, not the event: "since March 22".
_REFERENCE_BEFORE = re.compile(r"\b(?:since|until|till|before|after|following|by|from|next|coming|anniversary of)"
                               r"(?:\s+the)?\s*$", re.I)
# "the agency said on Sunday": the date of a statement, not of the event.
_STATEMENT_BEFORE = re.compile(r"\b(?:said|says|told\s+\w+|announced|reported|confirmed|added|stated|tweeted|posted)"
                               r"\s*$", re.I)
# A sentence about the count ("the toll rose to 27 on Tuesday") dates the update, not the event.
_COUNT_UPDATE = re.compile(r"\b(?:toll|tally|rose|risen|climbed|increased|stands at|stood at|revised|updated)\b", re.I)
_SENTENCE_END = re.compile(r"[.!?](?=\s|$)|\n")


@dataclass(frozen=True)
class _Candidate:
    date: dt.date
    words: str
    start: int


@lru_cache(maxsize=1)
def event_cues() -> tuple[re.Pattern[str], ...]:
    """The cue words of ``data/event_date_cues.txt`` as whole-word patterns."""
    cues = []
    for line in _CUES_FILE.read_text(encoding="utf-8").splitlines():
        line = line.strip().lower()
        if line and not line.startswith("#"):
            cues.append(re.compile(r"\b" + r"\s+".join(map(re.escape, line.split())) + r"\b", re.I))
    return tuple(cues)


def _sentence_around(text: str, start: int, end: int) -> str:
    left = 0
    for match in _SENTENCE_END.finditer(text, 0, start):
        left = match.end()
    right_match = _SENTENCE_END.search(text, end)
    right = right_match.end() if right_match else len(text)
    return text[left:right]


def _has_cue(sentence: str) -> bool:
    return _any_cue().search(sentence) is not None


@lru_cache(maxsize=1)
def _any_cue() -> re.Pattern[str]:
    """One pattern matching where any of ``event_cues()`` would."""
    return re.compile("|".join(f"(?:{cue.pattern})" for cue in event_cues()) or "(?!)", re.I)


def _as_date(value: object) -> dt.date | None:
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


def _resolve(kind: str, match: re.Match[str], published: dt.date | None) -> dt.date | None:
    groups = match.groupdict()
    if kind in ("month_day", "day_month"):
        month = _MONTHS[groups["month"]]
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
            if published is None or candidate <= published:
                return candidate
        return None
    if published is None:
        return None
    if kind == "weekday":
        delta = (published.weekday() - _WEEKDAYS[groups["weekday"]]) % 7
        if groups.get("last") and delta == 0:
            delta = 7
        return published - dt.timedelta(days=delta)
    if kind == "days_ago":
        n = groups["n"].lower()
        return published - dt.timedelta(days=int(n) if n.isdigit() else _SMALL_NUMBERS[n])
    offsets = {"day_before_yesterday": 2, "yesterday": 1, "last_night": 1, "today": 0, "last_week": 7}
    return published - dt.timedelta(days=offsets[kind])


def _candidates(text: str, published: dt.date | None, max_days_before: int) -> list[_Candidate]:
    found: list[_Candidate] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in _PATTERNS:
        if not _GUARDS[kind].search(text):
            continue
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(start < t_end and t_start < end for t_start, t_end in taken):
                continue  # "the day before yesterday" already claimed these words
            if _REFERENCE_BEFORE.search(text[max(0, start - 30):start]):
                continue
            if _STATEMENT_BEFORE.search(text[max(0, start - 30):start]):
                continue
            sentence = _sentence_around(text, start, end)
            if _COUNT_UPDATE.search(sentence) or not _has_cue(sentence):
                continue
            date = _resolve(kind, match, published)
            if date is None:
                continue
            if published is not None and not (0 <= (published - date).days <= max_days_before):
                continue
            taken.append((start, end))
            found.append(_Candidate(date, match.group(0), start))
    return sorted(found, key=lambda c: c.start)


def resolve_event_date(text: str, published: object, *, max_days_before: int = 31) -> tuple[dt.date | None, str]:
    """The date the event happened, resolved from ``text`` relative to ``published``.

    Rules:
      - Expressions understood: "late last night", "last night", "overnight", "in the early hours"
        (publication day - 1); "yesterday" (- 1); "the day before yesterday" (- 2); "today",
        "tonight", "this morning" (the publication day); "two days ago", "3 days ago" (- n);
        "last week", "a week ago" (- 7, so only week-precise); "on Friday", "Friday night",
        "on a seemingly ordinary Friday" (the latest Friday on or before the publication day;
        "last Friday" is strictly before it); "on March 22", "22 March", "March 22, 2024"
        (a missing year is the publication year, or the year before when that
        would put the date after publication).
      - Only expressions in a sentence that also contains an event cue from
        ``data/event_date_cues.txt`` ("attack", "unfolded", "earthquake", "happened", ...) count.
      - An expression right after "since", "until", "before", "after", "following", "by", "from",
        "next", "coming" is a reference point, not the event, and is skipped; so is one right
        after "said", "announced", "reported", ... (the date of a statement), and any in a
        sentence about the count ("toll", "rose", "revised", "stands at": the date of an update).
      - A resolved date after publication, or more than ``max_days_before`` days before it, is
        skipped (likely a scheduled or an earlier event mentioned for context).
      - The first remaining expression in the text wins: the lede usually says when.
      - Without a publication date only absolute dates with a year resolve.

    Known misses: two events in one article (the first dated one wins); "last weekend",
    "earlier this week", "on the 22nd" (no month), times of day across midnight ("overnight"
    is read as the night before publication even when it means the small hours of the
    publication day); publication times in another time zone than the event; a weekday
    whose sentence has no cue word; an event dated only in a sentence that also gives the toll
    ("killing 12 on Friday, the toll rose ..."); "Friday" read as a weekday even in "Black Friday".

    Args:
        text: the article text.
        published: publication date (date, datetime, Timestamp or NaT/None).
        max_days_before: how far before publication an event date may lie.

    Returns:
        ``(date, words)``: the event date (``datetime.date``) and the words it was resolved
        from, or ``(None, "")`` when none was found.
    """
    found = _candidates(text or "", _as_date(published), max_days_before)
    if not found:
        return None, ""
    return found[0].date, found[0].words


def add_event_dates(articles: pd.DataFrame, *, max_days_before: int = 31) -> pd.DataFrame:
    """A copy of ``articles`` with ``event_date`` and ``event_date_text`` filled in.

    ``event_date`` is a datetime64 column (NaT when unknown), like ``published``;
    ``event_date_text`` holds the words it was resolved from ("" when unknown).
    See ``resolve_event_date`` for the rules.
    """
    out = articles.copy()
    resolved = [
        resolve_event_date(text, published, max_days_before=max_days_before)
        for text, published in zip(out.get("text", pd.Series(dtype=object)).fillna(""),
                                    out.get("published", pd.Series(pd.NaT, index=out.index)))
    ]
    published_dtype = out["published"].dtype if "published" in out else None
    unit = published_dtype if pd.api.types.is_datetime64_dtype(published_dtype) else "datetime64[ns]"
    out["event_date"] = pd.to_datetime(pd.Series([d for d, _ in resolved], index=out.index, dtype=object)).astype(unit)
    out["event_date_text"] = pd.Series([w for _, w in resolved], index=out.index, dtype=object)
    return out
