"""A title that counts only people wounded sets aside the text's death tolls
(``analysis.figures.wounded_titles``).

Titles and sentences here are invented, in the manner of local shooting reports."""

from __future__ import annotations

import pytest

from analysis.figures.ledger import extract_figures
from analysis.figures.wounded_titles import wounded_title_articles
from tests.figures.test_individuals import _sentences
from tests.figures.test_titles import _tables, _value

_QUIET = ["Officers closed the street for several hours.", "Residents described the street as usually calm."]


@pytest.mark.parametrize("title, texts", [
    # a linked story's headline among the text
    ("Four wounded outside Lakeview cinema",
     ["A gunman opened fire on a line of moviegoers at the Lakeview cinema on Friday night, wounding four people.",
      *_QUIET, "Man charged with murder in the death of his neighbor"]),
    # the funeral the shooting broke out at
    ("3 injured in shooting at Eastgate funeral home",
     ["Three men were injured by gunfire outside a funeral home on Tuesday, police said.", *_QUIET,
      "Mourners had gathered for Darnell Fisk, who was killed in a crash last month."]),
    # an earlier killing recalled without a date the background rules read
    ("8 hurt as gunfire erupts at Riverside block party",
     ["Eight people were hurt when two men opened fire at a block party late Saturday, police said.", *_QUIET,
      "A teenager was shot and killed on the same block in the spring."]),
])
def test_wounded_title_sets_aside_the_texts_dead(title, texts):
    figures, heads = _tables(title, *texts)
    assert _value(heads, "killed") is None
    assert (figures["category"].eq("killed") & figures["status"].eq("background")).any()


@pytest.mark.parametrize("title, texts, killed", [
    # one of the title's wounded died after it was written
    ("3 hospitalized after Northside shooting",
     ["Three people were taken to hospitals after a shooting early Sunday in Northside.", *_QUIET,
      "A hospital spokesman said Monday evening that one of the three has died of his wounds."], 1),
    ("Five wounded in shooting at Pine Street bar",
     ["Gunfire inside a Pine Street bar on Friday left five people wounded.", *_QUIET,
      "Of those taken to Mercy General, one died overnight."], 1),
    # a developing story's lede tells the dead under a title written for its first report
    ("More than 40 injured in Kesra market blast",
     ["At least 12 people were killed and more than 40 injured when a bomb exploded in the Kesra market on Friday.",
      *_QUIET], 12),
    # the title tells a death besides the wounded
    ("Teen dead, 4 injured in Maple Avenue shooting",
     ["Gunfire on Maple Avenue killed a 17-year-old and hurt four other people late Saturday, police said.",
      *_QUIET], 1),
    # people shot hold the dead
    ("7 shot at Elm Street park cookout",
     ["Someone in a passing car fired at a cookout in Elm Street park on Monday, hitting seven people, two of whom "
      "died.", *_QUIET], 2),
    # one person wounded, no count: such titles precede a later death too often
    ("Stray round wounds boy, 9, in Fairview",
     ["A round fired on the next street went through a window in Fairview on Sunday and struck a boy of 9.", *_QUIET,
      "The boy died at the hospital on Monday."], 1),
])
def test_death_toll_kept(title, texts, killed):
    figures, heads = _tables(title, *texts)
    assert _value(heads, "killed") == killed
    assert not (figures["category"].eq("killed") & figures["status"].eq("background")).any()


def test_only_titles_with_a_wound_word_and_no_death_word_are_read():
    figures = extract_figures(_sentences("Two men were killed in Lakeview on Friday."))
    assert wounded_title_articles(figures, {"a": "Four wounded in Lakeview shooting"}) == {"a"}
    assert wounded_title_articles(figures, {"a": "Four wounded, one killed in Lakeview shooting"}) == set()
    assert wounded_title_articles(figures, {"a": "Four shot in Lakeview"}) == set()
