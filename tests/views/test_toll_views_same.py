"""The toll views' faster code gives what the code before it gave (``toll_views_rerun_before``)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis.views.toll import figure_word_codes, figure_words
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
