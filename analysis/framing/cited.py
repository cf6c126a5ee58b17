"""Whose words an article uses: the people and bodies it quotes or cites.

``cited_sources`` finds attribution cues ("X said", "according to X", "X
announced") and the entity (or unnamed source such as "officials") they hand
the statement to. Cues live in ``analysis/data/citation_cues.json``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd

from analysis.data import DATA_DIR
from analysis.framing.clauses import (
    RELATIVE_WORDS,
    Span,
    boundaries,
    clause_bounds,
    drop_modifiers,
    normalise,
    phrase_regex,
    spans_between,
    spans_by_sentence,
    with_coordinated_after,
    with_coordinated_before,
)

CUES_PATH = DATA_DIR / "citation_cues.json"
COLUMNS = ["article_id", "sentence_idx", "cited", "named", "surface", "cue", "start", "end"]
# "claimed the lives of", "claimed by ISIS", "added a layer": not speech.
_NOT_SPEECH_AFTER = re.compile(r"^\s*(?:the\s+lives|responsibility|credit|by|a\s+layer|to\s+the)\b", re.IGNORECASE)


@dataclass(frozen=True)
class CitationBook:
    """The parsed citation-cue file."""

    pattern: re.Pattern[str]
    speaker_after: frozenset[str]
    unnamed: re.Pattern[str]


@lru_cache(maxsize=4)
def load_citation_cues(path: str | Path = CUES_PATH) -> CitationBook:
    """Read a citation-cue file (see ``analysis/data/citation_cues.json``)."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    return CitationBook(
        pattern=phrase_regex(data["speaker_before"] + data["speaker_after"]),
        speaker_after=frozenset(normalise(p) for p in data["speaker_after"]),
        unnamed=phrase_regex(data["unnamed_sources"]),
    )


def cited_sources(
    sentences: pd.DataFrame,
    mentions: pd.DataFrame,
    *,
    articles: pd.DataFrame | None = None,
    cues_path: str | Path = CUES_PATH,
) -> pd.DataFrame:
    """Who each sentence attributes a statement to.

    Rules: for a speech verb ("said", "announced", "confirmed", ...) the
    speaker is the nearest entity mention before it in the same clause (with
    coordinated ones, and "X, who said" / "X did A, noting B" as in
    ``analysis.framing.roles``); when the verb directly follows a comma or quote and
    an entity follows it ('"...," said Putin') the speaker is that entity. For
    "according to" and similar, the speaker is the first entity after the cue.
    With no entity, an unnamed source noun in the same place ("officials",
    "witnesses") is reported with ``named`` False; a demonym with such a noun
    ("Russian officials") is reported as the country, ``named`` True, with the
    words as written in ``surface``.

    Known misses: quotations without a speech verb; speakers named only by a
    pronoun ("he said") are not resolved to the earlier name; a speech verb
    used in another sense ("the report said to be ...") may add a row.

    Args:
        sentences: the sentences table (article_id, idx, text, start).
        mentions: the mentions table.
        articles: when given, a ``source`` column is added from it.

    Returns:
        One row per cited speaker and sentence (the first cue is kept): article_id, sentence_idx, cited (canonical
        entity or the unnamed source noun), named, surface (the words as
        written), cue, start, end (offsets of the cited words in the article
        text), plus ``source`` when ``articles`` is given.
    """
    book = load_citation_cues(cues_path)
    # Only sentences with a cue can cite anyone: find them first, then group mentions for those alone.
    cued = [(aid, int(idx), str(text), int(offset)) for aid, idx, text, offset in zip(
        sentences["article_id"].tolist(), sentences["idx"].tolist(), sentences["text"].tolist(),
        sentences["start"].tolist()) if isinstance(text, str) and book.pattern.search(text)]
    grouped = spans_by_sentence(mentions, sentences, only={(aid, idx) for aid, idx, _, _ in cued}) if cued else {}
    rows: list[dict] = []
    for article_id, idx, text, offset in cued:
        spans = drop_modifiers(text, grouped.get((article_id, idx), []))
        bounds = boundaries(text)
        for m in book.pattern.finditer(text):
            if _NOT_SPEECH_AFTER.match(text[m.end() :]):
                continue
            for speaker, named, start, end in _speakers(text, spans, bounds, m, book):
                rows.append(
                    {
                        "article_id": article_id,
                        "sentence_idx": idx,
                        "cited": speaker,
                        "named": named,
                        "surface": text[start:end],
                        "cue": m.group(0),
                        "start": offset + start,
                        "end": offset + end,
                    }
                )
    out = pd.DataFrame(rows, columns=COLUMNS)
    out = out.drop_duplicates(["article_id", "sentence_idx", "cited"]).reset_index(drop=True)
    if articles is not None:
        out = out.merge(articles[["article_id", "source"]].drop_duplicates("article_id"), on="article_id", how="left")
    return out


def _speakers(
    text: str, spans: list[Span], bounds: list[re.Match[str]], m: re.Match[str], book: CitationBook
) -> list[tuple[str, bool, int, int]]:
    clause_start, _, opener = clause_bounds(bounds, m.start(), length=len(text))
    _, clause_end, _ = clause_bounds(bounds, m.end(), length=len(text))
    if normalise(m.group(0)) in book.speaker_after:
        after = spans_between(spans, m.end(), clause_end)
        if after:
            return [_with_noun(text, s, book, clause_end) for s in with_coordinated_after(text, spans, after[0])]
        return _unnamed(text, book, m.end(), clause_end, first=True)
    before = spans_between(spans, clause_start, m.start())
    if before:
        return [_with_noun(text, s, book, m.start()) for s in with_coordinated_before(text, spans, before[-1])]
    unnamed = _unnamed(text, book, clause_start, m.start(), first=False)
    if unnamed:
        return unnamed
    if opener is not None:
        word = opener.group(0).strip().lower()
        gap = text[opener.end() : m.start()].strip()
        if word in RELATIVE_WORDS:
            previous = [s for s in spans if s.end <= opener.start() and not text[s.end : opener.start()].strip(" ,")]
            return [_named(s) for s in with_coordinated_before(text, spans, previous[-1])] if previous else []
        if word in {",", '"', "“", "”"} and not gap:  # '"...," said Putin'
            after = spans_between(spans, m.end(), clause_end)
            if after and not text[m.end() : after[0].start].strip(" ,").count(" ") > 3:
                return [_named(after[0])]
        if word == "," and m.group(0).lower().endswith("ing"):  # "X did A, noting B"
            prev_start, _, _ = clause_bounds(bounds, opener.start(), length=len(text))
            earlier = spans_between(spans, prev_start, opener.start())
            return [_named(s) for s in with_coordinated_after(text, spans, earlier[0])] if earlier else []
    return []


def _named(span: Span) -> tuple[str, bool, int, int]:
    return span.canonical, True, span.start, span.end


def _with_noun(text: str, span: Span, book: CitationBook, limit: int) -> tuple[str, bool, int, int]:
    """A demonym followed by a source noun keeps the noun in ``surface``: "Russian officials"."""
    if span.via_demonym:
        noun = book.unnamed.match(text, span.end + 1, limit) if span.end + 1 < limit else None
        if noun is not None:
            return span.canonical, True, span.start, noun.end()
    return _named(span)


def _unnamed(text: str, book: CitationBook, start: int, end: int, *, first: bool) -> list[tuple[str, bool, int, int]]:
    found = list(book.unnamed.finditer(text, start, end))
    if not found:
        return []
    noun = found[0] if first else found[-1]
    return [(normalise(noun.group(0)), False, noun.start(), noun.end())]
