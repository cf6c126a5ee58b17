"""A number that opens a place's name is no count (``distractors.place_nouns`` of the figures lexicon, read by
``analysis.figures.quantities.is_distractor``).

Every sentence here is written for the test, in the style of local crime reporting; none is taken from an
article."""

from __future__ import annotations

import pytest

from analysis.figures.scan import scan_sentence


@pytest.mark.parametrize("sentence, expected", [
    ("Two boys were killed in Four Hills on Friday night.", [("killed", 2)]),
    ("Deputies said he was killed at Seven Oaks Park.", []),
    ("One man was shot at Three Rivers Mall.", [("shot", 1)]),
    ("The flood washed away two bridges and three lakes overflowed.", [("other", 2)]),
    ("A woman was wounded near Five Points late Tuesday.", []),
    # counts stay
    ("Four people were wounded near the hills behind the school.", [("injured", 4)]),
    ("Three were killed in the crash near the falls.", [("killed", 3)]),
])
def test_a_place_name_is_no_count(sentence, expected):
    assert [(f.category, f.value) for f in scan_sentence(sentence).figures] == expected
