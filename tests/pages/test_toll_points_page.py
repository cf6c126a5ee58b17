"""The Toll page on a filtered corpus draws the same chart whether its points are taken from the whole corpus's
by mask (``charts.toll_points``) or written again: the compact-chart threshold lowered so a small corpus takes
the path a 10,000-article one takes."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

import app_data
import charts.toll as toll
import charts.toll_points as toll_points
import charts.toll_views as toll_views

ROOT = Path(__file__).resolve().parents[2]
TIMEOUT = 240


def _page(built, sources: list[str]) -> tuple[str, list[str]]:
    app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=TIMEOUT)
    app.session_state[app_data.ACTIVE_CORPUS] = built
    app.session_state[app_data.FILTER_SOURCES] = sources
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    charts = app.get("plotly_chart")
    return charts[0].proto.spec, [m.value for m in app.markdown]


@pytest.mark.parametrize("dropped", [1, 3], ids=["one source dropped", "three sources dropped"])
def test_the_filtered_chart_is_the_same_with_points_taken_by_mask(monkeypatch, dropped):
    from tests.pages.many_outlets import many_outlets_corpus

    built = many_outlets_corpus()
    sources = sorted(built.tables.articles["source"].unique())[dropped:]
    monkeypatch.setattr(toll, "HOVER_FULL_POINTS", 3)
    taken = []
    real = toll_views.points_of
    monkeypatch.setattr(toll_views, "points_of", lambda *a, **k: taken.append(real(*a, **k)) or taken[-1])
    made = _page(built, sources)
    assert taken and taken[0] is not None  # the points were taken by mask
    monkeypatch.setattr(toll_points, "point_base", lambda timeline, *, category, articles=None: None)
    assert _page(built, sources) == made
