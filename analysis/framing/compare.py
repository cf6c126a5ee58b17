"""Helpers for comparing sources or groups of sources side by side.

``assign_sides`` turns a choice of sources (or groups) into a ``side`` column
on the articles table, so every framing table can be computed ``by="side"``;
``analysis.tone.sentiment.entity_tone(..., by="side")`` then gives the tone toward
entities per side;
``evidence`` and ``term_sentences`` find the sentences behind a number.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

import pandas as pd

OTHERS = "All others"


def with_groups(articles: pd.DataFrame, groups: Mapping[str, str]) -> pd.DataFrame:
    """``articles`` plus a ``group`` column: the source's assigned group, else the source itself."""
    assigned = articles["source"].map(lambda s: (groups.get(s) or "").strip() or s)
    return articles.assign(group=assigned)


def assign_sides(articles: pd.DataFrame, *, by: str, chosen: Iterable[str]) -> pd.DataFrame:
    """The articles to compare, with a ``side`` column.

    No choice: every ``by`` value is its own side. One choice: that value
    against all other articles ("All others"). Two or more: only those
    values, each its own side.
    """
    chosen = list(dict.fromkeys(chosen))
    if len(chosen) == 1:
        return articles.assign(side=articles[by].where(articles[by] == chosen[0], OTHERS))
    keep = articles[articles[by].isin(chosen)] if chosen else articles
    return keep.assign(side=keep[by])


def evidence(keys: pd.DataFrame, sentences: pd.DataFrame, articles: pd.DataFrame, *, extra: Iterable[str] = ()) -> pd.DataFrame:
    """The sentences named by ``keys`` (article_id, sentence_idx, plus ``extra`` columns), ready to show.

    Returns:
        sentence, the ``extra`` columns, side (when ``articles`` has it), source, title, sentence_idx,
        article_id; one row per sentence (and distinct ``extra`` values) in article order.
    """
    extra = [c for c in extra if c in keys.columns]
    want = keys[["article_id", "sentence_idx", *extra]].drop_duplicates(["article_id", "sentence_idx", *extra])
    text = sentences[["article_id", "idx", "text"]].rename(columns={"idx": "sentence_idx", "text": "sentence"})
    meta = [c for c in ("side", "source", "title") if c in articles.columns]
    out = want.merge(text, on=["article_id", "sentence_idx"]).merge(articles[["article_id", *meta]], on="article_id")
    out = out.sort_values(["source", "article_id", "sentence_idx"]).reset_index(drop=True)
    return out[["sentence", *extra, *meta, "sentence_idx", "article_id"]]


def term_sentences(sentences: pd.DataFrame, articles: pd.DataFrame, term: str) -> pd.DataFrame:
    """(article_id, sentence_idx) of the sentences of ``articles`` containing ``term`` as whole words.

    Words may be separated by spaces and a possessive ("moscow crocus"
    matches "Moscow's Crocus").
    """
    words = [re.escape(w) for w in term.split()]
    pattern = re.compile(r"(?<![\w-])" + r"(?:['’]s)?\s+".join(words) + r"(?![\w-])", re.IGNORECASE)
    mine = sentences[sentences["article_id"].isin(articles["article_id"])]
    hit = mine[mine["text"].astype(str).map(lambda t: bool(pattern.search(t)))]
    return hit[["article_id", "idx"]].rename(columns={"idx": "sentence_idx"})
