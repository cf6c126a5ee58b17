"""One article's mentions: NER spans cleaned, demonyms mapped, names resolved within the article.

``article_mentions`` turns an article's raw NER spans into ``Mention`` records whose ``key``
already joins the surface forms the article itself ties together (alias table, acronyms it
defines, short forms of longer names; steps 1-3 of the canonical-name rules in
``analysis.entities.canonical``).

Cleaning (a span is dropped or trimmed):
- numeric and language types (DATE, CARDINAL, MONEY, LANGUAGE, ...) are dropped;
- a span outside every sentence is dropped: section headings ("Unfolding of
  Events" read as ORG) and page junk are not sentences; so is a span that runs
  across a sentence or paragraph boundary;
- unbalanced brackets are cut off ("The Islamic State (" -> "Islamic State"),
  as are a leading "the"/"a", a trailing possessive ("Moscow's" -> "Moscow")
  and stray punctuation;
- spans with no capital letter, with fewer than two letters, made only of
  office words ("President"), or listed in ``data/entity_junk.txt`` go;
- an organisation or venue loses the rank or office words the tagger ran into from the
  person named next ("... Police Department Capt" -> "... Police Department").

Known misses: a span the small model cuts short is only grown when the next words complete an
alias-table name; "The Hague" loses its "The" unless aliased; two people sharing a surname
in one article join to the nearest earlier full name.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass

import numpy as np
import pandas as pd

from analysis.entities.aliases import Lexicon, fold

#: NER labels kept as entities; numbers, dates and languages are not.
NAMED_LABELS = frozenset({"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW"})


#: Labels whose short forms may stand for a longer name of the same family.
_FAMILY = {"ORG": "org", "FAC": "org", "LOC": "loc", "EVENT": "event", "PRODUCT": "work", "WORK_OF_ART": "work",
           "LAW": "work"}


_DETERMINER = re.compile(r"(?:the|a|an)\s+", re.IGNORECASE)


_POSSESSIVE_END = re.compile(r"(?:['’]s|s['’]|['’])$")


_INITIALS_END = re.compile(r"(?:\b[A-Z]\.)+$")


_EDGE = " \t\n\"'“”‘’«»-–—,;:.!?*•|/"


_TOKEN = re.compile(r"\S+")


_LOCATIVE = re.compile(r"\b(?:in|near|outside|across|around)\s+$")


# "Islamic State Khorasan Province (ISIS-K)": capitalised words, inner
# lower-case connectors, then an acronym in brackets.
_NAME_WORD = r"(?:[A-Z][\w'’&-]*|(?:[A-Z]\.){2,})"


_CONNECTORS = ("of", "and", "the", "for", "on", "in", "de", "du", "del", "al", "la", "le", "von", "van", "der", "&")


_ACRONYM = re.compile(r"\((?P<acro>[A-Z][A-Za-z0-9.&-]{1,11})\)")


_NAME_TOKEN = re.compile(_NAME_WORD)


@dataclass
class Mention:
    start: int
    end: int
    surface: str
    label: str
    sentence_idx: int
    name: str  # display candidate: the surface without office words, determiner or possessive
    key: str  # folded name; mentions sharing a key are one entity
    via_demonym: bool = False
    resolved: bool = False  # key fixed by the alias table or a demonym (not open to short-name rules)
    direct: bool = True  # ``name`` spells the entity in full (a candidate for its display name)
    locative: bool = False  # "in Karachi": a one-word ORG after "in", "near"... votes for GPE


NO_SENTENCES: tuple[list[int], list[int], list[int], list[int]] = ([], [], [], [])


def sentence_bounds(sentences: pd.DataFrame) -> dict[str, tuple[list[int], list[int], list[int], list[int]]]:
    """article_id -> (starts, ends, idx, paragraph), sorted by start."""
    if sentences.empty:
        return {}
    ordered = sentences.sort_values(["article_id", "start"], kind="stable")
    ids = ordered["article_id"].to_numpy()
    columns = [ordered[c].astype(int).tolist() for c in ("start", "end", "idx", "paragraph")]
    cuts = [0, *(np.flatnonzero(ids[1:] != ids[:-1]) + 1).tolist(), len(ids)]
    return {ids[a]: tuple(column[a:b] for column in columns) for a, b in zip(cuts, cuts[1:])}


def article_mentions(text: str, spans: list[tuple[int, int, str]],
                     bounds: tuple[list[int], list[int], list[int], list[int]],
                     lexicon: Lexicon) -> tuple[list[Mention], dict[str, str]]:
    """Cleaned mentions of one article with keys resolved within it, and its acronyms.

    ``bounds`` are the article's sentence (starts, ends, idx, paragraph).
    Returns the mentions in text order and ``{folded acronym: folded long name}``.
    """
    starts, ends, indices, _ = bounds

    def sentence_of(start: int, end: int) -> int | None:
        i = bisect_right(starts, start) - 1
        return indices[i] if i >= 0 and end <= ends[i] else None

    mentions: list[Mention] = []
    for start, end, label in spans:
        if label not in NAMED_LABELS:
            continue
        trimmed = trim_span(text, start, end)
        if trimmed is None:
            continue
        start, end = trimmed
        end, label = _extend_to_alias(text, start, end, label, lexicon)
        surface = text[start:end]
        if _is_junk(surface, lexicon):
            continue
        idx = sentence_of(start, end)
        if idx is None:
            continue  # a heading, page junk, or a span across sentences
        mentions.extend(_make_mentions(text, start, end, label, idx, lexicon))
    acronyms = _acronym_definitions(text, mentions, sentence_of, lexicon)
    mentions = _drop_overlaps(mentions)
    _resolve_in_article(mentions, acronyms, lexicon)
    return mentions, acronyms


def trim_span(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span without unbalanced brackets, leading determiner, possessive or edge punctuation.

    ``"The Islamic State ("`` -> ``"Islamic State"``; ``"Moscow's"`` -> ``"Moscow"``;
    ``"the U.S."`` -> ``"U.S."``. ``None`` when nothing is left or the span crosses a line.
    """
    for _ in range(4):
        span = text[start:end]
        cut = _unbalanced_bracket(span)
        if cut is None:
            break
        position, before_has_letters = cut
        if before_has_letters:
            end = start + position
        else:
            start = start + position + 1
    while True:
        before = (start, end)
        while start < end and text[start] in _EDGE:
            start += 1
        while end > start and text[end - 1] in _EDGE:
            if text[end - 1] == "." and _INITIALS_END.search(text, start, end):
                break
            end -= 1
        match = _DETERMINER.match(text, start, end)
        if match and match.end() < end:
            start = match.end()
        possessive = _POSSESSIVE_END.search(text[start:end])
        if possessive and possessive.start() > 1:
            end = start + possessive.start() + (1 if possessive.group(0)[0] == "s" else 0)
        if (start, end) == before:
            break
    if end - start < 2 or "\n" in text[start:end] or text[start:end].lower() in ("the", "an"):
        return None
    return start, end


_NEXT_WORD = re.compile(r"[ \t]+(?:[A-Z][\w'’-]*|group)")


def _extend_to_alias(text: str, start: int, end: int, label: str, lexicon: Lexicon) -> tuple[int, str]:
    """Grow a span cut short by the NER to a name of the alias table.

    "The [Islamic] State group" -> "Islamic State group" when that is an alias;
    up to three following words are tried, longest first.
    """
    ends = []
    position = end
    for _ in range(3):
        match = _NEXT_WORD.match(text, position)
        if match is None:
            break
        position = match.end()
        ends.append(position)
    for candidate in reversed(ends):
        entry = lexicon.alias(text[start:candidate])
        if entry is not None:
            return candidate, entry.label or label
    return end, label


def _unbalanced_bracket(span: str) -> tuple[int, bool] | None:
    """Position of the first unbalanced bracket and whether letters precede it."""
    stack: list[int] = []
    pairs = {")": "(", "]": "["}
    for i, ch in enumerate(span):
        if ch in "([":
            stack.append(i)
        elif ch in ")]":
            if stack and span[stack[-1]] == pairs[ch]:
                stack.pop()
            else:
                return i, any(c.isalpha() for c in span[:i])
    if stack:
        i = stack[0]
        return i, any(c.isalpha() for c in span[:i])
    return None


def _is_junk(surface: str, lexicon: Lexicon) -> bool:
    letters = [c for c in surface if c.isalpha()]
    if len(letters) < 2 or not any(c.isupper() for c in letters):
        return True
    key = fold(surface)
    if key in lexicon.junk:
        return True
    return all(token in lexicon.titles for token in key.split())


def _make_mentions(text: str, start: int, end: int, label: str, idx: int, lexicon: Lexicon) -> list[Mention]:
    """One cleaned span -> its mention(s): a demonym becomes its place; office words come off a person."""
    surface = text[start:end]
    place = lexicon.demonym(surface) if label in ("NORP", "GPE", "LOC") else None
    if place is not None:
        return [Mention(start, end, surface, "GPE", idx, place, fold(place), via_demonym=True, resolved=True,
                         direct=False)]
    if label in ("ORG", "FAC"):
        end = _without_trailing_titles(text, start, end, lexicon)
        surface = text[start:end]
    if label != "PERSON":
        locative = (label == "ORG" and " " not in surface and not surface.isupper()
                    and _LOCATIVE.search(text, max(0, start - 12), start) is not None
                    and text[end:end + 2] not in ("'s", "’s"))
        return [Mention(start, end, surface, label, idx, surface, _key(surface, label), locative=locative)]
    # "Russian President Vladimir Putin": office words and a leading demonym come off the name.
    tokens = [(m.start() + start, m.end() + start) for m in _TOKEN.finditer(surface)]
    out: list[Mention] = []
    i = 0
    while i < len(tokens) - 1:
        word = fold(text[tokens[i][0]:tokens[i][1]])
        pair = fold(text[tokens[i][0]:tokens[i + 1][1]]) if i + 2 < len(tokens) else ""
        if pair and lexicon.demonym(pair):
            out.append(_demonym_mention(text, tokens[i][0], tokens[i + 1][1], idx, lexicon))
            i += 2
        elif lexicon.demonym(word):
            out.append(_demonym_mention(text, tokens[i][0], tokens[i][1], idx, lexicon))
            i += 1
        elif word in lexicon.titles or (word == "of" and fold(text[tokens[i + 1][0]:tokens[i + 1][1]]) in lexicon.titles):
            i += 1
        else:
            break
    name = text[tokens[i][0]:end]
    if not any(c.isupper() for c in name):
        return out
    out.append(Mention(start, end, surface, label, idx, name, _key(name, label)))
    return out


def _without_trailing_titles(text: str, start: int, end: int, lexicon: Lexicon) -> int:
    """The end of an organisation's name without the rank or office the tagger ran into from the
    person named next ("the Harbor City Police Department Lt. Dana Reyes" tags "... Department Lt"):
    trailing title words come off while a word stays."""
    tokens = [(m.start() + start, m.end() + start) for m in _TOKEN.finditer(text[start:end])]
    while len(tokens) > 1 and fold(text[tokens[-1][0]:tokens[-1][1]]) in lexicon.titles:
        tokens.pop()
    return tokens[-1][1] if tokens else end


def _demonym_mention(text: str, start: int, end: int, idx: int, lexicon: Lexicon) -> Mention:
    surface = text[start:end]
    place = lexicon.demonym(surface) or surface
    return Mention(start, end, surface, "GPE", idx, place, fold(place), via_demonym=True, resolved=True, direct=False)


def _key(name: str, label: str) -> str:
    key = fold(name)
    if label == "PERSON":
        words = key.split()
        # Middle initials do not matter: "vladimir v putin" -> "vladimir putin".
        if len(words) > 2:
            words = [words[0]] + [w for w in words[1:-1] if len(w) > 1] + [words[-1]]
        return " ".join(words)
    if label == "ORG" and key.endswith(" group") and len(key) > 6:
        return key[: -len(" group")]  # "the Islamic State group", "the Wagner Group"
    return key


def _acronym_definitions(text: str, mentions: list[Mention], sentence_of, lexicon: Lexicon) -> dict[str, str]:
    """Find "Long Name (ACRO)" and make the long name one mention; returns {acronym key: long key}.

    A definition counts only when the NER tagged the long name or the acronym
    (part of it is enough), so "Friday Night (EST)"-like asides are ignored.
    """
    found: dict[str, str] = {}
    for match in _ACRONYM.finditer(text):
        acro = match.group("acro")
        capitals = sum(c.isupper() for c in acro)
        if capitals < 2 or capitals * 2 < sum(c.isalpha() for c in acro):
            continue  # "(Moscow)" is an aside, not an acronym
        acro_start, acro_end = match.start("acro"), match.end("acro")
        run = _name_run(text, match.start())
        if run is None:
            continue
        best = _best_long_name(text, run[0], run[1], acro, mentions)
        if best is None:
            continue
        long_start, long_end = best
        idx = sentence_of(long_start, acro_end)
        if idx is None:
            continue
        overlapping = [m for m in mentions if m.start < long_end and m.end > long_start and not m.via_demonym]
        acro_mentions = [m for m in mentions if m.start < acro_end and m.end > acro_start]
        if not overlapping and not acro_mentions:
            continue
        label_votes = Counter(m.label for m in overlapping + acro_mentions if m.label != "PERSON")
        label = label_votes.most_common(1)[0][0] if label_votes else "ORG"
        for m in overlapping:
            mentions.remove(m)
        long_name = text[long_start:long_end]
        mentions.append(Mention(long_start, long_end, long_name, label, idx, long_name, _key(long_name, label)))
        if not acro_mentions:
            mentions.append(Mention(acro_start, acro_end, acro, label, idx, acro, _key(acro, label)))
        long_key = _key(long_name, label)
        entry = lexicon.aliases.get(long_key)
        found[fold(acro)] = fold(entry.canonical) if entry is not None else long_key
    mentions.sort(key=lambda m: (m.start, -m.end))
    return found


def _name_run(text: str, bracket: int) -> tuple[int, int] | None:
    """The capitalised words (with inner connectors, at most ten) right before ``text[bracket]``.

    "... by the Islamic State Khorasan Province (ISIS-K)" -> the span of
    "Islamic State Khorasan Province"; None when the word before the bracket
    is not capitalised.
    """
    window = max(0, bracket - 200)
    tokens = [(m.start(), m.end()) for m in _TOKEN.finditer(text, window, bracket)]
    if not tokens or tokens[-1][1] != len(text[:bracket].rstrip()):
        return None
    kept: list[tuple[int, int]] = []
    for start, end in reversed(tokens):
        word = text[start:end]
        if _NAME_TOKEN.fullmatch(word):
            kept.append((start, end))
        elif word in _CONNECTORS and kept:
            kept.append((start, end))
        else:
            break
        if sum(1 for a, b in kept if text[a].isupper()) >= 10:
            break
    while kept and not text[kept[-1][0]].isupper():
        kept.pop()  # a run starts with a name word, not a connector
    if not kept:
        return None
    return kept[-1][0], kept[0][1]


def _best_long_name(text: str, start: int, end: int, acro: str,
                    mentions: list[Mention]) -> tuple[int, int] | None:
    """Which capitalised words before "(ACRO)" are the long name.

    1. The words after the last "The"/possessive that opens a name ("In Moscow
       The Islamic State (ISIS)", "Turkey's Disaster and Emergency Management
       Authority (AFAD)"), if at least two and half their initials are in ACRO
       (in any order: foreign acronyms such as AFAD keep their own order);
    2. else a multi-word NER span that ends right before the bracket;
    3. else the longest run of words starting with ACRO's first letter whose
       initials occur, in order, in ACRO for at least half of them.
    """
    letters = [c.upper() for c in acro if c.isalpha()]
    words = [(m.start() + start, m.end() + start) for m in _TOKEN.finditer(text[start:end])]
    tokens = [text[a:b] for a, b in words]

    def initials(i: int) -> list[str]:
        return [t[0] for t in tokens[i:] if t[0].isupper()]

    first = 0
    for i, token in enumerate(tokens):
        opens = token in ("The", "the") and (i == 0 or tokens[i - 1].lower() not in _CONNECTORS)
        if opens or _POSSESSIVE_END.search(token):
            first = i + 1
    if first and len(tokens) - first >= 2:
        caps = initials(first)
        if sum(1 for c in caps if c in letters) * 2 >= len(caps):
            return words[first][0], end
    for m in mentions:
        if abs(m.end - end) <= 1 and start <= m.start < end and len(text[m.start:m.end].split()) >= 2 \
                and not m.via_demonym:
            return m.start, end
    best, best_score = None, 0.0
    for i in range(first, len(words)):
        head = tokens[i]
        if head[0] != letters[0] or head.lower() == "the" or len(words) - i < 2:
            continue
        caps = initials(i)
        matched, pos = 0, 0
        for initial in caps:
            found_at = next((j for j in range(pos, len(letters)) if letters[j] == initial), None)
            if found_at is not None:
                matched += 1
                pos = found_at + 1
        score = matched / len(caps)
        if score >= 0.5 and score > best_score:  # earlier (longer) runs win ties
            best, best_score = (words[i][0], end), score
    return best


def _drop_overlaps(mentions: list[Mention]) -> list[Mention]:
    """Keep the longer of two overlapping mentions (a demonym inside a title is not an overlap)."""
    kept: list[Mention] = []
    for m in sorted(mentions, key=lambda m: (m.start, -(m.end - m.start))):
        clash = next((k for k in kept if k.start < m.end and m.start < k.end), None)
        if clash is None:
            kept.append(m)
        elif m.via_demonym != clash.via_demonym and (m.via_demonym or clash.via_demonym):
            kept.append(m)  # "Russian" inside "Russian President Vladimir Putin"
        elif (m.end - m.start) > (clash.end - clash.start):
            kept[kept.index(clash)] = m
    kept.sort(key=lambda m: (m.start, m.end))
    return kept


def _resolve_in_article(mentions: list[Mention], acronyms: dict[str, str], lexicon: Lexicon) -> None:
    """Alias table, the article's acronyms, then short forms of longer names in the same article."""
    for m in mentions:
        if m.resolved:
            continue
        entry = lexicon.alias(m.name) or (lexicon.alias(m.surface) if m.surface != m.name else None)
        if entry is not None:
            canonical_key = fold(entry.canonical)
            m.key, m.resolved, m.direct = canonical_key, True, fold(m.name) == canonical_key
            m.label = entry.label or m.label
        elif m.key in acronyms:
            m.key, m.direct = acronyms[m.key], False
            m.resolved = m.key in lexicon.aliases
    # Longer names by their first and last word: only those can be abbreviated by a short form.
    edges: dict[str, list[int]] = defaultdict(list)
    for i, m in enumerate(mentions):
        words = m.key.split()
        if len(words) > 1 and not m.via_demonym:
            edges[words[0]].append(i)
            if words[-1] != words[0]:
                edges[words[-1]].append(i)
    # Longest names first, so a short form joins a name that is already final.
    for i in sorted(range(len(mentions)), key=lambda i: -len(mentions[i].key.split())):
        m = mentions[i]
        if m.resolved or m.via_demonym:
            continue
        words = m.key.split()
        candidates = sorted(set(edges.get(words[0], ()) + edges.get(words[-1], ()))) if words else []
        target = _longer_name(m, mentions, i, candidates, lexicon)
        if target is not None:
            m.key, m.resolved, m.direct = target.key, target.resolved, False


def _longer_name(m: Mention, mentions: list[Mention], position: int, candidates: list[int],
                 lexicon: Lexicon) -> Mention | None:
    """The nearest earlier (else the first later) of ``candidates`` whose longer name ``m`` abbreviates."""
    words = m.key.split()
    if not words or not candidates or lexicon.is_place(m.key):
        return None

    def fits(other: Mention) -> bool:
        if other is m or other.via_demonym:
            return False
        other_words = other.key.split()
        if len(other_words) <= len(words):
            return False
        if other.label == "PERSON":
            # "Putin" -> "Vladimir Putin"; a lone surname the NER mislabelled (ORG, GPE) counts too.
            return m.label in ("PERSON", "ORG", "GPE", "LOC") and other_words[-len(words):] == words
        family = _FAMILY.get(m.label)
        if family is None or family != _FAMILY.get(other.label):
            return False
        return other_words[: len(words)] == words or other_words[-len(words):] == words

    for j in reversed(candidates):
        if j < position and fits(mentions[j]):
            return mentions[j]
    for j in candidates:
        if j > position and fits(mentions[j]):
            return mentions[j]
    return None
