"""A person told as one of the dead: "X was one of the riders killed" says the dead were at least two.

Reporters identify a victim as a member of a group whose size they do not give in that sentence ("Ray Colton was
one of the riders killed on the bus", "Dana Price, one of the deputies who died in the ambush, ..."). The "one" is
no count of the dead: the plural of the group is. Read as a toll of one, it stood for the whole event and hid the
text's larger toll (a late "five officers died" set aside as an outlier against it). So the count is the group's:
at least two (qualifier ``at_least``, ``vague`` like "dozens": a precise count of the same size wins a tie).

The rule (``member_of_the_dead``): the number word "one", then "of the" (or "of those", "of our"), within four
words a person noun of the lexicon, "victims" or a word ending in "s" (the group's noun, "the county transit
officers"), and straight after it the group's own death: a participle ("killed", "slain", "shot and killed",
"shot to death", "fatally shot"), a relative clause with its auxiliary ("who were killed", "who had been slain"),
"who died", "who lost their lives", or "to die". No number stands in the group ("one of the four officers
killed" names its whole: ``quantities.link_wholes``).

Not read: "one of the men who shot and killed Ed Marr" (an active clause: the group are the killers); "one of the
victims died" (the one died, a part of those shot); "one of the men shot" (the group was shot, not killed); a
verb, a comma or a number before the group's noun.

Known misses: a group that is another event's ("one of the people killed in the city this year") is marked by
the period rules only where they see a period; "one of the earliest victims killed" in apposition ("her uncle, one
of the earliest victims killed", one man) still makes two; a possessive before the noun ("one of the city's
officers killed") is not read.
"""

from __future__ import annotations

import re

from analysis.figures.lexicon import AUX
from analysis.figures.numbers import Tokens

__all__ = ["member_of_the_dead"]

# after the plural: the group's death, with no other word between
_GROUP_DEATH = re.compile(
    r"(?:killed|slain|murdered|shot and killed|shot to death|shot dead|fatally (?:shot|wounded)"
    r"|(?:who|that) (?:(?:were|was|had been|have been) (?:\w+ly )?"
    r"(?:killed|slain|murdered|shot and killed|fatally shot)"
    r"|(?:later |also )?died|lost their lives)"
    r"|to (?:die|be killed|lose their lives))\b")
_PLURALS = frozenset("men women people children police staff victims".split())
_GROUP_OPENERS = frozenset("the those our their".split())


def member_of_the_dead(tok: Tokens, first: int, last: int, *, person_nouns: frozenset[str]) -> bool:
    """Is the quantity at tokens ``first:last`` of ``tok`` the word "one" of "one of the <plural> killed"?"""
    words = tok.words
    if last - first != 1 or words[first] != "one" or words[last:last + 1] != ["of"]:
        return False
    k = last + 1
    if k < len(words) and words[k] in _GROUP_OPENERS:
        k += 1
    for j in range(k, min(k + 4, len(words))):
        word = words[j]
        if not word.isalpha() or j in tok.numbers or word in AUX:
            return False  # a number or a comma in the group ("one of two men killed" names its whole), or its verb
        if (word in _PLURALS or word in person_nouns or word.endswith("s")) and _GROUP_DEATH.match(
                " ".join(words[j + 1:j + 8])):
            return True
    return False
