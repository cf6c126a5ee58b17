"""Superseded and projected counts, running totals and revisions through change words: the
status part of rule 7 of the order in ``analysis.figures.ledger`` (``background`` and
``may_rise`` hold its other parts).

``is_superseded`` and ``is_projected`` read one count's words; ``is_running_total`` and
``reached_via_change`` mark a count reached through "bringing the toll to 17" or "rose to
104", which ``analysis.figures.scan`` uses to make the counts before it increments or
superseded; ``opens_with_earlier`` marks a sentence telling what was said first, ``told_at_first``
a count told as what someone "originally told"; ``not_said_first`` drops the people layer's counts
that hold a superseded count (``analysis.figures.ledger.add_people_figures``).

7. Status: ``superseded`` for revisions; for "an initial 143", "previously reported",
   "officials first said", "up from 115", "an earlier estimate of 25", "not 15 as previously
   reported", "lowering a toll of 30", "had earlier put the toll at seven", "the figure of
   31 deaths ... has been corrected", "four were dead, a figure the company later
   corrected", "a figure of 12 that officials later described as incorrect"; for a count
   followed in the sentence by a change to a new count ("stood at 89 ..., rose to 104"); and
   for a sentence opening with "Initially,"/"At first,"/"Initial reports"/"In early reports"; for a count
   told, earlier in its clause, as what someone "originally told" or "initially said" ("Police originally
   told reporters that eight people were wounded": ``told_at_first``). ``projected`` for "could reach
   200", "may exceed 2,000", "up to 300 may have died".
   A toll changed through a change verb in a later sentence ("later lowered the toll to 21",
   "revised the death toll down to 36": the toll as the verb's object) supersedes the
   article's earlier, larger current totals of its category, unless its sentence names a
   place (``analysis.figures.scan`` marks such a toll ``revises``; ``extract_figures``
   supersedes the earlier totals). Else ``current``.

Known misses:
- Revisions phrased without "from", "initial/earlier", "up/down from" or a change verb in
  the same sentence ("The toll is now 133. It was 143 yesterday." gives 143 as current);
  a toll lowered in a later sentence that names a place ("the toll in Alto Serra was
  lowered to 21"), or without a toll noun ("later said 21 had died"), leaves the larger one.
- Toll histories across sentences ("the first official figure was four dead. By midnight
  the department had raised it to 11") leave the earlier counts ``current`` (the largest
  still wins the headline).
- "originally" or "initially" only two words or more before the saying verb ("police initially
  and mistakenly told ...") is not read; "first said" is left to the words right before the number, as
  "first" opens too many other phrases ("first responders told").
"""

from __future__ import annotations

import re

import pandas as pd

from analysis.figures.lexicon import COUNT_NOUNS, Lexicon
from analysis.figures.numbers import Tokens
from analysis.figures.quantities import Quantity, via_change_words

_EARLIER_OPENERS = (("initially",), ("originally",), ("at", "first"), ("previously",), ("earlier", "reports"),
                    ("early", "reports"), ("first", "reports"), ("initial", "reports"), ("in", "initial", "reports"),
                    ("in", "early", "reports"), ("according", "to", "initial", "reports"),
                    ("according", "to", "early", "reports"))
_RUNNING_TOTAL = frozenset("bringing raising taking pushing brings raises takes pushes brought took pushed".split())
# "has been corrected", "was later revised", "that officials later described as incorrect", "a figure the
# company later corrected" (on the lower-cased words after the count)
_CORRECTED = re.compile(
    r"\b(?:has|have|had|was|were) (?:since |later |now |also )?been (?:corrected|revised|withdrawn|retracted|amended|"
    r"superseded)\b|\b(?:was|were) (?:later |since )?(?:corrected|revised|withdrawn|retracted|amended)\b"
    r"|\b(?:described|dismissed|rejected) (?:it |them )?as (?:incorrect|wrong|inaccurate|false|exaggerated)\b"
    r"|\blater (?:corrected|revised|withdrew|retracted|denied)\b")
_EARLIER = frozenset("earlier initially first previously originally".split())


def is_superseded(q: Quantity, tok: Tokens, lex: Lexicon) -> bool:
    """"an initial 143", "previously reported 143", "up from 1,650", "an earlier estimate of 25",
    "not 15 as previously reported", "lowering a toll of 30", "had earlier put the death toll at seven",
    "the figure of 31 deaths ... has been corrected"."""
    words = tok.words
    if any(lex.superseded_after.at(words, p) for p in range(q.tail, min(len(words), q.tail + 3))):
        return True
    j = q.qstart - 1
    if j >= 2 and words[j] == "of" and words[j - 1] in COUNT_NOUNS:
        k = j - 2
        while k >= 0 and j - k <= 4 and words[k] in ("a", "an", "the", "its", "their", "death", "official"):
            k -= 1
        if k >= 0 and k < j - 2 and words[k] in lex.change_verbs:
            return True  # "lowering a toll of 30 given by the ministry": the toll it replaces
    named = (j >= 1 and words[j] == "of" and words[j - 1] in COUNT_NOUNS) or any(
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


def is_projected(q: Quantity, tok: Tokens, lex: Lexicon, predicate_at: int | None) -> bool:
    """"could reach 200", "up to 300 may have died"."""
    words = tok.words
    if lex.projected_before.ending(words, q.qstart - 1) or lex.projected_before.ending(words, q.first - 1):
        return True
    if q.qstart >= 1 and words[q.qstart - 1] in ("to", "as", "at") and lex.projected_before.ending(words, q.qstart - 2):
        return True
    stop = predicate_at if predicate_at is not None else min(len(words), q.last + 5)
    first = lex.projected_after.by_first
    return any(lex.projected_after.at(words, p) for p in range(q.last, min(len(words), stop + 1)) if words[p] in first)


def is_running_total(q: Quantity, tok: Tokens) -> bool:
    """"raising the death toll to 17", "bringing the total number of dead to 149"."""
    words = tok.words
    j = q.qstart - 1
    return j >= 0 and words[j] == "to" and any(words[k] in _RUNNING_TOTAL for k in range(max(0, j - 10), j))


def opens_with_earlier(words: list[str]) -> bool:
    """Does the sentence open by telling what was said first ("Initially, ...", "At first, ...", "Earlier
    reports ...")? Its figures are then superseded."""
    return bool(words[:1]) and any(tuple(words[:len(o)]) == o for o in _EARLIER_OPENERS)


_TOLD_FIRST = frozenset("initially originally".split())
_SAYING = frozenset("told said reported announced stated".split())


def told_at_first(words: list[str], first: int) -> bool:
    """Is the count given as what someone said first, earlier in its clause ("police originally told a reporter
    that eight were wounded", "dispatchers initially said one man was hurt")? The sentence then goes on, or the
    article does, with what is known now."""
    for k in range(first - 1, max(-1, first - 14), -1):
        if words[k] in (";", ".", "but", "while", "although"):
            return False
        if words[k] in _SAYING and k >= 1 and words[k - 1] in _TOLD_FIRST:
            return True
    return False


_TOLL_PHRASE_WORDS = frozenset(
    "the its their his her official overall total final death casualty number of toll tally count figure dead "
    "down up sharply slightly further again also that this it".split())


def reached_via_change(q: Quantity, tok: Tokens, lex: Lexicon) -> bool:
    """Reached through a change verb: "rose to 104", "was raised to 16", "has climbed to 1,136", or one whose
    object is the toll: "lowered the death toll to 24"."""
    words = tok.words
    j = q.qstart - 1
    if j < 0 or words[j] not in ("to", "at"):
        return False
    if via_change_words(words, j, lex):
        return True
    # "lowered the death toll to 24", "revised the official number of dead down to 36"
    k = j - 1
    while k >= 0 and j - k <= 8 and (words[k] in _TOLL_PHRASE_WORDS or lex.category_words.at(words, k)):
        k -= 1
    return 0 <= k < j - 1 and j - k <= 8 and words[k] in lex.change_verbs and any(
        words[m] in COUNT_NOUNS for m in range(k + 1, j))


def not_said_first(people: pd.DataFrame, figures: pd.DataFrame) -> pd.DataFrame:
    """The people counts (``analysis.figures.victims``) that hold no superseded numeral count of ``figures``:
    "police originally told reporters that eight people were wounded" is what was said first, whether read as a
    numeral count or as people listed."""
    first = figures.loc[figures["status"].eq("superseded"), ["article_id", "sentence_idx", "start", "end"]]
    if first.empty or people.empty:
        return people
    pairs = people.reset_index().merge(first, on=["article_id", "sentence_idx"], suffixes=("", "_first"))
    held = pairs[(pairs["start"] <= pairs["start_first"]) & (pairs["end_first"] <= pairs["end"])]["index"]
    return people.drop(index=held.unique())
