"""The Tone page's tables: scored sentences with their article's source and title, and the sentences
where the two scorers point opposite ways.

A filter change reads the filtered sentences as positions in the whole corpus's table: ``tone_codes`` gives
each sentence its article position, source and agreement as integers once per corpus, and ``source_tone_of``,
``agreement_counts`` and ``opposite_rows`` sum, count and pick rows of the articles an article mask keeps,
giving the tables the functions on the restricted tables give (the mentions: ``analysis.views.mentions``)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from analysis.tables import CorpusTables, article_rows, mapped
from analysis.timeline.values import flag_column
from analysis.views.groups import OTHER
from analysis.tone.sentiment import AGREEMENTS, CALLS, NEUTRAL, SCORES, THIN, _call_codes


def sentences_with_articles(sentences: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``sentences`` with the ``source`` and ``title`` of each sentence's article added
    (missing for an article not in ``articles``)."""
    by_id = articles.set_index("article_id")
    return sentences.assign(source=mapped(sentences["article_id"], by_id["source"]),
                            title=mapped(sentences["article_id"], by_id["title"]))


def opposite_calls(compared: pd.DataFrame) -> pd.DataFrame:
    """The rows of ``disagreement`` whose scorers point opposite ways, largest ``gap`` (either sign) first."""
    opposite = compared[compared["agreement"] == "opposite"]
    return opposite.reindex(opposite["gap"].abs().sort_values(ascending=False).index)


def follow_up_articles(timeline: pd.DataFrame) -> frozenset[str]:
    """Ids of the articles whose figures the timeline marks as follow-up coverage of their event
    (restating its toll months later), so a time axis can open on the main period without them."""
    if timeline.empty or "follow_up" not in timeline:
        return frozenset()
    return frozenset(timeline.loc[flag_column(timeline, "follow_up"), "article_id"].astype(str))


def entities_by_mentions(mentions: pd.DataFrame) -> list[str]:
    """The canonical names in ``mentions``, most mentioned first, then in most articles, then by name: the order of
    ``top_entities`` without its sources, labels, salience and families (a merge of every mention with its
    article's source, most of a filter change's time on the Tone page at 10,000 articles)."""
    if mentions.empty:
        return []
    grouped = mentions.groupby("canonical")
    counts = pd.DataFrame({"mentions": grouped.size(), "articles": grouped["article_id"].nunique()})
    return counts.reset_index().sort_values(["mentions", "articles", "canonical"], ascending=[False, False, True])[
        "canonical"].tolist()


@dataclass(frozen=True)
class ToneCodes:
    """What the Tone page reads of a whole corpus's sentences, as integer codes made once per corpus (``tone_codes``;
    the mentions' are ``analysis.views.mentions``'), so that a filter change counts, sums and picks rows by an
    article mask (``keep``, over the whole articles table) instead of regrouping the strings of 211k sentences.

    Sentences whose article is not in the articles table have article -1 and are never kept (the tables a corpus
    is built into have none)."""

    sentence_article: np.ndarray  # each sentence's article position in the articles table
    article_source: np.ndarray  # each article's code in ``sources`` (-1: no source)
    sources: pd.api.extensions.ExtensionArray | np.ndarray  # the articles' distinct sources
    agreement: np.ndarray  # each sentence's index into ``AGREEMENTS`` (``disagreement``)
    # per sentence: its weight (its words, at least 1; "n_words") and its scores times it, for ``source_tone_of``
    weighted: pd.DataFrame
    labels: list[str]  # each article's "source: title", for the article picker


def tone_codes(tables: CorpusTables, words: np.ndarray) -> ToneCodes:
    """The ``ToneCodes`` of a whole corpus's ``tables`` (articles and sentences with scores), with ``words``
    each sentence's word count (``count_words_column`` of the texts, in the sentences' order)."""
    sentences, articles = tables.sentences, tables.articles
    article_source, sources = pd.factorize(tables.articles["source"])
    polarity = sentences["polarity"].astype(float).to_numpy()
    vader = sentences["vader_compound"].astype(float).to_numpy()
    weights = np.maximum(np.asarray(words), 1).astype(float)
    weighted = pd.DataFrame({"n_words": weights, **{s: sentences[s].astype(float).to_numpy() * weights
                                                    for s in SCORES}})
    labels = [f"{s}: {title}" for s, title in zip(articles["source"], articles["title"])]
    return ToneCodes(article_rows(tables, "sentences"), article_source, sources,
                     agreement_codes(polarity, vader), weighted, labels)


def _weighted_means(codes: ToneCodes, rows: np.ndarray, by: np.ndarray, *, sort: bool) -> pd.DataFrame:
    """The sentences at ``rows`` grouped by the code ``by`` gives each (pandas' sums, ``source_tone``'s to the last
    digit): the length-weighted scores, n_sentences, n_words and thin, indexed by code."""
    grouped = codes.weighted.take(rows).groupby(by, sort=sort)
    out = grouped.sum()
    for column in SCORES:
        out[column] = out[column] / out["n_words"]
    out["n_sentences"] = grouped.size()
    out["n_words"] = out["n_words"].astype(int)
    out["thin"] = out["n_sentences"] < THIN
    return out


def source_tone_of(codes: ToneCodes, rows: np.ndarray) -> pd.DataFrame | None:
    """``source_tone`` of the sentences at ``rows`` of the whole corpus's sentences (ascending, every one of an
    article with a source), with the word counts ``codes`` were made with: the same table, the sentences'
    weighted scores (made once per corpus) grouped by their source's code instead of its name. The same pandas
    sums over the same rows in the same order, so the same floats. None when a sentence at ``rows`` has no
    source (then ``source_tone`` itself)."""
    columns = ["source", *SCORES, "n_articles", "n_sentences", "n_words", "thin"]
    if not len(rows):
        return pd.DataFrame(columns=columns)
    article = codes.sentence_article[rows]
    source = codes.article_source[np.maximum(article, 0)]
    if (article < 0).any() or (source < 0).any():
        return None
    # grouped as those rows only: pandas sums sorted groups another way (NumPy's pairwise sums), so the rows of
    # the other articles under a group of their own would change which way, and the last digits
    out = _weighted_means(codes, rows, source, sort=False)
    order = out.index.to_numpy()  # the sources' codes, in order of their first sentence
    out["n_articles"] = np.bincount(codes.article_source[np.unique(article)], minlength=len(codes.sources))[order]
    out = out.reset_index(drop=True)
    out["source"] = pd.Series(codes.sources).take(order).reset_index(drop=True)
    return out[columns]


def agreement_codes(polarity: np.ndarray, vader: np.ndarray, *, neutral: float = NEUTRAL) -> np.ndarray:
    """Each sentence's ``disagreement`` agreement as an index into ``AGREEMENTS``."""
    textblob_codes, vader_codes = _call_codes(polarity, neutral), _call_codes(vader, neutral)
    neutral_code = CALLS.index("neutral")
    return np.where(textblob_codes == vader_codes, 0,
                    np.where((textblob_codes == neutral_code) | (vader_codes == neutral_code), 1, 2))


def scored_rows(sentences: pd.DataFrame, articles: pd.DataFrame, rows: np.ndarray, codes: ToneCodes) -> pd.DataFrame:
    """``sentences_with_articles(sentences, articles)`` (the whole corpus's tables, which ``codes`` were made from)
    at ``rows`` only (their index): each article's source and title taken by its position."""
    found = sentences.iloc[rows]
    at = codes.sentence_article[rows]
    return found.assign(**{column: pd.Series(articles[column].array.take(at, allow_fill=True), index=found.index)
                           for column in ("source", "title")})


def agreement_counts(codes: ToneCodes, rows: np.ndarray) -> dict[str, int]:
    """How many of the sentences at ``rows`` fall under each of ``AGREEMENTS`` (``disagreement``'s
    ``agreement.value_counts()``, by code)."""
    return dict(zip(AGREEMENTS, np.bincount(codes.agreement[rows], minlength=len(AGREEMENTS)).tolist()))


def opposite_rows(codes: ToneCodes, sentences: pd.DataFrame, rows: np.ndarray) -> np.ndarray:
    """The rows of ``opposite_calls(disagreement(...))`` of the sentences at ``rows``, in its order: opposite
    calls, largest gap (either sign) first, by the same sort of the same gaps."""
    opposite = rows[codes.agreement[rows] == AGREEMENTS.index("opposite")]
    gap = (sentences["vader_compound"].astype(float).to_numpy()[opposite]
           - sentences["polarity"].astype(float).to_numpy()[opposite])
    return opposite[pd.Series(np.abs(gap)).sort_values(ascending=False).index.to_numpy()]


def group_tone_of(codes: ToneCodes, rows: np.ndarray, group_at: np.ndarray, names: list) -> pd.DataFrame:
    """``source_tone``'s means per group: the sentences at ``rows`` of the whole corpus (each of a kept article)
    grouped by their article's group (``group_codes``: ``group_at`` each whole-corpus article's code in ``names``),
    with the group's numbers of sources and articles. Columns: group, the scores (weighted by sentence length),
    n_sources, n_articles, n_sentences, n_words, thin; the most sentences first (ties by name), ``OTHER`` last: the
    rows of the page's spread chart (``charts.tone.group_spread_spec``), in its order."""
    columns = ["group", *SCORES, "n_sources", "n_articles", "n_sentences", "n_words", "thin"]
    if not len(rows):
        return pd.DataFrame(columns=columns)
    article = codes.sentence_article[rows]
    out = _weighted_means(codes, rows, group_at[article], sort=True)
    kept = np.unique(article)
    out["n_articles"] = np.bincount(group_at[kept], minlength=len(names))[out.index]
    # one code per (group, source) pair of the kept articles; a source of -1 (none) is a pair of its own
    pairs = np.unique(group_at[kept] * (len(codes.sources) + 1) + codes.article_source[kept] + 1)
    out["n_sources"] = np.bincount(pairs // (len(codes.sources) + 1), minlength=len(names))[out.index]
    out["group"] = [names[code] for code in out.index]
    label = out["group"].map(str).to_numpy()
    order = np.lexsort((label, -out["n_sentences"].to_numpy(), label == OTHER))  # the last key sorts first
    return out.iloc[order].reset_index(drop=True)[columns]


def group_codes(labels: np.ndarray, keep: np.ndarray) -> tuple[list, np.ndarray]:
    """The distinct ``labels`` (one per article ``keep`` marks, in order) and each whole-corpus article's code
    among them (-1: not kept)."""
    code, names = pd.factorize(labels)
    at = np.full(len(keep), -1, dtype=np.int64)
    at[np.flatnonzero(keep)] = code
    return list(names), at
