"""The dead a title lists with the gunman's own death (``analysis.figures.title_lists``).

Titles and sentences here are invented, in the manner of local shooting reports."""

from __future__ import annotations

import pytest

from analysis.figures.title_lists import listed_with_the_shooter
from tests.figures.test_titles import _tables, _value


@pytest.mark.parametrize("title, value", [
    ("Man kills ex-wife, her brother, himself in Dayton", 3),
    ("Sheriff: Mother kills husband, son, daughter, then herself", 4),
    ("Gunman kills 4 coworkers, self at warehouse", 5),
    ("Gunman Fatally Shoots Two Clerks, Self in Toledo", 3),
    ("Police: Man shot his neighbors, killing 2, then killed himself", 3),
    ("Father shot and killed 8-year-old son, himself, police say", 2),
    ("3 guards, shooter dead in jail shooting", 4),
    ("Two clerks and a gunman are dead after store robbery", 3),
    # how many is not said, a dog is nobody, an accident's dead is its victim
    ("Man kills his mother, cousins, self at farm", None),
    ("Man kills wife, two kids and a dog before shooting himself", None),
    ("Boy accidentally kills himself with father's rifle", None),
    # the gunman first, or already in the list, or only wounding
    ("Man Kills Himself And 2 Sons In Garage", None),
    ("3 people, including the gunman, dead in Reno", None),
    ("Man shoots wife, then himself in driveway", None),
    ("Deputy Hurt, one suspect dead after chase", None),
])
def test_listed_with_the_shooter(title, value):
    found = listed_with_the_shooter(title)
    assert (found[0] if found else None) == value


@pytest.mark.parametrize("title, texts, killed, injured", [
    # the text counts the victims and tells his death apart: the title's list holds both
    ("Man kills ex-wife, her brother, himself in Dayton",
     ["Police said a man shot and killed his ex-wife and her brother at their home.",
      "Officers later found him dead in his truck."], 3, None),
    ("Gunman kills 4 coworkers, self at warehouse",
     ["Four employees were killed and two others were wounded Monday at a warehouse.",
      "The gunman then walked outside and shot himself."], 5, 2),
    # a text toll larger than the title's list wins
    ("Man kills ex-wife, her brother, himself in Dayton",
     ["Four people were killed, police said Tuesday."], 4, None),
])
def test_title_list_in_headline(title, texts, killed, injured):
    _figures, heads = _tables(title, *texts)
    assert _value(heads, "killed") == killed
    assert _value(heads, "injured") == injured


def test_title_list_rule_says_so():
    _figures, heads = _tables("Man kills ex-wife, her brother, himself in Dayton",
                              ["Police said a man shot and killed his ex-wife and her brother at their home."])
    assert heads.iloc[0]["killed_rule"].startswith("from the title, its dead listed with the gunman's own death")
