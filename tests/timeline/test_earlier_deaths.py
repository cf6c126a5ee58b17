"""Deaths dated days before the article's own event are another incident's (``analysis.timeline.earlier_deaths``).

Articles here are invented, in the manner of short local crime reports; each paragraph is one sentence."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.figures.ledger import add_people_figures, extract_figures, headline_figures
from analysis.figures.victims import read_people
from analysis.ingest.corpus import sentences_table
from analysis.timeline.earlier_deaths import set_aside_earlier_deaths
from analysis.timeline.event_dates import add_event_dates, event_mentions


def _read(published: str, *paragraphs: str) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """``(articles, figures before the rule, figures after it)`` of one article."""
    articles = add_event_dates(pd.DataFrame({
        "article_id": ["a"], "title": [""], "text": ["\n\n".join(paragraphs)], "url": [""],
        "published": [pd.Timestamp(published)]}))
    sentences = sentences_table(articles)
    figures = extract_figures(sentences)
    _victims, people = read_people(sentences, figures=figures)
    figures = add_people_figures(figures, people)
    return articles, figures, set_aside_earlier_deaths(figures, articles, sentences)


def _killed(figures: pd.DataFrame) -> object:
    heads = headline_figures(figures)
    value = heads["killed"].iloc[0] if not heads.empty else None
    return None if value is None or pd.isna(value) else int(value)


# 2023-04-12 was a Wednesday
_RETALIATION = ("2023-04-12", "Four people were wounded when someone fired into a parked van on Quill Street late Tuesday.",
                "None of the four was thought to be in danger of dying, a police spokesman said.",
                "Detectives think the shots answered the death of a cousin of one of the men, who was shot and killed "
                "outside a laundromat on March 3.")


@pytest.mark.parametrize("paragraphs, before, after", [
    # a retaliation, and the killing it answered a month before
    (list(_RETALIATION[1:]), 1, None),
    # the case a suspect is also wanted in, dated by its own day
    (["A woman hit by gunfire on Tuesday while she drove along Fenwick Road is recovering at Dale General.",
      "Officers picked up a suspect, 22, beside a bus shelter hours later.",
      "He was already wanted in a shooting that killed two men in the same district on April 2."],
     2, None),
])
def test_a_death_dated_days_before_the_event_is_set_aside(paragraphs, before, after):
    articles, figures, out = _read("2023-04-12", *paragraphs)
    assert articles["event_date"].iloc[0] == pd.Timestamp("2023-04-11")
    assert _killed(figures) == before
    assert _killed(out) == after
    killed = out[out["category"].eq("killed")]
    assert killed["status"].eq("background").all() and len(killed) == len(figures[figures["category"].eq("killed")])


@pytest.mark.parametrize("paragraphs, killed", [
    # the article's victim dying days after the shooting: a later death is the article's own
    (["A 41-year-old roofer was shot in the back outside a tavern on Pell Avenue on Saturday night.",
      "He was taken to Sisters of Mercy in grave condition.",
      "He died of his wounds on Tuesday, his brother said."],
     1),
    # a day before the event date: a late-night shooting logged on the next day
    (["Gunfire struck two men in a sedan on Dune Street early Tuesday.",
      "Officers had been called there by neighbors who heard the shots.",
      "The driver was fatally wounded late Monday as he sat behind the wheel, detectives now believe."],
     1),
    # dated days before, but in the text's first two sentences: the story itself
    (["Shots rang out on Tuesday at the burial of a trooper beside Route 9.",
      "The trooper was fatally shot by a motorist he had pulled over on April 4.",
      "Nobody at the graveside was struck."],
     1),
])
def test_own_deaths_stay_current(paragraphs, killed):
    articles, figures, out = _read("2023-04-12", *paragraphs)
    assert articles["event_date"].iloc[0] in (pd.Timestamp("2023-04-08"), pd.Timestamp("2023-04-11"))
    assert _killed(figures) == killed
    assert _killed(out) == killed
    assert out["status"].equals(figures["status"])


def test_without_an_event_date_nothing_is_set_aside():
    articles, figures, out = _read(*_RETALIATION)
    assert out["status"].eq("background").any()
    undated = articles.assign(event_date=pd.NaT)
    sentences = sentences_table(articles)
    assert set_aside_earlier_deaths(figures, undated, sentences)["status"].equals(figures["status"])
    assert set_aside_earlier_deaths(figures, articles.drop(columns="event_date"), sentences) is figures


def test_the_date_nearest_the_death_is_its_own():
    # the sentence dates the article's shooting (Tuesday) and, nearer its death, an earlier one (March 3)
    _articles, figures, out = _read(
        "2023-04-12",
        "Gunfire from a passing hatchback hit three men on Cobb Lane on Tuesday night.",
        "Doctors think each of them will pull through.",
        "The gunfire on Tuesday came weeks after Darnell Pike, 19, was fatally shot on that very block on March 3.")
    assert _killed(figures) == 1 and _killed(out) is None


def test_the_people_rows_stay_and_the_input_is_not_changed():
    _articles, figures, out = _read(*_RETALIATION)
    assert figures["status"].eq("current").all()
    assert len(out) == len(figures) and out["figure_id"].tolist() == figures["figure_id"].tolist()


@pytest.mark.parametrize("text, published, expected", [
    ("A clerk was gunned down on Friday.", "2023-04-12", [(24, "2023-04-07")]),
    ("Police said on Monday that a man was shot.", "2023-04-12", []),  # a statement's day, not the event's
    ("The May 7, 2015, shooting left one dead.", "2023-04-12", [(4, "2015-05-07")]),
])
def test_event_mentions(text, published, expected):
    assert [(at, str(date)) for at, date in event_mentions(text, pd.Timestamp(published))] == expected
