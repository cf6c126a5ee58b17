"""A title's larger death toll where the text tells its dead one at a time.

Reporters often add up the dead only in the headline: the text tells them apart, where and when each died ("A
clerk died behind the counter; a second victim was flown to a trauma center, where he died that night", "Two more
of the wounded died overnight", "Also killed was ..."), and no sentence gives the sum. The headline rules take the
largest count one sentence gives, so such an article's toll came out short of its title's ("3 dead after gunfire at
bus stop" over a text whose largest count is one). Where the title, read alone, gives a larger toll
than any count of the text, the title's toll is the article's when the text's opening (its first ``OPENING``
characters, before recaps and reactions) tells a death as one more (``TOLD_APART``): "also" before the death ("was
also killed", "also died"), an ordinal person ("a second victim ... died"), "the other two ... died", "two more
... died", or a death told later than the shooting ("later died", "died hours later", "died at the hospital",
"succumbed"). The title's rows join the figures with ids ending ``:told-apart:title``, so the headline, the largest
toll, is the title's.

Counted on the real-news tuning set (session 19): of the 9 GVA articles whose title, read alone, gave a larger
death toll than the text's headline (none of GVDB's), the 3 whose text held such a cue had the title's toll or more
in the gold (2 exactly, a third with the gunman's own death besides); of the 6 without one, the text's count was
right in 3 and the title's in none (weekend roundups, a sentencing for older killings). Session 18 read the same
split by hand: where a larger title is right, the text tells its deaths one by one.

Not taken: a title with a roundup word of ``data/title_wounded.txt`` ("weekend shootings", "across the city": a
count of several incidents), and the titles ``analysis.figures.title_tolls.title_tolls`` gives no toll (people
listed with commas, a bare "murder-suicide", a count over a period).

Known misses: a text that tells its dead apart in words the cue lacks ("... was pronounced dead. A woman hit in
the same burst died Sunday") keeps its short count; a title summing several incidents without a roundup word,
over a text with a later death, is taken as this article's toll.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import pandas as pd

from analysis.figures.quantities import ORDINALS
from analysis.figures.title_tolls import text_totals
from analysis.figures.title_wounded import roundup_words

__all__ = ["OPENING", "TOLD_APART", "told_apart_articles", "title_over_told_apart"]

OPENING = 2000  # the text's first characters, about its first eight sentences: the story's own telling of its dead
_DEATH = r"(?:died|dies|has died|had died|was pronounced dead|were pronounced dead|succumbed|were killed|was killed)"
_ORDINAL = "|".join(sorted(ORDINALS, key=len, reverse=True))
TOLD_APART = re.compile(
    # "was also killed", "also died", "Also killed was ...", "killed were also ..."
    r"\balso (?:was |were |been |has been |had been )?(?:\w+ly )?"
    r"(?:shot and killed|killed|died|slain|dead|pronounced dead|fatally shot|shot to death)\b"
    r"|^\W*also (?:killed|dead|slain)\b|\b(?:killed|dead|slain) (?:was|were) also\b"
    # "a second victim ... later died", "the third man died"
    rf"|\b(?:a|the) (?:{_ORDINAL})\b[^.;]{{0,80}}?\b(?:later )?{_DEATH}"
    # "the other two died at the hospital", "two more people ... died"
    rf"|\b(?:the other|(?:one|two|three|four|five|six|\d+) more)\b[^.;]{{0,80}}?\b(?:later )?{_DEATH}"
    # a death later than the shooting: "later died", "died hours later", "died at an area hospital"
    r"|\b(?:later died|died later|later succumbed|succumbed|died (?:hours|days|a day|shortly) (?:later|after)"
    r"|died (?:at|in) (?:a|an|the) (?:\w+ ){0,2}hospital)\b", re.I)


# a title toll larger than a text's toll of one at least is a number of two or more, or a word for one
_SEVERAL = re.compile(r"\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|double|triple"
                      r"|quadruple)\b", re.I)


def told_apart_articles(figures: pd.DataFrame, articles: pd.DataFrame) -> set[str]:
    """The articles a title toll may complete: the text's opening (its first ``OPENING`` characters) tells a death as
    one more (``TOLD_APART``), the text has a current death toll, the title holds a number (``_SEVERAL``) and no
    roundup word, and no title death count has joined yet. ``articles`` has ``article_id``, ``title`` and ``text``
    (without a text, none). Only these articles' titles are read."""
    if figures.empty or "text" not in articles or "title" not in articles:
        return set()
    counted = set(figures.loc[text_totals(figures), "article_id"].astype(str))
    counted -= set(figures.loc[figures["category"].eq("killed")
                               & figures["figure_id"].astype(str).str.endswith(":title"), "article_id"].astype(str))
    roundup = roundup_words()
    return {str(a) for a, title, text in zip(articles["article_id"], articles["title"], articles["text"])
            if str(a) in counted and _SEVERAL.search(str(title or "")) and not roundup.search(str(title or ""))
            and TOLD_APART.search(str(text or "")[:OPENING])}


def title_over_told_apart(figures: pd.DataFrame, read: pd.DataFrame, tolls: Mapping[str, int]) -> pd.DataFrame:
    """``figures`` with the title's death-toll rows (from ``read``, the titles read alone; ``tolls``: the title's
    toll per article, ``title_tolls``) appended where that toll is larger than every current death toll of the text.
    Input not modified."""
    if figures.empty or not tolls:
        return figures
    text = figures[text_totals(figures) & figures["article_id"].isin(tolls)]
    largest = text.groupby(text["article_id"].astype(str))["value"].max()
    larger = {a for a, v in largest.items() if tolls.get(a, 0) > v}
    if not larger:
        return figures
    rows = read[read["article_id"].isin(larger) & read["category"].eq("killed") & read["status"].eq("current")
                & read["scope"].eq("total") & read["value"].eq(read["article_id"].map(tolls))]
    rows = rows.assign(figure_id=rows["figure_id"].astype(str).str.removesuffix(":title") + ":told-apart:title")
    return pd.concat([figures, rows.astype(figures.dtypes.to_dict())], ignore_index=True)
