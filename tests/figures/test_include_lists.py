"""Names in a list after "include": "The dead include X and Y", "The wounded included X; Y; and Z", "The victims
include X and Y" (the last says nothing of how they were harmed). Sentences invented.

``NAMED``: each (name, outcome) must be a row of ``victims``. ``NOT_NAMED``: names that must not be harmed rows."""

from __future__ import annotations

import pytest

from tests.figures.test_named_people import _rows

_LEDE = "Gunfire at a birthday party on Linden Street left three people dead and two hurt late Saturday."
_HURT = "Gunfire on Linden Street sent two people to the hospital late Saturday."

NAMED = [
    ([_LEDE, "The dead include Rico Hale, 24, and Dan Lutz, 23."], [("Rico Hale", "killed"), ("Dan Lutz", "killed")]),
    ([_LEDE, "The wounded included Rico Hale, 24; Dan Lutz, 23; and Wes Obi, 22."],
     [("Rico Hale", "injured"), ("Dan Lutz", "injured"), ("Wes Obi", "injured")]),
    # "the victims" says nothing of how: named, with the outcome the rest of the article gives
    ([_HURT, "The victims include Mona Ruiz and Pat Gale, deputies said."], [("Mona Ruiz", ""), ("Pat Gale", "")]),
]


@pytest.mark.parametrize(("texts", "people"), NAMED, ids=[c[0][-1][:40] for c in NAMED])
def test_named(texts, people):
    rows = _rows(texts)
    for name, outcome in people:
        assert any(n == name and (o == outcome or not outcome) for n, o, _r in rows), f"{name} {outcome} not in {rows}"


NOT_NAMED = [
    # the victims of another, older shooting are not this one's
    ([_LEDE, "The victims of the 2009 shooting included Rico Hale."], "Rico Hale"),
]


@pytest.mark.parametrize(("texts", "name"), NOT_NAMED, ids=[c[0][-1][:40] for c in NOT_NAMED])
def test_not_named(texts, name):
    rows = _rows(texts)
    assert not [r for r in rows if r[0] == name and r[1] in ("killed", "injured")], rows
