"""Running a page file as it is now and as it was (a copy kept under tests/pages), for tests that compare what the
two show: the same texts, widgets' options and values, tables (values, not their index) and chart specs."""

from __future__ import annotations

import datetime
from pathlib import Path

import pandas as pd
from streamlit.testing.v1 import AppTest

import app_data

ROOT = Path(__file__).resolve().parents[2]


def run_page(page: Path, corpus, state: dict) -> AppTest:
    app = AppTest.from_file(str(page), default_timeout=240)
    app.session_state[app_data.ROUTED] = True
    if corpus is not None:
        app.session_state[app_data.ACTIVE_CORPUS] = corpus
    for key, value in state.items():
        app.session_state[key] = value
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    return app


def shown(app: AppTest) -> dict:
    """What a user sees: texts, widgets' options, tables (values, not their index) and chart specs."""
    return {
        "texts": [(e.type, e.value) for kind in ("title", "header", "markdown", "caption", "info")
                  for e in getattr(app, kind)],
        "widgets": [(w.label, list(w.options), w.value) for kind in ("radio", "selectbox", "multiselect")
                    for w in getattr(app, kind)],
        "tables": [d.value.reset_index(drop=True) for d in app.dataframe],
        "charts": [chart.proto.spec for chart in app.get("plotly_chart")],
    }


def corpus(name: str):
    if name == "seeds":
        return None
    from tests.pages.many_outlets import many_outlets_corpus

    return many_outlets_corpus()


FILTERS = {
    "none": {},
    "a date range": {app_data.FILTER_DATES: (datetime.date(2024, 3, 23), datetime.date(2024, 3, 27))},
    "some sources": {app_data.FILTER_SOURCES: ["reuters.com", "tass.ru", "afp.com", "pap.pl"]},
    "undated left out": {app_data.FILTER_UNDATED: False},
}




def assert_same(new: dict, old: dict) -> None:
    """``shown`` of two runs are equal (tables exactly, on a fresh index)."""
    assert new["texts"] == old["texts"]
    assert new["widgets"] == old["widgets"]
    assert new["charts"] == old["charts"]
    assert len(new["tables"]) == len(old["tables"])
    for mine, theirs in zip(new["tables"], old["tables"]):
        pd.testing.assert_frame_equal(mine, theirs, check_exact=True)
