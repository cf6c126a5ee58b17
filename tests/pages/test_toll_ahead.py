"""The Toll page's first visit to a corpus just opened reads the views made ahead on a background thread
(``app_data.views_ahead``, ``charts.toll_views.first_visit_views``): the same page as when it makes them, and
every view made ahead is one the page asked for."""

from __future__ import annotations

import datetime
import json
import time
from dataclasses import replace
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

import app_data
from analysis.uploads import BuiltCorpus
from analysis.views import figure_ledger
from analysis.views.toll import toll_summary
from charts.toll_views import FIRST_VISIT_NAMES, base_names
from tests.pages.test_toll_page import article, corpus, figure

ROOT = Path(__file__).resolve().parents[2]
TIMEOUT = 240


def built_of(tables, name: str) -> BuiltCorpus:
    return BuiltCorpus(name=name, tables=tables, files=(), settings={}, source_groups={}, fingerprint=name,
                       views={"toll_summary": toll_summary(tables)})


def many_outlets():
    from tests.pages.many_outlets import many_outlets_corpus

    return replace(many_outlets_corpus(), views={"toll_summary": toll_summary(many_outlets_corpus().tables)})


def many_events():
    arts = [article(f"q{year}", f"{year}-03-01", killed=(year - 2000, "exact", False)) for year in range(2011, 2017)]
    arts += [article("q2014b", "2014-03-02", source="beta", killed=(15, "exact", False))]
    return built_of(corpus(arts, []), "many-events")


def follow_up_week():
    arts = [article("w1", "2023-05-01", source="alpha", killed=(12, "at_least", True)),
            article("w2", "2023-05-02", source="beta", killed=(30, "exact", False)),
            article("w5", "2023-05-07", source="alpha", killed=(41, "exact", False)),
            article("t1", "2023-11-20", source="beta", killed=(41, "exact", False))]
    for row in arts:
        row["event_date"] = pd.Timestamp("2023-04-30")
    figs = [figure(a["article_id"], "killed", a["killed"], sentence=f"{int(a['killed'])} people died.") for a in arts]
    return built_of(corpus(arts, figs), "follow-up-week")


def shown(app: AppTest) -> list:
    """What the page shows: every text, widget value and option, table and chart spec, in order."""
    out = []
    for kind in ("title", "caption", "markdown", "warning", "info", "radio", "selectbox", "toggle", "dataframe",
                 "plotly_chart"):
        for element in app.get(kind):
            if kind == "plotly_chart":
                out.append((kind, json.loads(element.proto.spec)))
            elif kind == "dataframe":
                out.append((kind, element.value.to_json(date_format="iso")))
            elif kind in ("radio", "selectbox"):
                out.append((kind, element.key, element.value, list(element.options)))
            elif kind == "toggle":
                out.append((kind, element.key, element.value, element.label))
            else:
                out.append((kind, element.value))
    return out


def first_visit(built: BuiltCorpus, *, chosen_by: str | None, groups: dict, ahead: bool) -> tuple[AppTest, list]:
    """The app opened on ``built`` (the Toll page, where it opens), with the views made ahead or not, and the
    keys of the views the page asked for that a first visit makes ahead."""
    app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=TIMEOUT)
    app.session_state[app_data.ACTIVE_CORPUS] = built
    app.session_state[app_data.SOURCE_GROUPS] = groups
    if chosen_by:
        app.session_state[app_data.COMPARE_BY] = chosen_by
    if ahead:
        app.session_state[app_data.VIEWS_AHEAD] = (built.fingerprint, app_data.views_ahead(
            built, chosen_by=chosen_by, groups=groups))
    asked = []
    real_view = app_data.view

    def view(name, compute, *args):
        if name in FIRST_VISIT_NAMES:
            asked.append((name, args))
        return real_view(name, compute, *args)

    app_data.view = view
    try:
        app.run()
    finally:
        app_data.view = real_view
    assert not app.exception, [e.value for e in app.exception]
    return app, asked


def _wait_until_finished(made, *, seconds: float = 60.0) -> None:
    deadline = time.monotonic() + seconds
    while not made.finished and time.monotonic() < deadline:
        time.sleep(0.05)


@pytest.mark.parametrize("make, chosen_by, groups", [
    (many_outlets, None, {}),  # 20 outlets: coloured by country
    (many_outlets, "kind", {}),  # outlet kind chosen on another page before
    (many_outlets, "groups", {"reuters.com": "wires", "apnews.com": "wires"}),  # the user's own groups
    (many_events, None, {}),  # seven events: the chart opens on the most covered
    (follow_up_week, None, {}),  # one event with follow-up coverage: the toggle, off
], ids=["by country", "kind chosen before", "your groups", "many events", "follow-up"])
def test_the_first_visit_reads_the_views_made_ahead_and_shows_the_same(make, chosen_by, groups):
    built = make()
    without, asked_without = first_visit(built, chosen_by=chosen_by, groups=groups, ahead=False)
    with_ahead, asked = first_visit(built, chosen_by=chosen_by, groups=groups, ahead=True)
    assert shown(with_ahead) == shown(without)
    assert asked == asked_without and ("toll_chart" in {name for name, _ in asked})
    made = with_ahead.session_state[app_data.VIEWS_AHEAD][1]
    # every Toll view made ahead was asked for and handed out; the Figures page's and the first filtered run's wait
    bases = {(app_data.WHOLE_AHEAD + name, ()) for name in base_names(built.views["toll_summary"])}
    _wait_until_finished(made)  # the views no page has asked for yet are still being made on a loaded machine
    assert made.finished and set(made._values) == {(app_data.WHOLE_AHEAD + name, ()) for name in figure_ledger.NAMES
                                                   } | bases
    for app in (without, with_ahead):
        app.switch_page("pages/figures.py").run()
        assert not app.exception, [e.value for e in app.exception]
    assert shown(with_ahead) == shown(without)
    if not built.tables.figures.empty:  # else the page stops at "no figures", asking for none but the codes
        assert set(made._values) == bases  # the Figures page took all of its own
    # the first filtered run of the Toll page reads the whole corpus's bases made ahead, and shows the same
    dated = built.tables.articles["published"].dropna()
    for app in (without, with_ahead):
        app.session_state[app_data.FILTER_DATES] = (dated.min().date() + datetime.timedelta(days=1),
                                                    dated.max().date())
        app.switch_page("pages/toll.py").run()
        assert not app.exception, [e.value for e in app.exception]
    assert shown(with_ahead) == shown(without)
    assert not set(made._values) & bases  # taken by the filtered run


def test_opening_a_corpus_starts_making_the_views_and_the_seeds_make_none():
    def script():
        import streamlit as st

        import app_data

        if "open" in st.session_state:
            app_data.set_active_corpus(st.session_state.pop("open"))

    built = many_outlets()
    app = AppTest.from_function(script, default_timeout=TIMEOUT)
    app.session_state["open"] = built
    app.run()
    fingerprint, ahead = app.session_state[app_data.VIEWS_AHEAD]
    assert fingerprint == built.fingerprint and ahead.take(("toll_chart", ("killed", 0, False, ("country", ()))))
    app.session_state["open"] = None  # back to the seeds
    app.run()
    assert app_data.VIEWS_AHEAD not in app.session_state
