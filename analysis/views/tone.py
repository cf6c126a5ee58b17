"""The Tone page's tables: scored sentences with their article's source and title, and the sentences
where the two scorers point opposite ways."""

from __future__ import annotations

import pandas as pd


def sentences_with_articles(sentences: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``sentences`` with the ``source`` and ``title`` of each sentence's article added
    (missing for an article not in ``articles``)."""
    by_id = articles.set_index("article_id")
    return sentences.assign(source=sentences["article_id"].map(by_id["source"]),
                            title=sentences["article_id"].map(by_id["title"]))


def opposite_calls(compared: pd.DataFrame) -> pd.DataFrame:
    """The rows of ``disagreement`` whose scorers point opposite ways, largest ``gap`` (either sign) first."""
    opposite = compared[compared["agreement"] == "opposite"]
    return opposite.reindex(opposite["gap"].abs().sort_values(ascending=False).index)
