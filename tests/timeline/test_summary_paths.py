"""The summary lines made on arrays (``summarise``) are the lines the row-dict path made (``old_summary``):
random timelines with ties, missing values, several events, follow-up and unconfirmed points, undated
points and every kind of pair, and the seed-like corpora end to end."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from analysis.ingest.corpus import load_path
from analysis.pipeline import analyse_corpus
from analysis.timeline.summary import summarise
from tests.timeline.old_summary import summarise as old_summarise

ROOT = Path(__file__).resolve().parents[2]
KINDS = ("contradiction", "same_day_disagreement", "revision")
QUALIFIERS = ("exact", "at_least", "over", "about", "up_to", "range", None)


def random_tables(seed: int, *, n: int, n_groups: int, undated: float, n_pairs: int,
                  categories: tuple[str, ...] = ("killed", "injured", "arrested")) -> tuple[pd.DataFrame, pd.DataFrame]:
    """A timeline of ``n`` points over ``n / 2`` articles and ``n_pairs`` pairs between them: few distinct
    values and days, so ties on value and day are common."""
    rng = np.random.default_rng(seed)
    n_articles = max(1, n // 2)
    article = rng.integers(0, n_articles, n)
    group_of = rng.integers(1, n_groups + 1, n_articles).astype(float) if n_groups else np.full(n_articles, np.nan)
    days = pd.Timestamp("2024-03-01") + pd.to_timedelta(rng.integers(0, 40, n_articles), unit="D")
    published = pd.Series(days[article]).where(rng.random(n) >= undated)
    value = rng.choice([1, 2, 3, 10, 60, 133, 143, np.nan], n)
    low = np.where(rng.random(n) < 0.3, np.nan, value - 1)
    timeline = pd.DataFrame({
        "article_id": [f"a{i}" for i in article], "source": [f"s{i % 7}" for i in article], "published": published,
        "event_group": pd.array(np.where(rng.random(n) < 0.1, np.nan, group_of[article]), dtype="Float64").astype("Int64"),
        "category": rng.choice(list(categories), n), "value": value, "low": low, "high": value + 1,
        "qualifier": pd.Series(rng.choice(np.array(QUALIFIERS, dtype=object), n), dtype=object),
        "status": rng.choice(["current", "current", "current", "superseded"], n),
        "follow_up": rng.random(n) < 0.15, "unconfirmed": rng.random(n) < 0.05})
    a, b = rng.integers(0, n_articles, (2, n_pairs))
    pairs = pd.DataFrame({
        "category": rng.choice(list(categories), n_pairs), "kind": rng.choice(KINDS, n_pairs),
        "article_id_a": [f"a{i}" for i in a], "article_id_b": [f"a{i}" for i in b],
        "source_a": [f"s{i % 7}" for i in a], "source_b": [f"s{i % 7}" for i in b],
        "published_b": pd.Series(days[b]).where(rng.random(n_pairs) >= undated),
        "value_a": rng.choice([60.0, 143.0, 1.5], n_pairs), "value_b": rng.choice([133.0, 2.0], n_pairs)})
    return timeline, pairs


@pytest.mark.parametrize(("seed", "n", "n_groups", "undated", "n_pairs"), [
    (0, 1, 1, 0.0, 0),          # one point
    (1, 12, 0, 0.3, 5),         # no event groups at all: one line per category
    (2, 40, 1, 0.2, 30),        # one event
    (3, 200, 4, 0.25, 150),     # several events, undated lines
    (4, 500, 12, 0.1, 600),     # many events, many pairs (more than five same-day dates, three revisions)
    (5, 300, 3, 1.0, 50),       # nothing dated
    (6, 300, 6, 0.0, 0),        # nothing undated, no pairs
])
def test_random_timelines_give_the_old_lines(seed, n, n_groups, undated, n_pairs):
    timeline, pairs = random_tables(seed, n=n, n_groups=n_groups, undated=undated, n_pairs=n_pairs)
    assert summarise(timeline, pairs) == old_summarise(timeline, pairs)


def test_string_columns_and_no_current_points_give_the_old_lines():
    timeline, pairs = random_tables(7, n=150, n_groups=3, undated=0.2, n_pairs=80)
    timeline["qualifier"] = timeline["qualifier"].fillna("exact")  # a string column's NA is no qualifier either path reads
    typed = timeline.astype({c: "string" for c in ("article_id", "source", "category", "qualifier", "status")})
    assert summarise(typed, pairs.astype({"kind": "string"})) == old_summarise(timeline, pairs)
    superseded = timeline.assign(status="superseded")
    assert summarise(superseded, pairs) == old_summarise(superseded, pairs)


@pytest.fixture(scope="module", params=["seeds", "tests/data/corpus_rising_toll"])
def corpus(request):
    return analyse_corpus(load_path(ROOT / request.param))


def test_corpora_give_the_old_lines(corpus):
    for articles in (corpus.articles, corpus.articles[corpus.articles["published"].notna()]):
        kept = corpus.restrict(set(articles["article_id"]))
        new = summarise(kept.timeline, kept.contradictions, articles=kept.articles, entities=kept.entities)
        assert new == old_summarise(kept.timeline, kept.contradictions, articles=kept.articles,
                                    entities=kept.entities)
        assert any(line.startswith("Deaths") for line in new)
