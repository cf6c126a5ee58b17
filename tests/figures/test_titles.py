"""Counts read from the title where the text gives none (``analysis.figures.titles``).

Titles and sentences here are invented, in the manner of local shooting reports."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.figures.ledger import add_people_figures, extract_figures, headline_figures
from analysis.figures.titles import TITLE_IDX, add_title_figures, as_sentence
from analysis.figures.victims import read_people
from tests.figures.test_individuals import _sentences


def _tables(title: str, *texts: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    sentences = _sentences(*texts)
    figures = extract_figures(sentences)
    _victims, people = read_people(sentences, figures=figures)
    figures = add_people_figures(figures, people)
    articles = pd.DataFrame({"article_id": ["a"], "title": [title]})
    figures = add_title_figures(figures, articles)
    heads = headline_figures(figures)
    return figures, heads


def _value(heads: pd.DataFrame, category: str) -> int | None:
    if heads.empty or pd.isna(heads.iloc[0][category]):
        return None
    return int(heads.iloc[0][category])


@pytest.mark.parametrize("title, texts, killed, injured", [
    # the text, a vigil or a court report, never repeats the count
    ("Teen shot and killed outside school remembered at vigil",
     ["Friends gathered at the park on Friday to remember Jordan.", "Candles lined the walkway."], 1, None),
    ("Girl, 4, dies after being shot at home", ["Detectives have not said who fired the gun."], 1, None),
    ("Woman killed in shooting at gas station", ["The station was closed on Sunday."], 1, None),
    ("Man Shot Dead In Motel Parking Lot", ["The motel's owner said he heard nothing."], 1, None),
    ("2 killed, 3 wounded in shooting at block party",
     ["Police have made no arrests.", "Anyone with information is asked to call detectives."], 2, 3),
    # the text's own count wins
    ("3 dead in shooting at motel", ["Police said four people were killed at the motel."], 4, None),
    # a title's "shot" leaves the outcome to the text
    ("Man shot on Pine Street", ["Officers arrived within minutes.", "The street was closed for hours."], None, None),
    # no count in the title
    ("Police seek witnesses after gunfire downtown", ["Officers found shell casings on the sidewalk."], None, None),
    # a fatal shooting without a count: at least one killed, when the text gives no death toll
    ("Detectives probe deadly shooting near campus", ["Officers closed the road for hours."], 1, None),
    ("Charges filed in toddler's shooting death", ["The hearing is set for May."], 1, None),
    ("Boy accidentally shoots, kills self at cabin", ["Deputies said the family had gone hunting."], 1, None),
    ("Detectives probe deadly shooting near campus", ["Two men were killed outside a bar."], 2, None),
    # the title's dead is the one the text says only "was shot"; not one it says lived
    ("Teen dies after shooting on Pine Street", ["Police said the 16-year-old was shot near a bus stop."], 1, None),
    ("Man killed in shooting outside bar", ["Officers said he was shot several times in the parking lot."], 1, None),
    ("Man killed in shooting outside bar", ["A woman was shot in the leg and is in stable condition."], 1, 1),
    # a title's count of the hurt beats the fewer people the text describes one by one; not a count of the text's
    ("Two killed, two wounded in shooting in alley",
     ["Two men were shot to death in the alley.", "A woman was wounded in the arm."], 2, 2),
    ("5 people shot on South Side", ["A 32-year-old woman was shot in the arm and is in stable condition."], None, 5),
    ("3 wounded in shooting on Elm Street", ["Police said two men were wounded on the porch."], None, 2),
    ("Two dead, 6 injured after shooting at car wash",
     ["A gunman walked into the car wash and opened fire, killing a customer."], 2, 6),
    ("Father of 4 killed in shooting on Elm Street", ["He was shot in the chest outside his home."], 1, None),
    # a title's plain count of the wounded beats a larger count the text only derives (people shot less the dead)
    ("1 dead, 3 wounded in shooting at car lot",
     ["Police said a gunman shot five people at the car lot.", "One man died at the scene."], 1, 3),
    # ... but not a count listed after other people, a part of them
    ("Shooting leaves woman, 2 teens wounded",
     ["Police said a gunman shot three people at the car lot."], None, 3),
])
def test_title_counts_fill_what_the_text_leaves_open(title, texts, killed, injured):
    _figures, heads = _tables(title, *texts)
    assert (_value(heads, "killed"), _value(heads, "injured")) == (killed, injured)


def test_a_title_row_points_at_the_title_and_says_so():
    figures, heads = _tables("Woman killed in shooting at gas station", "The station was closed on Sunday.")
    row = figures[figures["sentence_idx"] == TITLE_IDX].iloc[0]
    assert row["sentence"] == "Woman killed in shooting at gas station"
    assert row["sentence"][int(row["start"]):int(row["end"])] == row["number_text"]
    assert row["figure_id"].endswith(":title")
    assert heads.iloc[0]["killed_rule"].startswith("from the title")


@pytest.mark.parametrize("title, sentence", [
    ("Woman killed in shooting at gas station", "woman was killed in shooting at gas station"),
    ("Teen shot and killed outside school", "teen was shot and killed outside school"),
    ("Man Shot Dead In Parking Lot", "man was shot dead in parking lot"),
    ("Carla Diaz shot and killed at bus stop", "Carla Diaz was shot and killed at bus stop"),
    ("Boy, 6, wounded by stray bullet", "boy, 6, was wounded by stray bullet"),
    # an active verb keeps its object; a count or a clause is not a subject
    ("Police: Man shot his neighbor", "Police: man shot his neighbor"),
    ("2 killed, 3 wounded in shooting", "2 killed, 3 wounded in shooting"),
    ("Vigil held for teen shot at park", "Vigil held for teen shot at park"),
    # after a label, the headline proper; "dead" and "fatally shot over ..." drop their "was" too
    ("Sheriff: Girl fatally shot over weekend by cousin", "Sheriff: girl was fatally shot over weekend by cousin"),
    ("Coroner: Teen found shot to death in alley", "Coroner: teen was found shot to death in alley"),
    ("Boy, 5, dead after shooting at home", "boy, 5, was dead after shooting at home"),
    # numbers and quotes have no case: Title Case all the same
    ("4 Shot, 1 Fatally, in Lakeview", "4 shot, 1 fatally, in lakeview"),
    ("'Killing Spree': 5 Shot, 2 Fatally, Pastor Says", " " * 17 + "5 shot, 2 fatally, pastor says"),
    # ... but a number before "dead" is a count, read as it stands
    ("Four dead after shooting at home", "Four dead after shooting at home"),
])
def test_a_headline_is_read_as_a_sentence(title, sentence):
    assert as_sentence(title)[0] == sentence
