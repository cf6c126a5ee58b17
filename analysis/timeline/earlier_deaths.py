"""Deaths the text dates days before the article's own event: another incident's, not this article's toll.

A report about one shooting recalls others: the killing a retaliation answered ("... believed to be
revenge for the fatal shooting of a cousin on March 3"), the case a suspect is also charged in, the death
a vigil or a protest camp was for. Such a recap often gives its death a date of its own, and that date
lies before the article's own event (``articles.event_date``, ``analysis.timeline.event_dates``): the
article's victims die on the event's day or after it, never before it.

Rule (``set_aside_earlier_deaths``): a current killed figure (a numeral toll or people counted one by
one) past the text's first two sentences, whose sentence gives an event a date (the dates
``event_dates.event_mentions`` keeps: "killed Friday", "the May 3 shooting death of", "on Sunday, Nov.
15") two or more days before the article's event date, becomes ``background``: the headline leaves it
out and its rule says one was set aside. Of a sentence's dates, the first after the figure's words gives
its death ("the shooting on Sunday came a month after Al Roe was killed on Elm Street on May 3": Al Roe
died on May 3), else the last before them ("wanted in the May 3 shooting death of Al Roe"). The people
table keeps its rows: only what counts changes.

Why two days and past the lede (on the real-news tuning set, 1,996 articles, the 611 sentences with a
death and a date): a death dated one day before the event date was the article's own in all of its 10
sentences (a late-night shooting the record logs on the next day, "was shot Saturday night" in a report
that dates the event by Sunday's death); two or more days before, past the first two sentences, it was
another incident's in 6 of 8 (the incident's own date as the gold gives it); in the first two sentences
such dates tell the article's own story (the burial of a deputy killed on duty the week before; a
case that spans days).

Never set aside: a death dated on or after the event date (the article's victim dying days later), a
figure in the title or the first two sentences, any figure of an article with no event date.

Known misses: a recap dated within a day of the event (a vigil on Monday for a man killed on Sunday), by
"last week" or "some eighteen months back" (no day: the date reader gives none), by a holiday alone ("on
Christmas Eve": only weekdays, months, "yesterday", "last night" and "days ago" are looked for) or by nothing
at all stays current; where the
article's event date is itself a later act (a trial, an arrest), its own death, dated earlier, reads as
another incident's; a people count that adds up a recap's dead with this article's own is set aside
whole when its sentence is the recap's.
"""

from __future__ import annotations

import re

import pandas as pd

from analysis.timeline.date_expressions import MONTHS, PATTERNS, WEEKDAYS, as_date, matches, reference_date, resolve
from analysis.timeline.event_dates import event_mentions

__all__ = ["set_aside_earlier_deaths", "EARLIER_BY_DAYS", "LEDE_SENTENCES"]

EARLIER_BY_DAYS = 2  # a death dated this many days or more before the event date is another incident's
LEDE_SENTENCES = 2  # the text's first sentences tell the article's own story, whatever their dates
# A sentence may give a date only when it holds one of these words: the others are never read.
_DATE_WORD = re.compile(r"\b(?:" + "|".join([*WEEKDAYS, *MONTHS]) + r")\b|\b(?i:yesterday|last night|days? ago)\b")


def set_aside_earlier_deaths(figures: pd.DataFrame, articles: pd.DataFrame, sentences: pd.DataFrame) -> pd.DataFrame:
    """``figures`` with the current killed figures whose sentence dates their death two or more days before the
    article's event date (``articles.event_date``), past the first two sentences, set to ``background`` (see the
    module docstring). Input not modified; the figures table as it was when no article has such a figure."""
    if figures.empty or "event_date" not in articles or sentences.empty:
        return figures
    maybe = figures["category"].eq("killed") & figures["status"].eq("current") \
        & figures["sentence_idx"].ge(LEDE_SENTENCES) & figures["sentence"].astype(str).str.contains(_DATE_WORD)
    if not maybe.any():
        return figures
    dated = articles[articles["event_date"].notna() & articles["article_id"].isin(set(figures.loc[maybe, "article_id"]))]
    if dated.empty:
        return figures
    rows = figures[maybe & figures["article_id"].isin(set(dated["article_id"]))]
    wanted = sentences[sentences["article_id"].isin(set(rows["article_id"]))]
    spans = {(a, int(i)): (int(s), int(e)) for a, i, s, e in zip(
        wanted["article_id"], wanted["idx"], wanted["start"], wanted["end"])}
    earlier: list = []
    by_article = rows.groupby("article_id", sort=False).indices  # positions, not sub-frames: a frame each was slow
    labels, indices, ends = rows.index.to_numpy(), rows["sentence_idx"].to_numpy(), rows["end"].to_numpy()
    texts = rows["sentence"].astype(str).to_numpy()
    for article_id, text, published, url, event_date in zip(
            dated["article_id"], dated["text"], dated["published"],
            dated["url"] if "url" in dated else [""] * len(dated), dated["event_date"]):
        own = as_date(event_date)
        at_rows = by_article[article_id]
        reference = reference_date(str(text or ""), published, url=str(url or ""))
        if not any(_dates_earlier(sentence, reference, own) for sentence in texts[at_rows]):
            continue
        mentions = event_mentions(str(text or ""), published, url=str(url or ""))
        if not mentions:
            continue
        for label, idx, end in zip(labels[at_rows], indices[at_rows], ends[at_rows]):
            span = spans.get((article_id, int(idx)))
            if span is None:
                continue
            inside = [(at, date) for at, date in mentions if span[0] <= at < span[1]]
            if not inside:
                continue
            # "X was shot and killed ... on May 3": the first date after the figure's words is its death's; else the
            # last one before them ("the May 3 shooting death of X")
            after = [date for at, date in inside if at >= int(end)]
            date = after[0] if after else [date for at, date in inside if at < int(end)][-1]
            if (own - date).days >= EARLIER_BY_DAYS:
                earlier.append(label)
    if not earlier:
        return figures
    out = figures.copy()
    out.loc[earlier, "status"] = "background"
    return out


def _dates_earlier(sentence: str, reference, own) -> bool:
    """Whether some date expression of the sentence, read alone, falls two or more days before ``own``: a
    necessary condition of the rule (the dates ``event_mentions`` keeps are some of these), checked first because
    reading the whole text's dates is most of the rule's time."""
    for kind, _ in PATTERNS:
        for match in matches(kind, sentence):
            date = resolve(kind, match, reference)
            if date is not None and (own - date).days >= EARLIER_BY_DAYS:
                return True
    return False
