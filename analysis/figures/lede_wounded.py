"""Later counts of the wounded, larger than the one the text's first sentences give: another incident's.

A story about a shooting gives its own count of the wounded up front ("Four people were wounded ...",
"... left six people injured"). What it tells much later and larger is, more often than not, someone
else's count: the shooting around the corner a few hours before, a city's night of gunfire, a related
story's line ("Related: 5 dead, 7 hurt in ..."), a count that holds a man hurt by glass or a child who
fell running away. The injured headline takes the largest current count, so such a count wins whenever
the background and period rules miss its cue, and each recap words its cue its own way.

Rule (``set_aside_later_wounded``, applied by ``analysis.figures.titles.add_title_figures`` after the title
rules): where the text's first five sentences (``_LEDE``) give a current numeral count of the whole event's
injured or hospitalized, every current whole-event count of the injured or hospitalized told only after them
and larger than the largest of them is set aside (status ``background``; the headline's rule says so). Not
when a larger value is told in the first five sentences too (the lede's own count, whatever else it says),
nor, for the whole article, when a larger count's sentence tells a change ("the number of wounded rose to
nine": ``analysis.figures.title_tolls.tells_a_change``): a developing story's count growing past its lede
is its own. The lede's count is a numeral one ("three were wounded"), not people told one by one nor one
derived from people shot less the dead, which the rules read short more often than a recap reads long.

Known misses: a story that tells its wounded as a first report in the lede and the full count later
without a change verb ("Two people were hurt" then, ten sentences on, "In all, five people were shot")
keeps the lede's smaller count; a recap in the first five sentences is not read; a count told late and
larger that is no other incident's but the same people counted with others (a first responder's "seven
victims" holding the dead) is set aside like a recap, which here is what the archive wants.
"""

from __future__ import annotations

import pandas as pd

from analysis.figures.title_tolls import tells_a_change, text_totals

__all__ = ["set_aside_later_wounded", "later_wounded_articles"]

_LEDE = 4  # sentence indexes 0..4: the text's first five sentences
_WOUNDED = ("injured", "hospitalized")


def later_wounded_articles(figures: pd.DataFrame) -> dict[str, list[int]]:
    """Article id -> row labels of ``figures`` to set aside: the later, larger counts of the wounded.

    Args:
        figures: the figures table (``article_id``, ``category``, ``status``, ``scope``, ``rule``,
            ``sentence_idx``, ``value``, ``sentence``, ``figure_id``).
    """
    if figures.empty:
        return {}
    totals = figures[text_totals(figures, _WOUNDED)]
    lede = totals[totals["sentence_idx"].le(_LEDE)]
    lede_counts = lede[lede["rule"].eq("numeral") & lede["category"].eq("injured")].groupby("article_id")["value"].max()
    if lede_counts.empty:
        return {}
    lede_largest = lede.groupby("article_id")["value"].max()
    later = totals[totals["sentence_idx"].gt(_LEDE) & totals["article_id"].isin(lede_counts.index)]
    own = later["article_id"].map(lede_counts)
    # not where a larger count is told up front too: that is the lede's own
    larger = later[later["value"].gt(own) & later["article_id"].map(lede_largest).le(own)]
    out: dict[str, list[int]] = {}
    for article_id, rows in larger.groupby("article_id"):
        if not any(tells_a_change(str(s)) for s in rows["sentence"].unique()):
            out[str(article_id)] = list(rows.index)
    return out


def set_aside_later_wounded(figures: pd.DataFrame) -> pd.DataFrame:
    """The figures table with the later, larger counts of the wounded (``later_wounded_articles``) set to
    ``background``; the input is not changed."""
    chosen = later_wounded_articles(figures)
    if not chosen:
        return figures
    out = figures.copy()
    labels = [label for rows in chosen.values() for label in rows]
    out.loc[labels, "status"] = "background"
    return out
