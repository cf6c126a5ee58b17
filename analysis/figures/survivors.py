"""Named people shot whom the article tells alive elsewhere: the wounded beside the dead.

In an article that reports a death, someone shot with no outcome stated stays ``unknown`` in the ``victims`` table
(they are most often the dead, told in other words). Two readings make a named one of them injured instead:

- ``survivors``: a sentence anywhere in the article that gives their surname, with no word of death, says they
  live: a condition ("McNeal was taken to the hospital in serious condition", "is in the intensive care unit"),
  "Two others who got shot are recovering, including Watts", "was released from a local hospital", "is expected to
  make a full recovery" (``survival_cues`` and ``injured_conditions`` of ``data/people_lexicon.json``);
- ``the_wounded``: the people the article says were killed are all named and as
  many as its numeral death toll, so the others shot were wounded;
- ``alive_together`` (also in an article with no death, for names only listed as "the victims"): an
  identification names them as a group whose state the sentence next to it tells, alive now
  (``victim_mentions.ALIVE``), of the whole group: "Police identified the victims as X, Y and Z. All three are in
  fair condition", "The victims are X and Y. Both remain hospitalized", or "Two others are expected to survive. They
  were identified as X and Y" (an identification opening with "They"). Not "the other victims", "the others": people
  besides those named ("The other victims are all recovering. Officers named the victims as X and Y" names
  the dead).

Only the victims table's outcome changes; the counts are the ledger's and ``people_counts``'.

Known misses: a group told alive two sentences away, or in a sentence that also names the dead; a survival told
of a he/she ("He is recovering") in a sentence without the surname; a cue for
someone else in a sentence that also gives the surname ("Ray Cole's brother is recovering"); a surname two
people share (both read alive).
"""

from __future__ import annotations

import re

from analysis.figures.name_patterns import surname
from analysis.figures.same_person import Person
from analysis.figures.victim_mentions import ALIVE

__all__ = ["alive_together", "survivors", "the_wounded"]

# the whole group a sentence opens with: "They", "All three", "All of the victims", "Both", "The victims", "Each"
_WHOLE_GROUP = re.compile(r"^\W*(?:they|both|each|all(?: (?:of (?:them|the victims)|two|three|four|five|six|seven|"
                          r"eight|nine|ten|\d+))?|the (?:victims|wounded|injured))\b", re.I)
_THEY_IDENTIFIED = re.compile(r"^\W*they (?:have been |had been |were |are )?(?:identified|named)\b", re.I)
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


def alive_together(people: list[Person], texts: list[str]) -> list[Person]:
    """The named victims shot with no outcome stated whom an identification names as a group that the sentence after
    it ("All three are in fair condition") or, for "They were identified as X and Y", the sentence before it ("Two
    others are expected to survive") tells alive; ``texts`` are the article's sentences in order."""
    def alive(i: int) -> bool:
        return 0 <= i < len(texts) and bool(ALIVE.search(texts[i])) and not _DEATH.search(texts[i])

    out = []
    for person in people:
        if person.outcome not in ("", "unknown") or not person.name or person.count != 1 or person.role != "victim":
            continue
        told = {m.sentence_idx for m in person.mentions if m.kind == "name" and (m.identified or m.listed)}
        if any((alive(i + 1) and _WHOLE_GROUP.search(texts[i + 1])) or (
                0 <= i < len(texts) and _THEY_IDENTIFIED.search(texts[i]) and alive(i - 1)) for i in told):
            out.append(person)
    return out
