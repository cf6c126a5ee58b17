"""The Tone page's tables: sentences with their article's source and title; opposite calls by gap."""

from __future__ import annotations

import pandas as pd

from analysis.views.tone import follow_up_articles, opposite_calls, sentences_with_articles


def test_sentences_get_their_articles_source_and_title():
    sentences = pd.DataFrame({"article_id": ["b", "a", "x"], "idx": [0, 0, 0]})
    articles = pd.DataFrame({"article_id": ["a", "b"], "source": ["Wire", "Post"], "title": ["Ta", "Tb"]})
    out = sentences_with_articles(sentences, articles)
    assert out[["source", "title"]].values.tolist()[:2] == [["Post", "Tb"], ["Wire", "Ta"]]
    assert out[["source", "title"]].iloc[2].isna().all()  # an article not in the table
    assert list(sentences.columns) == ["article_id", "idx"]  # the input is left alone


def test_opposite_calls_largest_gap_first_either_sign():
    compared = pd.DataFrame({"idx": range(5), "agreement": ["opposite", "agree", "opposite", "one_neutral", "opposite"],
                             "gap": [0.4, 1.5, -0.9, 1.2, 0.6]})
    assert opposite_calls(compared)["idx"].tolist() == [2, 4, 0]


def test_follow_up_articles_are_those_whose_figures_the_timeline_marks():
    timeline = pd.DataFrame({"article_id": ["a", "a", "b", "c"], "follow_up": [False, False, True, pd.NA]})
    assert follow_up_articles(timeline) == {"b"}
    assert follow_up_articles(timeline.drop(columns="follow_up")) == frozenset()
    assert follow_up_articles(timeline.iloc[:0]) == frozenset()
