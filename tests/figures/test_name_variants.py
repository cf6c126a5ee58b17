"""Names written the ways reporters vary them: initials for a first name, a nickname in quotes, capitals, victims
listed with their ages. Sentences invented."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.figures.name_patterns import index_full_names, read_capitals
from analysis.figures.victims import extract_victims
from tests.figures.test_individuals import _sentences


@pytest.mark.parametrize("text, surname, full", [
    ("Deputies said R.J. Tolliver was at the house.", "tolliver", "R.J. Tolliver"),
    ("Friends of T.J. Mace met on Sunday.", "mace", "T.J. Mace"),
    ('Officers found Dwayne "Boo" Rankin in the hall.', "rankin", "Dwayne Rankin"),
    ("Neighbours called Lyle ‘Tiny’ Forde a good man.", "forde", "Lyle Forde"),
])
def test_full_names_with_initials(text, surname, full):
    names, _ = index_full_names(pd.DataFrame({"article_id": ["a"], "text": [text]}))
    assert names["a"][surname] == full


CASES = [
    # (text of the article, [(name, outcome, role), ...])
    ("Police said D.J. Harlan, 19, was shot and killed Sunday. Harlan was a cook.", [("D.J. Harlan", "killed", "victim")]),
    ("Deputies are investigating the death of R.W. Penn at his farm. They said Roy W. Penn, 70, was found dead.",
     [("R.W. Penn", "killed", "victim")]),
    # a nickname in quotes is no part of the name, and the parser reads the sentence without it
    ('Deputies arrested Carlos "Chuy" Rendon, 22, and Otis “Big O” Faulk, 31, on Friday.',
     [("Carlos Rendon", "unknown", "shooter"), ("Otis Faulk", "unknown", "shooter")]),
    ('A man was shot and killed on Elm Street. The victim was identified as Marvin "Peanut" Tolbert.',
     [("Marvin Tolbert", "killed", "victim")]),
    ('Officers found 61-year-old Harold "Hal" Peter Voss of Linden shot to death in his garage.',
     [("Harold Peter Voss", "killed", "victim")]),
    ('Neighbors said "Get down" Lee shouted before a man was wounded.', [("", "injured", "victim")]),
    # a list after "the dead are" / "the wounded were" names people with that outcome
    ("Two men died in the crash of gunfire. The dead were Omar Pike, 30, and Ned Salas, 41.",
     [("", "killed", "victim"), ("Omar Pike", "killed", "victim"), ("Ned Salas", "killed", "victim")]),
    ("Gunfire broke out at the fair. The wounded were Ida Crane and Lou Becker.",
     [("Ida Crane", "injured", "victim"), ("Lou Becker", "injured", "victim")]),
    # a name in capitals in a sentence in lower case
    ("A woman was shot and killed Friday. Deputies identified her as LORNA BEXLEY, 44, of Milton.",
     [("Lorna Bexley", "killed", "victim")]),
    ("Police said DARNELL O'HARE JR. was shot in the arm and is in stable condition.",
     [("Darnell O'Hare Jr.", "injured", "victim")]),
]


@pytest.mark.parametrize(("text", "people"), CASES, ids=[c[0][:40] for c in CASES])
def test_names_as_reporters_vary_them(text, people):
    from analysis.ingest.text import split_sentences

    victims = extract_victims(_sentences(*[text[a:b] for a, b in split_sentences(text)]), None)
    assert [(r.name, r.outcome, r.role) for r in victims.itertuples()] == people


@pytest.mark.parametrize("text, read", [
    ("Police said GRETA HOLM, 30, died.", "Police said Greta Holm, 30, died."),
    ("The suspect, IVAN DRESSLER, was held.", "The suspect, Ivan Dressler, was held."),
    ("He shot CAL MOSS and ED FRY.", "He shot Cal Moss and Ed Fry."),
    ("BOISE, Idaho (AP) - A man died.", "BOISE, Idaho (AP) - A man died."),  # a dateline
    ("TULSA (KTUL) - A man died.", "TULSA (KTUL) - A man died."),
    ("BREAKING NEWS: A man was shot.", "BREAKING NEWS: A man was shot."),  # a banner
    ("The FBI SWAT team was there.", "The FBI SWAT team was there."),
    ("SOMEONE OPENED FIRE on the porch.", "SOMEONE OPENED FIRE on the porch."),  # no name expected there
    ("A MAN WAS SHOT ON MAIN STREET.", "A MAN WAS SHOT ON MAIN STREET."),  # a sentence all in capitals
])
def test_names_in_capitals_read_in_title_case(text, read):
    assert read_capitals(pd.Series([text])).tolist() == [read]


QUIET = ['"Nothing like this happens here," one neighbour said.', "The street is lined with maples and small yards.",
         '"I heard a bang and looked out," another resident said.', "Crews worked through the evening."]


def test_quiet_sentences_take_no_place_in_the_lede_and_what_they_push_out_is_named_not_counted():
    lede = ["A man was shot and killed on Birch Road on Sunday.", "Deputies arrived within minutes."]
    late = ["Police are searching for Wendell Probst, 38, of Dover."]
    victims = extract_victims(_sentences(*lede, *(QUIET * 4), *late), None)
    assert [(r.name, r.outcome, r.role) for r in victims.itertuples()] == [
        ("", "killed", "victim"), ("Wendell Probst", "unknown", "shooter")]
