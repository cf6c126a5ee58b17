"""The Entities page's ranking of a filtered corpus from the whole corpus's mention codes (``mention_codes``, made
once per corpus) and an article mask (``keep``, over the whole articles table): a new date range counts integer
codes instead of hashing, sorting and looking up 240k names and article ids as strings at 10,000 articles.

``top_entities_of`` gives the table ``analysis.entities.stats.top_entities`` makes of
``choose_mentions(restricted mentions, restricted entities, labels=..., demonyms=...)`` (not rolled up): the same
names, order, counts, sums, labels and column types. Mentions whose article is not in the articles table have
article -1 and are never kept, as in a restricted corpus.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd
import pyarrow as pa

from analysis.entities.stats import _distinct_per, _labels_of, _positions, parents, shares_frame, top_entities
from analysis.tables import CorpusTables
from analysis.views.mentions import MentionCodes, kept


def chosen_rows(codes: MentionCodes, whole: CorpusTables, keep: np.ndarray, entities: pd.DataFrame, *,
                labels: Iterable[str] | None = None, demonyms: bool = True) -> np.ndarray:
    """Which of the whole corpus's mentions ``choose_mentions`` keeps from the restricted corpus (the articles
    ``keep`` marks; ``entities``: the restricted entities table, whose rows give each name's label)."""
    rows = kept(codes.article, keep)
    if not demonyms:
        rows &= ~whole.mentions["via_demonym"].astype(bool).to_numpy(dtype=bool)
    if labels is not None:
        present = np.unique(codes.name[rows & (codes.name >= 0)])
        wanted = set(labels)
        typed = np.zeros(len(codes.names) + 1, dtype=bool)  # the last: no name (code -1)
        named = _labels_of(pa.array(codes.names[present].tolist(), type=pa.string()), entities)
        typed[present] = [label in wanted for label in named]
        rows &= typed[codes.name]
    return rows


def top_entities_of(codes: MentionCodes, whole: CorpusTables, rows: np.ndarray, entities: pd.DataFrame, *,
                    keep: np.ndarray | None = None) -> pd.DataFrame:
    """``top_entities`` (not rolled up) of the whole corpus's mentions ``rows`` marks (``chosen_rows``), with
    ``entities`` the restricted entities table. Columns as ``top_entities``'s.

    ``keep``: the article mask ``rows`` came from when they keep every mention of their names in those articles
    (demonyms counted): articles and sources are then counted from the corpus's distinct (article, name) pairs,
    half as many as the mentions, instead of finding those pairs again."""
    if not rows.any():
        return top_entities(whole.mentions.iloc[:0], entities, whole.articles.iloc[:0])
    name, article = codes.name[rows], codes.article[rows]
    n_mentions = np.bincount(name[name >= 0], minlength=len(codes.names))
    present = np.flatnonzero(n_mentions)
    present = present[np.argsort(codes.name_rank[present], kind="stable")]  # by name, as a sorted groupby
    size = len(present)
    code_of = np.full(len(codes.names) + 1, -1, dtype=np.int64)  # whole name code -> place among ``present``
    code_of[present] = np.arange(size)
    code = code_of[name]
    source, _ = pd.factorize(whole.articles["source"])
    source = np.append(source, -1)
    if keep is not None:  # (article, name) pairs of the kept articles and chosen names: each once already
        pair = kept(codes.pair_article, keep)
        pair[pair] = n_mentions[codes.pair_name[pair]] > 0
        pair_code, pair_article = code_of[codes.pair_name[pair]], codes.pair_article[pair]
        n_articles = np.bincount(pair_code, minlength=size)
        n_sources = _distinct_per(pair_code, source[pair_article], size)
    else:
        n_articles = _distinct_per(code, article, size)
        n_sources = _distinct_per(code, np.where(article >= 0, source[article], -1), size)
    names = pa.array(codes.names[present].tolist(), type=pa.string())
    # summed per name as top_entities sums (the same groupby on the same entity rows)
    salience = entities["salience"].groupby(_positions(entities["canonical"], names)).sum()
    salience = salience[salience.index >= 0].reindex(range(size)).fillna(0.0).round(3).to_numpy()
    n_mentions = n_mentions[present]
    order = np.lexsort((np.arange(size), -n_articles, -n_mentions))  # mentions, articles down; names A-Z
    ranked = names.take(pa.array(order)).to_pylist()
    labels = _labels_of(names, entities, missing="")
    mapping = parents(entities)
    columns = ["canonical", "label", "mentions", "articles", "sources", "salience", "family"]
    return pd.DataFrame({"canonical": pd.array(ranked, dtype=whole.mentions["canonical"].dtype),
                         "label": [labels[i] for i in order.tolist()],
                         "mentions": n_mentions[order], "articles": n_articles[order], "sources": n_sources[order],
                         "salience": salience[order],
                         "family": [f"branch of {mapping[c]}" if c in mapping else "" for c in ranked]})[columns]


def source_shares_of(codes: MentionCodes, whole: CorpusTables, rows: np.ndarray, keep: np.ndarray, groups,
                     *, entities: Iterable[str]) -> pd.DataFrame:
    """``source_shares(chosen, articles.assign(source=groups), entities=entities)`` of the whole corpus's mentions
    ``rows`` marks (``chosen_rows`` of the articles ``keep`` marks), ``groups`` the kept articles' labels in
    order: each mention's group and name found by integer codes, not by looking up 240k ids and names."""
    wanted = list(dict.fromkeys(entities))
    groups = pd.Series(np.asarray(groups, dtype=object))
    sources = sorted(groups.unique())
    place = {label: at for at, label in enumerate(sources)}
    group_at = np.full(len(whole.articles) + 1, -1, dtype=np.int64)  # the last: no article
    group_at[np.flatnonzero(keep)] = [place[label] for label in groups.tolist()]
    article, name = codes.article[rows], codes.name[rows]
    source = group_at[article]
    entity_of = np.full(len(codes.names) + 1, -1, dtype=np.int64)  # the last: no name
    at = codes.names.get_indexer(wanted) if wanted else np.arange(0)
    entity_of[at[at >= 0]] = np.flatnonzero(at >= 0)
    return shares_frame(sources, wanted, source, entity_of[name],
                        canonical_dtype=whole.mentions["canonical"].dtype)


def chosen_naming(codes: MentionCodes, mentions: pd.DataFrame, rows: np.ndarray, names: Iterable[str]) -> pd.DataFrame:
    """The rows of ``mentions`` (the whole corpus's) that ``rows`` marks and that name one of ``names``, in order: of
    the chosen mentions, all that ``cooccurrence(chosen, entities=names)`` reads (the same table from them)."""
    wanted = codes.names.get_indexer(list(dict.fromkeys(names)))
    return mentions.iloc[np.flatnonzero(rows & np.isin(codes.name, wanted[wanted >= 0]))]
