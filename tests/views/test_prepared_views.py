"""The corpus views a built or reopened corpus carries are what the pages would compute themselves."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.framing import cited_sources
from analysis.framing.distinctive import term_matrix
from analysis.tone.sentiment import article_tone, source_tone
from analysis.uploads import CorpusRequest, build, reopen_zip, save_zip
from analysis.views.prepared import CORPUS_VIEWS, corpus_view, kept_rows, prepare_views

FILES = (("notes.jsonl", b'{"text": "At least 12 people were killed, officials said. Police said the toll may rise.",'
                         b' "source": "a.example", "published": "2024-03-23"}\n'
                         b'{"text": "The death toll rose to 14, according to the governor. Witnesses said it was'
                         b' chaos.", "source": "b.example", "published": "2024-03-24"}\n'),)


@pytest.fixture(scope="module")
def built():
    return build(CorpusRequest(name="two reports", files=FILES))


def test_a_built_corpus_carries_every_corpus_view(built):
    assert set(built.views) == set(CORPUS_VIEWS)
    pd.testing.assert_frame_equal(built.views["framing_cited_all"], cited_sources(built.tables.sentences,
                                                                                  built.tables.mentions))
    pd.testing.assert_frame_equal(built.views["tone_articles"], article_tone(built.tables.sentences))
    matrix = term_matrix(built.tables.sentences)
    assert list(built.views["framing_term_matrix"].terms) == list(matrix.terms)
    assert built.views["framing_term_matrix"].counts.tolist() == matrix.counts.tolist()


def test_a_reopened_corpus_computes_them_again(built):
    reopened = reopen_zip("two.zip", save_zip(built))
    assert set(reopened.views) == set(CORPUS_VIEWS)
    again = prepare_views(reopened.tables)
    assert reopened.views["sentence_words"].tolist() == again["sentence_words"].tolist()
    for name in ("framing_cited_all", "tone_articles"):
        pd.testing.assert_frame_equal(reopened.views[name], again[name])
        pd.testing.assert_frame_equal(corpus_view(reopened.tables, name), again[name])
    with pytest.raises(KeyError):
        corpus_view(reopened.tables, "no such view")


def test_word_counts_narrowed_to_the_filtered_articles_line_up_with_their_sentences(built):
    tables = built.tables
    part = tables.restrict(tables.articles["article_id"].tail(1))
    words = built.views["sentence_words"][kept_rows(tables.sentences, part.articles)]
    assert len(words) == len(part.sentences)
    pd.testing.assert_frame_equal(source_tone(part.sentences, part.articles, words=words),
                                  source_tone(part.sentences, part.articles))


def test_the_toll_summary_of_the_whole_corpus_is_what_the_page_computes_for_it(built):
    from analysis.timeline.events import event_groups
    from analysis.timeline.points import mixed_event_notes
    from analysis.timeline.summary import summarise
    from analysis.views.toll import category_choices

    t = built.tables
    events = event_groups(t.articles, entities=t.entities)
    assert built.views["toll_summary"] == (
        summarise(t.timeline, t.contradictions, articles=t.articles, entities=t.entities, events=events),
        mixed_event_notes(t.articles, entities=t.entities, events=events), category_choices(t.timeline))
    assert any(line.startswith("Deaths:") for line in built.views["toll_summary"][0])
