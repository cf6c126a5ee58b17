"""``app_data.NarrowedTables`` reads exactly as ``CorpusTables.restrict``: every table, row order and index."""

from dataclasses import fields

import numpy as np
import pandas as pd
import pytest

import app_data
from analysis.figures.ledger import figure_in_sentence
import analysis.tables as tables_module
from analysis.tables import CorpusTables
from tests.pages.many_outlets import many_outlets_corpus
from tests.tables_before import restrict_before

NAMES = [field.name for field in fields(CorpusTables)]


def _whole() -> CorpusTables:
    tables = many_outlets_corpus().tables
    # the last contradiction names an article the corpus does not have
    contradictions = tables.contradictions.copy()
    contradictions["article_id_b"] = contradictions["article_id_b"].where(
        contradictions.index < len(contradictions) - 1, "nowhere")
    return CorpusTables(**{**dict(tables.items()), "contradictions": contradictions})


def _narrowed(whole: CorpusTables, ids: list[str]) -> app_data.NarrowedTables:
    keep = whole.articles["article_id"].isin(ids).to_numpy(dtype=bool)
    return app_data.NarrowedTables(whole, keep, lambda name: app_data.article_rows(whole, name))


@pytest.mark.parametrize("kept", ["none", "first", "all but last", "every other", "all"])
@pytest.mark.parametrize("name", NAMES)
def test_each_table_is_the_restricted_one(name, kept):
    whole = _whole()
    ids = whole.articles["article_id"].tolist()
    ids = {"none": [], "first": ids[:1], "all but last": ids[:-1], "every other": ids[::2], "all": ids}[kept]
    pd.testing.assert_frame_equal(getattr(_narrowed(whole, ids), name), getattr(restrict_before(whole, ids), name))


def test_a_table_is_narrowed_once_and_only_when_read():
    whole = _whole()
    asked = []
    ids = whole.articles["article_id"].tolist()[:3]
    keep = whole.articles["article_id"].isin(ids).to_numpy(dtype=bool)
    narrowed = app_data.NarrowedTables(whole, keep, lambda name: asked.append(name) or app_data.article_rows(whole, name))
    assert narrowed.figures is narrowed.figures
    assert asked == ["figures"]


def test_restrict_and_items_follow_corpus_tables():
    whole = _whole()
    ids = whole.articles["article_id"].tolist()
    narrowed = _narrowed(whole, ids[:5]).restrict(ids[2:8])
    expected = restrict_before(whole, ids[2:5])
    assert [name for name, _ in narrowed.items()] == NAMES
    for name, frame in narrowed.items():
        pd.testing.assert_frame_equal(frame, getattr(expected, name))
    with pytest.raises(AttributeError):
        narrowed.no_such_table  # noqa: B018


def test_article_rows_marks_unknown_articles():
    whole = _whole()
    rows = app_data.article_rows(whole, "contradictions")
    assert rows.shape == (2, len(whole.contradictions)) and rows[1, -1] == -1
    assert np.array_equal(app_data.article_rows(whole, "articles"), np.arange(len(whole.articles)))


@pytest.mark.parametrize("kept", ["none", "first", "last two", "every other", "all", "unknown and first"])
@pytest.mark.parametrize("name", ["figures", "sentences", "mentions", "timeline"])
def test_rows_about_articles_are_the_isin_rows(name, kept):
    whole = _whole()
    ids = whole.articles["article_id"].tolist()
    ids = {"none": [], "first": ids[:1], "last two": ids[-2:], "every other": ids[::2], "all": ids,
           "unknown and first": ["nowhere", ids[0]]}[kept]
    frame = getattr(whole, name)
    pd.testing.assert_frame_equal(app_data.rows_about(frame, app_data.article_index(whole, name), set(ids)),
                                  frame[frame["article_id"].isin(ids)])


def _figure_in_whole_sentences(figure, whole: CorpusTables) -> tuple[str, str, str]:
    # The Figures page's lookup before: the whole corpus's sentences table, every column, scanned.
    return figure_in_sentence(figure, whole.sentences)


@pytest.mark.parametrize("case", ["as found", "sentence not in the table", "start moved"])
def test_figure_in_sentence_from_its_articles_narrow_rows_is_as_from_all_sentences(case):
    # The Figures page passes rows_about(whole sentences[article_id, idx, start], its article).
    whole = _whole()
    index = app_data.article_index(whole, "sentences")
    narrow = whole.sentences[["article_id", "idx", "start"]]
    figures = whole.figures.assign(**{"as found": {}, "sentence not in the table": {"sentence_idx": 10_000},
                                      "start moved": {"start": whole.figures["start"] + 1}}[case])
    assert len(figures) > 20
    for figure in figures.to_dict("records"):
        assert figure_in_sentence(figure, app_data.rows_about(narrow, index, [figure["article_id"]])) \
            == _figure_in_whole_sentences(figure, whole)


def _killed(frame: pd.DataFrame) -> np.ndarray:
    """Each row by its own cells, as ``NarrowedTables.rows`` asks: its category is "killed"."""
    return (frame["category"] == "killed").to_numpy(dtype=bool)


@pytest.mark.parametrize("kept", ["none", "first", "every other", "all"])
@pytest.mark.parametrize("name", ["timeline", "figures", "contradictions"])
@pytest.mark.parametrize("read_first", [False, True])
@pytest.mark.parametrize("sliced", [False, True], ids=["copied", "text sliced"])
def test_some_columns_and_some_rows_are_those_of_the_narrowed_table(monkeypatch, name, kept, read_first, sliced):
    # ``columns`` and ``rows`` give what the narrowed table gives, whether or not it was narrowed before them, and
    # whether their text columns are copied or sliced (``rows_kept``: a large column, here any)
    if sliced:
        monkeypatch.setattr(tables_module, "SLICED_BYTES", 1)
    whole = _whole()
    ids = whole.articles["article_id"].tolist()
    ids = {"none": [], "first": ids[:1], "every other": ids[::2], "all": ids}[kept]
    narrowed, expected = _narrowed(whole, ids), getattr(restrict_before(whole, ids), name)
    if read_first:
        getattr(narrowed, name)
    columns = list(expected.columns[::2])
    pd.testing.assert_frame_equal(narrowed.columns(name, columns), expected[columns], check_index_type=True)
    rows = narrowed.rows(name, _killed)
    pd.testing.assert_frame_equal(rows, expected[_killed(expected)], check_index_type=True)
    assert kept in ("none", "first") or len(rows)  # a pair needs two articles
    assert read_first == (name in narrowed._narrowed)  # the table itself narrowed only when read
