"""A period named in a sentence's first clause ("this year") is the time of the whole sentence: the counts after a
comma ("four fatally", "three of them fatally") are parts of that period's tally, not this shooting's dead
(``analysis.figures.background._period_clauses``).

Every sentence here is written for the test, in the style of local crime reporting; none is taken from an article.
"""

from __future__ import annotations

import pytest

from tests.figures.test_counting_rules import _headline

_LEDE = "Deputies said a teenager died after gunfire erupted on Elm Street late Friday."


@pytest.mark.parametrize("sentences, killed", [
    ([_LEDE, "Nine teenagers have been shot in the county this year, three of them fatally."], 1),
    ([_LEDE, "Eleven people have been wounded by gunfire in Westbrook this year, four fatally, police said."], 1),
    # guards: "this year" in a later clause marks that clause only; a lone period count stays the article's count
    (["Two men were killed on Friday, the third deadly shooting in Westbrook this year."], 2),
    (["Nine teenagers have been shot in the county this year, three of them fatally."], 3),
])
def test_a_period_in_the_first_clause_covers_the_sentence(sentences, killed):
    assert _headline(*sentences)["killed"] == killed
