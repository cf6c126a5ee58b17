"""Canonical names across the corpus: one display name and label per entity.

Canonical names, in order of precedence:
1. the alias table ``data/entity_aliases.csv`` (user-extendable): "U.S.",
   "US", "United States" -> United States; "ISIS", "IS", "the Islamic State
   group" -> Islamic State; "ISIS-K" -> Islamic State Khorasan Province, whose
   ``parent`` is Islamic State;
2. acronyms the article defines, "Long Name (ACRO)": the first letter must
   match and at least half the long name's initials must occur, in order, in
   the acronym; a definition in one article applies across the corpus unless
   another article defines the acronym differently;
3. in the same article, a short mention that is the last name of a person
   named in full ("Putin" after "Vladimir Putin"), or the first or last words
   of a longer organisation or facility name ("Crocus" after "Crocus City
   Hall"); across the corpus, a lone last name that fits exactly one full name;
4. otherwise the folded name (``analysis.entities.aliases.fold``): case, dots,
   hyphens, diacritics and possessives do not split an entity; a person's
   office words and middle initials are ignored ("Russian President Vladimir
   V. Putin" -> Vladimir Putin, and "Russian" counts as a mention of Russia).
Demonyms and adjectives ("Russian", "Ukrainians", "Tajik") become mentions of
their place (``data/demonyms.csv``) with ``via_demonym`` True. The label of a
canonical entity is the alias table's, else GPE for a listed place, else the
NER's majority label over the corpus, where full spellings outvote short forms
and a one-word ORG right after "in", "near", "outside", "across" or "around"
("hospitals in Karachi") votes GPE; a name ending in a facility word ("Hall",
"Stadium", ``data/entity_heads.csv``) is FAC. A span the NER cut short is
grown to a name of the alias table when the next words complete one ("The
[Islamic] State group").

Steps 1-3 within one article run in ``analysis.entities.mentions``; this module joins keys
across articles and picks each entity's display name and label.

Known misses: spelling variants that differ in letters ("Zelensky"/"Zelenskyy") need an alias
row; a name the NER never tags is never found.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from analysis.entities.aliases import Lexicon, fold
from analysis.entities.mentions import Mention

#: Tie-break order when the NER's votes for a label are even.
_LABEL_ORDER = ("PERSON", "ORG", "GPE", "FAC", "LOC", "NORP", "EVENT", "PRODUCT", "LAW", "WORK_OF_ART")


def resolve_across_corpus(articles: list[list[Mention]], acronyms: list[dict[str, str]]) -> None:
    """Acronyms defined once in the corpus, lone last names of one known person, NORP plurals."""
    definitions: dict[str, set[str]] = defaultdict(set)
    for found in acronyms:
        for acro, long_key in found.items():
            definitions[acro].add(long_key)
    unique = {acro: next(iter(keys)) for acro, keys in definitions.items() if len(keys) == 1}
    full_names: dict[str, set[str]] = defaultdict(set)
    norp_keys: set[str] = set()
    for mentions in articles:
        for m in mentions:
            if m.label == "PERSON" and len(m.key.split()) > 1:
                full_names[m.key.split()[-1]].add(m.key)
            if m.label == "NORP":
                norp_keys.add(m.key)
    for mentions in articles:
        for m in mentions:
            if m.resolved or m.via_demonym:
                continue
            if m.key in unique:
                m.key, m.direct = unique[m.key], False
            elif m.label in ("PERSON", "ORG") and " " not in m.key and len(full_names.get(m.key, ())) == 1:
                m.key, m.direct = next(iter(full_names[m.key])), False
            elif m.label == "NORP" and m.key.endswith("s") and m.key[:-1] in norp_keys:
                m.key = m.key[:-1]


def display_names(per_article, lexicon: Lexicon) -> dict[str, tuple[str, str, str]]:
    """key -> (canonical name, label, parent) over the whole corpus."""
    spellings: dict[str, Counter] = defaultdict(Counter)
    labels: dict[str, Counter] = defaultdict(Counter)
    first_seen: dict[str, int] = {}
    order = 0
    for _, _, mentions, _ in per_article:
        for m in mentions:
            first_seen.setdefault(m.key, order)
            order += 1
            if m.direct:
                spellings[m.key][m.name] += 1
            if not m.via_demonym:
                # Full spellings vote on the type; short forms only when nothing else does.
                labels[m.key]["GPE" if m.locative else m.label] += 100 if m.direct else 1
    result = {}
    for key in first_seen:
        entry = lexicon.aliases.get(key)
        if entry is not None and fold(entry.canonical) != key:
            entry = None
        if entry is not None:
            name = entry.canonical
        elif spellings[key]:
            # Most frequent spelling; on a tie prefer one not written in capitals.
            name = max(spellings[key].items(), key=lambda item: (item[1], not item[0].isupper()))[0]
        else:
            name = key.title()
        label = entry.label if entry is not None else ""
        if not label and lexicon.is_place(key):
            label = "GPE"
        if not label:
            votes = labels[key] or Counter({"ORG": 1})
            label = max(votes.items(), key=lambda item: (item[1], -_LABEL_ORDER.index(item[0])
                                                         if item[0] in _LABEL_ORDER else -99))[0]
            label = _retype_by_head(name, label, lexicon)
        parent = entry.parent if entry is not None else ""
        result[key] = (name, label, parent)
    return result


def _retype_by_head(name: str, label: str, lexicon: Lexicon) -> str:
    """"Crocus City Hall" is a FAC, "Arema FC" an ORG, whatever the NER said (not a person's "John Hall")."""
    words = fold(name).split()
    if len(words) < 2 or words[-1] not in lexicon.heads or label == "NORP":
        return label
    new = lexicon.heads[words[-1]]
    if new == "FAC" and label not in ("ORG", "FAC", "GPE", "LOC"):
        return label
    return new
