"""The toll views' faster code gives what the code before it gave (``toll_views_rerun_before``)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis.views import toll
from analysis.views.toll import figure_word_codes, figure_words, source_day_table
from tests.views import toll_views_rerun_before as before

ROWS = {
    "exact and at least": ([60.0, 60.0, 61.0], ["exact", "at_least", "exact"], [60.0, None, 61.0], [60.0, None, 61.0],
                           [False, False, True]),
    "ranges, missing bounds": ([10.0, 10.0, 10.0], ["range", "range", "range"], [10.0, None, 10.0], [12.0, 12.0, None],
                               [False, False, False]),
    "may rise missing": ([5.0, 5.0, 5.0], ["about", "about", "exact"], [None, None, None], [None, None, None],
                         [None, True, np.nan]),
    "no value": ([np.nan, 3.0, np.nan], ["exact", "up_to", "exact"], [None, 0.0, None], [None, 3.0, None],
                 [False, False, False]),
    "one row": ([1234567.0], ["over"], [1234567.0], [None], [True]),
}


@pytest.mark.parametrize("columns", ROWS.values(), ids=ROWS.keys())
def test_figure_word_codes_read_as_figure_words(columns):
    rows = pd.DataFrame(dict(zip(["value", "qualifier", "low", "high", "may_rise"], columns)))
    codes, words = figure_word_codes(rows)
    assert [words[c] for c in codes] == figure_words(rows) == before.figure_words(rows)
    assert len(words) == len(set(zip(*(rows[c].astype(str) for c in rows))))  # each distinct figure once


def test_figure_word_codes_of_no_rows():
    codes, words = figure_word_codes(pd.DataFrame(columns=["value", "qualifier", "low", "high", "may_rise"]))
    assert (len(codes), words) == (0, [])


@pytest.mark.parametrize("seed, n", [(0, 1), (2, 40), (3, 120), (5, 250)])
@pytest.mark.parametrize("category", ["killed", "injured", "missing"])
@pytest.mark.parametrize("max_sources, max_days", [(40, 60), (2, 60), (40, 3), (0, 0)])
def test_source_day_table_is_the_one_before(seed, n, category, max_sources, max_days):
    from tests.charts.test_toll_chart_same import random_corpus

    _, timeline = random_corpus(seed, n)
    pd.testing.assert_frame_equal(
        source_day_table(timeline, category=category, max_sources=max_sources, max_days=max_days),
        before.source_day_table(timeline, category=category, max_sources=max_sources, max_days=max_days))


@pytest.mark.parametrize("seed, n", [(0, 1), (2, 40), (3, 120), (5, 250)])
@pytest.mark.parametrize("category", ["killed", "injured", "missing"])
@pytest.mark.parametrize("most_together", [5, 0])
def test_event_periods_and_opening_event_are_the_ones_before(monkeypatch, seed, n, category, most_together):
    from tests.charts.test_toll_chart_same import random_corpus

    for module in (toll, before):
        monkeypatch.setattr(module, "MAX_EVENTS_TOGETHER", most_together)
    _, timeline = random_corpus(seed, n)
    assert toll.event_periods(timeline, category=category) == before.event_periods(timeline, category=category)
    assert toll.opening_event(timeline, category=category) == before.opening_event(timeline, category=category)


@pytest.mark.parametrize("seed, n", [(0, 1), (1, 8), (2, 40), (3, 120), (5, 250)])
@pytest.mark.parametrize("category", ["killed", "injured", "missing"])
def test_source_day_grid_is_the_one_before(seed, n, category):
    from tests.charts.test_toll_chart_same import random_corpus

    _, timeline = random_corpus(seed, n)
    pd.testing.assert_frame_equal(toll.source_day_grid(timeline, category=category),
                                  before.source_day_grid(timeline, category=category))
