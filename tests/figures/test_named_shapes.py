"""Named people in shapes an audit of unlabelled real articles found the people layer missing. Sentences invented.

Each case is a way reporters name someone harmed or the one who fired, written here in our own words; the people
layer (``analysis.figures.victims`` and the modules it calls) must give each expected (name, outcome) a row of
``victims`` ("" standing for any outcome), and no row to the names in ``NOT_NAMED``."""

from __future__ import annotations

import pytest

from tests.figures.test_victim_reporting import assert_named, named_rows

CASES = [
    # a family word the parser makes the head, with a first name in apposition: "his wife Ruth"
    (["Lou Baker shot his wife Ruth at their farmhouse on Sunday night."], [("Ruth", ""), ("Lou Baker", "")]),
    (["Dana Reyes said her son, Dario, was shot in the arm outside the gym."], [("Dario", "injured")]),
    # a name told alive in its own sentence is not the one told dead before without a name
    (["A woman was killed in the shooting at the bar.", "Ray Lund was wounded in one hand and was treated and released."],
     [("Ray Lund", "injured")]),
    (["A man was shot dead outside the club.", "Lia Park, 30, was wounded too and remains in stable condition."],
     [("Lia Park", "injured")]),
    # ... but one told hurt in words that a death may have followed still is
    (["The girl, 4, who was shot at a motel, has died.", "Kim Lu had been critically hurt in that shooting."],
     [("Kim Lu", "killed")]),
    (["A man was killed early Sunday.", "The man, identified as Ted Ames, was taken to Bay General in critical "
      "condition.", "He died an hour later."], [("Ted Ames", "killed")]),
    # a group identified, told alive as a whole in the sentence next to it, in an article with a death
    (["Gunfire from a passing car hit four people on Friday, and one man died.", "Al Moss, 24, was "
      "pronounced dead there.", "Three others hurt are in stable condition.", "They were identified as Bo Kerr, 24, "
      "Cy Lund, 23, and Dee Ray, 22."], [("Al Moss", "killed"), ("Bo Kerr", "injured"), ("Cy Lund", "injured"),
                            ("Dee Ray", "injured")]),
    (["Ray Cole, 40, was killed in a shooting outside a club on Saturday.", "Deputies identified the other victims "
      "as Bo Kerr, 24, and Cy Lund, 23.", "Both remain hospitalized in fair condition."],
     [("Bo Kerr", "injured"), ("Cy Lund", "injured")]),
    (["Reed then wounded three shoppers near a grocery store.", "Those victims were Al Moss, 70, Bo Kerr, 69, "
      "and Cy Lund, 50.", "All three were released from the hospital the next day."],
     [("Al Moss", "injured"), ("Bo Kerr", "injured"), ("Cy Lund", "injured")]),
    # ... but "the other victims" told alive are people besides those named
    (["Three people died and four were hurt when a gunman sprayed a crowd with bullets.", "The other victims are all "
      "recovering at Bay General.", "Officers identified the victims as Bo Kerr, 24, Cy Lund, 23, and Dee Ray, 22."],
     [("Bo Kerr", "killed"), ("Cy Lund", "killed"), ("Dee Ray", "killed")]),
    # the one handling a gun when it goes off fired it
    (["A boy was hurt at a farm on Friday.", "Police said Hal Dorn, 52, was cleaning his shotgun in the barn when "
      "it discharged."], [("Hal Dorn", "unknown")]),
    (["As Nell Ives was unloading her pistol, it went off, striking Joy Park in the hip."],
     [("Nell Ives", ""), ("Joy Park", "injured")]),
    (["A teenager was killed on Saturday.", "Lon Pratt was showing Eli Fox a revolver when it went off."],
     [("Lon Pratt", "")]),
    # the victims listed after "those victims were", "the other victims were", "were:", or as family words with names
    (["Ann Lee, 30, died and four others were wounded at a block party.", "The other victims were Al Moss, "
      "Bo Kerr, Cy Lund and Dee Ray."], [("Al Moss", ""), ("Bo Kerr", ""), ("Cy Lund", ""), ("Dee Ray", "")]),
    (["Reed then wounded three shoppers near a grocery store.", "Those victims were Al Moss, 70, Bo Kerr, 69, "
      "and Cy Lund, 50."], [("Al Moss", ""), ("Bo Kerr", ""), ("Cy Lund", "")]),
    (["Two men were killed on Friday.", "A cousin said the murder victims were an uncle, Al Moss, and a nephew, "
      "Bo Kerr."], [("Al Moss", "killed"), ("Bo Kerr", "killed")]),
    (["Five people were shot dead inside a farmhouse.", "Besides Ann Lee, the victims were: Al Moss, 11; Bo Moss, "
      "9; Cy Lund, 8; Dee Lund, 5."], [("Al Moss", ""), ("Bo Moss", ""), ("Cy Lund", ""), ("Dee Lund", "")]),
    # a list the parser hangs on each one's town
    (["Reed then wounded three shoppers near a grocery store.", "Those victims were Al Moss, 70, of Troy, Bo "
      "Kerr, 69, of Salem, and Cy Lund Jr., 50, of Salem."],
     [("Al Moss", ""), ("Bo Kerr", ""), ("Cy Lund Jr.", "")]),
]


@pytest.mark.parametrize(("texts", "people"), CASES, ids=[c[0][-1][:40] for c in CASES])
def test_named_people(texts, people):
    assert_named(texts, people)


NOT_NAMED = [
    # a relative named beside a family word who is not said to be harmed
    (["A man was shot and killed on Elm Street.", "His brother Ray said the family was stunned."], "Ray"),
    (["A man was shot and killed on Elm Street.", "Police are questioning his cousin Mel about the shooting."],
     "Mel"),
    # someone near a gun that went off, not said to hold it; two who held it together, neither said to fire
    (["A boy was hurt at a farm on Friday.", "Hal Dorn was sitting in the kitchen when the gun went off."], "Hal Dorn"),
    (["A girl was killed on Friday.", "Nell Ives and Lon Pratt were passing the rifle around when it fired."], "Lon Pratt"),
    # a newspaper, a company, a kind of person, "somebody": no one's name
    (["A boy, 6, has died after a shooting at his home.", "According to the Valley Tribune, how the boy was shot was "
      "not yet clear."], "Valley Tribune"),
    (["A 3-year-old boy found a pistol in a drawer and shot himself in the chest, deputies said.",
      "3-year-old boy fatally shoots himself © 2016 Lakeside Media Group."], "Lakeside Media Group"),
    (["A woman was shot and killed, and two people who ran to help her were also hit.", "The two good Samaritans "
      "are recovering, police said."], "Samaritans"),
    (["A girl, 8, was shot in the leg.", '"Somebody had a gun out and it hit her," the caller told the '
      "dispatcher."], "Somebody"),
    # a town after a town is no next person of a list
    (["Police said Ray Cole, of Port Alma, Cedar Point, was shot in the leg."], "Cedar Point"),
]


@pytest.mark.parametrize(("texts", "name"), NOT_NAMED, ids=[c[0][-1][:40] for c in NOT_NAMED])
def test_not_named(texts, name):
    rows = named_rows(texts)
    assert name not in {n for n, _ in rows}, rows
