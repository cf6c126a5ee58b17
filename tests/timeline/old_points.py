"""``analysis.timeline.points.mixed_event_notes`` as it was before it read only the events it names and each event's
dates once (a groupby filter and a Timestamp per date of every event): kept only so tests can compare the new path
with it."""

from __future__ import annotations

import pandas as pd

from analysis.timeline.events import event_groups
from analysis.timeline.values import count_words, day_text


def mixed_event_notes(articles: pd.DataFrame, *, entities: pd.DataFrame | None = None,
                      gap_days: int = 7, events: pd.DataFrame | None = None) -> list[str]:
    """Plain-language warnings when the articles seem to cover more than one event.

    Says so when the articles fall into several events (see ``analysis.timeline.events``:
    follow-up coverage of an event is not another event) and when, within one event's main
    period, resolved event dates differ by more than a day. ``events``: ``event_groups`` of the
    same articles when already computed (it is not computed again).
    """
    notes: list[str] = []
    if articles.empty:
        return notes
    grouped = events if events is not None else event_groups(articles, entities=entities, gap_days=gap_days)
    groups = grouped["event_group"]
    n_groups = int(groups.nunique())
    if n_groups > 1:
        spans = []
        # Only the two date columns, grouped once (a filter of every column per event took a second at 10,000).
        dates = pd.DataFrame({c: pd.to_datetime(articles[c], errors="coerce") if c in articles else pd.NaT
                              for c in ("event_date", "published")}, index=articles.index)
        for _, members in dates.groupby(groups, sort=True):
            first, last = day_text(members.min().min()), day_text(members.max().max())
            when = first if first == last else f"{first} to {last}"
            spans.append(f"{when} ({count_words(len(members), 'article')})")
        if len(spans) > 5:
            spans = spans[:5] + [f"{len(spans) - 5} more"]
        notes.append(f"These articles seem to cover {n_groups} separate events (different places, event dates "
                     "or tolls): " + "; ".join(spans)
                     + ". Figures are compared within each event only; filter the corpus to one event for a"
                     " single toll line.")
    if "event_date" in articles:
        main = groups.notna() & ~grouped["follow_up"]
        event_dates = pd.to_datetime(articles.loc[main, "event_date"], errors="coerce")
        for _, dates in event_dates.groupby(groups[main], sort=True):
            dates = dates.dropna()
            if not dates.empty and (dates.max() - dates.min()).days > 1:
                listed = ", ".join(sorted({day_text(d) for d in dates}))
                notes.append(f"Articles give different event dates ({listed}): they may describe different "
                             "events, or a date was read wrongly.")
    return notes
