"""One person shot and alive, told by a condition and no count (``analysis.figures.lone_wounded``).

Titles and sentences here are invented, in the manner of short local crime reports."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.figures.ledger import add_people_figures, extract_figures, headline_figures
from analysis.figures.lone_wounded import _alive_at, lone_wounded_rows
from analysis.figures.titles import add_title_figures
from analysis.figures.victims import read_people
from tests.figures.test_individuals import _sentences
from tests.figures.test_titles import _value


def _heads(title: str, *texts: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    sentences = _sentences(*texts)
    figures = extract_figures(sentences)
    _victims, people = read_people(sentences, figures=figures)
    figures = add_people_figures(figures, people)
    articles = pd.DataFrame({"article_id": ["a"], "title": [title], "text": [" ".join(texts)]})
    figures = add_title_figures(figures, articles)
    return figures, headline_figures(figures)


@pytest.mark.parametrize("title, texts", [
    # the condition is the only word that the child lived
    ("Stray round from cookout hits Vale girl, 6",
     ["Deputies traced the bullet to a cookout two yards over, where a man had been firing at cans on Sunday.",
      "The girl's grandmother said the child should be released from the hospital by Wednesday."]),
    ("Pickup ends in ditch after gunfire near Sorrel Road park",
     ["A pickup fled a park at speed and ended on its roof in a ditch on Sorrel Road.",
      "The driver walked away from the wreck; his rider had been hit by a bullet before it, officers said.",
      "Medics called the rider's injury non-life-threatening."]),
    # a hospital told by its name
    ("Gunfire at Orchard Court apartments",
     ["Tenants heard four shots in the courtyard late on Monday.",
      "A 20-year-old with a bullet wound to the side was rushed to Saint Brigid Memorial Hospital by a neighbor."]),
])
def test_a_lone_survivor_is_one_injured(title, texts):
    figures, heads = _heads(title, *texts)
    assert _value(heads, "injured") == 1
    assert _value(heads, "killed") is None
    row = figures[figures["category"].eq("injured")].iloc[0]
    assert row["rule"] == "individuals" and row["number_text"] in row["sentence"]


@pytest.mark.parametrize("title, texts", [
    # the people layer already reads the child: one, not two
    ("Toddler hurt after finding handgun in Pell Township home",
     ["Deputies were called to a house on Birch Lane on Tuesday evening.",
      "A pistol left in a nightstand went off as the 3-year-old played with it.",
      "The toddler suffered non-life-threatening injuries, the sheriff said."]),
    ("Gunfire on Kessel Avenue sends teen to hospital",
     ["Officers heard several shots near Kessel Avenue shortly after midnight.",
      "A 17-year-old walked into the emergency room soon after and was listed in stable condition."]),
])
def test_a_survivor_read_already_is_not_counted_twice(title, texts):
    _figures, heads = _heads(title, *texts)
    assert _value(heads, "injured") == 1


@pytest.mark.parametrize("title, texts", [
    # a death anywhere: the person told may be the one who died
    ("Man shot outside Dorrance Street bar",
     ["A man was taken to a hospital after a shooting on Dorrance Street.",
      "He later died there, the coroner's office said."]),
    ("Report of shots fired on Quill Road turns out to be a suicide",
     ["A dispatcher first said one person was hospitalized after the shots.",
      "Police later called it a suicide."]),
    # nobody hurt
    ("Shots fired at Linden Avenue apartments",
     ["Several rounds struck two parked cars overnight.",
      "No one was hospitalized, police said."]),
    # a sick man, not a shooting
    ("Fire crews rescue man from smoky kitchen",
     ["Smoke filled the kitchen of a house on Arbor Way.", "The man was taken to a hospital, a neighbor said."]),
])
def test_no_lone_survivor(title, texts):
    figures, _heads_ = _heads(title, *texts)
    assert not figures["number_text"].astype(str).str.contains("hospital|condition").any()
    articles = pd.DataFrame({"article_id": ["a"], "title": [title], "text": [" ".join(texts)]})
    assert lone_wounded_rows(figures.iloc[:0], articles).empty


def test_a_count_the_text_gives_is_left_alone():
    """Where the text counts the wounded, the rule adds nothing."""
    figures, heads = _heads("Two hurt in Garnet Street shooting",
                            "Two men were wounded on Garnet Street on Friday.",
                            "Both are in stable condition.")
    assert _value(heads, "injured") == 2
    texts = ["Two men were wounded on Garnet Street on Friday.", "Both are in stable condition."]
    articles = pd.DataFrame({"article_id": ["a"], "title": ["Two hurt"], "text": [" ".join(texts)]})
    assert lone_wounded_rows(figures, articles).empty


@pytest.mark.parametrize("sentence, words", [
    ("The teen was flown to Harmon County's trauma hospital.", "flown to Harmon County's trauma hospital"),
    ("Her wound is not life-threatening, a captain said.", "not life-threatening"),
    ("He is expected to be okay, his sister said.", "expected to be okay"),
    ("Nobody was hospitalized after the shots.", None),
    ("No one was taken to a hospital.", None),
    ("The dog was taken to a field far from any hospital.", None),
])
def test_alive_words(sentence, words):
    match = _alive_at(sentence)
    assert (match.group(0) if match else None) == words
