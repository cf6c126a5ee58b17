"""Identifications as reporters write them: "identified the victim in Friday's shooting as X". Each row is one
reporting shape, in our own words. Sentences invented.

``NAMED``: each (name, outcome, role) must be a row of ``victims`` ("" for any outcome). ``WOUNDED``: how many rows
without a name the wounded leave beside the names (none where the one wounded is the one named)."""

from __future__ import annotations

import pytest

from tests.figures.test_named_people import _rows, assert_named

NAMED = [
    # "as" hangs on the last noun of the words describing the one identified, not on the verb
    (["A woman was shot to death on Elm Street on Friday.",
      "Police identified the victim in Friday's shooting as Rosa Vint, 34."], [("Rosa Vint", "killed", "victim")]),
    (["Two people were shot outside a bar on Saturday.",
      "A cousin identified one of the victims of the Oak Street shooting as Dev Marlow, 22."],
     [("Dev Marlow", "injured", "victim")]),
    (["A man was killed at a gas station on Sunday.",
      "Detectives identified the suspect in the deadly Saturday shooting as Lyle Oberg Jr."],
     [("Lyle Oberg Jr.", "", "shooter")]),
    (["On Tuesday the county coroner identified the other deceased victim in Friday's shooting as Noel Brandt."],
     [("Noel Brandt", "killed", "victim")]),
    # or on a participle of those words, which the parser may make a clause of the verb
    (["State troopers have identified the woman and child killed in Sunday evening's Glen Falls shooting as Mara Tull, "
      "30, and Jaden Tull-Ames, 4."],
     [("Mara Tull", "killed", "victim"), ("Jaden Tull-Ames", "killed", "victim")]),
    # a sentence with a numeral count is still read for the names its identification gives
    (["Two men were killed outside a gas station on Friday.",
      "Sheriff's deputies identified the two men killed in the ambush as Hal Ostrow and Bram Tilley, both 30."],
     [("Hal Ostrow", "killed", "victim"), ("Bram Tilley", "killed", "victim")]),
    # the dead an identification describes are none of the wounded told of before ...
    (["One man died at the scene, police said.", "Another man is in critical condition.",
      "The man who died has been identified as Teo Barrick, 27."], [("Teo Barrick", "killed", "victim")]),
    # ... but a death told after the name may be that of someone told of before as wounded
    (["Officers found a wounded man in a parked car.",
      "The man, later identified as Gil Sorensen, was pronounced dead at the scene."],
     [("Gil Sorensen", "killed", "victim")]),
]


@pytest.mark.parametrize(("texts", "people"), NAMED, ids=[c[0][-1][:40] for c in NAMED])
def test_named(texts, people):
    assert_named(_rows(texts), people)


WOUNDED = [
    (["One man died at the scene, police said.", "Another man is in critical condition.",
      "The man who died has been identified as Teo Barrick, 27."], 1),
    (["Police found three people dead in a trailer and a woman with a gunshot wound to the leg.",
      "The woman was taken to a hospital in stable condition.",
      "The three deceased victims have been identified as Ada Frey, 30, Bo Lind, 41, and Cy Moss, 19."], 1),
    (["Officers found a wounded man in a parked car.",
      "The man, later identified as Gil Sorensen, was pronounced dead at the scene."], 0),
]


@pytest.mark.parametrize(("texts", "wounded"), WOUNDED, ids=[c[0][-1][:40] for c in WOUNDED])
def test_wounded_beside(texts, wounded):
    rows = _rows(texts)
    assert sum(1 for name, outcome, _role in rows if not name and outcome == "injured") == wounded, rows
