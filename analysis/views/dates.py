"""How many articles were published when: counts per day, week, month or year, the finest that keeps a chart
readable, for the Corpus page's look at a corpus just loaded (did the dates come through, what span it covers)."""

from __future__ import annotations

import pandas as pd

#: Units from finest to coarsest: (name, pandas period frequency).
UNITS = (("day", "D"), ("week", "W-SUN"), ("month", "M"), ("year", "Y"))
#: At most this many bars: the finest unit that needs no more is used.
MAX_BARS = 200


def publication_counts(articles: pd.DataFrame, *, max_bars: int = MAX_BARS) -> tuple[pd.DataFrame, str, int]:
    """Articles per period of publication, the finest of ``UNITS`` whose span needs at most ``max_bars``
    periods (else years), empty periods included.

    Returns:
        ``(counts, unit, undated)``: counts has ``start`` (the period's first day, a Timestamp) and
        ``articles`` (int), in time order; ``unit`` the period's name; ``undated`` the articles without a date.
    """
    published = pd.to_datetime(articles["published"]).dropna()
    undated = len(articles) - len(published)
    if published.empty:
        return pd.DataFrame({"start": pd.Series([], dtype="datetime64[ns]"), "articles": pd.Series([], dtype=int)}), \
            "day", undated
    published = published.dt.tz_localize(None) if published.dt.tz is not None else published
    first, last = published.min(), published.max()
    for unit, frequency in UNITS:
        periods = pd.period_range(first.to_period(frequency), last.to_period(frequency), freq=frequency)
        if len(periods) <= max_bars or unit == UNITS[-1][0]:
            break
    counts = published.dt.to_period(frequency).value_counts().reindex(periods, fill_value=0)
    return pd.DataFrame({"start": periods.start_time, "articles": counts.to_numpy(dtype=int)}), unit, undated
