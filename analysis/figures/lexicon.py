"""The word lists of the figure rules, ready for matching.

``load_lexicon`` reads ``data/figures_lexicon.json`` (category cues, qualifiers, partial and
status cues, attribution verbs and sources, distractor units and labels) into a
``Lexicon``; a user can read and extend the file. Every phrase is matched as a
``PhraseSet`` entry on lowercased word tokens (``analysis.figures.numbers.TOKEN``), longest
phrase first. The closed word classes the rule layers share (auxiliaries, stop words,
determiners, count nouns, the harmed categories) are grammar, not vocabulary to extend,
and are constants here.

Known misses: a phrase matches whole tokens only, so a spelling or an inflection the file
does not list is no match until it is added.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from analysis.data import DATA_DIR, FIGURES_LEXICON, read_words
from analysis.figures.numbers import TOKEN

LEXICON_PATH = FIGURES_LEXICON
UNBORN_PATH = DATA_DIR / "unborn.txt"  # words for a child not yet born (``analysis.figures.unborn``)


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
    shooting_story: re.Pattern
    victims_dead_words: frozenset[str]
    change_verbs: frozenset[str]
    projected_before: PhraseSet
    projected_after: PhraseSet
    may_rise: PhraseSet
    background_cues: PhraseSet
    background_strong: PhraseSet
    background_openers: PhraseSet
    event_nouns: frozenset[str]
    period_phrases: PhraseSet
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
    place_nouns: frozenset[str]
    months: frozenset[str]
    not_after_one: frozenset[str]
    category_words: PhraseSet
    unborn: frozenset[str]


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
        shooting_story=re.compile(r"\b(?:" + "|".join(re.escape(w) for w in data["categories"]["shot"]["story_words"])
                                  + r")\b", re.IGNORECASE),
        victims_dead_words=frozenset(data["categories"]["shot"]["victims_dead_words"]),
        change_verbs=frozenset(status["change_verbs"]),
        projected_before=PhraseSet(status["projected_before"]),
        projected_after=PhraseSet(status["projected_after"]),
        may_rise=PhraseSet(status["may_rise"]),
        background_cues=PhraseSet(background["cues"]),
        background_strong=PhraseSet(background["strong"]),
        background_openers=PhraseSet(background.get("openers", [])),
        event_nouns=frozenset(background.get("event_nouns", [])),
        period_phrases=PhraseSet(background.get("periods", [])),
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
        place_nouns=frozenset(w.lower() for w in distractors.get("place_nouns", [])),
        months=frozenset(distractors["months"]),
        not_after_one=frozenset(distractors["not_a_count_after_one"]),
        category_words=PhraseSet(anywhere),
        unborn=frozenset(read_words(UNBORN_PATH.read_text(encoding="utf-8"))),
    )


# Closed word classes the rule layers share: grammar, not vocabulary to extend.
AUX = frozenset("were was are is have has had been be being will would may might could shall should do did".split())
STOPS = frozenset(
    "and or but while whereas because although though than as when where whose since after before until "
    "unless if so yet".split()
)
DETERMINERS = frozenset("the a an his her their its our your this that these those all every each".split())
ADVERBS = frozenset("later also initially earlier previously subsequently now then originally officially again first "
                    "separately still already".split())
SEGMENT_SPLITS = frozenset("though although but while whereas".split())
COUNT_NOUNS = frozenset("number toll tally count figure figures numbers tolls".split())
HARMED = frozenset(["killed", "injured", "hospitalized"])
