"""The Tone page's tables: scored sentences with their article's source and title, and the sentences
where the two scorers point opposite ways."""

from __future__ import annotations

import pandas as pd

from analysis.tables import mapped
from analysis.timeline.values import flag_column


def sentences_with_articles(sentences: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``sentences`` with the ``source`` and ``title`` of each sentence's article added
    (missing for an article not in ``articles``)."""
    by_id = articles.set_index("article_id")
    return sentences.assign(source=mapped(sentences["article_id"], by_id["source"]),
                            title=mapped(sentences["article_id"], by_id["title"]))


def opposite_calls(compared: pd.DataFrame) -> pd.DataFrame:
    """The rows of ``disagreement`` whose scorers point opposite ways, largest ``gap`` (either sign) first."""
    opposite = compared[compared["agreement"] == "opposite"]
    return opposite.reindex(opposite["gap"].abs().sort_values(ascending=False).index)


def follow_up_articles(timeline: pd.DataFrame) -> frozenset[str]:
    """Ids of the articles whose figures the timeline marks as follow-up coverage of their event
    (restating its toll months later), so a time axis can open on the main period without them."""
    if timeline.empty or "follow_up" not in timeline:
        return frozenset()
    return frozenset(timeline.loc[flag_column(timeline, "follow_up"), "article_id"].astype(str))


def entities_by_mentions(mentions: pd.DataFrame) -> list[str]:
    """The canonical names in ``mentions``, most mentioned first, then in most articles, then by name: the order of
    ``top_entities`` without its sources, labels, salience and families (a merge of every mention with its
    article's source, most of a filter change's time on the Tone page at 10,000 articles)."""
    if mentions.empty:
        return []
    grouped = mentions.groupby("canonical")
    counts = pd.DataFrame({"mentions": grouped.size(), "articles": grouped["article_id"].nunique()})
    return counts.reset_index().sort_values(["mentions", "articles", "canonical"], ascending=[False, False, True])[
        "canonical"].tolist()
