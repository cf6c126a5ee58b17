"""``analysis.timeline.points.mixed_event_notes`` as it was before it read only the events it names and each event's
dates once (a groupby filter and a Timestamp per date of every event): kept only so tests can compare the new path
with it; ``follow_up_notes`` likewise, before it read only the events with follow-up coverage."""

from __future__ import annotations

import pandas as pd

from analysis.timeline.events import event_groups
from analysis.timeline.points import _span
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


def follow_up_notes(articles: pd.DataFrame, *, entities: pd.DataFrame | None = None,
                    gap_days: int = 7, events: pd.DataFrame | None = None) -> list[str]:
    """One line per event with follow-up coverage: its main period and the later articles.

    "One event with follow-up coverage: the main coverage runs 2025-06-06 to 2025-06-26
    (120 articles); ten later articles (2025-10-30 to 2026-06-07) restate its toll or name
    its event date, and are shown after it."  ``events`` as in ``mixed_event_notes``.
    """
    if articles.empty or "published" not in articles:
        return []
    grouped = events if events is not None else event_groups(articles, entities=entities, gap_days=gap_days)
    published = pd.to_datetime(articles["published"], errors="coerce")
    groups = sorted(grouped["event_group"].dropna().unique())
    lines = []
    for group in groups:
        members = grouped["event_group"] == group
        later = members & grouped["follow_up"]
        if not later.any():
            continue
        main = members & ~grouped["follow_up"] & published.notna()
        who = "One event" if len(groups) == 1 else f"Event {group}"
        lines.append(f"{who} with follow-up coverage: the main coverage runs {_span(published[main])} "
                     f"({count_words(int(main.sum()), 'article')}); {count_words(int(later.sum()), 'later article')} "
                     f"({_span(published[later])}) restate its toll or name its place or event date, and "
                     f"{'is' if later.sum() == 1 else 'are'} shown after it as follow-up coverage.")
    return lines


def _span(days: pd.Series) -> str:
    first, last = day_text(days.min()), day_text(days.max())
    return first if first == last else f"{first} to {last}"
