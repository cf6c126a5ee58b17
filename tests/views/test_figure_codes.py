"""The Figures page's count and pickers' values from codes of the whole corpus are those of the restricted tables,
for masks keeping all, none or some articles, and with a value missing (then None: the page merges as before); the
ledger's rows kept by article positions, its categories left unused dropped and its labels looked up are those the
page made before (``kept_rows``, ``remove_unused_categories``, a dict)."""

from __future__ import annotations

import dataclasses

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest

from analysis.views.figure_codes import (KeptLabels, choices_of, figure_codes, kept_figures, ledger_articles,
                                         without_unused_categories)
from analysis.views.mentions import kept
from analysis.views.prepared import kept_rows
from tests.pages.many_outlets import many_outlets_corpus
from tests.views.article_masks import MASKS

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


# (categories, codes of the rows kept): unused categories at the start, middle and end, missing values, none kept
UNUSED = [
    (["a", "b", "c", "d"], [1, 3, 1]),
    (["a", "b", "c", "d"], [0, 1, 2, 3]),
    (["a", "b", "c", "d"], [-1, 2, -1]),
    (["a", "b", "c", "d"], [-1, -1]),
    (["a", "b", "c", "d"], []),
    ([f"w{i:03d}" for i in range(300)], [299, 0, 150, 150, 7]),  # int16 codes, fewer categories after
    (["Éire", "Zagreb", "abc"], [2, 0]),
]


@pytest.mark.parametrize("categories, codes", UNUSED)
@pytest.mark.parametrize("ordered", [False, True])
def test_without_unused_categories_is_pandas_remove_unused_categories(categories, codes, ordered):
    values = pd.Categorical.from_codes(codes, dtype=pd.CategoricalDtype(pd.Index(categories, dtype="str"),
                                                                       ordered=ordered))
    frame = pd.DataFrame({"text": values, "other": pd.Categorical(["x"] * len(codes)), "n": range(len(codes))},
                         index=pd.RangeIndex(len(codes)) + 5)
    expected = frame.assign(text=frame["text"].cat.remove_unused_categories(),
                            other=frame["other"].cat.remove_unused_categories())
    found = without_unused_categories(frame, ["text", "other"])
    pd.testing.assert_frame_equal(found, expected, check_exact=True)
    assert found["text"].array.codes.dtype == expected["text"].array.codes.dtype
    assert pa.Table.from_pandas(found).equals(pa.Table.from_pandas(expected), check_metadata=True)


@pytest.mark.parametrize("keep", [[True, False, True, True], [False] * 4, [True] * 4, [False, False, False, True]])
def test_kept_labels_is_the_dict_of_the_kept_rows(keep):
    ids = np.array(["f1", "f2", "f3", "f4"], dtype=object)
    labels = np.array(["killed: 3 — A", "injured: 2 — A", "killed: 3 — A (2)", "shot: 1 — B"], dtype=object)
    keep = np.array(keep)
    expected = dict(zip(ids[keep].tolist(), labels[keep].tolist()))
    found = KeptLabels(ids, labels, {fid: at for at, fid in enumerate(ids.tolist())}, keep)
    assert dict(found) == expected and list(found) == list(expected) and len(found) == len(expected)
    for fid in ["f1", "f2", "f3", "f4", "f9", None]:
        assert (fid in found) == (fid in expected) and found.get(fid) == expected.get(fid)


@pytest.mark.parametrize("wanted", [[], ["a1"], ["a0", "a2"], ["a0", "a1", "a2", "zz"]])
def test_ledger_rows_kept_by_article_positions_are_kept_rows(wanted):
    articles = pd.DataFrame({"article_id": pd.array(["a0", "a1", "a2"], dtype="str")})
    ledger = pd.DataFrame({"article_id": pd.array(["a2", "a0", "a0", "a1", "zz", "a2"], dtype="str")})
    chosen = articles[articles["article_id"].isin(wanted)]
    positions = ledger_articles(ledger, articles)
    np.testing.assert_array_equal(kept(positions, kept_rows(articles, chosen)), kept_rows(ledger, chosen))
