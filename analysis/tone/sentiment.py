"""Tone: sentence sentiment and its aggregates per section, article, source and entity.

Every sentence gets three scores (``score_sentences``):

- ``polarity`` (-1..1) and ``subjectivity`` (0..1) from TextBlob's pattern
  lexicon: the mean score of the known adjectives and adverbs in the sentence,
  with "very"/"not" modifying the next word;
- ``vader_compound`` (-1..1) from VADER, a rule-based lexicon built for short
  social-media text, with its own negation, intensifier and "but" rules.

Honest limits, which the app shows next to every figure: both are word lists,
not readers. TextBlob misses contracted negation ("the response isn't great"
scores +0.8) and ignores most verbs and nouns of news ("the attack killed 133
people" is -0.2 only because of "killed"; "Ukraine denied the accusations" is
0.0); VADER rates the same sentences clearly negative. Reporting of a tragedy is
negative in words whatever the outlet's stance, so compare sources against each
other, look at distributions and at the sentences behind each score, never at
one bare number. Aggregates resting on fewer than ``THIN`` (3) sentences are
flagged ``thin``. ``disagreement`` lists where the two methods point opposite
ways: those sentences are where neither score should be trusted alone.

Aggregates: ``article_tone`` and ``section_tone`` (means weighted by sentence
length in words), ``source_tone`` (length-weighted over all the source's
sentences), ``entity_tone`` (plain mean over the distinct sentences that
mention an entity, per article, per source or per side of a comparison).

Sentence scores are cached per article (see ``analysis.article_cache``) keyed by the
article's sentence texts and the two libraries' versions.
"""

from __future__ import annotations

from functools import cache
from importlib import metadata

import numpy as np
import pandas as pd
import pyarrow as pa

from analysis.ingest.text import count_words_column
from analysis.tables import distinct_per, positions_in
from analysis.article_cache import shared_cache

#: Aggregates over fewer sentences than this are flagged ``thin``.
THIN = 3
#: Scores within +-NEUTRAL count as neutral when comparing the two methods (VADER's own convention).
NEUTRAL = 0.05
SCORES = ("polarity", "subjectivity", "vader_compound")


@cache
def sentiment_version() -> str:
    """Versions of the two scorers; cached scores are keyed by it."""
    versions = []
    for package in ("textblob", "vaderSentiment"):
        try:
            versions.append(f"{package} {metadata.version(package)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{package} ?")
    return "; ".join(versions) + "; scores v1"


@cache
def _scorers():
    # TextBlob's default analyser (PatternAnalyzer) and VADER's polarity_scores give
    # exactly these numbers; ``analysis.tone.scorers`` computes them with less
    # bookkeeping (and falls back to the libraries for versions it was not checked on).
    from analysis.tone.scorers import pattern_scorer, vader_scorer

    return pattern_scorer(), vader_scorer()


def score_text(text: str) -> tuple[float, float, float]:
    """``(polarity, subjectivity, vader_compound)`` of one sentence (TextBlob's numbers, and VADER's)."""
    pattern, vader = _scorers()
    polarity, subjectivity = pattern(text)
    return float(polarity), float(subjectivity), float(vader(text))


def score_sentences(sentences: pd.DataFrame, *, cache: bool = True, n_process: int | None = None) -> pd.DataFrame:
    """The sentences table with ``polarity``, ``subjectivity`` and ``vader_compound`` filled in.

    Args:
        sentences: the sentences table (article_id, text, ...); not modified.
        cache: reuse and store per-article scores (``False``: score every sentence afresh).
        n_process: worker processes for many new sentences (default: as for NER,
            see ``analysis.entities.nlp.choose_n_process``; fewer than ``PARALLEL_MIN_SENTENCES``
            new sentences are always scored in this process).

    Returns:
        A copy of ``sentences`` with the three score columns (floats).
    """
    n = len(sentences)
    scores = np.zeros((n, 3))
    if n:
        texts = ["" if not isinstance(t, str) else t for t in sentences["text"]]
        positions: dict[str, list[int]] = {}
        for pos, article_id in enumerate(sentences["article_id"]):
            positions.setdefault(article_id, []).append(pos)
        store = shared_cache("sentiment", sentiment_version()) if cache else None
        missing: list[tuple[list[int], str]] = []  # (rows, cache key) of articles not in the cache
        for rows in positions.values():
            key = store.key("\x1e".join(texts[p] for p in rows)) if store is not None else ""
            found = store.get(key) if store is not None else None
            if found is not None and len(found) == 3 * len(rows):
                scores[rows] = np.asarray(found, dtype=float).reshape(-1, 3)
            else:
                missing.append((rows, key))
        if missing:
            unique = list(dict.fromkeys(texts[p] for rows, _ in missing for p in rows))
            scored = dict(zip(unique, _score_many(unique, n_process)))
            for rows, key in missing:
                values = [scored[texts[p]] for p in rows]
                scores[rows] = values
                if store is not None:
                    store.put(key, [x for triple in values for x in triple])
    return sentences.assign(polarity=scores[:, 0], subjectivity=scores[:, 1], vader_compound=scores[:, 2])


#: Fewer new sentences than this are scored in this process (starting workers would cost more).
PARALLEL_MIN_SENTENCES = 20_000


def _score_many(texts: list[str], n_process: int | None) -> list[tuple[float, float, float]]:
    if n_process is None:
        from analysis.entities.nlp import choose_n_process

        n_process = choose_n_process(sum(map(len, texts))) if len(texts) >= PARALLEL_MIN_SENTENCES else 1
    if n_process <= 1 or len(texts) < 2 * n_process:
        return [score_text(text) for text in texts]
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    _scorers()  # load the lexicons once, before the workers fork
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    chunk = -(-len(texts) // (n_process * 4))
    with ProcessPoolExecutor(max_workers=n_process, mp_context=context) as pool:
        return list(pool.map(score_text, texts, chunksize=chunk))


def _weighted(frame: pd.DataFrame, keys: list[str], words: np.ndarray | None = None) -> pd.DataFrame:
    """Length-weighted means of the scores per ``keys``, with counts and the thin flag; ``words``: the
    rows' word counts when already known (``count_words_column`` of their texts)."""
    counts = count_words_column(frame["text"].tolist()) if words is None else np.asarray(words)
    words = pd.Series(np.maximum(counts, 1), index=frame.index, dtype=float)
    work = pd.DataFrame({k: frame[k] for k in keys})
    work["n_words"] = words
    for column in SCORES:
        work[column] = frame[column].astype(float) * words
    grouped = work.groupby(keys, sort=False, dropna=False)
    out = grouped[["n_words", *SCORES]].sum()
    for column in SCORES:
        out[column] = out[column] / out["n_words"]
    out["n_sentences"] = grouped.size()
    out["n_words"] = out["n_words"].astype(int)
    out["thin"] = out["n_sentences"] < THIN
    return out.reset_index()[[*keys, *SCORES, "n_sentences", "n_words", "thin"]]


def article_tone(sentences: pd.DataFrame) -> pd.DataFrame:
    """Per article: length-weighted polarity, subjectivity, vader_compound; n_sentences, n_words, thin.

    ``sentences`` must carry the scores (``score_sentences``).
    """
    if sentences.empty:
        return pd.DataFrame(columns=["article_id", *SCORES, "n_sentences", "n_words", "thin"])
    return _weighted(sentences, ["article_id"])


def section_tone(sentences: pd.DataFrame) -> pd.DataFrame:
    """Per article and section (in order): the same columns as ``article_tone`` plus ``section``."""
    if sentences.empty:
        return pd.DataFrame(columns=["article_id", "section", *SCORES, "n_sentences", "n_words", "thin"])
    return _weighted(sentences.assign(section=sentences["section"].fillna("")), ["article_id", "section"])


def source_tone(sentences: pd.DataFrame, articles: pd.DataFrame, *, words: np.ndarray | None = None) -> pd.DataFrame:
    """Per source: length-weighted scores over all its sentences, n_articles, n_sentences, n_words, thin.

    ``words``: each sentence's word count (``count_words_column`` of ``sentences["text"]``, in row
    order) when already known; counted here otherwise.
    """
    columns = ["source", *SCORES, "n_articles", "n_sentences", "n_words", "thin"]
    if sentences.empty:
        return pd.DataFrame(columns=columns)
    at = None if "source" in sentences or articles.empty else positions_in(sentences["article_id"], articles["article_id"])
    if at is None:
        frame = sentences.merge(articles[["article_id", "source"]], on="article_id", how="left")
    else:  # the rows of that merge (one article per id), by a lookup: the sentences' columns are not copied
        frame = sentences.assign(source=pd.Series(articles["source"].array.take(at, allow_fill=True),
                                                  index=sentences.index))
    out = _weighted(frame, ["source"], words)
    out["n_articles"] = out["source"].map(distinct_per(frame["source"], frame["article_id"]))
    return out[columns]


def add_article_tone(articles: pd.DataFrame, sentences: pd.DataFrame) -> pd.DataFrame:
    """The articles table with its ``polarity``, ``subjectivity`` and ``vader_compound`` filled from sentences."""
    tone = article_tone(sentences).set_index("article_id")
    out = articles.copy()
    for column in SCORES:
        out[column] = out["article_id"].map(tone[column]) if len(tone) else np.nan
    return out


def entity_tone(mentions: pd.DataFrame, sentences: pd.DataFrame, articles: pd.DataFrame, *,
                by: str = "source", include_demonyms: bool = True) -> pd.DataFrame:
    """Mean tone of the sentences that mention each entity ("how is Ukraine written about in each source").

    A sentence counts once per entity however often it names it; only the
    mentions of ``articles`` count. Columns: ``article_id`` and ``source``
    (``by="article"``) or the ``by`` column of ``articles`` ("source", or a
    comparison's "side"), then ``canonical``, ``polarity``, ``subjectivity``,
    ``vader_compound`` (plain means), ``n_sentences``, ``n_mentions`` and
    ``thin`` (fewer than 3 sentences).

    Args:
        include_demonyms: count "Russian officials" as a sentence about Russia.
    """
    keys = ["article_id", "source"] if by == "article" else [by]
    columns = [*keys, "canonical", *SCORES, "n_sentences", "n_mentions", "thin"]
    if mentions.empty or sentences.empty:
        return pd.DataFrame(columns=columns)
    chosen = mentions if include_demonyms else mentions[~mentions["via_demonym"].astype(bool)]
    counts = chosen.groupby(["article_id", "canonical", "sentence_idx"], sort=False).size().rename("n")
    pairs = counts.reset_index()
    scored = sentences[["article_id", "idx", *SCORES]].rename(columns={"idx": "sentence_idx"})
    pairs = pairs.merge(scored, on=["article_id", "sentence_idx"], how="inner")
    pairs = pairs.merge(articles[list(dict.fromkeys(["article_id", *keys]))], on="article_id", how="inner")
    grouped = pairs.groupby([*keys, "canonical"], sort=False, dropna=False)
    out = grouped[list(SCORES)].mean()
    out["n_sentences"] = grouped.size()
    out["n_mentions"] = grouped["n"].sum()
    out["thin"] = out["n_sentences"] < THIN
    return out.reset_index()[columns]


def disagreement(sentences: pd.DataFrame, *, neutral: float = NEUTRAL) -> pd.DataFrame:
    """Where TextBlob and VADER disagree, per sentence.

    Adds ``textblob_call`` and ``vader_call`` (negative, neutral or positive,
    with +-``neutral`` counted neutral), ``agreement`` (``agree``, ``opposite``
    when they point opposite ways, or ``one_neutral``) and ``gap``
    (vader_compound - polarity) to the scored sentences (a new frame).
    """
    polarity = sentences["polarity"].astype(float).to_numpy()
    vader = sentences["vader_compound"].astype(float).to_numpy()
    textblob_codes, vader_codes = _call_codes(polarity, neutral), _call_codes(vader, neutral)
    neutral_code = CALLS.index("neutral")
    agreement = np.where(textblob_codes == vader_codes, 0,
                         np.where((textblob_codes == neutral_code) | (vader_codes == neutral_code), 1, 2))
    index = sentences.index
    return sentences.assign(textblob_call=_named(CALLS, textblob_codes, index),
                            vader_call=_named(CALLS, vader_codes, index),
                            agreement=_named(AGREEMENTS, agreement, index),
                            gap=pd.Series(vader - polarity, index=index))


#: ``disagreement``'s calls and agreements, in the order of their codes.
CALLS = ("negative", "neutral", "positive")
AGREEMENTS = ("agree", "one_neutral", "opposite")


def _call_codes(values: np.ndarray, neutral: float) -> np.ndarray:
    """Each score's call as an index into ``CALLS`` (a missing score is neutral)."""
    return np.where(values > neutral, 2, np.where(values < -neutral, 0, 1))


def _named(names: tuple[str, ...], codes: np.ndarray, index: pd.Index) -> pd.Series:
    """``names[code]`` of each code, as text on ``index``: one Arrow take from the few names, not a Python string
    per row (building the three text columns of 160,000 sentences from NumPy strings took 0.1 s)."""
    values = pa.array(names, type=pa.large_string()).take(pa.array(codes, type=pa.int64()))
    return pd.Series(pd.array(values, dtype=pd.StringDtype(na_value=np.nan)), index=index)
