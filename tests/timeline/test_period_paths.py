"""The periods read on arrays (``events._periods``) are those the per-article loop read (``old_periods``):
compared field by field and through ``event_groups`` on random articles (missing dates, figures, titles and
texts, places named or written) and on the seed-like corpora."""

from __future__ import annotations

from dataclasses import astuple, replace
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from analysis.ingest.corpus import load_path
from analysis.pipeline import analyse_corpus
from analysis.timeline import events
from analysis.timeline.events import event_groups, key_dates, linked_runs
from tests.timeline.old_periods import OldEvent, old_periods

ROOT = Path(__file__).resolve().parents[2]
PLACES = ("Lyon", "Marseille", "Oslo", "Quito")


def random_articles(seed: int, *, n: int, undated: float, with_figures: bool = True) -> tuple[pd.DataFrame, pd.DataFrame]:
    rng = np.random.default_rng(seed)
    start = pd.Timestamp("2024-01-01")
    published = pd.Series(start + pd.to_timedelta(rng.integers(0, 400, n), unit="D")).where(rng.random(n) >= undated)
    event_date = pd.Series(start + pd.to_timedelta(rng.integers(0, 400, n), unit="D")).where(rng.random(n) < 0.3)
    articles = pd.DataFrame({
        "article_id": [f"a{i}" for i in range(n)], "published": published, "event_date": event_date,
        "title": pd.Series([f"Attack in {rng.choice(PLACES)}" for _ in range(n)]).where(rng.random(n) < 0.9),
        "text": pd.Series([f"Reports from {rng.choice(PLACES)}." for _ in range(n)]).where(rng.random(n) < 0.8)})
    if with_figures:
        articles["killed"] = pd.Series(rng.choice([1.0, 3.0, 60.0, 133.0, 144.0], n)).where(rng.random(n) < 0.6)
        articles["injured"] = pd.array(rng.choice([2, 10, 50], n), dtype="Int64")
        articles.loc[rng.random(n) < 0.5, "injured"] = pd.NA
    named = rng.random(n) < 0.5
    entities = pd.DataFrame({"article_id": articles["article_id"][named].tolist(),
                             "label": rng.choice(["GPE", "LOC", "FAC", "ORG"], int(named.sum())),
                             "canonical": rng.choice(PLACES, int(named.sum()))})
    return articles, entities


def _fields(parts) -> list[tuple]:
    """Each period's fields, its figures, places and texts (read when first asked for) as lists."""
    return [astuple(replace(part, figures=list(part.figures), places=list(part.places), texts=list(part.texts)))
            for part in parts]


CASES = [(0, 1, 0.0, True), (1, 30, 0.2, True), (2, 300, 0.1, True), (3, 200, 1.0, True), (4, 150, 0.3, False)]


@pytest.mark.parametrize(("seed", "n", "undated", "with_figures"), CASES)
def test_random_articles_give_the_old_periods(seed, n, undated, with_figures, monkeypatch):
    articles, entities = random_articles(seed, n=n, undated=undated, with_figures=with_figures)
    articles.index = articles.index * 3 + 7  # labels that are not positions
    for gap in (0, 7, 30):
        periods = linked_runs(key_dates(articles), gap_days=gap)
        assert _fields(events._periods(articles, periods, entities)) == _fields(old_periods(articles, periods, entities))
    new = [event_groups(articles, entities=entities, gap_days=gap) for gap in (0, 7, 30)]
    monkeypatch.setattr(events, "_periods", old_periods)
    monkeypatch.setattr(events, "_Event", OldEvent)
    for gap, made in zip((0, 7, 30), new):
        pd.testing.assert_frame_equal(made, event_groups(articles, entities=entities, gap_days=gap))


@pytest.fixture(scope="module", params=["seeds", "tests/data/corpus_rising_toll"])
def corpus(request):
    return analyse_corpus(load_path(ROOT / request.param))


def test_corpora_give_the_old_periods(corpus, monkeypatch):
    periods = linked_runs(key_dates(corpus.articles), gap_days=7)
    assert _fields(events._periods(corpus.articles, periods, corpus.entities)) == \
        _fields(old_periods(corpus.articles, periods, corpus.entities))
    new = event_groups(corpus.articles, entities=corpus.entities)
    monkeypatch.setattr(events, "_periods", old_periods)
    monkeypatch.setattr(events, "_Event", OldEvent)
    pd.testing.assert_frame_equal(new, event_groups(corpus.articles, entities=corpus.entities))


@pytest.mark.parametrize("missing_id", [False, True])
def test_places_of_unknown_or_missing_articles_give_the_old_periods(missing_id, monkeypatch):
    """Entities of articles not in the table, and (read the way a dict of ids reads them) a missing id."""
    articles, entities = random_articles(7, n=120, undated=0.1)
    extra = pd.DataFrame({"article_id": ["zz", None if missing_id else "zz", "a3"], "label": ["GPE", "LOC", "GPE"],
                          "canonical": ["Oslo", "Quito", "Lyon"]})
    entities = pd.concat([entities, extra], ignore_index=True)
    if missing_id:
        articles.loc[5, "article_id"] = None
    periods = linked_runs(key_dates(articles), gap_days=7)
    assert _fields(events._periods(articles, periods, entities)) == _fields(old_periods(articles, periods, entities))
    new = event_groups(articles, entities=entities)
    monkeypatch.setattr(events, "_periods", old_periods)
    monkeypatch.setattr(events, "_Event", OldEvent)
    pd.testing.assert_frame_equal(new, event_groups(articles, entities=entities))
