"""The Figures page shows what it showed before it counted the filtered figures and listed its pickers' values
through codes of the whole corpus (``tests/pages/figures_before.py``, the page as it was): the same texts, widgets,
tables and charts, on small corpora, filtered or not, with pickers set or not."""

from __future__ import annotations

import pytest

from tests.pages.same_page import FILTERS, ROOT, assert_same, corpus, run_page, shown

NEW, OLD = ROOT / "pages" / "figures.py", ROOT / "tests" / "pages" / "figures_before.py"


@pytest.mark.parametrize("name, filters, picks", [
    ("seeds", "none", {}),
    ("seeds", "undated left out", {"figures_category": ["killed"]}),
    ("many outlets", "none", {}),
    ("many outlets", "a date range", {"figures_status": ["current"]}),
    ("many outlets", "some sources", {"figures_source": ["tass.ru"], "figures_category": ["injured", "killed"]}),
])
def test_the_page_shows_what_it_showed(name, filters, picks):
    state = {**FILTERS[filters], **picks}
    assert_same(shown(run_page(NEW, corpus(name), state)), shown(run_page(OLD, corpus(name), state)))
