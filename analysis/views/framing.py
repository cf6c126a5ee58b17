"""The Framing page's tables: frame shares per side as counts, and who is quoted by which side.

``count_labels`` writes a frame profile's counts as "sentences with the frame / all
sentences" ("3/15"); ``frame_share_table`` lays them out frame by side with the share;
``label_speakers`` and ``voices_table`` count the attributed statements per cited
person or body and side. ``hedge_density_of`` and ``frame_profile_of`` give the tables of
``hedge_density`` and ``frame_profile`` for any grouping from per-article counts made once per
corpus (``hedge_cue_counts``, ``frame_counts``), so a new grouping or filter only adds up
10,000 articles' counts instead of going through 160k cues and 211k sentences again.

The same way, from codes made once per corpus (article positions, names as integers): ``role_matrix_of``
gives ``role_matrix``'s table (``role_castings``), ``entity_tone_of`` gives ``entity_tone``'s
(``sentence_index``), ``voices_of`` gives ``voices_table``'s (``cited_codes``); ``cue_codes`` and
``frame_codes`` spare the density and profile their id lookups. Each is tested equal to the code it
stands for (``tests/framing/test_fast_views.py``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from analysis.framing import frame_labels
from analysis.framing.roles import cast_roles, role_names
from analysis.framing.clauses import normalise
from analysis.framing.hedges import KINDS
from analysis.tone.sentiment import SCORES, THIN, entity_tone


def count_labels(profile: pd.DataFrame) -> pd.Series:
    """``"n_sentences/n_total"`` per row of a ``frame_profile`` (e.g. ``"3/15"``, ``"47,352/173,929"``), on the same
    index."""
    return profile["n_sentences"].map("{:,}".format) + "/" + profile["n_total"].map("{:,}".format)


def side_sentences(profile: pd.DataFrame, sides: Sequence[str]) -> dict[str, int]:
    """``{side: its number of sentences}`` for each of ``sides`` from a ``frame_profile`` by "side" (0 when absent)."""
    totals = profile.drop_duplicates("side").set_index("side")["n_total"]
    return {side: int(totals.get(side, 0)) for side in sides}


def frame_order(profile: pd.DataFrame, *, labels: Mapping[str, str]) -> list[str]:
    """The frames of ``labels``, the most carried first: by their share of all the sides' sentences
    together (ties in codebook order)."""
    carried = profile.groupby("frame")["n_sentences"].sum()
    codebook = list(labels)
    return sorted(codebook, key=lambda f: (-float(carried.get(f, 0)), codebook.index(f)))


def frame_share_table(profile: pd.DataFrame, *, labels: Mapping[str, str], sides: Sequence[str]) -> pd.DataFrame:
    """Frames by side for display: column ``Frame`` (the label), then one column per side.

    Args:
        profile: ``frame_profile(..., by="side")`` rows.
        labels: ``{frame: label}`` in codebook order; the rows follow ``frame_order`` (as the heatmap's do).
        sides: the sides, in column order.

    Returns:
        One row per frame; each cell reads "sentences/total (share%)", e.g. ``"3/15 (20%)"``.
    """
    cells = count_labels(profile) + " (" + (profile["share"] * 100).round().astype(int).astype(str) + "%)"
    table = profile.assign(cell=cells).pivot(index="label", columns="side", values="cell")
    table = table.reindex([labels[f] for f in frame_order(profile, labels=labels)])[list(sides)]
    return table.reset_index().rename(columns={"label": "Frame"}).rename_axis(columns=None)


def label_speakers(cited: pd.DataFrame) -> pd.DataFrame:
    """``cited_sources`` rows plus ``who``: the cited name, with " (unnamed)" after an unnamed source
    ("officials (unnamed)")."""
    return cited.assign(who=cited["cited"].where(cited["named"].astype(bool), cited["cited"] + " (unnamed)"))


def voices_table(cited: pd.DataFrame, *, sides: Sequence[str]) -> pd.DataFrame:
    """Attributed sentences per speaker and side.

    Args:
        cited: ``label_speakers`` rows with a ``side`` column.
        sides: the sides in column order; sides that quote no one are left out.

    Returns:
        Column ``who``, then one column per side: the number of sentences attributing a statement
        to that speaker; the most quoted speaker first.
    """
    voices = cited.pivot_table(index="who", columns="side", values="sentence_idx", aggfunc="size", fill_value=0)
    voices = voices.reindex(columns=[s for s in sides if s in voices.columns], fill_value=0)
    return voices.loc[voices.sum(axis=1).sort_values(ascending=False).index].reset_index()


def at_most_sides(arts: pd.DataFrame, *, max_sides: int, others: str) -> pd.DataFrame:
    """``arts`` (with a ``side`` column) keeping the ``max_sides - 1`` sides with most articles and
    putting the rest together under ``others``; unchanged when there are ``max_sides`` or fewer."""
    counts = arts["side"].value_counts()
    if len(counts) <= max_sides:
        return arts
    kept = list(counts.index[:max_sides - 1])
    return arts.assign(side=arts["side"].where(arts["side"].isin(kept), others))


def hedge_cue_counts(hedges: pd.DataFrame) -> pd.DataFrame:
    """Cues per article, kind and cue word as ``hedge_density`` lists them (``normalise``d): article_id, kind,
    cue, n. Made once per corpus: normalising 160k cues is most of what a density costs."""
    cues = pd.DataFrame({"article_id": hedges["article_id"], "kind": hedges["kind"],
                         "cue": [normalise(cue) for cue in hedges["cue"].astype(str).tolist()]})
    return cues.groupby(["article_id", "kind", "cue"], sort=False, observed=True).size().rename("n").reset_index()


def _per_article(article_ids: pd.Index, ids: pd.Series, values) -> np.ndarray:
    """``values`` (one per id of ``ids``) by position in ``article_ids``, -1 where none, and one more -1 at the end:
    indexed by positions where -1 means "no article", it gives -1 there too."""
    at = article_ids.get_indexer(ids)
    found = at >= 0
    out = np.full(len(article_ids) + 1, -1, dtype=np.int64)
    out[at[found]] = np.asarray(values)[found]
    return out


@dataclass(frozen=True)
class CueCodes:
    """``hedge_cue_counts`` rows of a whole corpus as codes, made once per corpus for ``hedge_density_of``: each
    row's article position in ``article_ids`` (-1: not among them), kind and cue (factorized), and count."""

    article_ids: pd.Index
    article: np.ndarray
    kind: np.ndarray
    kinds: pd.Index
    cue: np.ndarray
    cues: pd.Index


def cue_codes(counts: pd.DataFrame, articles: pd.DataFrame) -> CueCodes:
    """The ``CueCodes`` of ``counts`` (``hedge_cue_counts`` of the corpus) over ``articles`` (one row per article)."""
    article_ids = pd.Index(articles["article_id"])
    kind_of, kinds = pd.factorize(counts["kind"])
    cue_of, cues = pd.factorize(counts["cue"])
    return CueCodes(article_ids, article_ids.get_indexer(counts["article_id"]), kind_of, pd.Index(kinds), cue_of,
                    pd.Index(cues))


def hedge_density_of(counts: pd.DataFrame, articles: pd.DataFrame, *, by: str,
                     codes: CueCodes | None = None) -> pd.DataFrame:
    """``hedge_density(hedges, articles, by=by)`` from ``hedge_cue_counts(hedges)``: the same table. With ``codes``
    (``cue_codes(counts, corpus articles)``), no string of the 100k count rows is read again.

    Articles without a word count in ``n_words`` are left to ``hedge_density``, which counts them from the text.
    """
    if "n_words" not in articles.columns or articles["n_words"].isna().any():
        raise ValueError("every article needs its n_words here; hedge_density counts them from the text")
    arts = articles.drop_duplicates("article_id")
    words = arts.groupby(by, sort=True).agg(n_articles=("article_id", "size"), n_words=("n_words", "sum"))
    # Every count row's group by position (no merge), then sums per group, kind and cue in one bincount.
    group_of, names = pd.factorize(arts[by])
    if codes is None:
        group = np.append(group_of, -1)[pd.Index(arts["article_id"]).get_indexer(counts["article_id"])]
        kind_of, kinds = pd.factorize(counts["kind"])
        cue_of, cues = pd.factorize(counts["cue"])
    else:
        group_at = _per_article(codes.article_ids, arts["article_id"], group_of)
        group, kind_of, kinds, cue_of, cues = group_at[codes.article], codes.kind, codes.kinds, codes.cue, codes.cues
    found = (group >= 0) & (kind_of >= 0) & (cue_of >= 0)
    cell = (group[found] * len(kinds) + kind_of[found]) * len(cues) + cue_of[found]
    size = len(names) * len(kinds) * len(cues)
    sums, rows_in = (np.bincount(cell, weights=counts["n"].to_numpy()[found], minlength=size),
                     np.bincount(cell, minlength=size))
    listed: dict[tuple, dict[str, int]] = {}
    for at in np.flatnonzero(rows_in):
        (g, k), c = divmod(int(at) // len(cues), len(kinds)), int(at) % len(cues)
        listed.setdefault((names[g], kinds[k]), {})[cues[c]] = int(sums[at])
    rows = []
    for group, info in words.iterrows():
        row = {by: group, "n_articles": int(info["n_articles"]), "n_words": int(info["n_words"])}
        per = 1000 / row["n_words"] if row["n_words"] else float("nan")
        kinds = {kind: listed.get((group, kind), {}) for kind in KINDS}
        row["n_cues"] = sum(sum(cues.values()) for cues in kinds.values())
        row["per_1000_words"] = row["n_cues"] * per
        for kind, cues in kinds.items():
            row[f"n_{kind}"] = sum(cues.values())
            row[f"{kind}_per_1000"] = row[f"n_{kind}"] * per
            ranked = sorted(cues.items(), key=lambda kv: (-kv[1], kv[0]))  # most frequent first, as cue_list
            row[f"{kind}_cues"] = "; ".join(f"{cue} ×{n}" for cue, n in ranked)
        rows.append(row)
    return pd.DataFrame(rows, columns=[by, "n_articles", "n_words", "n_cues", "n_epistemic", "n_attribution",
                                       "per_1000_words", "epistemic_per_1000", "attribution_per_1000",
                                       "epistemic_cues", "attribution_cues"])


def frame_counts(frames: pd.DataFrame, sentences: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Per article, once per corpus: its number of sentences (article_id, n_total) and, per frame, how many of
    its sentences carry it (article_id, frame, n_sentences)."""
    totals = sentences.groupby("article_id", sort=False).size().rename("n_total").reset_index()
    tagged = frames[["article_id", "sentence_idx", "frame"]].drop_duplicates()
    carried = tagged.groupby(["article_id", "frame"], sort=False).size().rename("n_sentences").reset_index()
    return totals, carried


@dataclass(frozen=True)
class FrameCodes:
    """``frame_counts`` of a whole corpus as codes, made once per corpus for ``frame_profile_of``: each totals and
    carried row's article position in ``article_ids`` (-1: not among them), and each carried row's frame."""

    article_ids: pd.Index
    totals_article: np.ndarray
    carried_article: np.ndarray
    frame: np.ndarray  # position in ``frames``
    frames: pd.Index


def frame_codes(counts: tuple[pd.DataFrame, pd.DataFrame], articles: pd.DataFrame) -> FrameCodes:
    """The ``FrameCodes`` of ``counts`` (``frame_counts`` of the corpus) over ``articles`` (one row per article)."""
    totals, carried = counts
    article_ids = pd.Index(articles["article_id"])
    frame, frames = pd.factorize(carried["frame"])
    return FrameCodes(article_ids, article_ids.get_indexer(totals["article_id"]),
                      article_ids.get_indexer(carried["article_id"]), frame, pd.Index(frames))


def frame_profile_of(counts: tuple[pd.DataFrame, pd.DataFrame], articles: pd.DataFrame, *, by: str,
                     labels: Mapping[str, str] | None = None, codes: FrameCodes | None = None) -> pd.DataFrame:
    """``frame_profile(frames, sentences, articles, by=by)`` from ``frame_counts(frames, sentences)``: the same
    table (``by`` a column of ``articles``, not "article_id"). With ``codes`` (``frame_codes(counts, corpus
    articles)``), no article id of the count rows is read again."""
    labels = frame_labels() if labels is None else labels
    totals, carried = counts  # one row per article, and per article and frame (as frame_counts makes them)
    arts = articles[["article_id", by]].drop_duplicates("article_id")
    # Array sums, not merges and groupbys: each article's group code (groups in sorted order, as groupby's),
    # then every count row's group by position; rows of articles outside ``articles`` or without a group drop out.
    group_of, names = pd.factorize(arts[by], sort=True)
    group_of = np.append(group_of, -1)  # position -1 (an article not in ``articles``): no group
    if codes is None:
        position = pd.Index(arts["article_id"])
        group = group_of[position.get_indexer(totals["article_id"])]
        carried_group = group_of[position.get_indexer(carried["article_id"])]
        frame_at = pd.Index(list(labels)).get_indexer(carried["frame"])
    else:
        group_at = _per_article(codes.article_ids, arts["article_id"], group_of[:-1])
        group, carried_group = group_at[codes.totals_article], group_at[codes.carried_article]
        frame_at = np.append(pd.Index(list(labels)).get_indexer(codes.frames), -1)[codes.frame]
    found = group >= 0
    n_total = np.bincount(group[found], weights=totals["n_total"].to_numpy()[found], minlength=len(names))
    n_articles_total = np.bincount(group[found], minlength=len(names))  # totals has one row per article
    frames = list(labels)
    group = carried_group
    found = (group >= 0) & (frame_at >= 0)
    cell = group[found] * len(frames) + frame_at[found]  # carried has one row per article and frame
    n_sentences = np.bincount(cell, weights=carried["n_sentences"].to_numpy()[found], minlength=len(names) * len(frames))
    n_articles = np.bincount(cell, minlength=len(names) * len(frames))
    got = {(names[g], frame): (int(n_sentences[g * len(frames) + f]), int(n_articles[g * len(frames) + f]))
           for g in range(len(names)) for f, frame in enumerate(frames)}
    kept = np.flatnonzero(n_articles_total > 0)
    per_group = pd.DataFrame({"n_total": n_total[kept].astype(np.int64), "n_articles_total": n_articles_total[kept]},
                             index=[names[g] for g in kept])
    rows = []
    for group, n_total, n_articles_total in zip(per_group.index, per_group["n_total"], per_group["n_articles_total"]):
        for frame_id, label in labels.items():
            n, n_articles = got.get((group, frame_id), (0, 0))
            rows.append({by: group, "frame": frame_id, "label": label, "n_sentences": n, "n_total": int(n_total),
                         "share": n / n_total if n_total else 0.0, "n_articles": n_articles,
                         "n_articles_total": int(n_articles_total)})
    return pd.DataFrame(rows, columns=[by, "frame", "label", "n_sentences", "n_total", "share", "n_articles",
                                       "n_articles_total"])


@dataclass(frozen=True)
class RoleCastings:
    """``cast_roles`` of a whole corpus without the grouping, as integer codes, made once per corpus for
    ``role_matrix_of``: one entry per casting (an actor, then a target entity, with a role)."""

    article_ids: pd.Index  # the corpus's articles; ``article`` holds positions into it (-1: not among them)
    article: np.ndarray
    sentence: np.ndarray  # sentence_idx
    entity: np.ndarray  # position in ``entities`` (sorted, as a groupby orders them)
    entities: list
    role: np.ndarray  # position in ``roles`` (-1: a role the cue file does not list)
    roles: tuple[str, ...]


def role_castings(roles: pd.DataFrame, articles: pd.DataFrame, *, names: Sequence[str] | None = None) -> RoleCastings:
    """The ``RoleCastings`` of ``roles`` (the corpus's roles table) about ``articles`` (one row per article),
    with the role columns ``names`` (default ``role_names()``)."""
    names = tuple(role_names() if names is None else names)
    long = cast_roles(roles, articles.assign(_all=0), by="_all")
    entity, entities = pd.factorize(long["entity"], sort=True)
    article = pd.Index(articles["article_id"]).get_indexer(long["article_id"])
    return RoleCastings(pd.Index(articles["article_id"]), article, long["sentence_idx"].to_numpy(dtype=np.int64),
                        entity, list(entities), pd.Index(names).get_indexer(long["role"]), names)


def role_matrix_of(castings: RoleCastings, articles: pd.DataFrame, *, by: str) -> pd.DataFrame:
    """``role_matrix(roles, articles, by=by)`` from ``role_castings(roles, corpus articles)``: the same table,
    by counting codes with ``bincount`` instead of a merge, a pivot table and a groupby of strings."""
    names = list(castings.roles)
    columns = [by, "entity", *names, "total", "n_sentences"]
    arts = articles[["article_id", by]].drop_duplicates("article_id")
    group_of, groups = pd.factorize(arts[by], sort=True)  # groups in sorted order, as the pivot table's
    side = _per_article(castings.article_ids, arts["article_id"], group_of)
    row_side = side[castings.article]
    found = (row_side >= 0) & (castings.entity >= 0)
    if not found.any():
        return pd.DataFrame({c: pd.Series(dtype="object") for c in columns})
    n_entities, n_roles = len(castings.entities), len(names)
    # each (group, entity) present as a number, sorted: by group, then entity (names sorted)
    cells, cell = np.unique(row_side[found] * n_entities + castings.entity[found], return_inverse=True)
    role = castings.role[found]
    counted = role >= 0
    counts = np.bincount(cell[counted] * n_roles + role[counted], minlength=len(cells) * n_roles).reshape(-1, n_roles)
    # distinct (cell, article, sentence): the cell, then the article's position, then the sentence
    span_article, span_sentence = len(castings.article_ids) + 1, int(castings.sentence.max(initial=0)) + 1
    key = (cell * span_article + castings.article[found]) * span_sentence + castings.sentence[found]
    n_sentences = np.bincount(pd.unique(key) // (span_article * span_sentence), minlength=len(cells))
    total = counts.sum(axis=1)
    group, entity = cells // n_entities, cells % n_entities
    order = np.lexsort((entity, -total, group))  # by group, then total down, then entity
    group, entity, counts, total, n_sentences = group[order], entity[order], counts[order], total[order], \
        n_sentences[order]
    # as the pivot table's index levels: values of an Index (its type inferred), then columns
    out = pd.DataFrame({by: pd.Index(groups.to_numpy(dtype=object)[group]),
                        "entity": pd.Index(np.array(castings.entities, dtype=object)[entity])})
    for at, name in enumerate(names):
        out[name] = counts[:, at]
    out["total"] = total
    out["n_sentences"] = n_sentences
    return out[columns]


@dataclass(frozen=True)
class SentenceIndex:
    """Where each sentence of a corpus is, by (article, sentence number), made once per corpus for
    ``entity_tone_of``: ``keys`` sorted, each ``article position * span + idx``, and ``rows`` the sentence's row."""

    article_ids: pd.Index
    keys: np.ndarray
    rows: np.ndarray
    span: int
    unique: bool  # no two rows for one (article, idx): a lookup is then the merge's one row


def in_side_order(matrix: pd.DataFrame, sides: Sequence[str], *, by: str = "side") -> pd.DataFrame:
    """``matrix``'s rows grouped by ``by`` in the order of ``sides`` (sides not in it last), keeping the order
    within each side (``role_matrix``: total, descending)."""
    rank = {side: position for position, side in enumerate(sides)}
    keys = np.array([rank.get(side, len(rank)) for side in matrix[by].tolist()], dtype=np.int64)
    return matrix.iloc[np.argsort(keys, kind="stable")].reset_index(drop=True)


def sentence_index(sentences: pd.DataFrame, articles: pd.DataFrame) -> SentenceIndex:
    """The ``SentenceIndex`` of ``sentences`` (article_id, idx) over ``articles`` (one row per article)."""
    article_ids = pd.Index(articles["article_id"])
    article = article_ids.get_indexer(sentences["article_id"])
    idx = sentences["idx"].to_numpy(dtype=np.int64)
    span = int(idx.max(initial=0)) + 1
    found = (article >= 0) & (idx >= 0)
    keys = article[found].astype(np.int64) * span + idx[found]
    order = np.argsort(keys, kind="stable")
    keys = keys[order]
    return SentenceIndex(article_ids, keys, np.flatnonzero(found)[order], span,
                         bool(len(keys) < 2 or (np.diff(keys) > 0).all()))


def entity_tone_of(index: SentenceIndex, mentions: pd.DataFrame, sentences: pd.DataFrame, articles: pd.DataFrame, *,
                   by: str) -> pd.DataFrame:
    """``entity_tone(mentions, sentences, articles, by=by)`` (``by`` a column of ``articles``) with
    ``sentence_index(sentences, corpus articles)``: the same table, each mentioned sentence looked up in the
    index instead of merging with all 211k sentences. The rows the merges made, in their order, then the same
    groupby."""
    columns = [by, "canonical", *SCORES, "n_sentences", "n_mentions", "thin"]
    if mentions.empty or sentences.empty:
        return pd.DataFrame(columns=columns)
    if not index.unique:
        return entity_tone(mentions, sentences, articles, by=by)
    # one row per (article, entity, sentence) in order of first mention, with its mentions (groupby sort=False)
    article = index.article_ids.get_indexer(mentions["article_id"])
    name_of, names = pd.factorize(mentions["canonical"])
    idx = mentions["sentence_idx"].to_numpy()
    usable = (article >= 0) & (name_of >= 0) & (idx >= 0) & (idx < index.span)
    key = article[usable].astype(np.int64) * index.span + idx[usable]
    pair, firsts = pd.factorize(key * len(names) + name_of[usable])
    n = np.bincount(pair)
    sentence_key, name = firsts // len(names), firsts % len(names)
    # the merge with the sentences: pairs whose sentence exists, its row's scores
    at = np.minimum(np.searchsorted(index.keys, sentence_key), max(len(index.keys) - 1, 0))
    scored = (index.keys[at] == sentence_key) if len(index.keys) else np.zeros(len(sentence_key), dtype=bool)
    # the merge with the articles: pairs of the articles given, with their group
    arts = articles[["article_id", by]].drop_duplicates("article_id")
    group_at = _per_article(index.article_ids, arts["article_id"], np.arange(len(arts)))
    group_row = group_at[sentence_key // index.span]
    kept = scored & (group_row >= 0)
    rows = index.rows[at[kept]]
    pairs = pd.DataFrame({by: arts[by].iloc[group_row[kept]].reset_index(drop=True),
                          "canonical": names.take(name[kept]),
                          **{score: sentences[score].to_numpy()[rows] for score in SCORES}, "n": n[kept]})
    grouped = pairs.groupby([by, "canonical"], sort=False, dropna=False)
    out = grouped[list(SCORES)].mean()
    out["n_sentences"] = grouped.size()
    out["n_mentions"] = grouped["n"].sum()
    out["thin"] = out["n_sentences"] < THIN
    return out.reset_index()[columns]


@dataclass(frozen=True)
class CitedCodes:
    """Who each ``cited_sources`` row of a whole corpus cites (``label_speakers``' who) and in which article, as
    codes, made once per corpus for ``voices_of``."""

    article_ids: pd.Index
    article: np.ndarray  # the row's article position in ``article_ids`` (-1: not among them)
    who: np.ndarray  # position in ``names`` (sorted, as the pivot table's rows; -1: none)
    names: pd.Index


def cited_codes(cited: pd.DataFrame, articles: pd.DataFrame) -> CitedCodes:
    """The ``CitedCodes`` of ``cited`` (``cited_sources`` rows) over ``articles`` (one row per article)."""
    article_ids = pd.Index(articles["article_id"])
    who, names = pd.factorize(label_speakers(cited)["who"], sort=True)
    return CitedCodes(article_ids, article_ids.get_indexer(cited["article_id"]), who, pd.Index(names, name="who"))


def voices_of(codes: CitedCodes, articles: pd.DataFrame, *, sides: Sequence[str]) -> pd.DataFrame:
    """``voices_table(label_speakers(cited.merge(articles[["article_id", "side"]])), sides=sides)`` from
    ``cited_codes(cited, corpus articles)``: the same table, counted with ``bincount`` instead of a merge of
    100k attributed sentences and a pivot table; empty (no rows) when no article of ``articles`` cites anyone."""
    arts = articles[["article_id", "side"]].drop_duplicates("article_id")
    side_of, side_names = pd.factorize(arts["side"], sort=True)  # the pivot table's columns, sorted
    side = _per_article(codes.article_ids, arts["article_id"], side_of)
    row_side = side[codes.article]
    found = (row_side >= 0) & (codes.who >= 0)
    if not found.any():
        return pd.DataFrame(columns=["who", *[s for s in sides if s in set(side_names)]])
    counts = np.bincount(codes.who[found] * len(side_names) + row_side[found],
                         minlength=len(codes.names) * len(side_names)).reshape(len(codes.names), len(side_names))
    present = np.flatnonzero(counts.sum(axis=1) > 0)
    shown = set(sides)
    used = [at for at in np.flatnonzero(counts.sum(axis=0) > 0) if side_names[at] in shown]
    # the pivot table voices_table starts from (speakers and sides that occur, both sorted; only the sides it
    # keeps), then its own steps
    voices = pd.DataFrame(counts[np.ix_(present, used)], index=codes.names[present],
                          columns=pd.Index(side_names.take(used), name="side"))
    voices = voices.reindex(columns=[s for s in sides if s in voices.columns], fill_value=0)
    return voices.loc[voices.sum(axis=1).sort_values(ascending=False).index].reset_index()
