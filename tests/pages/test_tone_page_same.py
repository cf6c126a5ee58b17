"""The Tone page shows what it showed before it read the filtered sentences and mentions through codes of the whole
corpus (``tests/pages/tone_before.py``, the page as it was): the same texts, tables and chart specs, on small corpora,
filtered or not, under each grouping and score, with the charts' samples made small so that they sample. The page's
sections are tabs that run one at a time: here every tab runs (``page_parts.SECTION_TABS``), in the order of old."""

from __future__ import annotations

import pytest

import charts.tone
import page_parts
from tests.pages.same_page import FILTERS, ROOT, assert_same, corpus, run_page, shown

NEW, OLD = ROOT / "pages" / "tone.py", ROOT / "tests" / "pages" / "tone_before.py"


@pytest.mark.parametrize("name, filters, by, metric, entities", [
    ("seeds", "none", None, "polarity", None),
    ("seeds", "undated left out", None, "vader_compound", None),
    ("many outlets", "none", None, "polarity", None),
    ("many outlets", "a date range", "country", "vader_compound", None),
    ("many outlets", "a date range", "source", "subjectivity", ["Moscow", "Ukraine", "Kyiv"]),
    ("many outlets", "some sources", "kind", "polarity", ["Vladimir Putin"]),
    ("many outlets", "none", "kind", "polarity", []),
])
@pytest.mark.parametrize("dots", [4000, 40])
def test_the_page_shows_what_it_showed(monkeypatch, name, filters, by, metric, entities, dots):
    monkeypatch.setattr(page_parts, "SECTION_TABS", "ignore")
    monkeypatch.setattr(charts.tone, "MAX_DOTS", dots)
    monkeypatch.setattr(charts.tone, "GL_POINTS", min(dots, charts.tone.GL_POINTS))
    state = {**FILTERS[filters], "tone_metric": metric}
    if by is not None:
        state[page_parts.COMPARE_BY] = by
    if entities is not None:
        state["tone_entities"] = entities
    assert_same(shown(run_page(NEW, corpus(name), state)), shown(run_page(OLD, corpus(name), state)))


def _filtered(app, before: str, after: str) -> dict:
    for key in FILTERS[before]:
        del app.session_state[key]
    for key, value in FILTERS[after].items():
        app.session_state[key] = value
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    return shown(app)


@pytest.mark.parametrize("name, sequence", [
    ("many outlets", ["none", "a date range", "none", "some sources", "a date range"]),
    ("seeds", ["none", "undated left out", "none"]),
])
def test_filter_changes_in_one_session_show_what_they_showed(monkeypatch, name, sequence):
    """One article's chart and sections, kept per corpus across filter changes (``along_of``), are what the page as
    it was shows after the same filter changes in one session (the article picked carried over, or not)."""
    monkeypatch.setattr(page_parts, "SECTION_TABS", "ignore")
    new, old = run_page(NEW, corpus(name), FILTERS[sequence[0]]), run_page(OLD, corpus(name), FILTERS[sequence[0]])
    for before, after in zip(sequence, sequence[1:]):
        assert_same(_filtered(new, before, after), _filtered(old, before, after))
