"""When did the event happen? Resolve the article's own words against its publication date.

News reports say when the event happened relative to when they were written: "late last night",
"on Friday", "yesterday", "on March 22", "two days ago". This module finds such expressions, keeps
those that date the event itself (not the arrest, the hearing, the statement or the vigil that
followed), and turns the best one into a calendar date, so the toll chart can show event time beside
report time. ``add_event_dates(articles)`` fills the ``event_date`` and ``event_date_text`` columns of
the articles table; ``resolve_event_date(text, published)`` does one text. The expressions and
their arithmetic (rules 1 to 3) live in ``analysis.timeline.date_expressions``, the same-day briefs
(rule 7) in ``analysis.timeline.same_day_briefs``; this module decides whose date each one gives and
which one wins.

Rules, in the order they apply:

1. Expressions: "last night", "late last night" (publication day - 1); "yesterday" (- 1); "the day before
   yesterday" (- 2); "today", "tonight", "this morning" (the publication day); "two days ago" (- n); "on
   Friday", "Friday night", "early Sunday", "on a quiet Friday" (the latest Friday on or before the
   publication day; "last Friday" is strictly before it); "March 22", "22 March", "on the night of Nov. 3,
   2015"; a weekday with a date, "Sunday, Feb. 16" or "Saturday (Dec. 5)", is one expression whose weekday
   must agree with the date. Holidays that name a day ("on New Year's Eve", "the Fourth of July shooting",
   "shot on Christmas Eve", "Thanksgiving 1998"; ``data/holidays.csv``) are dates like "March 22"; "Labor Day
   weekend" and "a New Year's Eve party" are not. "Overnight", "in the early hours" and "last week" are not
   resolved: they straddle midnight or name no day. A morning hour with no day named within a few words
   ("shot at about 1 a.m.", "it happened just before 3 a.m.") is the counting day: a report that gives the
   hour and no day tells of the morning it was written. It is the last resort (rule 6). An evening hour
   ("around 9 p.m.") is as often the evening before, and is not read.
2. Counting from: the publication date, unless the page's own stamp near its top ("Posted: Sunday, February
   16, 2014", "(Published Monday, Aug. 4, 2014)", "Created: 01/26/2015 1:24 PM" when its order is plain) or
   the date in its address (``/2016/03/07/``) is earlier (an archive's date can be a later update). An
   undated article counts from an "Updated:" stamp or a date that opens its text, if it has one, and
   otherwise resolves only dates that state their year.
3. A year-less "March 22" is in the year of the counting date, or the year before when it would fall
   after it, except within a month after it ("on April 30" in an April 10 report is a date to come):
   no date. A stated weekday picks the year ("Sunday, Nov. 15" in a January report). Dates after
   publication are dropped; so are year-less dates more than ``max_days_before`` (a year) before it.
   A date that states its year is kept however old (a trial story about "the May 7, 2015, shooting").
4. Whose date is it? The nearest cue word decides (event cues in ``data/event_date_cues.txt``;
   ``data/event_date_context.txt`` lists the [after] words: arrests, charges, courts, statements,
   vigils, funerals, the count, what is to come):
   - a word the date qualifies, right after it: "Sunday's shooting", "a Thursday night double
     homicide", "the May 7, 2015, shooting" date the event; "Monday's hearing", "a Friday news
     conference" do not;
   - else the nearest word to its left: "was shot and killed Friday night" dates the event, "was
     arrested Tuesday in the shooting", "pleaded guilty Monday", "police said Sunday" do not; a
     [reporting] verb owns only a date right after it, not one at the end of the clause it reports
     ("police said the boy was playing in the yard Sunday when he was hit", "the chief says at about 4:20 Sunday
     morning, dispatchers took a call": the hour tells of the event, not of the statement), and one right before it
     only after "on" ("the coroner on Friday said"; not "a robbery Sunday said he is recovering");
   - a [subject] verb ("happened", "took place", "began") passes the decision to the word just
     before it: "the shooting happened Sunday" dates the event, "the hearing began Monday" does not,
     "it happened around 2 a.m. Sunday" does; a relative "that" or "which" passes it on too ("a manhunt
     that began Monday" is the manhunt's);
   - a date with no cue word to its left takes the first one to its right: fairly surely when the
     date opens its clause ("Shortly after midnight Saturday, officers responded to ..."; "On
     Tuesday, police announced charges" is not the event), weakly otherwise ("was home Saturday
     when the shooting began"); a [reporting] verb there is passed over ("Late Saturday, witnesses
     told police a man fired into the crowd": the date opens the reported clause);
   - a date with no cue word at all counts only given to the hour ("near 2:40 a.m. Sunday",
     "drove to the store at 7 a.m. Tuesday"), and only as a last resort, like a bare morning hour;
   - "died Sunday", "pronounced dead Sunday" and "found dead Sunday" are weak: a death or a discovery may
     come days after the shooting; so is a scene in the past progressive with no cue word ("was sitting in
     his living room Saturday night"), or of one person somewhere ("was at the pool Tuesday night"; not "were
     at the church on Wednesday", which is as often the days after);
   - an event word that has a time of its own between it and the date, one the date is not in, gives the date
     nothing: "a woman wounded in the shooting last week went home on Tuesday" (this week), "indicted in the
     shooting of a boy in November, walked free on Wednesday" (in March), "shot Friday ... talked to detectives
     Sunday" (the date is a later act's, whose verb is in no list); the same time told twice is no other ("shot
     last month as she rode home on April 16" in a May report, "died three days later" excepted);
   - "fired" followed by a person ("fired Officer Brandt on Monday", "fired him") is a dismissal, not shots;
   - the words of an attribution to the left decide nothing: "According to the arrest warrant, the two men argued
     outside a tavern late on May 3 before ..." (the warrant names the source; the nearest cue before it
     decides, or the one after the date);
   - a capitalised word next to another capitalised word is a name ("Memorial Park", "Pershing
     Court"), not a cue (titles excepted); an [after] word right before a noun of [people and papers] names
     someone or something, not a later act ("a jail inmate grabbed a deputy's pistol Friday", "court records").
5. Skipped outright: a date right after "since", "until", "through", "before", "after", "as of", "next" ... (a
   reference point; but "after Sunday's shooting" names the event); a weekday after "a year ago", "last
   month" (another week); a date right after "said", "announced", "Posted:", "Updated:" or an embedded
   post's "(@handle)" signature; a date inside an attribution, "according to a statement released Sunday" (the
   source's day); a date alone in parentheses, "(November 28, 2016) -"; a date hyphened to the word before ("the
   day-after-Christmas shooting"); a relative date inside a quotation or an embedded post ("'we lost two friends
   today,' the chief said": counted from when it was said; straight and curly marks are counted together, as a
   quotation opened with one may close with the other); a weekday, date and year set off by a comma, or a date
   and year followed by a place or a station, the way photo captions end
   ("Detectives search the yard, Monday, Oct. 3, 2016.", "... at the gate Saturday, May 14, 2016, in
   Dayton", "..., March 9, 2017 (KXYZ)"): the picture's day, often days after; a calendar date ("Nov. 7",
   "June 15, 2013") more than ``_DEEP`` (3,000) characters into the text, some 500 words past the lede:
   long reports end on background, an earlier incident recalled ("... also faces a charge in the Nov. 7
   shooting of ..."). Weekdays and "yesterday" there still count, counted from the report's own day; a bare
   morning hour (rule 6's last resort) does not: such a report is no same-day brief. After words that tell the
   event is "the second (shooting) in less than a month" or "the third such incident in a week", the rest of that
   sentence and the next one tell of the earlier incident ("The shooting is the second in less than a month on
   the road. A girl was hurt there Nov. 22 ..."): their dates are skipped.
6. The title is read first, then the text; the first strong date wins (the lede usually says when), else the
   first one found by a clause-opening date, else the first weak one (a death or a discovery after the
   others), else a morning hour or a day given to the hour; with none, a same-day brief's day (rule 7), else
   the date is empty. A weekday counted
   from the publication date gives way to a later stated date of the same weekday ("shot Monday night" ...
   "Monday, May 23" in a story the archive dates June 1).
   Sentences are split as in ``analysis.ingest.text`` ("2 a.m. Sunday" stays one sentence).
7. Same-day briefs (``data/same_day_briefs.txt``; ``analysis.timeline.same_day_briefs``): with no date found, a
   report whose title and text name no day at all and that opens on the event as still unfolding ("Police are
   investigating a shooting ...", "the boy is in critical condition") or gives an afternoon hour is dated the day it
   counts from.

Known misses: an article about several incidents (a weekend round-up; an arrest story that also
recalls an earlier shooting) takes its first dated one; late-night events that the record dates to the
next day ("Saturday night" for a shooting logged at 12:30 a.m. Sunday) and small-hours events written
up the same morning; relative dates in a story the archive dates days after it was written, with no
stamp saying so; a date whose verb is in no list ("He drove to his sister's house on October 9") or
whose sentence names the event only in a clause further on; "found" alone (found dead, or found the
suspect?) is not a cue; "on the 22nd" (no month); a morning hour in a story written days later ("the
fight broke out about 4 a.m.") is read as the day it was published; a "New Year's Eve shooting" after
midnight is dated December 31; a holiday in a related story's teaser ("a brief on another town's Christmas
Day robbery...") is read as this one's; an undated article (no publication date, no stamp)
resolves only dates that state their year, even "Sunday, Dec. 14", whose weekday would pick the year
among a few (the span of its collection's publication years would pick one, but on real news the recorded
years disagreed as often as they agreed); a brief written the evening of the event and published the next
morning, naming no day, is dated the day of publication (rule 7); a word for a later act used to name a person
whose noun is not in [people and papers] ("a jail trusty took a deputy's pistol Friday") is read as that act;
an attribution told without "according to" ("deputies wrote in a release that a driver was waved over Tuesday
night") leaves the date to the reported clause, which here names no cue word; an event told twice in one clause
("was shot in March and again on Sunday") keeps only its first time, and so does a death told before the
injury by a word in no list ("died Tuesday of injuries she suffered Jan. 2": Jan. 2 is lost); a recalled incident told without a count
("comes two weeks after a crash that killed two students ... on Oct. 3") is read as this one; after "the second
in a week", a sentence that tells of this event again loses its date (the lede has usually given it).
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

import pandas as pd

from analysis.data import DATA_DIR, read_sections, read_words
from analysis.ingest.text import split_sentences
from analysis.timeline.date_expressions import (
    ABSOLUTE,
    MONTHS,
    PATTERNS,
    WEEKDAYS,
    matches,
    reference_date,
    resolve,
)
from analysis.timeline.same_day_briefs import same_day_brief

_CUES_FILE = DATA_DIR / "event_date_cues.txt"
_CONTEXT_FILE = DATA_DIR / "event_date_context.txt"


# A date right after these words is a reference point, not the event: "since March 22".
_REFERENCE_BEFORE = re.compile(r"\b(?:since|until|till|through|thru|before|after|following|by|from|next|coming|"
                               r"anniversary of|as of)"
                               r"(?:\s+the)?\s*$", re.I)
# "two years ago this week, on Easter Sunday", "last year on Friday": a weekday of another week.
_DISTANT_BEFORE = re.compile(r"\b(?:(?:a|one|two|three|\d+|several|many)\s+(?:years?|months?|weeks?)\s+ago|"
                             r"last\s+(?:year|month)|(?:years?|months?)\s+earlier)\b[^.;]{0,30}$", re.I)
# "the agency said on Sunday": the date of a statement, not of the event.
# So is the date that signs an embedded post: "... pic.twitter.com/x — A Reporter (@areporter) June 26, 2016".
# And the page's own stamp: "Posted: Sunday, February 16, 2014", "Updated Oct 5, 2016".
_STATEMENT_BEFORE = re.compile(r"(?:\b(?:said|says|told\s+\w+|announced|reported|confirmed|added|stated|tweeted|posted|"
                               r"published|updated|created)\s*:?|\(@\w+\))\s*$", re.I)
# Words a date may stand before when it names the event: "Sunday's shooting", "a Friday night double homicide".
_MODIFIER = re.compile(r"night|morning|afternoon|evening|early|late|deadly|fatal|double|triple|quadruple|mass|"
                       r"[a-z]+-[a-z]+")
_TOKEN = re.compile(r"\w+(?:-\w+)*")
_PLAIN_GAP = re.compile(r"\s+(?:[\w-]+\s+)*")
# A calendar date this far into the text (characters, some 500 words) is an earlier event recalled, not the
# article's own: a report dates its own event in the lede, and long articles end on background.
_DEEP = 3000
# How far to the left (characters) the nearest cue word is looked for.
_LEFT_REACH = 160
# A date that opens its clause: only time words between it and the start of the sentence or a comma.
_CLAUSE_OPENING = re.compile(r"(?:^|[,;:\u2014\u2013(\"\u201c]|\s-)(?:\s*(?:on|at|about|around|approximately|shortly|"
                             r"just|before|after|early|late|later|earlier|until|by|in|the|then|and|but|noon|midnight|"
                             r"\d{1,2}(?::\d\d)?|a\.m\.|p\.m\.|am|pm|o'clock)\b\.?)*\s*$", re.I)
# "died Sunday after being shot on Friday", "found dead Tuesday": a death or a discovery may come days after the event.
_DEATH = re.compile(r"died|dies|pronounced dead|found dead|(?:body|bodies) (?:was|were) found|found the bod(?:y|ies)",
                    re.I)
_NEXT_WORD = re.compile(r"[ \t]+([A-Za-z]+)")
_PREVIOUS_WORD = re.compile(r"\b([A-Za-z]+)[ \t]+$")
_DATE_NAMES = frozenset(MONTHS) | frozenset(WEEKDAYS)
_SCENE = re.compile(r"\b(?:(?:was|were)\s+(?:[a-z]+\s+){0,2}?[a-z]+ing|was\s+(?:at|in|inside|outside))\b(?![^,;]*[,;])")
# A reported clause between a [reporting] verb and a date: three plain words in a row.
_CLAUSE_WORDS = re.compile(r"(?:\b(?!(?:the|a|an|on|in|at|late|early|about|around|reporters|police)\b)"
                           r"[a-z]+(?:['\u2019][a-z]+)?\b[^a-z'\u2019]+){3}")
# Who says so: "according to court records", "according to an arrest warrant filed by police" (up to the end of
# the clause). Its words name the source, not an act a date belongs to.
_ATTRIBUTION = re.compile(r"\baccording to\b[^,.;:!?\n]{0,80}", re.I)
_ATTRIBUTION_BEFORE = re.compile(r"\baccording to\b[^,.;:!?\n]*$", re.I)
# An hour between a [reporting] verb and a date: "the chief says at about 4:20 Sunday morning, ...".
_CLOCK_BETWEEN = re.compile(r"\b(?:at|about|around|approximately)\s+(?:about\s+|around\s+)?\d{1,2}(?::\d\d)?\b")
_NOUN_AFTER = re.compile(r"[ \t]+([A-Za-z]+)\b")
# A time named between the event word and a date: the event word has its own time, the date is another act's ("who was
# shot during the attack last month, thanked people Sunday in a post").
_TIME_BETWEEN = re.compile(r"\b(?:" + "|".join([*WEEKDAYS, *MONTHS]) + r")\b|"
                           r"\b(?i:yesterday|today|tonight|last (?:night|week|month|year)|"
                           r"(?:days|weeks|months|years) (?:ago|earlier|later)|earlier this (?:week|month|year))\b")
# "the second (shooting) in less than a month", "the third such incident in a week": the next sentence tells of an
# earlier incident. Looked for only before a unit of time (_RECALL_UNIT).
_RECALL = re.compile(r"\b(?:second|third|fourth|fifth|latest|\d+(?:st|nd|rd|th))\b[^.;]{0,60}?\b(?:in|within)\s+"
                     r"(?:(?:less than|just over|just under|about|more than|the past|the last|only|just)\s+)?"
                     r"(?:a|one|two|three|four|\d+)\s+(?:days?|weeks?|months?)\b", re.I)
_RECALL_UNIT = re.compile(r"(?:day|week|month)s?\b")
# The periods ``_another_time`` reads: a month alone ("in November"), "last week", "earlier this month", "two weeks
# ago", "three days later".
_PERIOD = re.compile(r"\b(?P<month>" + "|".join(m for m in MONTHS if len(m) > 3) + r")\b(?!\.?\s+\d)|"
                     r"\b(?i:(?P<which>last|(?:earlier|later)\s+this)\s+(?P<span>week|month|year))\b|"
                     r"\b(?i:(?P<count>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|few)\s+"
                     r"(?P<unit>days?|weeks?|months?|years?)\s+(?:ago|earlier|(?P<later>later)))\b")
_COUNTS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
           "nine": 9, "ten": 10}
_PRONOUN = re.compile(r"\b(?:it|this|he|she|they|we|i|you|there)\b", re.I)


def _in_quote(text: str, start: int) -> bool:
    """Is ``text[start]`` inside a quotation opened earlier in its paragraph, or an embedded post (a
    paragraph signed "\u2014 A Reporter (@areporter) October 21, 2016")?"""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    if _POST_SIGNATURE.search(text, line_start, len(text) if line_end < 0 else line_end):
        return True
    before = text[line_start:start]
    # straight and curly marks together: a quotation opened with '"' may close with '\u201d' ("... he said.\u201d)
    return (before.count('"') + before.count("\u201c") + before.count("\u201d")) % 2 == 1


@dataclass(frozen=True)
class _Candidate:
    date: dt.date
    words: str
    start: int
    strength: int
    kind: str


@lru_cache(maxsize=1)
def context_words() -> dict[str, tuple[str, ...]]:
    """The sections of ``data/event_date_context.txt``: ``{"after": (...), "subject": (...), "reporting": (...)}``."""
    return {name: tuple(words) for name, words in read_sections(_CONTEXT_FILE.read_text("utf-8")).items()}


# How a date is tied to the event: the nearest word to its left or the word it qualifies decides
# (strong); the first word to its right, when the date opens its clause (opening); only a later word
# in the sentence names the event (weak: "was home Saturday when the shooting occurred"). An article's
# date is its first strong one, else its first opening one, else its first weak one.
_STRONG, _OPENING, _WEAK, _DEATH_DAY, _LAST = 0, 1, 2, 2.5, 3
_BACKGROUND = 2.75  # a calendar date deep in a long report: no date, but it outranks a bare hour
# A day named near a morning hour: "at 2 a.m. Sunday", "Friday at about 9 a.m.", "at 6 a.m. today".
_DAY_NEAR = re.compile(r"\b(?:" + "|".join([*WEEKDAYS, *MONTHS]) + r")\b|"
                       r"\b(?i:today|tonight|yesterday|last night|this (?:morning|afternoon|evening))\b")
_DAY_REACH = 40
# "fired Officer Brandt", "fired him": someone dismissed ("shots were fired Monday" names a day, not a person)
_FIRED_PERSON = re.compile(r"\s+(?:him|her|them|(?!(?:" + "|".join([*WEEKDAYS, *MONTHS]) + r")\b)[A-Z][a-z]+)\b")
_POST_SIGNATURE = re.compile(r"\(@\w+\)|pic\.twitter\.com/")
# After a full date, how a photo caption goes on: ", in Dayton, Ohio", ", at Grace Chapel", " (KXYZ)".
_CAPTION_END = re.compile(r",\s+(?:in|at)\s+[A-Z]|\s+\([A-Z]{3,}\)")
_HOUR_BESIDE = re.compile(r"\b\d{1,2}(?::\d\d)?\s*[ap]\.?m\b|\bnoon\b|\bmidnight\b", re.I)


class _Word(NamedTuple):
    """A cue or context word (or phrase) found in the text."""

    start: int
    end: int
    text: str
    kind: str  # "event" | "after" | "subject"
    reporting: bool = False  # a [reporting] verb: "said", "told"


@lru_cache(maxsize=1)
def _lexicon() -> dict[str, list[tuple[tuple[str, ...], str]]]:
    """First word -> ``[(phrase words, kind), ...]``, longest phrase first; kind "reporting" is an
    [after] word that owns only a date right after it."""
    kinds: dict[tuple[str, ...], str] = {}
    for word in read_words(_CUES_FILE.read_text("utf-8")):
        kinds[tuple(word.split())] = "event"
    context = context_words()
    for section, kind in (("subject", "subject"), ("after", "after"), ("reporting", "reporting")):
        for word in context.get(section, ()):  # a phrase listed twice is read with the later section
            kinds[tuple(word.split())] = kind
    by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for phrase, kind in sorted(kinds.items(), key=lambda item: -len(item[0])):
        by_first.setdefault(phrase[0], []).append((phrase, kind))
    return by_first


def _words_in(text: str, start: int, end: int) -> list[_Word]:
    """Cue and context words in ``text[start:end]``, left to right; a phrase beats the words in it."""
    lexicon = _lexicon()
    tokens = [(m.start(), m.end(), m.group(0).lower()) for m in _TOKEN.finditer(text, start, end)]
    found: list[_Word] = []
    i = 0
    while i < len(tokens):
        step = 1
        for phrase, kind in lexicon.get(tokens[i][2], ()):
            n = len(phrase)
            if i + n <= len(tokens) and all(tokens[i + k][2] == phrase[k] for k in range(1, n)) \
                    and all(text[tokens[i + k - 1][1]:tokens[i + k][0]].isspace() for k in range(1, n)):
                found.append(_Word(tokens[i][0], tokens[i + n - 1][1], text[tokens[i][0]:tokens[i + n - 1][1]],
                                   "after" if kind == "reporting" else kind, kind == "reporting"))
                step = n
                break
        i += step
    return found


@lru_cache(maxsize=1)
def _modified_nouns() -> frozenset[str]:
    """The [people and papers] of ``data/event_date_context.txt``: nouns that make the [after] word before them a
    modifier ("jail inmate", "court officer")."""
    return frozenset(context_words().get("people and papers", ()))


def _cue_words(text: str, start: int, end: int, *, titled: bool, sources: bool = True) -> list[_Word]:
    """Cue and context words in ``text[start:end]``, less those inside names.

    A capitalised word next to another capitalised word is part of a name ("Memorial Park",
    "Pershing Court", "Fayette County Jail"), not the word; in a title (``titled``), where every
    word is capitalised, it counts. Nor is an [after] word right before a noun of [people and papers]: "a jail
    inmate", "court officers" name someone, not a later act. Without ``sources``, the words of an attribution
    are left out too: "according to court records, the boys awoke on Aug. 5" (the records are not what the date
    is of).
    """
    found = []
    spans = [m.span() for m in _ATTRIBUTION.finditer(text, max(0, start - 80), end)] if not sources else []
    for word in _words_in(text, start, end):
        noun = _NOUN_AFTER.match(text, word.end) if word.kind == "after" else None
        if noun is not None and noun.group(1).lower() in _modified_nouns():
            continue  # "a jail inmate", "court officers": the word names someone, not a later act
        if any(low <= word.start < high for low, high in spans):
            continue  # "according to the indictment, on May 7 ...": the source, not an act the date is of
        if not titled and word.text[0].isupper():
            following = _NEXT_WORD.match(text, word.end)
            previous = _PREVIOUS_WORD.search(text, max(0, word.start - 30), word.start)
            if any(other is not None and other.group(1)[0].isupper() and other.group(1) not in _DATE_NAMES
                   for other in (following, previous)):
                continue
        found.append(word)
    return found


def _qualified(text: str, start: int, end: int, high: int, *, titled: bool) -> _Word | None:
    """The cue or context word a date qualifies, if any: "Sunday's shooting", "a Thursday evening
    homicide", "the May 7, 2015, shooting", "Monday's hearing", "a Friday news conference"; and the
    reporting verb right after "on Thursday" ("the coroner on Friday said"), but not after a bare
    date ("hurt near 4 p.m. Thursday, said deputies": the date is the clause's before it)."""
    stop = min(high, end + 60)
    if text.startswith(("'s", "\u2019s"), end):
        begin, most = end + 2, 3  # "Sunday's deadly west Houston shooting": up to three words between
    elif text.startswith(",", end) and text[end - 1:end].isdigit():
        begin, most = end + 1, 0  # "the May 7, 2015, shooting"
    else:
        begin, most = end, -1  # only modifiers between: "a Friday night double homicide"
    words = _words_in(text, begin, stop)
    if words and words[0].reporting:
        return words[0] if text[start:start + 3].lower() == "on " and text[end:words[0].start].isspace() else None
    if not words or words[0].kind == "subject" or (not titled and words[0].text[0].isupper()):
        return None
    gap = text[begin:words[0].start]
    if gap and not _PLAIN_GAP.fullmatch(gap):
        return None  # punctuation between: "on Friday. Shooting ..."
    between = _TOKEN.findall(gap)
    if most >= 0:
        return words[0] if len(between) <= most else None
    return words[0] if all(_MODIFIER.fullmatch(w.lower()) for w in between) else None


def _attachment(text: str, sentence: tuple[int, int], start: int, end: int, *,
                titled: bool = False) -> tuple[str, float, int]:
    """Whose date the words ``text[start:end]`` give, and how surely.

    Returns ``(kind, strength, timed)``: kind is ``"event"``, ``"after"`` or ``""`` (nobody's), strength
    ``_STRONG`` or ``_WEAK``, and ``timed`` where a time named between the deciding event word and the date
    begins (-1 when none is: see ``_another_time``). A cue or context word the date qualifies decides ("Sunday's shooting",
    "a Friday news conference"); else the nearest one to the left, where a [subject] verb
    ("happened") passes the decision to a cue word just before it; a date with none to its left
    takes the first one to its right, surely only when the date opens its clause ("On Tuesday,
    police said ...").
    """
    low, high = sentence
    qualified = _qualified(text, start, end, high, titled=titled)
    if qualified is not None:
        return qualified.kind, _STRONG, -1
    left = _cue_words(text, max(low, start - _LEFT_REACH), start, titled=titled, sources=False)
    if left and left[-1].reporting and (_CLAUSE_WORDS.search(text, left[-1].end, start)
                                        or _CLOCK_BETWEEN.search(text, left[-1].end, start)):
        # "said the boy was playing in the yard Sunday", "says at about 4:20 Sunday morning, dispatchers took a
        # call": the date belongs to the reported clause (a statement is seldom given to the minute; what it tells
        # of is)
        left = []  # "said the boy was playing in the yard Sunday": the date belongs to the reported clause
    if left:
        nearest = left[-1]
        kind = nearest.kind
        if kind == "subject":
            # "the hearing began Monday" / "the shooting happened Monday" / "it happened Monday"
            kind = "event"
            if len(left) > 1:
                before = left[-2]
                gap = text[before.end:nearest.start]
                if len(gap.split()) <= 3 and not _PRONOUN.search(gap) and before.kind != "subject":
                    kind = before.kind
        if nearest.text.lower() == "fired" and _FIRED_PERSON.match(text, nearest.end):
            kind = "after"  # "the county fired Officer Brandt on Monday": a dismissal, not shots
        # "shot during the attack last month, thanked people Sunday": the event word may have its own time
        timed = nearest.end if kind == "event" and _TIME_BETWEEN.search(text, nearest.end, start) else -1
        if kind == "event" and _DEATH.fullmatch(nearest.text):
            return "event", _DEATH_DAY, timed  # "died Sunday (after being shot on Friday)": maybe a later death
        return kind, _STRONG, timed
    following = _cue_words(text, end, high, titled=titled)[:2]
    if following and following[0].reporting:
        following = following[1:]  # "Just after midnight, deputies said, a car pulled up": the reported clause's
    following = following[:1]
    if not following:
        # "Reyes was out on her porch Saturday night": the scene of the story, maybe the event
        if _SCENE.search(text, max(low, start - _LEFT_REACH), start):
            return "event", _WEAK, -1
        # "near 2:40 a.m. Sunday", "Sunday at about 10 p.m.": a date given to the hour
        return ("event" if _HOUR_BESIDE.search(text, max(low, start - 25), min(high, end + 25)) else ""), _LAST, -1
    kind = "event" if following[0].kind == "subject" else following[0].kind
    opens_clause = _CLAUSE_OPENING.search(text[max(low, start - _LEFT_REACH):start]) is not None
    return kind, _OPENING if opens_clause else _WEAK, -1


def _another_time(between: str, date: dt.date, reference: dt.date | None) -> bool:
    """Does ``between`` (the words from an event word to a date) name a time the date is not in: "last month" before a
    Sunday of this month, "in November" before a Wednesday in March, "on Friday" before Sunday? The same time told
    twice ("shot last month as she rode home on April 16" in May, "late Saturday night, July 4") is not another."""
    for kind, _ in PATTERNS:
        if kind != "clock":
            for match in matches(kind, between):
                other = resolve(kind, match, reference)
                if other is not None and other != date:
                    return True
    for period in _PERIOD.finditer(between):
        if _outside(period, date, reference):
            return True
    return False


def _outside(period: re.Match[str], date: dt.date, reference: dt.date | None) -> bool:
    """Is ``date`` outside the period of ``_PERIOD`` matched (a month named alone, "last week", "two months ago",
    "days later")? Unknown when there is no counting date: then it is not."""
    if period["month"]:
        return MONTHS[period["month"]] != date.month
    if period["later"]:
        return True  # "died two days later": a time after the event, the date is that later act's
    if reference is None:
        return False
    days = (reference - date).days
    unit = (period["unit"] or period["span"] or "").lower().rstrip("s")
    if period["which"]:  # "last week", "earlier this month"
        last = period["which"].lower() == "last"
        if unit == "week":
            return not (1 <= days <= 13 if last else 0 <= days <= 6)
        months = (reference.year - date.year) * 12 + reference.month - date.month
        if unit == "month":
            return months != (1 if last else 0)
        return reference.year - date.year != (1 if last else 0)
    size = {"day": 1, "week": 7, "month": 30, "year": 365}[unit]
    count = period["count"].lower()
    count = int(count) if count.isdigit() else _COUNTS.get(count)
    return count is not None and abs(days - count * size) > max(1, size // 2)


class _Sentences:
    """The sentence around a position, split one line (paragraph) at a time and only when asked."""

    def __init__(self, text: str, *, whole: bool = False) -> None:
        self.text = text
        self.whole = whole  # a title: one sentence
        self.lines: dict[int, list[tuple[int, int]]] = {}

    def around(self, start: int, end: int) -> tuple[int, int]:
        if self.whole:
            return 0, len(self.text)
        line_start = self.text.rfind("\n", 0, start) + 1
        spans = self.lines.get(line_start)
        if spans is None:
            line_end = self.text.find("\n", line_start)
            spans = split_sentences(self.text, line_start, len(self.text) if line_end < 0 else line_end)
            self.lines[line_start] = spans
        at = bisect.bisect_right(spans, (start, len(self.text))) - 1
        return spans[at] if at >= 0 and spans[at][1] >= end else (start, end)




def _recalled(text: str, sentences: _Sentences) -> list[tuple[int, int]]:
    """Where the text recalls an earlier incident: from "the second (shooting) in less than a month" to the end of the
    next sentence, which tells of that one ("A girl was hurt Nov. 22 ...")."""
    spans: list[tuple[int, int]] = []
    for unit in _RECALL_UNIT.finditer(text):  # the pattern is tried only before a unit of time, not along the text
        marker = _RECALL.search(text, max(0, unit.start() - 120), unit.end())
        if marker is None or (spans and marker.start() < spans[-1][1]):
            continue
        high = sentences.around(marker.start(), marker.end())[1]
        following = len(text) - len(text[high:].lstrip(" \t\n\"'\u201d)"))
        if following < len(text):
            high = max(high, sentences.around(following, following + 1)[1])
        spans.append((marker.start(), high))
    return spans


def _candidates(text: str, reference: dt.date | None, max_days_before: int, *,
                titled: bool = False) -> list[_Candidate]:
    """Every date in ``text`` that the rules keep, strong before weak, then in reading order."""
    found: list[_Candidate] = []
    taken: list[tuple[int, int]] = []
    sentences = _Sentences(text, whole=titled)
    recalled = [] if titled else _recalled(text, sentences)
    for kind, _ in PATTERNS:
        for match in matches(kind, text):
            start, end = match.span()
            if any(start < t_end and t_start < end for t_start, t_end in taken):
                continue  # "the day before yesterday" already claimed these words
            taken.append((start, end))
            sentence = sentences.around(start, end)
            qualified = _qualified(text, start, end, sentence[1], titled=titled)
            named_event = qualified is not None and qualified.kind == "event"
            if not named_event and _REFERENCE_BEFORE.search(text[max(0, start - 30):start]):
                continue
            if kind not in ABSOLUTE and _DISTANT_BEFORE.search(text[max(sentence[0], start - 60):start]):
                continue
            if _STATEMENT_BEFORE.search(text[max(0, start - 30):start]):
                continue
            if kind in ("weekday_date", "month_day") and match["year"] and (
                    (kind == "weekday_date" and text[max(0, start - 3):start].rstrip().endswith(","))
                    or _CAPTION_END.match(text, end)):
                continue  # "Officers walk the scene, Monday, Oct. 3, 2016.": a photo caption's date
            if text[start - 1:start] == "-":
                continue  # "the day-after-Thanksgiving shooting": part of a compound word
            if text[start - 1:start] == "(" and text[end:end + 1] == ")":
                continue  # "(November 28, 2016) - ...", "UPDATE (Feb. 14)": a stamp
            kind_of_date, strength, timed = _attachment(text, sentence, start, end, titled=titled)
            if kind_of_date != "event":
                continue
            if any(low <= start < high for low, high in recalled):
                continue  # "... the second in less than a month. A girl was hurt Nov. 22 ...": the earlier one's
            date = resolve(kind, match, reference)
            if date is None:
                continue
            if reference is not None and date > reference:
                continue  # scheduled, or a misread
            if reference is not None and not match.groupdict().get("year") \
                    and (reference - date).days > max_days_before:
                continue  # a year-less date far back is likely an earlier event mentioned for context
            if timed >= 0 and _another_time(text[timed:start], date, reference):
                continue  # "wounded in the shooting last week, went home on Tuesday": the event word has its time
            if kind == "clock":
                if _DAY_NEAR.search(text, max(sentence[0], start - _DAY_REACH), min(sentence[1], end + _DAY_REACH)):
                    continue  # the day named beside the hour is the date
                strength = _LAST
            if kind not in ABSOLUTE and kind != "holiday" and not titled and _in_quote(text, start):
                continue  # "'I was told today that ...'": counted from when it was said, an unknown day
            if kind in ABSOLUTE and not titled and start >= _DEEP:
                # "... faces another charge in the Nov. 7 shooting" near the end: an earlier event recalled; it
                # still tells that the report is not a same-day brief, so it outranks a bare hour and gives no date
                found.append(_Candidate(date, match.group(0), start, _BACKGROUND, "background"))
                continue
            if _ATTRIBUTION_BEFORE.search(text, max(sentence[0], start - 90), start):
                continue  # "according to a statement released Sunday": the source's date
            found.append(_Candidate(date, match.group(0), start, strength, kind))
    return sorted(found, key=lambda c: (c.strength, c.start))


def resolve_event_date(text: str, published: object, *, title: str = "", url: str = "",
                       max_days_before: int = 366) -> tuple[dt.date | None, str]:
    """The date the event happened, resolved from ``text`` relative to ``published``.

    See the module docstring for the rules and the known misses.

    Args:
        text: the article text.
        published: publication date (date, datetime, Timestamp or NaT/None).
        title: the article's title, read before the text.
        url: the article's address; a date in it earlier than ``published`` is counted from.
        max_days_before: how far before publication a date without its year may lie.

    Returns:
        ``(date, words)``: the event date (``datetime.date``) and the words it was resolved
        from, or ``(None, "")`` when none was found.
    """
    reference = reference_date(text or "", published, url=url)
    found = _candidates(text or "", reference, max_days_before)
    if title:  # the title is read first
        found = sorted(_candidates(title, reference, max_days_before, titled=True) + found,
                       key=lambda c: c.strength)
    if not found:
        words = same_day_brief(text or "", title)
        return (reference, words) if reference is not None and words else (None, "")
    if found[0].kind == "background":
        return None, ""
    best = found[0]
    if best.kind == "weekday":
        # "shot Monday night" in a story the archive dates a week later that also says "Monday,
        # May 23": the stated date is right, the counting date is stale.
        for other in found[1:]:
            if other.strength <= best.strength and other.date.weekday() == best.date.weekday() \
                    and other.date < best.date and other.kind == "weekday_date":
                return other.date, other.words
    return best.date, best.words


def event_mentions(text: str, published: object, *, url: str = "") -> list[tuple[int, dt.date]]:
    """Every date the rules above give an event in ``text`` (any strength, in reading order): ``[(start, date),
    ...]``, counted from the same day as ``resolve_event_date``; a calendar date deep in a long report included."""
    found = _candidates(text or "", reference_date(text or "", published, url=url), 366)
    return sorted((c.start, c.date) for c in found)


def add_event_dates(articles: pd.DataFrame, *, max_days_before: int = 366) -> pd.DataFrame:
    """A copy of ``articles`` with ``event_date`` and ``event_date_text`` filled in.

    ``event_date`` is a datetime64 column (NaT when unknown), like ``published``;
    ``event_date_text`` holds the words it was resolved from ("" when unknown).
    See ``resolve_event_date`` for the rules.
    """
    out = articles.copy()
    resolved = [
        resolve_event_date(text, published, title=title, url=url, max_days_before=max_days_before)
        for text, published, title, url in zip(out.get("text", pd.Series(dtype=object)).fillna(""),
                                                out.get("published", pd.Series(pd.NaT, index=out.index)),
                                                out.get("title", pd.Series("", index=out.index)).fillna(""),
                                                out.get("url", pd.Series("", index=out.index)).fillna("").astype(str))
    ]
    published_dtype = out["published"].dtype if "published" in out else None
    unit = published_dtype if pd.api.types.is_datetime64_dtype(published_dtype) else "datetime64[ns]"
    out["event_date"] = pd.to_datetime(pd.Series([d for d, _ in resolved], index=out.index, dtype=object)).astype(unit)
    out["event_date_text"] = pd.Series([w for _, w in resolved], index=out.index, dtype=object)
    return out
