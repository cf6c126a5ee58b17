"""What the pages read from a whole corpus whatever the filters, computed once when the corpus is built.

Some of what the pages show is per sentence or per article and does not depend on the
sidebar filters or a page's widgets: who each sentence cites (``cited_sources``, about 8 s
at 10,000 articles), every article's term counts (``term_matrix``, about 6 s) and every
article's length-weighted tone (``article_tone``) and each sentence's word count. Pages narrow these to the filtered
articles instead of computing them on a visit. The toll page's summary lines of the whole corpus
(``toll_summary``, about 1 s) are read as they are while nothing is filtered out, the app's first
page. ``CORPUS_VIEWS`` names them; ``prepare_views``
computes them all (``analysis.uploads`` does so when a corpus is built or reopened, so a first
visit only filters); ``corpus_view`` computes one by name (the bundled seeds, lazily).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import numpy as np
import pandas as pd

from analysis.framing import cited_sources
from analysis.framing.distinctive import term_matrix
from analysis.ingest.text import count_words_column
from analysis.tables import CorpusTables
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
}


def corpus_view(tables: CorpusTables, name: str) -> object:
    """The view ``name`` of ``CORPUS_VIEWS`` computed from ``tables`` (the whole corpus).

    Raises:
        KeyError: for a name not in ``CORPUS_VIEWS``.
    """
    return CORPUS_VIEWS[name](tables)


def prepare_views(tables: CorpusTables) -> dict[str, object]:
    """Every view of ``CORPUS_VIEWS`` of the whole corpus, by name."""
    return {name: compute(tables) for name, compute in CORPUS_VIEWS.items()}


def kept_rows(whole: pd.DataFrame, articles: pd.DataFrame) -> np.ndarray:
    """Which rows of ``whole`` (a table of the whole corpus with ``article_id``) are about ``articles``,
    as a boolean array: the rows ``CorpusTables.restrict`` keeps, in the same order, so a per-row
    corpus view narrowed by it lines up with the restricted table."""
    return whole["article_id"].isin(articles["article_id"]).to_numpy(dtype=bool)
