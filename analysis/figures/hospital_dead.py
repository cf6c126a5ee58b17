"""Counts of people taken to hospital that hold the dead: people shot, not the injured.

``taken_where_they_died`` is applied by ``analysis.figures.ledger.extract_figures`` to the figures of a
shooting story (in place), before the injured are derived from the people shot (``_shot_minus_killed``: the
largest count of people shot less the largest death toll). Two rules:

- In its own sentence: "All three victims were taken to the hospital, where the woman died": a hospital count
  followed in its sentence by a death, with no death toll before it ("two died and three were taken to
  hospital" are apart), is of people shot; "where they later died", "where both died" make it a death toll.
- In a later sentence: "Three people were taken to hospitals after the shooting." ... "One of them has since
  died." A current whole-event hospital count of the shooting (not "N others", "another", "the remaining N",
  an ordinal, nor after a death told before it in its sentence) is of people shot when a later sentence of the
  article tells a death there or since (``data/died_in_hospital.txt``: "later died", "has died", "succumbed",
  "were unable to save", "died of his injuries", or "died" then "at"/"in" and "hospital(s)" in the clause:
  "both victims died early Sunday in two different hospitals").
  The dead are then subtracted from it, and the injured are the others: 3 - 1 = 2, not 3. "Two men were
  killed and three others were taken to hospitals" keeps its three: they are "others" of the dead.

Known misses: a later death of someone who was never in the hospital count ("A fourth man, found a block away,
later died") still reads the count as holding the dead, which takes him from the wounded; a death told before
the hospital count ("One man died at the hospital. Three people were treated there.") leaves the count whole;
a count the text does not call "others" although the dead are apart from it stays one of people shot.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

import pandas as pd

from analysis.data import DATA_DIR, read_sections
from analysis.figures.quantities import ORDINALS

__all__ = ["taken_where_they_died", "CUES_FILE"]

CUES_FILE = DATA_DIR / "died_in_hospital.txt"

_DIED_THERE = re.compile(r"\b(?:died|dies|pronounced dead|succumbed|passed away)\b", re.I)
# "both victims died early Sunday in two different hospitals": "died", a few words of the clause, then the hospital
_DIED_AT_HOSPITAL = re.compile(r"\bdied\b(?:\s+[^\s,.;]+){0,4}?\s+(?:at|in)\s+(?:[^\s,.;]+\s+){0,3}?hospitals?\b",
                               re.I)
_APART_AFTER = frozenset("other others more additional remaining".split())
_APART_BEFORE = frozenset("another other remaining".split())
_QUICK = re.compile(r"die|succumb|save|dead", re.I)
_DEATH_BEFORE = re.compile(r"\b(?:kill\w*|dead|died|dies|death|fatal\w*|slain)\b", re.I)


@lru_cache(maxsize=1)
def _later_death() -> re.Pattern[str]:
    """The ``[died there]`` phrases of ``data/died_in_hospital.txt`` as one whole-word pattern."""
    phrases: Iterable[str] = sorted(read_sections(CUES_FILE.read_text("utf-8")).get("died there", []), key=len,
                                    reverse=True)
    return re.compile(r"\b(?:" + "|".join(r"\s+".join(map(re.escape, p.split())) for p in phrases) + r")\b", re.I)


def tells_later_death(sentence: str) -> bool:
    """Does the sentence tell a death at the hospital or since ("One of them has since died")?"""
    return bool(_later_death().search(sentence or "") or _DIED_AT_HOSPITAL.search(sentence or ""))


def taken_where_they_died(rows: list[dict], sentences: pd.DataFrame) -> None:
    """Hospital counts of a shooting story that hold the dead become counts of people shot (or, "where they
    later died", a death toll), in place.

    Args:
        rows: the figures of shooting stories (``category``, ``sentence``, ``number_text``, ``start``, ...).
        sentences: the articles' sentences (``article_id``, ``idx``, ``text``), for a death told later.
    """
    killed_before = {}  # a death toll before the count in its sentence is another group: "two died and three ..."
    for r in rows:
        if r["category"] == "killed":
            key = (r["article_id"], r["sentence_idx"])
            killed_before[key] = min(killed_before.get(key, r["start"]), r["start"])
    later = []
    for row in rows:
        if row["category"] != "hospitalized" or killed_before.get((row["article_id"], row["sentence_idx"]),
                                                                 row["end"]) < row["start"]:
            continue
        sentence = str(row["sentence"])
        at = sentence.find(str(row["number_text"]))
        died = _DIED_THERE.search(sentence, at + len(str(row["number_text"]))) if at >= 0 else None
        if died:  # "where they later died", "where both died": all of them
            all_of_them = re.search(r"\b(?:they|both|all)\s+(?:\w+\s+)?$", sentence[:died.start()], re.I)
            row["category"] = "killed" if all_of_them else "shot"
        elif at >= 0 and _one_group(row, sentence, at):
            later.append(row)
    if not later:
        return
    ids = {r["article_id"] for r in later}
    own = sentences[sentences["article_id"].astype(str).isin(ids)]
    own = own[own["text"].astype(str).str.contains(_QUICK)]  # cheap first pass: a word every cue holds
    told: dict[str, int] = {}  # article -> the last sentence telling a death since
    for article_id, idx, text in zip(own["article_id"].astype(str), own["idx"], own["text"]):
        if tells_later_death(str(text)):
            told[article_id] = max(told.get(article_id, int(idx)), int(idx))
    for row in later:
        if told.get(row["article_id"], -1) > row["sentence_idx"]:
            row["category"] = "shot"


def _one_group(row: dict, sentence: str, at: int) -> bool:
    """Is this hospital count the whole group taken there, not "others" beside the dead, nor told after a
    death in its own sentence?"""
    if row["status"] != "current" or row["scope"] != "total" or row.get("rule") not in (None, "", "numeral"):
        return False
    if str(row["number_text"]).lower() in ORDINALS or _DEATH_BEFORE.search(sentence[:at]):
        return False
    after = sentence[at + len(str(row["number_text"])):].split()[:1]
    before = sentence[:at].split()[-1:]
    return not (after and after[0].strip(",.").lower() in _APART_AFTER) and \
        not (before and before[0].strip(",.").lower() in _APART_BEFORE)
