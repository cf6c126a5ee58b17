"""A filtered part's pairs of a category taken from the whole corpus's contradictions by article mask
(``kept_category_pairs``) are those of its narrowed table (``toll_pairs_before``): same rows, values, dtypes and
index, on the seeds and the rising-toll corpus, under every article mask and category, and with the ids shuffled
(pairs whose two articles are kept or not apart)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from analysis.ingest.corpus import load_path
from analysis.pipeline import analyse_corpus
from analysis.tables import article_rows
from analysis.views.toll import category_pairs, kept_category_pairs
from tests.views.article_masks import MASKS
from tests.views.toll_pairs_before import category_pairs_before

ROOT = Path(__file__).resolve().parents[2]


@cache
def tables_of(path: str):
    return analyse_corpus(load_path(ROOT / path))


def masks(n: int) -> dict:
    rng = np.random.default_rng(n)
    return {**{name: make(n) for name, make in MASKS.items()}, "random": rng.random(n) < 0.6}


@pytest.mark.parametrize("path", ["seeds", "tests/data/corpus_rising_toll"])
def test_pairs_by_mask_are_the_narrowed_tables(path):
    whole = tables_of(path)
    assert not whole.contradictions.empty
    positions = article_rows(whole, "contradictions")
    categories = [*whole.contradictions["category"].dropna().unique().tolist(), "no such category"]
    for name, keep in masks(len(whole.articles)).items():
        part = whole.restrict(set(whole.articles["article_id"][keep]))
        for c in categories:
            made, before = kept_category_pairs(whole.contradictions, positions, keep, c), category_pairs_before(part, c)
            pd.testing.assert_frame_equal(made, before, check_index_type=True)
            assert type(made.index) is type(before.index), (name, c)
    for c in categories:  # the whole corpus: as before
        pd.testing.assert_frame_equal(category_pairs(whole.contradictions, c), category_pairs_before(whole, c))
