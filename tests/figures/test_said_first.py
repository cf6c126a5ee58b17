"""What was said first is superseded: "initial reports", "originally told" (``analysis.figures.status``).

Every sentence here is written for the test, in the style of local crime reporting; none is taken from an
article.
"""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.figures.ledger import add_people_figures, extract_figures, headline_figures
from analysis.figures.scan import scan_sentence
from tests.figures.test_figures import sentences_frame


@pytest.mark.parametrize("sentence, expected", [
    ("Initial reports said six people had been wounded outside the lounge.", [("injured", 6, "superseded")]),
    ("In initial reports, deputies said three men were hurt.", [("injured", 3, "superseded")]),
    ("In early reports, police said two people were shot.", [("shot", 2, "superseded")]),
    ("According to initial reports, four people were wounded.", [("injured", 4, "superseded")]),
    ("The sheriff originally told reporters that nine people were wounded at the party.",
     [("injured", 9, "superseded")]),
    ("A dispatcher initially said that two men had been injured in the gunfire.", [("injured", 2, "superseded")]),
    # what is known now stays current
    ("Police said Sunday that four people were wounded at the party.", [("injured", 4, "current")]),
    ("The report, which originally ran Friday, said three people were wounded.", [("injured", 3, "current")]),
    ("Officers originally responded to a noise call; two men were wounded later that night.",
     [("injured", 2, "current")]),
])
def test_said_first(sentence, expected):
    assert [(f.category, f.value, f.status) for f in scan_sentence(sentence).figures] == expected


def test_people_listed_in_what_was_said_first_are_dropped():
    figures = extract_figures(sentences_frame("a", [
        "Five people were shot outside a club on the state line early Sunday.",
        "Police originally told a reporter that eight people were wounded."]))
    listed = figures[figures["category"].eq("injured")].iloc[[0]].assign(rule="enumeration", status="current")
    kept = add_people_figures(figures, listed)
    assert not (kept["rule"].eq("enumeration")).any()
    row = headline_figures(kept).iloc[0]
    assert not pd.isna(row["injured"]) and int(row["injured"]) == 5
