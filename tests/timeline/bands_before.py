"""``analysis.timeline.bands`` as it was before ``summary_band`` took only the columns it reads before the rows: the
code replaced, kept to compare with (``test_band_same.py``)."""

from __future__ import annotations

import math

import pandas as pd

from analysis.timeline.values import flag_column

_BAND_COLUMNS = ["event_group", "date", "highest", "conservative", "spread", "n_reports", "n_sources",
                 "highest_article_id", "conservative_article_id"]


def summary_band(timeline: pd.DataFrame, *, category: str) -> pd.DataFrame:
    """The disagreement band of one category: highest and most conservative total per reporting day.

    Rule: only dated ``current`` points count, and not unconfirmed ones (far above every other
    report of their day with no second source: ``analysis.timeline.outliers``). For each reporting day (the days with at least
    one report) and each event group, ``highest`` is the highest total reported on that day
    or before it (within the group), and ``conservative`` is the lowest total reported on that
    day — ACLED's rule: when reports differ, take the most conservative one and note the
    dispute. Reports of earlier days count as replaced by the day's news, so a toll that
    rises everywhere lifts the conservative line too. ``spread = highest - conservative``.
    Values are the figures' ``value`` (the lower bound of ranges and "at least" figures).

    Returns:
        Columns event_group, date, highest, conservative, spread, n_reports, n_sources,
        highest_article_id, conservative_article_id; one row per group and reporting day.
    """
    points = timeline[(timeline["category"] == category) & (timeline["status"] == "current")
                      & timeline["published"].notna() & timeline["value"].notna()]
    points = points[~flag_column(points, "unconfirmed")]
    if points.empty:
        return pd.DataFrame({c: pd.Series(dtype="object") for c in _BAND_COLUMNS})
    points = points.assign(_day=pd.to_datetime(points["published"]).dt.normalize(),
                           _group=points["event_group"].fillna(0).astype(int))
    # One row per (group, day), in order: the day's first highest and first lowest report, its counts.
    days = points.groupby(["_group", "_day"], sort=True)
    top_at, low_at = days["value"].idxmax(), days["value"].idxmin()
    per_day = zip(top_at.index.tolist(), points.loc[top_at.to_numpy(), "value"].tolist(),
                  points.loc[top_at.to_numpy(), "article_id"].tolist(),
                  points.loc[low_at.to_numpy(), "value"].tolist(), points.loc[low_at.to_numpy(), "article_id"].tolist(),
                  days.size().tolist(), days["source"].nunique().tolist())
    rows = []
    best_group, best_value, best_article = None, -math.inf, ""
    for (group, day), top, top_article, low, low_article, n_reports, n_sources in per_day:
        if group != best_group:  # the highest so far starts again in each group
            best_group, best_value, best_article = group, -math.inf, ""
        if top > best_value:
            best_value, best_article = float(top), top_article
        rows.append({"event_group": group, "date": day, "highest": best_value, "conservative": float(low),
                     "spread": best_value - float(low), "n_reports": n_reports, "n_sources": n_sources,
                     "highest_article_id": best_article, "conservative_article_id": low_article})
    return pd.DataFrame(rows, columns=_BAND_COLUMNS)
