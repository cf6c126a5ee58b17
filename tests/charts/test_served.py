"""A served figure sends the very JSON its plain figure sends, and makes it once."""

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio
import plotly.tools
import pytest

from charts.served import ServedFigure, served
from charts.tone import disagreement_figure, source_spread_figure, tone_over_time_figure
from tests.charts.figure_text import HOSTILE


def spec(figure) -> str:
    """What ``st.plotly_chart`` sends for ``figure``."""
    return pio.to_json(plotly.tools.return_figure_from_figure_or_data(figure, True), validate=False)


def scored(n: int) -> pd.DataFrame:
    rng = np.random.default_rng(3)
    return pd.DataFrame({"article_id": [f"a{i % 7}" for i in range(n)], "idx": range(n),
                         "source": [HOSTILE if i % 3 == 0 else f"S{i % 5}" for i in range(n)],
                         "text": [f"Sentence {i} said <b>so</b>." for i in range(n)],
                         "polarity": rng.uniform(-1, 1, n), "vader_compound": rng.uniform(-1, 1, n)})


def _spread():
    return source_spread_figure(scored(300), metric="polarity", label="TextBlob")


def _agreement():
    from analysis.tone.sentiment import disagreement

    return disagreement_figure(disagreement(scored(300)))


def _over_time():
    rows = pd.DataFrame({"article_id": ["a", "b", "c"], "source": ["S", HOSTILE, "S"], "title": ["T", "U", HOSTILE],
                         "published": pd.to_datetime(["2024-03-22 10:00", "2024-03-23 00:00", "2024-03-25 08:30"]),
                         "polarity": [0.1, -0.2, 0.3], "n_sentences": [4, 1, 9], "thin": [False, True, False]})
    return tone_over_time_figure(rows, metric="polarity", label="TextBlob")


def _plain():
    figure = go.Figure(go.Scatter(x=[1, 2, np.nan], y=[3, 4, 5], text=np.array(["a", "<b>", "c"], dtype=object)))
    return figure.update_layout(title_text="t")


@pytest.mark.parametrize("make", [_spread, _agreement, _over_time, _plain])
def test_served_figure_sends_the_same_json(make):
    expected = spec(make())
    figure = served(make())
    assert isinstance(figure, ServedFigure)
    assert spec(figure) == expected
    assert spec(figure) == expected  # and again, from the dict made the first time


def test_the_dict_is_made_once():
    figure = served(_plain())
    assert figure.to_dict() is figure.to_dict()
