"""Sentence-level rules of the figure ledger: which numbers are counts, and of what.

``scan_sentence`` reads one sentence and returns ``SentenceFigure`` records with offsets
into the sentence; ``analysis.figures.ledger`` turns them into the ``figures`` table and states
the rules and known misses in its module docstring. The word lists come from
``data/figures_lexicon.json`` (``load_lexicon``); every phrase is matched on lowercased
word tokens, longest phrase first.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from analysis.data import FIGURES_LEXICON
from analysis.figures.numbers import _NUMBER_WORDS, TOKEN, Number, Tokens, numbers_in

LEXICON_PATH = FIGURES_LEXICON

_HAS_DIGIT = re.compile(r"\d")
_ASCII_WORD = re.compile(r"[a-z]+")
_ORDINALS = {"second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9,
             "tenth": 10, "eleventh": 11, "twelfth": 12}
# "a sixth died later": the toll became six (only when a predicate follows; "arrested a third" is not a count)
_QUICK_WORDS = _NUMBER_WORDS | frozenset(_ORDINALS) | frozenset(["dozens", "scores", "hundreds", "thousands",
                                                                  "millions"])
QUICK_RISE = re.compile(r"\b(?:rise|rising|climb|increase|higher|grow|final|go up|go higher|revised up(?:wards?)?)\b",
                        re.IGNORECASE)
_MASKS = re.compile(
    r"\b\d{4}-\d{1,2}-\d{1,2}\b"  # 2024-03-22
    r"|\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b"  # 22/03/2024
    r"|\b\d{1,2}:\d{2}(?::\d{2})?\b"  # 20:00
    r"|\b\d{1,2}\.\d{2}\s*[ap]\.?m\b"  # 8.30 pm
    r"|https?://\S+|\bwww\.\S+|\S+@\S+\.\w+"
    r"|(?:\+\d{1,3}[\s-]?)?(?:\(\d{2,5}\)[\s-]?)?\d{1,4}(?:[\s-]\d{2,4}){2,}"  # phone numbers
)
_PHONE_HINT = re.compile(r"[+()-]")
_YEAR = re.compile(r"1[89]\d\d|20\d\d|2100")

_AUX = frozenset("were was are is have has had been be being will would may might could shall should do did".split())
_STOPS = frozenset(
    "and or but while whereas because although though than as when where whose since after before until "
    "unless if so yet".split()
)
_DETERMINERS = frozenset("the a an his her their its our your this that these those all every each".split())
_OBJECT_PRONOUNS = frozenset("him her them us me everyone everybody anyone".split())
_PAREN_OPENERS = frozenset(
    "including among mostly mainly largely many most some all both according officials police authorities "
    "witnesses reportedly he she they it the".split()
)
_TOLL_LINKS = frozenset(
    "to at of is was stood stands reached reaches hit passed topped exceeded surpassed now numbered numbers "
    "totalled totaled totals total remains remained reaching bringing putting set exceed reach top surpass "
    "exceeds tops from".split()
)
_PAST_YEAR_PREPS = frozenset(["in", "since", "during", "between"])  # "in 2019", not "the 2019 floods" or "March 2024"
_ASIDE_MARKS = frozenset([",", "(", ")", "—", "–"])
_TOLL_REACH = 24  # tokens back from the number to a toll noun: "The death toll from a magnitude 6.4 earthquake that ..."
_UNIT_MODIFIERS = frozenset("more long full whole consecutive additional extra straight entire further".split())
_LESS_THAN = frozenset(["fewer than", "less than", "under", "below", "just under", "just below"])
_ADVERBS = frozenset("later also initially earlier previously subsequently now then originally officially again first "
                     "separately still already".split())
_EARLIER_OPENERS = (("initially",), ("originally",), ("at", "first"), ("previously",), ("earlier", "reports"),
                    ("early", "reports"), ("first", "reports"))
_SEGMENT_SPLITS = frozenset("though although but while whereas".split())
_FRAMING_VERBS = frozenset("said says say told tells reported reports stated states according added put puts "
                           "announced estimated estimates".split())
_OF_THEM = frozenset(["of them", "of whom", "of those", "of these", "of which"])
_INCREMENTS = frozenset(["a further", "an additional", "another", "further", "additional"])
_HARMED = frozenset(["killed", "injured", "hospitalized"])
_SHARES = frozenset("half third thirds quarter quarters most many some several none majority all each few fraction "
                    "share percent".split())
_RUNNING_TOTAL = frozenset("bringing raising taking pushing brings raises takes pushes brought took pushed".split())
_RELATED = {("injured", "hospitalized"), ("hospitalized", "injured")}


def _words(phrase: str) -> tuple[str, ...]:
    return tuple(m.group(0).lower() for m in TOKEN.finditer(phrase))


class PhraseSet:
    """Multi-word phrases matched on lowercased token lists, longest first."""

    def __init__(self, items: Mapping[str, object] | Iterable[str]):
        pairs = items.items() if isinstance(items, Mapping) else ((item, True) for item in items)
        # first (or last) word -> [(length, words as a list, payload)], longest first
        self.by_first: dict[str, list[tuple[int, list[str], object]]] = {}
        self.by_last: dict[str, list[tuple[int, list[str], object]]] = {}
        for phrase, payload in pairs:
            if phrase.startswith("_"):
                continue
            words = list(_words(phrase))
            if not words:
                continue
            self.by_first.setdefault(words[0], []).append((len(words), words, payload))
            self.by_last.setdefault(words[-1], []).append((len(words), words, payload))
        for table in (self.by_first, self.by_last):
            for entries in table.values():
                entries.sort(key=lambda e: -e[0])

    def positions(self, words: list[str]) -> list[int]:
        """Indices where some phrase may start (its first word is there): a cheap prefilter."""
        first = self.by_first
        return [i for i, w in enumerate(words) if w in first]

    def at(self, words: list[str], i: int) -> tuple[int, object] | None:
        """``(length, payload)`` of the longest phrase starting at ``words[i]``."""
        if i < 0 or i >= len(words):
            return None
        entries = self.by_first.get(words[i])
        if entries is None:
            return None
        for n, phrase, payload in entries:
            if n == 1 or words[i:i + n] == phrase:
                return n, payload
        return None

    def ending(self, words: list[str], j: int) -> tuple[int, object] | None:
        """``(length, payload)`` of the longest phrase ending at ``words[j]``."""
        if j < 0 or j >= len(words):
            return None
        entries = self.by_last.get(words[j])
        if entries is None:
            return None
        for n, phrase, payload in entries:
            if n == 1 or (j - n + 1 >= 0 and words[j - n + 1:j + 1] == phrase):
                return n, payload
        return None


@dataclass(frozen=True)
class Lexicon:
    """The word lists of ``data/figures_lexicon.json``, ready for matching."""

    after: PhraseSet
    head: PhraseSet
    before: PhraseSet
    tolls: PhraseSet
    person_nouns: frozenset[str]
    qualifier_before: PhraseSet
    qualifier_after: PhraseSet
    fillers: frozenset[str]
    generic: frozenset[str]
    partial_before: PhraseSet
    partial_after: PhraseSet
    partial_clause: PhraseSet
    list_heads: PhraseSet
    places: PhraseSet
    place_preps: frozenset[str]
    superseded_before: PhraseSet
    superseded_after: PhraseSet
    missing_not_heads: frozenset[str]
    change_verbs: frozenset[str]
    projected_before: PhraseSet
    projected_after: PhraseSet
    may_rise: PhraseSet
    background_cues: PhraseSet
    background_strong: PhraseSet
    background_openers: PhraseSet
    event_nouns: frozenset[str]
    year_preps: frozenset[str]
    according: PhraseSet
    attribution_verbs: PhraseSet
    attribution_final: PhraseSet
    attribution_firsts: frozenset[str]
    source_nouns: PhraseSet
    source_words: frozenset[str]
    pronouns: frozenset[str]
    units_after: PhraseSet
    rates_after: PhraseSet
    labels_before: PhraseSet
    context_before: PhraseSet
    currency: frozenset[str]
    street_suffixes: frozenset[str]
    months: frozenset[str]
    not_after_one: frozenset[str]
    category_words: PhraseSet


@cache
def load_lexicon(path: str | None = None) -> Lexicon:
    """Read the figure word lists (``data/figures_lexicon.json`` unless ``path`` is given)."""
    data = json.loads(Path(path or LEXICON_PATH).read_text(encoding="utf-8"))
    after: dict[str, tuple[str, bool]] = {}
    head: dict[str, tuple[str, str]] = {}
    before: dict[str, str] = {}
    anywhere: dict[str, str] = {}
    for category, cues in data["categories"].items():
        if category.startswith("_"):
            continue
        transitive = set(cues.get("transitive", []))
        for phrase in cues.get("after", []):
            after.setdefault(phrase, (category, phrase in transitive))
        for phrase in cues.get("weak_head", []):
            head.setdefault(phrase, (category, "weak"))
        for phrase in cues.get("head", []):
            head.setdefault(phrase, (category, "attackers" if category == "attackers" else "strong"))
        for phrase in cues.get("before", []):
            before.setdefault(phrase, category)
        for phrase in [*cues.get("head", []), *cues.get("weak_head", []), *cues.get("after", [])]:
            anywhere.setdefault(phrase, category)
    tolls = {p: c for p, c in before.items() if "toll" in _words(p) or _words(p)[:2] == ("number", "of")}
    qualifiers = data["qualifiers"]
    qualifier_before = {p: q for q, phrases in qualifiers.items() if q != "after" and not q.startswith("_")
                        for p in phrases}
    partial, status, background = data["partial"], data["status"], data["background"]
    attribution, distractors = data["attribution"], data["distractors"]
    source_nouns = attribution["source_nouns"]
    return Lexicon(
        after=PhraseSet(after),
        head=PhraseSet(head),
        before=PhraseSet(before),
        tolls=PhraseSet(tolls),
        person_nouns=frozenset(_words(p)[-1] for p in data["person_nouns"]),
        qualifier_before=PhraseSet(qualifier_before),
        qualifier_after=PhraseSet(qualifiers["after"]),
        fillers=frozenset(data["fillers"]["words"]),
        generic=frozenset(data["generic_counts"]["words"]),
        partial_before=PhraseSet(partial["before"]),
        partial_after=PhraseSet(partial["after"]),
        partial_clause=PhraseSet(partial.get("clause", [])),
        list_heads=PhraseSet(partial["list_heads"]),
        places=PhraseSet(partial["places"]),
        place_preps=frozenset(partial["place_preps"]),
        superseded_before=PhraseSet(status["superseded_before"]),
        superseded_after=PhraseSet(status.get("superseded_after", [])),
        missing_not_heads=frozenset(data["categories"]["missing"].get("not_heads", [])),
        change_verbs=frozenset(status["change_verbs"]),
        projected_before=PhraseSet(status["projected_before"]),
        projected_after=PhraseSet(status["projected_after"]),
        may_rise=PhraseSet(status["may_rise"]),
        background_cues=PhraseSet(background["cues"]),
        background_strong=PhraseSet(background["strong"]),
        background_openers=PhraseSet(background.get("openers", [])),
        event_nouns=frozenset(background.get("event_nouns", [])),
        year_preps=frozenset(background["year_preps"]),
        according=PhraseSet(attribution["according"]),
        attribution_verbs=PhraseSet(attribution["verbs"]),
        attribution_final=PhraseSet(attribution.get("verbs_final", [])),
        attribution_firsts=frozenset(_words(p)[0] for p in [*attribution["according"], *attribution["verbs"],
                                                              *attribution.get("verbs_final", [])]),
        source_nouns=PhraseSet(source_nouns),
        source_words=frozenset(w for p in source_nouns for w in _words(p)),
        pronouns=frozenset(attribution["pronouns"]),
        units_after=PhraseSet(distractors["units_after"] + ["%"]),
        rates_after=PhraseSet(distractors["rates_after"]),
        labels_before=PhraseSet(distractors["labels_before"]),
        context_before=PhraseSet(distractors["context_before"]),
        currency=frozenset(distractors["currency_before"]),
        street_suffixes=frozenset(w.lower() for w in distractors["street_suffixes"]),
        months=frozenset(distractors["months"]),
        not_after_one=frozenset(distractors["not_a_count_after_one"]),
        category_words=PhraseSet(anywhere),
    )


@dataclass(eq=False)
class _Quantity:
    """One number (or a range of two) in a sentence, with its token span."""

    numbers: list[Number]
    first: int  # first token index
    last: int  # index just past the last token
    value: int
    low: int | None
    high: int | None
    vague: bool
    qualifier: str = "exact"
    qstart: int = 0  # first token of the qualifier (== first when none)
    tail: int = 0  # index just past a qualifier written after the number ("60 or more")
    revision_of: "_Quantity | None" = None  # Y in "from X to Y" -> X
    revised_by: "_Quantity | None" = None  # X in "from X to Y" -> Y
    superset: "_Quantity | None" = None  # 19 in "19 of the 22 passengers" -> 22
    member_of_count: bool = False  # "one" in "one of 64 people killed": a person in the count, not a count
    subset: "_Quantity | None" = None  # 22 in "19 of the 22 passengers" -> 19

    @property
    def start(self) -> int:
        return self.numbers[0].start

    @property
    def end(self) -> int:
        return self.numbers[-1].end


@dataclass
class SentenceFigure:
    """A figure found in one sentence; ``start``/``end`` are offsets into the sentence."""

    start: int
    end: int
    number_text: str
    category: str
    value: int
    low: int | None
    high: int | None
    qualifier: str
    vague: bool
    scope: str = "total"
    status: str = "current"
    may_rise: bool = False
    attributed_to: str = ""
    first: int = 0  # token span, for sentence-level rules
    last: int = 0
    qstart: int = 0
    place: bool = False  # located in part of the scene ("in a restroom")
    strong_head: str = ""
    inherited: bool = False
    partial_kind: str = ""  # "", "strong" or "of_them" (a subset of the figure before)
    generic: bool = False  # reached from "the total", "the figure": takes the previous figure's category
    via_change: bool = False  # "rose to 104": supersedes the sentence's earlier figure of its category
    running_total: bool = False  # "bringing the toll to 17": earlier counts of its category are increments
    coordinated: bool = False  # "27 passengers and two crew members died": a part of a listed whole
    ordinal: bool = False  # "a sixth died later"
    toll: bool = False  # reached from a toll noun ("the death toll rose to 96"): a whole-event count
    period: bool = False  # background only as a count over a longer period ("since January"): see extract_figures
    revises: bool = False  # "later lowered the toll to 21": a changed whole-event toll, replacing larger earlier ones


@dataclass
class SentenceScan:
    """What ``scan_sentence`` found: the figures and "may rise" cues it could not place."""

    figures: list[SentenceFigure]
    unplaced_may_rise: list[str]  # categories named by may-rise cues with no figure of theirs here


# ---------------------------------------------------------------------------
# numbers and distractors


_MASK_HINT = re.compile(r"\d[:/.\-]\d|\d[\s-]\d{2,4}[\s-]\d|https?:|www\.|@|\+\d|\(\d")


def _mask_spans(text: str) -> list[tuple[int, int]]:
    if not _MASK_HINT.search(text):
        return []
    spans = []
    for match in _MASKS.finditer(text):
        chunk = match.group(0)
        if chunk[:1].isdigit() or chunk[:1] in "+(":
            if re.fullmatch(r"[\d\s()+-]+", chunk) and not _PHONE_HINT.search(chunk):
                continue  # "28 14 133": numbers side by side, not a phone number
            if re.fullmatch(r"\d{1,4}-\d{1,4}", chunk):
                continue
        spans.append(match.span())
    return spans


def _group_quantities(numbers: list[Number], tok: Tokens, lex: Lexicon) -> list[_Quantity]:
    """Numbers to quantities: ranges merged, revisions linked.

    ``"between 60 and 70"`` -> one range; ``"revised from 143 to 133"`` -> 143 (revised_by 133)
    and 133 (revision_of 143); ``"down to 41 from 47"`` -> 47 revised_by 41.
    """
    words = tok.words
    quantities: list[_Quantity] = []
    spans = [(n.first, n.last) for n in numbers]
    i = 0
    while i < len(numbers):
        a = numbers[i]
        a_first, a_last = spans[i]
        q = _Quantity([a], a_first, a_last, a.value, a.low, a.high, a.vague)
        if i + 1 < len(numbers):
            b = numbers[i + 1]
            b_first, b_last = spans[i + 1]
            between = words[a_last:b_first]
            before = words[max(0, a_first - 4):a_first]
            if between in (["to"], ["-"], ["–"], ["—"], ["or"], ["and"]) and a.integer and b.integer:
                joined = "".join(tok.words[a_last:b_first])
                hyphen_tight = between[0] in "-–—" and tok.text[a.end:b.start] == joined
                is_between = between == ["and"] and before[-1:] == ["between"]
                from_x = "from" in before[-3:]
                changed = from_x and any(w in lex.change_verbs for w in words[max(0, a_first - 8):a_first])
                if between == ["to"] and (changed or a.value > b.value) and not a.vague:
                    new = _Quantity([b], b_first, b_last, b.value, b.low, b.high, b.vague)
                    new.revision_of, q.revised_by = q, new
                    quantities += [q, new]
                    i += 2
                    continue
                if (is_between or between in (["to"], ["or"]) or hyphen_tight) and a.value < b.value:
                    quantities.append(_Quantity([a, b], a_first, b_last, a.value, a.low, b.high,
                                                a.vague or b.vague, "range"))
                    i += 2
                    continue
            if between[-1:] == ["from"] and a_first > 0 and words[a_first - 1] in ("to", "at") and (
                    len(between) == 1 or (len(between) <= 5 and _TIME_WORDS.issuperset(between[:-1])
                                          and _via_change_words(words, a_first - 1, lex))):
                # "rose to 31 from 22"; "rose to 31 on Friday from 22 a day earlier"; "rose to 14, from 9"
                old = _Quantity([b], b_first, b_last, b.value, b.low, b.high, b.vague)
                q.revision_of, old.revised_by = old, q
                quantities += [q, old]
                i += 2
                continue
        quantities.append(q)
        i += 1
    return quantities


_TIME_WORDS = frozenset(
    "on by late early overnight this last monday tuesday wednesday thursday friday saturday sunday morning "
    "afternoon evening night week weekend ,".split())


def _via_change_words(words: list[str], to: int, lex: Lexicon) -> bool:
    """A change verb in the three words before "to" at ``to``: "rose to", "was raised to"."""
    return any(words[k] in lex.change_verbs for k in range(max(0, to - 3), to))


def _qualify(q: _Quantity, tok: Tokens, lex: Lexicon) -> None:
    """Set the qualifier, the bounds and ``qstart`` of a quantity from the words around it."""
    words = tok.words
    q.qstart = q.first
    q.tail = q.last
    if q.qualifier == "range":
        if q.first > 0 and words[q.first - 1] in ("between", "from"):
            q.qstart = q.first - 1
        return
    written = ""
    match = lex.qualifier_before.ending(words, q.first - 1)
    if match:
        n, qualifier = match
        written = " ".join(words[q.first - n:q.first])
        q.qualifier = str(qualifier)
        q.qstart = q.first - n
    else:
        after = lex.qualifier_after.at(words, q.last)
        if after and not (words[q.last] in ("plus", "odd") and tok.text[q.end:q.end + 1] not in " -"):
            q.qualifier = str(after[1])
            q.tail = q.last + after[0]
    base, ceiling = q.value, q.high
    if q.qualifier == "exact":
        if q.vague:  # ACLED: "dozens" is at least 12
            q.qualifier = "at_least"
            q.low, q.high = base, ceiling
        else:
            q.low, q.high = base, base
    elif q.qualifier == "at_least":
        q.low, q.high = base, (ceiling if q.vague else None)
    elif q.qualifier == "over":
        q.low, q.high = base + 1, (ceiling if q.vague else None)
    elif q.qualifier == "about":
        q.low, q.high = None, None
    elif q.qualifier == "up_to":
        q.low, q.high = None, (base - 1 if written in _LESS_THAN else base)


def _distractor(q: _Quantity, tok: Tokens, lex: Lexicon) -> bool:
    """True when the quantity is not a count: a year, a date, an age, an amount, a unit..."""
    words, text, starts, ends = tok.words, tok.text, tok.starts, tok.ends

    def raw_at(i: int) -> str:
        return text[starts[i]:ends[i]] if 0 <= i < len(words) else ""

    first_num, last_num = q.numbers[0], q.numbers[-1]
    if any(not n.integer for n in q.numbers):
        return True
    nxt = q.last
    after_word = words[nxt] if nxt < len(words) else ""
    # "20-year-old", "6,200-seat" (but "100-plus", "40-odd" are qualifiers)
    if text[last_num.end:last_num.end + 1] in ("-", "–") and text[last_num.end + 1:last_num.end + 2].isalpha():
        if words[nxt + 1:nxt + 2] not in (["plus"], ["odd"]):
            return True
    # years: "in 2004", "the 2002 siege"; "2000 people" stays a count
    if first_num.kind == "digits" and _YEAR.fullmatch(first_num.text) and len(q.numbers) == 1:
        if not (after_word in lex.person_nouns or lex.category_words.at(words, nxt)):
            return True
    # dates next to a month name: "March 22", "22 March", "22nd of March", "Feb. 17" (the dot is its own token)
    prev_raw = raw_at(q.first - 1) if q.first > 0 else ""
    if prev_raw == "." and q.first >= 2:
        prev_raw = raw_at(q.first - 2)
    next_raw = raw_at(nxt)
    if prev_raw.rstrip(".") in lex.months or next_raw.rstrip(".") in lex.months:
        return True
    if q.first >= 2 and words[q.first - 1] == "of" and raw_at(q.first - 2) in lex.months:
        return True
    # money: "$5", "5 million rubles"
    if first_num.start > 0 and text[first_num.start - 1] in "$€£¥₽₹#":
        return True
    if q.first > 0 and words[q.first - 1] in lex.currency:
        return True
    # units after: "two decades", "30 percent", "8 p.m.", "three more days"; rates: "20,000 vehicles a day"
    if lex.units_after.at(words, nxt):
        return True
    if after_word in _UNIT_MODIFIERS and lex.units_after.at(words, nxt + 1):
        return True
    for p in range(nxt, min(len(words), nxt + 3)):
        match = lex.rates_after.at(words, p)
        if match and words[p + match[0]:p + match[0] + 1] not in (["earlier"], ["later"], ["before"], ["after"]):
            return True  # but "from 22 a day earlier" is a time, not a rate
    # labels before: "Article 205", "Flight 17", "No. 5"
    if lex.labels_before.ending(words, q.first - 1):
        return True
    # street addresses: "12 Tverskaya Street"
    j = nxt
    while j < len(words) and j < nxt + 3 and raw_at(j)[:1].isupper():
        j += 1
        if j < len(words) and words[j] in lex.street_suffixes:
            return True
    # context before: "attended by hundreds", "aged 20", "a hall that holds 6,200"
    if lex.context_before.ending(words, q.qstart - 1) or lex.context_before.ending(words, q.first - 1):
        return True
    # ages in apposition: "Anna Ivanova, 34, and her son" / "Ivanov (34)"
    if len(q.numbers) == 1 and first_num.value <= 120 and q.first >= 2:
        before_word, before_raw = words[q.first - 1], raw_at(q.first - 2)
        closing = words[nxt] if nxt < len(words) else "."
        if before_word == "," and before_raw[:1].isupper() and closing in (",", ".", ";", ")", "and"):
            if not lex.category_words.at(words, nxt + 1):
                return True
        if before_word == "(" and before_raw[:1].isupper() and closing == ")":
            return True
    # "one" as a pronoun: "one of the", "no one", "one another"; a thing: "one of its planes went down"
    if first_num.kind == "words" and first_num.text.lower() == "one" and len(q.numbers) == 1:
        prev = words[q.first - 1] if q.first > 0 else ""
        if after_word in lex.not_after_one or prev in ("no", "any", "every", "each", "the", "this", "that", "which"):
            return True
        if after_word == "of":
            k = nxt + 1 + (words[nxt + 1:nxt + 2] in (["the"], ["its"], ["their"], ["his"], ["her"], ["our"]))
            thing = lex.head.at(words, k)
            if thing and thing[1][0] == "other":  # type: ignore[index]
                return True
    return False


# ---------------------------------------------------------------------------
# category cues


def _starts_object(tok: Tokens, i: int, lex: Lexicon) -> bool:
    """Does a noun phrase (the object of a transitive verb) start at token ``i``?"""
    words = tok.words
    if i >= len(words):
        return False
    w = words[i]
    if tok.is_number(i) or w in _DETERMINERS or w in _OBJECT_PRONOUNS or w in lex.person_nouns:
        return True
    qualifier = lex.qualifier_before.at(words, i)
    return bool(qualifier and tok.is_number(i + qualifier[0]))


def _head(q: _Quantity, tok: Tokens, lex: Lexicon) -> tuple[str, str, int, bool] | None:
    """Category, strength, token index of a head noun right after the number, and whether
    it was reached through "of" ("two of the attackers")."""
    words = tok.words
    p = q.tail
    via_of = False
    for _ in range(3):
        if p >= len(words):
            return None
        if tok.is_number(p):
            if q.superset is not None and q.superset.first == p:
                p = q.superset.last
                continue
            return None
        match = lex.head.at(words, p)
        if match:
            category, strength = match[1]  # type: ignore[misc]
            if strength == "strong" and words[p + match[0]:p + match[0] + 1] and (
                    words[p + match[0]] in lex.person_nouns):
                strength = "adjective"  # "two wounded soldiers died": a predicate or a cue before decides
            return category, strength, p, via_of
        w = words[p]
        if not w.isalpha() or w in _AUX or w in _STOPS or lex.after.at(words, p):
            return None
        if w == "of":  # "12 of the victims"
            via_of = True
            p += 1
            if p < len(words) and words[p] in ("the", "them", "those", "whom", "these"):
                p += 1
            continue
        p += 1
    return None


def _skip_parenthetical(tok: Tokens, p: int, lex: Lexicon) -> int | None:
    """At a comma: the index after a skippable aside (", including 12 children,"), else None."""
    words = tok.words
    if p + 1 >= len(words):
        return None
    opener = words[p + 1]
    for k in range(p + 2, min(len(words), p + 14)):
        if words[k] in (",", ")"):
            segment = words[p + 1:k]
            has_verb = any(lex.attribution_verbs.at(words, m) for m in range(p + 1, k))
            has_number = any(tok.is_number(m) for m in range(p + 1, k))
            if opener in ("including", "among", "mostly", "mainly", "many", "most") or has_verb:
                return k + 1
            if tok.is_number(p + 1) and "of" in segment[:4] and ("them" in segment or "whom" in segment):
                return k + 1  # "nine people, six of them children, died"
            if opener in _PAREN_OPENERS and not has_number and len(segment) <= 6:
                return k + 1
            return None
        if words[k] in (".", ";", ":"):
            return None
    return None


_MOVED_TO = frozenset("taken brought rushed sent airlifted flown transferred referred transported admitted".split())
_HOSPITAL_NOUNS = frozenset("hospital hospitals clinic clinics infirmary".split())


def _to_named_hospital(words: list[str], p: int) -> tuple[int, tuple[str, bool]] | None:
    """"were brought to the Masbaro Provincial Hospital", "taken to Sunbury Hospital": a move to a hospital named
    by up to four words, as an ``after`` cue match ``(length, (category, transitive))``."""
    if words[p] not in _MOVED_TO or words[p + 1:p + 2] != ["to"]:
        return None
    for k in range(p + 2, min(len(words), p + 7)):
        if words[k] in _HOSPITAL_NOUNS:
            return k - p + 1, ("hospitalized", False)
        if not words[k].isalpha():
            return None
    return None


def _predicate(q: _Quantity, tok: Tokens, lex: Lexicon, *,
               limit: int = 6) -> tuple[str, int, int, bool, list[_Quantity | None]] | None:
    """Category, token index and length of the predicate cue after the number's noun phrase,
    whether the scan crossed a coordinated group ("five soldiers and a civilian"), and the
    other members of that group (a quantity, or None for "a civilian")."""
    words = tok.words
    p = q.tail
    gap = 0
    coordinated = False
    relative = False
    modified = False
    parts: list[_Quantity | None] = []
    if words[p:p + 2] in (["more", "of"], ["other", "of"]):  # "two more of the wounded had died"
        p += 1
    if p < len(words) and words[p] == "of":  # "four of the injured are ...": skip the whole's name
        p += 1
        pronoun = p < len(words) and words[p] in ("them", "those", "these", "whom")
        if p < len(words) and (words[p] == "the" or pronoun):
            p += 1
        if q.superset is not None and p == q.superset.first:
            p = q.superset.last
        named = None
        if not pronoun or words[p - 1] == "those":  # "four of those rescued were ...", not "three of them fatally"
            named = lex.head.at(words, p) or lex.category_words.at(words, p)
        if named:
            p += named[0]
    while p < len(words) and gap <= limit:
        w = words[p]
        if w == ",":
            skipped = _skip_parenthetical(tok, p, lex)
            if skipped is None:
                return None
            p = skipped
            continue
        if w == "(":
            close = words.index(")", p) if ")" in words[p:] else -1
            if close < 0:
                return None
            p = close + 1
            continue
        if tok.is_number(p):
            if q.superset is not None and q.superset.first == p:  # "19 of the 22 passengers ... were killed"
                p, gap = q.superset.last, 0
                continue
            if p >= 2 and words[p - 2:p] == ["among", "the"]:  # "eight children were among the 46 people killed"
                p = _number_end(tok, p)
                continue
            if not tok.is_count(p):  # "1,500 residents living within two kilometres were told to leave"
                p, gap = p + 1, gap + 1
                continue
            return None
        match = lex.after.at(words, p) or _to_named_hospital(words, p)
        if match and _compound_at(tok, p + match[0] - 1):
            match = None  # "found in a burned-out car"
        if match and match[1][1] and p + match[0] < len(words) and words[p + match[0]] in lex.person_nouns and all(
                words[k].endswith("ly") for k in range(q.tail, p)):
            match = None  # "two critically injured employees died": the participle describes the noun
        if match:
            n, (category, transitive) = match  # type: ignore[misc]
            if transitive and _starts_object(tok, p + n, lex):
                return None  # active voice: "three gunmen killed 60 people"
            if words[p] == "among":  # "were among those killed": a subset
                coordinated, parts = True, []
            if category in ("evacuated", "other"):  # "9 people were rescued with severe burns and taken to ..."
                category = _harm_after(tok, p + n, lex) or category
            return category, p, n, coordinated, parts
        if w == "and" and p + 1 < len(words):
            k = p + 1
            if p > q.tail and words[p - 1] not in lex.person_nouns:  # "9,412 cases and 187 deaths"
                return None
            if tok.is_number(k):  # "23 hostages and four members of the security forces were killed"
                parts.append(tok.quantity_at.get(k))
                k = _number_end(tok, k)
                coordinated = True
            elif words[k] in ("a", "an", "another"):  # "two police officers and a passer-by were wounded"
                parts.append(None)
                k += 1
                coordinated = True
            elif words[k] in lex.person_nouns:  # "men and women"
                pass
            else:
                return None
            p, gap = k, (0 if coordinated else gap + 1)
            continue
        if w == "-":  # "passer-by", "bomb-disposal": one word
            p += 2
            continue
        if w in ("who", "that") and not relative:  # "six climbers who set out on Saturday were found dead"
            relative, limit = True, limit + 6
        if (not modified and p > q.tail and words[p - 1] in lex.person_nouns
                and (w in _NOUN_MODIFIER_PREPS or w in _REDUCED_RELATIVES)):
            # "200 pupils at a boarding school in the eastern town of Kibale were taken to hospital",
            # "two brothers accused of carrying out the attack were detained": the noun's modifier is not counted
            modified, limit = True, limit + 8
        if relative and w in _RELATIVE_PREPOSITIONS:  # "nine fishermen who set out before the storm remain missing"
            p += 1
            gap += 1
            continue
        if w in _STOPS or not (w.isalpha() or w in ("'s", "’s", "-")):
            return None
        p += 1
        gap += 1
    return None


_RELATIVE_PREPOSITIONS = frozenset("before after since until when".split())
_NOUN_MODIFIER_PREPS = frozenset("at in from on near inside aboard".split())
_REDUCED_RELATIVES = frozenset("accused suspected believed thought living working staying travelling traveling "
                               "employed based".split())
_HARM_NOUNS = frozenset("burns injuries wounds fractures".split())


def _compound_at(tok: Tokens, i: int) -> bool:
    """Is the word at ``i`` the first part of a hyphenated compound ("burned-out", "fire-damaged")?"""
    end = tok.ends[i]
    return tok.text[end:end + 1] in ("-", "–") and tok.text[end + 1:end + 2].isalpha()


def _harm_after(tok: Tokens, p: int, lex: Lexicon) -> str | None:
    """A harm cue later in the clause of a rescue: "rescued with severe burns and taken to hospital" -> injured or
    hospitalized; "rescued but later died" -> killed. None when the clause ends first."""
    words = tok.words
    linked = False  # the harm comes after "and", "with", "but": not "found alive in a hospital"
    for k in range(p, min(len(words), p + 10)):
        w = words[k]
        if w in (",", ";", ".", ":", "while", "whereas") or tok.is_count(k):
            return None
        if w in ("and", "with", "but", "suffering"):
            linked = True
            continue
        if not linked:
            continue
        if w in _HARM_NOUNS:
            return "injured"
        match = lex.after.at(words, k) if w in lex.after.by_first else None
        if match and match[1][0] in _HARMED and not _compound_at(tok, k + match[0] - 1):
            return str(match[1][0])
    return None


def _number_end(tok: Tokens, p: int) -> int:
    """Index just past the number whose tokens start at ``p``."""
    while p < len(tok.words) and tok.is_number(p):
        p += 1
    return p


def _label_cue(q: _Quantity, tok: Tokens, lex: Lexicon) -> tuple[str, int] | None:
    """"Persons injured: 183", "• Human lives lost: 26": a label ending in a colon right before the number
    (as in situation reports and fact boxes) names its category; category and the cue's token index."""
    words = tok.words
    colon = q.qstart - 1
    if colon < 1 or words[colon] != ":":
        return None
    for j in range(colon - 1, max(-1, colon - 8), -1):
        if words[j] in (",", ";", ".", ":"):
            break
        match = lex.category_words.ending(words, j) or lex.before.ending(words, j)
        if match and match[1] != "other":
            return str(match[1]), j - match[0] + 1
    return None


def _before_cue(q: _Quantity, tok: Tokens, lex: Lexicon, *, start: int | None = None) -> tuple[str, int] | None:
    """Category and token index of a cue before the number with only fillers between.

    Returns ``("", index)`` when the scan passed a generic count word ("bringing the total
    to 88") but no category cue: the figure then takes its category from the one before.
    ``start``: where to begin the scan back (default: right before the qualifier).
    """
    words = tok.words
    j = q.qstart - 1 if start is None else start
    skipped = 0
    generic_at = -1
    while j >= 0 and skipped <= 6:
        match = lex.before.ending(words, j)
        if match:
            return str(match[1]), j - match[0] + 1
        if tok.is_number(j):
            break
        match = lex.qualifier_before.ending(words, j)
        if match:  # "the toll rose to more than"
            j -= match[0]
            continue
        if words[j] in lex.fillers:
            if words[j] in lex.generic and generic_at < 0:
                generic_at = j
            j -= 1
            skipped += 1
            continue
        break
    return ("", generic_at) if generic_at >= 0 else None


def _toll_cue(q: _Quantity, tok: Tokens, lex: Lexicon) -> tuple[str, int] | None:
    """A toll noun further back in the clause: "the death toll from the quake climbed to 1,200",
    "the number of people killed by Monday's earthquake in the border region rose above 2,100"."""
    words = tok.words
    link = q.qstart - 1
    while link >= 0 and words[link] in ("a", "an", "the", "initial", "earlier", "original", "previous", "estimated"):
        link -= 1  # "revised from an initial 14 to 12"
    if link < 0 or (words[link] not in _TOLL_LINKS and words[q.first - 1] not in _TOLL_LINKS
                    and words[link] not in lex.change_verbs):
        return None
    for j in range(q.qstart - 1, max(-1, q.qstart - _TOLL_REACH), -1):
        if words[j] in (";", ".", ":") or tok.is_count(j):
            return None
        if words[j] in _SEGMENT_SPLITS and j > 0 and words[j - 1] == ",":
            return None  # "confirmed the death toll, while rescuers helped the over 100 injured"
        match = lex.tolls.ending(words, j)
        if match:
            return str(match[1]), j - match[0] + 1
        if words[j] == "number" and j + 1 < len(words) and words[j + 1] == "of":
            for k in range(j + 2, min(q.qstart, j + 6)):  # "the number of people made homeless"
                hit = lex.category_words.at(words, k)
                if hit:
                    return str(hit[1]), j
    return None


def _partial_kind(q: _Quantity, tok: Tokens, lex: Lexicon, stop: int) -> str:
    """A subset marker around the number: "strong" ("including 3", "among them 12", "12 of
    the dead"), "of_them" ("six of them": a subset only if a figure came before), or ""."""
    words = tok.words
    j = q.qstart - 1
    comma_seen = False
    for _ in range(5):
        if j < 0:
            break
        match = lex.partial_before.ending(words, j)
        if match:
            phrase = " ".join(words[j - match[0] + 1:j + 1])
            if phrase in _INCREMENTS:
                return "increment"  # "a further 16": part of a count given before, if one of its kind was
            if not phrase.startswith("of ") or j == q.qstart - 1 or comma_seen:
                return "of_them" if phrase in _OF_THEM and not comma_seen else "strong"
        if words[j] == "," and not comma_seen:
            comma_seen = True
            # "Of the 48 injured, 11 remain ...": a clause opening with "of" names the superset;
            # "In the worst-hit district, 34 people died": a clause naming a part of the scene
            k = j - 1
            while k >= 0 and words[k] not in (",", ";"):
                k -= 1
            if k + 1 < j and words[k + 1] == "of" and any(
                    lex.head.at(words, m) or lex.category_words.at(words, m) for m in range(k + 2, j)):
                return "strong"  # "Of the 48 injured, 11 ..."; not "Of the 64 passengers, 51 were rescued"
            if any(lex.partial_clause.at(words, m) and not (
                    words[m] == "alone" and words[m - 1] in _NOT_A_PART_BEFORE_ALONE) for m in range(k + 1, j)):
                return "strong"  # not "Left alone for hours, 30 people ..."
            j -= 1
            continue
        if words[j] not in lex.fillers:
            break
        j -= 1
    if "alone" in words and _alone_before(q, tok):
        return "strong"  # "Hospitals in the state capital alone have admitted more than 1,100"
    after = words[q.tail] if q.tail < len(words) else ""
    if after == "more":  # "Eight more bodies were pulled out": part of a toll of an earlier sentence
        return "more"
    if after in ("other", "others") and (q.tail + 1 >= len(words) or words[q.tail + 1] != "than"):
        return "other"  # "Two other people were hurt": the same, when it opens the sentence's counts
    for p in range(q.last, min(stop, q.last + 4)):
        if tok.is_number(p) and not (q.superset is not None and q.superset.first <= p < q.superset.last):
            break
        if words[p] in (",", ";", "."):
            break
        match = lex.partial_after.at(words, p)
        if not match:
            if words[p] in _STOPS:
                break
            continue
        phrase = " ".join(words[p:p + match[0]])
        if phrase in _OF_THEM:
            return "of_them"
        if phrase in ("of the", "of"):
            # "40 of the bodies", "two of the attackers": a subset of a category (kept as "of:killed",
            # "of:attackers" for the resolver); "19 of the 22 passengers": not a subset of any count
            k = p + match[0]
            if q.superset is not None and k == q.superset.first:
                k = q.superset.last
            head = lex.head.at(words, k) or lex.category_words.at(words, k)
            if head is None and k + 1 < len(words):
                head = lex.head.at(words, k + 1)
            if head is None:
                return ""
            payload = head[1]
            return "of:" + str(payload[0] if isinstance(payload, tuple) else payload)
        return "strong"
    return ""


_NOT_A_PART_BEFORE_ALONE = frozenset("not left leave leaves lived live lives living be was were is are being felt "
                                     "stand stood".split())


def _alone_before(q: _Quantity, tok: Tokens) -> bool:
    """"X alone" earlier in the count's clause names one part of the scene ("the capital alone has ...");
    not "left alone" or "not alone"."""
    words = tok.words
    for j in range(q.qstart - 1, max(-1, q.qstart - 12), -1):
        w = words[j]
        if w in (",", ";", ":", ".") or w in _STOPS or tok.is_count(j):
            return False
        if w == "alone":
            return j > 0 and words[j - 1].isalpha() and words[j - 1] not in _NOT_A_PART_BEFORE_ALONE
    return False


def _place(q: _Quantity, tok: Tokens, lex: Lexicon) -> bool:
    """A place inside the scene right after the count: "28 bodies within a restroom"."""
    words = tok.words
    for p in range(q.last, min(len(words), q.last + 7)):
        w = words[p]
        if tok.is_number(p) or w in (",", ";", ".") or (w in _STOPS and w != "and") or (w == "and" and p > q.last):
            return False
        if w in lex.place_preps:
            k = p + 1
            while k < len(words) and words[k] in ("a", "an", "the", "one", "its", "their", "single", "another"):
                k += 1
            if lex.places.at(words, k) or lex.places.at(words, p + 1):
                return True
    return False


# "has been corrected", "was later revised", "that officials later described as incorrect", "a figure the
# company later corrected" (on the lower-cased words after the count)
_CORRECTED = re.compile(
    r"\b(?:has|have|had|was|were) (?:since |later |now |also )?been (?:corrected|revised|withdrawn|retracted|amended|"
    r"superseded)\b|\b(?:was|were) (?:later |since )?(?:corrected|revised|withdrawn|retracted|amended)\b"
    r"|\b(?:described|dismissed|rejected) (?:it |them )?as (?:incorrect|wrong|inaccurate|false|exaggerated)\b"
    r"|\blater (?:corrected|revised|withdrew|retracted|denied)\b")
_EARLIER = frozenset("earlier initially first previously originally".split())
_PARTICIPLES = frozenset("killed dead injured wounded hurt missing".split())


def _link_wholes(quantities: list[_Quantity], tok: Tokens, lex: Lexicon) -> None:
    """Link a count to the whole it is taken from: "19 of the 22 passengers" (22 is the superset of 19); in
    "one of 64 people killed" 64 is the count and "one" a person in it (``member_of_count``)."""
    for qa, qb in zip(quantities, quantities[1:]):
        if tok.words[qa.last:qb.qstart] in (["of", "the"], ["of"]) and qb.revision_of is None:
            if _participle_after(qb, tok, lex):
                qa.member_of_count = True  # "one of 64 people killed": 64 is the count, "one" a person in it
                continue
            qa.superset, qb.subset = qb, qa  # "19 of the 22 passengers"


def _participle_after(q: _Quantity, tok: Tokens, lex: Lexicon) -> bool:
    """Is the count followed by a person noun and its participle, with no verb between: "64 people killed"
    (not "the 12 injured", where the participle is the noun)?"""
    words = tok.words
    k = q.last
    return k + 1 < len(words) and words[k] in lex.person_nouns and words[k + 1] in _PARTICIPLES


def _superseded(q: _Quantity, tok: Tokens, lex: Lexicon) -> bool:
    """"an initial 143", "previously reported 143", "up from 1,650", "an earlier estimate of 25",
    "not 15 as previously reported", "lowering a toll of 30", "had earlier put the death toll at seven",
    "the figure of 31 deaths ... has been corrected"."""
    words = tok.words
    if any(lex.superseded_after.at(words, p) for p in range(q.tail, min(len(words), q.tail + 3))):
        return True
    j = q.qstart - 1
    if j >= 2 and words[j] == "of" and words[j - 1] in _COUNT_NOUNS:
        k = j - 2
        while k >= 0 and j - k <= 4 and words[k] in ("a", "an", "the", "its", "their", "death", "official"):
            k -= 1
        if k >= 0 and k < j - 2 and words[k] in lex.change_verbs:
            return True  # "lowering a toll of 30 given by the ministry": the toll it replaces
    named = (j >= 1 and words[j] == "of" and words[j - 1] in _COUNT_NOUNS) or any(
        words[k:k + 3] in ([",", "a", "figure"], [",", "a", "number"], [",", "a", "toll"])
        for k in range(q.last, min(len(words), q.last + 5)))
    if named and _CORRECTED.search(" ".join(words[q.last:])):
        return True  # "The figure of 31 deaths ... has been corrected", "four miners were dead, a figure the company
        # later corrected", "a figure of 12 that officials later described as incorrect"
    if j >= 3 and words[j] == "at" and any(
            words[k] == "had" and words[k + 1] in _EARLIER and words[k + 2] in ("put", "given", "placed", "set")
            for k in range(max(0, j - 10), j - 2)):
        return True  # "had earlier put the death toll there at seven" (not "by Tuesday had put it at 260")
    for _ in range(5):
        if j < 0:
            return False
        if lex.superseded_before.ending(words, j):
            return True
        if words[j] not in lex.fillers and words[j] not in ("toll", "initially", "originally", "previously"):
            return False
        j -= 1
    return False


def _projected(q: _Quantity, tok: Tokens, lex: Lexicon, predicate_at: int | None) -> bool:
    """"could reach 200", "up to 300 may have died"."""
    words = tok.words
    if lex.projected_before.ending(words, q.qstart - 1) or lex.projected_before.ending(words, q.first - 1):
        return True
    if q.qstart >= 1 and words[q.qstart - 1] in ("to", "as", "at") and lex.projected_before.ending(words, q.qstart - 2):
        return True
    stop = predicate_at if predicate_at is not None else min(len(words), q.last + 5)
    first = lex.projected_after.by_first
    return any(lex.projected_after.at(words, p) for p in range(q.last, min(len(words), stop + 1)) if words[p] in first)


def _running_total(q: _Quantity, tok: Tokens) -> bool:
    """"raising the death toll to 17", "bringing the total number of dead to 149"."""
    words = tok.words
    j = q.qstart - 1
    return j >= 0 and words[j] == "to" and any(words[k] in _RUNNING_TOTAL for k in range(max(0, j - 10), j))


def _opens_with_earlier(words: list[str]) -> bool:
    """Does the sentence open by telling what was said first ("Initially, ...", "At first, ...", "Earlier
    reports ...")? Its figures are then superseded."""
    return bool(words[:1]) and any(tuple(words[:len(o)]) == o for o in _EARLIER_OPENERS)


_TOLL_PHRASE_WORDS = frozenset(
    "the its their his her official overall total final death casualty number of toll tally count figure dead "
    "down up sharply slightly further again also that this it".split())


def _via_change(q: _Quantity, tok: Tokens, lex: Lexicon) -> bool:
    """Reached through a change verb: "rose to 104", "was raised to 16", "has climbed to 1,136", or one whose
    object is the toll: "lowered the death toll to 24"."""
    words = tok.words
    j = q.qstart - 1
    if j < 0 or words[j] not in ("to", "at"):
        return False
    if _via_change_words(words, j, lex):
        return True
    # "lowered the death toll to 24", "revised the official number of dead down to 36"
    k = j - 1
    while k >= 0 and j - k <= 8 and (words[k] in _TOLL_PHRASE_WORDS or lex.category_words.at(words, k)):
        k -= 1
    return 0 <= k < j - 1 and j - k <= 8 and words[k] in lex.change_verbs and any(
        words[m] in _COUNT_NOUNS for m in range(k + 1, j))


# ---------------------------------------------------------------------------
# sentence-level rules


def _clauses(tok: Tokens) -> list[int]:
    """Clause number of every token (clauses split at , ; : ( ) and dashes)."""
    out, n = [], 0
    for w in tok.words:
        if w in (",", ";", ":", "(", ")", "—", "–"):
            n += 1
        out.append(n)
    return out


def _background_clauses(tok: Tokens, lex: Lexicon, current_year: int | None = None) -> set[int] | None:
    """Clauses about another, earlier event; None for the whole sentence.

    A clause is marked by a strong phrase ("years ago", "the deadliest since", "so far this
    year"), by a bare year after "in"/"since"/"during" ("killed 1,700 people in 2022"; a date
    such as "on 22 March 2024" is not bare), or by a year after another preposition ("the 2002
    siege") when the sentence has a history cue ("deadliest", "since", "when"). A segment
    (the sentence, or its part after ";") that opens with "in 2013" is marked whole; a
    parenthetical ", in 1981," marks the clauses on both sides of it. The clause after a marked
    one is marked too when it opens with "when", "where" or "in which"; a marked opening
    clause ("Ten years ago, ...") marks the sentence.
    """
    words, raw = tok.words, tok.raw
    if words and words[0] in lex.background_openers.by_first and lex.background_openers.at(words, 0):
        return None  # "Last month, a bomb at the same market killed 30 people."
    last_words = lex.background_strong.by_last
    months = _past_months(tok, lex)
    if last_words.keys().isdisjoint(words) and not any(len(w) == 4 and w[0] in "12" for w in words) \
            and not months:
        return set()
    strong = [i for i, w in enumerate(words) if w in last_words and lex.background_strong.ending(words, i)]
    years = [i for i, w in enumerate(words) if len(w) == 4 and _YEAR.fullmatch(w) and i > 0
             and (words[i - 1] in lex.year_preps or raw[i - 1] in lex.months or words[i - 1] in _TIME_PHRASE_WORDS)
             and (current_year is None or int(w) < current_year)]  # the article's own year is this event's
    if not strong and not years and not months:
        return set()
    clause_of = _clauses(tok)
    # "in 2019", "since 2015"; "the 2004 tsunami", "a 2017 blaze" (a year naming an event)
    # "The 2024 floods have displaced 40,000": a year naming an event told in the present tense is this event
    current_event = {i for i in years if words[i - 1] in ("the", "a") and _present_after(words, clause_of, i)}
    bare = [i for i in years if words[i - 1] in _PAST_YEAR_PREPS or _in_time_phrase(tok, lex, i) or (
        words[i - 1] in ("the", "a") and i + 1 < len(words) and _event_noun_at(words, i + 1, lex)
        and i not in current_event)] + months
    has_cue = any(lex.background_cues.at(words, i) for i in lex.background_cues.positions(words))
    marked = ({clause_of[i] for i in strong} | {clause_of[i] for i in bare}
              | ({clause_of[i] for i in years if i not in current_event} if has_cue else set()))
    if not marked:
        return set()
    if 0 in marked and clause_of[-1] > 0 and (lex.background_strong.at(words, 0) or _opens_with_year(tok, lex)
                                              or any(lex.background_strong.at(words, i) for i in range(0, 4))
                                              or _opening_phrase_with_year(tok, bare, clause_of)):
        return None
    extra = set()
    for i in bare:
        start = _phrase_start(tok, lex, i)  # "in" of "in 1981", "in November 2010"
        if 1 <= start and i < len(words) - 1 and words[start - 1] in _ASIDE_MARKS and words[i + 1] in _ASIDE_MARKS:
            extra |= {clause_of[i] - 1, clause_of[i] + 1}  # "The worst accident, in November 1981, killed 200 people"
        opener = i - 1 if words[i - 1] != "in" or i < 2 or words[i - 2] != "back" else i - 2
        if opener == 0 or words[opener - 1] == ";":  # "...; in 2019, a tanker explosion killed 50 people"
            k = i
            while k < len(words) and words[k] != ";":
                extra.add(clause_of[k])
                k += 1
    for i, w in enumerate(words):
        if w == "," and i + 1 < len(words) and clause_of[i] - 1 in marked:
            nxt = words[i + 1:i + 3]
            if nxt[:1] in (["when"], ["where"]) or nxt in (["in", "which"], ["which", "killed"], ["that", "killed"]):
                extra.add(clause_of[i])
    return marked | extra


def _mark_background(figures: list[SentenceFigure], tok: Tokens, lex: Lexicon, current_year: int | None) -> None:
    """Set the current figures of clauses about an earlier event to ``background``, and those of clauses counting
    over a longer period to ``background`` with ``period`` (``extract_figures`` may set them back)."""
    background = _background_clauses(tok, lex, current_year)
    period = _period_clauses(tok, lex)
    if background is None or background or period is None or period:
        clause_of = _clauses(tok)
        for figure in figures:
            if figure.status != "current":
                continue
            if background is None or clause_of[figure.first] in background:
                figure.status = "background"
            elif period is None or clause_of[figure.first] in period:
                figure.status, figure.period = "background", True


_PERIOD_STARTS = frozenset("began started begun erupted start beginning outbreak onset".split())
_LONG_PERIODS = frozenset("year winter summer spring autumn season monsoon decade century".split())


def _period_clauses(tok: Tokens, lex: Lexicon) -> set[int] | None:
    """Clauses counting over a longer period than the event; None for the whole sentence.

    "since January" (a month, not a date: "since June 1" is one day), "since the protests
    began", "since the start of the war", "in such raids", "this year/winter/season". A "since" phrase that opens the
    sentence marks all of it. ``extract_figures`` keeps such a count current when the article
    has no other count of its kind.
    """
    words, raw = tok.words, tok.raw
    if "since" not in words and "such" not in words and "this" not in words:
        return set()
    clause_of = _clauses(tok)
    marked: set[int] = set()
    for i, w in enumerate(words):
        hit = False
        if w == "this" and words[i + 1:i + 2] and words[i + 1] in _LONG_PERIODS:
            hit = i > 0  # "has already killed 112 people in floods this year"; not "This year's festival ..."
        elif w == "since" and i + 1 < len(words):
            if raw[i + 1] in lex.months and not (i + 2 < len(words) and tok.is_number(i + 2)):
                hit = True  # "since January"
            elif words[i + 1] in ("the", "a", "it", "they"):
                for k in range(i + 2, min(len(words), i + 8)):
                    if words[k] in (",", ";", ".", ":") or tok.is_number(k):
                        break
                    if words[k] in _PERIOD_STARTS:
                        hit = True  # "since the protests began", "since the start of the war"
                        break
        elif w == "such" and i + 1 < len(words) and _event_noun_at(words[:i + 3], i + 1, lex):
            hit = True  # "in such raids", "such attacks"
        if hit:
            if i == 0:
                return None
            marked.add(clause_of[i])
    for i, w in enumerate(words[:-1]):  # "six bombings since January, which have killed more than 90"
        if w == "," and clause_of[i] - 1 in marked and words[i + 1] in ("which", "that"):
            marked.add(clause_of[i])
    return marked


def _event_noun_at(words: list[str], i: int, lex: Lexicon) -> bool:
    """An event noun at ``i`` or one word on: "tsunami" in "the 2004 tsunami", "the 2004 Indian Ocean tsunami"."""
    return any(w in lex.event_nouns for w in words[i:i + 4])


_PRESENT = frozenset("has have is are remain remains continue continues".split())


def _past_months(tok: Tokens, lex: Lexicon) -> list[int]:
    """"in May a bombing ... killed 21", "In March, a raid ... killed 23": a month after "in", with no day or
    year after it, in a past-tense telling; or "since March, when ..." (the when-clause tells the earlier
    event). A news story dates its own event by weekday ("on Saturday"), so a month alone names an earlier
    one; not "the outbreak that began in March has killed 200" (a present tense after the month, or a start
    verb before "in")."""
    words, raw = tok.words, tok.raw
    found = []
    for i in range(1, len(words)):
        if raw[i] in lex.months and words[i - 1] == "in" and not (i + 1 < len(words) and tok.is_number(i + 1)) \
                and not (i >= 2 and words[i - 2] in _PERIOD_STARTS):
            end = words.index(";", i) if ";" in words[i:] else len(words)
            if _PRESENT.isdisjoint(words[i + 1:end]):
                found.append(i)
        elif raw[i] in lex.months and words[i - 1] == "since" and words[i + 1:i + 3] == [",", "when"]:
            found.append(i)  # "the deadliest attack since March, when 45 soldiers were killed"
    return found


_TIME_PHRASE_WORDS = frozenset("the of early late mid summer spring autumn fall winter".split())


def _phrase_start(tok: Tokens, lex: Lexicon, i: int) -> int:
    """Where the time phrase ending in the year or month at ``i`` starts: the "in" of "in 1981", "in March 2016",
    "in the summer of 2003" (at most three words between); ``i - 1`` when there is no such phrase."""
    words, raw = tok.words, tok.raw
    k = i - 1
    while k >= 0 and i - k <= 3 and (words[k] in _TIME_PHRASE_WORDS or raw[k] in lex.months):
        k -= 1
    return k if k >= 0 and words[k] in ("in", "during", "since") else i - 1


def _in_time_phrase(tok: Tokens, lex: Lexicon, i: int) -> bool:
    """Is the year at ``i`` the end of a time phrase after "in"/"during": "in the summer of 2003", "in March
    2016", "in early 2019" ("on March 22, 2024" is a date, not a phrase)?"""
    start = _phrase_start(tok, lex, i)
    return start < i - 1 and tok.words[start] in ("in", "during")


def _present_after(words: list[str], clause_of: list[int], i: int) -> bool:
    """Is the clause of the year at ``i`` in the present (perfect) tense after it ("have displaced", "are")?"""
    k = i + 1
    while k < len(words) and clause_of[k] == clause_of[i]:
        if words[k] in _PRESENT:
            return True
        k += 1
    return False


def _opening_phrase_with_year(tok: Tokens, bare: list[int], clause_of: list[int]) -> bool:
    """"In an attack on the same centre in 2016, 33 recruits were killed": an opening phrase after "in"/"during"
    with no number but its past year sets the time of the whole sentence."""
    words = tok.words
    return bool(words) and words[0] in ("in", "during") and any(clause_of[i] == 0 for i in bare) and not any(
        tok.is_number(k) and not _YEAR.fullmatch(words[k]) for k in range(len(words)) if clause_of[k] == 0)


def _opens_with_year(tok: Tokens, lex: Lexicon) -> bool:
    words = tok.words
    return len(words) > 2 and words[0] in ("in", "back") and any(_YEAR.fullmatch(w) for w in words[1:3])


def _segments(tok: Tokens) -> list[int]:
    """Segment number of every token: split at ";" and at ", though/but/while/whereas"."""
    out, n = [], 0
    words = tok.words
    for i, w in enumerate(words):
        if w == ";" or (w in _SEGMENT_SPLITS and i > 0 and words[i - 1] == ","):
            n += 1
        out.append(n)
    return out


def _attributions(tok: Tokens, lex: Lexicon) -> list[tuple[int, int, str]]:
    """Sources named in the sentence: ``(cue token index, end index, source as written)``."""
    words, raw, text = tok.words, tok.raw, tok.text
    found: list[tuple[int, int, str]] = []

    def span(a: int, b: int) -> str:
        while a < b and words[a] in ("the", "a", "an", "of", "and", ","):
            a += 1
        while b > a and words[b - 1] in ("of", "and", ",", "the", "'s", "’s", "for"):
            b -= 1
        if a >= b or all(words[k] in lex.pronouns for k in range(a, b)):
            return ""
        return text[tok.starts[a]:tok.ends[b - 1]].strip()

    def source_like(k: int) -> bool:
        return (raw[k][:1].isupper() and words[k] not in lex.pronouns) or words[k] in lex.source_words

    def noun_phrase_after(i: int) -> tuple[str, int]:
        k = i
        while k < len(words) and k < i + 10:
            w = words[k]
            if source_like(k) or w in ("of", "the", "for", "and", "a", "an") or w.endswith(("'s", "’s")):
                k += 1
                continue
            if k + 1 < len(words) and words[k + 1] in lex.source_words and w.isalpha() and w not in lex.pronouns:
                k += 1  # "local officials"
                continue
            break
        if any(source_like(m) for m in range(i, k)):
            return span(i, k), k
        return "", k

    def subject_before(i: int) -> str:
        end = i
        while end > 0 and (words[end - 1] in _ADVERBS or words[end - 1] in _AUX
                           or (words[end - 1].endswith("ly") and raw[end - 1].islower())):
            end -= 1  # "the ministry has recorded", "officials later said"
        if end == 0 or not source_like(end - 1) or tok.is_number(end - 1):
            return ""
        k = end
        while k > 0:
            w = words[k - 1]
            if tok.is_number(k - 1):
                break
            if source_like(k - 1) or w in ("of", "the", "for", "a", "an") or w.endswith(("'s", "’s")):
                k -= 1
                continue
            if w.isalpha() and w not in lex.pronouns and w not in _STOPS and words[k] in lex.source_words:
                k -= 1  # "local officials said", "the disaster agency said"
                continue
            break
        return span(k, end)

    firsts = lex.attribution_firsts
    candidates = [i for i, w in enumerate(words) if w in firsts]
    for i in candidates:
        match = lex.according.at(words, i)
        if match:
            source, end = noun_phrase_after(i + match[0])
            if source:
                found.append((i, end, source))
            continue
        match = lex.attribution_verbs.at(words, i)
        if not match:
            final = lex.attribution_final.at(words, i)
            if final and (i + final[0] >= len(words) or words[i + final[0]] in (".", ",", ";", "!", '"', "”")):
                match = final  # "..., the defence ministry claimed."
        if not match or i == 0 or words[i - 1] in _DETERMINERS:
            continue
        source = subject_before(i)
        if source:
            found.append((i, i + match[0], source))
            continue
        if words[i - 1] in (",", "’", "'", '"', "”"):  # "..., said the governor"
            source, end = noun_phrase_after(i + match[0])
            if source:
                found.append((i, end, source))
    return found


_MODALS = frozenset("may might could would will can".split())
_RISE_VERBS = frozenset("rise climb increase grow mount swell".split())
_MODAL_ADVERBS = frozenset("still further yet well likely probably also even significantly sharply".split())
_NEGATIONS = frozenset("not n't never no unlikely hardly".split())


_LIKELY_TO = frozenset("likely expected certain sure bound set feared poised".split())


_RISE_GERUNDS = frozenset("rising climbing increasing growing mounting".split())
_KEEP = frozenset(("keep", "continue"))
_RISE_CHAIN = _MODAL_ADVERBS | _MODALS | _LIKELY_TO | _KEEP | {"to"}


def _modal_rise_positions(words: list[str]) -> list[int]:
    """"the death toll might still rise", "could well climb", "would almost certainly rise", "was certain to
    rise", "was likely to keep rising", "could still go up": a rise verb (or "go up/higher", or "keep/continue"
    and a gerund) after a chain of modals, "likely/certain/bound ... to" and adverbs that holds a modal or a
    "likely" word; the position is the chain's first word."""
    found = []
    for i, w in enumerate(words):
        if (w in _RISE_VERBS or (w in _RISE_GERUNDS and i > 0 and words[i - 1] in _KEEP)
                or (w == "go" and words[i + 1:i + 2] in (["up"], ["higher"]))):
            k = i - 1
            while k >= 0 and i - k <= 5 and (words[k] in _RISE_CHAIN or _is_adverb(words[k])):
                k -= 1
            chain = words[k + 1:i]
            if not (_MODALS.isdisjoint(chain) and _LIKELY_TO.isdisjoint(chain)):
                found.append(k + 1)
    return found


def _is_adverb(word: str) -> bool:
    """"almost certainly", "inevitably", "possibly": adverbs inside a modal chain ("would almost certainly rise")."""
    return word == "almost" or (len(word) > 4 and word.endswith("ly"))


def _negated(words: list[str], i: int) -> bool:
    """"was not expected to rise", "isn't likely to climb": a negation in the two words before a cue."""
    return any(w in _NEGATIONS or w.endswith("n't") for w in words[max(0, i - 2):i])


def _may_rise_cues(tok: Tokens, lex: Lexicon) -> list[tuple[int, str | None]]:
    """Positions of "may rise" cues, with the category they name (None when unnamed); negated cues
    ("the toll was not expected to rise") are none."""
    words = tok.words
    cues = []
    higher = _higher_positions(words, lex) if "higher" in words else []
    modal = _modal_rise_positions(words) if not (_RISE_VERBS.isdisjoint(words) and _RISE_GERUNDS.isdisjoint(words)
                                                 and "go" not in words) else []
    if lex.may_rise.by_last.keys().isdisjoint(words) and not higher and not modal:
        return cues
    positions = [i for i in lex.may_rise.positions(words) if lex.may_rise.at(words, i)]
    for i in higher + modal:
        if not any(j <= i < j + 6 for j in positions):
            positions.append(i)
    for i in sorted(p for p in positions if not _negated(words, p)):
        named = None
        for j in range(max(0, i - 5), i):
            hit = lex.tolls.at(words, j) or lex.category_words.at(words, j)
            if hit and hit[1] != "other":  # "rescuers fear the number may rise" names no category
                named = str(hit[1])
            elif words[j] in ("toll", "tolls"):
                named = "killed"
        cues.append((i, named))
    return cues


_COPULAS = frozenset("is are was were be been".split())
_COUNT_NOUNS = frozenset("number toll tally count figure figures numbers tolls".split())


def _higher_positions(words: list[str], lex: Lexicon) -> list[int]:
    """"the actual number of deaths was probably higher", "the real toll is likely far higher": a count said to
    be higher than reported (a copula, at most two adverbs, "higher", and a toll, or a count noun with a category
    word, in the six words before; not "the number on board may have been higher")."""
    found = []
    for i, w in enumerate(words):
        if w != "higher" or (i + 1 < len(words) and words[i + 1] == "than"):
            continue  # "higher than in 2019" compares; it does not say the count may rise
        k = i - 1
        while k >= 0 and i - k <= 3 and words[k] not in _COPULAS:
            if not (words[k].endswith("ly") or words[k] in ("much", "far", "even", "still", "considerably")):
                k = -1
                break
            k -= 1
        window = range(max(0, k - 6), k)
        if k >= 0 and words[k] in _COPULAS and not _COUNT_NOUNS.isdisjoint(words[max(0, k - 6):k]) and (
                any(words[m] in ("toll", "tolls") or lex.category_words.at(words, m) for m in window)):
            found.append(k)
    return found


def scan_sentence(text: str, *, lexicon: Lexicon | None = None, previous_category: str | None = None,
                  seen: Mapping[str, int] | frozenset[str] = frozenset(),
                  current_year: int | None = None, after_toll: bool = False) -> SentenceScan:
    """Every figure in one sentence (offsets into the sentence), per the rules in ``analysis.figures.ledger``.

    Args:
        text: the sentence.
        lexicon: word lists; defaults to ``load_lexicon()``.
        previous_category: category of the last figure of the previous sentence, used by
            subset markers with no cue of their own ("Among them were 12 children").
        seen: categories with a current figure earlier in the article: "a further 30 were
            injured" is an increment only if an injured count came before. A mapping gives
            each category's largest current whole-event value so far (0 when only partial
            counts came before): "14 bodies" recovered after a toll of 61 is a part of it.
        current_year: the article's publication year, when known: a year from it on names
            this event ("the floods in 2024 killed 200" in a 2024 article), not an earlier one.
        after_toll: the previous sentence gave figures and the article has a death toll so far:
            a may-rise cue whose subject is "it" is about the toll ("... it could go higher still").
    """
    lex = lexicon or load_lexicon()
    lead = _DATELINE.match(text)
    if lead and lead.end() < len(text):
        return _after_dateline(text, lead, lexicon=lex, previous_category=previous_category, seen=seen,
                               current_year=current_year, after_toll=after_toll)
    if not _HAS_DIGIT.search(text) and _QUICK_WORDS.isdisjoint(_ASCII_WORD.findall(text.lower())):
        return _rise_only(text, lex, after_toll=after_toll)
    tok = Tokens.of(text)
    numbers = numbers_in(tok) + _ordinals(tok)
    masks = _mask_spans(text) if numbers else []
    if masks:
        numbers = [n for n in numbers if not any(a < n.end and n.start < b for a, b in masks)]
    if not numbers:
        return _rise_only(text, lex, tok, after_toll=after_toll)
    numbers.sort(key=lambda n: n.start)
    for n in numbers:
        tok.numbers.update(range(n.first, n.last))
    quantities = _group_quantities(numbers, tok, lex)
    for q in quantities:
        _qualify(q, tok, lex)
        tok.quantity_at[q.first] = q
    _link_wholes(quantities, tok, lex)
    counts = [q for q in quantities if not _distractor(q, tok, lex) and not (q.member_of_count and q.value == 1)]
    for q in counts:  # cue scans step over the other numbers: "a magnitude 6.4 earthquake", "two kilometres"
        tok.counts.update(range(q.first, q.last))
    figures = [f for q in counts for f in _quantity_figures(q, tok, lex)]
    figures = _resolve(figures, tok, lex, previous_category, seen)
    if not figures:
        return _rise_only(text, lex, tok, after_toll=after_toll)
    _mark_background(figures, tok, lex, current_year)
    for figure in figures:  # "The agency later lowered the toll to 21": the toll of the whole event changed
        if figure.toll and figure.via_change and figure.status == "current" and figure.scope == "total":
            figure.revises = not _names_place(tok, lex)
    unplaced = _place_may_rise(figures, tok, lex)
    _attribute(figures, tok, lex)
    return SentenceScan(figures, unplaced)


def _ordinals(tok: Tokens) -> list[Number]:
    """"a sixth died later": an ordinal after a/an/the, not before "of" ("a third of")."""
    words, found = tok.words, []
    for i, w in enumerate(words):
        if w in _ORDINALS and i > 0 and words[i - 1] in ("a", "an", "the") and words[i + 1:i + 2] != ["of"]:
            start, end = tok.starts[i], tok.ends[i]
            found.append(Number(start, end, tok.text[start:end], _ORDINALS[w], _ORDINALS[w], _ORDINALS[w], False, "ordinal",
                                True, i, i + 1))
    return found


# A lead-in before a dash: a dateline ("SANKT ORLEN, Feb. 17 (AFP) -", "MORANA, 3 October —"), a live blog's
# time stamp ("17:50 —") or a fact box's dated entry ("* SEPTEMBER 1996 -"). Places are in capitals.
_DATELINE = re.compile(
    r"\s*(?:[*•·▪]\s*)?"
    r"(?:(?P<caps>[A-Z][A-Z'’.\-]+(?:\s+[A-Z][A-Z'’.\-]+){0,3})"
    r"(?:,\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8})(?:,?\s+\d{4})?)?"
    r"(?:\s+(?P<year>\d{4}))?"
    r"|\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?)"
    r"\s*(?:\([^()]{1,40}\))?\s*[—–-]{1,2}\s+")


def _after_dateline(text: str, lead: re.Match, **scan_options) -> SentenceScan:
    """``scan_sentence`` of the text after a dateline or time stamp, with offsets into the whole sentence. A
    fact box entry dated by a month and a past year alone ("* SEPTEMBER 1996 - ... 412 people die") tells an
    earlier event: its figures are background."""
    scan = scan_sentence(text[lead.end():], **scan_options)
    year, current_year = lead.group("year"), scan_options.get("current_year")
    lex = scan_options["lexicon"]
    dated_entry = (year is not None and lead.group("caps").title() in lex.months
                   and (current_year is None or int(year) < current_year))
    for figure in scan.figures:
        figure.start += lead.end()
        figure.end += lead.end()
        if dated_entry and figure.status == "current":
            figure.status = "background"
    return scan


def _rise_only(text: str, lex: Lexicon, tok: Tokens | None = None, *, after_toll: bool = False) -> SentenceScan:
    """No figure here; a "may rise" cue still applies to figures of earlier sentences.

    ``after_toll``: the previous sentence gave figures and the article has a death toll, so a cue whose
    subject is "it" is about that toll ("The toll rose to 27. Officials warned it could go higher still.").
    """
    return SentenceScan([], _rise_cues_alone(text, lex, tok, after_toll=after_toll))


def _quantity_figures(q: _Quantity, tok: Tokens, lex: Lexicon) -> list[SentenceFigure]:
    """The figures one quantity gives (none, one, or two for "the four gunmen" detained); ``q`` is
    not a distractor."""
    head = _head(q, tok, lex)
    before = _before_cue(q, tok, lex)
    left = _left_coordination(q, tok, lex)
    left_before = False
    if before is None and left is not None and left > 0:  # "killing a teacher and three students"
        match = lex.before.ending(tok.words, left - 1)
        if match and match[1] != "other":
            before, left_before = (str(match[1]), left - match[0]), True
    if before is None and left is None and q.qstart >= 2 and tok.words[q.qstart - 1] == "and":
        group = _left_group_cue(q, tok, lex)  # "killed the bomber and 14 others": 14, no sum
        if group is not None:
            before = group
    if before is None:
        before = _label_cue(q, tok, lex)
    far_toll = False
    if before is None or not before[0]:
        toll = _toll_cue(q, tok, lex)
        if toll is not None:
            before, far_toll = toll, True
    predicate = _predicate(q, tok, lex)
    words = tok.words
    if q.qstart >= 3 and words[q.qstart - 2:q.qstart] == ["of", "the"] and words[q.qstart - 3] in _SHARES:
        q.subset = q  # "more than half of the 500 residents": 500 is the whole, not the count
    if q.subset is not None:  # "22" in "19 of the 22 passengers were killed": only its own cues count
        predicate = None
        if head is None and (before is None or not before[0]):
            return []
    if q.numbers[0].kind == "ordinal":  # "a sixth died later": only as the subject of a predicate
        if predicate is None or (before and before[0]) or (head and head[0] != predicate[0]):
            return []
        nxt = words[q.last] if q.last < len(words) else ""
        if not (nxt in _AUX or nxt in _ADVERBS or nxt.endswith("ly") or nxt in lex.person_nouns
                or predicate[1] == q.last):
            return []  # "drilling a second shaft to reach the trapped men": an ordinal before a noun
        before, head = None, None
    partner = q.revision_of or q.revised_by
    if (before is None or not before[0]) and predicate is None and head is None and partner is not None:
        before = _before_cue(partner, tok, lex) or _toll_cue(partner, tok, lex) or before
        predicate = _predicate(partner, tok, lex)
    if head and head[3]:  # a head after "of" names the whole: "four of the injured are in critical condition"
        head = (head[0], "weak", head[2], head[3]) if head[1] in ("strong", "adjective") else None
    primary: str | None = None
    if head and head[1] == "strong":
        primary = head[0]
    elif before and before[0] and not (far_toll and head and head[1] == "adjective"):
        primary = before[0]  # a toll noun far back loses to "the over 100 injured attendees"
    elif predicate:
        primary = predicate[0]
    elif head and head[1] in ("weak", "adjective") and not (head[1] == "weak" and (
            tok.words[q.qstart - 1:q.qstart] in (["including"], ["among"])
            or tok.words[max(0, q.qstart - 2):q.qstart] in (["among", "them"], ["among", "whom"]))):
        primary = head[0]  # but "killed 44, including eight firefighters": a part of the dead, found later
    if primary == "missing" and not lex.missing_not_heads.isdisjoint(tok.words[q.tail:q.tail + 3]):
        primary = None  # "searching for two suspects" is a manhunt, not missing people
    if primary in (None, "evacuated", "other"):  # "Of the injured, 11 were airlifted": a part of the injured
        whole = _clause_whole(q, tok, lex)
        if whole in _HARMED:
            primary = whole
    categories: list[str] = []
    attackers_head = bool(head and head[1] == "attackers")
    if attackers_head and not head[3]:  # not "two of the attackers"
        categories.append("attackers")
    if primary and primary not in categories:
        categories.append(primary)
    stop = predicate[1] if predicate else len(tok.words)
    partial_kind = _partial_kind(q, tok, lex, stop)
    coordinated = bool(predicate and predicate[3] and primary == predicate[0] and primary != "other")
    if coordinated:  # "five soldiers and a civilian were killed": a part of the listed whole
        partial_kind = partial_kind or "strong"
    toll = bool(before and before[0] and primary == before[0] and (far_toll or lex.tolls.at(words, before[1])))
    base = dict(start=q.start, end=q.end, number_text=tok.text[q.start:q.end], value=q.value, low=q.low,
                high=q.high, qualifier=q.qualifier, vague=q.vague, first=q.first, last=q.last, qstart=q.qstart,
                partial_kind=partial_kind, place=_place(q, tok, lex), via_change=_via_change(q, tok, lex),
                running_total=_running_total(q, tok), coordinated=coordinated, toll=toll)
    made = [SentenceFigure(category=c, **base) for c in categories] or [SentenceFigure(category="", **base)]
    if not categories and before is not None and not before[0]:
        made[0].generic = True
    if coordinated and predicate and predicate[4] and made[0].category:
        total = _coordinated_total(q, predicate, made[0], tok)
        if total is not None:
            made.append(total)
    if left is not None and primary and primary != "other" and not q.vague and (
            (predicate and primary == predicate[0]) or (left_before and primary == before[0])):
        # "the driver and three passengers were killed", "killing a teacher and three students": 3 is a part,
        # the group is 4
        made[0].partial_kind = made[0].partial_kind or "strong"
        if left_before and not (predicate and primary == predicate[0]):
            end = _group_end(q, tok, lex)
        else:
            end = predicate[1] - 1
            while end > q.first and (tok.words[end] in _AUX or tok.words[end] == ","):
                end -= 1
        value = q.value + 1
        low, high = {"exact": (value, value), "at_least": (value, None), "over": (value + 1, None)}.get(
            q.qualifier, (None, None))
        made.append(SentenceFigure(start=tok.starts[left], end=tok.ends[end],
                                   number_text=tok.text[tok.starts[left]:tok.ends[end]], category=primary,
                                   value=value, low=low, high=high, qualifier=q.qualifier, vague=False,
                                   first=q.first, last=q.last, qstart=q.qstart))
    if q.numbers[0].kind == "ordinal":
        made[0].ordinal = True
    for figure in made:
        if figure.category in ("killed", "injured", "hospitalized") and attackers_head:
            figure.partial_kind = "strong"  # attackers killed are counted apart from the victims
        if head and head[1] == "strong":
            figure.strong_head = tok.words[head[2]]
        if q.revised_by is not None or _superseded(q, tok, lex):
            figure.status = "superseded"
        elif _projected(q, tok, lex, predicate[1] if predicate else None):
            figure.status = "projected"
    return made


_POSSESSIVES = frozenset("the a an his her their its".split())


def _left_coordination(q: _Quantity, tok: Tokens, lex: Lexicon) -> int | None:
    """Start of "the driver" in "the driver and three passengers": one person listed before the count."""
    words = tok.words
    j = q.qstart - 1
    if j >= 0 and words[j] in _POSSESSIVES:
        j -= 1
    if j < 1 or words[j] != "and" or words[j - 1] not in lex.person_nouns:
        return None
    if words[j - 1].endswith("s") and words[j - 1] not in ("boss", "actress", "hostess"):
        return None  # "soldiers and three civilians": the first group has no number, so no total
    m = j - 1
    for _ in range(7):
        if tok.is_number(m) and words[m + 1:m + 2] != ["-"]:
            return None  # "three men and two women": a listed group, summed by _coordinated_total
        if m == 0 or words[m] in _POSSESSIVES:
            return m
        previous = words[m - 1]
        if previous in (",", ";", ":", "and", "or") or previous in _STOPS or previous in _AUX:
            return m
        m -= 1
    return None


def _left_group_cue(q: _Quantity, tok: Tokens, lex: Lexicon) -> tuple[str, int] | None:
    """The cue before a short group listed ahead of the count: "killed the bomber and 14 others",
    "killing himself and 14 other people". The group has no number; the count is not summed with it."""
    words = tok.words
    for k in range(q.qstart - 2, max(-1, q.qstart - 6), -1):
        w = words[k]
        if not w.isalpha() or w in _AUX or w in _STOPS or tok.is_number(k):
            return None
        match = lex.before.ending(words, k)
        if match and k < q.qstart - 2 and match[1] != "other":
            return str(match[1]), k - match[0] + 1
    return None


def _group_end(q: _Quantity, tok: Tokens, lex: Lexicon) -> int:
    """Last token of the count's noun phrase: "three" in "three students" -> "students"."""
    words = tok.words
    for p in range(q.tail, min(len(words), q.tail + 3)):
        if words[p] in lex.person_nouns:
            return p
        if not words[p].isalpha():
            break
    return q.last - 1


def _clause_whole(q: _Quantity, tok: Tokens, lex: Lexicon) -> str | None:
    """Category named by a clause opening "Of the injured, 11 ...", else None."""
    words = tok.words
    j = q.qstart - 1
    if j < 2 or words[j] != ",":
        return None
    k = j - 1
    while k >= 0 and words[k] not in (",", ";"):
        k -= 1
    if words[k + 1] != "of" or j - k > 6:
        return None
    for m in range(k + 2, j):
        hit = lex.head.at(words, m) or lex.category_words.at(words, m)
        if hit:
            payload = hit[1]
            return str(payload[0] if isinstance(payload, tuple) else payload)
    return None


def _coordinated_total(q: _Quantity, predicate: tuple, part: SentenceFigure, tok: Tokens) -> SentenceFigure | None:
    """The whole of a listed group sharing one predicate: "23 hostages and four members of the
    security forces were killed" -> 27, spanning "23 hostages and four members of the security forces"."""
    parts: list[_Quantity | None] = predicate[4]
    if any(p is not None and (p.qualifier in ("up_to", "range") or p.vague) for p in parts):
        return None
    if q.qualifier in ("up_to", "range") or q.vague:
        return None
    value = q.value + sum(1 if p is None else p.value for p in parts)
    qualifiers = {q.qualifier, *(p.qualifier for p in parts if p is not None)}
    qualifier = "about" if "about" in qualifiers else "at_least" if qualifiers & {"at_least", "over"} else "exact"
    end = predicate[1] - 1
    while end > q.first and (tok.words[end] in _AUX or tok.words[end] in (",", "also", "all", "reportedly")):
        end -= 1
    start_char, end_char = q.start, tok.ends[end]
    low, high = {"exact": (value, value), "at_least": (value, None), "about": (None, None)}[qualifier]
    return SentenceFigure(start=start_char, end=end_char, number_text=tok.text[start_char:end_char],
                          category=part.category, value=value, low=low, high=high, qualifier=qualifier, vague=False,
                          first=q.first, last=q.last, qstart=q.qstart, coordinated=True)


def _resolve(figures: list[SentenceFigure], tok: Tokens, lex: Lexicon, previous_category: str | None,
             seen: Mapping[str, int] | frozenset[str] = frozenset()) -> list[SentenceFigure]:
    """Inheritance, subsets, revisions within the sentence, places, parts of an earlier toll."""
    words = tok.words
    list_head = _list_head(tok, lex)
    resolved: list[SentenceFigure] = []
    for figure in figures:
        prev = resolved[-1] if resolved else None
        if not figure.category:
            inherit = None
            if prev is not None:
                between = words[prev.last:figure.qstart]
                linking = all(w in lex.fillers or w in (",", "and", "while", "with", "but", "-", "–", "later",
                                                        "then", "initially", "originally", "previously", "earlier")
                              for w in between)
                elliptic = (figure.qstart > 0 and words[figure.qstart - 1] in ("and", ",", "while", "but")
                            and _elliptic_tail(figure, tok, lex))
                if (linking or elliptic or figure.partial_kind not in ("", "more", "other") or figure.generic
                        or figure.via_change or figure.status == "superseded"):
                    inherit = prev.category
            if inherit is None and list_head:
                inherit = list_head
                figure.partial_kind = "strong"
            if inherit is None and (figure.partial_kind in ("strong", "increment") or figure.generic):
                own_noun = figure.generic and figure.last < len(words) and words[figure.last] in lex.person_nouns
                # "A total of 18 workers were in the shaft": a count with a noun of its own and no cue is not
                # the previous sentence's kind
                inherit = _category_before(figure, tok, lex) or (None if own_noun else previous_category)
            if inherit is None and figure.partial_kind == "of_them":
                inherit = previous_category
            if inherit is None:
                continue
            figure.category = inherit
            figure.inherited = True
        before_category = prev.category if prev else previous_category
        kind = figure.partial_kind
        if kind == "of_them" and figure.category == "evacuated" and before_category in ("injured", "hospitalized"):
            figure.category = before_category  # "29 were in hospital, and 11 of them had been moved to the capital"
        whole = kind[3:] if kind.startswith("of:") else ""
        if (kind == "strong"
                or (kind == "of_them" and before_category and (
                    before_category == figure.category or (before_category, figure.category) in _RELATED))
                or (kind == "increment" and figure.category != "other" and (figure.category in seen or any(
                    f.category == figure.category for f in resolved)))
                or (kind in ("more", "other") and figure.category != "other" and figure.category in seen
                    and not any(f.category == figure.category for f in resolved))
                or (whole and (whole == figure.category or (whole, figure.category) in _RELATED
                               or (whole == "attackers" and figure.category in _HARMED)))):
            figure.scope = "partial"  # "six of them critically"; not "14 survivors, two of whom died"
        if figure.ordinal:  # "five died and a sixth died later" -> 6; "two dead and a third wounded" -> 1 wounded
            earlier = [f.value for f in resolved if f.status == "current"]
            same = [f.value for f in resolved if f.category == figure.category and f.status == "current"]
            if figure.value - 1 in earlier and figure.value - 1 not in same:
                figure.value = figure.low = figure.high = 1
        if prev and prev.coordinated and prev.category == figure.category and words[figure.qstart - 1] == "and":
            figure.scope = "partial"  # "27 passengers and two crew members died"
        for earlier in resolved:
            if earlier.category != figure.category or earlier.status != "current" or earlier.scope != "total":
                continue
            if figure.running_total:  # "Two more victims died, raising the toll to 17": 2 is an increment
                earlier.scope = "partial"
            elif figure.via_change and figure.status == "current":  # "stood at 89 ..., rose to 104"
                earlier.status = "superseded"
        resolved.append(figure)
    for toll in resolved:  # "the toll had risen to 14 after two critically injured employees died": 2 is an increment
        if toll.toll and (toll.via_change or toll.running_total) and toll.status == "current":
            for figure in resolved:
                if (figure.category == toll.category and not figure.toll and figure.status == "current"
                        and figure.value < toll.value):
                    figure.scope = "partial"
    if words[:1] == ["among"]:  # "Among the 29 dead were seven foreign tourists": what follows the verb is a subset
        verb = next((i for i, w in enumerate(words) if w in ("were", "are", "was", "is", "included", "include")), None)
        for figure in resolved:
            if verb is not None and figure.first > verb:
                figure.scope = "partial"
    if _opens_with_earlier(words):
        for figure in resolved:  # "Initially, authorities said 52 people had died."
            if figure.status == "current" and not figure.via_change:
                figure.status = "superseded"
    for figure in resolved:  # places make a count partial for bodies, or for a breakdown
        if figure.place and figure.status == "current" and figure.scope == "total":
            same = sum(1 for f in resolved if f.category == figure.category and f.status == "current")
            if figure.strong_head in ("bodies", "corpses") or same >= 2 or figure.inherited:
                figure.scope = "partial"
    if isinstance(seen, Mapping) and seen:  # a count below the article's toll so far: bodies found, one place
        named_place = None
        for figure in resolved:
            so_far = seen.get(figure.category, 0)
            if (figure.status != "current" or figure.scope != "total" or figure.value >= so_far or figure.toll
                    or figure.via_change or figure.generic or figure.coordinated):
                continue
            if named_place is None:
                named_place = _names_place(tok, lex)
            if figure.strong_head in ("bodies", "corpses") or named_place:
                figure.scope = "partial"  # "recovered 14 bodies" after 61 dead; "In Marun, 1,540 people had died"
    return resolved


_DAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())


def _names_place(tok: Tokens, lex: Lexicon) -> bool:
    """Does the sentence locate its counts in a named place ("In Marun, ...", "in the province of Ilor")?"""
    words, raw = tok.words, tok.raw
    for i, w in enumerate(words[:-1]):
        if w in ("in", "across", "from"):
            k = i + 1
            if words[k] == "the" and k + 3 < len(words) and words[k + 2] == "of":  # "in the province of Ilor"
                k += 3
            if raw[k][:1].isupper() and words[k] not in _DAYS and raw[k] not in lex.months:
                return True
    return False


def _elliptic_tail(figure: SentenceFigure, tok: Tokens, lex: Lexicon) -> bool:
    """Does the count lack a verb of its own ("and 14 on a staircase", "and seven more")?"""
    words = tok.words
    p = figure.last
    while p < len(words) and (words[p] in lex.person_nouns or words[p] in ("more", "other", "others")):
        p += 1
    return p >= len(words) or words[p] in lex.place_preps or words[p] in (",", ".", ";", ")", "and", "while", "but")


def _list_head(tok: Tokens, lex: Lexicon) -> str | None:
    """Category named by an opening like "Among those killed were ...", else None."""
    words = tok.words
    for i in range(min(3, len(words))):
        match = lex.list_heads.at(words, i) if words[i] in lex.list_heads.by_first else None
        if match:
            return str(match[1])
    return None


def _category_before(figure: SentenceFigure, tok: Tokens, lex: Lexicon) -> str | None:
    """For "the victims, including three children": the category of a cue word before."""
    words = tok.words
    for j in range(figure.qstart - 1, max(-1, figure.qstart - 9), -1):
        if words[j] in (";", ".") or tok.is_number(j):
            return None
        match = lex.category_words.ending(words, j) or lex.before.ending(words, j)
        if match:
            return str(match[1])
    return None


def _place_may_rise(figures: list[SentenceFigure], tok: Tokens, lex: Lexicon) -> list[str]:
    """Flag the figures each "may rise" cue of the sentence is about; the categories of the cues with no figure
    of theirs here (an unnamed cue counts for the dead when the sentence names a count)."""
    unplaced = []
    for position, named in _may_rise_cues(tok, lex):
        if not _flag_may_rise(figures, position, named):
            if named:
                unplaced.append(named)
            elif not _COUNT_NOUNS.isdisjoint(tok.words[:position + 4]):
                unplaced.append("killed")  # "still searching for eight people, so the figure may still go up"
    return unplaced


def _rise_cues_alone(text: str, lex: Lexicon, tok: Tokens | None = None, *, after_toll: bool = False) -> list[str]:
    """The categories named by the "may rise" cues of a sentence with no figure (for the figures of earlier
    sentences)."""
    if not QUICK_RISE.search(text):
        return []
    tok = tok or Tokens.of(text)
    words = tok.words
    # An unnamed cue is about the toll only when the sentence names a count before it or in it: "the figure
    # covered only deaths confirmed by doctors and was likely to rise", not "prices may rise".
    return [named or "killed" for i, named in _may_rise_cues(tok, lex)
            if named or not _COUNT_NOUNS.isdisjoint(words[:i + 4])
            or (after_toll and i > 0 and words[i - 1] == "it")]


def _flag_may_rise(figures: list[SentenceFigure], position: int, named: str | None) -> bool:
    """Flag the figures a "may rise" cue is about; False when none of them is in this sentence."""
    current = [f for f in figures if f.status == "current"]
    if named:
        targets = [f for f in current if f.category == named or (named == "injured" and f.category == "hospitalized")]
    else:
        # the nearest whole-event count of the harmed: "counted 52 dead, including 14 children, and the number was
        # likely to rise"; not the missing or the evacuated, who are why a toll may rise
        current = [f for f in current if f.category in _HARMED]
        current = [f for f in current if f.scope == "total"] or current
        before = [f for f in current if f.first < position]
        after = [f for f in current if f.first >= position]
        targets = [before[-1]] if before else ([after[0]] if after else [])
    for figure in targets:
        figure.may_rise = True
    return bool(targets)


def _attribute(figures: list[SentenceFigure], tok: Tokens, lex: Lexicon) -> None:
    """Give each figure the source of its segment, or a source that frames the whole sentence."""
    sources = _attributions(tok, lex)
    if not sources:
        return
    segment_of = _segments(tok)
    n = len(tok.words)
    tail = n - 1 if n and tok.words[-1] in (".", "!", "?", '"', "”") else n
    # a source frames the whole sentence when it closes it, or opens it with a reporting verb
    # ("Officials said ...", "According to ..."); "X confirmed the death toll, while ..." does not
    framing = [s for s in sources if (segment_of[s[0]] == 0 and _subject_starts(tok, s[0])
                                      and tok.words[s[0]] in _FRAMING_VERBS) or s[1] >= tail]
    for figure in figures:
        own = [s for s in sources if segment_of[s[0]] == segment_of[figure.first]]
        chosen = own[0] if own else (framing[0] if framing else None)
        figure.attributed_to = chosen[2] if chosen else ""


def _subject_starts(tok: Tokens, i: int) -> bool:
    """Is the source cue at ``i`` part of the sentence's opening ("Officials said ...", "According to ...")?"""
    return i <= 8 and "," not in tok.words[:i] or tok.words[:2] == ["according", "to"]
