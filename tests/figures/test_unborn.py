"""A child not yet born beside the people a shooting killed (``analysis.figures.unborn``): reporters keep it apart from
the people they count ("two adults and an unborn child"), so it adds nothing to a count of people and is no death of
its own in the people counted one by one; a number the reporter gives with the child in it stays as written.

Every sentence here is written for the test, in the style of local crime reporting; none is taken from an article.
"""

from __future__ import annotations

import pytest

from analysis.figures.unborn import names_unborn
from tests.figures.test_counting_rules import _headline


@pytest.mark.parametrize("sentences, killed, injured", [
    # a listed group added to a count of people: the people
    (["The sheriff said two adults and an unborn child died in the fire that followed the shooting on Birch Lane."],
     2, None),
    (["Deputies said two women and an unborn boy were killed at the farmhouse on Quarry Road."], 2, None),
    # the only death told is the unborn child's: no one the toll of people counts, and the mother is wounded
    (["A woman eight months along was hit in the thigh on Kerr Avenue, and her unborn daughter died, police said."],
     None, 1),
    (["Neighbors said the expectant mother was shot twice on Dover Street.",
      "Her unborn daughter was killed by the gunfire, relatives said."], None, 1),
    # the reporter's own number with the child in it stays as written
    (["The gunfire left five dead, including an unborn boy, deputies said."], 5, None),
    # guard: a child born counts as before
    (["Two men and a baby were killed when gunfire tore through the duplex."], 3, None),
])
def test_the_unborn_child_beside_the_people_counted(sentences, killed, injured):
    heads = _headline(*sentences)
    assert (heads["killed"], heads["injured"]) == (killed, injured)


@pytest.mark.parametrize("words, unborn", [
    ("her unborn daughter", True),
    ("the fetus", True),
    ("a foetus", True),
    ("her baby", False),
    ("an expectant mother", False),
])
def test_which_words_name_a_child_not_yet_born(words, unborn):
    assert names_unborn(words.split()) is unborn
