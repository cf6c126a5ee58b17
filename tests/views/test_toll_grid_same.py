"""The source-by-day cells joined on codes (``_joined_cells``) are those the loop over every sorted row gave
(``toll_grid_before``) and a groupby join: random cells (repeated source-days, missing keys, sources beyond ASCII,
object, "string" and "str" columns) and the source-by-day tables of the seed-like corpora."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from analysis.ingest.corpus import load_path
from analysis.pipeline import analyse_corpus
from analysis.views import toll
from tests.views.toll_grid_before import joined_cells_before

ROOT = Path(__file__).resolve().parents[2]
SOURCES = ("b.example", "a.example", "Zeit.de", "élysée.fr", "ñews.es", "A.example", "z", "_x")


@pytest.mark.parametrize(("seed", "n", "missing"), [(0, 0, 0.0), (1, 1, 0.0), (2, 30, 0.1), (3, 500, 0.0),
                                                     (4, 3000, 0.05)])
@pytest.mark.parametrize("dtype", [object, "string", "str"])
def test_random_cells_join_as_before(seed, n, missing, dtype):
    rng = np.random.default_rng(seed)
    days = np.array([f"2024-03-{d:02d}" for d in range(1, 20)] + ["undated"], dtype=object)
    cells = pd.DataFrame({
        "day": pd.Series(rng.choice(days, n)).where(rng.random(n) >= missing).astype(dtype),
        "source": pd.Series(rng.choice(np.array(SOURCES, dtype=object), n)).where(rng.random(n) >= missing).astype(dtype),
        "figure": [f"{v}" for v in rng.integers(1, 9, n)]})
    made = toll._joined_cells(cells)
    pd.testing.assert_frame_equal(made, joined_cells_before(cells))
    if n:
        expected = cells.groupby(["day", "source"], sort=True)["figure"].agg("; ".join).reset_index()[
            ["source", "day", "figure"]]
        assert made.astype(object).values.tolist() == expected.astype(object).values.tolist()


@pytest.mark.parametrize("corpus_path", ["seeds", "tests/data/corpus_rising_toll"])
def test_corpora_tables_as_before(corpus_path, monkeypatch):
    timeline = analyse_corpus(load_path(ROOT / corpus_path)).timeline
    made = {c: toll.source_day_table(timeline, category=c, max_sources=1) for c in ("killed", "injured")}
    monkeypatch.setattr(toll, "_joined_cells", joined_cells_before)
    for category, table in made.items():
        pd.testing.assert_frame_equal(table, toll.source_day_table(timeline, category=category, max_sources=1))
