"""The toll page's event periods read as integer arrays (``event_periods``) are those the pandas groupby gave
(``toll_periods_before``): random timelines (several events, undated points, follow-up coverage, times of day,
microsecond and time-zone dates, a category without events) and the seed-like corpora restricted to some articles."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from analysis.ingest.corpus import load_path
from analysis.pipeline import analyse_corpus
from analysis.views.toll import event_periods
from tests.timeline.test_summary_paths import random_tables
from tests.views.toll_periods_before import event_periods_before

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(("seed", "n", "n_groups", "undated"), [
    (0, 1, 1, 0.0), (1, 12, 0, 0.3), (2, 40, 1, 0.2), (3, 200, 4, 0.25), (4, 500, 12, 0.1), (5, 300, 3, 1.0),
    (6, 300, 6, 0.0)])
@pytest.mark.parametrize("dates", ["ns", "us", "hours", "utc"])
def test_random_timelines_give_the_old_periods(seed, n, n_groups, undated, dates):
    timeline, _ = random_tables(seed, n=n, n_groups=n_groups, undated=undated, n_pairs=0)
    if dates == "us":
        timeline["published"] = timeline["published"].astype("datetime64[us]")
    elif dates == "hours":
        timeline["published"] += pd.to_timedelta(np.random.default_rng(seed).integers(0, 1440, n), unit="min")
    elif dates == "utc":
        timeline["published"] = timeline["published"].dt.tz_localize("UTC")
    for category in ("killed", "injured", "arrested", "missing"):
        assert event_periods(timeline, category=category) == event_periods_before(timeline, category=category)


@pytest.mark.parametrize("corpus_path", ["seeds", "tests/data/corpus_rising_toll"])
@pytest.mark.parametrize("step", [1, 2, 3])
def test_corpora_give_the_old_periods(corpus_path, step):
    corpus = analyse_corpus(load_path(ROOT / corpus_path))
    timeline = corpus.restrict(set(corpus.articles["article_id"].iloc[::step])).timeline
    for category in ("killed", "injured", "arrested", "hospitalized"):
        assert event_periods(timeline, category=category) == event_periods_before(timeline, category=category)
