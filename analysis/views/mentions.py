"""A whole corpus's entity mentions as integer codes, made once per corpus, then counted and picked by an article
mask (``keep``, over the whole articles table) on a filter change, instead of regrouping 240k names as strings.

``mention_codes`` gives each mention its article position and a code for its canonical name;
``entities_by_mentions_of`` orders the names as ``analysis.views.tone.entities_by_mentions`` does,
``mention_counts_of`` counts them as ``value_counts`` does, and ``mentions_of`` picks the rows of some names,
each for the articles a mask keeps: the same lists and rows the first functions give on the restricted tables.
Mentions whose article is not in the articles table have article -1 and are never kept.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

import numpy as np
import pandas as pd

from analysis.tables import CorpusTables, article_rows


@dataclass(frozen=True)
class MentionCodes:
    """The mentions of a whole corpus by integer codes (``mention_codes``)."""

    article: np.ndarray  # each mention's article position in the articles table (-1: none)
    name: np.ndarray  # each mention's code in ``names`` (-1: no name)
    names: pd.Index  # the distinct canonical names, in order of first mention
    name_rank: np.ndarray  # each name's place in alphabetical order
    pair_article: np.ndarray  # the distinct (article, name) pairs: article position
    pair_name: np.ndarray  # ... and name code


def mention_codes(tables: CorpusTables) -> MentionCodes:
    """The ``MentionCodes`` of a whole corpus's ``tables`` (articles and mentions)."""
    article = article_rows(tables, "mentions")
    name, names = pd.factorize(tables.mentions["canonical"])
    width = max(len(names), 1)
    known = (article >= 0) & (name >= 0)
    pairs = np.unique(article[known].astype(np.int64) * width + name[known])
    rank = np.empty(len(names), dtype=np.int64)
    rank[np.argsort(np.asarray(names, dtype=object), kind="stable")] = np.arange(len(names))
    return MentionCodes(article, name, pd.Index(names), rank, pairs // width, pairs % width)


def kept(positions: np.ndarray, keep: np.ndarray) -> np.ndarray:
    """Which rows whose article positions are ``positions`` (-1: none) are about the articles ``keep`` marks."""
    if not len(keep):
        return np.zeros(len(positions), dtype=bool)
    return np.where(positions >= 0, keep[np.maximum(positions, 0)], False)


def entities_by_mentions_of(codes: MentionCodes, keep: np.ndarray) -> list[str]:
    """``analysis.views.tone.entities_by_mentions`` of the mentions of the articles ``keep`` marks: most
    mentioned first, then in most articles, then by name; counted by name code, ordered by a sort of integers."""
    name = codes.name[kept(codes.article, keep) & (codes.name >= 0)]
    n_mentions = np.bincount(name, minlength=len(codes.names))
    n_articles = np.bincount(codes.pair_name[kept(codes.pair_article, keep)], minlength=len(codes.names))
    present = np.flatnonzero(n_mentions)
    order = np.lexsort((codes.name_rank[present], -n_articles[present], -n_mentions[present]))
    return codes.names[present[order]].tolist()


def mention_counts_of(codes: MentionCodes, keep: np.ndarray) -> tuple[list[str], list[int]]:
    """The names mentioned in the articles ``keep`` marks and their numbers of mentions, as
    ``mentions["canonical"].value_counts()`` of those mentions gives them: most first, ties in order of first
    mention (its stable sort)."""
    name = codes.name[kept(codes.article, keep) & (codes.name >= 0)]
    first = pd.unique(name)  # the names in order of first mention
    counts = np.bincount(name, minlength=len(codes.names))[first]
    order = np.argsort(-counts, kind="stable")
    return codes.names[first[order]].tolist(), counts[order].tolist()


def mentions_of(codes: MentionCodes, mentions: pd.DataFrame, keep: np.ndarray, names: Collection[str]) -> pd.DataFrame:
    """The rows of ``mentions`` (the whole corpus's, which ``codes`` were made from) naming one of ``names`` in the
    articles ``keep`` marks, in their order: the restricted table's ``mentions[mentions["canonical"].isin(names)]``
    (on another index)."""
    wanted = codes.names.get_indexer(list(names))
    chosen = np.isin(codes.name, wanted[wanted >= 0]) & kept(codes.article, keep)
    return mentions.iloc[np.flatnonzero(chosen)]
