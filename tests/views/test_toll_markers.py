"""The toll chart's markers: which reports share one, and that every report still finds its marker."""

import pandas as pd
import pytest

from analysis.views.toll_markers import chart_markers, marker_of, merged_markers


def points(*rows) -> pd.DataFrame:
    """Chart points from ``(point_id, day or None, value, status, colour, replaced_by)``; the rest alike."""
    frame = pd.DataFrame(rows, columns=["point_id", "published", "value", "status", "colour", "replaced_by"])
    published = pd.to_datetime(frame["published"], format="ISO8601")
    return frame.assign(
        published=published, dated=published.notna(), x=published,
        strip_x=[None if d else i for i, d in enumerate(published.notna())], source=frame["point_id"].str[0],
        article_id=frame["point_id"], qualifier="exact", err_plus=0.0, err_minus=0.0, may_rise=False,
        unconfirmed=False, follow_up=False)


RED, GREY = "#d62728", "#7f7f7f"


@pytest.mark.parametrize("rows, expected", [
    # same day, figure, colour: one marker, the first report's
    ([("a1", "2024-03-01", 10, "current", GREY, ""), ("b1", "2024-03-01 17:00", 10, "current", GREY, "")],
     ["a1", "a1"]),
    # another day, another figure, another colour or status: markers of their own
    ([("a1", "2024-03-01", 10, "current", GREY, ""), ("b1", "2024-03-02", 10, "current", GREY, "")], ["a1", "b1"]),
    ([("a1", "2024-03-01", 10, "current", GREY, ""), ("b1", "2024-03-01", 11, "current", GREY, "")], ["a1", "b1"]),
    ([("a1", "2024-03-01", 10, "current", GREY, ""), ("b1", "2024-03-01", 10, "current", RED, "")], ["a1", "b1"]),
    ([("a1", "2024-03-01", 10, "current", GREY, ""), ("b1", "2024-03-01", 10, "superseded", GREY, "")],
     ["a1", "b1"]),
    # undated reports share the strip: the same figure and colour is one marker, whichever article
    ([("a1", None, 7, "current", GREY, ""), ("b1", None, 7, "current", GREY, ""), ("c1", None, 8, "current", GREY, "")],
     ["a1", "a1", "c1"]),
    # superseded reports merge only when their replacements share a marker: each dashed link stays true
    ([("a1", "2024-03-01", 12, "current", GREY, ""), ("a0", "2024-03-01", 10, "superseded", GREY, "a1"),
      ("b1", "2024-03-01", 12, "current", GREY, ""), ("b0", "2024-03-01", 10, "superseded", GREY, "b1")],
     ["a1", "a0", "a1", "a0"]),
    ([("a1", "2024-03-01", 12, "current", GREY, ""), ("a0", "2024-03-01", 10, "superseded", GREY, "a1"),
      ("b1", "2024-03-01", 15, "current", GREY, ""), ("b0", "2024-03-01", 10, "superseded", GREY, "b1")],
     ["a1", "a0", "b1", "b0"]),
    # along a chain of revisions, 143 -> 138 -> 133
    ([("a2", "2024-03-01", 133, "current", GREY, ""), ("a1", "2024-03-01", 138, "superseded", GREY, "a2"),
      ("a0", "2024-03-01", 143, "superseded", GREY, "a1"), ("b2", "2024-03-01", 133, "current", GREY, ""),
      ("b1", "2024-03-01", 138, "superseded", GREY, "b2"), ("b0", "2024-03-01", 143, "superseded", GREY, "b1")],
     ["a2", "a1", "a0", "a2", "a1", "a0"]),
])
def test_reports_that_look_the_same_share_a_marker(rows, expected):
    assert marker_of(points(*rows)).tolist() == expected


@pytest.mark.parametrize("cell, expected", [
    (None, ["a1", "b1", "c1", "d1"]),
    ((3.0, 5.0), ["a1", "a1", "c1", "d1"]),  # 2 days and 2 deaths apart: one cell; 20 deaths: another; red: its own
])
def test_by_cell_reports_a_few_pixels_apart_share_a_marker(cell, expected):
    rows = points(("a1", "2024-03-01", 10, "current", GREY, ""), ("b1", "2024-03-02", 11, "current", GREY, ""),
                  ("c1", "2024-03-02", 30, "current", GREY, ""), ("d1", "2024-03-02", 10, "current", RED, ""))
    assert marker_of(rows, cell=cell).tolist() == expected


def test_markers_count_their_reports_and_point_at_their_replacement():
    rows = points(("a1", "2024-03-01", 12, "current", GREY, ""), ("a0", "2024-03-01", 10, "superseded", GREY, "a1"),
                  ("b1", "2024-03-01", 12, "current", GREY, ""), ("b0", "2024-03-01", 10, "superseded", GREY, "b1"),
                  ("c1", None, 5, "current", GREY, ""), ("c0", None, 4, "superseded", GREY, "c1"),
                  ("d1", None, 6, "current", GREY, ""))
    markers, of = merged_markers(rows)
    assert markers["point_id"].tolist() == ["a1", "a0", "c1", "c0", "d1"]
    assert markers["n_reports"].tolist() == [2, 2, 1, 1, 1]
    assert markers["n_sources"].tolist() == [2, 2, 1, 1, 1]
    assert markers["replaced_by"].tolist() == ["", "a1", "", "c1", ""]
    # a superseded undated marker stands at its replacement's place in the strip: its link is a vertical line
    assert [None if pd.isna(x) else int(x) for x in markers["strip_x"]] == [None, None, 0, 0, 1]
    assert set(of) == set(markers["point_id"])


@pytest.mark.parametrize("n, max_markers, by_cell", [(3, 10, False), (40, 10, True)])
def test_past_max_markers_the_chart_merges_by_cell(n, max_markers, by_cell):
    # the value axis up to 1,039 in 150 rows of about 7: ten reports a day, a figure apart, fill a few cells
    rows = points(*[(f"p{i}", str(pd.Timestamp("2024-01-01") + pd.Timedelta(days=i // 10)), 1000 + i, "current",
                     GREY, "") for i in range(n)])
    markers, of, cell = chart_markers(rows, max_markers=max_markers)
    assert cell is by_cell
    assert (len(markers) < n) is by_cell
    assert markers["n_reports"].sum() == n  # every report is in one marker
    assert markers["low_value"].min() == 1000 and markers["high_value"].max() == 1000 + n - 1


def test_no_points():
    markers, of, by_cell = chart_markers(points())
    assert markers.empty and of.empty and not by_cell


def test_by_cell_a_superseded_marker_links_to_each_replacement():
    rows = points(("a1", "2024-03-01", 12, "current", GREY, ""), ("a0", "2024-03-01", 10, "superseded", GREY, "a1"),
                  ("b1", "2024-03-01", 40, "current", GREY, ""), ("b0", "2024-03-01", 10, "superseded", GREY, "b1"))
    markers, of = merged_markers(rows, cell=(1.0, 1.0))
    assert of.tolist() == ["a1", "a0", "b1", "a0"]
    assert dict(zip(markers["point_id"], markers["replaced_by"])) == {"a1": "", "a0": ["a1", "b1"], "b1": ""}


def test_by_cell_undated_superseded_reports_still_merge_only_with_the_same_replacement():
    rows = points(("a1", None, 12, "current", GREY, ""), ("a0", None, 10, "superseded", GREY, "a1"),
                  ("b1", None, 40, "current", GREY, ""), ("b0", None, 10, "superseded", GREY, "b1"))
    markers, of = merged_markers(rows, cell=(1.0, 1.0))
    assert of.tolist() == ["a1", "a0", "b1", "b0"]
    assert [int(x) for x in markers["strip_x"]] == [0, 0, 1, 1]  # each above its replacement
