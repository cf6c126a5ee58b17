"""``analysis.entities.stats`` as it was before its counts were made with arrays (2026-12), kept to prove the fast
functions give exactly the same tables (``test_fast_stats.py``)."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from analysis.entities.stats import entity_labels, parents, roll_up


def old_choose_mentions(mentions: pd.DataFrame, entities: pd.DataFrame, *, labels: Iterable[str] | None = None,
                        rolled_up: bool = False, demonyms: bool = True) -> pd.DataFrame:
    """Mentions of entities typed one of ``labels`` (all when None), without demonyms if asked, rolled up if asked."""
    chosen = mentions if demonyms else mentions[~mentions["via_demonym"].astype(bool)]
    if labels is not None:
        chosen = chosen[chosen["canonical"].map(entity_labels(entities)).isin(set(labels))]
    return roll_up(chosen, entities) if rolled_up else chosen.copy()


def old_top_entities(mentions: pd.DataFrame, entities: pd.DataFrame, articles: pd.DataFrame, *,
                     rolled_up: bool = False) -> pd.DataFrame:
    """Entities of ``mentions`` ranked by mentions.

    ``mentions`` is as chosen by ``choose_mentions`` (rolled up or not: say
    which with ``rolled_up``); ``entities`` is the full entities table.
    Columns: canonical, label, mentions, articles, sources, salience (summed
    over articles: roughly, how many articles' worth of attention), family
    ("branch of X", or with ``rolled_up`` "includes Y"), sorted by mentions.
    """
    columns = ["canonical", "label", "mentions", "articles", "sources", "salience", "family"]
    if mentions.empty:
        return pd.DataFrame({c: pd.Series(dtype="object") for c in columns})
    with_source = mentions.merge(articles[["article_id", "source"]], on="article_id", how="left")
    grouped = with_source.groupby("canonical")
    out = pd.DataFrame({
        "mentions": grouped.size(),
        "articles": grouped["article_id"].nunique(),
        "sources": grouped["source"].nunique(),
    })
    mapping = parents(entities)
    ranked_entities = roll_up(entities, entities) if rolled_up else entities
    label_of = entity_labels(entities)
    names = out.index.tolist()  # plain strings: iterating an Arrow-backed index boxes one name at a time
    out["label"] = [label_of.get(c, "") for c in names]
    out["salience"] = ranked_entities.groupby("canonical")["salience"].sum().reindex(out.index).fillna(0.0).round(3)
    if rolled_up:
        out["family"] = ["includes " + "; ".join(sorted(k for k, v in mapping.items() if v == c))
                         if c in mapping.values() else "" for c in names]
    else:
        out["family"] = [f"branch of {mapping[c]}" if c in mapping else "" for c in names]
    out = out.reset_index().sort_values(["mentions", "articles", "canonical"], ascending=[False, False, True])
    return out[columns].reset_index(drop=True)


def old_source_shares(mentions: pd.DataFrame, articles: pd.DataFrame, *, entities: Iterable[str]) -> pd.DataFrame:
    """Per source and entity: n_mentions, the source's total mentions, and the share.

    Columns: source, canonical, n_mentions, source_mentions, share — one row
    for every source and every entity in ``entities`` (zero when unnamed).
    """
    wanted = list(dict.fromkeys(entities))
    with_source = mentions.merge(articles[["article_id", "source"]], on="article_id", how="left")
    totals = with_source.groupby("source").size()
    sources = sorted(articles["source"].unique())
    counts = with_source[with_source["canonical"].isin(wanted)].groupby(["source", "canonical"]).size()
    index = pd.MultiIndex.from_product([sources, wanted], names=["source", "canonical"])
    out = counts.reindex(index, fill_value=0).rename("n_mentions").reset_index()
    out["source_mentions"] = out["source"].map(totals).fillna(0).astype(int)
    out["share"] = (out["n_mentions"] / out["source_mentions"].where(out["source_mentions"] > 0)).fillna(0.0)
    return out


def old_cooccurrence(mentions: pd.DataFrame, *, entities: Iterable[str] | None = None) -> pd.DataFrame:
    """Pairs of entities named in the same sentence.

    Columns: entity_a, entity_b (alphabetical), n_sentences, n_articles;
    sorted by n_sentences. Only pairs within ``entities`` when given.
    """
    columns = ["entity_a", "entity_b", "n_sentences", "n_articles"]
    chosen = mentions if entities is None else mentions[mentions["canonical"].isin(set(entities))]
    keys = ["article_id", "sentence_idx"]
    per_sentence = chosen.dropna(subset=keys).drop_duplicates([*keys, "canonical"])[[*keys, "canonical"]]
    # One self-join per sentence instead of a Python loop: each unordered pair once, names in order.
    pairs = per_sentence.merge(per_sentence, on=keys, suffixes=("_a", "_b"))
    pairs = pairs[pairs["canonical_a"] < pairs["canonical_b"]]
    if pairs.empty:
        return pd.DataFrame({c: pd.Series(dtype="object") for c in columns})
    pairs = pairs.rename(columns={"canonical_a": "entity_a", "canonical_b": "entity_b"})
    grouped = pairs.groupby(["entity_a", "entity_b"])
    out = pd.DataFrame({"n_sentences": grouped.size(), "n_articles": grouped["article_id"].nunique()}).reset_index()
    return out.sort_values(["n_sentences", "entity_a", "entity_b"], ascending=[False, True, True],
                           ignore_index=True)[columns]
