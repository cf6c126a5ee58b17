"""The Tone page's tables: sentences with their article's source and title; opposite calls by gap."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis.entities.stats import top_entities
from analysis.views.tone import entities_by_mentions, follow_up_articles, opposite_calls, sentences_with_articles


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


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_entities_by_mentions_is_the_order_of_top_entities(seed):
    rng = np.random.default_rng(seed)
    names = ["Kyiv", "Moscow", "Le Monde", "NATO", "Odesa", "Zelensky"]
    mentions = pd.DataFrame({"article_id": [f"a{i}" for i in rng.integers(0, 12, 80)],
                             "canonical": rng.choice(names[: 2 + seed], 80), "sentence_idx": 0})
    articles = pd.DataFrame({"article_id": [f"a{i}" for i in range(12)], "source": ["Wire", "Post"] * 6})
    entities = mentions[["article_id", "canonical"]].drop_duplicates().assign(label="GPE", parent="", salience=0.1)
    assert entities_by_mentions(mentions) == top_entities(mentions, entities, articles)["canonical"].tolist()
    assert entities_by_mentions(mentions.iloc[:0]) == []


def test_entities_by_mentions_breaks_ties_by_articles_then_name():
    mentions = pd.DataFrame({"article_id": ["a", "a", "b", "c", "a", "b", "d"],
                             "canonical": ["Y", "Y", "X", "X", "Z", "Z", "W"]})
    assert entities_by_mentions(mentions) == ["X", "Z", "Y", "W"]
