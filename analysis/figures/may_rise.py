"""Whether a figure may rise: the ``may_rise`` part of rule 7 of the order in
``analysis.figures.ledger``.

``place_may_rise`` flags the figures of a sentence its cues are about and returns the
categories of the cues it could not place; ``rise_cues_alone`` gives those of a sentence
with no figures. ``extract_figures`` places such cues on the article's figures so far.

``may_rise`` when the sentence says the number may rise: a listed phrase, or a chain of
modals, "likely/ certain/bound ... to" and adverbs before a rise verb ("might still rise",
"could well climb", "would almost certainly rise", "was certain to rise", "likely to keep
rising"), never negated ("was not expected to rise", "isn't likely to rise"). The flag goes
to figures of the category the cue names ("the death toll is expected to rise" -> killed),
else to the nearest whole-event figure of the harmed before it (not a part of it, and not
the missing it gives as the reason: "still searching for eight people, so the figure may
still go up"). A count said to be higher than reported is such a cue ("the actual number of
deaths was probably higher": a copula, adverbs, "higher", and a toll or a count noun with a
category word before it; not "higher than"). A cue that names no category needs a count noun
in its sentence ("the number could still climb", not "prices may rise"). A cue with no
figure of its kind in its own sentence is placed by ``analysis.figures.ledger`` on the
article's figures so far.

Known misses: may-rise wordings outside the list, the modal rule and the "higher" rule
("many more are feared among the dead", "the actual number was probably higher" with no
category word).
"""

from __future__ import annotations

import re

from analysis.figures.lexicon import COUNT_NOUNS, HARMED, Lexicon
from analysis.figures.numbers import Tokens
from analysis.figures.quantities import SentenceFigure

QUICK_RISE = re.compile(r"\b(?:rise|rising|climb|increase|higher|grow|final|go up|go higher|revised up(?:wards?)?)\b",
                        re.IGNORECASE)
_MODALS = frozenset("may might could would will can".split())
_RISE_VERBS = frozenset("rise climb increase grow mount swell".split())
_MODAL_ADVERBS = frozenset("still further yet well likely probably also even significantly sharply".split())
_NEGATIONS = frozenset("not n't never no unlikely hardly".split())
_LIKELY_TO = frozenset("likely expected certain sure bound set feared poised".split())
_RISE_GERUNDS = frozenset("rising climbing increasing growing mounting".split())
_KEEP = frozenset(("keep", "continue"))
_RISE_CHAIN = _MODAL_ADVERBS | _MODALS | _LIKELY_TO | _KEEP | {"to"}
_COPULAS = frozenset("is are was were be been".split())


def place_may_rise(figures: list[SentenceFigure], tok: Tokens, lex: Lexicon) -> list[str]:
    """Flag the figures each "may rise" cue of the sentence is about; the categories of the cues with no figure
    of theirs here (an unnamed cue counts for the dead when the sentence names a count)."""
    unplaced = []
    for position, named in _may_rise_cues(tok, lex):
        if not _flag_may_rise(figures, position, named):
            if named:
                unplaced.append(named)
            elif not COUNT_NOUNS.isdisjoint(tok.words[:position + 4]):
                unplaced.append("killed")  # "still searching for eight people, so the figure may still go up"
    return unplaced


def rise_cues_alone(text: str, lex: Lexicon, tok: Tokens | None = None, *, after_toll: bool = False) -> list[str]:
    """The categories named by the "may rise" cues of a sentence with no figure (for the figures of earlier
    sentences).

    ``after_toll``: the previous sentence gave figures and the article has a death toll, so a cue whose
    subject is "it" is about that toll ("The toll rose to 27. Officials warned it could go higher still.").
    """
    if not QUICK_RISE.search(text):
        return []
    tok = tok or Tokens.of(text)
    words = tok.words
    # An unnamed cue is about the toll only when the sentence names a count before it or in it: "the figure
    # covered only deaths confirmed by doctors and was likely to rise", not "prices may rise".
    return [named or "killed" for i, named in _may_rise_cues(tok, lex)
            if named or not COUNT_NOUNS.isdisjoint(words[:i + 4])
            or (after_toll and i > 0 and words[i - 1] == "it")]


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
        if k >= 0 and words[k] in _COPULAS and not COUNT_NOUNS.isdisjoint(words[max(0, k - 6):k]) and (
                any(words[m] in ("toll", "tolls") or lex.category_words.at(words, m) for m in window)):
            found.append(k)
    return found


def _flag_may_rise(figures: list[SentenceFigure], position: int, named: str | None) -> bool:
    """Flag the figures a "may rise" cue is about; False when none of them is in this sentence."""
    current = [f for f in figures if f.status == "current"]
    if named:
        targets = [f for f in current if f.category == named or (named == "injured" and f.category == "hospitalized")]
    else:
        # the nearest whole-event count of the harmed: "counted 52 dead, including 14 children, and the number was
        # likely to rise"; not the missing or the evacuated, who are why a toll may rise
        current = [f for f in current if f.category in HARMED]
        current = [f for f in current if f.scope == "total"] or current
        before = [f for f in current if f.first < position]
        after = [f for f in current if f.first >= position]
        targets = [before[-1]] if before else ([after[0]] if after else [])
    for figure in targets:
        figure.may_rise = True
    return bool(targets)
