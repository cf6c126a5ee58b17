"""A condition told of several people at once: "X, 44, Y, 19, and Z remain hospitalized", "X and his daughter were
being treated for gunshot wounds". Each one listed is injured, not only the first. Sentences invented.

``INJURED``: the names that must be rows with outcome injured, and how many rows without a name are injured."""

from __future__ import annotations

import pytest

from tests.figures.test_named_people import _rows

_LEDE = "Gunfire broke out at a graduation party on Delmar Street on Saturday night."

INJURED = [
    ([_LEDE, "Karl Robb, 44, Lita Dunn, 19, and Leo Hamm, 62, remain hospitalized but are expected to recover."],
     ["Karl Robb", "Lita Dunn", "Leo Hamm"], 0),
    ([_LEDE, "Ada Vole, Ben Strand and Cal Ivers are hospitalized at Mercy General."],
     ["Ada Vole", "Ben Strand", "Cal Ivers"], 0),
    ([_LEDE, "Both Jo Rand, 30, and Mel Ober, 22, received non-life-threatening gunshot wounds."],
     ["Jo Rand", "Mel Ober"], 0),
    ([_LEDE, "When officers got there they found 40-year-old Rod Pike and his 6-year-old daughter being treated for "
             "gunshot wounds."],
     ["Rod Pike"], 1),
    ([_LEDE, "A 45-year-old woman and a 27-year-old man were left in critical condition."], [], 2),
    # an injury from something else is no gunshot victim's condition
    ([_LEDE, "The boy's mother learned of the shooting while she was being treated for a broken arm from a fall."],
     [], 0),
]


@pytest.mark.parametrize(("texts", "names", "unnamed"), INJURED, ids=[c[0][-1][:40] for c in INJURED])
def test_injured(texts, names, unnamed):
    rows = _rows(texts)
    for name in names:
        assert any(n == name and o == "injured" for n, o, _r in rows), f"{name} not injured in {rows}"
    assert sum(1 for n, o, _r in rows if not n and o == "injured") == unnamed, rows
