"""The Entities page shows what it showed before it ranked the filtered mentions and counted their shares through
codes of the whole corpus (``tests/pages/entities_before.py``, the page as it was): the same texts, widgets, tables
and charts, on small corpora, filtered or not, with types, roll-up, demonyms and groupings set or not."""

from __future__ import annotations

import pytest

import page_parts
from tests.pages.same_page import FILTERS, ROOT, assert_same, corpus, run_page, shown

NEW, OLD = ROOT / "pages" / "entities.py", ROOT / "tests" / "pages" / "entities_before.py"


@pytest.mark.parametrize("name, filters, picks", [
    ("seeds", "none", {}),
    ("seeds", "undated left out", {"entities_demonyms": False}),
    ("many outlets", "none", {}),
    ("many outlets", "a date range", {}),
    ("many outlets", "a date range", {"entities_labels": ["GPE"], page_parts.COMPARE_BY: "source"}),
    ("many outlets", "some sources", {"entities_demonyms": False, page_parts.COMPARE_BY: "kind"}),
    ("many outlets", "some sources", {"entities_roll_up": True}),
    ("many outlets", "a date range", {"entities_labels": ["PERSON", "ORG"], "entities_demonyms": False,
                                      "entities_top": 5}),
])
def test_the_page_shows_what_it_showed(name, filters, picks):
    state = {**FILTERS[filters], **picks}
    assert_same(shown(run_page(NEW, corpus(name), state)), shown(run_page(OLD, corpus(name), state)))
