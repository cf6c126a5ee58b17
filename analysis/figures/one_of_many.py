""""One of five people shot": the group is the count of the people shot, not the one.

Reporters place a person in the group hurt with "one of": "Ana Ruiz, 19, was one of eleven people shot outside
the rink", "One of seven people struck by gunfire at the fair has died". The number reader
(``analysis.figures.quantities.link_wholes``) reads "one of 64 people killed" and "one of six victims who were
wounded" as counts of the whole, but a group whose noun is followed at once by "shot" or "hit by gunfire" is left
to the "one": one person shot, and none wounded once the one "has died".

Rule (``whole_of_one_of``, applied by ``analysis.figures.ledger.extract_figures`` to its rows before the injured
are derived from the people shot): a current count of one read from "one of (the) M ..." becomes a whole-event count
of M (its number, offsets and id moved to M; dropped where M was read already as a count of that kind) when the
harm belongs to M and is of the count's own category: M's noun (up to two words, no verb: "people", "other
victims") followed at once by the harm ("shot", "hit by gunfire", "struck by bullets"; "wounded", "injured", "hurt"
for the injured, "hospitalized"), or by "who/that were" and the harm, or the harm between M and its noun ("one of the
five injured people"). Not when the harm is a death ("one of two brothers fatally shot", "shot and killed", "shot
to death"), nor when a verb stands between the group and the harm ("one of the five victims was shot": the one's own
predicate). A part of more than one stays a part, as the reader has it ("Four of the nine guests who were hurt stayed
overnight in hospital": 4).

Known misses: a group told with another verb before the harm ("one of 12 patrons who apparently suffered bullet
wounds") keeps the one; a number written twice in its sentence is left alone (its offsets would be a guess).
"""

from __future__ import annotations

import re

__all__ = ["whole_of_one_of"]

_NUMBER = r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|\d+)"
_HARM = (r"(?P<harm>shot|wounded|injured|hurt|hospitalized|(?:hit|struck)\s+by\s+(?:gunfire|bullets|a\s+bullet|"
         r"gunshots))")
_DEATH_AFTER = r"(?!\s+(?:and\s+killed|to\s+death|dead|fatally)\b)"
_NOUN = r"(?:(?!(?:were|was|are|is|had|have|has|been|be|and|or)\b)[a-z]+\s+){0,2}?"  # no verb: "victims were hurt"
# " of the five people shot", " of two officers who were wounded", " of the five injured people"
_OF_GROUP = re.compile(
    rf"\s+of\s+(?:the\s+)?(?P<whole>{_NUMBER})\s+(?:{_NOUN}(?:(?:who|that)\s+(?:were|was|had\s+been)\s+)?"
    rf"{_HARM}{_DEATH_AFTER}\b|(?P<before>injured|wounded|hurt|hospitalized)\s+(?!(?:and|or|in|at|by|on)\b)[a-z]+\b)",
    re.I)
_FATAL = re.compile(r"\b(?:fatally|mortally)\b", re.I)
_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen".split())}
_CATEGORIES = ("shot", "injured", "hospitalized")


def _category(harm: str | None) -> str:
    """The figures category of a harm phrase: "shot", "hit by gunfire" -> shot; "wounded", "hurt" -> injured."""
    word = (harm or "").lower()
    if word == "hospitalized":
        return "hospitalized"
    return "injured" if word in ("wounded", "injured", "hurt") else "shot"


def _value(text: str) -> int | None:
    text = text.lower()
    return int(text) if text.isdigit() else _WORDS.get(text)


def whole_of_one_of(rows: list[dict]) -> None:
    """Counts read from the "one" of "one of five people shot" become counts of the five, in place; where the five
    was read already as a count of its own of the same kind, the one's row is dropped instead.

    Args:
        rows: figure rows (``category``, ``status``, ``value``, ``number_text``, ``sentence``, ``start``, ``end``,
            ``figure_id``, ...), as ``extract_figures`` builds them.
    """
    ids = {row["figure_id"] for row in rows}
    dropped = []
    for row in rows:
        if row["category"] not in _CATEGORIES or row["status"] != "current" or int(row["value"]) != 1:
            continue
        sentence, number = str(row["sentence"]), str(row["number_text"])
        if " of " not in sentence or sentence.count(number) != 1:
            continue
        at = sentence.find(number)
        match = _OF_GROUP.match(sentence, at + len(number))
        if not match or _FATAL.search(match.group(0)):
            continue
        whole = _value(match["whole"])
        if whole is None or whole <= 1 or _category(match["harm"] or match["before"]) != row["category"]:
            continue
        start = int(row["start"]) + match.start("whole") - at
        end = start + len(match["whole"])
        figure_id = f"{row['article_id']}:{start}-{end}:{row['category']}"
        if figure_id in ids:
            dropped.append(id(row))
            continue
        ids.add(figure_id)
        row.update({"value": whole, "low": whole, "high": whole, "qualifier": "exact", "scope": "total",
                    "number_text": match["whole"], "start": start, "end": end, "rule": "numeral",
                    "figure_id": figure_id})
    if dropped:
        rows[:] = [row for row in rows if id(row) not in dropped]
