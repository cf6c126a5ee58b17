"""Ages and telephone numbers that are no count of people (``analysis.figures.not_counts``).

Every sentence here is written for the test, in the style of local crime reporting; none is taken from an
article.
"""

from __future__ import annotations

import pytest

from analysis.figures.scan import scan_sentence


@pytest.mark.parametrize("sentence, expected", [
    ("Dispatchers took a 9-1-1 call about a boy being shot behind the school.", []),
    ("Anyone with information can call 555-201-7788; three men were shot.", [("shot", 3)]),
    ("The wounded, from 16- to 24-years-old, were taken to two hospitals.", []),
    ("Kim Vo, 19, Ray Ortiz, 22 and Dee Hall, 27 were taken to the hospital.", []),
    ("Tom Reyes, 30, and Lia Park, 28 were arrested at the house.", []),
    # counts stay
    ("In Riverside, 12 were wounded when the gunman fired into the crowd.", [("injured", 12)]),
    ("Between 10-12 people were shot at the block party.", [("shot", 10)]),
    ("Six people, 3 of them teenagers, were hurt.", [("injured", 6), ("injured", 3)]),
])
def test_not_a_count(sentence, expected):
    assert [(f.category, f.value) for f in scan_sentence(sentence).figures] == expected
