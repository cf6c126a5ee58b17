"""The Tone page shows what it showed before it read the filtered sentences and mentions through codes of the whole
corpus (``tests/pages/tone_before.py``, the page as it was): the same texts, tables and chart specs, on small corpora,
filtered or not, under each grouping and score, with the charts' samples made small so that they sample."""

from __future__ import annotations

import datetime
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

import app_data
import charts.tone
import page_parts

ROOT = Path(__file__).resolve().parents[2]
NEW, OLD = ROOT / "pages" / "tone.py", ROOT / "tests" / "pages" / "tone_before.py"


def _run(page: Path, corpus, state: dict) -> AppTest:
    app = AppTest.from_file(str(page), default_timeout=240)
    app.session_state[app_data.ROUTED] = True
    if corpus is not None:
        app.session_state[app_data.ACTIVE_CORPUS] = corpus
    for key, value in state.items():
        app.session_state[key] = value
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    return app


def _shown(app: AppTest) -> dict:
    """What a user sees: texts, widgets' options, tables (values, not their index) and chart specs."""
    return {
        "texts": [(e.type, e.value) for kind in ("title", "header", "markdown", "caption", "info")
                  for e in getattr(app, kind)],
        "widgets": [(w.label, list(w.options), w.value) for kind in ("radio", "selectbox", "multiselect")
                    for w in getattr(app, kind)],
        "tables": [d.value.reset_index(drop=True) for d in app.dataframe],
        "charts": [chart.proto.spec for chart in app.get("plotly_chart")],
    }


def _corpus(name: str):
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


@pytest.mark.parametrize("corpus, filters, by, metric, entities", [
    ("seeds", "none", None, "polarity", None),
    ("seeds", "undated left out", None, "vader_compound", None),
    ("many outlets", "none", None, "polarity", None),
    ("many outlets", "a date range", "country", "vader_compound", None),
    ("many outlets", "a date range", "source", "subjectivity", ["Moscow", "Ukraine", "Kyiv"]),
    ("many outlets", "some sources", "kind", "polarity", ["Vladimir Putin"]),
    ("many outlets", "none", "kind", "polarity", []),
])
@pytest.mark.parametrize("dots", [4000, 40])
def test_the_page_shows_what_it_showed(monkeypatch, corpus, filters, by, metric, entities, dots):
    monkeypatch.setattr(charts.tone, "MAX_DOTS", dots)
    monkeypatch.setattr(charts.tone, "GL_POINTS", min(dots, charts.tone.GL_POINTS))
    state = {**FILTERS[filters], "tone_metric": metric}
    if by is not None:
        state[page_parts.COMPARE_BY] = by
    if entities is not None:
        state["tone_entities"] = entities
    old, new = _shown(_run(OLD, _corpus(corpus), state)), _shown(_run(NEW, _corpus(corpus), state))
    assert new["texts"] == old["texts"]
    assert new["widgets"] == old["widgets"]
    assert new["charts"] == old["charts"]
    assert len(new["tables"]) == len(old["tables"])
    for mine, theirs in zip(new["tables"], old["tables"]):
        pd.testing.assert_frame_equal(mine, theirs, check_exact=True)
