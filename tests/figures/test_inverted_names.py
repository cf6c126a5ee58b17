"""Names after an inverted verb: "Killed were X and Y", "Also wounded was X", "Among the dead were X and Y". Each row is
one reporting shape, in our own words. Sentences invented.

``NAMED``: each (name, outcome) must be a row of ``victims``. ``NOT_NAMED``: names that must not be rows."""

from __future__ import annotations

import pytest

from tests.figures.test_named_people import _rows

_LEDE = "A gunman opened fire at a cookout on Delmar Street on Saturday night."

NAMED = [
    (["Killed were 31-year-old Tod Rhee of Millbrook, 19-year-old Ana Pruitt of Dover and 44-year-old Cora Vance of "
      "Kent, deputies said."],
     [("Tod Rhee", "killed"), ("Ana Pruitt", "killed"), ("Cora Vance", "killed")]),
    ([_LEDE, "Also killed was Antoine Greaves, 21."], [("Antoine Greaves", "killed")]),
    ([_LEDE, "Also killed at the party were the host's daughter, Dana Ruiz, and her cousin, Al Bright."],
     [("Dana Ruiz", "killed"), ("Al Bright", "killed")]),
    ([_LEDE, "Wounded in the gunfire was Deputy Carl Ostrander."], [("Carl Ostrander", "injured")]),
    ([_LEDE, "Treated for minor injuries at Mercy General and released were Tom Cole, 41, Jay Hale, 33, and Lu Park, "
             "19."],
     [("Tom Cole", "injured"), ("Jay Hale", "injured"), ("Lu Park", "injured")]),
    ([_LEDE, "Killed on Sunday in the Elm Park shooting was Lu Park, 19."], [("Lu Park", "killed")]),
    ([_LEDE, "Among the dead were Ray Pitts, 19, and Lon Ames, 20."], [("Ray Pitts", "killed"), ("Lon Ames", "killed")]),
]


@pytest.mark.parametrize(("texts", "people"), NAMED, ids=[c[0][-1][:40] for c in NAMED])
def test_named(texts, people):
    rows = _rows(texts)
    for name, outcome in people:
        assert any(n == name and o == outcome for n, o, _r in rows), f"{name} {outcome} not in {rows}"


NOT_NAMED = [
    # a place after the name is no one
    ([_LEDE, "Killed in the gunfire was Deon Tully, 30, of Mobile, Alabama."], "Alabama"),
    # those charged are not the dead, though the words speak of a killing
    ([_LEDE, "Among those charged in the killing was Ray Pitts, 19."], "Ray Pitts"),
    # a verb after the names ends them: the one who speaks is no victim
    ([_LEDE, "Wounded was a 30-year-old man, Sheriff Lyle Dunning said."], "Lyle Dunning"),
]


@pytest.mark.parametrize(("texts", "name"), NOT_NAMED, ids=[c[0][-1][:40] for c in NOT_NAMED])
def test_not_named(texts, name):
    rows = _rows(texts)
    assert not [r for r in rows if r[0] == name and r[1] in ("killed", "injured")], rows
