"""A filtered corpus's summary lines taken from the whole corpus's ``SummaryBase`` by article mask are the lines
made from its own tables (``summary_before``: ``summarise`` before the base): random timelines and pairs (several
events, ties, undated and flagged points, every kind of pair) with random article masks, and the seed-like corpora
restricted to some of their articles, through ``toll_summary`` as the toll page calls it."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from analysis.ingest.corpus import load_path
from analysis.pipeline import analyse_corpus
from analysis.timeline.events import EventInputs
from analysis.timeline.summary import SummaryBase, summarise
from analysis.views.toll import _choices, category_choices, summary_base, toll_summary
from tests.timeline.summary_before import summarise as summarise_before
from tests.timeline.test_summary_paths import random_tables

ROOT = Path(__file__).resolve().parents[2]


def _kept(timeline: pd.DataFrame, pairs: pd.DataFrame, ids: np.ndarray, keep: np.ndarray):
    wanted = set(ids[keep].tolist())
    return (timeline[timeline["article_id"].isin(wanted)].reset_index(drop=True),
            pairs[pairs["article_id_a"].isin(wanted) & pairs["article_id_b"].isin(wanted)].reset_index(drop=True))


@pytest.mark.parametrize(("seed", "n", "n_groups", "undated", "n_pairs"), [
    (0, 1, 1, 0.0, 0),          # one point
    (1, 12, 0, 0.3, 5),         # no event groups at all: one line per category
    (2, 40, 1, 0.2, 30),        # one event
    (3, 200, 4, 0.25, 150),     # several events, undated lines
    (4, 500, 12, 0.1, 600),     # many events, many pairs (more than five same-day dates, three revisions)
    (5, 300, 3, 1.0, 50),       # nothing dated
    (6, 300, 6, 0.0, 0),        # nothing undated, no pairs
])
@pytest.mark.parametrize("share", [0.0, 0.1, 0.5, 0.9, 1.0])
@pytest.mark.parametrize("strings", ["object", "string"])
def test_masked_lines_are_the_lines_of_the_kept_rows(seed, n, n_groups, undated, n_pairs, share, strings):
    timeline, pairs = random_tables(seed, n=n, n_groups=n_groups, undated=undated, n_pairs=n_pairs)
    if strings == "string":
        timeline["qualifier"] = timeline["qualifier"].fillna("exact")
        timeline = timeline.astype({c: "string" for c in ("article_id", "source", "category", "qualifier", "status")})
        pairs = pairs.astype({c: "string" for c in ("kind", "category", "article_id_a", "article_id_b")})
    ids = np.array([f"a{i}" for i in range(max(1, n // 2) + 2)], dtype=object)  # two articles without figures
    articles = pd.DataFrame({"article_id": ids})
    base = SummaryBase(timeline, pairs, articles=articles)
    keep = np.random.default_rng(seed + 100).random(len(ids)) < share
    kept_timeline, kept_pairs = _kept(timeline, pairs, ids, keep)
    assert summarise(kept_timeline, kept_pairs, base=base, keep=keep) == summarise_before(kept_timeline, kept_pairs)
    again = SummaryBase(timeline, pairs, articles=articles)  # the base is reused: lines from a fresh one are the same
    assert again.figure_lines(keep) == base.figure_lines(keep)


def test_every_article_kept_gives_the_whole_corpus_lines():
    timeline, pairs = random_tables(4, n=500, n_groups=12, undated=0.1, n_pairs=600)
    articles = pd.DataFrame({"article_id": [f"a{i}" for i in range(250)]})
    base = SummaryBase(timeline, pairs, articles=articles)
    assert summarise(timeline, pairs, base=base, keep=np.ones(250, bool)) == summarise_before(timeline, pairs)


@pytest.fixture(scope="module", params=["seeds", "tests/data/corpus_rising_toll"])
def corpus(request):
    return analyse_corpus(load_path(ROOT / request.param))


@pytest.mark.parametrize("pick", ["dated", "first half", "second half", "every third", "none with figures"])
def test_restricted_corpora_give_the_old_lines(corpus, pick):
    articles = corpus.articles
    chosen = {"dated": articles[articles["published"].notna()],
              "first half": articles.iloc[: len(articles) // 2], "second half": articles.iloc[len(articles) // 2:],
              "every third": articles.iloc[::3],
              "none with figures": articles[~articles["article_id"].isin(corpus.timeline["article_id"])]}[pick]
    kept = corpus.restrict(set(chosen["article_id"]))
    base, inputs = summary_base(corpus), EventInputs(corpus.articles, corpus.entities)
    made = toll_summary(kept, inputs=inputs, base=base)
    assert made == toll_summary(kept, inputs=inputs)
    assert made[0] == summarise_before(kept.timeline, kept.contradictions, articles=kept.articles,
                                       entities=kept.entities)


@pytest.mark.parametrize(("seed", "n", "distinct"), [(1, 4, 2), (2, 5, 2), (3, 6, 6), (4, 40, 3),
                                                     (5, 300, 12), (6, 1000, 400)])
def test_undated_figures_counted_as_before(seed, n, distinct):
    from analysis.timeline.summary import undated_figures
    from tests.timeline.summary_before import undated_figures as undated_figures_before

    said = [f"{v}" for v in np.random.default_rng(seed).integers(0, distinct, n)]  # many ties in count
    assert undated_figures(said) == undated_figures_before(said)


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("share", [0.0, 0.3, 0.8, 1.0])
@pytest.mark.parametrize("strings", ["object", "str"])
def test_category_counts_by_mask_are_the_choices_of_the_kept_rows(seed, share, strings):
    # ``toll_summary`` with a base counts a filtered part's categories from it (``SummaryBase.category_counts``)
    # where it counted them in the part's timeline (``category_choices``): the same options, counts in their
    # order, default; some categories and article ids missing, categories of superseded points only
    timeline, pairs = random_tables(seed, n=300, n_groups=3, undated=0.2, n_pairs=20)
    rng = np.random.default_rng(seed + 7)
    timeline["category"] = np.where(rng.random(len(timeline)) < 0.1, "arrested", timeline["category"])
    timeline["status"] = np.where(timeline["category"] == "arrested", "superseded", timeline["status"])
    timeline["category"] = timeline["category"].where(rng.random(len(timeline)) > 0.05)
    timeline["article_id"] = timeline["article_id"].where(rng.random(len(timeline)) > 0.05)
    timeline = timeline.astype({c: strings for c in ("article_id", "category", "status")})
    ids = np.array([f"a{i}" for i in range(152)], dtype=object)
    base = SummaryBase(timeline, pairs, articles=pd.DataFrame({"article_id": ids}))
    keep = np.random.default_rng(seed + 100).random(len(ids)) < share
    made, before = _choices(base.category_counts(keep)), category_choices(_kept(timeline, pairs, ids, keep)[0])
    assert made == before and list(made[1].items()) == list(before[1].items())
    assert share == 0.0 or sum(before[1].values()) > 0


@pytest.mark.parametrize("seed", range(4))
def test_lines_made_for_earlier_masks_are_the_lines(seed):
    # one base asked for the lines of one mask after another (date ranges moving on, some events kept whole) reuses
    # lines it made (``SummaryBase._line``): each mask's lines are those of a fresh base
    timeline, pairs = random_tables(seed + 3, n=400, n_groups=8, undated=0.2, n_pairs=300)
    ids = np.array([f"a{i}" for i in range(202)], dtype=object)
    articles = pd.DataFrame({"article_id": ids})
    base = SummaryBase(timeline, pairs, articles=articles)
    rng = np.random.default_rng(seed)
    for start in [0, 1, 2, 5, 1, 0, 40, 40]:
        keep = np.arange(len(ids)) >= start
        keep[rng.integers(0, len(ids), 3)] = False
        made = base.figure_lines(keep)
        assert made == SummaryBase(timeline, pairs, articles=articles).figure_lines(keep)
        assert made == summarise_before(*_kept(timeline, pairs, ids, keep))
    assert len(base._lines) < 8 * len(made)  # lines were reused
