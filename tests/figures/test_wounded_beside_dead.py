"""The wounded beside the dead: someone named as shot, in an article that reports a death, whom the article tells
alive (``analysis.figures.survivors``: ``survivors``) or whom the toll's arithmetic leaves alive (``the_wounded``), is
injured in the ``victims`` table, not ``unknown``. Sentences invented.

``CASES``: each (name, outcome) must be a row of ``victims``; ``outcome`` "" for any."""

from __future__ import annotations

import pytest

from tests.figures.test_later_names import _rows


def _outcomes(texts: list[str]) -> dict[str, str]:
    return dict(_rows(texts))


CASES = [
    # told alive in a sentence of their own that gives the surname
    (["Two men were shot and killed outside a bar on Elm Street late Friday.",
      "Dale Fenn, 27, was also shot in the attack.",
      "Two others who were hit are recovering, including Fenn."],
     "Dale Fenn", "injured"),
    (["A deputy was killed and a police chief was wounded when a gunman opened fire on them Monday.",
      "Deputy Hal Breck died at the scene.",
      "Chief Owen Tarr was shot in the arm.",
      "Tarr was released from a local hospital that evening."],
     "Owen Tarr", "injured"),
    (["One woman died and her friend was hurt in a shooting at a gas station on Route 4.",
      "Gail Ott, 52, was pronounced dead at the scene.",
      "Joan Pike, 48, was shot in the leg.",
      "Ms. Pike remains in intensive care."],
     "Joan Pike", "injured"),
    # the toll's arithmetic: the dead are all named and as many as the toll, so the other named shot lived
    (["Two people were killed in a shooting at a party on Oak Street early Sunday.",
      "Ray Cole, 31, and Tom Bell, 24, died at the scene.",
      "Lee Dunn, 19, was also shot."],
     "Lee Dunn", "injured"),
]

STILL_UNKNOWN = [
    # a word of death in the sentence that tells the condition: the condition came before the death
    (["Two men were shot and killed outside a bar on Elm Street late Friday.",
      "Dale Fenn, 27, was also shot in the attack.",
      "Fenn was in critical condition before he died at the hospital on Sunday."],
     "Dale Fenn"),
    # the toll is larger than the named dead: the one shot may be the dead, told in other words
    (["Three people were killed in a shooting at a party on Oak Street early Sunday.",
      "Ray Cole, 31, and Tom Bell, 24, died at the scene.",
      "Lee Dunn, 19, was also shot."],
     "Lee Dunn"),
]


@pytest.mark.parametrize("texts, name, outcome", CASES, ids=[c[1] for c in CASES])
def test_named_people_told_alive_are_injured(texts, name, outcome):
    found = _outcomes(texts)
    assert name in found, found
    assert not outcome or found[name] == outcome, found


@pytest.mark.parametrize("texts, name", STILL_UNKNOWN, ids=[c[1] + str(i) for i, c in enumerate(STILL_UNKNOWN)])
def test_no_survival_without_its_words(texts, name):
    found = _outcomes(texts)
    assert found.get(name) != "injured", found
