"""The dead a title lists together with the gunman's own death.

Headlines of murder-suicides and rampages often count the gunman among the dead in one list, where
the text tells his victims' toll and his death apart ("Man kills ex-wife, her brother, himself",
"Mother kills husband, son, daughter, then herself", "Gunman kills 4 coworkers, self", "Man shot
his neighbors, killing 2, then killed himself", "3 guards, gunman dead"). Incident databases count
the gunman among the killed, so such a title gives the whole toll: the people listed (a number
counts that many, any other person one) plus the gunman. Two shapes are read:

- a killing verb ("kills", "killing", "fatally shoots", "shot and killed", "murders") and a list
  closed by "himself" / "herself" / "self" ("..., then himself", "..., then killed himself");
- a list closed by the gunman dead ("3 guards, shooter dead", "Two clerks and a gunman killed");
  not "suspect", a word incident databases of victims use for someone the police shot.

The count is a figure row of the title (``sentence_idx`` -1, ``figure_id`` ending in ``:gunman:title``):
rule ``numeral`` when the list holds a number ("4 coworkers, self": 5), else ``enumeration`` (people
listed: "ex-wife, her brother, himself": 3). The ledger's headline takes it like any other count,
so it wins only over smaller counts of the text. The row is appended as it is, not through the
people layer: the gunman's own death takes nothing from the wounded derived from people shot.

Not read: a list with a plural person and no number ("kills his mother, cousins, self": how many is
not said), a list item that is not a person ("wife, two kids and a dog"), a title of an accident
("boy accidentally kills himself": the one who died is the victim), the gunman's death before the
list ("Kills Himself And 2 Sons"), nor a list that already includes him ("3 people, including the
gunman, dead"). Known misses: a title whose verb kills only some of the list ("stabs wife, kills
son, himself") counts them all; a title written before a victim died counts the dead of its time.
"""

from __future__ import annotations

import re
from functools import lru_cache

import pandas as pd

from analysis import schema
from analysis.figures.numbers import parse_number_words
from analysis.figures.victim_mentions import people_lexicon

__all__ = ["listed_with_the_shooter", "shooter_list_figures", "person_words"]

_KILLING = (r"(?:(?:fatally|mortally)\s+(?:shoot(?:s|ing)?|shot)|shot\s+and\s+killed|shoots\s+and\s+kills|"
            r"kill(?:s|ed|ing)?|murder(?:s|ed|ing)?|slays?|slew|gun(?:s|ned)?\s+down)")
# "kills ex-wife, her brother, himself", "killing 2, then killed himself", "fatally shoots 4 coworkers, self"
_THEN_SELF = re.compile(
    rf"\b{_KILLING}\s+(?P<list>[^;:|!?\"“”]+?)(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?:then\s+)?"
    rf"(?:(?:{_KILLING}|shoot(?:s|ing)?|shot)\s+)?(?:him|her)?self\b", re.I)
# "3 guards, shooter dead", "Two clerks and a gunman are dead", after a label ("Police: ")
_SHOOTER_DEAD = re.compile(
    r"^(?:[^:]{1,40}:\s+)?(?P<list>[^;:|!?\"“”]+?)(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?:the\s+|a\s+)?"
    r"(?:alleged\s+|suspected\s+)?(?:gunman|gunwoman|shooter|attacker)\s+(?:(?:are|were|is|was)\s+)?"
    r"(?:dead|killed|slain)\b", re.I)
_ITEMS = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+", re.I)
_DETERMINERS = frozenset("his her their a an the its".split())
_AGE = re.compile(r"^\d+-(?:year|month|week|day)s?-old$", re.I)
_ACCIDENT = re.compile(r"\baccident", re.I)


@lru_cache(maxsize=1)
def person_words() -> tuple[frozenset[str], frozenset[str]]:
    """(singular person nouns, every person noun) of the people lexicon, lower case."""
    lex = people_lexicon()
    words = {w.lower() for w in [*lex["person_nouns"], *lex["kin_nouns"]]}
    for nouns in lex["roles"].values():
        words |= {w.lower() for w in nouns}
    plural = {w for w in words if w.endswith(("men", "children", "people", "ies", "police"))
              or (w.endswith("s") and w[:-1] in words)}
    return frozenset(words - plural), frozenset(words)


def _item_count(item: str) -> tuple[int, bool] | None:
    """``"her brother"`` -> (1, False), ``"4 coworkers"`` -> (4, True), ``"2"`` -> (2, True); None for what is no
    countable person ("cousins", "a dog", "Deputy Hurt")."""
    words = [w for w in item.split() if w.lower() not in _DETERMINERS]
    if not words or len(words) > 4:
        return None
    parsed = parse_number_words([words[0]]) if not words[0].isdigit() else (int(words[0]), 1)
    if parsed and not _AGE.match(words[0]):
        number, rest = parsed[0], words[1:]
        if number < 1 or len(rest) > 3 or (rest and not rest[-1].isalpha()):
            return None
        return number, True
    singular, _ = person_words()
    head = words[-1].lower().rstrip(",").removeprefix("ex-")  # "ex-wife", "ex-boyfriend"
    if head not in singular or not all(_AGE.match(w) or w.isalpha() for w in words[:-1]) or len(words) > 3:
        return None
    return 1, False


def listed_with_the_shooter(title: str) -> tuple[int, int, int, bool] | None:
    """The title's dead listed with the gunman's own death: ``(value, start, end, numeral)`` (``start``/``end``
    the list and the gunman's words in the title), or None."""
    title = str(title or "")
    if _ACCIDENT.search(title):
        return None
    for pattern in (_THEN_SELF, _SHOOTER_DEAD):
        match = pattern.search(title)
        if not match:
            continue
        counts = [_item_count(item) for item in _ITEMS.split(match.group("list").strip()) if item.strip()]
        if counts and all(counts):
            return (sum(c[0] for c in counts) + 1, match.start("list"), match.end(),
                    any(c[1] for c in counts))
    return None


def shooter_list_figures(articles: pd.DataFrame) -> pd.DataFrame:
    """Figure rows (category killed) for the titles of ``articles`` (article_id, title) that list the dead with the
    gunman's own death (``listed_with_the_shooter``)."""
    rows = []
    if "title" in articles:
        for article_id, title in zip(articles["article_id"], articles["title"]):
            found = listed_with_the_shooter(title)
            if found is None:
                continue
            value, start, end, numeral = found
            rule = "numeral" if numeral else "enumeration"
            rows.append({"figure_id": f"{article_id}:{start}-{end}:killed:{rule}:gunman:title",
                         "article_id": article_id, "sentence_idx": -1, "category": "killed", "value": value,
                         "low": value, "high": value,
                         "qualifier": "exact", "vague": False, "scope": "total", "status": "current",
                         "may_rise": False, "as_toll": False, "attributed_to": "",
                         "number_text": str(title)[start:end], "sentence": str(title), "start": start, "end": end,
                         "rule": rule, "period": False})
    return schema.conform(pd.DataFrame(rows), "figures") if rows else schema.empty_table("figures")
