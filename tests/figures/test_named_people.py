"""Named victims and shooters in ways the people layer used to lose: each row is one reporting shape, in our own
words. Sentences invented.

``NAMED``: each (name, outcome, role) must be a row of ``victims`` ("" for any outcome). ``NOT_NAMED``: rows that
must not be there, by name and outcome or role ("" for any)."""

from __future__ import annotations

import pytest

from analysis.figures.ledger import extract_figures
from analysis.figures.victims import extract_victims
from tests.figures.test_individuals import _sentences

# sentences about nothing in particular, that push a later sentence out of the lede
_FILLER = [f"Neighbors on Birch Lane said the block had been quiet for years, resident number {n} recalled."
           for n in range(16)]


def _rows(texts: list[str]) -> list[tuple[str, str, str]]:
    sentences = _sentences(*texts)
    victims = extract_victims(sentences, figures=extract_figures(sentences))
    return list(zip(victims["name"], victims["outcome"], victims["role"]))


NAMED = [
    # a surname ending in "s" the tagger takes for a plural: the he/she who died after it is still that name
    (["A man was shot on Friday night.", "Jerome Wills, 25, was taken to a hospital, where he died."],
     [("Jerome Wills", "killed", "victim")]),
    (["Dana Roberts was rushed to Mercy Hospital, where she died an hour later."],
     [("Dana Roberts", "killed", "victim")]),
    # the name after a colon, wherever the parser hangs it
    (["A man was shot dead on Sunday.", "Detectives have named a suspect in this case: Carl Ruiz, 19."],
     [("Carl Ruiz", "", "shooter")]),
    (["A man was shot dead on Sunday.",
      "County homicide detectives have named a suspect in the case: Carl Ruiz, 19, shown in a booking photo."],
     [("Carl Ruiz", "", "shooter")]),
    # "the victims were X, Y and Z": named, and the dead of the toll the lede gives
    (["A gunman killed three people at a motel on Route 9.",
      "The victims were Ann Lee, 30, Bo Diaz, 41, and Cy Moss, 19."],
     [("Ann Lee", "killed", "victim"), ("Bo Diaz", "killed", "victim"), ("Cy Moss", "killed", "victim")]),
    (["Two men died on the sidewalk before help arrived.", "The victims were Tia Crane, 17, and Lou Banks, 20."],
     [("Tia Crane", "killed", "victim"), ("Lou Banks", "killed", "victim")]),
    (["A shooting outside a bar left several people hurt.", "The victims were Ann Lee and Bo Diaz."],
     [("Ann Lee", "", "victim"), ("Bo Diaz", "", "victim")]),
    (["Two men were wounded outside a bar on Friday.", "The victims were Ann Lee and Bo Diaz."],
     [("Ann Lee", "", "victim"), ("Bo Diaz", "", "victim")]),
    # "identified the victims as X and Y": shot, the outcome not stated (injured where the article tells no death)
    (["Gunfire outside a club on Main Street sent several people to the hospital on Saturday.",
      "Police identified the victims as Ann Lee, 30, and Bo Diaz, 41."],
     [("Ann Lee", "injured", "victim"), ("Bo Diaz", "injured", "victim")]),
    (["Gunfire outside a club on Main Street sent several people to the hospital on Saturday.", *_FILLER,
      "The victims have been identified as Ann Lee, 30, and Bo Diaz, 41."],
     [("Ann Lee", "injured", "victim"), ("Bo Diaz", "injured", "victim")]),
    # "identified one of the shooters as X": the role of the noun after "of", on which "as" may hang
    (["A man was shot on Friday.", "Police identified one of the shooters as Rick Watts, 27."],
     [("Rick Watts", "", "shooter")]),
    (["A man was shot on Friday.", "Police identified one of the suspects as Rick Watts, 27."],
     [("Rick Watts", "", "shooter")]),
    # an officer who fired, told of without a name, is someone "Deputy X" told of later can name
    (["A man was killed on Friday when a deputy opened fire.",
      "Deputy Alan Crisp has been placed on administrative leave."], [("Alan Crisp", "", "officer")]),
    (["The deputy drew his weapon and fired, striking the man.", "Deputy Alan Crisp has been placed on leave."],
     [("Alan Crisp", "", "officer")]),
    # a list of one family: a sister or brother with the same surname is the next person, not the one before
    (["A gunman killed four people in a farmhouse on Route 9.",
      "The dead were Ray Cole, 11; Tom Cole, 9; Jo Cole, 8; and Ann Webb, 40."],
     [("Ray Cole", "killed", "victim"), ("Tom Cole", "killed", "victim"), ("Jo Cole", "killed", "victim"),
      ("Ann Webb", "killed", "victim")]),
    (["Nell Park, 36; Ivo Park, 40; and Lu Diaz, 19, were all found dead in the house, the coroner said."],
     [("Nell Park", "killed", "victim"), ("Ivo Park", "killed", "victim"), ("Lu Diaz", "killed", "victim")]),
    (["Three people were shot dead in a barn on Friday.",
      "Deputies identified the victims as Kim Roe, 49, of Elm City; Sid Roe, 16; and Al Roe, 18."],
     [("Kim Roe", "killed", "victim"), ("Sid Roe", "killed", "victim"), ("Al Roe", "killed", "victim")]),
    # a surname two full names share is the one shooter among them: the gunman's "Reyes", not his daughter
    (["Jon Reyes shot and killed his daughter, Mia Reyes, 7, at their home on Friday.",
      "Police said Reyes then turned the gun on himself."],
     [("Mia Reyes", "killed", "victim"), ("Jon Reyes", "killed", "shooter")]),
]


@pytest.mark.parametrize(("texts", "people"), NAMED, ids=[c[0][-1][:40] for c in NAMED])
def test_named(texts, people):
    assert_named(_rows(texts), people)


def assert_named(rows: list[tuple], people: list[tuple]) -> None:
    """Each (name, outcome or "", role) of ``people`` is among the (name, outcome, role) ``rows``."""
    for name, outcome, role in people:
        found = [(o, r) for n, o, r in rows if n == name]
        assert found, f"{name} not in {rows}"
        assert any((not outcome or o == outcome) and r == role for o, r in found), f"{name}: {found}"


NOT_NAMED = [
    # the victims of another shooting, or "the other victims", are not the people told of before
    (["A man was shot dead on Oak Street.", "The victims of the 2012 shooting were Ann Lee and Bo Diaz."],
     "Ann Lee", ""),
    (["A woman was shot and killed on Friday.", "The victims were Ann Lee and Bo Diaz, both of whom were treated "
      "and released."], "Bo Diaz", "killed"),
    # a name the victims' list gives is not the unnamed man killed before it: the list may be others
    (["A man was killed and a woman was wounded in the shooting.", "The victims were Ann Lee, 30, and Bo Diaz, 41."],
     "Ann Lee", "killed"),
    # a toll told far below, of another shooting, does not make the people the article only names its dead
    (["Three students were wounded on Friday.", "The victims were Ann Lee, Bo Diaz and Cy Moss.", *_FILLER,
      "Nine people were killed when a gunman opened fire at a church in another state."], "Ann Lee", "killed"),
    # nor is one of the shooters the man they shot
    (["A man was shot on Friday.", "Police identified one of the shooters as Rick Watts, 27."], "Rick Watts",
     "victim"),
    # a surname two full names share, neither of them a shooter, is neither's: not the first named
    (["Mia Reyes, 7, and her mother, Eva Reyes, 33, were shot dead at their home on Friday.",
      "Police said Reyes then turned the gun on himself."], "Mia Reyes", "shooter"),
]


@pytest.mark.parametrize(("texts", "name", "outcome"), NOT_NAMED, ids=[c[0][-1][:40] for c in NOT_NAMED])
def test_not_named(texts, name, outcome):
    rows = _rows(texts)
    assert not [o for n, o, r in rows if n == name and (not outcome or outcome in (o, r))], rows
