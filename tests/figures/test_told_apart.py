"""A title's larger death toll over a text that tells its dead one at a time (``analysis.figures.told_apart``).

Titles and sentences here are invented, in the manner of local shooting reports."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.figures.ledger import add_people_figures, extract_figures, headline_figures
from analysis.figures.titles import add_title_figures
from analysis.figures.told_apart import TOLD_APART
from analysis.figures.victims import read_people
from tests.figures.test_individuals import _sentences
from tests.figures.test_titles import _value

_QUIET = "Detectives canvassed the block for witnesses on Sunday."


def _tables(title: str, *texts: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The figures and headlines of one article whose articles row holds its text, as the pipeline's does."""
    sentences = _sentences(*texts)
    figures = extract_figures(sentences)
    _victims, people = read_people(sentences, figures=figures)
    articles = pd.DataFrame({"article_id": ["a"], "title": [title], "text": [" ".join(texts)]})
    figures = add_title_figures(add_people_figures(figures, people), articles)
    return figures, headline_figures(figures)


@pytest.mark.parametrize("title, texts, killed", [
    # the dead told where and when each died, the sum only in the title
    ("3 dead after gunfire outside Fenwick corner store",
     ["Officers found six people shot outside the store on Friday night.",
      "A cook was found dead beside the counter.",
      "Two more victims, a driver and his cousin, died overnight at Mercy General."], 3),
    ("2 dead, 1 hurt as gunfire erupts on Alder Court",
     ["Three men were shot in a parking lot on Alder Court.",
      "One man died where he fell, and a second was taken into surgery.", "He died hours later."],
     2),
    ("Two killed in shooting at Marlow Park pavilion",
     ["One man was killed when shots rang out near the pavilion on Sunday.",
      "Tessa Lund, 19, was also killed, her family said.", _QUIET], 2),
])
def test_title_toll_over_dead_told_apart(title, texts, killed):
    _figures, heads = _tables(title, *texts)
    assert _value(heads, "killed") == killed
    assert "one at a time" in heads.iloc[0]["killed_rule"]


@pytest.mark.parametrize("title, texts, killed", [
    # a title of several shootings: the text's count of its own stands
    ("4 dead in weekend shootings across Fenwick",
     ["One man was shot on Birch Street early Saturday.", "He later died at the hospital.", _QUIET], 1),
    # no death told as one more: the title may count something else
    ("3 dead after gunfire outside Fenwick corner store",
     ["One woman was killed in the gunfire on Friday night.", _QUIET], 1),
    # the text's count is the title's already
    ("2 dead after gunfire outside Fenwick corner store",
     ["Two men were killed outside the store.", "One died at the scene and the other later died at the hospital."],
     2),
])
def test_text_count_stands(title, texts, killed):
    _figures, heads = _tables(title, *texts)
    assert _value(heads, "killed") == killed
    assert "one at a time" not in heads.iloc[0]["killed_rule"]


@pytest.mark.parametrize("sentence, told_apart", [
    ("Also killed was her neighbour, a retired welder.", True),
    ("A second victim died Monday at a trauma center.", True),
    ("The other two died at Mercy General.", True),
    ("She later died at the hospital.", True),
    ("One man was killed and two others were wounded.", False),
    ("The man was pronounced dead at the scene.", False),
    ("He was also shot in the leg.", False),
])
def test_told_apart_cue(sentence, told_apart):
    assert bool(TOLD_APART.search(sentence)) is told_apart
