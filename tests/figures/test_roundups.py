"""Roundups of several shootings in one sentence, and a block number written short (issue 12: killed as real
reporters write it).

A tally phrase ("in Monday shootings", "across the city", "in four hours") at the end of a sentence covers every count
the sentence gave before it, asides and all, unless a clause of another kind stands between. Every sentence here is
written for the test, in the style of local crime reporting; none is taken from an article.
"""

from __future__ import annotations

import pytest

from tests.figures.test_count_reporting import _headline
from tests.figures.test_figures import figures_of


def _statuses(*sentences: str) -> list[tuple[str, int, str]]:
    """(category, value, "period" or the status) of each figure read: a lone period count is set back to current
    (nothing else to count), so the period flag is what tells it."""
    figures = figures_of(*sentences)
    return [(row.category, int(row.value), "period" if row.period else row.status) for row in figures.itertuples()
            if row.rule != "derived"]


@pytest.mark.parametrize("sentence, expected", [
    # the tally at the end reaches back over an "including" aside to the first count
    ("Three people were killed and at least nine others were wounded, including a toddler, in Sunday shootings on "
     "the East and West sides, officials said.",
     [("killed", 3, "period"), ("injured", 9, "period")]),
    ("Two men were killed, including a 70-year-old grocer, and six other people were hurt in shootings from Friday "
     "night to Sunday morning, police said.",
     [("killed", 2, "period"), ("injured", 6, "period")]),
    ("At least 30 people have been shot — five of them fatally — across the city since Friday evening.",
     [("shot", 30, "period"), ("killed", 5, "period")]),
    # a clause of another kind stands between: the count before it is this event's
    ("A woman was found dead in her car on Elm Street, while 14 people were wounded in shootings across the city.",
     [("injured", 14, "period")]),
    ("Two people were killed in a house on Elm Street; police said 11 more were shot in weekend shootings.",
     [("killed", 2, "current"), ("shot", 11, "period")]),
    # one event told in the plural stays this event
    ("Four people were killed and two were wounded, police said, in the shootings at the Elm Street market.",
     [("killed", 4, "current"), ("injured", 2, "current")]),
])
def test_a_tally_at_the_end_covers_the_counts_before_it(sentence, expected):
    assert _statuses(sentence) == expected


@pytest.mark.parametrize("sentences, killed, injured", [
    # the roundup's toll gives way to the article's own shooting
    (["Three people were killed and at least nine others were wounded, including a toddler, in Sunday shootings on "
      "the East and West sides, officials said.",
      "In the first attack, a 24-year-old man was shot dead outside a corner store on Vine Street."], 1, None),
    # alone, the roundup's count is the article's
    (["Three people were killed and at least nine others were wounded, including a toddler, in Sunday shootings on "
      "the East and West sides, officials said."], 3, 9),
    # people shot "in four hours" are a tally of several shootings, like "in a four-hour span"
    (["With nine people shot in six hours, the department ran short of detectives, the chief said.",
      "The last shooting, on Pine Avenue, claimed the lives of two men."], 2, None),
])
def test_the_roundups_counts_give_way_to_the_articles_own(sentences, killed, injured):
    assert _headline(*sentences) == {"killed": killed, "injured": injured}


@pytest.mark.parametrize("sentence, kept", [
    ("Eleven people were shot within 5 hours on the west side, police said.", False),
    ("Police said 12 people were shot over 48 hours in the city.", False),
    ("Four people were shot inside the bar about two hours after it opened.", True),
])
def test_people_shot_over_a_few_hours_are_a_tally(sentence, kept):
    statuses = [status for category, _, status in _statuses(sentence) if category == "shot"]
    assert statuses and (statuses[0] != "period") == kept


@pytest.mark.parametrize("sentence", [
    "Deputies were sent to a man shot and killed in the 4100 blk Maple Rd. early Sunday.",
    "A teen was shot and wounded in the 900 blk of W. Cedar Ave., police tweeted.",
])
def test_an_abbreviated_block_number_is_an_address(sentence):
    assert not any(value >= 100 for _, value, _ in _statuses(sentence))
