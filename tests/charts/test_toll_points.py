"""A filtered corpus's chart points taken from the whole corpus's by article mask (``charts.toll_points``) are
the points ``chart_points`` writes for the filtered rows (the code before, kept as it is), and the chart view
made with them is the chart view made without: same points, figure JSON, trace ids, markers and grid, on small
random corpora with the compact-chart thresholds lowered so they take the path a 10,000-article one takes."""

from __future__ import annotations

import json
import pickle
from dataclasses import fields, replace

import numpy as np
import pandas as pd
import plotly.io as pio
import pytest

import charts.toll as toll
from analysis import schema
from analysis.tables import CorpusTables
from analysis.views.groups import OTHER
from analysis.views.toll_markers import MarkerColumns, _same
from charts.toll_points import kept_points, point_base, points_of
from charts.toll_views import chart_view, period_rows
from tests.charts.test_toll_chart_same import CATEGORIES, random_corpus
from tests.views.article_masks import MASKS

ARTICLE_MASKS = {
    **MASKS,
    "a date range": None,  # the articles published from the corpus's fifth day on, and the undated ones
    "no undated": lambda n: np.arange(n) % 7 != 3,
}


def _mask(name: str, articles: pd.DataFrame) -> np.ndarray:
    if ARTICLE_MASKS[name] is not None:
        return ARTICLE_MASKS[name](len(articles))
    published = articles["published"]
    return (published.isna() | (published >= published.min() + pd.Timedelta(days=4))).to_numpy()


def _corpus(articles: pd.DataFrame, timeline: pd.DataFrame) -> CorpusTables:
    empty = CorpusTables(**{field.name: schema.empty_table(field.name) for field in fields(CorpusTables)})
    return replace(empty, articles=articles, timeline=timeline)


@pytest.fixture(params=[3, 20], ids=["compact past 3 points", "compact past 20 points"])
def compact_past(request, monkeypatch):
    monkeypatch.setattr(toll, "HOVER_FULL_POINTS", request.param)
    return request.param


@pytest.mark.parametrize("seed, n", [(0, 1), (2, 40), (3, 120), (9, 300)])
@pytest.mark.parametrize("category", CATEGORIES)
@pytest.mark.parametrize("grouped", [False, True])
@pytest.mark.parametrize("mask", list(ARTICLE_MASKS))
def test_the_points_by_mask_are_the_points_written(compact_past, seed, n, category, grouped, mask):
    articles, timeline = random_corpus(seed, n)
    whole = _corpus(articles, timeline)
    base = point_base(timeline, category=category)
    if base is None:  # too few points for a compact chart: written as before
        assert int(((timeline["category"] == category) & timeline["value"].notna()).sum()) <= compact_past
        return
    base = pickle.loads(pickle.dumps(base))  # plain values: kept with a session's views
    part = whole.restrict(articles["article_id"][_mask(mask, articles)])
    sides = np.array(["left", "right", OTHER, "<b>up</b>"], dtype=object)
    groups = dict(zip(part.articles["article_id"], sides[np.arange(len(part.articles)) % 4])) if grouped else None
    periods = [0, *sorted(set(part.timeline["event_group"].dropna().astype(int).tolist()))]
    for period in periods:
        rows = period_rows(part, category, period)
        written = toll.chart_points(rows, category=category, groups=groups)
        taken = points_of(base, kept_points(base, part.articles, period), groups=groups)
        if len(written) <= compact_past:
            assert taken is None
            continue
        pd.testing.assert_frame_equal(taken[0], written)
        columns = MarkerColumns(written)  # what the markers read, taken as it would be made
        for name in ("dated", "ids", "target"):
            np.testing.assert_array_equal(getattr(taken[1], name), getattr(columns, name))
        pd.testing.assert_series_equal(taken[1].published, columns.published)
        for cell in (None, (1.0, 1.0), (2.5, 7.0)):
            np.testing.assert_array_equal(_same(taken[1].looks(cell)), _same(columns.looks(cell)))


def _json(figure) -> dict:
    """The JSON the page sends of ``figure``: a ``go.Figure``'s, or a served spec's (``charts.served``)."""
    return json.loads(pio.to_json(figure, validate=False))


@pytest.mark.parametrize("seed, n", [(3, 120), (5, 250)])
@pytest.mark.parametrize("category", CATEGORIES)
@pytest.mark.parametrize("by", ["source", "country"])
@pytest.mark.parametrize("mask", ["every other", "a date range", "no undated", "all"])
def test_the_chart_view_with_the_base_is_the_one_without(compact_past, seed, n, category, by, mask):
    articles, timeline = random_corpus(seed, n)
    articles["outlet_country"] = np.array(["FR", "US", "JP", "DE", "KE"], dtype=object)[np.arange(len(articles)) % 5]
    whole = _corpus(articles, timeline)
    base = point_base(timeline, category=category)
    part = whole.restrict(articles["article_id"][_mask(mask, articles)])
    for later in (False, True):
        rows = period_rows(part, category, 0)
        made = chart_view(part, category, 0, later, (by, ()), groups={}, rows=rows, base=base)
        old = chart_view(part, category, 0, later, (by, ()), groups={}, rows=rows)
        pd.testing.assert_frame_equal(made[0].points, old[0].points)
        assert _json(made[0].figure) == _json(old[0].figure)
        assert made[0].trace_ids == old[0].trace_ids
        pd.testing.assert_series_equal(made[0].marker_of, old[0].marker_of)
        pd.testing.assert_frame_equal(made[2], old[2])
        assert made[3] == old[3]


@pytest.mark.parametrize("seed, n", [(2, 40), (9, 300)])
@pytest.mark.parametrize("category", CATEGORIES)
@pytest.mark.parametrize("mask", list(ARTICLE_MASKS))
def test_the_points_kept_by_the_article_mask_are_those_kept_by_id(compact_past, seed, n, category, mask):
    # ``kept_points`` reads a filter's article mask through each point's article row (``PointBase.article_row``)
    # where it looked each point's article id up among the filtered articles
    articles, timeline = random_corpus(seed, n)
    base = point_base(timeline, category=category, articles=articles)
    if base is None:
        return
    kept = _mask(mask, articles)
    part = _corpus(articles, timeline).restrict(articles["article_id"][kept])
    for period in [0, *sorted(set(timeline["event_group"].dropna().astype(int).tolist()))]:
        np.testing.assert_array_equal(kept_points(base, part.articles, period, kept=kept),
                                      kept_points(base, part.articles, period))
    assert base.article_row is not None and (base.article_row >= 0).all()
