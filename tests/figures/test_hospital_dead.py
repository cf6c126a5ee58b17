"""Hospital counts that hold the dead: a death told later takes them from the wounded
(``analysis.figures.hospital_dead``).

Every sentence here is written for the test, in the style of local crime reporting; none is taken from an
article.
"""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.figures.hospital_dead import tells_later_death
from tests.figures.test_individuals import _headline


def _heads(*sentences: str) -> tuple[int | None, int | None]:
    """(killed, injured) headlines, with the people the sentences describe one by one counted."""
    row = _headline(*sentences)
    return tuple(None if pd.isna(row.get(c)) else int(row[c]) for c in ("killed", "injured"))


@pytest.mark.parametrize("sentences, expected", [
    # a later death among those taken to hospital: they are people shot, the dead among them
    (["Four people were taken to hospitals after gunfire broke out at a birthday party in Elmwood.",
      "A 19-year-old man later died, police said."], (1, 3)),
    (["Gunfire outside a corner store sent two men to the hospital Friday night.",
      "A 31-year-old man has died, the coroner's office said Saturday."], (1, 1)),
    (["Two men were rushed to Mercy General Hospital after the shooting on Kemp Road.",
      "Surgeons were unable to save them, and the two men died before dawn."], (2, None)),
    (["Three people were hospitalized after a man opened fire in a parking garage.",
      "Police said the three died overnight at two different hospitals."], (3, None)),
    # the hospital count beside the dead: "others", an ordinal, a death told before it
    (["One man was shot and killed and three others were taken to the hospital.",
      "Investigators said a second man later died of his injuries."], (2, 3)),
    (["Two people died at the scene of the shooting on Elm Court.",
      "A third victim was taken to the hospital, where he remains in critical condition."], (2, 1)),
    (["A woman was killed and two people were hospitalized after the shooting on Dale Avenue.",
      "Her husband later died, relatives said."], (1, 2)),
    # no later death: the hospital count is the wounded
    (["A gunman wounded three people outside a nightclub.",
      "All three were taken to the hospital with injuries that are not life-threatening."], (None, 3)),
    (["Three people were taken to the hospital after shots were fired on Birch Street.",
      "Police have not said how the shooting started."], (None, 3)),
])
def test_hospital_count_holds_those_who_died_later(sentences, expected):
    assert _heads(*sentences) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("The boy later died at a children's hospital.", True),
    ("One of the victims has since died.", True),
    ("Doctors could not save him.", True),
    ("He succumbed to his wounds on Tuesday.", True),
    ("The two men died hours later in separate hospitals.", True),
    ("The woman died at the scene.", False),
    ("He remains in the hospital in stable condition.", False),
])
def test_tells_later_death(sentence, expected):
    assert tells_later_death(sentence) is expected
