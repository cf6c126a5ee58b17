"""Headline counts as US local news tells them without a number (issue 12): the gunman's own death beside his
victims, a condition told in its own sentence, a death told after the count of the wounded.

Every sentence here is written for the test, in the style of local crime reporting; none is taken from an
article.
"""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.figures.ledger import add_people_figures, extract_figures, headline_figures
from analysis.figures.victims import read_people
from tests.figures.test_figures import sentences_frame


def _headline(*sentences: str) -> dict[str, int | None]:
    """The killed and injured headline of one article, people layer included, as the pipeline reads it."""
    frame = sentences_frame("a", list(sentences))
    figures = extract_figures(frame)
    _victims, people = read_people(frame, figures=figures)
    heads = headline_figures(add_people_figures(figures, people))
    if heads.empty:
        return {"killed": None, "injured": None}
    row = heads.iloc[0]
    return {c: None if pd.isna(row[c]) else int(row[c]) for c in ("killed", "injured")}


@pytest.mark.parametrize("sentences, killed, injured", [
    # his own death in the sentence that tells whom he killed: one more dead, however it is worded
    (["Deputies say a man shot and killed his brother before killing himself in the barn."], 2, None),
    (["A man killed his former girlfriend before turning the gun on himself, police said."], 2, None),
    (["Troopers said the driver shot his passenger and killed a clerk before turning the gun on himself."], 2, None),
    (["Detectives believe a retired teacher killed his two grandsons and himself on Sunday."], 3, None),
    (["A woman fatally shot her husband, then turns the gun on herself, in the account deputies gave."], 2, None),
    # ... and not when he only protected himself, or killed no one
    (["A clerk said he fired to protect his customers and himself."], None, None),
    (["Police said a man was shot in the arm before barricading himself in a shed."], None, 1),
])
def test_the_gunman_who_killed_himself_among_his_victims(sentences, killed, injured):
    assert _headline(*sentences) == {"killed": killed, "injured": injured}


@pytest.mark.parametrize("sentences, killed, injured", [
    # someone shot, whose condition the next sentence gives, is injured also beside a death
    (["A man was killed and a teenager was shot near the bus depot on Friday.", "The teen is in stable condition."],
     1, 1),
    (["A woman died and her nephew was shot in the hip.", "He was treated and released on Saturday."], 1, 1),
    (["Two brothers were killed.", "A cousin who was also shot remains hospitalized."], 2, 1),
    # ... and someone the shooting story describes only by their condition is injured
    (["Deputies said the 6-year-old is expected to survive."], None, 1),
    (["A 9-year-old girl suffered non-life-threatening injuries when a bullet came through the wall."], None, 1),
    (["The girl's injuries are not life-threatening, a police spokesman said."], None, 1),
    (["The crash that killed a driver left a woman in critical condition."], 1, 1),
    (["The boy was taken to Mercy Hospital with what officers described as non-life-threatening injuries."],
     None, 1),
    # the same person twice is one, and a dead person stays dead
    (["A 30-year-old man was shot in the back on Elm Street.", "He is listed in critical condition."], None, 1),
    (["A clerk was shot during the robbery.", "She was in critical condition before she died on Monday."], 1, None),
    # nobody new: no one, every one of them, an obituary, a thing
    (["A man was killed on Pine Street.", "None of the other injuries were life-threatening."], 1, None),
    (["A man was killed on Pine Street.", "He is survived by his wife and two daughters."], 1, None),
    (["A man was killed on Pine Street.", "The house was in good condition, neighbors said."], 1, None),
])
def test_a_condition_told_in_its_own_sentence(sentences, killed, injured):
    assert _headline(*sentences) == {"killed": killed, "injured": injured}


@pytest.mark.parametrize("sentences, killed", [
    # a death foretold in a quotation is no death
    (["A man was shot in the arm on Main Street.", "\"I thought he was going to die,\" a neighbor said."], None),
])
def test_a_death_someone_feared_is_no_death(sentences, killed):
    assert _headline(*sentences)["killed"] == killed


@pytest.mark.parametrize("sentences, killed", [
    # the ones a list of the dead goes on to call hurt are not among the dead
    (["The gunfire left one dead and three others in serious condition."], 1),
    (["The ambush left one man dead and four others, including a deputy, wounded."], 1),
    # ... but a list that ends at its own verb, or at the harm word, keeps all of its dead
    (["A woman and her uncle were killed and a boy was wounded."], 2),
    (["Gunmen opened fire on the porch, leaving a father and his son dead, and two neighbors wounded."], 2),
    (["Police said the gunman killed a cashier and two customers."], 3),
])
def test_the_hurt_listed_after_the_dead(sentences, killed):
    assert _headline(*sentences)["killed"] == killed


def _figures(*sentences: str) -> list[tuple[str, int]]:
    frame = extract_figures(sentences_frame("a", list(sentences)))
    return [(c, int(v)) for c, v in zip(frame["category"], frame["value"])]


@pytest.mark.parametrize("sentence, expected", [
    # ages listed after the people they belong to are no counts
    ("A second gunman wounded two women, 23 and 31, who were sitting on a stoop.", [("injured", 2)]),
    ("The crash killed three teens, 15, 16 and 17.", [("killed", 3)]),
    ("Dana Cole, 28 and Rita Mays, 25 both of Eastfield were treated for gunshot wounds.", []),
    # ... while counts listed after a count stay counts
    ("The blast killed two guards, 14 civilians and a driver.", [("killed", 2), ("killed", 14)]),
    ("Two people were killed, 3 others wounded.", [("killed", 2), ("injured", 3)]),
    # a count of wounds is not a count of people shot; a station is no count
    ("The boy is recovering from the six gunshot wounds he suffered on Friday.", []),
    ("Officers found three victims with gunshot wounds.", [("shot", 3), ("injured", 3)]),
    ("A witness told 5 Action News that a man was shot and killed.", []),
    # a parent "of four" is one person, not four
    ("A father of four was shot and killed outside his home.", []),
    ("Police said the mother of three was wounded in the arm.", []),
])
def test_numbers_that_count_nobody(sentence, expected):
    assert _figures(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    # those who shot and killed someone are the shooters, not the dead
    ("Two deputies who shot and killed a man at a traffic stop were cleared on Monday.", []),
    ("Two men were shot and killed a block from the school.", [("killed", 2)]),
    # an attempted murder killed nobody
    ("The pair is charged with the attempted murder of three officers.", []),
    # a clause on the shooting tells the shooting's toll, not the count's
    ("Police questioned two neighbors about a shooting that left a woman dead.", []),
    ("Six hikers who set out on Saturday were found dead.", [("killed", 6)]),
])
def test_counts_that_are_not_the_dead(sentence, expected):
    assert _figures(sentence) == expected


@pytest.mark.parametrize("sentences, killed, injured", [
    # people shot whose sentence says they live are the wounded, apart from the dead
    (["Two men were killed in the parking lot.",
      "Three victims were taken to a hospital for treatment of non-life-threatening injuries."], 2, 3),
    # ... but people shot with no word on their fate hold the dead
    (["Five people were shot and two of them died."], 2, 3),
])
def test_people_shot_who_live_are_apart_from_the_dead(sentences, killed, injured):
    assert _headline(*sentences) == {"killed": killed, "injured": injured}


@pytest.mark.parametrize("sentence, expected", [
    # people a harm did not reach are no count of the harmed
    ("The two passengers in the pickup were not injured, deputies said.", []),
    ("A third boy who was in the yard was not hurt.", []),
    ("The driver and two other children weren't hurt in the crash.", []),
    ("Four officers had never been shot at before that night.", []),
    # ... but "not seriously" hurt are hurt
    ("The other two were not seriously injured.", [("injured", 2)]),
])
def test_people_the_harm_did_not_reach(sentence, expected):
    assert _figures(sentence) == expected
