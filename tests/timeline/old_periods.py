"""``analysis.timeline.events._periods`` as it was before its array rewrite (a loop over every article with
``as_number``/``as_text`` per cell), and ``_Event`` as it was before it counted places only when asked for: kept
only so tests can compare the new path with them."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from analysis.timeline.events import EVENT_PLACE_SHARE, PLACE_LABELS, RESTATED_CATEGORIES, _Period
from analysis.timeline.values import as_number, as_text


def old_periods(articles: pd.DataFrame, periods: pd.Series, entities: pd.DataFrame | None) -> list[_Period]:
    """The periods in time order, each article read once."""
    by_article: dict = {}
    if entities is not None and not entities.empty and "label" in entities:
        named = entities[entities["label"].isin(PLACE_LABELS)]
        for article_id, canonical in zip(named["article_id"].tolist(), named["canonical"].tolist()):
            by_article.setdefault(article_id, set()).add(str(canonical))
    event_days = pd.to_datetime(articles["event_date"], errors="coerce").dt.normalize() \
        if "event_date" in articles else pd.Series(pd.NaT, index=articles.index)
    out: dict = {}
    # Column by column (row dicts of every article's text cost twice as much at 10,000 articles).
    empty = [None] * len(articles)
    ids, titles, texts = (articles[c].tolist() if c in articles else empty for c in ("article_id", "title", "text"))
    counts = [articles[c].tolist() for c in RESTATED_CATEGORIES if c in articles]
    names = [c for c in RESTATED_CATEGORIES if c in articles]
    for i, (index, period, day) in enumerate(zip(articles.index, periods.tolist(), event_days.tolist())):
        if pd.isna(period):
            continue
        part = out.setdefault(int(period), _Period([], [], set(), [], [], []))
        part.indexes.append(index)
        part.positions.append(i)
        if pd.notna(day):
            part.event_days.add(pd.Timestamp(day))
        values = {c: as_number(column[i]) for c, column in zip(names, counts)}
        values = {c: v for c, v in values.items() if v is not None}
        if values:
            part.figures.append(values)
        part.places.append(by_article.get(ids[i], set()))
        part.texts.append(as_text(titles[i]) + " " + as_text(texts[i]))
    return [out[k] for k in sorted(out)]


@dataclass
class OldEvent:
    """``events._Event`` as it was: each period's places counted as it is added."""

    indexes: list = field(default_factory=list)
    positions: list = field(default_factory=list)
    event_days: set = field(default_factory=set)
    event_ordinals: set = field(default_factory=set)  # the event days as day numbers
    figures: dict = field(default_factory=dict)  # category -> reported values
    place_counts: dict = field(default_factory=dict)  # place -> articles naming it

    def add(self, period: _Period) -> None:
        self.indexes.extend(period.indexes)
        self.positions.extend(period.positions)
        self.event_days |= period.event_days
        self.event_ordinals |= period.ordinals()
        for values in period.figures:
            for category, value in values.items():
                self.figures.setdefault(category, []).append(value)
        for named in period.places:
            for place in named:
                self.place_counts[place] = self.place_counts.get(place, 0) + 1

    def reported(self) -> dict:  # the one method added: the new ``_restates`` reads the figures through it
        return self.figures

    def places(self) -> set[str]:
        need = len(self.indexes) * EVENT_PLACE_SHARE
        return {place for place, n in self.place_counts.items() if n >= need}
