"""The Framing page shows what it showed before it counted and picked the sides' mentions through codes of the whole
corpus (``tests/pages/framing_before.py``, the page as it was): the same texts, tables and chart specs, on small
corpora, filtered or not, under each grouping, with sources picked or not and entities picked. The page's sections are
tabs that run one at a time: here every tab runs (``page_parts.SECTION_TABS``), in the order of old."""

from __future__ import annotations

import pytest

import page_parts
from tests.pages.same_page import FILTERS, ROOT, assert_same, corpus, run_page, shown

NEW, OLD = ROOT / "pages" / "framing.py", ROOT / "tests" / "pages" / "framing_before.py"


@pytest.mark.parametrize("name, filters, by, picked, entities", [
    ("seeds", "none", None, None, None),
    ("seeds", "undated left out", None, None, ["Ukraine"]),
    ("many outlets", "none", None, None, None),
    ("many outlets", "a date range", "country", None, ["Moscow", "Ukraine", "Kyiv"]),
    ("many outlets", "a date range", "source", ["reuters.com", "tass.ru"], None),
    ("many outlets", "some sources", "kind", None, ["Vladimir Putin", "nobody"]),
    ("many outlets", "none", "country", ["Russia"], []),
])
def test_the_page_shows_what_it_showed(monkeypatch, name, filters, by, picked, entities):
    monkeypatch.setattr(page_parts, "SECTION_TABS", "ignore")
    state = dict(FILTERS[filters])
    if by is not None:
        state[page_parts.COMPARE_BY] = by
    if picked is not None:
        state["framing_pick"] = picked
    if entities is not None:
        state["framing_entities"] = entities
    assert_same(shown(run_page(NEW, corpus(name), state)), shown(run_page(OLD, corpus(name), state)))
