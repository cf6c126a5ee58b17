""""One of five people shot": the group is the count of the people shot, not the one.

Reporters place a person in the group hurt with "one of": "Ana Ruiz, 19, was one of eleven people shot outside
the rink", "One of seven people struck by gunfire at the fair remains in hospital". The number reader
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

The part that has died since (``part_died``, run before ``whole_of_one_of``): "One of six people shot outside the
bar has died", "Two of the seven people wounded at the party have died", "one of four people struck by gunfire ...
later died". The number reader takes the part's category from the harm beside it (one person shot) or drops the
part for the group ("one of six people wounded": six injured), and the death at the end of the clause is lost: the
part is the dead (killed, its number) and the group the people shot (shot, its number; the injured are derived
as the shot less the killed: 6 - 1 = 5), when the death is the part's own predicate: after the group and its harm
only words that are no verb or clause ("outside a bar on Saturday", "late Friday, a cook of 31,") and then
"has died", "died", "later died", "succumbed", "was pronounced dead" (", police said," may stand between; "and" only
inside a name). Only where the number reader read the part or the group as a current count of harm. An ordinal
after "a" told so ("A third person shot in Friday's gunfire has died"), which the reader takes for three people shot
from the harm beside it, is the third death: killed 3, as "a third person has died" already reads.

Known misses: a group told with another verb before the harm ("one of 12 patrons who apparently suffered bullet
wounds") keeps the one; a number written twice in its sentence is left alone (its offsets would be a guess). A
death since told beside an earlier toll ("Two were killed ... One of the four wounded has died") is not added to
it: the larger toll stays the headline, one short.
"""

from __future__ import annotations

import re

from analysis.figures.numbers import parse_number_words
from analysis.figures.quantities import ORDINALS

__all__ = ["part_died", "whole_of_one_of"]

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
# words after the harm that are no verb or clause ("outside the bar on Saturday,"; "and" only inside a name,
# "outside Pike Billiards and Lounge"; a source's aside, ", police said,"), then the death of the one told
_THEN_DIED = (r"(?:,\s+(?:[a-z]+\s+){1,3}?(?:said|says),|(?!\b(?:was|were|is|are|has|have|had|but|who|which|that|said|"
              r"says|told|remains?|remained)\b|\band\s+(?-i:[a-z]))[^;:!?]){0,120}?\s(?:"
              r"(?:has|have|had)\s+(?:since\s+|now\s+|also\s+)?(?:died|succumbed)|"
              r"(?:later\s+|since\s+|subsequently\s+|also\s+)?(?:died|succumbed)|"
              r"(?:was|were|has\s+been|have\s+been)\s+(?:later\s+)?pronounced\s+dead|(?:is|are)\s+(?:now\s+)?dead)\b")
# "One of six people shot outside the bar on Saturday has died"
_PART_DIED = re.compile(
    rf"\b(?P<part>{_NUMBER})\s+of\s+(?:the\s+)?(?P<whole>{_NUMBER})\s+{_NOUN}"
    rf"(?:(?:who|that)\s+(?:were|was|had\s+been)\s+)?{_HARM}{_DEATH_AFTER}\b{_THEN_DIED}", re.I)
# "A third person shot in Saturday's gunfire has died": the third dead
_NTH_DIED = re.compile(rf"\b(?:a|an)\s+(?P<part>{'|'.join(ORDINALS)})\s+{_NOUN}{_HARM}{_DEATH_AFTER}\b{_THEN_DIED}",
                       re.I)
_HARMED = ("shot", "injured", "hospitalized", "killed")
_CATEGORIES = ("shot", "injured", "hospitalized")


def _category(harm: str | None) -> str:
    """The figures category of a harm phrase: "shot", "hit by gunfire" -> shot; "wounded", "hurt" -> injured."""
    word = (harm or "").lower()
    if word == "hospitalized":
        return "hospitalized"
    return "injured" if word in ("wounded", "injured", "hurt") else "shot"


def _value(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    parsed = parse_number_words([text])
    return parsed[0] if parsed else None


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


def part_died(rows: list[dict]) -> None:
    """In "One of six people shot ... has died" the part is the dead and the group the people shot: the rows the
    number reader made of the part or the group are replaced by a killed count of the part and a shot count of the
    group (in place).

    Args:
        rows: figure rows, as for ``whole_of_one_of``.
    """
    sentences: dict[tuple[str, int], list[dict]] = {}
    for row in rows:
        if row["category"] in _HARMED and (" of " in str(row["sentence"]) or str(row["number_text"]).lower() in
                                           ORDINALS):
            sentences.setdefault((row["article_id"], row["sentence_idx"]), []).append(row)
    ids = {row["figure_id"] for row in rows}
    replaced: dict[int, list[dict]] = {}  # id of a row read from the part or the group -> the rows in its place
    for own in sentences.values():
        sentence = str(own[0]["sentence"])
        anchor = next((r for r in own if sentence.count(str(r["number_text"])) == 1), None)
        if anchor is None:
            continue
        offset = int(anchor["start"]) - sentence.find(str(anchor["number_text"]))  # the sentence's start
        for match in (*_PART_DIED.finditer(sentence), *_NTH_DIED.finditer(sentence)):
            nth = ORDINALS.get(match["part"].lower())
            part, whole = nth or _value(match["part"]), None if nth else _value(match["whole"])
            if part is None or (not nth and (whole is None or not 0 < part < whole)):
                continue
            groups = ("part",) if nth else ("part", "whole")
            spans = [(offset + match.start(g), offset + match.end(g)) for g in groups]
            read = [r for r in own if any(int(r["start"]) < end and start < int(r["end"]) for start, end in spans)]
            if not read or any(r["status"] != "current" or id(r) in replaced for r in read) or (
                    nth and any(int(r["value"]) != nth for r in read)):
                continue  # the number reader saw no count of harm here, set it aside or took a third for one
            ids -= {r["figure_id"] for r in read}
            made = []
            for (start, end), group, category, value in zip(spans, groups, ("killed", "shot"), (part, whole)):
                figure_id = f"{anchor['article_id']}:{start}-{end}:{category}"
                if figure_id not in ids:
                    ids.add(figure_id)
                    made.append({**read[0], "figure_id": figure_id, "category": category, "value": value,
                                 "low": value, "high": value, "qualifier": "exact", "vague": False, "scope": "total",
                                 "number_text": match[group], "start": start, "end": end, "rule": "numeral",
                                 "as_toll": False, "period": False})
            replaced.update({id(r): made if r is read[0] else [] for r in read})
    if replaced:
        rows[:] = [new for row in rows for new in replaced.get(id(row), [row])]
