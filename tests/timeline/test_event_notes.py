"""The several-events notes on arrays (``event_notes``) are ``mixed_event_notes``'s: random articles (several
events, missing dates, event dates days apart and at any time of day, follow-up coverage, labels that are not
positions), without event dates, one event with many dates, and the seed-like corpora restricted to some articles."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from analysis.ingest.corpus import load_path
from analysis.pipeline import analyse_corpus
from analysis.timeline.event_notes import event_notes
from analysis.timeline.events import event_groups
from analysis.timeline.points import mixed_event_notes
from tests.timeline.test_period_paths import random_articles

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(("seed", "n", "undated", "gap_days"), [
    (0, 1, 0.0, 7),        # one article: no notes
    (1, 30, 0.2, 7),       # a few events
    (2, 300, 0.1, 7),      # many events: "N more", dates apart within events
    (3, 200, 1.0, 7),      # no publication dates, event dates only
    (4, 150, 0.3, 0),      # every day its own period
    (5, 400, 0.05, 60),    # few long events, many event dates each
])
@pytest.mark.parametrize("hours", [False, True])
def test_random_articles_give_the_notes_of_mixed_event_notes(seed, n, undated, gap_days, hours):
    articles, entities = random_articles(seed, n=n, undated=undated)
    if hours:  # times of day: a span of 1 day 23 hours is one whole day, as Timedelta.days reads it
        rng = np.random.default_rng(seed)
        for column in ("published", "event_date"):
            articles[column] = articles[column] + pd.to_timedelta(rng.integers(0, 24 * 60, n), unit="min")
    articles.index = articles.index * 3 + 7  # labels that are not positions
    events = event_groups(articles, entities=entities, gap_days=gap_days)
    assert event_notes(articles, events) == mixed_event_notes(articles, events=events)
    without = articles.drop(columns="event_date")
    assert event_notes(without, events) == mixed_event_notes(without, events=events)


def test_one_event_with_many_event_dates():
    days = pd.date_range("2024-03-01", periods=40, freq="D")
    articles = pd.DataFrame({"article_id": [f"a{i}" for i in range(40)], "published": days[-1] + pd.Timedelta(days=1),
                             "event_date": days, "source": "x.example", "title": "t", "text": "t"})
    events = pd.DataFrame({"event_group": pd.array([1] * 40, dtype="Int64"), "follow_up": False}, index=articles.index)
    notes = event_notes(articles, events)
    assert notes == mixed_event_notes(articles, events=events) and "40 dates from 2024-03-01" in notes[0]


@pytest.mark.parametrize("corpus_path", ["seeds", "tests/data/corpus_rising_toll"])
@pytest.mark.parametrize("step", [1, 2, 3])
def test_corpora_give_the_notes_of_mixed_event_notes(corpus_path, step):
    corpus = analyse_corpus(load_path(ROOT / corpus_path))
    kept = corpus.restrict(set(corpus.articles["article_id"].iloc[::step]))
    events = event_groups(kept.articles, entities=kept.entities)
    assert event_notes(kept.articles, events) == mixed_event_notes(kept.articles, events=events)
