"""The people layer's shortcuts give what the long way gives. Sentences invented.

A repeated sentence is parsed once (``analysis.figures.parse.parse``), and the costly word patterns are searched only
in the rows where their answer can matter (``analysis.figures.victims._contains``)."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.figures.name_patterns import NAME_AGE, TWO_CAPITALS
from analysis.figures.parse import parse
from analysis.figures.victims import _contains

REPEATED = [
    "A 19-year-old man was shot and killed Saturday night.",
    "Police identified him as Dario Vance, 19.",
    "A 19-year-old man was shot and killed Saturday night.",
    "Hig\u00adgins was hurt.",
    "Police identified him as Dario Vance, 19.",
    "Hig\u00adgins was hurt.",
]


def test_a_repeated_sentence_is_parsed_as_it_is_alone():
    together = parse(REPEATED)
    assert together == [parse([text])[0] for text in REPEATED]
    assert together[0] is not together[2]  # each its own list: a caller may change one


@pytest.mark.parametrize("pattern", [NAME_AGE, TWO_CAPITALS, r"\b(?:shot|wound)"])
@pytest.mark.parametrize("rows", [[True, False, True, True], [False] * 4, [True] * 4])
def test_a_pattern_searched_in_some_rows_answers_there_as_in_all(pattern, rows):
    text = pd.Series(["Lea Moss, 24, was shot.", "Lea Moss, 24, was shot.", "No one was hurt.", "Ann Roe wept."],
                     index=[3, 5, 8, 9])
    mask = pd.Series(rows, index=text.index)
    found = _contains(text, pattern, mask)
    assert found.index.equals(text.index)
    assert found.tolist() == [bool(f) and r for f, r in zip(text.str.contains(pattern), rows)]
