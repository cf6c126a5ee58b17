"""The several-events notes of the toll summary (``analysis.timeline.points.mixed_event_notes``) on arrays.

The same notes from the same ``event_groups``: how many separate events the articles fall into, with the first
five events' spans, and each event whose main-period event dates lie more than a day apart, with those dates. The
events' first and last days and event-date spans are read from the date columns as integer arrays sorted once by
event, not through a pandas groupby per note (11 ms for a date range of a 10,000-article corpus, about 2 ms so).
Dates that are not plain ``datetime64`` columns (a time zone, text), or events numbered otherwise than by numbers, go through
``mixed_event_notes`` itself.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.timeline.points import listed_days, mixed_event_notes
from analysis.timeline.values import count_words, day_text

_DAY = 86_400 * 10**9  # a day in nanoseconds
_NAT = np.iinfo(np.int64).min  # NaT as int64


def event_notes(articles: pd.DataFrame, events: pd.DataFrame) -> list[str]:
    """``mixed_event_notes(articles, events=events)``: ``events`` is ``event_groups`` of ``articles``."""
    if articles.empty:
        return []
    columns = [c for c in ("event_date", "published") if c in articles]
    if "published" not in articles or not all(pd.api.types.is_datetime64_dtype(articles[c]) for c in columns) or \
            not pd.api.types.is_numeric_dtype(events["event_group"]) or events["follow_up"].dtype != bool:
        return mixed_event_notes(articles, events=events)
    number = events["event_group"].to_numpy(dtype=float, na_value=np.nan)
    known = ~np.isnan(number)
    ordered = np.unique(number[known])
    notes: list[str] = []
    published = articles["published"].to_numpy(dtype="datetime64[ns]").view(np.int64)
    event_date = articles["event_date"].to_numpy(dtype="datetime64[ns]").view(np.int64) \
        if "event_date" in articles else None
    if len(ordered) > 1:
        spans = []
        for group in ordered[:5].tolist():  # the first five events in order: each one's earliest and latest date
            members = number == group
            days = published[members] if event_date is None else np.concatenate([event_date[members],
                                                                                 published[members]])
            days = days[days != _NAT]
            first, last = (day_text(pd.Timestamp(days.min())), day_text(pd.Timestamp(days.max()))) if len(days) \
                else (day_text(pd.NaT), day_text(pd.NaT))
            when = first if first == last else f"{first} to {last}"
            spans.append(f"{when} ({count_words(int(members.sum()), 'article')})")
        if len(ordered) > 5:
            spans.append(f"{len(ordered) - 5} more")
        notes.append(f"These articles seem to cover {len(ordered)} separate events (different places, event dates "
                     "or tolls): " + "; ".join(spans)
                     + ". Figures are compared within each event only; filter the corpus to one event for a"
                     " single toll line.")
    if event_date is not None:
        # The main period's event dates by event, then date: each event's first and last in one sort.
        chosen = known & ~events["follow_up"].to_numpy(dtype=bool) & (event_date != _NAT)
        groups, dates = number[chosen], event_date[chosen]
        order = np.lexsort((dates, groups))
        groups, dates = groups[order], dates[order]
        if len(groups):
            starts = np.flatnonzero(np.r_[True, groups[1:] != groups[:-1]])
            ends = np.r_[starts[1:], len(groups)]
            apart = (dates[ends - 1] - dates[starts]) // _DAY > 1  # ``Timedelta.days``: whole days, floored
            for start, end in zip(starts[apart].tolist(), ends[apart].tolist()):
                days = dates[start:end]
                days = np.unique(days - days % _DAY)  # each distinct day once
                listed = listed_days(sorted({day_text(pd.Timestamp(d)) for d in days.tolist()}))
                notes.append(f"Articles give different event dates ({listed}): they may describe different "
                             "events, or a date was read wrongly.")
    return notes
