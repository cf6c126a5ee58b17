"""Timeline points: each article's headline figures and the figures they replaced, by date.

- ``build_timeline``: one row per plotted point: each article's headline figure per
  category as a *current* point, and every superseded figure the article mentions
  ("revised from an initial 143") as a *superseded* point linked to the figure that
  replaced it. Undated articles are kept, with an empty ``published``.
- ``group_events`` / ``mixed_event_notes`` / ``follow_up_notes``: which event each article
  tells of (``analysis.timeline.events``: follow-up coverage months later stays with its
  event); comparisons are made within an event only.

Everything in ``analysis.timeline`` is plain pandas: no streamlit, no plotting.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd

from analysis.schema import HEADLINE_CATEGORIES, conform, empty_table
from analysis.tables import records as row_dicts
from analysis.timeline.events import event_groups
from analysis.timeline.outliers import unconfirmed_points
from analysis.timeline.values import as_flag, as_number, as_text, count_words, day_text, is_missing

#: Categories the toll page offers first, in this order.
TOLL_CATEGORIES: tuple[str, ...] = ("killed", "injured", "hospitalized", "arrested")


#: Plain-language names of the categories, for summary lines and headings.
CATEGORY_LABELS: dict[str, str] = {
    "killed": "Deaths",
    "injured": "Injured",
    "hospitalized": "In hospital",
    "missing": "Missing",
    "arrested": "Arrests",
    "attackers": "Attackers",
    "evacuated": "Evacuated or rescued",
}


def group_events(articles: pd.DataFrame, *, entities: pd.DataFrame | None = None, gap_days: int = 7) -> pd.Series:
    """Which event each article belongs to, numbered from 1 in time order (``events.event_groups``).

    Each article's key date is its ``event_date`` when resolved, else its ``published`` date;
    key dates more than ``gap_days`` apart start a new period, so a toll reported daily for a
    month stays one event while coverage of two attacks a month apart becomes two. A later
    period that restates an event's toll in its place (``entities``) or names its event date is
    follow-up coverage of that event, not an event of its own. Articles with neither date get
    an empty group.

    Returns:
        A nullable integer Series indexed like ``articles``.
    """
    return event_groups(articles, entities=entities, gap_days=gap_days)["event_group"]


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
        # Only the two date columns, grouped once (a filter of every column per event took a second at 10,000),
        # and only the events named read (the first five).
        dates = pd.DataFrame({c: pd.to_datetime(articles[c], errors="coerce") if c in articles else pd.NaT
                              for c in ("event_date", "published")}, index=articles.index)
        for _, members in dates.groupby(groups, sort=True):
            if len(spans) == 5:
                break
            first, last = day_text(members.min().min()), day_text(members.max().max())
            when = first if first == last else f"{first} to {last}"
            spans.append(f"{when} ({count_words(len(members), 'article')})")
        if n_groups > 5:
            spans.append(f"{n_groups - 5} more")
        notes.append(f"These articles seem to cover {n_groups} separate events (different places, event dates "
                     "or tolls): " + "; ".join(spans)
                     + ". Figures are compared within each event only; filter the corpus to one event for a"
                     " single toll line.")
    if "event_date" in articles:
        main = groups.notna() & ~grouped["follow_up"]
        event_dates = pd.to_datetime(articles.loc[main, "event_date"], errors="coerce")
        by_group = event_dates.groupby(groups[main], sort=True)
        # Each event's first and last date in one pass; only an event whose dates differ lists them, each
        # distinct day written once (thousands of dates in one event of a 10,000-article corpus).
        ends = by_group.agg(["min", "max"])
        for group in ends.index[((ends["max"] - ends["min"]).dt.days > 1).to_numpy(dtype=bool)]:
            dates = by_group.get_group(group).dropna()
            listed = listed_days(sorted({day_text(d) for d in dates.dt.normalize().unique()}))
            notes.append(f"Articles give different event dates ({listed}): they may describe different "
                         "events, or a date was read wrongly.")
    return notes


#: Past this many different days a note gives their number and span, not each one (an event of a 10,000-article
#: archive had 400 event dates, one unreadable line).
MAX_LISTED_DAYS = 8


def listed_days(days: list[str]) -> str:
    """``days`` (sorted) joined with commas, or "N dates from FIRST to LAST" past ``MAX_LISTED_DAYS``."""
    if len(days) <= MAX_LISTED_DAYS:
        return ", ".join(days)
    return f"{len(days):,} dates from {days[0]} to {days[-1]}"


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
    # Only the events with follow-up coverage are read (a few of the hundreds of a 10,000-article corpus).
    with_later = set(grouped["event_group"][grouped["follow_up"].fillna(False).astype(bool)].dropna().tolist())
    # Each event's rows as numpy masks (a Series comparison per event cost as much as the rest of the lines).
    numbers = grouped["event_group"].to_numpy(dtype=float, na_value=np.nan)
    follow_up = grouped["follow_up"].fillna(False).to_numpy(dtype=bool)
    dated = published.notna().to_numpy(dtype=bool)
    lines = []
    for group in groups:
        if group not in with_later:
            continue
        members = numbers == group
        later = members & follow_up
        if not later.any():
            continue
        main = members & ~follow_up & dated
        who = "One event" if len(groups) == 1 else f"Event {group}"
        lines.append(f"{who} with follow-up coverage: the main coverage runs {_span(published[main])} "
                     f"({count_words(int(main.sum()), 'article')}); {count_words(int(later.sum()), 'later article')} "
                     f"({_span(published[later])}) restate its toll or name its place or event date, and "
                     f"{'is' if later.sum() == 1 else 'are'} shown after it as follow-up coverage.")
    return lines


def _span(days: pd.Series) -> str:
    first, last = day_text(days.min()), day_text(days.max())
    return first if first == last else f"{first} to {last}"


def figure_records(figures: pd.DataFrame) -> list[dict]:
    """The figure ledger as row dicts, made once and shared by the helpers below."""
    return [] if figures.empty else row_dicts(figures)


def _figure_lookup(figures: pd.DataFrame, records: list[dict]) -> dict[str, dict]:
    if figures.empty or "figure_id" not in figures:
        return {}
    return {str(row["figure_id"]): row for row in records if not is_missing(row.get("figure_id"))}


def build_timeline(articles: pd.DataFrame, figures: pd.DataFrame, *,
                   categories: Sequence[str] = HEADLINE_CATEGORIES, gap_days: int = 7,
                   entities: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per plotted point of the toll chart.

    Rule: for each article and category, the headline figure of the articles table
    (``killed``, ``killed_qualifier``, ... ``killed_figure_id``) is a ``current`` point.
    Every figure of the ledger with ``status == "superseded"`` and a whole-event scope in
    the same article and category is a ``superseded`` point whose ``replaced_by`` is the
    article's headline figure — the plotted point that replaced it (without a headline, the
    current figure of the same sentence: "revised from 143 to 133"). Undated articles are
    kept with an empty ``published``. ``event_group`` and ``follow_up`` come from
    ``analysis.timeline.events`` (``entities`` gives the places articles name), ``unconfirmed``
    from ``analysis.timeline.outliers``.

    Returns:
        The ``timeline`` table (see ``analysis.schema``): article_id, source, title,
        published, date_method, event_date, event_date_text, event_group, category, value, low, high,
        qualifier, status, may_rise, attributed_to, figure_id, replaced_by, sentence, follow_up,
        unconfirmed; sorted by category, published (undated last), source.
    """
    if articles.empty:
        return _typed_timeline(empty_table("timeline"))
    records = figure_records(figures)
    figure_by_id = _figure_lookup(figures, records)
    grouped = event_groups(articles, entities=entities, gap_days=gap_days)
    groups, follow_up = grouped["event_group"], grouped["follow_up"]
    superseded = _superseded_figures(figures, records, categories)
    current_by_sentence = _current_by_sentence(figures, records)
    rows: list[dict] = []
    for index, article in zip(articles.index, row_dicts(articles)):
        article_id = as_text(article.get("article_id"))
        base = {
            "article_id": article_id,
            "source": as_text(article.get("source")),
            "title": as_text(article.get("title")),
            "published": article.get("published"),
            "date_method": as_text(article.get("date_method")),
            "event_date": article.get("event_date"),
            "event_date_text": as_text(article.get("event_date_text")),
            "event_group": groups.get(index),
            "follow_up": bool(follow_up.get(index, False)),
        }
        for category in categories:
            headline_id = as_text(article.get(f"{category}_figure_id"))
            value = as_number(article.get(category))
            if value is not None:
                figure = figure_by_id.get(headline_id, {})
                rows.append({
                    **base, "category": category, "value": value,
                    "low": as_number(article.get(f"{category}_low")),
                    "high": as_number(article.get(f"{category}_high")),
                    "qualifier": as_text(article.get(f"{category}_qualifier")) or "exact",
                    "status": "current", "may_rise": as_flag(article.get(f"{category}_may_rise")),
                    "attributed_to": as_text(figure.get("attributed_to")),
                    "figure_id": headline_id, "replaced_by": "", "sentence": as_text(figure.get("sentence")),
                })
            for old in superseded.get((article_id, category), []):
                same_sentence = current_by_sentence.get((article_id, category, old.get("sentence_idx")), "")
                rows.append({
                    **base, "category": category, "value": as_number(old.get("value")),
                    "low": as_number(old.get("low")), "high": as_number(old.get("high")),
                    "qualifier": as_text(old.get("qualifier")) or "exact", "status": "superseded",
                    "may_rise": as_flag(old.get("may_rise")), "attributed_to": as_text(old.get("attributed_to")),
                    "figure_id": as_text(old.get("figure_id")),
                    "replaced_by": headline_id if value is not None else same_sentence,
                    "sentence": as_text(old.get("sentence")),
                })
    if not rows:
        return _typed_timeline(empty_table("timeline"))
    timeline = conform(pd.DataFrame(rows), "timeline")
    order = {category: i for i, category in enumerate(categories)}
    timeline = timeline.assign(_cat=timeline["category"].map(order),
                               _undated=timeline["published"].isna(),
                               _status=(timeline["status"] != "current"))
    timeline = timeline.sort_values(["_cat", "_undated", "published", "source", "article_id", "_status"],
                                    kind="stable").drop(columns=["_cat", "_undated", "_status"])
    timeline = _typed_timeline(timeline.reset_index(drop=True))
    timeline["unconfirmed"] = unconfirmed_points(timeline)
    return timeline


def _superseded_figures(figures: pd.DataFrame, records: list[dict],
                        categories: Iterable[str]) -> dict[tuple[str, str], list[dict]]:
    out: dict[tuple[str, str], list[dict]] = {}
    if figures.empty or "status" not in figures:
        return out
    wanted = set(categories)
    for row in records:
        if row.get("status") != "superseded" or row.get("category") not in wanted:
            continue
        if as_text(row.get("scope")) == "partial" or as_number(row.get("value")) is None:
            continue
        out.setdefault((as_text(row.get("article_id")), row["category"]), []).append(row)
    return out


def _current_by_sentence(figures: pd.DataFrame, records: list[dict]) -> dict[tuple, str]:
    out: dict[tuple, str] = {}
    if figures.empty or "status" not in figures:
        return out
    for row in records:
        if row.get("status") == "current" and as_text(row.get("scope")) != "partial":
            out.setdefault((as_text(row.get("article_id")), row.get("category"), row.get("sentence_idx")),
                           as_text(row.get("figure_id")))
    return out


def _typed_timeline(frame: pd.DataFrame) -> pd.DataFrame:
    out = conform(frame, "timeline")
    for column in ("published", "event_date"):
        out[column] = pd.to_datetime(out[column], errors="coerce")
    for column in ("value", "low", "high"):
        out[column] = pd.to_numeric(out[column], errors="coerce").astype("float64")
    for column in ("may_rise", "follow_up", "unconfirmed"):
        out[column] = out[column].fillna(False).astype(bool)
    out["event_group"] = pd.array(out["event_group"], dtype="Int64")
    return out
