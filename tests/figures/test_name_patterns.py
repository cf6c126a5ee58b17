"""How names are written in raw text (analysis.figures.name_patterns). Sentences invented."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.figures.name_patterns import NAME_AGE, TWO_CAPITALS, index_full_names


@pytest.mark.parametrize("text, surname, full", [
    ("Police identified the man as Carl Webb, 45.", "webb", "Carl Webb"),
    ("Friends of Iván Peña met on Sunday.", "peña", "Iván Peña"),
    ("Sgt. Ray DeLaPort fired once.", "delaport", "Ray DeLaPort"),
    ("The family of Rhea Da'Costa spoke on Sunday.", "da'costa", "Rhea Da'Costa"),
    ("Lena Ortiz-Bell, a nurse, was at home.", "ortiz-bell", "Lena Ortiz-Bell"),
    ("Deputies named Łukasz Nowak Jr. as the driver.", "nowak", "Łukasz Nowak"),
])
def test_full_names_in_any_latin_alphabet(text, surname, full):
    names, _ = index_full_names(pd.DataFrame({"article_id": ["a"], "text": [text]}))
    assert names["a"][surname] == full


@pytest.mark.parametrize("pattern, text, found", [
    (NAME_AGE, "Tomás Suárez, 19, was found in the yard.", True),
    (NAME_AGE, "Ke'Arre Mason, 19, was found in the yard.", True),
    (NAME_AGE, "Jo O'Neal, 40, was found in the yard.", True),
    (NAME_AGE, "Route 66, 40 miles on, was closed.", False),
    (TWO_CAPITALS, "Officer Jon McKay suffered three gunshot wounds.", True),
    (TWO_CAPITALS, "Three gunshot wounds, the FBI said.", False),
])
def test_sentence_prefilters(pattern, text, found):
    assert bool(pattern.search(text)) is found
