"""The several-events notes read once per event (``mixed_event_notes``) and the follow-up notes read for the events
with follow-up coverage only (``follow_up_notes``) are the notes the per-event loops made (``old_points``): random
articles (several events, missing dates, event dates days apart, follow-up coverage) and the seed-like corpora."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from analysis.ingest.corpus import load_path
from analysis.pipeline import analyse_corpus
from analysis.timeline.events import event_groups
from analysis.timeline.points import MAX_LISTED_DAYS, follow_up_notes, listed_days, mixed_event_notes
from tests.timeline.old_points import follow_up_notes as old_follow_up_notes
from tests.timeline.old_points import mixed_event_notes as old_listing_notes
from tests.timeline.test_period_paths import random_articles

ROOT = Path(__file__).resolve().parents[2]
DATES_NOTE = re.compile(r"^(Articles give different event dates \()(.*?)(\): .*)$")


def old_mixed_event_notes(articles, **kwargs) -> list[str]:
    """The old notes, their long lists of dates given as ``listed_days`` gives them (the one change meant)."""
    return [DATES_NOTE.sub(lambda m: m[1] + listed_days(m[2].split(", ")) + m[3], note)
            for note in old_listing_notes(articles, **kwargs)]


@pytest.mark.parametrize(("n_days", "expected"), [
    (1, "2024-03-01"),
    (3, "2024-03-01, 2024-03-02, 2024-03-03"),
    (MAX_LISTED_DAYS, ", ".join(f"2024-03-{d:02d}" for d in range(1, MAX_LISTED_DAYS + 1))),
    (MAX_LISTED_DAYS + 1, f"{MAX_LISTED_DAYS + 1} dates from 2024-03-01 to 2024-03-{MAX_LISTED_DAYS + 1:02d}"),
    (25, "25 dates from 2024-03-01 to 2024-03-25"),
])
def test_many_different_event_dates_are_given_by_number_and_span(n_days, expected):
    assert listed_days([f"2024-03-{d:02d}" for d in range(1, n_days + 1)]) == expected


def test_an_event_with_many_event_dates_gets_a_short_note():
    days = pd.date_range("2024-03-01", periods=40, freq="D")
    articles = pd.DataFrame({"article_id": [f"a{i}" for i in range(40)], "published": days[-1] + pd.Timedelta(days=1),
                             "event_date": days, "source": "x.example", "title": "t", "text": "t"})
    events = pd.DataFrame({"event_group": 0, "follow_up": False}, index=articles.index)
    notes = [n for n in mixed_event_notes(articles, events=events) if "different event dates" in n]
    assert notes and "(40 dates from 2024-03-01 to 2024-04-09)" in notes[0] and len(notes[0]) < 200


@pytest.mark.parametrize(("seed", "n", "undated", "gap_days"), [
    (0, 1, 0.0, 7),        # one article: no notes
    (1, 30, 0.2, 7),       # a few events
    (2, 300, 0.1, 7),      # many events: "N more", dates apart within events
    (3, 200, 1.0, 7),      # no publication dates, event dates only
    (4, 150, 0.3, 0),      # every day its own period
    (5, 400, 0.05, 60),    # few long events, many event dates each
])
def test_random_articles_give_the_old_notes(seed, n, undated, gap_days):
    articles, entities = random_articles(seed, n=n, undated=undated)
    articles.index = articles.index * 3 + 7  # labels that are not positions
    events = event_groups(articles, entities=entities, gap_days=gap_days)
    assert mixed_event_notes(articles, events=events) == old_mixed_event_notes(articles, events=events)
    assert mixed_event_notes(articles.drop(columns="event_date"), events=events) == \
        old_mixed_event_notes(articles.drop(columns="event_date"), events=events)
    assert follow_up_notes(articles, events=events) == old_follow_up_notes(articles, events=events)


@pytest.mark.parametrize("corpus_path", ["seeds", "tests/data/corpus_rising_toll"])
def test_corpora_give_the_old_notes(corpus_path):
    corpus = analyse_corpus(load_path(ROOT / corpus_path))
    assert mixed_event_notes(corpus.articles, entities=corpus.entities) == \
        old_mixed_event_notes(corpus.articles, entities=corpus.entities)
    assert follow_up_notes(corpus.articles, entities=corpus.entities) == \
        old_follow_up_notes(corpus.articles, entities=corpus.entities)


@pytest.mark.parametrize("n_events", [2, 5, 6, 9])
def test_many_separate_events_give_the_old_notes(n_events):
    """Events three months apart with their own tolls: five named, the rest counted ("4 more"); in every other
    event one article gives an event date three days before the others'."""
    n = 6 * n_events
    event, k = np.arange(n) % n_events, np.arange(n) // n_events
    published = pd.Timestamp("2024-01-10") + pd.to_timedelta(event * 90 + k, unit="D")
    event_date = pd.Series(pd.Timestamp("2024-01-09") + pd.to_timedelta(event * 90 - 3 * ((k == 0) & (event % 2 == 0)),
                                                                         unit="D"))
    articles = pd.DataFrame({"article_id": [f"a{i}" for i in range(n)], "published": published,
                             "event_date": event_date.where(k != 5), "killed": (event + 1) * 1000.0})
    events = event_groups(articles)
    assert events["event_group"].nunique() == n_events
    notes = mixed_event_notes(articles, events=events)
    assert notes == old_mixed_event_notes(articles, events=events)
    assert follow_up_notes(articles, events=events) == old_follow_up_notes(articles, events=events)
    assert (f"{n_events - 5} more" in notes[0]) == (n_events > 5)
    assert len(notes) == 1 + (n_events + 1) // 2


@pytest.mark.parametrize("n_events", [1, 3, 7])
def test_follow_up_coverage_gives_the_old_notes(n_events):
    """Events three months apart, each with its toll restated in later articles months after (follow-up
    coverage in every other event); one event alone says "One event"."""
    rows = []
    for event in range(n_events):
        start = pd.Timestamp("2024-01-10") + pd.Timedelta(days=400 * event)
        for k in range(6):
            rows.append((start + pd.Timedelta(days=k), start, (event + 1) * 1000.0))
        if event % 2 == 0:
            rows.extend((start + pd.Timedelta(days=150 + k), start, (event + 1) * 1000.0) for k in range(2))
    articles = pd.DataFrame(rows, columns=["published", "event_date", "killed"])
    articles.insert(0, "article_id", [f"a{i}" for i in range(len(articles))])
    events = event_groups(articles)
    assert events["event_group"].nunique() == n_events and events["follow_up"].any()
    notes = follow_up_notes(articles, events=events)
    assert notes == old_follow_up_notes(articles, events=events)
    assert len(notes) == (n_events + 1) // 2
