"""The Corpus page's chart of articles per period: one bar per period, hover in words, undated said."""

import json

import pandas as pd
import plotly.io as pio
import pytest

from analysis.views.dates import publication_counts
from charts.corpus import dates_figure


@pytest.mark.parametrize("dates, hover, title", [
    (["2024-03-01", "2024-03-03", None], ["2024-03-01: 1 article", "2024-03-02: 0 articles", "2024-03-03: 1 article"],
     "Articles per day of publication (1 undated, not shown)"),
    (["2024-01-01", "2024-09-03"], ["week of 2024-01-01: 1 article"], "Articles per week of publication"),
    (["2015-02-10", "2024-12-03"], ["February 2015: 1 article"], "Articles per month of publication"),
])
def test_dates_figure(dates, hover, title):
    frame = pd.DataFrame({"published": pd.to_datetime(pd.Series(dates, dtype=object))})
    spec = json.loads(pio.to_json(dates_figure(*publication_counts(frame)).to_dict()))
    (bars,) = spec["data"]
    assert bars["type"] == "bar" and bars["hovertext"][:len(hover)] == hover
    assert spec["layout"]["title"]["text"] == title
    assert sum(bars["y"]) == len(dates) - sum(d is None for d in dates)
