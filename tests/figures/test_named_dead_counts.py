"""The named dead counted across sentences (``analysis.figures.people_counts``): only a family's.

Every sentence here is invented, in the manner of local shooting reports."""

from __future__ import annotations

import pytest

from tests.figures.test_individuals import _headline

_QUIET = "Officers said the gunman fled in a gray sedan."


@pytest.mark.parametrize("texts, killed, qualifier", [
    # a family's dead, named in different sentences, add up
    (["Rosa Feld, 61, was fatally shot in her kitchen on Tuesday, deputies said.", _QUIET,
      "Her son, Mark Feld, 34, died at the hospital hours later."], 2, "at_least"),
    # a victim of an earlier killing named beside this one's
    (["Dale Korver, 45, was shot and killed outside his shop on Friday.", _QUIET,
      "Detectives are also looking into the death of Tamika Rowe, who was killed in Linwood in March."], 1, "exact"),
    (["Dale Korver, 45, was shot and killed outside his shop on Friday.", _QUIET,
      "Andre Vance was killed in the same block last spring."], 1, "exact"),
    # the suspect's later death in a crash is another event's
    (["Kevin Marsh, 31, was shot and killed on Saturday.", "Police said the shooter, Tony Grell, was arrested.",
      "Grell was later killed in a crash."], 1, "exact"),
])
def test_named_dead_across_sentences(texts, killed, qualifier):
    head = _headline(*texts)
    assert int(head["killed"]) == killed
    assert head["killed_qualifier"] == qualifier
