"""The victims table: who an article says was harmed, one row per person. Sentences invented."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis import schema
from analysis.figures.victims import extract_victims
from tests.figures.test_individuals import _sentences

CASES = [
    # (sentences, [(name, age, outcome, role), ...])
    (["Police said Andre Vance, 27, and Luis Ortega, 35, were killed."],
     [("Andre Vance", 27, "killed", "victim"), ("Luis Ortega", 35, "killed", "victim")]),
    (["A 52-year-old woman was shot Monday.", "The coroner identified the woman as Ruth Palmer."],
     [("Ruth Palmer", 52, "injured", "victim")]),
    (["Tanya Boyd, 19, was shot in the leg.", "Boyd later died at a hospital."], [("Tanya Boyd", 19, "killed", "victim")]),
    (["Deputies say Carl Benton, 44, shot and killed his neighbor."],
     [("Carl Benton", 44, "unknown", "shooter"), ("", None, "killed", "victim")]),
    (["Officer Dana Kim was wounded and the gunman was shot dead."],
     [("Dana Kim", None, "injured", "officer"), ("", None, "killed", "shooter")]),
    (["Marcus Webb, 22, was charged with murder on Thursday."], [("Marcus Webb", 22, "unknown", "shooter")]),
]


@pytest.mark.parametrize(("texts", "people"), CASES, ids=[c[0][0][:40] for c in CASES])
def test_victims_rows(texts, people):
    victims = extract_victims(_sentences(*texts), None)
    got = [(r.name, None if pd.isna(r.age) else int(r.age), r.outcome, r.role) for r in victims.itertuples()]
    assert got == people


def test_victims_table_has_the_documented_columns_and_offsets():
    sentences = _sentences("It was a quiet street.", "A 30-year-old man was fatally shot on Main Street.")
    text = " ".join(sentences["text"])
    victims = extract_victims(sentences, None)
    assert list(victims.columns) == schema.columns("victims")
    row = victims.iloc[0]
    assert text[row["start"]:row["end"]] == row["person"] == "A 30-year-old man"
    assert (row["outcome"], row["age"], row["sentence_idx"]) == ("killed", 30, 1)


def test_no_harm_no_rows():
    assert extract_victims(_sentences("The council met on Tuesday to discuss the budget."), None).empty
