"""The Toll page's chart view as a function of the tables and the page's widget values, and the views of the
page's first visit to a corpus, computed when the corpus opens.

``period_rows`` and ``chart_view`` are what ``pages/toll.py`` computes through ``app_data.view`` for its
chart. ``first_visit_views`` gives, under the page's own view keys ``(name, args)``, what the page's first visit
to the whole, unfiltered corpus computes with every widget on its default: the category offered first, the event
the chart opens on, the follow-up coverage hidden, the "Compare by" grouping the session would open on.
``app_data`` runs it on a background thread as soon as a corpus is opened or built, so the first visit reads
the chart instead of making it (at 10,000 articles, 0.6 of the first visit's 0.8 s of server CPU). The keys
follow the page's defaults: when the page asks for other ones (the user picked another category first), they
are simply not used. No streamlit here.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterator, Mapping

import numpy as np
import pandas as pd

from analysis.figures.labels import distinct_labels
from analysis.tables import CorpusTables
from analysis.views.groups import FEW_SOURCES, GROUPINGS, default_grouping, grouping_key, opening_grouping, \
    source_groups
from analysis.views.toll import event_periods, follow_up_span, opening_event, source_day_table, summary_base
from charts.served import served
from charts.toll import TollChart, toll_chart
from charts.toll_points import PointBase, kept_points, point_base, points_of

#: The toll page's "Compare by" widget key: its default grouping is the view ``f"{BY_KEY}_default"``.
BY_KEY = "toll_by"
#: The page's ``app_data.whole_view`` names of the whole corpus's bases a filtered run reads: the summary's and
#: each category's points' (``SUMMARY_BASE``, ``POINT_BASE.format(category)``).
SUMMARY_BASE = "toll_summary_base"
POINT_BASE = "toll_point_base:{}"
#: The names of the views ``first_visit_views`` makes.
FIRST_VISIT_NAMES = ("toll_periods", "toll_opening_event", "toll_period_rows", "toll_follow_up", f"{BY_KEY}_default",
                     "toll_chart")


def period_rows(t: CorpusTables, category: str, period: int) -> pd.DataFrame:
    """The ``category`` timeline rows of event ``period`` and of no event (0: every event), selected at once:
    the timeline's rows of every category are not taken first (its sentences, twice per filter and event)."""
    return t.timeline[period_mask(t.timeline, category, period)]


def period_mask(timeline: pd.DataFrame, category: str, period: int) -> np.ndarray:
    """Which rows ``period_rows`` takes of ``timeline``: each by its own cells (``app_data.table_rows`` takes a
    filtered part's from the whole timeline with it)."""
    keep = timeline["category"] == category
    if period:
        keep &= (timeline["event_group"] == period) | timeline["event_group"].isna()
    return keep.to_numpy(dtype=bool)


def chart_view(t: CorpusTables, category: str, period: int, later: bool, grouping: tuple, *,
               groups: Mapping[str, str], rows: pd.DataFrame | None = None, base: PointBase | None = None,
               kept: np.ndarray | None = None) -> tuple[TollChart, pd.DataFrame, pd.DataFrame, dict[str, str]]:
    """The chart of ``category`` in event ``period`` (follow-up shown when ``later``), coloured by ``grouping``
    (``analysis.views.groups.grouping_key``; ``groups``: the user's ``{source: group}``), with the category's
    timeline rows, its source-by-day table and the figure picker's label of each point id. ``rows``:
    ``period_rows(t, category, period)`` when the caller has them (the page, for the follow-up toggle too).
    ``base``: ``charts.toll_points.point_base`` of the category in the whole corpus ``t`` is part of: the
    points are then taken from it by article mask (``points_of``) rather than written again; ``kept``: which of
    that corpus's articles ``t`` is about, when the caller knows (``charts.toll_points.kept_points``)."""
    data = period_rows(t, category, period) if rows is None else rows
    by = grouping[0]
    colour = None if by == "source" and t.articles["source"].nunique() <= FEW_SOURCES else dict(zip(
        t.articles["article_id"], source_groups(t.articles, by=by, groups=groups)))
    points = columns = None
    if base is not None and base.category == category:
        keep = kept_points(base, t.articles, period, kept=kept)
        # the same rows as ``chart_points`` would take of ``data``, or they are written again
        if int(keep.sum()) == int(((data["category"] == category) & data["value"].notna()).sum()):
            points, columns = points_of(base, keep, groups=colour) or (None, None)
    # The category's rows, taken once: the chart, its band and the grid read no other category's.
    chart = toll_chart(data, t.articles, category=category, show_follow_up=later, groups=colour,
                       colour_title=GROUPINGS[by][1], points=points, marker_columns=columns)
    served(chart.figure)  # drawn again on every rerun: its JSON made once
    # the picker's, made once; distinct, since the picker maps a shown label back to one point
    labels = dict(zip(chart.points["point_id"].tolist(), distinct_labels(chart.points["label"].tolist())))
    return chart, data, source_day_table(data, category=category), labels


def first_visit_views(t: CorpusTables, summary: tuple, *, chosen_by: str | None,
                      groups: Mapping[str, str]) -> Iterator[tuple[tuple[str, tuple[Hashable, ...]], object]]:
    """``((view name, args), value)`` of the views the Toll page computes on its first visit to the whole corpus
    ``t``, in the order it asks for them.

    Args:
        t: the whole corpus's tables.
        summary: its ``toll_summary`` (``analysis.views.prepared``): the page's first category comes from it.
        chosen_by: the grouping the user last chose on a comparison page (``page_parts.COMPARE_BY``), or None.
        groups: the session's ``{source: group}``.
    """
    options, _, category = summary[2]
    if t.timeline.empty or category not in options:
        return
    periods = event_periods(t.timeline, category=category)
    yield ("toll_periods", (category,)), periods
    period = 0
    if len(periods) > 1:
        period = opening_event(t.timeline, category=category)
        yield ("toll_opening_event", (category,)), period
    rows = period_rows(t, category, period)
    yield ("toll_period_rows", (category, period)), rows
    yield ("toll_follow_up", (category, period)), follow_up_span(rows, category=category)
    default = default_grouping(t.articles)
    yield (f"{BY_KEY}_default", ()), default
    grouping = grouping_key(opening_grouping(chosen_by, default, groups=groups), groups)
    view = chart_view(t, category, period, False, grouping, groups=groups, rows=rows)
    view[0].figure.to_dict()  # the JSON the page sends, made here too
    yield ("toll_chart", (category, period, False, grouping)), view


def base_names(summary: tuple) -> tuple[str, ...]:
    """The ``whole_view`` names ``whole_bases`` makes for a corpus whose ``toll_summary`` is ``summary``."""
    options, _, category = summary[2]
    return (SUMMARY_BASE, *([POINT_BASE.format(category)] if category in options else []))


def whole_bases(t: CorpusTables, summary: tuple) -> Iterator[tuple[str, object]]:
    """``(whole_view name, value)`` of the whole corpus ``t``'s bases that the page's first filtered run reads
    (``base_names``): the summary's (``summary_base``) and the points' of the category offered first
    (``point_base``); about 35 and 85 ms at 10,000 articles, made ahead (``app_data.views_ahead``) so that the first
    change of a sidebar filter does not pay them."""
    yield SUMMARY_BASE, summary_base(t)
    options, _, category = summary[2]
    if category in options:
        yield POINT_BASE.format(category), point_base(t.timeline, category=category, articles=t.articles)
