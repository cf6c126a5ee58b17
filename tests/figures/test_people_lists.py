"""People lists the people layer read short (issue 12, session 14): a family's names sharing a surname, "all dead"
after a list, "a couple" as two people, a "they" that stands for a list.

Every sentence here is written for the test, in the style of local crime reporting; none is taken from an
article.
"""

from __future__ import annotations

import pytest

from tests.figures.test_count_reporting import _headline


@pytest.mark.parametrize("sentences, killed, injured", [
    # names of one family with their ages: each a person, though the surnames match
    (["Rosa Feld, 61, Dana Feld, 25, and Mark Olsen, 27, were killed in the fire fight, deputies said."], 3, None),
    (["Officers found Rosa Feld, 61, Dana Feld, 25, and Mark Olsen, 27, dead inside the home."], 3, None),
    (["In the bedroom, officers discovered Rosa Feld, 61, Dana Feld, 25, Mark Olsen, 27, and infant Ivy Feld "
      "— all dead from gunshot wounds."], 4, None),
    # ... but one name given twice is one person
    (["Rosa Feld, 61, was killed, and Feld's neighbor called 911."], 1, None),
    # a couple is two people; "a couple of" is a count word, not a pair
    (["A young couple and their 3-month-old son were killed inside a motel room on Friday."], 3, None),
    (["A couple was shot and killed in their home late Sunday, the sheriff said."], 2, None),
    # "they" in a clause of a list's sentence stands for the list
    (["The man and the boy were rushed to a hospital where they later died."], 2, None),
    (["The woman and her son were flown to a trauma center, where they died early Monday."], 2, None),
    # ... and not a "they" with no list before it
    (["A man was shot on Elm Street, and they said he died at the scene."], 1, None),
])
def test_people_lists(sentences, killed, injured):
    assert _headline(*sentences) == {"killed": killed, "injured": injured}

