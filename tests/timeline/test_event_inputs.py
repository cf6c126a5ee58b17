"""A filtered part's events grouped with the whole corpus's ``EventInputs`` (its articles' figures and places
read from the whole's) are those grouped from the part alone: random articles narrowed by date ranges, sources
and random masks, with labels that are not positions, and the toll summary of a filtered built corpus."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis.timeline.events import EventInputs, event_groups
from tests.timeline.test_period_paths import random_articles


def _part(articles: pd.DataFrame, entities: pd.DataFrame, keep: np.ndarray, *, reindex: bool):
    part = articles[keep]
    part = part.reset_index(drop=True) if reindex else part
    return part, entities[entities["article_id"].isin(part["article_id"])].reset_index(drop=True)


def _masks(articles: pd.DataFrame, seed: int) -> dict[str, np.ndarray]:
    rng = np.random.default_rng(seed)
    published = articles["published"]
    n = len(articles)
    return {
        "all": np.ones(n, dtype=bool),
        "none": np.zeros(n, dtype=bool),
        "date range, undated kept": (published.between(pd.Timestamp("2024-02-01"), pd.Timestamp("2024-09-01"))
                                     | published.isna()).to_numpy(),
        "date range, dated only": published.between(pd.Timestamp("2024-05-01"), pd.Timestamp("2025-01-01")).to_numpy(),
        "random half": rng.random(n) < 0.5,
        "random tenth": rng.random(n) < 0.1,
    }


CASES = [(0, 1, 0.0, True), (1, 30, 0.2, True), (2, 300, 0.1, True), (3, 200, 1.0, True), (4, 150, 0.3, False)]


@pytest.mark.parametrize(("seed", "n", "undated", "with_figures"), CASES)
@pytest.mark.parametrize("reindex", [True, False], ids=["narrowed index", "labels kept"])
def test_a_part_grouped_with_the_whole_inputs_is_grouped_as_alone(seed, n, undated, with_figures, reindex):
    articles, entities = random_articles(seed, n=n, undated=undated, with_figures=with_figures)
    articles.index = articles.index * 3 + 7  # labels that are not positions
    inputs = EventInputs(articles, entities)
    for name, keep in _masks(articles, seed).items():
        part, its_entities = _part(articles, entities, keep, reindex=reindex)
        assert (inputs.readers(part) is not None) == ("article_id" in part), name
        for gap in (0, 7, 30):
            pd.testing.assert_frame_equal(event_groups(part, entities=its_entities, gap_days=gap, inputs=inputs),
                                          event_groups(part, entities=its_entities, gap_days=gap), obj=name)


@pytest.mark.parametrize("case", ["a missing id", "an id twice", "no ids"])
def test_whole_inputs_without_usable_ids_are_not_read(case):
    articles, entities = random_articles(2, n=80, undated=0.1)
    if case == "a missing id":
        articles.loc[3, "article_id"] = None
    elif case == "an id twice":
        articles.loc[5, "article_id"] = articles.loc[4, "article_id"]
    inputs = EventInputs(articles.drop(columns="article_id") if case == "no ids" else articles, entities)
    part = articles.iloc[10:60].reset_index(drop=True)
    assert inputs.readers(part) is None
    pd.testing.assert_frame_equal(event_groups(part, entities=entities, inputs=inputs),
                                  event_groups(part, entities=entities))


@pytest.mark.parametrize("case", ["another corpus's rows", "rows out of order"])
def test_rows_that_are_not_the_whole_in_order_are_not_read_from_it(case):
    articles, entities = random_articles(3, n=120, undated=0.2)
    inputs = EventInputs(articles, entities)
    if case == "another corpus's rows":
        part, entities = random_articles(4, n=50, undated=0.2)
        part["article_id"] = "other-" + part["article_id"]
    else:
        part = articles.iloc[::-1].reset_index(drop=True)
    assert inputs.readers(part) is None
    pd.testing.assert_frame_equal(event_groups(part, entities=entities, inputs=inputs),
                                  event_groups(part, entities=entities))


@pytest.mark.parametrize("keep", ["first days", "last days", "sources", "all"])
def test_the_toll_summary_of_a_filtered_corpus_is_the_same_with_the_whole_inputs(keep):
    from analysis.views.prepared import corpus_view
    from analysis.views.toll import toll_summary
    from tests.pages.many_outlets import many_outlets_corpus

    tables = many_outlets_corpus().tables
    articles = tables.articles
    published = articles["published"]
    chosen = {"first days": published <= published.min() + pd.Timedelta(days=1),
              "last days": (published >= published.min() + pd.Timedelta(days=2)) | published.isna(),
              "sources": articles["source"].isin(articles["source"].unique()[::2]),
              "all": pd.Series(True, index=articles.index)}[keep]
    part = tables.restrict(articles.loc[chosen, "article_id"])
    inputs = corpus_view(tables, "toll_event_inputs")
    assert inputs.readers(part.articles) is not None
    assert toll_summary(_NoEntities(part), inputs=inputs) == toll_summary(part)  # its entities not read


class _NoEntities:
    """A part's tables whose entities must not be read (a filter state would narrow them for nothing)."""

    def __init__(self, tables) -> None:
        self.articles, self.timeline, self.contradictions = tables.articles, tables.timeline, tables.contradictions

    @property
    def entities(self):
        raise AssertionError("the entities were read")


def test_the_whole_inputs_are_pickled_with_the_corpus_views():
    import pickle

    articles, entities = random_articles(2, n=120, undated=0.1)
    inputs = pickle.loads(pickle.dumps(EventInputs(articles, entities)))
    part = articles.iloc[20:90].reset_index(drop=True)
    its_entities = entities[entities["article_id"].isin(part["article_id"])]
    pd.testing.assert_frame_equal(event_groups(part, entities=its_entities, inputs=inputs),
                                  event_groups(part, entities=its_entities))
