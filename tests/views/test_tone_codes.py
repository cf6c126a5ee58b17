"""The Tone page's tables from codes of the whole corpus (``tone_codes``, ``mention_codes``) and an article mask are the tables the
first functions make of the restricted corpus: entity order and counts, per-source tone, agreement counts, opposite calls,
mentions of picked entities and scored rows, for masks keeping all, none or some articles."""

from __future__ import annotations

import dataclasses

import numpy as np
import pandas as pd
import pytest

from analysis.ingest.text import count_words_column
from analysis.tone.sentiment import NEUTRAL, disagreement, source_tone
from analysis.views.groups import OTHER, source_groups
from analysis.views.mentions import entities_by_mentions_of, kept, mention_codes, mention_counts_of, mentions_of
from analysis.views.tone import (
    agreement_counts,
    entities_by_mentions,
    group_codes,
    group_tone_of,
    opposite_calls,
    opposite_rows,
    scored_rows,
    sentences_with_articles,
    source_tone_of,
    tone_codes,
)
from tests.pages.many_outlets import many_outlets_corpus
from tests.views.article_masks import MASKS


def _tables(case: str):
    tables = many_outlets_corpus().tables
    if case == "scores on the edges":
        edges = [NEUTRAL, -NEUTRAL, 0.0, 0.9, -0.9, NEUTRAL + 1e-9, 0.3]
        n = len(tables.sentences)
        tables = dataclasses.replace(tables, sentences=tables.sentences.assign(
            polarity=[edges[i % len(edges)] for i in range(n)],
            vader_compound=[edges[(i * 3 + 1) % len(edges)] for i in range(n)]))
    return tables


@pytest.fixture(params=[(case, mask) for case in ("as built", "scores on the edges") for mask in MASKS],
                ids=lambda p: f"{p[0]}-{p[1]}")
def corpus(request):
    case, mask = request.param
    whole = _tables(case)
    words = count_words_column(whole.sentences["text"].tolist())
    keep = MASKS[mask](len(whole.articles))
    part = whole.restrict(whole.articles.loc[keep, "article_id"].tolist())
    codes = tone_codes(whole, words)
    rows = np.flatnonzero(kept(codes.sentence_article, keep))
    return whole, part, codes, keep, rows, words, mention_codes(whole)


def test_the_rows_are_the_restricted_sentences(corpus):
    whole, part, codes, keep, rows, words, mention_at = corpus
    pd.testing.assert_frame_equal(whole.sentences.iloc[rows].reset_index(drop=True), part.sentences)


def test_entities_in_the_same_order(corpus):
    whole, part, codes, keep, rows, words, mention_at = corpus
    assert entities_by_mentions_of(mention_at, keep) == entities_by_mentions(part.mentions)


def test_mention_counts_as_value_counts(corpus):
    whole, part, codes, keep, rows, words, mention_at = corpus
    counts = part.mentions["canonical"].value_counts()
    assert mention_counts_of(mention_at, keep) == (counts.index.tolist(), counts.tolist())


def test_source_tone_is_the_same_table(corpus):
    whole, part, codes, keep, rows, words, mention_at = corpus
    expected = source_tone(part.sentences, part.articles, words=words[rows])
    pd.testing.assert_frame_equal(source_tone_of(codes, rows), expected, check_exact=True,
                                  check_dtype=len(rows) > 0, check_index_type=len(rows) > 0)


@pytest.mark.parametrize("by, top", [("country", 8), ("kind", 8), ("country", 2)])
def test_group_tone_is_source_tone_with_the_group_as_source(corpus, by, top):
    whole, part, codes, keep, rows, words, mention_at = corpus
    labels = source_groups(part.articles, by=by, top=top)
    names, group_at = group_codes(labels.to_numpy(), keep)
    found = group_tone_of(codes, rows, group_at, names)
    as_source = source_tone(part.sentences, part.articles.assign(source=labels), words=words[rows])
    expected = as_source.rename(columns={"source": "group"})
    expected = expected.iloc[sorted(range(len(expected)), key=lambda i: (
        expected["group"].iat[i] == OTHER, -expected["n_sentences"].iat[i], str(expected["group"].iat[i])))]
    expected = expected.reset_index(drop=True)
    assert found["group"].tolist() == expected["group"].tolist()  # the most sentences first, "other" last
    pd.testing.assert_frame_equal(found[expected.columns], expected, check_dtype=False, check_index_type=False)
    sources = part.articles.assign(group=labels).groupby("group")["source"].nunique()
    assert found["n_sources"].tolist() == [sources[g] for g in found["group"]]
    assert OTHER not in found["group"].tolist()[:-1]


def test_agreements_and_opposite_calls(corpus):
    whole, part, codes, keep, rows, words, mention_at = corpus
    compared = disagreement(sentences_with_articles(part.sentences, part.articles))
    counts = compared["agreement"].value_counts()
    assert agreement_counts(codes, rows) == {kind: int(counts.get(kind, 0))
                                             for kind in ("agree", "one_neutral", "opposite")}
    expected = opposite_calls(compared).reset_index(drop=True)
    found = disagreement(scored_rows(whole.sentences, whole.articles, opposite_rows(codes, whole.sentences, rows), codes))
    pd.testing.assert_frame_equal(found.reset_index(drop=True), expected, check_exact=True)


def test_scored_rows_are_the_sentences_with_their_articles(corpus):
    whole, part, codes, keep, rows, words, mention_at = corpus
    pd.testing.assert_frame_equal(scored_rows(whole.sentences, whole.articles, rows, codes).reset_index(drop=True),
                                  sentences_with_articles(part.sentences, part.articles))


@pytest.mark.parametrize("names", [["Moscow"], ["Ukraine", "Kyiv", "Vladimir Putin"], ["nobody"], []])
def test_mentions_of_picked_entities(corpus, names):
    whole, part, codes, keep, rows, words, mention_at = corpus
    expected = part.mentions[part.mentions["canonical"].isin(names)].reset_index(drop=True)
    pd.testing.assert_frame_equal(mentions_of(mention_at, whole.mentions, keep, names).reset_index(drop=True), expected)
