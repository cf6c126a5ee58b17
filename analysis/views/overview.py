"""The overview page's tables: corpus key figures and the article table."""

from __future__ import annotations

import pandas as pd

from analysis.figures.labels import figure_label


def corpus_summary(articles: pd.DataFrame) -> dict[str, object]:
    """Counts for the overview: articles, sources, first and last publication date, undated articles."""
    dated = articles["published"].dropna()
    return {
        "articles": len(articles),
        "sources": articles["source"].nunique(),
        "first_published": f"{dated.min():%Y-%m-%d}" if len(dated) else "",
        "last_published": f"{dated.max():%Y-%m-%d}" if len(dated) else "",
        "undated": int(articles["published"].isna().sum()),
    }


def _headline(articles: pd.DataFrame, category: str) -> pd.Series:
    return pd.Series(
        [
            figure_label(value, qualifier, low=low, high=high, may_rise=may_rise)
            for value, qualifier, low, high, may_rise in zip(
                articles[category], articles[f"{category}_qualifier"], articles[f"{category}_low"],
                articles[f"{category}_high"], articles[f"{category}_may_rise"],
            )
        ],
        index=articles.index,
        dtype="string",
    )


def article_table(articles: pd.DataFrame) -> pd.DataFrame:
    """One row per article for display: id, source, date, headline killed/injured, tone, words, title.

    Sorted by publication date with undated articles last.
    """
    table = pd.DataFrame({
        "article_id": articles["article_id"],
        "source": articles["source"],
        "published": articles["published"],
        "date_method": articles["date_method"].replace("", "none found"),
        "killed": _headline(articles, "killed"),
        "injured": _headline(articles, "injured"),
        "tone": pd.to_numeric(articles["polarity"], errors="coerce"),
        "n_words": articles["n_words"],
        "title": articles["title"],
    })
    return table.sort_values(["published", "source"], na_position="last").reset_index(drop=True)


def figure_spans(figures: pd.DataFrame, article_id: str) -> list[tuple[int, int, str, str]]:
    """``(start, end, category, figure_id)`` of every figure in one article, for highlighting."""
    rows = figures[(figures["article_id"] == article_id) & (figures["sentence_idx"] >= 0)]  # not the title's
    return [(int(s), int(e), str(c), str(f)) for s, e, c, f in
            zip(rows["start"], rows["end"], rows["category"], rows["figure_id"])]


def reader_labels(articles: pd.DataFrame) -> dict[str, str]:
    """``{article_id: "source — title"}``, made unique with a counter where two would read the same."""
    from analysis.figures.labels import distinct_labels

    labels = [f"{source} — {title}" for source, title in zip(articles["source"], articles["title"])]
    return dict(zip(articles["article_id"], distinct_labels(labels)))


def headline_lines(article: pd.Series) -> dict[str, str]:
    """``{"Killed": "at least 60 (may rise)", ...}`` for the categories an article has a headline figure for."""
    from analysis.schema import HEADLINE_CATEGORIES

    lines = {}
    for category in HEADLINE_CATEGORIES:
        label = figure_label(article[category], article[f"{category}_qualifier"], low=article[f"{category}_low"],
                             high=article[f"{category}_high"], may_rise=article[f"{category}_may_rise"])
        if label:
            lines[category.capitalize()] = label
    return lines
