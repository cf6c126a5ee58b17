"""What the pages read from a whole corpus whatever the filters, computed once when the corpus is built.

Some of what the pages show is per sentence or per article and does not depend on the
sidebar filters or a page's widgets: who each sentence cites (``cited_sources``, about 8 s
at 10,000 articles), every article's term counts (``term_matrix``, about 6 s) and every
article's length-weighted tone (``article_tone``) and each sentence's word count. Pages narrow these to the filtered
articles instead of computing them on a visit. The toll page's summary lines of the whole corpus
(``toll_summary``, about 1 s) are read as they are while nothing is filtered out, the app's first
page. ``CORPUS_VIEWS`` names them; ``prepare_views`` computes them (``analysis.uploads`` does so when
a corpus is built or reopened, so a first visit only filters); ``corpus_view`` computes one by name
(the bundled seeds, lazily).

A saved analysis carries the tabular ones, so reopening it is a read rather than the ~9 s of computing
them at 10,000 articles: ``view_frames`` writes them as plain tables (``analysis.store.export`` puts
them in the zip under a key from ``views_version`` and the tables' hashes) and ``views_from_frames``
reads them back; the toll summary (lists, about 1 s) is computed again on reopen, as is what the
event grouping reads of each article (``toll_event_inputs``, about 30 ms). A zip saved by other
analysis code (any change to ``analysis/``, its data files or the library versions changes the key) or
whose views do not fit its tables is never trusted: they are computed again.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from analysis.framing import cited_sources
from analysis.framing.distinctive import TermMatrix, term_matrix
from analysis.ingest.text import count_words_column
from analysis.tables import CorpusTables
from analysis.timeline.events import EventInputs
from analysis.tone.sentiment import article_tone
from analysis.views.toll import toll_summary

#: name -> how it is computed from the whole corpus's tables; every value is read-only once made.
CORPUS_VIEWS: Mapping[str, Callable[[CorpusTables], object]] = {
    # (article_id, sentence_idx, cited, named, surface, cue, start, end) of every sentence that cites someone
    "framing_cited_all": lambda t: cited_sources(t.sentences, t.mentions),
    # per-article unigram and bigram counts for distinctive words (a ``TermMatrix``)
    "framing_term_matrix": lambda t: term_matrix(t.sentences),
    # article_id, polarity, subjectivity, vader_compound, n_sentences, n_words, thin: one row per article
    "tone_articles": lambda t: article_tone(t.sentences),
    # each sentence's word count, in the sentences table's row order (a numpy array)
    "sentence_words": lambda t: count_words_column(t.sentences["text"].tolist()),
    # the toll page's summary lines, several-events notes and category choices (lists; about 1 s at 10k)
    "toll_summary": toll_summary,
    # what the event grouping reads of each article whatever the filters (an ``EventInputs``): a filtered part's
    # toll summary reads its articles' figures and places from it
    "toll_event_inputs": lambda t: EventInputs(t.articles, t.entities),
}


def corpus_view(tables: CorpusTables, name: str) -> object:
    """The view ``name`` of ``CORPUS_VIEWS`` computed from ``tables`` (the whole corpus).

    Raises:
        KeyError: for a name not in ``CORPUS_VIEWS``.
    """
    return CORPUS_VIEWS[name](tables)


def prepare_views(tables: CorpusTables, known: Mapping[str, object] | None = None) -> dict[str, object]:
    """Every view of ``CORPUS_VIEWS`` of the whole corpus, by name: those in ``known`` (read from a
    saved analysis) as they are, the others computed."""
    known = known or {}
    return {name: known[name] if name in known else compute(tables) for name, compute in CORPUS_VIEWS.items()}


def kept_rows(whole: pd.DataFrame, articles: pd.DataFrame) -> np.ndarray:
    """Which rows of ``whole`` (a table of the whole corpus with ``article_id``) are about ``articles``,
    as a boolean array: the rows ``CorpusTables.restrict`` keeps, in the same order, so a per-row
    corpus view narrowed by it lines up with the restricted table."""
    if whole.empty or articles.empty:
        return np.zeros(len(whole), dtype=bool)
    try:  # pyarrow's hash lookup: pandas' isin on Arrow strings first made a Python string of each of 10,000 ids
        column, wanted = pa.array(whole["article_id"]), pa.array(articles["article_id"])
    except (pa.ArrowException, TypeError):
        column = wanted = None
    if column is None or not all(pa.types.is_string(a.type) or pa.types.is_large_string(a.type)
                                 for a in (column, wanted)):  # ids that are not all text: pandas compares them
        return whole["article_id"].isin(articles["article_id"]).to_numpy(dtype=bool)
    matched = pc.is_in(column, value_set=wanted.cast(column.type)).fill_null(False)
    return matched.to_numpy(zero_copy_only=False).astype(bool)


#: Bumped when the way views are written as tables changes.
FRAMES_FORMAT = 1
#: the tables ``view_frames`` writes
SAVED_FRAMES = ("framing_cited_all", "tone_articles", "sentence_words", "framing_term_matrix.articles",
                "framing_term_matrix.terms", "framing_term_matrix.entries")


def views_version() -> str:
    """What saved views must have been made by to be reused: this codec and the analysis code and
    library versions (``analysis.store.corpus_cache.code_version``)."""
    from analysis.store.corpus_cache import code_version

    return f"corpus-views/{FRAMES_FORMAT}/{code_version()}"


def view_frames(views: Mapping[str, object]) -> dict[str, pd.DataFrame]:
    """Every view of ``CORPUS_VIEWS`` in ``views`` as tables to save (``{}`` when any is missing).

    A frame is itself; the word counts a one-column table; the term matrix three tables
    (per article, per term, per entry) with ``min_total`` in the per-article one.
    """
    if set(views) != set(CORPUS_VIEWS):
        return {}
    matrix = views["framing_term_matrix"]
    return {
        "framing_cited_all": views["framing_cited_all"],
        "tone_articles": views["tone_articles"],
        "sentence_words": pd.DataFrame({"words": views["sentence_words"]}),
        "framing_term_matrix.articles": pd.DataFrame({
            "article_id": matrix.article_ids.to_numpy(), "tokens": matrix.tokens, "words": matrix.words,
            "min_total": np.full(len(matrix.article_ids), matrix.min_total, dtype=np.int64)}),
        "framing_term_matrix.terms": pd.DataFrame({"term": matrix.terms}),
        "framing_term_matrix.entries": pd.DataFrame({"row": matrix.rows, "column": matrix.columns,
                                                     "count": matrix.counts}),
    }


def views_from_frames(frames: Mapping[str, pd.DataFrame], tables: CorpusTables) -> dict[str, object] | None:
    """The views ``view_frames`` wrote, read back for ``tables``; None when any is missing or does not fit
    ``tables`` (other lengths, articles or columns: then they must be computed again)."""
    if set(frames) != set(SAVED_FRAMES):
        return None
    per_article, terms, entries = (frames[f"framing_term_matrix.{part}"] for part in ("articles", "terms", "entries"))
    words = frames["sentence_words"]
    if (list(words.columns) != ["words"] or len(words) != len(tables.sentences)
            or list(per_article.columns) != ["article_id", "tokens", "words", "min_total"]
            or list(terms.columns) != ["term"] or list(entries.columns) != ["row", "column", "count"]
            or set(per_article["article_id"]) != set(tables.sentences["article_id"])
            or per_article["min_total"].nunique() > 1
            or not entries["row"].between(0, len(per_article) - 1).all()
            or not entries["column"].between(0, len(terms) - 1).all()):
        return None
    ids = set(tables.articles["article_id"])
    for name, columns in _FRAME_COLUMNS.items():
        if list(frames[name].columns) != columns or not set(frames[name]["article_id"]) <= ids:
            return None
    matrix = TermMatrix(
        pd.Index(per_article["article_id"].tolist()), terms["term"].to_numpy(dtype=object),
        entries["row"].to_numpy(dtype=np.int32), entries["column"].to_numpy(dtype=np.int32),
        entries["count"].to_numpy(dtype=np.int32), per_article["tokens"].to_numpy(dtype=np.int64),
        per_article["words"].to_numpy(dtype=np.int64),
        int(per_article["min_total"].iloc[0]) if len(per_article) else 2)
    return {"framing_cited_all": frames["framing_cited_all"], "framing_term_matrix": matrix,
            "tone_articles": frames["tone_articles"], "sentence_words": words["words"].to_numpy(dtype=np.int64)}


#: the columns a saved frame view must have to be reused
_FRAME_COLUMNS = {
    "framing_cited_all": ["article_id", "sentence_idx", "cited", "named", "surface", "cue", "start", "end"],
    "tone_articles": ["article_id", "polarity", "subjectivity", "vader_compound", "n_sentences", "n_words", "thin"],
}
