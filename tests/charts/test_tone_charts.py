"""Tone figures: sentences by source, articles over time, along an article, around entities, the two
scorers against each other; every piece of article text escaped."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import pytest

from analysis.views.groups import OTHER
from charts.groups import OTHER_COLOUR

from analysis.tone.sentiment import disagreement
from charts.tone import (
    MAX_DOTS,
    along_article_figure,
    disagreement_figure,
    entity_tone_figure,
    sentence_hover,
    source_spread_figure,
    tone_over_time_figure,
)
from tests.charts.figure_text import ESCAPED, HOSTILE, assert_escaped


def sentences(*rows: tuple[str, str, int, float, float]) -> pd.DataFrame:
    """Scored sentences from (source, article_id, idx, polarity, vader_compound)."""
    frame = pd.DataFrame(rows, columns=["source", "article_id", "idx", "polarity", "vader_compound"])
    return frame.assign(text=[f"Sentence {i} of {a}." for a, i in zip(frame["article_id"], frame["idx"])],
                        section="", subjectivity=0.5, title="A title")


def articles(*rows: tuple[str, str, str, int, bool]) -> pd.DataFrame:
    """``article_tone`` rows with source, title and published, from (article_id, source, title, n, thin)."""
    frame = pd.DataFrame(rows, columns=["article_id", "source", "title", "n_sentences", "thin"])
    return frame.assign(published=pd.date_range("2024-03-22", periods=len(frame)), polarity=0.1)


def around(*rows: tuple[str, str, float, int]) -> pd.DataFrame:
    """``entity_tone`` rows from (source, canonical, polarity, n_sentences)."""
    frame = pd.DataFrame(rows, columns=["source", "canonical", "polarity", "n_sentences"])
    return frame.assign(n_mentions=frame["n_sentences"], thin=frame["n_sentences"] < 3)


@pytest.mark.parametrize("source, idx, text, expected", [
    ("Wire", 3, "Short.", "Wire · sentence 3<br>Short."),
    ("Wire", 0, "x" * 110, "Wire · sentence 0<br>" + "x" * 110),
    ("Wire", 0, "x" * 111, "Wire · sentence 0<br>" + "x" * 110 + "…"),
    (HOSTILE, 1, "Said <b>loudly</b> & more", f"{ESCAPED} · sentence 1<br>Said &lt;b&gt;loudly&lt;/b&gt; &amp; more"),
])
def test_sentence_hover(source, idx, text, expected):
    frame = pd.DataFrame({"source": [source], "idx": [idx], "text": [text]})
    assert sentence_hover(frame).tolist() == [expected]


SPREAD = sentences(("Zeta", "z1", 0, 0.1, 0.2), ("Alpha", "a1", 0, -0.3, -0.5), ("Alpha", "a1", 1, 0.0, 0.1),
                   ("Mid", "m1", 0, 0.4, 0.6))


def test_source_spread_one_box_per_source_then_all_sentences():
    figure = source_spread_figure(SPREAD, metric="polarity", label="TextBlob polarity (-1..1)")
    assert [(t.type, t.name) for t in figure.data] == [("box", "Alpha"), ("box", "Mid"), ("box", "Zeta"),
                                                        ("scatter", None)]
    assert list(figure.data[0].x) == [-0.3, 0.0]
    dots = figure.data[-1]
    assert [list(row) for row in dots.customdata] == [["z1", 0], ["a1", 0], ["a1", 1], ["m1", 0]]
    assert [round(y) for y in dots.y] == [2, 0, 0, 1]  # jittered around the source's row
    assert figure.layout.yaxis.ticktext == ("Alpha", "Mid", "Zeta")
    assert figure.layout.xaxis.title.text == "TextBlob polarity (-1..1)"
    assert figure.layout.height == 120 + 60 * 3


@pytest.mark.parametrize("metric", ["polarity", "vader_compound"])
def test_source_spread_plots_the_chosen_score(metric):
    figure = source_spread_figure(SPREAD, metric=metric, label=metric)
    assert list(figure.data[-1].x) == SPREAD[metric].tolist()
    assert "<br>" + metric + ": %{x:.2f}" in figure.data[-1].hovertemplate


def test_source_spread_escapes_sources_and_sentences():
    hostile = SPREAD.assign(source=HOSTILE)
    assert_escaped(source_spread_figure(hostile, metric="polarity", label="score"))


@pytest.mark.parametrize("rows, traces", [
    ([("a", "Wire", "t", 5, False)], [("Wire, enough sentences", "circle")]),
    ([("a", "Wire", "t", 5, False), ("b", "Wire", "u", 1, True), ("c", "Post", "v", 2, True)],
     [("Wire, enough sentences", "circle"), ("Wire, thin", "circle-open"), ("Post, thin", "circle-open")]),
])
def test_tone_over_time_one_trace_per_source_and_thinness(rows, traces):
    figure = tone_over_time_figure(articles(*rows), metric="polarity", label="TextBlob")
    assert [(t.name, t.marker.symbol) for t in figure.data] == traces
    assert (figure.layout.xaxis.title.text, figure.layout.yaxis.title.text) == ("published", "TextBlob")


def test_tone_over_time_escapes_source_and_title():
    figure = tone_over_time_figure(articles(("a", HOSTILE, HOSTILE, 4, False)), metric="polarity", label="TextBlob")
    assert [list(row) for row in figure.data[0].customdata] == [["a", ESCAPED, ESCAPED]]
    assert_escaped(figure)


def test_tone_over_time_opens_on_the_main_period_and_notes_the_follow_up():
    rows = articles(*[(f"m{i}", "Wire", "T", 4, False) for i in range(5)], ("late", "Wire", "T", 4, False))
    rows.loc[rows["article_id"] == "late", "published"] = pd.Timestamp("2024-11-30")
    figure = tone_over_time_figure(rows, metric="polarity", label="TextBlob", follow_up={"late"})
    low, high = (pd.Timestamp(x) for x in figure.layout.xaxis.range)
    assert low < pd.Timestamp("2024-03-22") and pd.Timestamp("2024-03-26") < high < pd.Timestamp("2024-04-01")
    assert [a.text for a in figure.layout.annotations] == ["1 follow-up report later (Nov 2024) →"]
    assert pd.Timestamp("2024-11-30") in [pd.Timestamp(x) for t in figure.data for x in t.x]  # drawn, off view
    whole = tone_over_time_figure(rows, metric="polarity", label="TextBlob")
    assert whole.layout.xaxis.range is None and not whole.layout.annotations


def test_along_article_two_scorers_and_a_line_per_new_section():
    one = sentences(*[("Wire", "a", i, 0.1 * i, -0.1 * i) for i in range(5)]).assign(
        section=["", "", "Reactions", "Reactions", "Background"])
    figure = along_article_figure(one)
    assert [t.name for t in figure.data] == ["TextBlob polarity", "VADER compound"]
    assert list(figure.data[1].y) == pytest.approx([0, -0.1, -0.2, -0.3, -0.4])
    assert [list(row) for row in figure.data[0].customdata] == [["a", i] for i in range(5)]
    assert [shape.x0 for shape in figure.layout.shapes] == [1.5, 3.5]
    assert (figure.layout.xaxis.title.text, figure.layout.yaxis.title.text) == ("sentence", "score")
    assert figure.layout.yaxis.range == (-1.05, 1.05)


def test_along_article_section_lines_are_what_add_vline_draws():
    one = sentences(*[("Wire", "a", i, 0.1, 0.1) for i in range(4)]).assign(section=["", "Reactions", "Reactions", "B"])
    expected = go.Figure()
    for x in (0.5, 2.5):
        expected.add_vline(x=x, line_dash="dot", line_color="#aaa")
    assert along_article_figure(one).to_dict()["layout"]["shapes"] == expected.to_dict()["layout"]["shapes"]


def test_along_article_escapes_sections():
    one = sentences(("Wire", "a", 0, 0.1, 0.1), ("Wire", "a", 1, 0.1, 0.1)).assign(section=[None, HOSTILE])
    figure = along_article_figure(one)
    assert list(figure.data[0].text) == ["", ESCAPED]
    assert_escaped(figure)


@pytest.mark.parametrize("n_entities", [1, 4])
def test_entity_tone_rows_by_position_and_height_by_entities(n_entities):
    rows = around(("Wire", "Kyiv", -0.2, 4), ("Post", "Kyiv", 0.1, 1), ("Wire", "Moscow", 0.3, 3))
    figure = entity_tone_figure(rows.set_axis([7, 3, 9]), metric="polarity", label="TextBlob",
                                n_entities=n_entities)
    assert {t.name: [list(row) for row in t.customdata] for t in figure.data} == {
        "Wire, 3+ sentences": [[0, 4, "Wire"], [2, 3, "Wire"]], "Post, thin": [[1, 1, "Post"]]}
    assert figure.layout.height == 160 + 40 * n_entities
    assert (figure.layout.xaxis.title.text, figure.layout.yaxis.title.text) == ("TextBlob", "")


def test_entity_tone_colours_the_most_frequent_sources_and_names_every_source_in_the_hover():
    rows = around(*[(f"Outlet {i:02d}" if i < 39 else HOSTILE, entity, 0.1 * (i % 7) - 0.3, 1 + i % 4)
                    for i in range(40) for entity in (["Kyiv", "Moscow"] if i < 12 else ["Kyiv"])])
    figure = entity_tone_figure(rows, metric="polarity", label="TextBlob", n_entities=2)
    names = {t.name.split(",")[0] for t in figure.data}
    assert len(names) == 12 and "29 other sources" in names and "Outlet 00" in names
    assert len(figure.data) <= 24
    assert sorted(int(row) for t in figure.data for row, _, _ in t.customdata) == list(range(len(rows)))
    shown = {(data[2], y) for t in figure.data for data, y in zip([list(row) for row in t.customdata], t.y)}
    assert (ESCAPED, "Kyiv") in shown and figure.data[0].hovertemplate.startswith("<b>%{customdata[2]}</b> · %{y}")
    assert_escaped(figure)


def test_entity_tone_keeps_raw_names_out_of_the_figure():
    figure = entity_tone_figure(around((HOSTILE, HOSTILE, 0.0, 5)), metric="polarity", label="TextBlob",
                                n_entities=1)
    assert list(figure.data[0].y) == [ESCAPED]
    assert_escaped(figure)


def test_disagreement_colours_by_agreement_and_escapes_the_hover():
    scored = sentences((HOSTILE, "a", 0, 0.5, 0.6), ("Wire", "a", 1, 0.5, -0.6), ("Wire", "b", 0, 0.0, 0.4))
    figure = disagreement_figure(disagreement(scored))
    assert [(t.name, t.marker.color, [list(row) for row in t.customdata]) for t in figure.data] == [
        ("agree", "#9aa", [["a", 0]]), ("opposite", "#d03030", [["a", 1]]), ("one neutral", "#f0b050", [["b", 0]])]
    assert figure.data[0].hovertext[0].startswith(f"{ESCAPED} · sentence 0<br>")
    assert (figure.layout.xaxis.title.text, figure.layout.yaxis.title.text) == ("TextBlob polarity", "VADER compound")
    assert figure.layout.xaxis.range == figure.layout.yaxis.range == (-1.05, 1.05)
    assert_escaped(figure)


def test_tone_over_time_by_group_colours_nine_at_most_and_names_the_source():
    rows = articles(*[(f"a{i}", f"s{i}.example", f"Title {i}", 4, False) for i in range(40)])
    groups = pd.Series([f"C{i % 12}" if i % 12 < 8 else OTHER for i in range(40)], index=rows.index)
    figure = tone_over_time_figure(rows.assign(group=groups), metric="polarity", label="TextBlob", colour="group")
    names = [t.name.split(",")[0] for t in figure.data]
    assert len(set(names)) == 9 and names[-1] == OTHER
    colours = {t.name.split(",")[0]: t.marker.color for t in figure.data}
    assert colours[OTHER] == OTHER_COLOUR and len(set(colours.values())) == 9
    assert "customdata[2]" in figure.data[0].hovertemplate
    assert {row[2] for t in figure.data for row in t.customdata} == {f"s{i}.example" for i in range(40)}
    assert (figure.layout.legend.orientation, figure.layout.legend.yanchor, figure.layout.legend.y) == \
        ("h", "bottom", 1.02)


def test_source_spread_rows_by_group_other_last():
    rows = sentences(*[(f"s{i}", f"a{i}", 0, 0.1, 0.2) for i in range(30)])
    groups = pd.Series(["Russia"] * 20 + ["India"] * 6 + [OTHER] * 4, index=rows.index)
    figure = source_spread_figure(rows.assign(group=groups), metric="polarity", label="TextBlob", rows="group")
    assert [t.name for t in figure.data[:-1]] == ["Russia", "India", OTHER]
    assert list(figure.layout.yaxis.ticktext) == ["Russia", "India", OTHER]
    assert figure.layout.yaxis.autorange == "reversed"  # largest on top, "other" at the bottom
    assert figure.data[-1].text[0].startswith("s0 · sentence 0")  # each dot's hover names its source


def test_source_spread_past_the_dot_limit_keeps_every_small_row_in_the_sample():
    large = [("Wire", f"w{i // 20}", i % 20, 0.1, 0.2) for i in range(MAX_DOTS * 3)]
    small = [("Ireland", "i1", i, -0.4, -0.5) for i in range(6)]
    figure = source_spread_figure(sentences(*large, *small), metric="polarity", label="TextBlob")
    dots = figure.data[-1]
    assert len(dots.x) == MAX_DOTS
    assert sum(row[0] == "i1" for row in dots.customdata) == 6  # an even spread would give it none
    assert len({tuple(row) for row in dots.customdata}) == MAX_DOTS


def test_entity_tone_by_group_hover_names_the_group():
    rows = around(("Wire", "Kyiv", -0.2, 4), ("Post", "Kyiv", 0.1, 1)).assign(group=["Russia", OTHER])
    figure = entity_tone_figure(rows, metric="polarity", label="TextBlob", n_entities=1, colour="group")
    assert {t.name: [list(row) for row in t.customdata] for t in figure.data} == {
        "Russia, 3+ sentences": [[0, 4, "Russia"]], f"{OTHER}, thin": [[1, 1, OTHER]]}
    assert figure.data[1].marker.color == OTHER_COLOUR
