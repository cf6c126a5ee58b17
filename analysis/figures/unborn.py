"""A child not yet born is not one of the people a shooting killed, unless the reporter's own number holds it.

Reporters keep the unborn apart from the people they count: "two women and an unborn boy were killed", "the
gunfire wounded his wife and took the life of their unborn son". A toll of people (and the Gun Violence Archive's,
against which the rules are measured) counts the people; the child is told of beside them. So:

- a listed group added to a numeral count ("two women and an unborn boy") adds nothing for the child
  (``analysis.figures.counts``: 2, not 3);
- the people counted one by one (``analysis.figures.people_counts``) leave out a mention whose words name an
  unborn child ("her unborn daughter died" is no death of its own);
- an article whose only dead is such a child reports no death of a person, so the people it tells shot with no
  outcome stated are its wounded (``analysis.figures.victims``: "A woman eight months along was hit in the thigh,
  and her unborn daughter died" -> injured 1, killed none).

A count the reporter gives with the child in it is the reporter's and stays: "left five dead, including an unborn
boy" -> 5, as does a numeral toll that counts the child alone ("the attack that killed one").

The words are in ``data/unborn.txt`` (``Lexicon.unborn``).

Known misses:
- A child named as unborn only in another sentence ("She was pregnant. The baby died.") is counted.
- A child born alive after the shooting who then dies is a death; so is one the text calls "the baby" after
  telling the birth; a bare "the baby" in a story of a pregnant woman shot is not told apart from the unborn
  child.
- The Gun Violence Archive's own count, on the tuning set, holds the unborn child in one of the three incidents
  whose articles name one (a toll "including" the child, kept by the rule above) and leaves it out in the
  other two: the rule follows how the reporters count, which the archive mostly does too.
"""

from __future__ import annotations

from analysis.figures.lexicon import load_lexicon

__all__ = ["names_unborn", "only_unborn_dead"]


def names_unborn(words: list[str]) -> bool:
    """Do these (lower-case) words name a child not yet born ("her unborn baby", "the fetus")?"""
    return not load_lexicon().unborn.isdisjoint(words)


def only_unborn_dead(mentions) -> bool:
    """Are all the mentions that tell this person killed words for a child not yet born (and is there one)?"""
    dead = [m for m in mentions if m.outcome == "killed"]
    return bool(dead) and all(names_unborn(m.text.lower().split()) for m in dead)
