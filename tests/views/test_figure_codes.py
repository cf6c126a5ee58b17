"""The Figures page's count and pickers' values from codes of the whole corpus are those of the restricted tables,
for masks keeping all, none or some articles, and with a value missing (then None: the page merges as before)."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from analysis.views.figure_codes import choices_of, figure_codes, kept_figures
from tests.pages.many_outlets import many_outlets_corpus

MASKS = {
    "all": lambda n: np.ones(n, dtype=bool),
    "none": lambda n: np.zeros(n, dtype=bool),
    "every other": lambda n: np.arange(n) % 2 == 0,
    "the last few": lambda n: np.arange(n) >= n - 3,
    "one": lambda n: np.arange(n) == 5,
}


@pytest.mark.parametrize("mask", MASKS)
def test_count_and_choices_are_the_restricted_tables(mask):
    whole = many_outlets_corpus().tables
    keep = MASKS[mask](len(whole.articles))
    part = whole.restrict(whole.articles.loc[keep, "article_id"].tolist())
    codes = figure_codes(whole)
    rows = kept_figures(codes, keep)
    assert rows.sum() == len(part.figures)
    merged = part.figures.merge(part.articles[["article_id", "source"]], on="article_id", how="left")
    assert choices_of(codes, rows) == {column: sorted(values.unique()) for column, values in
                                       merged[["category", "status", "scope", "source"]].items()}


def test_a_missing_value_gives_none():
    whole = many_outlets_corpus().tables
    figures = whole.figures.assign(scope=whole.figures["scope"].where(whole.figures.index != 0))
    codes = figure_codes(dataclasses.replace(whole, figures=figures))
    assert choices_of(codes, kept_figures(codes, np.ones(len(whole.articles), dtype=bool))) is None
