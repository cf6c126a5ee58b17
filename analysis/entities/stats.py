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

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc


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
        # Each distinct name's label looked up once, not once per mention (240k at 10,000 articles).
        code, names = _codes(chosen["canonical"])
        wanted = set(labels)
        typed = np.array([label in wanted for label in _labels_of(names, entities)] + [False], dtype=bool)
        chosen = chosen[typed[code]]  # code -1 (no name): the False at the end
    return roll_up(chosen, entities) if rolled_up else chosen.copy()


def _arrow(values) -> pa.Array:
    """``values`` as one Arrow array (an Arrow-backed column's chunks put together)."""
    values = values if isinstance(values, (pa.Array, pa.ChunkedArray)) else pa.array(values)
    return values.combine_chunks() if isinstance(values, pa.ChunkedArray) else values


def _codes(values, *, sort: bool = False) -> tuple[np.ndarray, pa.Array]:
    """An integer code per row (-1 for a missing value) and the distinct values (sorted if asked: code order is
    then name order), by pyarrow's hash encoding: pandas' factorize and get_indexer on 240k Arrow strings went
    through Python objects."""
    encoded = pc.dictionary_encode(_arrow(values))
    code, distinct = encoded.indices.fill_null(-1).to_numpy(zero_copy_only=False).astype(np.int64), encoded.dictionary
    if sort and len(distinct):
        order = pc.array_sort_indices(distinct).to_numpy()
        rank = np.empty(len(order), dtype=np.int64)
        rank[order] = np.arange(len(order))
        code, distinct = np.where(code >= 0, rank[np.maximum(code, 0)], -1), distinct.take(pa.array(order))
    return code, distinct


def _positions(values, among) -> np.ndarray:
    """Each value's position in ``among`` (its first), -1 when not there or missing."""
    values = _arrow(values)
    found = pc.index_in(values, value_set=_arrow(among).cast(values.type), skip_nulls=True)
    return found.fill_null(-1).to_numpy(zero_copy_only=False).astype(np.int64)


def _labels_of(names: pa.Array, entities: pd.DataFrame, *, missing: str | None = None) -> list:
    """``entity_labels(entities).get(name, missing)`` for each of ``names`` (distinct): the label of the name's
    last row."""
    if entities.empty or not len(names):
        return [missing] * len(names)
    at = _positions(entities["canonical"], names)
    last = np.full(len(names), -1, dtype=np.int64)
    np.maximum.at(last, at[at >= 0], np.flatnonzero(at >= 0))
    labels = _arrow(entities["label"]).take(pa.array(np.maximum(last, 0))).to_pylist()
    return [label if row >= 0 else missing for label, row in zip(labels, last.tolist())]


def _mention_sources(mentions: pd.DataFrame, articles: pd.DataFrame, sources, *,
                     articles_of: tuple[np.ndarray, pa.Array] | None = None) -> np.ndarray:
    """Each mention's source as its position in ``sources`` (-1: its article or the article's source is not
    there), as a left merge of ``mentions`` with ``articles`` (one row per article) would give it.
    ``articles_of``: ``_codes(mentions["article_id"])`` when already made."""
    article_code, article_ids = _codes(mentions["article_id"]) if articles_of is None else articles_of
    source_at = np.append(_positions(articles["source"], sources), -1)
    return np.append(source_at[_positions(article_ids, articles["article_id"])], -1)[article_code]


def _distinct_per(code: np.ndarray, other: np.ndarray, size: int) -> np.ndarray:
    """How many distinct values of ``other`` (codes, -1 missing and not counted) each code 0..size-1 has."""
    found = (code >= 0) & (other >= 0)
    span = int(other.max(initial=0)) + 1
    return np.bincount(pd.unique(code[found] * span + other[found]) // span, minlength=size)


def top_entities(mentions: pd.DataFrame, entities: pd.DataFrame, articles: pd.DataFrame, *,
                 rolled_up: bool = False) -> pd.DataFrame:
    """Entities of ``mentions`` ranked by mentions.

    ``mentions`` is as chosen by ``choose_mentions`` (rolled up or not: say
    which with ``rolled_up``); ``entities`` is the full entities table;
    ``articles`` has one row per article.
    Columns: canonical, label, mentions, articles, sources, salience (summed
    over articles: roughly, how many articles' worth of attention), family
    ("branch of X", or with ``rolled_up`` "includes Y"), sorted by mentions.
    """
    columns = ["canonical", "label", "mentions", "articles", "sources", "salience", "family"]
    if mentions.empty:
        return pd.DataFrame({c: pd.Series(dtype="object") for c in columns})
    # Counts by integer codes (names in sorted order, as a groupby's), not a merge and groupbys on 240k strings.
    code, names = _codes(mentions["canonical"], sort=True)
    size = len(names)
    n_mentions = np.bincount(code[code >= 0], minlength=size)
    article_code, article_ids = _codes(mentions["article_id"])
    n_articles = _distinct_per(code, article_code, size)
    n_sources = _distinct_per(code, _mention_sources(mentions, articles, articles["source"],
                                                     articles_of=(article_code, article_ids)), size)
    mapping = parents(entities)
    named = entities["canonical"].map(mapping).fillna(entities["canonical"]) if rolled_up and mapping \
        else entities["canonical"]
    # summed per name as a groupby sums (the same order, the same compensated sum), on integer codes
    entity_code = _positions(named, names)
    salience = entities["salience"].groupby(entity_code).sum()
    salience = salience[salience.index >= 0].reindex(range(size)).fillna(0.0).round(3).to_numpy()
    order = np.lexsort((np.arange(size), -n_articles, -n_mentions))  # mentions, articles down; names A-Z
    ranked = names.take(pa.array(order)).to_pylist()
    labels = _labels_of(names, entities, missing="")
    if rolled_up:
        branches: dict[str, list[str]] = {}
        for branch, parent in mapping.items():
            branches.setdefault(parent, []).append(branch)
        family = ["includes " + "; ".join(sorted(branches[c])) if c in branches else "" for c in ranked]
    else:
        family = [f"branch of {mapping[c]}" if c in mapping else "" for c in ranked]
    return pd.DataFrame({"canonical": pd.array(ranked, dtype=mentions["canonical"].dtype),
                         "label": [labels[i] for i in order.tolist()],
                         "mentions": n_mentions[order], "articles": n_articles[order], "sources": n_sources[order],
                         "salience": salience[order], "family": family})[columns]


def source_shares(mentions: pd.DataFrame, articles: pd.DataFrame, *, entities: Iterable[str]) -> pd.DataFrame:
    """Per source and entity: n_mentions, the source's total mentions, and the share.

    Columns: source, canonical, n_mentions, source_mentions, share — one row
    for every source and every entity in ``entities`` (zero when unnamed).
    ``articles`` has one row per article.
    """
    wanted = list(dict.fromkeys(entities))
    sources = sorted(articles["source"].unique())
    # Sums by source and entity position with bincount, not a merge and a groupby of every mention.
    source = _mention_sources(mentions, articles, pa.array(sources))
    code, names = _codes(mentions["canonical"])
    entity = np.append(_positions(names, pa.array(wanted, type=pa.string())) if wanted else np.full(len(names), -1),
                       -1)[code]
    return shares_frame(sources, wanted, source, entity, canonical_dtype=mentions["canonical"].dtype)


def shares_frame(sources: list, wanted: list, source: np.ndarray, entity: np.ndarray, *,
                 canonical_dtype) -> pd.DataFrame:
    """``source_shares``' table from each mention's position in ``sources`` and in ``wanted`` (-1: none)."""
    totals = np.bincount(source[source >= 0], minlength=len(sources))
    found = (source >= 0) & (entity >= 0)
    counts = np.bincount(source[found] * len(wanted) + entity[found], minlength=len(sources) * len(wanted))
    index = pd.MultiIndex.from_product([sources, wanted], names=["source", "canonical"])
    out = pd.Series(counts, index=index, name="n_mentions").reset_index()
    if not wanted:  # as the groupby's empty reindex gave it: the names' own type
        out["canonical"] = out["canonical"].astype(canonical_dtype)
    out["source_mentions"] = np.repeat(totals, len(wanted))
    out["share"] = (out["n_mentions"] / out["source_mentions"].where(out["source_mentions"] > 0)).fillna(0.0)
    return out


def cooccurrence(mentions: pd.DataFrame, *, entities: Iterable[str] | None = None) -> pd.DataFrame:
    """Pairs of entities named in the same sentence.

    Columns: entity_a, entity_b (alphabetical), n_sentences, n_articles;
    sorted by n_sentences. Only pairs within ``entities`` when given.
    """
    columns = ["entity_a", "entity_b", "n_sentences", "n_articles"]
    # Each (sentence, entity) once as integer codes (names sorted: code order is name order), then one self-join
    # of those codes per sentence: each unordered pair once. No merge or groupby of strings.
    if entities is None:
        name, names = _codes(mentions["canonical"], sort=True)
    else:
        names = pa.array(sorted({e for e in entities if isinstance(e, str)}), type=pa.string())
        name = _positions(mentions["canonical"], names)
    article, _ = _codes(mentions["article_id"])
    idx = mentions["sentence_idx"].to_numpy(dtype=np.float64)
    found = (name >= 0) & (article >= 0) & ~np.isnan(idx)  # as dropna on the article and sentence
    idx = idx[found].astype(np.int64)
    sentence, _ = pd.factorize(article[found] * (int(idx.max(initial=0)) + 1) + idx)
    per_sentence = pd.DataFrame({"s": sentence, "a": article[found], "n": name[found]}).drop_duplicates()
    pairs = per_sentence.merge(per_sentence[["s", "n"]], on="s", suffixes=("_a", "_b"))
    pairs = pairs[pairs["n_a"] < pairs["n_b"]]
    if pairs.empty:
        return pd.DataFrame({c: pd.Series(dtype="object") for c in columns})
    pair = pairs["n_a"].to_numpy() * len(names) + pairs["n_b"].to_numpy()
    found_pairs, at = np.unique(pair, return_inverse=True)
    n_sentences = np.bincount(at)
    span = int(article.max()) + 1
    n_articles = np.bincount(pd.unique(at * span + pairs["a"].to_numpy()) // span, minlength=len(found_pairs))
    order = np.lexsort((found_pairs, -n_sentences))  # sentences down, then entity_a, entity_b A-Z
    listed = names.take(pa.array(found_pairs[order] // len(names))), names.take(pa.array(found_pairs[order] % len(names)))
    dtype = mentions["canonical"].dtype
    return pd.DataFrame({"entity_a": pd.array(listed[0].to_pylist(), dtype=dtype),
                         "entity_b": pd.array(listed[1].to_pylist(), dtype=dtype),
                         "n_sentences": n_sentences[order], "n_articles": n_articles[order]})[columns]


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
