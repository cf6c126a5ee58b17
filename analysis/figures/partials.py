"""Parts and wholes: listed groups and their sum, and counts that are a part of another
(scope ``partial``): rules 5 and 6 of the order in ``analysis.figures.ledger``.

``partial_marker`` reads a subset marker around one number, ``located_in_scene`` a place
inside the scene, ``left_coordination`` and ``coordinated_total`` a listed group,
``names_place`` a named place in the sentence; ``analysis.figures.scan`` sets the scope
from them and from the figures before (``RELATED`` categories, the article's counts so far).

5. Groups listed with one predicate are parts of a whole: "23 hostages and four members of
   the security forces were killed" gives 23 and 4 as ``partial`` and their sum, 27, as a
   whole-event figure whose ``number_text`` spans the list ("five soldiers and a civilian"
   -> 6: "a"/"an" counts one; "the driver and three passengers" -> 4). Only groups of people
   are listed ("9,412 cases and 187 deaths" is not a list); not for ``other``, ranges, vague
   or "up to" counts. An ordinal after a count of another category is one person ("two
   soldiers dead and a third wounded" -> injured 1); after a count of its own category, or
   alone, it is the new toll ("five died and a sixth died later" -> 6).
6. Scope ``partial``: a subset marker ("including three children", "among the dead were",
   "In Gaziantep province alone, 1,100", "In the worst-hit district, 34"), "12 of the dead"
   and "six of them"/"of whom" when the whole is of the same (or a related:
   injured/hospitalized; attackers for the killed) category ("two of the kidnappers were
   arrested" stays a total), a part of a listed group, an increment ("a further 16",
   "another 12") when the article gave a count of that category before, "N more"/"N
   other(s)" when an earlier sentence gave a count of that category and none comes before it
   in its own sentence ("Eight more bodies were pulled out", "Two other people were hurt";
   but "75 were arrested and 200 more detained" gives two totals), a count next to a running
   total or a toll change and below it ("Two more died, raising the toll to 17", "the toll
   had risen to 14 after two employees died": 2 is partial), a place inside the scene for
   bodies or for a breakdown of several counts of one category ("28 bodies in a restroom",
   "14 on a staircase"), "X alone" earlier in the count's clause ("Hospitals in the state
   capital alone have admitted 1,100"; not "left alone"), and a count below the article's
   toll so far of its category when it is of bodies ("recovered 14 bodies" after "at least
   61 drowned") or its sentence names a place ("In Marun, 1,540 people had died" after
   "above 2,100").

Known misses:
- Breakdowns by place are not summed ("40 in Kabul and 12 in Kandahar" gives two figures,
  not 52).
- "N more" within one sentence, or after an earlier blast with no count of its own, stays
  a total ("a second blast killed 13 more").
- A part named without "alone" or a subset marker ("the state capital's hospitals have
  admitted 1,100") is a total; a response noun in a list after "among the dead were" names
  its own category ("five children and two firefighters" gives ``other`` 2).
"""

from __future__ import annotations

from analysis.figures.lexicon import AUX, STOPS, Lexicon
from analysis.figures.numbers import Tokens
from analysis.figures.quantities import Quantity, SentenceFigure

_OF_THEM = frozenset(["of them", "of whom", "of those", "of these", "of which"])
_INCREMENTS = frozenset(["a further", "an additional", "another", "further", "additional"])
RELATED = {("injured", "hospitalized"), ("hospitalized", "injured")}


def partial_marker(q: Quantity, tok: Tokens, lex: Lexicon, stop: int) -> str:
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
            if words[p] in STOPS:
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


def _alone_before(q: Quantity, tok: Tokens) -> bool:
    """"X alone" earlier in the count's clause names one part of the scene ("the capital alone has ...");
    not "left alone" or "not alone"."""
    words = tok.words
    for j in range(q.qstart - 1, max(-1, q.qstart - 12), -1):
        w = words[j]
        if w in (",", ";", ":", ".") or w in STOPS or tok.is_count(j):
            return False
        if w == "alone":
            return j > 0 and words[j - 1].isalpha() and words[j - 1] not in _NOT_A_PART_BEFORE_ALONE
    return False


def located_in_scene(q: Quantity, tok: Tokens, lex: Lexicon) -> bool:
    """A place inside the scene right after the count: "28 bodies within a restroom"."""
    words = tok.words
    for p in range(q.last, min(len(words), q.last + 7)):
        w = words[p]
        if tok.is_number(p) or w in (",", ";", ".") or (w in STOPS and w != "and") or (w == "and" and p > q.last):
            return False
        if w in lex.place_preps:
            k = p + 1
            while k < len(words) and words[k] in ("a", "an", "the", "one", "its", "their", "single", "another"):
                k += 1
            if lex.places.at(words, k) or lex.places.at(words, p + 1):
                return True
    return False


_POSSESSIVES = frozenset("the a an his her their its".split())


def left_coordination(q: Quantity, tok: Tokens, lex: Lexicon) -> int | None:
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
            return None  # "three men and two women": a listed group, summed by coordinated_total
        if m == 0 or words[m] in _POSSESSIVES:
            return m
        previous = words[m - 1]
        if previous in (",", ";", ":", "and", "or") or previous in STOPS or previous in AUX:
            return m
        m -= 1
    return None


def group_end(q: Quantity, tok: Tokens, lex: Lexicon) -> int:
    """Last token of the count's noun phrase: "three" in "three students" -> "students"."""
    words = tok.words
    for p in range(q.tail, min(len(words), q.tail + 3)):
        if words[p] in lex.person_nouns:
            return p
        if not words[p].isalpha():
            break
    return q.last - 1


def coordinated_total(q: Quantity, predicate: tuple, part: SentenceFigure, tok: Tokens) -> SentenceFigure | None:
    """The whole of a listed group sharing one predicate: "23 hostages and four members of the
    security forces were killed" -> 27, spanning "23 hostages and four members of the security forces"."""
    parts: list[Quantity | None] = predicate[4]
    if any(p is not None and (p.qualifier in ("up_to", "range") or p.vague) for p in parts):
        return None
    if q.qualifier in ("up_to", "range") or q.vague:
        return None
    value = q.value + sum(1 if p is None else p.value for p in parts)
    qualifiers = {q.qualifier, *(p.qualifier for p in parts if p is not None)}
    qualifier = "about" if "about" in qualifiers else "at_least" if qualifiers & {"at_least", "over"} else "exact"
    end = predicate[1] - 1
    while end > q.first and (tok.words[end] in AUX or tok.words[end] in (",", "also", "all", "reportedly")):
        end -= 1
    start_char, end_char = q.start, tok.ends[end]
    low, high = {"exact": (value, value), "at_least": (value, None), "about": (None, None)}[qualifier]
    return SentenceFigure(start=start_char, end=end_char, number_text=tok.text[start_char:end_char],
                          category=part.category, value=value, low=low, high=high, qualifier=qualifier, vague=False,
                          first=q.first, last=q.last, qstart=q.qstart, coordinated=True)


_DAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())


def names_place(tok: Tokens, lex: Lexicon) -> bool:
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
