"""The Tone page's per-sentence tables are the frames the first code made: ``disagreement``,
``sentences_with_articles`` and ``source_tone`` on corpora, odd scores and odd ids."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis.ingest.text import count_words_column
from analysis.tone.sentiment import NEUTRAL, disagreement, source_tone
from analysis.views.tone import sentences_with_articles
from tests.pages.many_outlets import many_outlets_corpus
from tests.views.tone_before import disagreement_before, sentences_with_articles_before, source_tone_before


def _corpus(case: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    tables = many_outlets_corpus().tables
    sentences, articles = tables.sentences, tables.articles
    if case == "as built":
        return sentences, articles
    if case == "part of the sentences, index kept":
        return sentences.iloc[7:60:3], articles
    if case == "an article missing":
        return sentences, articles.iloc[1:]
    if case == "no articles":
        return sentences, articles.iloc[:0]
    if case == "none of their articles":
        return sentences, articles.assign(article_id=articles["article_id"] + "-elsewhere")
    if case == "no sentences":
        return sentences.iloc[:0], articles
    if case == "ids as plain objects":
        return (sentences.assign(article_id=sentences["article_id"].astype(object)),
                articles.assign(article_id=articles["article_id"].astype(object), source=articles["source"].astype(object),
                                title=articles["title"].astype(object)))
    if case == "an article twice":
        return sentences, pd.concat([articles, articles.iloc[:1]], ignore_index=True)
    if case == "a source missing":
        return sentences, articles.assign(source=articles["source"].where(articles.index % 3 != 1))
    if case == "an id missing":
        return sentences.assign(article_id=sentences["article_id"].where(sentences.index % 5 != 2)), articles
    if case == "scores on the edges":
        edges = [NEUTRAL, -NEUTRAL, 0.0, np.nan, 0.9, -0.9, NEUTRAL + 1e-9]
        n = len(sentences)
        return sentences.assign(polarity=[edges[i % len(edges)] for i in range(n)],
                                vader_compound=[edges[(i * 3 + 1) % len(edges)] for i in range(n)]), articles
    raise AssertionError(case)


CASES = ["as built", "part of the sentences, index kept", "an article missing", "no articles",
         "none of their articles", "no sentences",
         "ids as plain objects", "scores on the edges"]


@pytest.mark.parametrize("case", CASES)
def test_disagreement_is_the_first_codes(case):
    sentences, articles = _corpus(case)
    scored = sentences_with_articles_before(sentences, articles)
    pd.testing.assert_frame_equal(disagreement(scored), disagreement_before(scored))


@pytest.mark.parametrize("case", [*CASES, "an article twice"])
def test_sentences_with_articles_is_the_first_codes(case):
    sentences, articles = _corpus(case)
    if case == "an article twice":  # map by a repeated id fails in both
        with pytest.raises(Exception):
            sentences_with_articles_before(sentences, articles)
        with pytest.raises(Exception):
            sentences_with_articles(sentences, articles)
        return
    pd.testing.assert_frame_equal(sentences_with_articles(sentences, articles),
                                  sentences_with_articles_before(sentences, articles))


@pytest.mark.parametrize("words", [False, True])
@pytest.mark.parametrize("case", [*CASES, "an article twice", "a source missing", "an id missing"])
def test_source_tone_is_the_first_codes(case, words):
    sentences, articles = _corpus(case)
    counted = count_words_column(sentences["text"].tolist()) if words else None
    if case == "an article twice" and words:  # the merge repeats that article's sentences: counts do not fit either
        with pytest.raises(ValueError):
            source_tone_before(sentences, articles, words=counted)
        with pytest.raises(ValueError):
            source_tone(sentences, articles, words=counted)
        return
    pd.testing.assert_frame_equal(source_tone(sentences, articles, words=counted),
                                  source_tone_before(sentences, articles, words=counted))
