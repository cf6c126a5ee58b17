"""The overview page: key figures, the article table, the reader, filters."""

import pandas as pd
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


def articles_shown(app, start: int = 0):
    """The article table's block starting at row ``start`` and the ids its rows pick."""
    key = "overview_articles" if start == 0 else f"overview_articles_{start}"
    return app.dataframe(key=key).value.reset_index(drop=True), app.session_state[f"{key}_ids"]


def test_a_long_article_table_goes_in_blocks_and_every_row_keeps_its_article(open_page, monkeypatch):
    import page_parts

    whole, whole_ids = articles_shown(open_page("pages/overview.py"))
    assert len(whole) == len(whole_ids) == 5
    monkeypatch.setattr(page_parts, "TABLE_BLOCK", 2)
    app = open_page("pages/overview.py")
    assert app.selectbox(key="overview_articles_block").options == ["1-2 of 5", "3-4 of 5", "5-5 of 5"]
    blocks, ids = [], []
    for start in (0, 2, 4):
        app.selectbox(key="overview_articles_block").set_value(start).run()
        assert not app.exception, [e.value for e in app.exception]
        table, block_ids = articles_shown(app, start)
        assert len(table) == len(block_ids) == min(2, 5 - start)
        blocks.append(table)
        ids += block_ids
    pd.testing.assert_frame_equal(pd.concat(blocks, ignore_index=True), whole)
    assert ids == whole_ids
    assert any(b.proto.label == "All 5 articles (CSV)" for b in app.get("download_button"))


def test_the_reader_lists_the_first_articles_and_the_one_picked_in_the_table(open_page, monkeypatch):
    import page_parts

    monkeypatch.setattr(page_parts, "MAX_ARTICLE_CHOICES", 2)
    app = open_page("pages/overview.py")
    _, ids = articles_shown(app)
    box = app.selectbox(key="reader_choice")
    assert len(box.options) == 2 and "first 2 of 5 articles" in box.help
    app.session_state["reader_article_id"] = ids[4]  # as a pick of the table's last row does
    app.run()
    box = app.selectbox(key="reader_choice")
    assert len(box.options) == 3 and box.value == box.options[-1]
    assert app.session_state["reader_article_id"] == ids[4]


def test_the_load_report_is_built_once_opened_in_blocks_and_downloads_whole(open_page, monkeypatch):
    import page_parts

    def opened_report(app):
        assert app.session_state["overview_report"] is False and reports(app) == []
        app.session_state["overview_report"] = True
        app.run()
        assert not app.exception, [e.value for e in app.exception]
        return reports(app)

    def reports(app):
        return [d.value.reset_index(drop=True) for d in app.dataframe if {"input", "status", "reason"} <= set(
            d.value.columns)]

    [whole] = opened_report(open_page("pages/overview.py"))
    assert len(whole) == 6  # the five seeds and their labels sheet
    monkeypatch.setattr(page_parts, "TABLE_BLOCK", 2)
    app = open_page("pages/overview.py")
    opened_report(app)
    blocks = []
    for start in (0, 2, 4):
        app.selectbox(key="overview_report_rows_block").set_value(start).run()
        [block] = reports(app)
        assert len(block) == 2
        blocks.append(block)
    pd.testing.assert_frame_equal(pd.concat(blocks, ignore_index=True), whole)
    assert any(b.proto.label == "All 6 rows (CSV)" for b in app.get("download_button"))
