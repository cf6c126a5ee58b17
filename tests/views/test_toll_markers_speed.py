"""The toll markers' array code gives what the pandas maps and groupby lambdas it replaced gave
(``toll_markers_before``): the same markers, marker of each report and hovers, on random points and on
points of the timeline helpers' articles. (At 1,000 and 10,000 articles of ``benchmarks.page_corpus`` the
figure JSON was compared too, old and new: identical.)"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis.timeline.points import build_timeline
from analysis.views.toll_markers import MarkerColumns, _firsts, _marker_rows, _n_markers, _same, chart_markers, \
    marker_of, merged_markers
from charts.toll import chart_points, hover_codes, marker_hovers
from tests.timeline.helpers import article, figure, tables
from tests.views import toll_markers_before as before

SOURCES = ["AP", "Reuters & Co", "<b>BBC</b>", None]
QUALIFIERS = ["exact", "about", "range", "at_least"]


def random_points(seed: int, n: int) -> pd.DataFrame:
    """``n`` chart points drawn from few days, values, colours and sources, so many look the same; some
    superseded, replaced by another point (chains, cycles, a missing replacement), some undated."""
    rng = np.random.default_rng(seed)
    ids = [f"p{i}" for i in range(n)]
    days = pd.to_datetime(["2024-03-01", "2024-03-01 17:00", "2024-03-02", "2024-03-09", "2024-05-01", None], format="ISO8601")
    published = pd.Series(days[rng.integers(0, len(days), n)])
    superseded = rng.random(n) < 0.3
    targets = rng.integers(0, n, n)
    replaced = [("gone" if t % 11 == 0 else ids[t]) if s else "" for s, t in zip(superseded, targets)]
    qualifier = np.array(QUALIFIERS, dtype=object)[rng.integers(0, len(QUALIFIERS), n)]
    value = rng.integers(0, 6, n).astype(float) * rng.choice([1, 10, 100], n)
    bar = np.where(qualifier == "range", rng.integers(0, 3, n), np.where(qualifier == "about", value * 0.1, 0.0))
    return pd.DataFrame({
        "point_id": ids, "article_id": [f"a{i % max(n // 2, 1)}" for i in range(n)], "replaced_by": replaced,
        "source": pd.Series(np.array(SOURCES, dtype=object)[rng.integers(0, len(SOURCES), n)],
                            dtype=object if seed % 2 else "str"),  # as chart_points makes it, and as object
        "status": np.where(superseded, "superseded", "current"), "published": published,
        "dated": published.notna(), "x": published, "strip_x": [None if d else i for i, d in enumerate(published.notna())],
        "value": value, "err_plus": bar.astype(float), "err_minus": bar.astype(float), "qualifier": qualifier,
        "colour": np.array(["#d62728", "#7f7f7f", "#1f77b4"], dtype=object)[rng.integers(0, 3, n)],
        "may_rise": rng.random(n) < 0.2, "unconfirmed": rng.random(n) < 0.1, "follow_up": rng.random(n) < 0.1,
        "short": [f"short {i} <i>" for i in range(n)], "hover": [f"hover {i}" for i in range(n)]})


def seed_like_points() -> pd.DataFrame:
    """Chart points of a week of wire copy: many sources repeating a few figures, revisions, undated copies."""
    arts = [article(f"a{i}", f"2023-04-{1 + i % 6:02d}" if i % 5 else None, source=f"S&{i % 9}",
                    killed=(10 * (i % 4), "about" if i % 3 == 0 else "range" if i % 7 == 0 else "exact", i % 6 == 0))
            for i in range(120)]
    revisions = [figure(f"a{i}", "killed", 5 + i % 3, status="superseded", figure_id=f"a{i}-old") for i in range(0, 120, 4)]
    timeline = build_timeline(*tables(arts, revisions))
    return chart_points(timeline, category="killed")


CASES = [(f"random {seed}, {n} points", lambda seed=seed, n=n: random_points(seed, n))
         for seed in range(8) for n in (1, 7, 60, 400)] + [("seed-like", seed_like_points), ("no points", lambda: random_points(0, 1).iloc[:0])]


@pytest.mark.parametrize("make", [make for _, make in CASES], ids=[name for name, _ in CASES])
@pytest.mark.parametrize("cell", [None, (1.0, 1.0), (3.0, 50.0)])
def test_markers_are_those_of_the_pandas_code(make, cell):
    points = make()
    assert marker_of(points, cell=cell).equals(before.marker_of(points, cell=cell))
    markers, of = merged_markers(points, cell=cell)
    old_markers, old_of = before.merged_markers(points, cell=cell)
    pd.testing.assert_frame_equal(markers, old_markers)
    pd.testing.assert_series_equal(of, old_of)


@pytest.mark.parametrize("make", [make for _, make in CASES], ids=[name for name, _ in CASES])
@pytest.mark.parametrize("max_markers", [1, 3, 2000])
def test_chart_markers_and_hovers_are_those_of_the_pandas_code(make, max_markers):
    points = make()
    markers, of, by_cell = chart_markers(points, max_markers=max_markers)
    old_markers, old_of, old_by_cell = before.chart_markers(points, max_markers=max_markers)
    assert by_cell == old_by_cell
    pd.testing.assert_frame_equal(markers, old_markers)
    pd.testing.assert_series_equal(of, old_of)
    # The hover texts are kept as plain Python strings now (object columns, not pandas strings): the same texts
    # in the chart's JSON, so the values are compared, not the column types.
    hovers = marker_hovers(markers, points, of, category="killed")
    old_hovers = before.marker_hovers(old_markers, points, old_of, category="killed")
    pd.testing.assert_frame_equal(hovers, old_hovers, check_dtype=False)
    texts = [c for c in hovers.columns if hovers[c].dtype != old_hovers[c].dtype]
    assert all(old_hovers[c].dtype == "string" and hovers[c].dtype == object for c in texts), texts
    assert all(isinstance(v, str) for c in texts for v in hovers[c].dropna())


@pytest.mark.parametrize("make", [make for _, make in CASES if _ != "no points"],
                         ids=[name for name, _ in CASES if name != "no points"])
@pytest.mark.parametrize("cell", [None, (1.0, 1.0), (3.0, 50.0)])
def test_firsts_and_marker_count_are_those_of_np_unique(make, cell):
    # ``_firsts`` and ``_n_markers`` replaced ``np.unique(same, return_index=True)`` and ``len(np.unique(rows))``
    points = make()
    looks = MarkerColumns(points).looks(cell)
    for codes in (looks, looks[:, :2], looks[::-1]):
        same = _same(codes)
        np.testing.assert_array_equal(_firsts(same), np.unique(same, return_index=True)[1])
    rows = _marker_rows(points, cell)
    assert _n_markers(rows) == len(np.unique(rows))


@pytest.mark.parametrize("make", [make for _, make in CASES], ids=[name for name, _ in CASES])
def test_hovers_from_codes_taken_of_more_points_are_the_hovers(make):
    # ``marker_hovers`` reading each report's figure and source codes taken from a larger set's
    # (``MarkerColumns.hover_codes``, made once per corpus) writes what it writes from the reports themselves
    points = make()
    others = random_points(99, 50)
    codes = hover_codes(pd.concat([others, points], ignore_index=True))  # others first: other codes than alone
    markers, of, _ = chart_markers(points, max_markers=3)
    taken = tuple(c[len(others):] for c in codes[:3]) + (codes[3],)
    made = marker_hovers(markers, points, of, category="killed", codes=taken)
    pd.testing.assert_frame_equal(made, marker_hovers(markers, points, of, category="killed"))
    if (markers["n_reports"] > 1).any():
        assert not made["hover"].equals(markers["hover"])
