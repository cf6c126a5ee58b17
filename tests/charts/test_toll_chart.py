"""Chart points: positions, marker shapes, error bars and escaped hover text."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.timeline.bands import summary_band
from analysis.timeline.points import build_timeline
from analysis.views.groups import OTHER
from charts.toll import HOVER_FULL_POINTS, OTHER_SOURCES_COLOUR, _steps, chart_points, toll_figure
from tests.timeline.helpers import article, figure, tables


def points_of(arts, figs=(), category="killed"):
    a, f = tables(list(arts), list(figs))
    timeline = build_timeline(a, f)
    return chart_points(timeline, category=category), timeline


def test_same_day_same_value_points_fan_out():
    pts, _ = points_of([article(c, "2023-04-01", killed=(7, "exact", False)) for c in "abc"])
    assert sorted(pts["x"]) == [pd.Timestamp("2023-03-31 21:00"), pd.Timestamp("2023-04-01"),
                                pd.Timestamp("2023-04-01 03:00")]


@pytest.mark.parametrize(("published", "values", "expected"), [
    # same midnight day and value: 0, +3 h, -3 h, +6 h, -6 h
    (["2023-04-01"] * 5, [7] * 5, ["2023-04-01", "2023-04-01 03:00", "2023-03-31 21:00", "2023-04-01 06:00",
                                   "2023-03-31 18:00"]),
    # different values of one day do not push each other
    (["2023-04-01"] * 3, [7, 8, 7], ["2023-04-01", "2023-04-01", "2023-04-01 03:00"]),
    # a time of day stays where it is, even when it repeats
    (["2023-04-01 10:30"] * 2, [7, 7], ["2023-04-01 10:30", "2023-04-01 10:30"]),
    # an undated point between two dated ones neither moves nor counts
    (["2023-04-01", None, "2023-04-01"], [7, 7, 7], ["2023-04-01", None, "2023-04-01 03:00"]),
])
def test_fan_out_counts_points_of_one_day_value_and_status_in_order(published, values, expected):
    pts, _ = points_of([article(f"a{i}", day, killed=(v, "exact", False))
                        for i, (day, v) in enumerate(zip(published, values))])
    got = {a: None if pd.isna(x) else x for a, x in zip(pts["article_id"], pts["x"])}
    assert [got[f"a{i}"] for i in range(len(expected))] == [pd.Timestamp(e) if e else None for e in expected]


def test_a_compact_chart_hovers_with_the_short_text():
    n = HOVER_FULL_POINTS + 1
    pts, _ = points_of([article(f"a{i}", "2023-04-01" if i % 3 else None, source=f"S&{i % 4}",
                                killed=(i, "about" if i % 2 else "exact", False)) for i in range(n)])
    assert len(pts) == n and pts["hover"].tolist() == pts["short"].tolist()
    assert pts.loc[pts["article_id"] == "a1", "short"].item() == "S&amp;1 · about 1"
    assert pts["strip_x"].dropna().tolist() == list(range(len(pts["strip_x"].dropna())))


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


def _week_and_follow_up():
    arts = [article("w1", "2023-05-01", source="a", killed=(12, "at_least", True)),
            article("w2", "2023-05-02", source="b", killed=(30, "exact", False)),
            article("w3", "2023-05-02", source="c", killed=(31, "exact", False)),
            article("w4", "2023-05-02", source="d", killed=(60, "exact", False)),  # unconfirmed
            article("w5", "2023-05-07", source="a", killed=(41, "exact", False)),
            article("t1", "2023-11-20", source="e", event_date="2023-04-30", killed=(41, "exact", False))]
    for row in arts[:5]:
        row["event_date"] = pd.Timestamp("2023-04-30")
    a, f = tables(arts, [])
    timeline = build_timeline(a, f)
    return chart_points(timeline, category="killed"), summary_band(timeline, category="killed")


def test_the_time_axis_opens_on_the_main_period_and_says_where_the_follow_up_is():
    pts, band = _week_and_follow_up()
    assert pts.set_index("article_id")["follow_up"].to_dict() == {
        "w1": False, "w2": False, "w3": False, "w4": False, "w5": False, "t1": True}
    fig = toll_figure(pts, band, category="killed")
    low, high = (pd.Timestamp(x) for x in fig.layout.xaxis.range)
    assert low < pd.Timestamp("2023-05-01") and pd.Timestamp("2023-05-07") < high < pd.Timestamp("2023-05-20")
    assert [a.text for a in fig.layout.annotations] == ["1 follow-up report later (Nov 2023) →"]
    assert fig.layout.xaxis.title.text == "Published (2023)"
    whole = toll_figure(pts, band, category="killed", show_follow_up=True)
    assert pd.Timestamp(whole.layout.xaxis.range[1]) > pd.Timestamp("2023-11-20")
    assert not whole.layout.annotations
    # the follow-up point is drawn either way, reachable by panning
    xs = [pd.Timestamp(x) for t in fig.data if t.meta == "dated-current" for x in t.x]
    assert pd.Timestamp("2023-11-20") in xs


def test_an_event_date_years_before_the_first_report_is_drawn_but_does_not_stretch_the_view():
    arts = [article("a1", "2016-03-01", source="a", event_date="2016-02-28", killed=(2, "exact", False)),
            article("a2", "2016-03-03", source="b", event_date="2001-06-12", killed=(3, "exact", False))]
    pts, timeline = points_of(arts)
    fig = toll_figure(pts, summary_band(timeline, category="killed"), category="killed",
                      event_dates=pd.DataFrame({"event_date": pd.to_datetime(["2016-02-28", "2001-06-12"]),
                                                "event_date_text": ["on Sunday", "in June 2001"]}))
    low, high = (pd.Timestamp(x) for x in fig.layout.xaxis.range)
    assert pd.Timestamp("2016-01-01") < low <= pd.Timestamp("2016-02-28") and high < pd.Timestamp("2016-04-01")
    stars = [pd.Timestamp(x) for t in fig.data if t.name == "event date (from the text)" for x in t.x]
    assert pd.Timestamp("2001-06-12") in stars and fig.layout.xaxis.title.text == "Published (2016)"


def test_the_band_is_not_drawn_across_the_months_before_the_follow_up():
    pts, band = _week_and_follow_up()
    fig = toll_figure(pts, band, category="killed")
    highest = next(t for t in fig.data if t.name == "highest so far (shaded gap: disagreement)")
    runs, run = [], []
    for x in highest.x:
        if x is None:
            runs.append(run)
            run = []
        else:
            run.append(pd.Timestamp(x))
    assert len(runs) == 2 and max(runs[0]) < pd.Timestamp("2023-05-09") and min(runs[1]) == pd.Timestamp("2023-11-20")
    assert 60.0 not in list(highest.y)  # the unconfirmed figure sets no line


def test_unconfirmed_figure_gets_its_own_mark_legend_and_hover():
    pts, band = _week_and_follow_up()
    fig = toll_figure(pts, band, category="killed")
    marks = [t for t in fig.data if t.meta == "unconfirmed-dated"]
    assert len(marks) == 1 and list(marks[0].y) == [60.0] and marks[0].marker.symbol == "diamond-open"
    assert marks[0].customdata[0][0] == pts.set_index("article_id").loc["w4", "point_id"]  # a click finds it
    assert "unconfirmed: not in the band" in [t.name for t in fig.data]
    row = pts.set_index("article_id").loc["w4"]
    assert "<b>Unconfirmed</b>" in row["hover"] and row["label"].endswith("60, unconfirmed")


def test_hover_wrapping_matches_textwrap():
    import random
    import textwrap

    from charts.toll import _wrap

    rng = random.Random(11)
    pieces = ["police", "said", "a", "20-year-old", "gunman", "killed", "at least 60", "—", "“quoted”", "  ",
              "x" * 70, "Crocus City Hall", "\t", "non-life-threatening", "", "133.", "Zelenskyy’s"]
    texts = [" ".join(rng.choice(pieces) for _ in range(rng.randint(0, 40))) for _ in range(400)]
    texts += ["", " ", "one", "a b", " leading", "trailing ", "x" * 60, "x" * 61]
    for width in (20, 60):
        for text in texts:
            assert _wrap(text, width) == textwrap.wrap(text, width), text


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


def _band_runs_one_group_at_a_time(band: pd.DataFrame) -> list[pd.DataFrame]:
    """The band's runs as ``_band_traces`` split them before one sort did: a groupby per event group, then
    per gap of more than ``BAND_GAP_DAYS``."""
    from charts.toll import BAND_GAP_DAYS

    runs = []
    for _, rows in band.groupby("event_group", sort=True):
        rows = rows.sort_values("date")
        gaps = (rows["date"].diff() > pd.Timedelta(days=BAND_GAP_DAYS)).cumsum()
        runs.extend(run for _, run in rows.groupby(gaps, sort=True))
    return runs


@pytest.mark.parametrize("compact", [False, True])
@pytest.mark.parametrize("seed", [1, 2])
def test_band_traces_split_runs_as_a_groupby_per_event(seed, compact):
    import numpy as np

    from charts.toll import _band_traces

    rng = np.random.default_rng(seed)
    days = pd.to_datetime("2024-03-01") + pd.to_timedelta(np.sort(rng.choice(120, 40, replace=False)), unit="D")
    band = pd.DataFrame({"event_group": rng.choice([1, 2, 3], 40), "date": days,
                         "highest": rng.integers(5, 50, 40).astype(float),
                         "conservative": rng.integers(0, 5, 40).astype(float)}).sample(frac=1, random_state=seed)
    band = band.drop_duplicates(["event_group", "date"])
    runs = _band_runs_one_group_at_a_time(band)
    assert len(runs) > 3
    high = _band_traces(band, compact=compact)[2]
    expected_y = [v for run in runs for v in [*[h for h in run["highest"] for _ in (0, 1)], None]]
    got_y = [None if v != v else v for v in high["y"]]  # a compact trace holds NaN for a gap
    assert got_y == expected_y
    expected_x = [d for run in runs for d in [*[d for pair in zip(list(run["date"]), [*list(run["date"])[1:],
                  run["date"].iloc[-1] + pd.Timedelta(hours=12)]) for d in pair], None]]
    if compact:
        expected_ms = [np.nan if d is None else d.value / 1e6 for d in expected_x]
        assert np.allclose(np.asarray(high["x"], dtype=float), expected_ms, equal_nan=True)
    else:
        assert [None if d is None else pd.Timestamp(d) for d in high["x"]] == expected_x


def _figures_of_every_shape():
    """Toll figures of the tests above: strip and time axis, follow-up, event lines, groups, and a compact one."""
    pts, timeline = points_of(
        [article("a", "2023-04-01", killed=(10, "exact", False)), article("b", "2023-04-01", killed=(20, "about", True)),
         article("u", None, killed=(30, "exact", False))],
        [figure("u", "killed", 30), figure("u", "killed", 35, status="superseded", figure_id="u-old")])
    yield toll_figure(pts, summary_band(timeline, category="killed"), category="killed",
                      event_dates=pd.DataFrame({"event_date": pd.to_datetime(["2023-03-31", None]),
                                                "event_date_text": ["on Friday", None]}))
    pts, band = _week_and_follow_up()
    yield toll_figure(pts, band, category="killed")
    yield toll_figure(pts, band, category="killed", show_follow_up=True, colour_title="Outlet country")
    undated, timeline = points_of([article(f"u{i}", None, killed=(i, "exact", False)) for i in range(3)])
    yield toll_figure(undated, summary_band(timeline, category="killed"), category="killed")
    n = HOVER_FULL_POINTS + 1
    arts = [article(f"a{i}", f"2023-04-{1 + i % 20:02d}" if i % 3 else None, source=f"S&{i % 14}",
                    killed=(i % 50, "about" if i % 2 else "range" if i % 5 == 0 else "exact", i % 7 == 0))
            for i in range(n)]
    big, timeline = points_of(arts, [figure(f"a{i}", "killed", 99, status="superseded", figure_id=f"a{i}-old")
                                     for i in range(0, n, 9)])
    yield toll_figure(big, summary_band(timeline, category="killed"), category="killed",
                      event_dates=pd.DataFrame({"event_date": pd.to_datetime([f"2023-03-{1 + i % 30:02d}"
                                                                              for i in range(40)]),
                                                "event_date_text": [f"day {i % 4}" for i in range(40)]}))


@pytest.mark.parametrize("made", list(_figures_of_every_shape()), ids=lambda f: f"{len(f.data)} traces")
def test_the_figure_is_written_as_plotly_would_validate_it(made):
    """toll_figure skips plotly's validation: its values are already in the form validation gives them, so the
    browser gets the same JSON as from the validated figure (a value in another form would show here)."""
    import json

    import plotly.graph_objects as go
    import plotly.io as pio

    from charts.served import served

    validated = json.loads(pio.to_json(go.Figure(made.to_dict())))
    assert json.loads(pio.to_json(made)) == validated
    assert json.loads(pio.to_json(served(made).to_dict(), validate=False)) == validated


@pytest.mark.parametrize("values, xs, ys", [
    ([5], [0, 1], [5, 5]),
    ([5, 7], [0, 1, 1, 2], [5, 5, 7, 7]),
    ([5, 5, 5, 9], [0, 3, 3, 4], [5, 5, 9, 9]),  # the flat days add no corner
    ([5, 9, 9, 5], [0, 1, 1, 3, 3, 4], [5, 5, 9, 9, 5, 5]),
])
def test_band_steps_turn_only_where_the_value_changes(values, xs, ys):
    assert _steps(list(range(len(values) + 1)), values) == (xs, ys)


@pytest.mark.parametrize("wild, opens_below", [(60, False), (3600, True)])
def test_a_far_away_unconfirmed_figure_is_left_above_the_opening_view_and_said(wild, opens_below):
    pts, band = _week_and_follow_up()
    pts.loc[pts["unconfirmed"].astype(bool), "value"] = float(wild)
    fig = toll_figure(pts, band, category="killed")
    top = fig.layout.yaxis.range[1]
    assert (top < wild) is opens_below
    notes = [a.text for a in fig.layout.annotations if "above the chart" in (a.text or "")]
    assert notes == ([f"↑ 1 unconfirmed figure above the chart, up to {wild:,} (autoscale, at the top right, "
                      "shows them)"] if opens_below else [])
