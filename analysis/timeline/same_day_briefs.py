"""Same-day briefs: a report that names no day and tells of an unfolding event is dated the day it counts from.

Rule 7 of ``analysis.timeline.event_dates``, which applies it only when no other date is found. A report whose
title and text name no day at all (no weekday, date, holiday or month, no "yesterday" or "today", none of the
[other times] of ``data/same_day_briefs.txt``: "overnight", "last week", "days ago") and that opens on the event
as still unfolding ("Police are investigating a shooting ...", "the boy is in critical condition", "is listed in
serious condition", in the first 600 characters) or gives an afternoon hour ("shortly after 1 p.m.", "around noon")
was written the day it happened: a follow-up names the day of the event or of its later acts ("was arrested
Tuesday", "last month's shooting"). An evening hour or "midnight" is not read (as often the night before), nor an
undated article (it has no day to count from). The page's own stamps are not the story's words: "Updated: Tuesday,
March 8, 2016 @ 4:55 PM" near the top, "UPDATE @ 4:30 p.m." and an embedded post's signed date name no day and give
no hour (``without_stamps``).

Known misses: a brief written the evening of the event and published the next morning, naming no day, is dated the
day of publication.
"""

from __future__ import annotations

import re
from functools import lru_cache

from analysis.data import DATA_DIR, read_sections
from analysis.timeline.date_expressions import MONTHS, PATTERNS, STAMP_PATTERNS, STAMP_REACH, matches

BRIEFS_FILE = DATA_DIR / "same_day_briefs.txt"


@lru_cache(maxsize=1)
def _brief_words() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """``data/same_day_briefs.txt`` as two patterns: an opening that tells of the event as still unfolding
    ("are investigating", "is in critical condition"), and a word naming another time ("overnight")."""
    sections = read_sections(BRIEFS_FILE.read_text("utf-8"))

    def alternatives(words: list[str]) -> str:
        return "|".join(r"\s+".join(map(re.escape, w.split())) for w in sorted(words, key=len, reverse=True))

    ongoing = re.compile(r"\b(?:is|are)\s+(?:now\s+|still\s+)?(?:listed\s+)?(?:"
                         + alternatives(sections.get("ongoing", [])) + r")\b", re.I)
    other = re.compile(r"\b(?:" + alternatives(sections.get("other times", [])) + r")\b", re.I)
    return ongoing, other


# An embedded post's signature and date: "\u2014 A Reporter (@areporter) May 2, 2016".
_SIGNED_POST = re.compile(r"\(@\w+\)\s*[A-Z][a-z]+\.?\s+\d{1,2},?\s+\d{4}")
# "UPDATE @ 4:30 p.m.", "Updated at 4:05 PM": when the page changed.
_UPDATE_HOUR = re.compile(r"\bupdated?\s*(?:@|at|:)?\s*\d{1,2}:\d\d\s*[ap]\.?m\b\.?", re.I)
_STAMP_HOUR = re.compile(r"\s*(?:@|at|-)?\s*\d{1,2}:\d\d\s*[ap]\.?m\b\.?", re.I)
# A month named alone ("in January"); "May" is left out, it is as often the verb.
_MONTH_ALONE = re.compile(r"\b(?:" + "|".join(m for m in MONTHS if len(m) > 3 and m != "May") + r")\b")
# An afternoon hour: "shortly after 1 p.m.", "about 5pm", "around noon" (an evening hour or "midnight" may be the
# night before the report, as with rule 1's bare hours).
_AFTERNOON = re.compile(r"\b(?:12|[1-5])(?::\d\d)?\s*p\.?m\b\.?|\bnoon\b", re.I)
# How far into the text an opening that tells of the event as still unfolding is looked for.
_OPENING_REACH = 600


def names_a_day(text: str) -> bool:
    """Does ``text`` name any day or time other than the report's own: a weekday, a date, a holiday,
    "yesterday", "today", a month, or a word of [other times] ("overnight", "last week")?"""
    if _MONTH_ALONE.search(text) or _brief_words()[1].search(text):
        return True
    return any(next(matches(kind, text), None) is not None for kind, _ in PATTERNS if kind != "clock")


def without_stamps(text: str) -> str:
    """``text`` with the page's own date stamps near its top ("Updated: Tuesday, March 8, 2016 @ 4:55 PM",
    "Posted: Mar 3, 2016"), its update hours ("UPDATE @ 4:30 p.m.") and the dates that sign embedded posts blanked
    out: they say when the page or the post was written, not a day or an hour the story names."""
    spans = [m.span() for pattern in STAMP_PATTERNS for m in pattern.finditer(text, 0, STAMP_REACH)]
    spans += [m.span() for m in _SIGNED_POST.finditer(text)]
    spans += [m.span() for m in _UPDATE_HOUR.finditer(text)]
    if not spans:
        return text
    chars = list(text)
    for low, high in spans:
        hour = _STAMP_HOUR.match(text, high)  # "... 2016 @ 4:55 PM": the stamp's hour goes with it
        high = hour.end() if hour else high
        chars[low:high] = " " * (high - low)
    return "".join(chars)


def same_day_brief(text: str, title: str = "") -> str:
    """The words that make ``text`` a same-day brief (rule 7), or "" when it is none.

    A report that names no day at all (``names_a_day`` is false for its title and its text) and, in its
    opening, tells of the event as still unfolding ("Police are investigating a shooting ...", "the boy is
    in critical condition") or gives the hour it happened ("shortly after 1 p.m."), was written the day it
    happened: a follow-up names the day of the event or of the later act ("was arrested Tuesday", "last
    month").
    """
    text = without_stamps(text)
    if names_a_day(title) or names_a_day(text):
        return ""
    ongoing = _brief_words()[0].search(title) or _brief_words()[0].search(text, 0, _OPENING_REACH)
    if ongoing is not None:
        return ongoing.group(0)
    hour = _AFTERNOON.search(text)
    return hour.group(0) if hour is not None else ""
