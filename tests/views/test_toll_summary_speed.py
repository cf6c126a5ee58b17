"""The toll page's category choices counted on codes (``category_choices``) are those the pandas groupby gave
(``toll_summary_before``): random timelines (missing categories and ids, categories with only superseded points,
Arrow and object strings) and the seed-like corpora, counts compared in their order too."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from analysis.ingest.corpus import load_path
from analysis.pipeline import analyse_corpus
from analysis.views.toll import category_choices
from tests.views.toll_summary_before import category_choices_before

ROOT = Path(__file__).resolve().parents[2]
CATEGORIES = ("killed", "injured", "arrested", "missing", "evacuated", "hospitalized")


def random_timeline(seed: int, *, n: int, missing: float, strings: str) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    frame = pd.DataFrame({
        "article_id": pd.Series([f"a{i}" for i in rng.integers(0, max(1, n // 3), n)]).where(rng.random(n) >= missing),
        "category": pd.Series(rng.choice(CATEGORIES[:2 + seed % 5], n)).where(rng.random(n) >= missing),
        "status": rng.choice(["current", "current", "superseded"], n)})
    return frame.astype({c: strings for c in frame.columns})


def _same(made, before) -> None:
    assert made == before
    assert list(made[1].items()) == list(before[1].items())


@pytest.mark.parametrize(("seed", "n", "missing"), [(0, 0, 0.0), (1, 1, 0.0), (2, 30, 0.1), (3, 500, 0.0),
                                                     (4, 2000, 0.2), (5, 40, 1.0)])
@pytest.mark.parametrize("strings", ["object", "str"])
def test_random_timelines_give_the_old_choices(seed, n, missing, strings):
    timeline = random_timeline(seed, n=n, missing=missing, strings=strings)
    _same(category_choices(timeline), category_choices_before(timeline))


def test_only_superseded_or_missing_ids_count_zero():
    timeline = pd.DataFrame({"article_id": ["a1", None, "a2", "a3"], "category": ["killed", "arrested", "injured", None],
                             "status": ["superseded", "current", "current", "current"]})
    _same(category_choices(timeline), category_choices_before(timeline))


@pytest.mark.parametrize("corpus_path", ["seeds", "tests/data/corpus_rising_toll"])
def test_corpora_give_the_old_choices(corpus_path):
    timeline = analyse_corpus(load_path(ROOT / corpus_path)).timeline
    _same(category_choices(timeline), category_choices_before(timeline))
