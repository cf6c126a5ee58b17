"""``summary_band`` taking only the columns it reads gives the band of the code before it (``bands_before``): the
same rows, values, article ids and columns, on small random corpora (some unconfirmed figures, revisions,
undated and follow-up reports), whole and narrowed to a few of their rows (a filtered part's index)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis.timeline.bands import summary_band
from tests.charts.test_toll_chart_same import CATEGORIES, random_corpus
from tests.timeline import bands_before as before


@pytest.mark.parametrize("seed, n", [(0, 1), (2, 40), (3, 120), (5, 250)])
@pytest.mark.parametrize("category", [*CATEGORIES, "arrested"])
def test_the_band_is_the_one_before(seed, n, category):
    _, timeline = random_corpus(seed, n)
    timeline = timeline.assign(unconfirmed=np.arange(len(timeline)) % 13 == 5)
    for rows in (timeline, timeline[np.arange(len(timeline)) % 3 != 1], timeline.drop(columns="unconfirmed")):
        pd.testing.assert_frame_equal(summary_band(rows, category=category), before.summary_band(rows, category=category))
