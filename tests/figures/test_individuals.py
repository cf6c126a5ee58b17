"""Counts of people described one by one: the figures ``read_people`` adds and the headline they give.

Every sentence here is invented, in the manner of local shooting reports."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.figures.ledger import add_people_figures, extract_figures, headline_figures
from analysis.figures.victims import read_people


def _sentences(*texts: str) -> pd.DataFrame:
    rows, start = [], 0
    for idx, text in enumerate(texts):
        rows.append({"article_id": "a", "idx": idx, "paragraph": idx, "section": "", "text": text, "start": start,
                     "end": start + len(text)})
        start += len(text) + 1
    return pd.DataFrame(rows)


def _headline(*texts: str) -> dict:
    sentences = _sentences(*texts)
    figures = extract_figures(sentences)
    _victims, people = read_people(sentences, figures=figures)
    heads = headline_figures(add_people_figures(figures, people))
    return heads.iloc[0].to_dict() if not heads.empty else {}


CASES = [
    # (sentences, killed, injured, the rule that gave the killed count)
    (["A 23-year-old man was shot and killed early Sunday outside a corner store, police said."], 1, None,
     "individuals"),
    (["Deputies say a teenager was fatally shot while walking home from practice."], 1, None, "individuals"),
    (["Prosecutors say Dale Korver is accused of shooting and killing his landlord."], 1, None, "individuals"),
    (["Police said Andre Vance, 27, and Luis Ortega, 35, were killed in the exchange of gunfire."], 2, None,
     "enumeration"),
    (["A coach and two players died when the gunman opened fire on the field."], 3, None, "enumeration"),
    (["Detectives are calling it a double homicide."], 2, None, "compound"),
    (["Investigators believe the deaths were a murder-suicide."], 2, None, "compound"),
    (["The gunman turned the gun on himself as officers arrived."], 1, None, "individuals"),
    (["The suspect was shot dead by troopers after a short chase."], 1, None, "individuals"),
    (["A woman was shot in the neck on Friday night.", "She later died at the hospital."], 1, None, "individuals"),
    (["A man was shot on Elm Street.", "The victim was pronounced dead at the scene."], 1, None, "individuals"),
    (["A 40-year-old man was shot in the arm and is in stable condition."], None, 1, ""),
    (["A man was wounded in a shooting on Tuesday.", "He was treated and released."], None, 1, ""),
    (["Officers said no one was hurt."], None, None, ""),
    (["He threatened to kill his brother during the argument."], None, None, ""),
    # the same man five times is one man
    (["Kevin Marsh, 31, was shot and killed on Saturday.", "Marsh died at the scene.",
      "Police said Marsh had been shot twice.", "The man was a father of three."], 1, None, "individuals"),
    # a numeral toll wins over people described one by one
    (["Two people were killed in the shooting.", "A 19-year-old man died at the scene."], 2, None, "numeral"),
    # another year's death is not this story's
    (["Her husband was murdered in 2009, she said."], None, None, ""),
    # one dead and one wounded in a sentence: the wounded is not counted among the dead of that sentence, also when
    # a later sentence says she died
    (["Police said a 30-year-old man was killed and a woman was wounded in the diner shooting.",
      "The woman was taken to County General."], 1, 1, "individuals"),
    (["A father and his 4-year-old son were killed and a neighbor was hurt in the gunfire on Maple Court."], 2, 1,
     "enumeration"),
]


@pytest.mark.parametrize(("texts", "killed", "injured", "rule"), CASES, ids=[c[0][0][:40] for c in CASES])
def test_people_counted(texts, killed, injured, rule):
    head = _headline(*texts)
    got_killed = head.get("killed")
    got_injured = head.get("injured")
    assert (None if got_killed is None or pd.isna(got_killed) else int(got_killed)) == killed
    assert (None if got_injured is None or pd.isna(got_injured) else int(got_injured)) == injured
    if rule and rule != "numeral":
        assert f"({rule})" in head["killed_rule"]
    elif rule == "numeral":
        assert not head["killed_rule"].startswith("no numeral")


def test_people_figures_point_at_the_words_that_name_them():
    sentences = _sentences("Nothing happened here.", "Police said Andre Vance, 27, and Luis Ortega, 35, were killed.")
    text = " ".join(sentences["text"])
    _victims, people = read_people(sentences)
    row = people[people["category"] == "killed"].iloc[0]
    assert row["rule"] == "enumeration" and row["qualifier"] == "exact" and row["value"] == 2
    assert text[row["start"]:row["end"]] == row["number_text"] == "Andre Vance, 27, and Luis Ortega, 35"
    assert (row["status"], row["scope"], row["sentence_idx"]) == ("current", "total", 1)


def test_people_killed_one_by_one_are_taken_from_the_people_shot():
    heads = _headline("Five people were shot outside a corner store on Saturday night.",
                      "A 20-year-old man was shot and killed, police said.")
    assert (heads["killed"], heads["injured"]) == (1, 4)
    assert heads["injured_rule"].startswith("people shot minus the killed")


def test_a_triple_shooting_is_three_people_shot():
    heads = _headline("Detectives are investigating a triple shooting near the rail yard.",
                      "One man died at the scene.")
    assert (heads["killed"], heads["injured"]) == (1, 2)
