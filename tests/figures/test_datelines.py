"""A dateline before a sentence's first word is left out of what the small parser reads (``analysis.figures.parse``):
the parser otherwise hangs the sentence on it and misreads who was harmed.

Every sentence here is written for the test, in the style of local news; none is taken from an article.
"""

from __future__ import annotations

import pytest

from analysis.figures.parse import DATELINE, parse
from tests.figures.test_counting_rules import _headline


@pytest.mark.parametrize("text, dateline", [
    ("RIVER FALLS -- The boy died.", "RIVER FALLS -- "),
    ("SPRINGFIELD, Ill. (AP) — A man was shot.", "SPRINGFIELD, Ill. (AP) — "),
    ("(WXYZ) – A girl was hurt.", "(WXYZ) – "),
    ("OAK RIDGE, Tenn. – Two men were wounded.", "OAK RIDGE, Tenn. – "),
    # not a dateline: a sentence that opens with a capitalised word, a number, a dash inside a sentence
    ("A Burke County teen - a junior - was killed.", None),
    ("I-95 - the northbound lanes were closed.", None),
    ("LOWELL - ", None),
])
def test_what_a_dateline_is(text, dateline):
    match = DATELINE.match(text)
    assert (match.group(0) if match else None) == dateline


def test_the_words_keep_their_places_in_the_text():
    text = "RIVER FALLS -- The boy died."
    tokens = parse([text])[0]
    assert [(t.text, t.idx) for t in tokens][:2] == [("The", 15), ("boy", 19)]


@pytest.mark.parametrize("sentence, killed, injured", [
    ("RIVER FALLS -- The boy who was wounded when his rifle went off while he cleaned it on Tuesday has died, his "
     "school district said.", 1, None),
    ("(WXYZ) – A Marlow Township man is dead after deputies say the handgun in his waistband fired as he sat down in "
     "his truck.", 1, None),
])
def test_a_dateline_does_not_change_who_died(sentence, killed, injured):
    head = _headline(sentence)
    assert (head["killed"], head["injured"]) == (killed, injured)
