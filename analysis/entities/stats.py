"""Views of the entities and mentions tables: rankings, shares, co-occurrence, evidence.

Pure functions over the tables of ``analysis.entities.extract`` (no spaCy here), used
by the Entities page and by anyone exploring the exported tables:

- ``roll_up(mentions, entities)``: branches counted as their parent
  ("Islamic State Khorasan Province" -> "Islamic State");
- ``top_entities``: canonical entities ranked by mentions, with the number of
  articles and sources naming them and their summed salience;
- ``source_shares``: per source, each entity's share of the source's mentions
  (a source that names more entities overall does not dominate);
- ``cooccurrence``: pairs of entities named in the same sentence;
- ``mention_sentences``: the sentences behind any of these numbers.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd


def parents(entities: pd.DataFrame) -> dict[str, str]:
    """``{canonical: parent}`` for entities recorded as a branch of another."""
    if entities.empty:
        return {}
    known = entities[entities["parent"].fillna("").astype(str) != ""]
    return dict(zip(known["canonical"], known["parent"]))


def roll_up(frame: pd.DataFrame, entities: pd.DataFrame) -> pd.DataFrame:
    """``frame`` (mentions or entities) with each branch's canonical replaced by its parent (a copy)."""
    mapping = parents(entities)
    if not mapping or frame.empty:
        return frame.copy()
    return frame.assign(canonical=frame["canonical"].map(lambda c: mapping.get(c, c)))


def entity_labels(entities: pd.DataFrame) -> dict[str, str]:
    """``{canonical: label}`` (a canonical entity has one label across the corpus)."""
    # tolist(): iterating an Arrow-backed column boxes one value at a time, five times slower
    return dict(zip(entities["canonical"].tolist(), entities["label"].tolist())) if not entities.empty else {}


def choose_mentions(mentions: pd.DataFrame, entities: pd.DataFrame, *, labels: Iterable[str] | None = None,
                    rolled_up: bool = False, demonyms: bool = True) -> pd.DataFrame:
    """Mentions of entities typed one of ``labels`` (all when None), without demonyms if asked, rolled up if asked."""
    chosen = mentions if demonyms else mentions[~mentions["via_demonym"].astype(bool)]
    if labels is not None:
        chosen = chosen[chosen["canonical"].map(entity_labels(entities)).isin(set(labels))]
    return roll_up(chosen, entities) if rolled_up else chosen.copy()


def top_entities(mentions: pd.DataFrame, entities: pd.DataFrame, articles: pd.DataFrame, *,
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


def source_shares(mentions: pd.DataFrame, articles: pd.DataFrame, *, entities: Iterable[str]) -> pd.DataFrame:
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


def cooccurrence(mentions: pd.DataFrame, *, entities: Iterable[str] | None = None) -> pd.DataFrame:
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


def mention_sentences(mentions: pd.DataFrame, sentences: pd.DataFrame, articles: pd.DataFrame, *,
                      entities: Iterable[str], together: bool = False, source: str | None = None) -> pd.DataFrame:
    """The sentences naming ``entities`` (all of them at once when ``together``), optionally of one ``source``.

    Columns: source, title, article_id, sentence_idx, surface (the words as
    written, joined by '; '), sentence, and the sentence's tone scores when present.
    """
    wanted = list(dict.fromkeys(entities))
    hits = mentions[mentions["canonical"].isin(wanted)]
    grouped = hits.groupby(["article_id", "sentence_idx"], sort=False)
    keys = grouped.agg(surface=("surface", lambda s: "; ".join(dict.fromkeys(s))),
                       n_entities=("canonical", "nunique")).reset_index()
    if together:
        keys = keys[keys["n_entities"] == len(wanted)]
    scores = [c for c in ("polarity", "subjectivity", "vader_compound") if c in sentences.columns]
    text = sentences[["article_id", "idx", "text", *scores]].rename(columns={"idx": "sentence_idx", "text": "sentence"})
    out = keys.merge(text, on=["article_id", "sentence_idx"]).merge(
        articles[["article_id", "source", "title"]], on="article_id")
    if source is not None:
        out = out[out["source"] == source]
    out = out.sort_values(["source", "article_id", "sentence_idx"], ignore_index=True)
    return out[["source", "title", "article_id", "sentence_idx", "surface", "sentence", *scores]]
