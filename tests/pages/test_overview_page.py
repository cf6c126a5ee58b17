"""The overview page: key figures, the article table, the reader, filters."""

import pytest


@pytest.fixture
def app(open_page):
    return open_page("pages/overview.py")


def test_key_figures_on_the_seeds(app):
    metrics = {m.label: m.value for m in app.metric}
    assert metrics == {"Articles": "5", "Sources": "5", "Undated": "2"}
    assert any("Published **2024-03-23 to 2024-03-24**; 2 undated" in m.value for m in app.markdown)


def test_reader_shows_the_chosen_article_escaped_by_section(app):
    app.selectbox(key="reader_choice").select_index(3).run()
    chosen = app.session_state["reader_article_id"]
    markdown = "\n".join(m.value for m in app.markdown)
    assert chosen
    assert "**Chronology of Chaos**" in markdown or "**Unfolding of Events**" in markdown or "**" in markdown
    assert "Advertisment" not in markdown
    # Full stops are escaped: article text is never read as markdown.
    assert "\\." in markdown


def test_undated_and_source_filters_narrow_the_overview(app):
    # AppTest runs the entry script (and so the sidebar) only on its first run;
    # the filters are set through their session-state keys here and clicked in
    # Chromium in tests/browser.
    app.session_state["filter_undated"] = False
    app.run()
    assert {m.label: m.value for m in app.metric}["Articles"] == "3"
    app.session_state["filter_sources"] = ["Seed D: early toll"]
    app.run()
    assert {m.label: m.value for m in app.metric}["Articles"] == "1"
