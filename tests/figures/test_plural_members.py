"""A person told as one of the dead (``analysis.figures.plural_members``): "one of the riders killed" is no toll of one.

Every sentence here is invented, in the manner of local shooting reports."""

from __future__ import annotations

import pytest

from analysis.figures.lexicon import load_lexicon
from analysis.figures.numbers import Tokens, numbers_in
from analysis.figures.plural_members import member_of_the_dead
from tests.figures.test_individuals import _headline

_QUIET = "Investigators closed the road for most of the evening."


@pytest.mark.parametrize("texts, killed, qualifier", [
    # a victim named as one of a group whose size the sentence does not give: two dead at least
    (["The coroner said Royce Albin, 52, was one of the riders killed when the gunman boarded the bus.", _QUIET], 2,
     "at_least"),
    (["Corporal Neva Strand was one of the troopers who died in the standoff.", _QUIET], 2, "at_least"),
    (["Bettina Hollis, one of the diners slain at the cafe, taught piano.", _QUIET], 2, "at_least"),
    (["Landry Pike was one of the workers who were fatally shot at the depot."], 2, "at_least"),
    # no longer a toll of one that hides the larger count told after it
    (["Arlo Venn, who was one of the transit officers killed on Thursday, loved fishing.", _QUIET, _QUIET,
      "Five officers died in the attack."], 5, "exact"),
    # the group's own count, where a sentence gives it, stands
    (["Two people were killed in the crash of gunfire.", "Mina Sol, 31, was one of the people killed."], 2,
     "exact"),
])
def test_one_of_the_dead_counts_the_group(texts, killed, qualifier):
    head = _headline(*texts)
    assert int(head["killed"]) == killed
    assert head["killed_qualifier"] == qualifier


@pytest.mark.parametrize("sentence, member", [
    ("Royce Albin was one of the riders killed on the bus.", True),
    ("She was one of the tellers who had been killed in the robbery.", True),
    ("He was one of three officers to die that year.", False),  # a number names the whole
    ("One of the victims died at the hospital.", False),  # the one died, a part of the people shot
    ("One of the suspects was fatally shot.", False),  # the group's verb, not its death
    ("Police say Dax Rinn is one of the men who shot and killed a clerk.", False),  # the group killed: the shooters
    ("One of the men shot was treated and released.", False),  # shot, not killed
    ("The gunman killed one of the guards and fled.", False),
])
def test_member_of_the_dead(sentence, member):
    tok = Tokens.of(sentence)
    for number in numbers_in(tok):  # as the sentence scan marks them
        tok.numbers.update(range(number.first, number.last))
    at = tok.words.index("one")
    assert member_of_the_dead(tok, at, at + 1, person_nouns=load_lexicon().person_nouns) is member


@pytest.mark.parametrize("texts, killed", [
    (["Police say Dax Rinn is one of the men who shot and killed a clerk on Friday."], 1),
    (["The gunman fatally shot one of the teens, a boy of 13."], 1),
    (["He was one of the four officers killed in the raid."], 4),
])
def test_other_uses_of_one_of_keep_their_count(texts, killed):
    assert int(_headline(*texts)["killed"]) == killed
