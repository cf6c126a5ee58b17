"""Numbers in one sentence grouped into quantities, and the quantities that are not counts.

``group_quantities`` turns the numbers ``analysis.figures.numbers`` reads (and
``ordinal_numbers``) into ``Quantity`` records, with ranges merged and revisions linked;
``link_wholes`` links a count to the whole it is taken from; ``mask_spans`` and
``is_distractor`` drop what is not a count. ``SentenceFigure`` is what a count becomes once
the rule layers have read it. Rules 1 and 2 of the order in ``analysis.figures.ledger``:

1. Numbers: ``analysis.figures.numbers.find_numbers`` (digits, number words, vague quantities), plus
   ordinals that open a toll ("a sixth died later" -> 6, only when a predicate follows; "the fifth man
   was pronounced dead" is one man). "60
   to 70", "60-70", "between 60 and 70" and "two or three" become one ``range`` figure;
   "from 143 to 133" after a change verb ("revised", "rose"), or any descending "X to Y", is
   a revision: X ``superseded``, Y ``current``; so is "to 133 from 143". In "19 of the 22
   passengers were killed" the 22 is the whole, not a figure.
2. Distractors are dropped: years (1800-2100 written without a comma, unless a people noun
   follows: "2000 people"), dates next to a month name ("Feb. 17" too), ISO and slashed
   dates, clock times, phone numbers, URLs, money (currency sign or unit), percentages, a
   number joined by a hyphen to a word ("20-year-old", "6,200-seat"), a unit after the
   number ("two decades", "40 km", "8 p.m."), a rate ("20,000 vehicles a day"), a label
   before it ("Article 205", "Flight 17", "No. 5"), a context before it ("attended by
   hundreds", "a hall that holds 6,200", "aged 20", "sentenced to 15", "carrying 150
   passengers"), ages in apposition ("Ivanova, 34,"), street addresses ("12 Tverskaya
   Street"), decimals that are not whole counts, shares ("half of the 500 residents"), "one"
   as a pronoun ("no one", "one another") or for a thing ("one of its planes went down"),
   and ordinals before a noun ("drilling a second shaft"). From US local crime reporting: block
   addresses ("in the 4500 block of Elm Street", "the 4500 blk Elm St."), a house number before a compass point ("305
   E. Main"), 911 calls ("called 911", "a 911 call"), shots, rounds, casings and gunshots
   ("fired 12 rounds", "heard six shots", "30 shell casings"), calibres, charge counts ("three
   counts of attempted murder"), photo captions ("Image 1 of 8"), every number of a list
   after "ages" ("ages four, six and 13"), ages written "9 -year-old" or "6 yr old",
   "shot down 31 drones", a year before a singular harm noun ("the 2015 death of"), an age after a
   name and before "of" a place ("Shawn Hill Jr., 21 of Dayton") or "both" ("Al Lee, 28 and Bo Ray, 25 both
   of Dayton"), ages listed after their people ("wounded two men, 19 and 20, who were shot"), a station's
   number ("NBC 6"). The cue rules (``counts``) step
   over these numbers ("1,500 residents living within two kilometres were told to leave their
   homes").

Known misses: a bail amount or prison term written without its context word ("held on
500,000", "15 to 30 in prison") and a case number without a label; a tip line written with
words between its digits. Ranges and revisions are read only between two numbers side by side ("60 to
70", "from 143 to 133", "to 133 from 143"); other wordings of a revision, within or across
sentences, are ``status``'s. A crowd size or a capacity with no context word of the
lexicon before it is not a distractor: whether it is a figure is left to the category cues
(``counts``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from analysis.figures.lexicon import Lexicon
from analysis.figures.numbers import Number, Tokens

# "a sixth died later": the toll became six (only when a predicate follows; "arrested a third" is not a count)
ORDINALS = {"second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9,
            "tenth": 10, "eleventh": 11, "twelfth": 12}
_MASKS = re.compile(
    r"\b\d{4}-\d{1,2}-\d{1,2}\b"  # 2024-03-22
    r"|\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b"  # 22/03/2024
    r"|\b\d{1,2}:\d{2}(?::\d{2})?\b"  # 20:00
    r"|\b\d{1,2}\.\d{2}\s*[ap]\.?m\b"  # 8.30 pm
    r"|https?://\S+|\bwww\.\S+|\S+@\S+\.\w+"
    r"|(?:\+\d{1,3}[\s-]?)?(?:\(\d{2,5}\)[\s-]?)?\d{1,4}(?:[\s-]\d{2,4}){2,}"  # phone numbers
)
_PHONE_HINT = re.compile(r"[+()-]")
_MASK_HINT = re.compile(r"\d[:/.\-]\d|\d[\s-]\d{2,4}[\s-]\d|https?:|www\.|@|\+\d|\(\d")
YEAR = re.compile(r"1[89]\d\d|20\d\d|2100")
_UNIT_MODIFIERS = frozenset("more long full whole consecutive additional extra straight entire further".split())
_TIME_WORDS = frozenset(
    "on by late early overnight this last monday tuesday wednesday thursday friday saturday sunday morning "
    "afternoon evening night week weekend ,".split())
_PARTICIPLES = frozenset("killed dead injured wounded hurt missing".split())
_TOLL_VERBS = frozenset("died dies has had was is later also then succumbed".split())
_AGES_CLOSE = frozenset([",", ".", ";", "who", "both"])
_ONE_EVENT = frozenset("death killing shooting murder slaying homicide".split())


@dataclass(eq=False)
class Quantity:
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
    revision_of: "Quantity | None" = None  # Y in "from X to Y" -> X
    revised_by: "Quantity | None" = None  # X in "from X to Y" -> Y
    superset: "Quantity | None" = None  # 19 in "19 of the 22 passengers" -> 22
    member_of_count: bool = False  # "one" in "one of 64 people killed": a person in the count, not a count
    subset: "Quantity | None" = None  # 22 in "19 of the 22 passengers" -> 19

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
    rule: str = "numeral"  # how the count was read (see the figures table's ``rule`` column)


def ordinal_numbers(tok: Tokens) -> list[Number]:
    """"a sixth died later": an ordinal after a/an/the, not before "of" ("a third of")."""
    words, found = tok.words, []
    for i, w in enumerate(words):
        if w in ORDINALS and i > 0 and words[i - 1] in ("a", "an", "the") and words[i + 1:i + 2] != ["of"] \
                and not (words[i - 1] == "the" and words[i + 1:i + 2] and words[i + 1].isalpha()
                         and words[i + 1] not in _TOLL_VERBS):  # "the fifth man was pronounced dead" is one man
            start, end = tok.starts[i], tok.ends[i]
            found.append(Number(start, end, tok.text[start:end], ORDINALS[w], ORDINALS[w], ORDINALS[w], False,
                                "ordinal", True, i, i + 1))
    return found


def mask_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of ISO and slashed dates, clock times, URLs, e-mail addresses and phone numbers: no number
    inside one is a count."""
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


def group_quantities(numbers: list[Number], tok: Tokens, lex: Lexicon) -> list[Quantity]:
    """Numbers to quantities: ranges merged, revisions linked.

    ``"between 60 and 70"`` -> one range; ``"revised from 143 to 133"`` -> 143 (revised_by 133)
    and 133 (revision_of 143); ``"down to 41 from 47"`` -> 47 revised_by 41.
    """
    words = tok.words
    quantities: list[Quantity] = []
    spans = [(n.first, n.last) for n in numbers]
    i = 0
    while i < len(numbers):
        a = numbers[i]
        a_first, a_last = spans[i]
        q = Quantity([a], a_first, a_last, a.value, a.low, a.high, a.vague)
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
                    new = Quantity([b], b_first, b_last, b.value, b.low, b.high, b.vague)
                    new.revision_of, q.revised_by = q, new
                    quantities += [q, new]
                    i += 2
                    continue
                if (is_between or between in (["to"], ["or"]) or hyphen_tight) and a.value < b.value:
                    quantities.append(Quantity([a, b], a_first, b_last, a.value, a.low, b.high,
                                               a.vague or b.vague, "range"))
                    i += 2
                    continue
            if between[-1:] == ["from"] and a_first > 0 and words[a_first - 1] in ("to", "at") and (
                    len(between) == 1 or (len(between) <= 5 and _TIME_WORDS.issuperset(between[:-1])
                                          and via_change_words(words, a_first - 1, lex))):
                # "rose to 31 from 22"; "rose to 31 on Friday from 22 a day earlier"; "rose to 14, from 9"
                old = Quantity([b], b_first, b_last, b.value, b.low, b.high, b.vague)
                q.revision_of, old.revised_by = old, q
                quantities += [q, old]
                i += 2
                continue
        quantities.append(q)
        i += 1
    return quantities


def via_change_words(words: list[str], to: int, lex: Lexicon) -> bool:
    """A change verb in the three words before "to" at ``to``: "rose to", "was raised to"."""
    return any(words[k] in lex.change_verbs for k in range(max(0, to - 3), to))


def link_wholes(quantities: list[Quantity], tok: Tokens, lex: Lexicon) -> None:
    """Link a count to the whole it is taken from: "19 of the 22 passengers" (22 is the superset of 19); in
    "one of 64 people killed" 64 is the count and "one" a person in it (``member_of_count``)."""
    for qa, qb in zip(quantities, quantities[1:]):
        if tok.words[qa.last:qb.qstart] in (["of", "the"], ["of"]) and qb.revision_of is None:
            if _participle_after(qb, tok, lex, wider=qa.value == 1):
                qa.member_of_count = True  # "one of 64 people killed": 64 is the count, "one" a person in it
                continue
            qa.superset, qb.subset = qb, qa  # "19 of the 22 passengers"


def _participle_after(q: Quantity, tok: Tokens, lex: Lexicon, *, wider: bool = False) -> bool:
    """Is the count followed by a person noun and its participle, with no verb between: "64 people killed"
    (not "the 12 injured", where the participle is the noun)? ``wider`` (for "one of"): also "the three men
    shot and killed", "victims killed" and a relative clause of harm on the person noun: "one of the two people
    who died", "one of six victims who were wounded" (the harm is the whole's, and "one" a person in it; "three
    of the five people who were injured" stays a part of a whole)."""
    words = tok.words
    k = q.last
    if not wider:
        return k + 1 < len(words) and words[k] in lex.person_nouns and words[k + 1] in _PARTICIPLES
    if not (k + 1 < len(words) and (words[k] in lex.person_nouns or words[k] == "victims")):
        return False
    if words[k + 1] in _PARTICIPLES or words[k + 1:k + 4] == ["shot", "and", "killed"]:
        return words[k] != "victims" or words[k + 1] != "missing"
    if words[k + 1] in ("who", "that"):
        rest = words[k + 2:k + 5]
        while rest and rest[0] in _RELATIVE_AUX:
            rest = rest[1:]
        return bool(rest) and rest[0] in _RELATIVE_HARM
    return False


_RELATIVE_AUX = frozenset("were was had have has been later also".split())
_RELATIVE_HARM = frozenset("died killed dead wounded injured hurt shot slain murdered".split())


_SPACED_MODIFIER = re.compile(r" [-–](?:year|month|week|day|hour)s?-old\b")
_COMPASS = re.compile(r"[NSEW]\.?|[NS][EW]\.?")


def is_distractor(q: Quantity, tok: Tokens, lex: Lexicon) -> bool:
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
    if _SPACED_MODIFIER.match(text, last_num.end):  # "a 9 -year-old boy": the same, with a stray space
        return True
    # years: "in 2004", "the 2002 siege"; "2000 people" stays a count
    if first_num.kind == "digits" and YEAR.fullmatch(first_num.text) and len(q.numbers) == 1:
        if not (after_word in lex.person_nouns or lex.category_words.at(words, nxt)) or after_word in _ONE_EVENT:
            return True  # but "the 2015 death of his son" is a year: a count of deaths is plural
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
    # a place's name: "killed in Four Hills", "at Seven Oaks Park"; not "washed away two bridges"
    if after_word in lex.place_nouns and raw_at(nxt)[:1].isupper():
        return True
    # labels before: "Article 205", "Flight 17", "No. 5"
    if lex.labels_before.ending(words, q.first - 1):
        return True
    # street addresses: "12 Tverskaya Street"; "inside 305 E. Main" (a house number before a compass point)
    if first_num.kind == "digits" and first_num.value >= 100 and _COMPASS.fullmatch(next_raw):
        return True
    j = nxt
    while j < len(words) and j < nxt + 3 and raw_at(j)[:1].isupper():
        j += 1
        if j < len(words) and words[j] in lex.street_suffixes:
            return True
    # context before: "attended by hundreds", "aged 20", "a hall that holds 6,200"
    if lex.context_before.ending(words, q.qstart - 1) or lex.context_before.ending(words, q.first - 1):
        return True
    # every number of a list after one: "their three sons, ages two, nine and 15"
    k = q.first - 1
    while k > 0 and (k in tok.numbers or words[k] in (",", "and")):
        k -= 1
    if k < q.first - 1 and (k + 1) in tok.numbers and lex.context_before.ending(words, k):
        return True
    # ages listed after the people they belong to: "wounded two men, 19 and 20, who were shot"
    if k < q.first - 1 and words[k + 1] == "," and words[k] in lex.person_nouns and all(
            not w.isdigit() or int(w) <= 120 for w in words[k + 2:q.first]) and \
            first_num.value <= 120 and ((words[nxt] if nxt < len(words) else ".") in _AGES_CLOSE or (
                words[nxt] == "and" and nxt + 1 in tok.numbers)):
        return True
    # ages in apposition: "Anna Ivanova, 34, and her son" / "Ivanov (34)"
    if len(q.numbers) == 1 and first_num.value <= 120 and q.first >= 2:
        before_word, before_raw = words[q.first - 1], raw_at(q.first - 2)
        if before_raw == "." and q.first >= 3:  # "Wendell Edwards Jr., 22"
            before_raw = raw_at(q.first - 3)
        closing = words[nxt] if nxt < len(words) else "."
        of_place = closing == "of" and raw_at(nxt + 1)[:1].isupper()  # "Shawn Johnson, 21 of Lynchburg"
        if before_word == "," and before_raw[:1].isupper() and (closing in (",", ".", ";", ")", "and", "both") or
                                                                 of_place):
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
