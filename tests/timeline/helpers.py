"""Hand-made articles and figures rows for timeline, chart and page tests."""

from __future__ import annotations

import pandas as pd

from analysis.schema import conform


def article(article_id: str, published: str | None, *, source: str | None = None, event_date: str | None = None,
            **headlines: tuple) -> dict:
    """An articles row; ``killed=(60, "at_least", True)`` sets the headline killed columns
    (value, qualifier, may_rise[, high]) and points killed_figure_id at ``f"{article_id}-killed"``."""
    row = {"article_id": article_id, "source": source or f"src-{article_id}", "title": f"Title {article_id}",
           "published": pd.Timestamp(published) if published else pd.NaT,
           "date_method": "prefix" if published else "",
           "event_date": pd.Timestamp(event_date) if event_date else pd.NaT, "text": ""}
    for category, spec in headlines.items():
        value, qualifier, may_rise, *high = (*spec, False)[:3] + tuple(spec[3:])
        row.update({category: value, f"{category}_qualifier": qualifier, f"{category}_low": value,
                    f"{category}_high": high[0] if high else (None if qualifier in ("at_least", "over") else value),
                    f"{category}_may_rise": may_rise, f"{category}_rule": "largest current total",
                    f"{category}_figure_id": f"{article_id}-{category}"})
    return row


def figure(article_id: str, category: str, value: float, *, qualifier: str = "exact", status: str = "current",
           sentence: str = "", sentence_idx: int = 0, figure_id: str | None = None, scope: str = "total",
           attributed_to: str = "") -> dict:
    return {"figure_id": figure_id or f"{article_id}-{category}", "article_id": article_id,
            "sentence_idx": sentence_idx, "category": category, "value": value, "low": value,
            "high": None if qualifier in ("at_least", "over") else value, "qualifier": qualifier, "vague": False,
            "scope": scope, "status": status, "may_rise": False, "attributed_to": attributed_to,
            "number_text": str(value), "sentence": sentence, "start": 0, "end": 1}


def tables(articles: list[dict], figures: list[dict]) -> tuple[pd.DataFrame, pd.DataFrame]:
    return conform(pd.DataFrame(articles), "articles"), conform(pd.DataFrame(figures), "figures")
