"""A title's own count of the wounded as the injured headline where the text's is larger
(``analysis.figures.title_wounded``).

Titles and sentences here are invented, in the manner of local shooting reports. The text's rows are built by
hand: the rule decides between counts already read, and these cases fix which count it keeps."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis import schema
from analysis.figures.ledger import headline_figures
from analysis.figures.title_wounded import title_count_articles, title_count_headlines
from analysis.figures.titles import title_figures


def _row(sentence: str, number: str, value: int, *, idx: int, category: str = "injured", rule: str = "numeral",
         status: str = "current") -> dict:
    start = sentence.index(number)
    return {"figure_id": f"a:{idx}:{start}:{category}", "article_id": "a", "sentence_idx": idx, "category": category,
            "value": value, "low": value, "high": None, "qualifier": "exact", "vague": False, "scope": "total",
            "status": status, "may_rise": False, "as_toll": False, "attributed_to": "", "number_text": number,
            "sentence": sentence, "start": start, "end": start + len(number), "rule": rule, "period": False}


def _injured(title: str, rows: list[dict]) -> int | None:
    figures = schema.conform(pd.DataFrame(rows), "figures")
    chosen = title_count_articles(figures, {"a": title})
    read = title_figures(pd.DataFrame({"article_id": ["a"], "title": [title]}), schema.empty_table("figures"))
    heads = headline_figures(title_count_headlines(figures, read, chosen))
    value = heads.iloc[0]["injured"]
    return None if pd.isna(value) else int(value)


_LEDE = "Three people were hurt by gunfire on Dorsey Avenue on Thursday evening."
_OTHER = "It was a block from the corner where five people had been hurt at a cookout in the summer."
_MORTAL = "Gunfire outside the chapel left five people wounded -- two of them mortally."
_GREW = "By Sunday the number of people injured had climbed to 31, the ministry said."


@pytest.mark.parametrize("title, rows, injured", [
    # another incident's count, read as current, is larger than the title's
    ("Three wounded in Dorsey Avenue shooting", [_row(_LEDE, "Three", 3, idx=0), _row(_OTHER, "five", 5, idx=1)], 3),
    # the text's count holds the dead the title tells apart
    ("2 dead, 3 wounded in gunfire outside Eastgate chapel", [_row(_MORTAL, "five", 5, idx=0)], 3),
    # a count of people shot, in a title that tells no death
    ("4 men shot on Harbor Street", [_row(_OTHER, "five", 5, idx=2, category="shot")]
     + [_row(_OTHER, "five", 5, idx=2)], 4),
    # the title's count is part of a list of people, not the whole
    ("Toddler, 3 others hurt in Cole Street drive-by", [_row(_OTHER, "five", 5, idx=1)], 5),
    ("Gunman hurts 2 deputies & 3 bystanders", [_row(_OTHER, "five", 5, idx=1)], 5),
    # a title counting several incidents
    ("2 dead, 3 wounded in weekend shootings", [_row(_OTHER, "five", 5, idx=1)], 5),
    # "Five shot, 2 dead": one of the five, or a sixth?
    ("3 shot, 1 dead on Linden Avenue", [_row(_OTHER, "five", 5, idx=1)], 5),
    # a count of "victims" tells no one shot
    ("Police name 3 victims of Linden Avenue shooting", [_row(_OTHER, "five", 5, idx=1)], 5),
    # the count grew after the title was written
    ("18 injured in Kesra market blast", [_row(_GREW, "31", 31, idx=2)], 31),
    # a title larger than the text's count is left to the other title rules
    ("Six wounded in Dorsey Avenue shooting", [_row(_LEDE, "Three", 3, idx=0)], 3),
])
def test_title_count_of_the_wounded(title, rows, injured):
    assert _injured(title, rows) == injured


def test_the_texts_larger_counts_are_set_aside_not_dropped():
    rows = [_row(_LEDE, "Three", 3, idx=0), _row(_OTHER, "five", 5, idx=1)]
    figures = schema.conform(pd.DataFrame(rows), "figures")
    title = "Three wounded in Dorsey Avenue shooting"
    read = title_figures(pd.DataFrame({"article_id": ["a"], "title": [title]}), schema.empty_table("figures"))
    out = title_count_headlines(figures, read, title_count_articles(figures, {"a": title}))
    assert out.loc[out["value"].eq(5), "status"].tolist() == ["background"]
    assert out["figure_id"].astype(str).str.endswith(":title").sum() == 1
    assert figures["status"].eq("current").all()  # input not modified
