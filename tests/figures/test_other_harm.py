"""People hurt another way in a shooting story are not the shooting's injured (``analysis.figures.other_harm``).

Every sentence here is written for the test, in the style of local crime reporting; none is taken from an
article.
"""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.figures.ledger import extract_figures, headline_figures
from analysis.figures.other_harm import hurt_otherwise, names_gunfire
from tests.figures.test_figures import sentences_frame


def _injured(*sentences: str) -> int | None:
    heads = headline_figures(extract_figures(sentences_frame("a", list(sentences))))
    if heads.empty or pd.isna(heads.iloc[0]["injured"]):
        return None
    return int(heads.iloc[0]["injured"])


@pytest.mark.parametrize("sentences, expected", [
    # a harm that is not gunfire, beside a shooting told elsewhere: set aside
    (["A man shot two relatives before setting the farmhouse alight, deputies said.",
      "Two firefighters were treated for smoke inhalation."], None),
    (["Two men were found shot to death inside the garage.",
      "Three people were taken to the hospital after a crash at the end of the chase."], None),
    (["A gunman opened fire on the porch, killing two women.",
      "Four neighbors were hurt in a house fire that broke out later that night."], None),
    # the shooting's own injured stay, whatever else the article tells
    (["Five people were wounded when a man opened fire outside a pool hall.",
      "Two deputies were treated for smoke inhalation."], 5),
    (["Three people were shot near the fairgrounds.",
      "Two of them were hurt when their car crashed as they fled the gunfire."], 3),
    # a story with no gunfire keeps its own counts
    (["Three people were taken to the hospital after a crash on Route 9."], 3),
    (["Six residents were treated for smoke inhalation after a fire in an apartment block."], 6),
])
def test_injured_headline_sets_aside_other_harm(sentences, expected):
    assert _injured(*sentences) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("Officers opened fire on the car.", True),
    ("The victim had a gunshot wound to the leg.", True),
    ("She was wounded in the arm.", True),
    ("Two people were treated for burns after the fire.", False),
    ("A pedestrian was struck by a car on Main Street.", False),
])
def test_names_gunfire(sentence, expected):
    assert names_gunfire(sentence) is expected


def test_only_injured_and_hospital_counts_are_set_aside():
    group = [{"category": "shot", "sentence_idx": 0, "sentence": "Two men were shot."},
             {"category": "killed", "sentence_idx": 1, "sentence": "One died in the crash."},
             {"category": "hospitalized", "sentence_idx": 2, "sentence": "Two were hospitalized after the crash."}]
    assert [hurt_otherwise(f, group) for f in group] == [False, False, True]
