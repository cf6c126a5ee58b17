"""Later, larger counts of the wounded set aside where the text's first sentences give their own
(``analysis.figures.lede_wounded``).

Titles and sentences here are invented, in the manner of local shooting reports."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis import schema
from analysis.figures.ledger import headline_figures
from analysis.figures.lede_wounded import later_wounded_articles, set_aside_later_wounded
from tests.figures.test_titles import _tables, _value

_QUIET = ["Officers closed the avenue until dawn.", "A neighbor called the block a calm one.",
          "A man who lives nearby said he heard a car speed off.", "Detectives asked for video from the shops."]
_TITLE = "Gunfire outside Marlow Street diner"


@pytest.mark.parametrize("texts, injured", [
    # a shooting around the corner hours before, recalled with no cue the background rules know
    (["Three people were wounded when someone opened fire outside a Marlow Street diner on Friday night.",
      *_QUIET, "Earlier in the evening, five people were wounded at a cookout two streets away."], 3),
    # a link to another story's count, late in the page
    (["Two men were injured in a shooting outside a Marlow Street diner on Friday, police said.",
      *_QUIET, "More coverage: Four dead, six hurt in Harlan Park gunfire."], 2),
    # a count told late that holds people the lede does not count as wounded
    (["Gunfire outside a Marlow Street diner late on Friday left four people wounded.",
      *_QUIET, "Medics said five people were hurt, one of them cut by a falling window."], 4),
])
def test_later_larger_count_set_aside(texts, injured):
    figures, heads = _tables(_TITLE, *texts)
    assert _value(heads, "injured") == injured
    assert (figures.loc[figures["category"].eq("injured"), "status"] == "background").any()


@pytest.mark.parametrize("texts, injured", [
    # the larger count is the lede's own, told within its first five sentences
    (["Two people were injured outside a Marlow Street diner on Friday.",
      "In all, five people were wounded, police said later.", *_QUIET], 5),
    # the count grew after the first report, and the text says so
    (["Two people were injured outside a Marlow Street diner on Friday.", *_QUIET,
      "By Saturday the number of wounded had risen to five, police said."], 5),
    # the lede tells no count of the wounded: the later count is the only one
    (["Police were called to a Marlow Street diner late on Friday.", *_QUIET,
      "Police said the gunfire had left five people wounded."], 5),
])
def test_later_count_stands(texts, injured):
    _figures, heads = _tables(_TITLE, *texts)
    assert _value(heads, "injured") == injured


def _row(sentence: str, number: str, value: int, *, idx: int, category: str = "injured", rule: str = "numeral",
         scope: str = "total") -> dict:
    start = sentence.index(number)
    return {"figure_id": f"a:{idx}:{start}:{category}", "article_id": "a", "sentence_idx": idx, "category": category,
            "value": value, "low": value, "high": None, "qualifier": "exact", "vague": False, "scope": scope,
            "status": "current", "may_rise": False, "as_toll": False, "attributed_to": "", "number_text": number,
            "sentence": sentence, "start": start, "end": start + len(number), "rule": rule, "period": False}


_FIRST = "Three people were hurt in the shooting on Tern Road."
_HOSPITAL = "Two of the people hurt were taken to Mercy Hospital."
_LATER = "Six people were wounded across town that night."


@pytest.mark.parametrize("rows, injured", [
    ([_row(_FIRST, "Three", 3, idx=0), _row(_LATER, "Six", 6, idx=7)], 3),
    # a hospital count in the lede is often a part of the wounded: it gives the lede no count
    ([_row(_HOSPITAL, "Two", 2, idx=1, category="hospitalized"), _row(_LATER, "Six", 6, idx=7)], 6),
    # a count derived from people shot less the dead, or people told one by one, is read short too often
    ([_row(_FIRST, "Three", 3, idx=0, rule="derived"), _row(_LATER, "Six", 6, idx=7)], 6),
    # a later count that is not larger is left alone
    ([_row(_FIRST, "Three", 3, idx=0), _row(_HOSPITAL, "Two", 2, idx=7, category="hospitalized")], 3),
])
def test_rows(rows, injured):
    figures = schema.conform(pd.DataFrame(rows), "figures")
    heads = headline_figures(set_aside_later_wounded(figures))
    assert int(heads.iloc[0]["injured"]) == injured


def test_set_aside_not_dropped_and_input_kept():
    figures = schema.conform(pd.DataFrame([_row(_FIRST, "Three", 3, idx=0), _row(_LATER, "Six", 6, idx=7)]),
                             "figures")
    out = set_aside_later_wounded(figures)
    assert out["status"].tolist() == ["current", "background"]
    assert figures["status"].eq("current").all()
    assert list(later_wounded_articles(figures)) == ["a"]
    assert "background set aside" in headline_figures(out).iloc[0]["injured_rule"]
