""""One killed and another wounded": the one other person a death toll's sentence says was hurt.

Reporters pair a death toll with "another" for a single survivor and give no number for them:
"Three people were killed and another critically injured", "the standoff killed one officer and
injured another", "left one child dead and another in critical condition", "fatally shot two men and
wounded another". ``another_hurt`` reads those sentences and gives one injured person (rule
``individuals``, so it is the injured headline only when the article has no numeral injured count:
``analysis.figures.ledger.headline_figures``). The rows join the figures table with the people layer's
(``analysis.figures.ledger.add_people_figures``): they are a person, not a number the text gives.

Rule: in a sentence with a current numeral killed count, "another" after that count, followed within two
words (a person noun, "was", "is", an adverb such as "critically") by a harm word (injured,
wounded, hurt, hospitalized, "in critical condition"), or right after "injured"/"wounded"/"hurt"/
"injuring"/"wounding", counts one injured person, when the sentence has no injured, hospitalized
or shot figure of its own ("another two were hurt" is the numeral's).

Known misses: a death told without a number ("fatally shot her landlord and wounded another": the people
layer reads the dead one, and "another" is left); "another" in the next sentence ("One man died. Another was hurt."); a survivor
described otherwise ("a third person was hurt" is the ordinal's rule); "another" that is a later
victim of a second incident told in the same sentence ("one man was killed, and another was wounded
in a separate shooting") is counted as this event's.
"""

from __future__ import annotations

import re

import pandas as pd

__all__ = ["another_hurt"]

_HARM = r"(?:critically |seriously |severely |gravely |also |was |is |has been |were )*" \
        r"(?:injured|wounded|hurt|hospitali[sz]ed|in (?:critical|serious|grave|stable|fair|good) condition)"
_PERSON = r"(?:person|man|woman|boy|girl|teen|teenager|child|victim|officer|deputy|trooper|firefighter|bystander)"
_ANOTHER = re.compile(rf"\band another (?:{_PERSON} )?(?:{_HARM})\b|\b(?:injur|wound|hurt)(?:ed|ing)? another\b"
                      r"(?! (?:\w+ )?(?:people|men|women|children|persons|victims|officers|shooting|incident)\b)", re.I)


def another_hurt(figures: pd.DataFrame) -> pd.DataFrame:
    """Injured rows (rule ``individuals``, value 1) for the sentences of ``figures`` (the figures table) where a
    current numeral killed count, not one over a longer period, is followed by "and another wounded" or "injured
    another", and the sentence has no injured, hospitalized or shot count of its own; rows whose ``figure_id`` the
    table already has are left out. Each row points at the word "another"."""
    if figures is None or figures.empty:
        return figures.iloc[:0] if figures is not None else pd.DataFrame()
    sentence = figures["sentence"].astype(str)
    maybe = figures[figures["category"].eq("killed") & figures["status"].eq("current")
                    & figures["rule"].isin(["numeral", ""]) & ~figures["period"].fillna(False).astype(bool)
                    & sentence.str.contains("another", case=False, regex=False)]
    if maybe.empty:
        return figures.iloc[:0]
    hurt = figures[figures["category"].isin(["injured", "hospitalized", "shot"])]
    hurt_sentences = set(zip(hurt["article_id"], hurt["sentence_idx"]))
    known = set(figures["figure_id"])
    made, done = [], set()
    for row in maybe.to_dict("records"):
        key = (row["article_id"], row["sentence_idx"])
        if key in hurt_sentences or key in done:
            continue
        text, number = str(row["sentence"]), str(row["number_text"])
        at = text.find(number)
        match = _ANOTHER.search(text, at + len(number)) if at >= 0 else None
        if match is None:
            continue
        done.add(key)
        word = match.start() + match.group(0).lower().index("another")
        start = int(row["start"]) - at + word
        figure_id = f"{row['article_id']}:{start}-{start + 7}:injured:individuals"
        if figure_id in known:
            continue
        made.append({**row, "figure_id": figure_id, "category": "injured", "value": 1, "low": 1, "high": 1,
                     "qualifier": "exact", "vague": False, "may_rise": False, "as_toll": False, "scope": "total",
                     "status": "current", "number_text": text[word:word + 7], "start": start, "end": start + 7,
                     "rule": "individuals", "period": False})
    return pd.DataFrame(made, columns=figures.columns) if made else figures.iloc[:0]
