"""People counted hurt or shot who died since (``analysis.figures.died_since``): a developing story's later deaths.

Titles and sentences are invented, in the manner of local reports written while a story develops."""

from __future__ import annotations

import pytest

from analysis.figures.died_since import opening, tells_death_since
from tests.figures.test_titles import _tables, _value


@pytest.mark.parametrize("title, texts, killed, injured", [
    # a part of the people shot, told dead in a later sentence: the dead come out of the shot
    ("Four shot near Harbor Street tavern",
     ["Four men were shot near a tavern on Harbor Street late Friday, officers said.",
      "One of the victims has died, a police spokesman said on Saturday.",
      "The remaining three are listed in stable condition."], 1, 3),
    ("Gunfire outside Elm Street club",
     ["Detectives said five people were shot outside the club shortly after 1 a.m.",
      "One of the victims was pronounced dead at Mercy General."], 1, 4),
    ("Gunfire outside Elm Street club",
     ["Detectives said five people were shot outside the club, one of them fatally.",
      "One of the patrons has since died, detectives said Tuesday."], 2, 3),
    # a part of the wounded: the wounded count is superseded, the dead are its part
    ("Seven hurt as shots ring out at county fair",
     ["Seven people were hurt when a man fired into the crowd at the county fair on Sunday.",
      "Three of the injured have since died, the sheriff said Wednesday."], 3, 4),
    ("Two dead in shooting at gas station",
     ["Two clerks were killed and four customers were wounded at the station on Thursday.",
      "One of the wounded succumbed on Friday morning, the coroner said."], 3, 3),
    # a person told wounded, then dead: added to the dead told beside them
    ("Two dead in shooting at trailer park",
     ["Two brothers were killed and their aunt was wounded at the trailer park on Monday.",
      "The aunt died in hospital on Tuesday, the coroner said."], 3, None),
    ("Shooting at corner store",
     ["A clerk was shot dead and his nephew was wounded in the robbery on Monday.",
      "He succumbed to his injuries on Wednesday, police said."], 2, None),
    ("Three wounded on Birch Avenue",
     ["Three people were wounded on Birch Avenue on Friday, among them Lena Ortiz, 44.",
      "Ortiz died Sunday at Valley Medical Center."], 1, 2),
    # an ordinal death after a toll and a count of the wounded: the wounded lose the new dead
    ("Two killed at block party",
     ["Two teens were killed and five people were wounded at a block party on Saturday.",
      "A third victim has died, police said Monday."], 3, 4),
])
def test_later_deaths_move_people_from_the_hurt_to_the_dead(title, texts, killed, injured):
    _figures, heads = _tables(title, *texts)
    assert (_value(heads, "killed"), _value(heads, "injured")) == (killed, injured)


@pytest.mark.parametrize("title, texts, killed, injured", [
    # the dead told again ("have died" of a group that holds the dead), not since
    ("Two dead after parking lot shooting",
     ["Two men died and three were hurt in a parking lot shooting Sunday.",
      "Two of those shot have died, the chief said in a statement."], 2, 3),
    # "one fatally" before: "died at the hospital" may be that one
    ("Gunfire outside Elm Street club",
     ["Detectives said five people were shot outside the club, one of them fatally.",
      "One of the patrons was pronounced dead at Mercy General."], 1, 4),
    # a recap of another shooting, dated by a year: nothing moves
    ("Four shot outside Pine Street club",
     ["Four people were shot outside the club on Friday.",
      "In 2019, one of the victims of an earlier shooting at the club later died."], None, 4),
    # a death taken back: the wounded stay six (the people layer reads the report's dead, its own known miss: not
    # checked here)
    ("Six hurt at county fair",
     ["Six fairgoers were hurt by gunfire near the county fair's gate.",
      "A deputy said an initial report that one of the injured had died was incorrect."], ..., 6),
    # another clause: the part is alive, someone else died
    ("Three shot on Cedar Lane",
     ["Three people were shot on Cedar Lane on Friday.",
      "One of those shot is stable, but another has died."], None, 3),
    # someone told wounded and still alive
    ("Husband killed, wife hurt on Oak Street",
     ["A man was shot dead and his wife was wounded on Oak Street on Friday.",
      "His wife is listed in critical condition tonight."], 1, 1),
])
def test_what_is_no_later_death_of_the_counted_moves_nothing(title, texts, killed, injured):
    figures, heads = _tables(title, *texts)
    assert _value(heads, "injured") == injured
    assert killed is ... or _value(heads, "killed") == killed
    made = figures[figures["figure_id"].str.contains(":died-since:", regex=False)]
    assert made.empty


def test_the_rule_says_what_moved_and_points_at_both_sentences():
    first = "Four men were shot near a tavern on Harbor Street late Friday, officers said."
    update = "One of the victims has died, a police spokesman said on Saturday."
    figures, heads = _tables("Four shot near Harbor Street tavern", first, update)
    head = heads.iloc[0]
    assert head["killed_rule"].startswith("4 shot, 1 of them later died: ")
    assert head["injured_rule"].startswith("4 shot, 1 of them later died: ")
    for category in ("killed", "injured"):
        row = figures[figures["figure_id"] == head[f"{category}_figure_id"]].iloc[0]
        assert row["sentence"] == f"{first} … {update}"
        assert row["rule"] == "derived"


def test_the_wounded_count_a_death_replaces_is_superseded():
    figures, heads = _tables("Seven hurt as shots ring out at county fair",
                             "Seven people were hurt when a man fired into the crowd at the county fair on Sunday.",
                             "Three of the injured have since died, the sheriff said Wednesday.")
    seven = figures[(figures["category"] == "injured") & (figures["value"] == 7)]
    assert list(seven["status"]) == ["superseded"]
    assert heads.iloc[0]["injured_rule"].startswith("7 wounded, 3 of the wounded later died: ")


@pytest.mark.parametrize("figure_id, expected", [
    ("a:10-13:killed:died-since:shot:4:1:0", "4 shot, 1 of them later died: "),
    ("a:10-13:killed:died-since:shot:5:1:1", "5 shot, 1 killed, 1 more of them later died: "),
    ("a:0-5:injured:died-since:injured:6:2:0", "6 wounded, 2 of the wounded later died: "),
    ("a:0-5:killed:died-since:injured:4:1:2", "2 killed and 4 wounded, 1 of the wounded later died: "),
    ("a:70-79:killed:died-since:person:0:1:2", "2 killed, and 1 told wounded later died: "),
    ("a:0-4:injured", ""),
])
def test_opening(figure_id, expected):
    assert opening(figure_id) == expected


@pytest.mark.parametrize("sentence, told", [
    ("The second man died early Sunday at County General.", True),
    ("She later died at a trauma center.", True),
    ("He succumbed to his wounds on Tuesday.", True),
    ("The pair were pronounced dead by medics.", True),  # a death; whose, the rule reads from the count before it
    ("The man died in the crash.", False),
    ("No one else was hurt.", False),
])
def test_a_death_since_is_told_in_these_words(sentence, told):
    assert tells_death_since(sentence) is told
