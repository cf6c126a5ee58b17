"""Entity mentions and clause boundaries inside one sentence, by token order.

Shared by ``analysis.framing.roles`` (who did, claimed, blamed, denied what) and
``analysis.framing.cited`` (who is quoted). No parser: a sentence is cut into clauses
at punctuation and a few subordinating words, and entity mentions (from the
``mentions`` table) are placed by character offset. Known misses: a clause
boundary inside a name ("Bosnia and Herzegovina" is fine, "Trinidad, Colorado"
is not), and subjects separated from their verb by a parenthetical comma pair.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass

import pandas as pd


@dataclass(frozen=True)
class Span:
    """An entity mention with offsets relative to its sentence."""

    start: int
    end: int
    canonical: str
    surface: str
    via_demonym: bool = False


RELATIVE_WORDS = frozenset({"who", "which", "that", "whom"})

# Title words that may sit between a modifier mention and its head: "Russian President Vladimir Putin".
_TITLE_WORD = (
    r"(?:[A-Z][\w.\-’']*|leader|president|minister|spokesman|spokeswoman|spokesperson|chief|head|envoy"
    r"|ambassador|official|officials|foreign|defence|defense|interior|prime|secretary|general|vice|deputy)"
)
_MODIFIER_GAP_RE = re.compile(rf"^(?:['’]s)?\s+(?:{_TITLE_WORD}\s+){{0,4}}$")
_COORD_FIRST_RE = re.compile(r"^\s*(?:,?\s*and|&|,?\s*as well as|,?\s*along with)\s+(?:the\s+)?$", re.IGNORECASE)
_COORD_MORE_RE = re.compile(r"^\s*(?:,|,?\s*and)\s+(?:the\s+)?$", re.IGNORECASE)
_WORD_RE = re.compile(r"[A-Za-z][\w’'-]*")


def spans_by_sentence(mentions: pd.DataFrame, sentences: pd.DataFrame, *,
                      only: Collection[tuple[str, int]] | None = None) -> dict[tuple[str, int], list[Span]]:
    """Mentions grouped by (article_id, sentence idx), as sentence-relative spans.

    Nested or overlapping mentions keep the longer, earlier one. One pass over
    plain columns: no per-sentence DataFrames. ``only`` limits the result to
    those (article_id, idx) keys.
    """
    if mentions.empty or sentences.empty:
        return {}
    starts = dict(zip(zip(sentences["article_id"].tolist(), sentences["idx"].astype(int).tolist()),
                      sentences["start"].astype(int).tolist()))
    demonym = (mentions["via_demonym"].fillna(False).astype(bool).tolist() if "via_demonym" in mentions
               else [False] * len(mentions))
    grouped: dict[tuple[str, int], list[Span]] = {}
    for aid, idx, missing, start, end, canonical, surface, dem in zip(
        mentions["article_id"].tolist(), mentions["sentence_idx"].tolist(), mentions["sentence_idx"].isna().tolist(),
        mentions["start"].tolist(), mentions["end"].tolist(), mentions["canonical"].tolist(),
        mentions["surface"].tolist(), demonym,
    ):
        if missing:
            continue
        key = (aid, int(idx))
        offset = starts.get(key)
        if offset is None or (only is not None and key not in only):
            continue
        grouped.setdefault(key, []).append(Span(int(start) - offset, int(end) - offset, str(canonical), str(surface), bool(dem)))
    return {key: _without_overlaps(spans) for key, spans in grouped.items()}


def _without_overlaps(spans: list[Span]) -> list[Span]:
    kept: list[Span] = []
    for span in sorted(spans, key=lambda s: (s.start, -(s.end - s.start))):
        if kept and span.start < kept[-1].end:
            continue  # nested or overlapping: the longer, earlier one wins
        kept.append(span)
    return kept


def drop_modifiers(text: str, spans: list[Span]) -> list[Span]:
    """``spans`` without mentions that only modify the following mention."""
    heads = []
    for i, span in enumerate(spans):
        nxt = spans[i + 1] if i + 1 < len(spans) else None
        if nxt is not None and _MODIFIER_GAP_RE.match(text[span.end : nxt.start]):
            continue
        heads.append(span)
    return heads


def boundaries(text: str) -> list[re.Match[str]]:
    """Clause boundary matches in ``text``, in order."""
    return list(BOUNDARY_RE.finditer(text))


def clause_bounds(bounds: list[re.Match[str]], pos: int, *, length: int) -> tuple[int, int, re.Match[str] | None]:
    """``(start, end, opening boundary)`` of the clause containing ``pos``."""
    start, opener, end = 0, None, length
    for b in bounds:
        if b.end() <= pos:
            start, opener = b.end(), b
        elif b.start() >= pos:
            end = b.start()
            break
    return start, end, opener


def spans_between(spans: list[Span], start: int, end: int) -> list[Span]:
    """Spans lying wholly inside ``[start, end)``."""
    return [s for s in spans if s.start >= start and s.end <= end]


def with_coordinated_before(text: str, spans: list[Span], head: Span) -> list[Span]:
    """``head`` plus mentions coordinated before it: "Harris and the Council" -> both."""
    i = spans.index(head)
    group = [head]
    first = True
    while i > 0:
        gap = text[spans[i - 1].end : spans[i].start]
        if not (_COORD_FIRST_RE if first else _COORD_MORE_RE).match(gap):
            break
        first = False
        i -= 1
        group.insert(0, spans[i])
    return group


def with_coordinated_after(text: str, spans: list[Span], head: Span) -> list[Span]:
    """``head`` plus mentions coordinated after it: "Ukraine and the West" -> both."""
    i = spans.index(head)
    group = [head]
    while i + 1 < len(spans):
        gap = text[spans[i].end : spans[i + 1].start]
        if not (_COORD_FIRST_RE.match(gap) or _COORD_MORE_RE.match(gap)):
            break
        i += 1
        group.append(spans[i])
    return group


def first_word(text: str) -> str:
    """The first word of ``text``, lower-cased, or ''."""
    m = _WORD_RE.search(text)
    return m.group(0).lower() if m else ""


def last_words(text: str, n: int) -> list[str]:
    """The last ``n`` words of ``text``, lower-cased."""
    return [w.lower() for w in _WORD_RE.findall(text)[-n:]]


def phrase_regex(phrases: list[str]) -> re.Pattern[str]:
    """One case-insensitive whole-word regex over ``phrases``, longest first."""
    return re.compile(r"(?<![\w-])(?:" + phrase_alternation(phrases) + r")(?![\w-])", re.IGNORECASE)


_END, _ANY_ENDING = "", "**"  # trie markers (never a single character)


def phrase_alternation(phrases: list[str], *, wildcard: bool = False) -> str:
    r"""A case-insensitive regex body (no word-boundary guards) matching any of ``phrases``, longest first.

    Words may be separated by any white space. With ``wildcard``, a phrase
    ending in ``*`` stands for any word ending ("mourn*" -> ``mourn[\w-]*``).
    The phrases are folded into a prefix tree ("claimed", "claimed
    responsibility", "claims" -> ``claim(?:ed(?:\s+responsibility)?|s)``),
    which Python's regex engine scans several times faster than a flat list
    of alternatives. At every position it prefers what the flat list sorted
    longest first would (a longer phrase, then a wildcard, then the bare
    prefix), so a whole-word search finds the same matches. When two
    different characters at one branch could match the same letter under case
    folding (never for ASCII cue words) the flat list is used.
    """
    entries: set[tuple[str, bool]] = set()
    for phrase in phrases:
        phrase = phrase.strip().lower()
        if not phrase:
            continue
        star = wildcard and phrase.endswith("*")
        entries.add((" ".join((phrase.rstrip("*") if star else phrase).split()), star))
    trie: dict = {}
    for words, star in entries:
        node = trie
        for ch in words:
            node = node.setdefault(ch, {})
        node[_ANY_ENDING if star else _END] = True
    if _ambiguous(trie):
        ordered = sorted(entries, key=lambda e: len(e[0]) + e[1], reverse=True)
        return "|".join(_words_regex(words) + (r"[\w-]*" if star else "") for words, star in ordered)
    return _trie_regex(trie)


def _words_regex(words: str) -> str:
    return r"\s+".join(re.escape(w) for w in words.split())


def _trie_regex(node: dict) -> str:
    chars = sorted(k for k in node if len(k) == 1)
    alternatives = [(r"\s+" if ch == " " else re.escape(ch)) + _trie_regex(node[ch]) for ch in chars]
    if _ANY_ENDING in node:
        alternatives.append(r"[\w-]*")  # after the longer phrases; it also covers the bare prefix
    elif _END in node and alternatives:
        return "(?:" + "|".join(alternatives) + ")?"
    if len(alternatives) == 1:
        return alternatives[0]
    return "(?:" + "|".join(alternatives) + ")" if alternatives else ""


def _ambiguous(node: dict) -> bool:
    chars = [k for k in node if len(k) == 1]
    for i, a in enumerate(chars):
        for b in chars[i + 1:]:
            if re.fullmatch(re.escape(a), b, re.IGNORECASE) or re.fullmatch(re.escape(b), a, re.IGNORECASE):
                return True
    return any(_ambiguous(node[ch]) for ch in chars)


# ", " ";" " - " a quote or a subordinating word starts a new clause; brackets do not:
# "The Islamic State (ISIS) claimed" keeps its subject.
CLAUSE_WORDS = ("while", "though", "although", "but", "whereas", "amid", "amidst", "after", "because", "since", "as",
                "which", "who", "whom", "that", "with", "when", "where", "despite", "meanwhile", "however")
BOUNDARY_RE = re.compile(
    r"[,;:\"“”]|\s[-–—]\s|[–—]|\b(?:" + phrase_alternation(CLAUSE_WORDS) + r")\b",  # whole words: order is moot
    re.IGNORECASE,
)


def normalise(phrase: str) -> str:
    """Lower case with single spaces: the key a matched cue is looked up by."""
    return " ".join(phrase.lower().split())
