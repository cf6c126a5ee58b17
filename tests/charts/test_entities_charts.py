"""Entities figures: bars per type in ranking order, share and co-occurrence heatmaps, escaped names."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from charts.entities import cooccurrence_figure, cooccurrence_matrix, source_share_figure, top_entities_figure
from tests.charts.figure_text import ESCAPED, HOSTILE, assert_escaped


def top(*rows: tuple[str, str, int]) -> pd.DataFrame:
    """``top_entities`` rows from (canonical, label, mentions); articles and sources made up."""
    return pd.DataFrame([{"canonical": name, "label": label, "mentions": n, "articles": max(1, n // 2),
                          "sources": 1} for name, label, n in rows])


def shares(*rows: tuple[str, str, int, int]) -> pd.DataFrame:
    """``source_shares`` rows from (source, canonical, n_mentions, source_mentions)."""
    frame = pd.DataFrame(rows, columns=["source", "canonical", "n_mentions", "source_mentions"])
    return frame.assign(share=frame["n_mentions"] / frame["source_mentions"])


def pairs(*rows: tuple[str, str, int]) -> pd.DataFrame:
    """``cooccurrence`` rows from (entity_a, entity_b, n_sentences)."""
    return pd.DataFrame([{"entity_a": a, "entity_b": b, "n_sentences": n, "n_articles": 1} for a, b, n in rows])


@pytest.mark.parametrize("rows, traces", [
    ([("Moscow", "GPE", 5)], {"GPE": ["Moscow"]}),
    ([("Moscow", "GPE", 5), ("Interpol", "ORG", 4), ("Kyiv", "GPE", 2)],
     {"GPE": ["Moscow", "Kyiv"], "ORG": ["Interpol"]}),
    ([(HOSTILE, "ORG", 9), ("Kyiv", "GPE", 2)], {"ORG": [ESCAPED], "GPE": ["Kyiv"]}),
])
def test_top_entities_one_trace_per_type(rows, traces):
    figure = top_entities_figure(top(*rows))
    assert {trace.name: list(trace.y) for trace in figure.data} == traces
    assert all(trace.orientation == "h" for trace in figure.data)


def test_top_entities_keep_the_ranking_from_the_top_down():
    figure = top_entities_figure(top(("Moscow", "GPE", 5), ("Interpol", "ORG", 4), ("Kyiv", "GPE", 2)))
    # plotly draws the first category at the bottom: the ranking is the reversed category array
    assert list(reversed(figure.layout.yaxis.categoryarray)) == ["Moscow", "Interpol", "Kyiv"]
    assert (figure.layout.xaxis.title.text, figure.layout.yaxis.title.text) == ("mentions", "")
    assert figure.layout.legend.title.text == "type"
    assert figure.layout.height == 120 + 24 * 3


def test_top_entities_bars_show_mentions_and_hover_articles_and_sources():
    bar = top_entities_figure(top(("Moscow", "GPE", 6))).data[0]
    assert list(bar.x) == [6] and list(bar.text) == [6]
    assert bar.customdata.tolist() == [[3, 1]]
    assert "%{customdata[0]} articles, %{customdata[1]} sources" in bar.hovertemplate


@pytest.mark.parametrize("name, label", [(HOSTILE, "ORG"), ("Kyiv", HOSTILE)])
def test_top_entities_escape_names_and_types(name, label):
    assert_escaped(top_entities_figure(top((name, label, 3))))


def test_share_heatmap_rows_follow_the_names_and_columns_the_sources():
    figure = source_share_figure(shares(("B", "Kyiv", 3, 4), ("B", "Moscow", 1, 4), ("A", "Kyiv", 0, 2),
                                        ("A", "Moscow", 2, 2)), names=["Moscow", "Kyiv"])
    heat = figure.data[0]
    assert (list(heat.x), list(heat.y)) == (["A", "B"], ["Moscow", "Kyiv"])
    assert heat.z.tolist() == [[1.0, 0.25], [0.0, 0.75]]
    assert [[cell[0] for cell in row] for row in heat.customdata.tolist()] == [[2, 1], [0, 3]]
    assert figure.layout.coloraxis.colorbar.tickformat == ".0%"
    assert figure.layout.height == 140 + 24 * 2


@pytest.mark.parametrize("source, name", [(HOSTILE, "Kyiv"), ("A", HOSTILE)])
def test_share_heatmap_escapes_sources_and_names(source, name):
    assert_escaped(source_share_figure(shares((source, name, 1, 1)), names=[name]))


@pytest.mark.parametrize("rows, names, order, expected", [
    # one pair: symmetric, zero diagonal
    ([("A", "B", 2)], ["A", "B"], ["A", "B"], [[0, 2], [2, 0]]),
    # the order of names, not of the pairs; names in no pair left out
    ([("A", "B", 2), ("A", "C", 1)], ["C", "B", "A", "D"], ["C", "B", "A"], [[0, 0, 1], [0, 0, 2], [1, 2, 0]]),
    # two names never named together: zero
    ([("A", "B", 1), ("B", "C", 4)], ["A", "B", "C"], ["A", "B", "C"], [[0, 1, 0], [1, 0, 4], [0, 4, 0]]),
])
def test_cooccurrence_matrix(rows, names, order, expected):
    matrix = cooccurrence_matrix(pairs(*rows), names=names)
    assert list(matrix.index) == list(matrix.columns) == order
    assert matrix.to_numpy().tolist() == expected


def test_cooccurrence_figure():
    figure = cooccurrence_figure(pairs(("A", HOSTILE, 3)), names=[HOSTILE, "A", "Z"])
    heat = figure.data[0]
    assert list(heat.x) == list(heat.y) == [ESCAPED, "A"]
    assert heat.z.tolist() == [[0, 3], [3, 0]]
    assert figure.layout.height == 160 + 24 * 2
    assert_escaped(figure)


def test_figures_leave_their_input_alone():
    table = top(("Moscow", "GPE", 5))
    before = table.copy()
    top_entities_figure(table)
    pd.testing.assert_frame_equal(table, before)


def test_share_heatmap_columns_in_group_order_with_their_outlets_on_hover():
    rows = shares(("Russia", "Kyiv", 3, 4), ("other", "Kyiv", 1, 4), ("India", "Kyiv", 2, 2))
    figure = source_share_figure(rows, names=["Kyiv"], columns=["Russia", "India", "other"],
                                 members={"Russia": "tass.ru, rt.com", "other": HOSTILE})
    heat = figure.data[0]
    assert list(heat.x) == ["Russia", "India", "other"]
    assert heat.customdata.tolist() == [[[3, "tass.ru, rt.com"], [2, ""], [1, ESCAPED]]]
    assert "%{customdata[1]}" in heat.hovertemplate
    assert_escaped(figure)


def test_top_entities_legend_above_the_plot():
    legend = top_entities_figure(top(("Moscow", "GPE", 5), ("Interpol", "ORG", 4))).layout.legend
    assert (legend.orientation, legend.yanchor, legend.y) == ("h", "bottom", 1.02)


def test_share_heatmap_draws_a_thin_column_grey_off_the_colour_scale():
    # one outlet country with a single short article: its 50% would set the scale the wide columns are read on
    rows = shares(("Wide", "Kyiv", 300, 2000), ("Wide", "Moscow", 200, 2000), ("Narrow", "Kyiv", 6, 12),
                  ("Narrow", "Moscow", 1, 12))
    figure = source_share_figure(rows, names=["Kyiv", "Moscow"], columns=["Wide", "Narrow"])
    heat, grey = figure.data
    assert np.isnan(np.asarray(heat.z, dtype=float)[:, 1]).all()
    assert np.asarray(grey.z, dtype=float)[:, 1].tolist() == pytest.approx([0.5, 1 / 12])
    assert (figure.layout.coloraxis.cmin, figure.layout.coloraxis.cmax) == (0.1, 0.15)
    assert grey.coloraxis is None and not grey.showscale and "too few mentions" in grey.hovertemplate
    assert [[cell[0] for cell in row] for row in grey.customdata.tolist()] == [[300, 6], [200, 1]]


def test_share_heatmap_scale_under_ten_percent_keeps_a_decimal():
    # thousands of names per column: every share is a few percent, and whole percents would repeat on the bar
    rows = shares(("A", "Kyiv", 30, 2000), ("A", "Moscow", 20, 2000), ("B", "Kyiv", 9, 900), ("B", "Moscow", 40, 900))
    assert source_share_figure(rows, names=["Kyiv", "Moscow"]).layout.coloraxis.colorbar.tickformat == ".1%"
