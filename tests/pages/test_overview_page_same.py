"""The Overview page shows what it showed before its reader labels read three columns instead of all
(``tests/pages/overview_before.py``, the page as it was; both run with the narrowed articles' text sliced,
``analysis.tables.rows_kept``, tested apart): the same texts, widgets, tables and charts, on small corpora, filtered or
not. Its table now goes in blocks, its reader's list is capped and its load report is built once opened: none of
that shows on corpora this small, and the report's expander is drawn as an ordinary one here."""

from __future__ import annotations

import pytest

from tests.pages.same_page import FILTERS, ROOT, assert_same, corpus, run_page, shown

NEW, OLD = ROOT / "pages" / "overview.py", ROOT / "tests" / "pages" / "overview_before.py"


@pytest.mark.parametrize("name, filters", [("seeds", "none"), ("seeds", "undated left out"),
                                           ("many outlets", "none"), ("many outlets", "a date range"),
                                           ("many outlets", "some sources")])
def test_the_page_shows_what_it_showed(name, filters, monkeypatch):
    import page_parts

    monkeypatch.setattr(page_parts, "SECTION_TABS", "ignore")  # the load report's expander drawn shut, as before
    state = dict(FILTERS[filters])
    assert_same(shown(run_page(NEW, corpus(name), state)), shown(run_page(OLD, corpus(name), state)))
