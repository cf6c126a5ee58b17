"""Chart points: positions, marker shapes, error bars and escaped hover text."""

from __future__ import annotations

import pandas as pd

from analysis.timeline.bands import summary_band
from analysis.timeline.points import build_timeline
from analysis.views.groups import OTHER
from charts.toll import OTHER_SOURCES_COLOUR, chart_points, toll_figure
from tests.timeline.helpers import article, figure, tables


def points_of(arts, figs=(), category="killed"):
    a, f = tables(list(arts), list(figs))
    timeline = build_timeline(a, f)
    return chart_points(timeline, category=category), timeline


def test_same_day_same_value_points_fan_out():
    pts, _ = points_of([article(c, "2023-04-01", killed=(7, "exact", False)) for c in "abc"])
    assert sorted(pts["x"]) == [pd.Timestamp("2023-03-31 21:00"), pd.Timestamp("2023-04-01"),
                                pd.Timestamp("2023-04-01 03:00")]


def test_points_with_a_time_of_day_sit_at_it_and_say_it():
    pts, _ = points_of([article("pm", "2024-03-23 21:40", source="A", killed=(133, "exact", False)),
                        article("am", "2024-03-23 07:05", source="B", killed=(133, "exact", False)),
                        article("day", "2024-03-23", source="C", killed=(60, "at_least", False))])
    by_id = pts.set_index("article_id")
    assert by_id.loc["am", "x"] == pd.Timestamp("2024-03-23 07:05")  # not fanned out: the times differ
    assert by_id.loc["pm", "x"] == pd.Timestamp("2024-03-23 21:40")
    assert by_id.loc["am", "label"].startswith("2024-03-23 07:05 · B")
    assert by_id.loc["day", "label"].startswith("2024-03-23 · C")
    assert "Published: 2024-03-23 21:40" in by_id.loc["pm", "hover"]


def test_markers_and_error_bars_follow_the_qualifier():
    pts, _ = points_of([
        article("ex", "2023-04-01", killed=(10, "exact", False)),
        article("al", "2023-04-02", killed=(12, "at_least", True)),
        article("ab", "2023-04-03", killed=(50, "about", False)),
        article("rg", "2023-04-04", killed=(60, "range", False, 70)),
        article("up", "2023-04-05", killed=(5, "up_to", False)),
    ])
    by_id = pts.set_index("article_id")
    assert by_id["symbol"].to_dict() == {"ex": "circle", "al": "triangle-up", "ab": "diamond", "rg": "square",
                                         "up": "triangle-down"}
    assert (by_id.loc["ab", "err_minus"], by_id.loc["ab", "err_plus"]) == (5.0, 5.0)
    assert (by_id.loc["rg", "err_minus"], by_id.loc["rg", "err_plus"]) == (0.0, 10.0)
    assert by_id.loc["al", "may_rise"] and not by_id.loc["ex", "may_rise"]
    assert by_id.loc["al", "label"] == "2023-04-02 · src-al · at least 12 (may rise)"


def test_undated_points_get_strip_positions_per_article():
    pts, _ = points_of([article("u1", None, killed=(133, "exact", False)), article("u2", None, killed=(130, "over", False))],
                       [figure("u1", "killed", 133), figure("u1", "killed", 143, status="superseded", figure_id="old")])
    assert not pts["dated"].any()
    assert dict(zip(pts["point_id"], pts["strip_x"])) == {"u1-killed": 0, "old": 0, "u2-killed": 1}


def test_hover_is_escaped_and_carries_the_evidence():
    arts = [article("h", "2023-04-01", source="A&B <News>", killed=(3, "exact", False), event_date="2023-03-31")]
    arts[0]["event_date_text"] = "late last night"
    pts, _ = points_of(arts, [figure("h", "killed", 3, sentence="Police said <3> people died.",
                                     attributed_to="police")])
    hover = pts["hover"].iloc[0]
    assert "<b>A&amp;B &lt;News&gt;</b>" in hover
    assert "Published: 2023-04-01 (from prefix)" in hover
    assert "Event: 2023-03-31 (“late last night”)" in hover
    assert "According to: police" in hover
    assert "Police said &lt;3&gt; people died." in hover


def test_figure_has_band_strip_and_link_traces():
    pts, timeline = points_of(
        [article("a", "2023-04-01", killed=(10, "exact", False)), article("b", "2023-04-01", killed=(20, "exact", False)),
         article("u", None, killed=(30, "exact", False))],
        [figure("u", "killed", 30), figure("u", "killed", 35, status="superseded", figure_id="u-old")])
    fig = toll_figure(pts, summary_band(timeline, category="killed"), category="killed")
    names = [t.name for t in fig.data]
    assert "highest so far (shaded gap: disagreement)" in names
    assert fig.layout.xaxis2.title.text == "No date<br>found (1)"
    links = [t for t in fig.data if t.mode == "lines" and t.xaxis == "x2"]
    assert [list(t.y) for t in links] == [[35.0, 30.0, None]]
    assert fig.layout.yaxis.title.text == "Deaths (reported count)"


def test_empty_category():
    pts, timeline = points_of([article("a", "2023-04-01", killed=(10, "exact", False))], category="arrested")
    assert pts.empty


def test_colour_by_group_at_most_eight_and_other_with_the_source_kept():
    arts = [article(f"a{i}", f"2024-03-{22 + i % 5}", source=f"s{i}.example", killed=(60 + i, "exact", False))
            for i in range(40)]
    a, f = tables(arts, [])
    timeline = build_timeline(a, f)
    groups = {f"a{i}": f"C{i % 10}" if i % 10 < 8 else OTHER for i in range(40)}
    pts = chart_points(timeline, category="killed", groups=groups)
    assert pts["group"].nunique() == 9 and pts["colour"].nunique() == 9
    assert set(pts.loc[pts["group"] == OTHER, "colour"]) == {OTHER_SOURCES_COLOUR}
    assert pts["hover"].str.contains("s1.example").any()  # the hover still names the source
    fig = toll_figure(pts, summary_band(timeline, category="killed"), category="killed", colour_title="Outlet country")
    legend = [t.name for t in fig.data if t.showlegend and t.legend in (None, "legend")]
    assert len(legend) == 9 and legend[-1] == "other (8 sources)"
    assert fig.layout.legend.title.text == "" and fig.layout.meta["colour_title"] == "Outlet country"


def test_colour_by_source_unchanged_without_groups():
    pts, _ = points_of([article(c, "2023-04-01", source=c.upper(), killed=(7, "exact", False)) for c in "abc"])
    assert pts["group"].tolist() == pts["source"].tolist() and pts["colour"].nunique() == 3
