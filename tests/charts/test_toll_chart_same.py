"""The toll chart made by the faster code gives what the code before it gave (``toll_chart_before``, the
module as it was, with ``toll_markers_rerun_before`` and ``toll_views_rerun_before``): the same points
(their text as plain objects, not Arrow text), band, figure JSON (a compact chart's links on the time
axis one layout path now, ``_links_as_path``), trace ids and markers, on small random
corpora. The size thresholds (compact chart, full hovers, WebGL, merging by screen cell) are lowered so
small corpora take every path a 10,000-article one takes."""

from __future__ import annotations

import base64
import json

import numpy as np
import pandas as pd
import plotly.io as pio
import pytest

import analysis.views.toll_markers as markers_now
import charts.toll as now
from analysis.timeline.points import build_timeline
from analysis.views.groups import OTHER
from tests.charts import toll_chart_before as before
from tests.timeline.helpers import article, figure, tables
from tests.views import toll_markers_rerun_before as markers_before

SOURCES = ["AP", "Reuters & Co", "<b>BBC</b>", "Le Monde", "NHK", "Al Jazeera", "DW", "ABC", "CBC", "SABC",
           "Yonhap", "Xinhua", "TASS", "ANSA", "EFE"]
QUALIFIERS = ["exact", "exact", "about", "range", "at_least", "up_to"]
CATEGORIES = ["killed", "injured"]


def random_corpus(seed: int, n: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    """``(articles, timeline)`` of ``n`` articles over a few weeks (some undated, some at a time of day, some
    months later), with few values and many sources so reports repeat; revisions, event dates, a spike."""
    rng = np.random.default_rng(seed)
    start = pd.Timestamp("2024-03-01")
    arts, figs = [], []
    for i in range(n):
        kind = rng.random()
        if kind < 0.12:
            published = None
        elif kind < 0.2:
            published = f"{start + pd.Timedelta(days=int(rng.integers(60, 90))):%Y-%m-%d}"  # follow-up coverage
        else:
            day = start + pd.Timedelta(days=int(rng.integers(0, 20)))
            published = f"{day:%Y-%m-%d}" if rng.random() < 0.7 else f"{day:%Y-%m-%d} {int(rng.integers(0, 24)):02d}:30"
        heads = {}
        for category in CATEGORIES:
            if rng.random() < 0.85:
                value = float(rng.choice([3, 5, 10, 12, 40, 41, 100]) * (1 if category == "killed" else 2))
                if rng.random() < 0.01:
                    value *= 100  # a wild figure
                qualifier = str(rng.choice(QUALIFIERS))
                heads[category] = (value, qualifier, bool(rng.random() < 0.2), value + 5) if qualifier in (
                    "range", "up_to") else (value, qualifier, bool(rng.random() < 0.2))
                if rng.random() < 0.2:
                    figs.append(figure(f"a{i}", category, value - 2, status="superseded",
                                       figure_id=f"a{i}-{category}-old", sentence=f"At first {value - 2} <dead>."))
        event_date = f"{start + pd.Timedelta(days=int(rng.integers(-3, 3))):%Y-%m-%d}" if rng.random() < 0.3 else None
        arts.append(article(f"a{i}", published, source=str(rng.choice(SOURCES[:3 + seed % len(SOURCES)])),
                            event_date=event_date, **heads))
    articles, figures = tables(arts, figs)
    timeline = build_timeline(articles, figures)
    return articles, timeline


@pytest.fixture(params=[(10_000, 10_000, 10_000, 2000), (30, 30, 60, 2000), (30, 30, 10, 20), (5, 100, 3, 4)],
                ids=["default sizes", "compact, full hovers", "compact, WebGL, by cell", "by cell, few markers"])
def sizes(request, monkeypatch):
    """Thresholds (GL_POINTS, HOVER_FULL_POINTS, WEBGL_POINTS, MAX_MARKERS) lowered in both codes alike."""
    gl, full, webgl, most = request.param
    for module in (now, before):
        monkeypatch.setattr(module, "GL_POINTS", gl)
        monkeypatch.setattr(module, "HOVER_FULL_POINTS", full)
        monkeypatch.setattr(module, "WEBGL_POINTS", webgl)
    for chart_markers in (markers_now.chart_markers, markers_before.chart_markers):
        monkeypatch.setitem(chart_markers.__kwdefaults__, "max_markers", most)
    return request.param


def _time_links(trace: dict) -> bool:
    """Whether ``trace`` is a compact chart's links on the time axis (its numbers are binary arrays)."""
    return trace.get("mode") == "lines" and trace.get("line", {}).get("dash") == "dash" and "xaxis" not in trace \
        and isinstance(trace.get("x"), dict)


def _links_as_path(spec: dict) -> dict:
    """``spec`` (the JSON of the code before) as the chart now draws it: a compact chart's links on the time axis,
    a dashed line trace with a gap after each link, are one layout path through the same ends, between the grid
    and the traces, before the event days' lines (``charts.toll._link_path``)."""
    data, shapes = [], []
    for trace in spec["data"]:
        x, y = trace.get("x"), trace.get("y")
        if _time_links(trace):
            xs, ys = (np.frombuffer(base64.b64decode(a["bdata"]), dtype=a["dtype"]).reshape(-1, 3) for a in (x, y))
            path = "".join(f"M{a:.0f},{b:.15g}L{c:.0f},{d:.15g}"
                           for (a, c, _), (b, d, _) in zip(xs.tolist(), ys.tolist())
                           if not np.isnan([a, b, c, d]).any())
            shapes.append(dict(type="path", path=path, xref="x", yref="y", layer="between",
                               line=dict(color=trace["line"]["color"], width=trace["line"]["width"], dash="dash")))
            continue
        data.append(trace)
    layout = spec["layout"]
    if shapes and shapes[0]["path"]:
        layout = {**layout, "shapes": shapes + layout.get("shapes", [])}
    return {**spec, "data": data, "layout": layout}


def _json(figure) -> dict:
    """The JSON the page sends of ``figure``: a ``go.Figure``'s, or a served spec's (``charts.served``)."""
    return json.loads(pio.to_json(figure, validate=False))


@pytest.mark.parametrize("seed, n", [(0, 1), (2, 40), (3, 120), (5, 250)])
@pytest.mark.parametrize("category", CATEGORIES)
@pytest.mark.parametrize("grouped", [False, True])
def test_the_chart_is_the_one_before(sizes, seed, n, category, grouped):
    articles, timeline = random_corpus(seed, n)
    sides = np.array(["left", "right", OTHER], dtype=object)
    groups = dict(zip(articles["article_id"], sides[np.arange(len(articles)) % 3])) if grouped else None
    for follow_up in (False, True):
        made = now.toll_chart(timeline, articles, category=category, show_follow_up=follow_up, groups=groups,
                              colour_title="Side" if grouped else None)
        old = before.toll_chart(timeline, articles, category=category, show_follow_up=follow_up, groups=groups,
                                colour_title="Side" if grouped else None)
        # the same values; text columns are plain objects now, where they were Arrow text
        pd.testing.assert_frame_equal(made.points, old.points, check_dtype=False)
        changed = {c for c in made.points if made.points[c].dtype != old.points[c].dtype}
        assert all(made.points[c].dtype == object and old.points[c].dtype == "str" for c in changed)
        pd.testing.assert_frame_equal(made.band, old.band)
        old_json = _json(old.figure)
        assert _json(made.figure) == _links_as_path(old_json)
        # the links' trace stood for no figure: the ids of the traces left
        assert made.trace_ids == [ids for ids, trace in zip(old.trace_ids, old_json["data"]) if not _time_links(trace)]
        assert (made.by_cell, made.n_markers) == (old.by_cell, old.n_markers)
        pd.testing.assert_series_equal(made.marker_of, old.marker_of)
