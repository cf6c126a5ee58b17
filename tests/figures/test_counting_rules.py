"""Headline counts from the way local reporters pair and frame them (issue 12): "one killed and another
wounded", a compound count that holds the numeral beside it, a count over a longer period in a story about
one wounded person.

Every sentence here is written for the test, in the style of local crime reporting; none is taken from an
article.
"""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.figures.ledger import add_people_figures, extract_figures, headline_figures
from analysis.figures.victims import read_people
from tests.figures.test_figures import sentences_frame


def _headline(*sentences: str) -> dict[str, object]:
    """The killed and injured headline of one article (people layer included) and their rules."""
    frame = sentences_frame("a", list(sentences))
    figures = extract_figures(frame)
    _victims, people = read_people(frame, figures=figures)
    heads = headline_figures(add_people_figures(figures, people))
    if heads.empty:
        return {"killed": None, "injured": None, "killed_rule": "", "injured_rule": ""}
    row = heads.iloc[0]
    out: dict[str, object] = {c: None if pd.isna(row[c]) else int(row[c]) for c in ("killed", "injured")}
    out.update({f"{c}_rule": row[f"{c}_rule"] for c in ("killed", "injured")})
    return out


@pytest.mark.parametrize("sentences, killed, injured", [
    (["Two hunters were killed and another critically injured near the reservoir on Saturday."], 2, 1),
    (["The ambush killed one deputy and wounded another, the sheriff's office said."], 1, 1),
    (["The crash of gunfire left one teenager dead and another in serious condition."], 1, 1),
    (["Five people are dead and another is hospitalized after the shooting at the warehouse."], 5, 1),
    (["She is charged with fatally shooting two customers and injuring another clerk."], 2, 1),
    # a number after "another" is the numeral's, and the numeral wins
    (["One clerk was killed and another three customers were wounded."], 1, 3),
    # "another" that is no person
    (["One man was killed, and another shooting was reported an hour later."], 1, None),
    (["One woman died and another incident left a car riddled with bullets."], 1, None),
    # a count over a longer period is no source of "another"
    (["Two people were killed this weekend in shootings across the city and another was wounded."], 2, None),
])
def test_another_one_hurt_beside_the_dead(sentences, killed, injured):
    head = _headline(*sentences)
    assert (head["killed"], head["injured"]) == (killed, injured)


def test_another_hurt_says_how_it_was_counted():
    head = _headline("Three people were killed and another critically injured on the farm road.")
    assert head["injured_rule"].endswith("(individuals)")


@pytest.mark.parametrize("sentences, killed", [
    # the compound counts the whole family, gunman included; the numeral counts the children
    (["Their two daughters were found dead beside them in what deputies called a triple murder-suicide."], 4),
    (["Deputies found a couple and their two grandchildren dead in what they called a triple murder-suicide."], 4),
    # equal counts: the numeral stays
    (["Two brothers were killed in a double homicide on the east side."], 2),
    # a compound in another sentence does not replace the numeral
    (["Two men were found dead in the garage on Monday.", "Neighbors said the street had seen a double homicide "
      "before."], 2),
])
def test_a_compound_holds_the_numeral_of_its_sentence(sentences, killed):
    assert _headline(*sentences)["killed"] == killed


def test_the_compound_says_it_replaced_the_numeral():
    head = _headline("Deputies found a couple and their two grandchildren dead in a triple murder-suicide.")
    assert head["killed_rule"].startswith("'triple murder-suicide' replaces")


@pytest.mark.parametrize("sentences, killed, injured", [
    # the story is about a wounded boy; the period's dead are the city's, not this shooting's
    (["A 6-year-old boy was wounded when a gun fired inside the family car on Sunday.",
      "Police said four people were hurt in the shooting.",
      "The city has recorded 14 shooting deaths this month."], None, 4),
    # with no count of its own of any kind, the period count stays the article's
    (["The city has recorded 14 shooting deaths this month, police said."], 14, None),
])
def test_a_period_count_of_the_dead_beside_this_events_wounded(sentences, killed, injured):
    head = _headline(*sentences)
    assert (head["killed"], head["injured"]) == (killed, injured)


@pytest.mark.parametrize("sentences, killed, injured", [
    # a hospital's name is no talk of the dead: the victims are the people shot
    (["Three teenagers were shot on Thursday, police said.",
      "All three victims were taken to Grady Memorial Hospital in stable condition."], None, 3),
    (["Two men were shot outside a corner store late Friday.",
      "Medics took both victims to Mercy Memorial, where they were listed in fair condition."], None, 2),
    # the same words in lower case, or opening the sentence, still speak of the dead
    (["Three teenagers were shot on Thursday, police said.",
      "A vigil and a memorial walk were held for the three victims on Sunday."], 3, None),
    (["Three teenagers were shot on Thursday, police said.",
      "Memorial services for the three victims will be held Sunday."], 3, None),
])
def test_victims_beside_a_hospital_name(sentences, killed, injured):
    head = _headline(*sentences)
    assert (head["killed"], head["injured"]) == (killed, injured)


@pytest.mark.parametrize("sentences, killed", [
    # his victims do not include the gunman, whose own death another sentence tells
    (["Deputies said a man shot his neighbor and her son before turning the gun on himself.",
      "The two victims were taken to a hospital, where they later died."], 3),
    (["Investigators are calling the deaths on Birch Lane a murder-suicide.",
      "Officers found the three dead victims in an upstairs bedroom."], 4),
    # no death of his own told: the victims are all
    (["Deputies said a man shot his neighbor and her son on Birch Lane.",
      "The two victims were taken to a hospital, where they later died."], 2),
    # a count of people, not of victims, may hold him: no addition
    (["Investigators are calling the deaths on Birch Lane a murder-suicide.",
      "Officers found three people dead in an upstairs bedroom."], 3),
    # an accident: the one who shot himself is the victim
    (["Police said the boy accidentally shot himself while his father was away.",
      "The two victims were taken to a hospital, where they later died."], 2),
])
def test_the_gunmans_own_death_beside_his_victims(sentences, killed):
    assert _headline(*sentences)["killed"] == killed


@pytest.mark.parametrize("sentences, injured", [
    # the hospital count holds the one who died there: the injured are three
    (["A quarrel outside a bar left one man dead and three others injured early Sunday.",
      "The gunfire sent four people to the hospital, police said."], 3),
    (["Two people were killed and four others were wounded at the block party.",
      "Medics took six victims to Regional Medical Center."], 4),
    # no death toll: the larger hospital count stays the headline
    (["Police said four people were wounded at the block party.",
      "Medics took five people to the hospital."], 5),
    # a hospital count that is not the wounded plus the dead stays the headline
    (["A quarrel outside a bar left one man dead and three others injured early Sunday.",
      "The gunfire sent six people to the hospital, police said."], 6),
])
def test_a_hospital_count_that_holds_the_dead(sentences, injured):
    assert _headline(*sentences)["injured"] == injured


@pytest.mark.parametrize("sentences, injured", [
    # "a fourth" counts the three dead before the one hurt
    (["Three men were killed outside the pool hall on Friday night.",
      "A fourth victim drove himself to the hospital, police said."], 1),
    (["One deputy was killed during the standoff.", "A second deputy was hurt by flying glass."], 1),
    # no dead: the ordinal is everyone hurt
    (["A fourth victim drove himself to the hospital, police said."], 4),
])
def test_an_ordinal_after_the_dead(sentences, injured):
    assert _headline(*sentences)["injured"] == injured


@pytest.mark.parametrize("sentences, killed, injured", [
    # "one of the N who died": the harm is the whole's; the one is a person in it
    (["Detectives named one of the two men who died in the crossfire on Friday."], 2, None),
    (["Prosecutors said one of the three women shot and killed at the diner was a cook there."], 3, None),
    (["He was one of five victims who were wounded when the gunman fired into the crowd."], None, 5),
    (["She is one of four people who had been hurt in the shooting at the depot."], None, 4),
    # a part of the whole that is more than one stays a part
    (["Three of the five people who were injured remain in the hospital."], None, 3),
    # the harm is the one's: the whole is no count of the dead
    (["One of the three victims died at the hospital on Sunday."], 3, None),
])
def test_one_of_the_people_who_died(sentences, killed, injured):
    head = _headline(*sentences)
    assert (head["killed"], head["injured"]) == (killed, injured)


@pytest.mark.parametrize("sentences, killed, injured", [
    # shootings tallied over hours are several incidents: not this shooting's wounded
    (["A man was killed outside a bar on Elm Street late Friday.",
      "It was a violent night as nine people were shot in a six-hour span, police said."], 1, None),
    (["A woman was killed on Grove Street on Saturday.",
      "She was one of two people killed and 14 shot over a ten-hour stretch across the city."], 1, None),
    # minutes are one event
    (["Five people were shot in a two-minute span outside the club, police said."], None, 5),
])
def test_shootings_tallied_over_hours(sentences, killed, injured):
    head = _headline(*sentences)
    assert (head["killed"], head["injured"]) == (killed, injured)
