"""Named people shot whom the article tells alive elsewhere: the wounded beside the dead.

In an article that reports a death, someone shot with no outcome stated stays ``unknown`` in the ``victims`` table
(they are most often the dead, told in other words). Two readings make a named one of them injured instead:

- ``survivors``: a sentence anywhere in the article that gives their surname, with no word of death, says they
  live: a condition ("McNeal was taken to the hospital in serious condition", "is in the intensive care unit"),
  "Two others who got shot are recovering, including Watts", "was released from a local hospital", "is expected to
  make a full recovery" (``survival_cues`` and ``injured_conditions`` of ``data/people_lexicon.json``);
- ``the_wounded``: the people the article says were killed are all named and as
  many as its numeral death toll, so the others shot were wounded.

Only the victims table's outcome changes; the counts are the ledger's and ``people_counts``'.

Known misses: a survival told of a he/she ("He is recovering") in a sentence without the surname; a cue for
someone else in a sentence that also gives the surname ("Ray Cole's brother is recovering"); a surname two
people share (both read alive).
"""

from __future__ import annotations

import re

from analysis.figures.name_patterns import surname
from analysis.figures.same_person import Person

__all__ = ["survivors", "the_wounded"]

_DEATH = re.compile(r"\b(?:kill|dead|die[sd]?\b|dying|death|fatal|murder|slain|homicide|succumb|suicide|"
                    r"passe[sd] away|body|funeral|vigil|memorial|autopsy|coroner|medical examiner)", re.I)


def survivors(people: list[Person], texts: list[str], survival: re.Pattern) -> list[Person]:
    """The named people shot with no outcome stated whom a sentence of ``texts`` (the article's) with their surname
    and no word of death tells alive."""
    alive = []
    for person in people:
        if person.outcome != "unknown" or not person.name or person.count != 1 or person.role == "shooter":
            continue
        last = re.compile(rf"\b{re.escape(surname(person.name))}\b", re.I)
        if any(last.search(t) and survival.search(t) and not _DEATH.search(t) for t in texts):
            alive.append(person)
    return alive


def the_wounded(people: list[Person], toll: int) -> list[Person]:
    """"Two men were shot ... Ray Cole died at the scene. Tom Bell was shot in the leg": where the people the article
    says were killed are all named and as many as its numeral death toll, the named victims shot with no outcome
    stated are the wounded (the victims table's outcome; the counts are unchanged)."""
    killed = [p for p in people if p.outcome == "killed" and p.role != "shooter"]
    if toll <= 0 or any(not p.name for p in killed) or sum(p.count for p in killed) != toll:
        return []
    return [p for p in people if p.outcome == "unknown" and p.name and p.count == 1 and p.role == "victim"]
