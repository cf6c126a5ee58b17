"""Later death tolls of other incidents set aside where the title and the text agree on a smaller one
(``analysis.figures.title_tolls``).

Titles and sentences here are invented, in the manner of local shooting reports."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis import schema
from analysis.figures.ledger import headline_figures
from analysis.figures.titles import add_title_figures, title_figures
from analysis.figures.title_tolls import (late_list_articles, lists_people, tells_a_change, title_over_late_list,
                                         title_tolls)
from tests.figures.test_titles import _tables, _value

_QUIET = ["Officers closed the street for several hours.", "Residents described the street as usually calm."]


@pytest.mark.parametrize("title, listed", [
    ("Three adults and a toddler killed in Pinecrest murder-suicide", True),
    ("Elmwood man, two daughters dead in apparent murder-suicide", True),
    ("Suspect held after woman and her grandson slain in Brookvale", True),
    ("Mother and son shot dead at Ridge Road home", True),
    ("Police: man, woman found dead in apartment", True),
    # an age after a person, counts of different harms, a list of no people
    ("Girl, 6, dies after shooting in Fairview", False),
    ("Man,22, charged in Lakeside fatal shooting", False),
    ("1 dead, 3 wounded in Eastgate shooting", False),
    ("Carl Brandt killed, two men wounded in Northside shooting", False),
    ("Guns, cash found at scene of Millbrook triple homicide", False),
])
def test_lists_people(title, listed):
    assert lists_people(title) is listed


@pytest.mark.parametrize("title, texts, killed", [
    # another shooting recalled further down, no date or period cue the background rules know
    ("1 dead, 3 wounded in Eastgate shooting",
     ["A gunman shot four men outside a Eastgate corner store on Tuesday night, leaving one dead, police said.",
      *_QUIET, "Detectives think the gunman belongs to a crew blamed for an attack on Cole Avenue that "
      "left two dead and one wounded."], 1),
    # one of a night's dead, told as a tally the period rules do not read
    ("Boy, 15, dies after pistol goes off at sleepover",
     ["A 15-year-old boy died late Saturday when a friend's handgun fired as it was passed around, deputies said.",
      *_QUIET, "He was one of two teens killed by gunfire in Lane County in as many days, the sheriff said."], 1),
    # an earlier killing at the same place
    ("Victims of triple homicide at Elm Street tavern named",
     ["Deputies released the names of the three men who died after gunfire broke out in an Elm Street tavern on Sunday.",
      *_QUIET, "The bar was also where five people were killed in a 2009 fight."], 3),
    # an earlier official's count told late
    ("8 dead in shooting at Ridgeline school",
     ["At least eight people died Monday after a man with a rifle fired into a classroom, officials said.",
      *_QUIET, "Earlier, the county sheriff said 11 people had been killed."], 8),
])
def test_later_larger_toll_set_aside(title, texts, killed):
    figures, heads = _tables(title, *texts)
    assert _value(heads, "killed") == killed
    assert (figures["status"] == "background").any()


def test_set_aside_toll_rule_says_so():
    _figures, heads = _tables(
        "1 dead, 3 wounded in Eastgate shooting",
        "A gunman shot four men outside a Eastgate corner store on Tuesday night, leaving one dead.", *_QUIET,
        "Detectives think the gunman belongs to a crew blamed for an attack on Cole Avenue that left two dead.")
    assert heads.iloc[0]["killed_rule"] == "only current whole-event figure (1 background set aside)"


@pytest.mark.parametrize("title, texts, killed", [
    # the text gives the title's toll nowhere: its larger toll stands
    ("1 dead in Eastgate shooting",
     ["Two men were killed in a shooting in Eastgate on Tuesday night, police said.", *_QUIET], 2),
    # the larger toll is the lede's, in the text's first two sentences
    ("Man killed in Eastgate shooting",
     ["A man was killed on Tuesday night.", "Two men died in the shooting, police said later.", *_QUIET], 2),
    # a title listing people is read short by its parts
    ("Elmwood man, two daughters dead in apparent murder-suicide",
     ["Police said the two girls were found in a bedroom.", *_QUIET,
      "Deputies found all three dead when they entered the home."], 3),
    # a bare murder-suicide is two at the least
    ("Family in Ridge Road murder-suicide identified",
     ["Police called it a murder-suicide.", *_QUIET,
      "Deputies found three people dead inside the home on Tuesday morning."], 3),
])
def test_later_larger_toll_kept(title, texts, killed):
    figures, heads = _tables(title, *texts)
    assert _value(heads, "killed") == killed
    assert not (figures["status"] == "background").any()


def _row(article_id: str, idx: int, value: int, rule: str, sentence: str, *, category: str = "killed") -> dict:
    where = "title" if idx < 0 else "text"
    return {"figure_id": f"{article_id}:{idx}:{value}:{category}:{rule}" + (":title" if where == "title" else ""),
            "article_id": article_id, "sentence_idx": idx, "category": category, "value": value, "low": value,
            "high": value, "qualifier": "exact", "vague": False, "scope": "total", "status": "current",
            "may_rise": False, "as_toll": False, "attributed_to": "", "number_text": sentence[:12],
            "sentence": sentence, "start": 0, "end": 12, "rule": rule, "period": False}


_LIST = "After the two argued again, Carver shot the teen in the chest and drove off, records show."


# The people layer's list of people told late is the only death toll of the text: the cases are rows, since the
# misreadings behind such lists (a killer and his victim joined, the people shot taken as dead) are parses of long
# sentences that invented text reproduces only by chance.
@pytest.mark.parametrize("rows, listed", [
    ([_row("a", 6, 2, "enumeration", _LIST)], {"a"}),
    ([_row("a", 1, 2, "enumeration", _LIST)], set()),  # in the text's first two sentences: the lede's own list
    ([_row("a", 6, 2, "enumeration", _LIST), _row("a", 0, 2, "numeral", "Two men died.")], set()),  # a numeral toll
    ([_row("a", 6, 2, "enumeration", "A man shot and killed a girl, then turned the gun on himself.")], set()),
    ([_row("a", 6, 2, "individuals", _LIST)], set()),  # people described one by one, not a list
    ([_row("a", 0, 1, "individuals", "A teen was killed."), _row("a", 6, 2, "enumeration", _LIST)], {"a"}),
])
def test_late_list_articles(rows, listed):
    assert late_list_articles(schema.conform(pd.DataFrame(rows), "figures")) == listed


def test_title_over_late_list():
    figures = schema.conform(pd.DataFrame([_row("a", 6, 2, "enumeration", _LIST)]), "figures")
    read = schema.conform(pd.DataFrame([_row("a", -1, 1, "individuals", "Teen killed after party")]), "figures")
    out = title_over_late_list(figures, read, {"a": 1}, {"a"})
    assert out["status"].tolist() == ["background", "current"]
    heads = headline_figures(out)
    assert int(heads.iloc[0]["killed"]) == 1
    assert heads.iloc[0]["killed_rule"].startswith("from the title, over a larger list of people told late")
    # a title toll as large as the list leaves it
    assert title_over_late_list(figures, read, {"a": 2}, {"a"}).equals(figures)


def test_title_over_late_list_in_headline():
    figures = schema.conform(pd.DataFrame([_row("a", 6, 2, "enumeration", _LIST)]), "figures")
    articles = pd.DataFrame({"article_id": ["a"], "title": ["Teen shot and killed after Ridge Road party"]})
    heads = headline_figures(add_title_figures(figures, articles))
    assert int(heads.iloc[0]["killed"]) == 1


@pytest.mark.parametrize("later, killed", [
    ("On Saturday the Investigative Committee said the death toll had risen to 133.", 133),
    ("By evening the number of dead had climbed to 93, the ministry said.", 93),
    ("Officials later revised the toll to 137.", 137),
    ("The same hall was where 133 people were killed in a 2004 siege.", 60),   # no change told: another incident
    # a change verb in another sense tells no change
    ("A guard said his rifle went off as 133 people were killed in the hall's 2004 siege.", 60),
])
def test_a_toll_that_grew_after_the_title_is_the_incidents_own(later, killed):
    # a developing story: the title and lede give the first count, a later paragraph the count it grew to
    figures, heads = _tables("Concert hall attack near the capital: 60 killed",
                             "Gunmen opened fire at a concert hall on Friday, killing at least 60 people, officials said.",
                             *_QUIET, later)
    assert _value(heads, "killed") == killed


@pytest.mark.parametrize("sentence, change", [
    ("The death toll had risen to 133 by Saturday.", True),
    ("By evening the number of dead had climbed, the ministry said.", True),
    ("The count of the wounded went up to 12 overnight.", True),
    ("Two more died in hospital, and the dead rose to five.", True),
    ("Officials revised the figure to 137.", True),
    ("The gun went off as he cleaned it, killing his brother.", False),
    ("The shooter dropped his rifle and ran; two people were killed.", False),
    ("The killings raised fears across the town, where 3 people died last year.", False),
])
def test_tells_a_change(sentence, change):
    assert tells_a_change(sentence) is change


@pytest.mark.parametrize("title, toll", [
    # counts the extractor marks as covering more than one shooting: the headline rules set them aside too
    ("Six dead after string of shootings across Lakeview", None),
    ("2 dead, 5 hurt in 3 shootings on East Side", None),
    ("One dead, four wounded in Sunday shootings around Millbrook", None),
    ("Six dead after shooting at Lakeview tavern", 6),
])
def test_a_title_toll_over_a_longer_period_is_none(title, toll):
    read = title_figures(pd.DataFrame({"article_id": ["a"], "title": [title]}), schema.empty_table("figures"))
    assert title_tolls(read, {"a": title}).get("a") == toll
