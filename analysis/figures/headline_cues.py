"""Headline rules of the figure ledger that read the article beyond the chosen count's number.

``analysis.figures.ledger.headline_figures`` picks each article's headline count; these helpers
say when that choice is adjusted: a late death toll far above the first one is another count
(``late_outliers``); the gunman's own death is added to a toll that leaves him out (``then_himself``
in the toll's sentence; ``victims_and_himself`` for a count of "victims" beside his death told
elsewhere); an ordinal after the dead ("a fourth victim") counts the dead too
(``ordinals_after_the_dead``); a hospital count equal to the injured plus the dead holds the dead
(``wounded_besides_the_dead``); and with no numeral count, the people the article describes one by
one give the headline (``people_headline``). A headline derived from other counts says how in its rule's opening
(``derived_opening``: the injured as people shot less the killed, or people counted hurt who died since). Each
function states its rule and known misses.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pandas as pd

from analysis.figures.died_since import opening
from analysis.figures.quantities import ORDINALS

__all__ = ["derived_opening", "late_outliers", "then_himself", "victims_and_himself", "ordinals_after_the_dead",
           "wounded_besides_the_dead", "people_headline", "title_opening", "SHOOTER_INCLUDED"]


def _flag(value: object) -> bool:
    return bool(value) if value is not None and not pd.isna(value) else False


def _int(value: object) -> int:
    return 0 if value is None or pd.isna(value) else int(value)


def late_outliers(totals: list[dict]) -> list[dict]:
    """Current death tolls that are probably about something wider than the event: after the first total
    of the article, over three times the largest total kept before it, and not given as the toll itself. A
    story states its toll early and raises it with toll wording ("the death toll rose to 24"); a much larger
    count further down with no such wording ("the monsoon has already killed 112 people") is usually a
    regional or seasonal count the period and background rules missed. A live blog's toll may grow far
    beyond its first one, step by step ("raises the toll to 38", "has risen to 51", "latest figures: 64
    dead"): each step is measured against the steps kept before it. Only for the dead: injured counts of
    different groups and hospitals legitimately differ that much."""
    ordered = sorted(totals, key=lambda f: (f["sentence_idx"], f["start"]))
    first = ordered[0]
    if _flag(first["vague"]):
        return []
    outliers, reference = [], first["value"]
    for f in ordered[1:]:
        if f["sentence_idx"] > first["sentence_idx"] and f["value"] > 3 * reference and not _flag(f.get("as_toll")):
            outliers.append(f)
        else:
            reference = max(reference, f["value"])
    return outliers


# "fatally shot seven people before killing himself", "killed three and wounded 16 before taking his own life": the
# count is of those the gunman killed, and his own death comes on top; not "five dead, including the gunman"
THEN_HIMSELF = re.compile(r"\b(?:kill\w*|shoot\w*|shot|turn\w* (?:the|a|his|her) (?:gun|weapon|rifle|handgun|pistol) on|"
                          r"tak\w*|took)\s+(?:him|her)self\b|\b(?:his|her) own life\b", re.I)
SHOOTER_INCLUDED = re.compile(r"\binclud\w* (?:the )?(?:alleged |suspected )?(?:gunman|gunmen|shooter|suspect|attacker)|"
                              r"murder[- ]suicide|\band (?:then )?(?:him|her)self\b", re.I)


def then_himself(chosen: dict) -> bool:
    """Is the chosen numeral death toll followed, in its sentence, by the gunman's own death (``THEN_HIMSELF``)?"""
    if chosen.get("rule") not in ("numeral", "") or str(chosen.get("figure_id", "")).endswith(":title"):
        return False
    sentence = str(chosen.get("sentence") or "")
    at = sentence.find(str(chosen.get("number_text") or ""))
    return at >= 0 and bool(THEN_HIMSELF.search(sentence, at)) and not SHOOTER_INCLUDED.search(sentence)


def ordinals_after_the_dead(pool: list[dict], killed_toll: Callable[[], object]) -> list[dict]:
    """"Three people were killed ... A fourth victim was taken to the hospital": an ordinal with "a" counts
    everyone harmed so far, the dead among them, so as an injured count it is the ordinal less the article's
    death toll (4 - 3 = 1), when that is at least one. ``killed_toll()`` gives the article's death toll (the killed headline). ``pool`` with such figures replaced by copies (value
    lowered, ``ordinal_less`` set to the death toll); "the third is in serious condition", after two others
    in a condition, is left as it is."""
    ordinals = [f for f in pool if f["category"] in ("injured", "hospitalized") and f.get("rule") in ("numeral", "")
                and str(f["number_text"]).lower() in ORDINALS and _after_a(f)]
    if not ordinals:
        return pool
    killed = killed_toll()
    if not killed:
        return pool
    out = []
    for f in pool:
        if any(f is o for o in ordinals) and _int(f["value"]) > killed:
            value = _int(f["value"]) - killed
            f = {**f, "value": value, "low": value if f["low"] is not None and not pd.isna(f["low"]) else f["low"],
                 "high": value if f["high"] is not None and not pd.isna(f["high"]) else f["high"],
                 "ordinal_less": killed}
        out.append(f)
    return out


def _after_a(figure: dict) -> bool:
    """Is the figure's number (an ordinal) right after "a"/"an" in its sentence ("a fourth victim")?"""
    sentence, number = str(figure["sentence"]), str(figure["number_text"])
    at = sentence.find(number)
    return at >= 0 and sentence[:at].rstrip().lower().rsplit(" ", 1)[-1] in ("a", "an")


def wounded_besides_the_dead(hospital: dict, kept: list[dict], killed_toll: Callable[[], object]) -> dict | None:
    """"One person was killed and three others were injured ... the shooting sent four victims to the hospital":
    a hospital count that is a numeral injured count plus the article's death toll holds the dead (taken there,
    died there); that injured count is the headline. ``killed_toll()`` gives the death toll. Returns it, or None."""
    killed = killed_toll()
    if not killed:
        return None
    wounded = [f for f in kept if f["category"] == "injured" and f.get("rule") in ("numeral", "")
               and f["value"] + killed == hospital["value"]]
    return min(wounded, key=lambda f: (f["sentence_idx"], f["start"])) if wounded else None


_VICTIMS_AFTER = re.compile(r"\s+(?:(?:other|dead|slain)\s+)?victims\b", re.I)
_HIMSELF = re.compile(THEN_HIMSELF.pattern + r"|\bmurder[- ]suicide\b", re.I)


def victims_and_himself(chosen: dict, group: list[dict]) -> bool:
    """Is the chosen numeral death toll a count of "victims" ("the two victims later died", "found the three dead
    victims") in an article that tells the gunman's own death in another sentence ("then killed himself",
    "a murder-suicide")? His victims do not include him. Not in a story of an accident ("accidentally shot
    himself": the one who died is the victim), nor when the toll's sentence already holds him."""
    if chosen.get("rule") not in ("numeral", "") or str(chosen.get("figure_id", "")).endswith(":title"):
        return False
    sentence = str(chosen.get("sentence") or "")
    number = str(chosen.get("number_text") or "")
    at = sentence.find(number)
    if at < 0 or not _VICTIMS_AFTER.match(sentence, at + len(number)) or SHOOTER_INCLUDED.search(sentence) \
            or THEN_HIMSELF.search(sentence):
        return False
    others = {str(f["sentence"]) for f in group if f["sentence_idx"] != chosen["sentence_idx"]}
    return any(_HIMSELF.search(text) for text in others) and not any("accident" in text.lower() for text in others)


def title_opening(figure_id: object) -> str:
    """How a headline rule taken from the title opens: the dead a title lists with the gunman's own death
    (``analysis.figures.title_lists``, ids ending ``:gunman:title``) are taken over the text's smaller counts; a
    title's toll over a larger list of people told late in the text (``analysis.figures.title_tolls``, ids ending
    ``:late-list:title``) replaces it; a title's toll over a text that tells its dead one at a time
    (``analysis.figures.told_apart``, ids ending ``:told-apart:title``) is larger than any of its counts; any other
    title count only where the text gives none
    (``analysis.figures.titles``)."""
    if str(figure_id).endswith(":gunman:title"):
        return "from the title, its dead listed with the gunman's own death: "
    if str(figure_id).endswith(":told-apart:title"):
        return "from the title, its toll over a text that tells its dead one at a time: "
    if str(figure_id).endswith(":late-list:title"):
        return "from the title, over a larger list of people told late in the text (set aside): "
    return "from the title, the text gives none: "


def derived_opening(figure_id: object) -> str:
    """How the rule of a headline derived from other counts opens: people counted hurt or shot who died since
    (``analysis.figures.died_since``: "4 shot, 1 of them later died: "), else the injured as people shot less the
    killed."""
    return opening(figure_id) or "people shot minus the killed: "


def people_headline(people: list[dict], category: str, *, set_aside: int = 0) -> dict[str, object]:
    """No numeral count of the category (or only counts over a longer period, ``set_aside`` of them): the largest
    count of people the article describes (individuals, an enumeration, a compound such as "double homicide")."""
    chosen = min(people, key=lambda f: (-f["value"], f["sentence_idx"], f["start"]))
    words = {"individuals": "people described one by one", "enumeration": "people listed",
             "compound": f"'{chosen['number_text']}'"}
    opening = "no numeral count of this event" if set_aside else "no numeral count"
    rule = f"{opening}: {words.get(chosen['rule'], chosen['rule'])} ({chosen['rule']})"
    if len(people) > 1:
        rule += f", largest of {len(people)} counts of people"
    if set_aside:
        rule += f" ({set_aside} count{'s' if set_aside > 1 else ''} over a longer period set aside)"
    return {category: chosen["value"], f"{category}_qualifier": chosen["qualifier"],
            f"{category}_low": chosen["low"], f"{category}_high": chosen["high"],
            f"{category}_may_rise": False, f"{category}_rule": rule, f"{category}_figure_id": chosen["figure_id"]}
