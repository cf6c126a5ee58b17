"""A part of the ledger taken from the whole corpus's ledger is the ledger of that part."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.figures.ledger import ledger_mask, ledger_of_article, ledger_part, ledger_rows_by_article, ledger_table
from tests.timeline.helpers import article, figure, tables

TEXT_COLUMNS = ("source", "title", "category", "figure", "status", "scope", "attributed_to", "sentence")


def _corpus():
    arts = [article(f"a{i}", None if i % 4 == 0 else f"2024-03-{20 + i % 5:02d}", source=f"s{i % 3}")
            for i in range(12)]
    figs = [{**figure(f"a{i}", category, value, qualifier=qualifier, status=status, figure_id=f"f{i}{category}",
                      scope="partial" if value > 40 else "total", sentence=f"Sentence {i} of {value}."),
             "start": 10 * (12 - i)}
            for i in range(12)
            for category, value, qualifier, status in (("killed", 3 + i, "exact", "current"),
                                                        ("injured", 20 + 3 * i, "at_least", "superseded"))]
    return tables(arts, figs)


@pytest.mark.parametrize("part", [lambda a: a["published"].notna(), lambda a: a["source"] == "s1",
                                  lambda a: a["article_id"].isin(["a3", "a0"]), lambda a: a["source"] == "none"])
@pytest.mark.parametrize("picks", [{}, {"categories": ("killed",)}, {"statuses": ("superseded",), "scopes": ("total",)},
                                   {"sources": ("s0", "s2")}])
def test_a_part_of_the_whole_ledger_is_the_ledger_of_the_part(part, picks):
    articles, figures = _corpus()
    kept = articles[part(articles)].reset_index(drop=True)
    expected = ledger_table(figures[figures["article_id"].isin(kept["article_id"])].reset_index(drop=True), kept,
                            **picks)
    whole = ledger_table(figures, articles)
    got = ledger_part(whole, article_ids=kept["article_id"], **picks)
    if expected.empty:  # ledger_table's empty table has column types of its own (the page makes that one)
        assert got.empty and list(got.columns) == list(expected.columns)
        return
    pd.testing.assert_frame_equal(got, expected)
    # the shown table's categories, narrowed, are those of the part made categorical (as the Figures page sends)
    shown = whole.astype({c: "category" for c in TEXT_COLUMNS})[ledger_mask(whole, article_ids=kept["article_id"],
                                                                             **picks)].reset_index(drop=True)
    shown = shown.assign(**{c: shown[c].cat.remove_unused_categories() for c in TEXT_COLUMNS})
    pd.testing.assert_frame_equal(shown, expected.astype({c: "category" for c in TEXT_COLUMNS}))


def test_no_filter_keeps_the_whole_ledger():
    articles, figures = _corpus()
    whole = ledger_table(figures, articles)
    pd.testing.assert_frame_equal(ledger_part(whole), whole)


@pytest.mark.parametrize("article_id", [f"a{i}" for i in range(12)] + ["nowhere"])
def test_an_articles_rows_of_the_whole_ledger_are_the_ledger_of_its_figures(article_id):
    # The Figures page's "All figures of this article" was ledger_table of the article's figures.
    articles, figures = _corpus()
    expected = ledger_table(figures[figures["article_id"] == article_id], articles)
    whole = ledger_table(figures, articles)
    for got in (ledger_of_article(whole, article_id),
                ledger_of_article(whole, article_id, rows=ledger_rows_by_article(whole))):
        if expected.empty:
            assert got.empty and list(got.columns) == list(expected.columns)
            continue
        pd.testing.assert_frame_equal(got, expected)
