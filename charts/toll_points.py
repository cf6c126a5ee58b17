"""A filtered corpus's toll chart points taken from the whole corpus's, by article mask.

A date range or source filter keeps or drops whole articles, so the timeline rows of a filtered corpus are
rows of the whole corpus's timeline, unchanged. Most of what ``charts.toll.chart_points`` writes per point
reads its own row only: its id, source, figure in words, label, short hover, error bars, shape and flags.
``point_base`` makes those once per corpus and category (about 70 ms at 10,000 articles) and ``points_of``
takes the kept rows' (about 10 ms), computing on the kept rows only the columns that depend on which rows
are kept:

- ``colour`` and ``group``: sources are coloured in order of first report among the kept rows (the most
  reported ones when there are more than colours), groups in ``group_order`` of the kept rows;
- ``x``: the n-th point of the same day, value and status among the kept rows moves a few hours
  (``charts.toll._fanned_out``), by integer codes of (time, value, status) made once;
- ``strip_x``: the kept undated points' positions in the strip, by article in order of first appearance;
- ``point_id`` of a row without a figure id, which names the row's position among the kept rows.

Only compact charts (more than ``charts.toll.HOVER_FULL_POINTS`` points kept) are taken this way: their hover
is the short one, the same for every subset. A smaller subset's full hovers are written by ``chart_points``
itself, as before (they are few). No streamlit here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

import charts.toll as toll
from analysis.views.groups import OTHER
from analysis.views.toll_markers import MarkerColumns
from analysis.views.prepared import kept_rows


@dataclass(frozen=True)
class PointBase:
    """``chart_points`` of every row of one category of the whole corpus, and the codes ``points_of`` reads."""

    category: str
    points: pd.DataFrame  # chart_points of the category's rows of the whole timeline (groups None)
    event_group: np.ndarray  # each point's event group (float, NaN: none)
    source_code: np.ndarray  # each point's source, as a code (in ``sources``)
    first_time: np.ndarray  # each point's publication time in ns; undated: the largest int64 (sorts last)
    same_place: np.ndarray  # a code per (publication time, value, status) of dated points; -1 undated
    at_midnight: np.ndarray  # published at midnight
    article_code: np.ndarray  # each point's article, as a code (in ``article_ids``)
    article_ids: np.ndarray
    no_figure_id: np.ndarray  # positions of points whose id is made from their position
    columns: MarkerColumns | None  # what merging the points into markers reads (None: some id is positional)
    #: each point's article's row in the whole corpus's articles (-1: none), when given them with distinct ids
    article_row: np.ndarray | None = None


def point_base(timeline: pd.DataFrame, *, category: str, articles: pd.DataFrame | None = None) -> PointBase | None:
    """The ``PointBase`` of ``category`` in the whole corpus's ``timeline``; None when the category has at most
    ``HOVER_FULL_POINTS`` points (no subset of it is a compact chart). ``articles``: the whole corpus's, so that
    ``kept_points`` can read a filter's article mask rather than look each point's article up by id."""
    wanted = ((timeline["category"] == category) & timeline["value"].notna()).to_numpy()
    if int(wanted.sum()) <= toll.HOVER_FULL_POINTS:
        return None
    rows = timeline[["event_group", "value", "status", "published"]][wanted]
    points = toll.chart_points(timeline, category=category)
    published = rows["published"]
    dated = published.notna().to_numpy()
    times = published.to_numpy(dtype="datetime64[ns]").view("int64")
    place = np.full(len(rows), -1, dtype="int64")
    if dated.any():
        key = np.zeros(int(dated.sum()), dtype="int64")
        for column in (published[dated], rows.loc[dated, "value"], rows.loc[dated, "status"]):
            codes, uniques = pd.factorize(column, use_na_sentinel=False)
            key = pd.factorize(key * (len(uniques) + 1) + codes)[0]
        place[dated] = key
    article_code, article_ids = pd.factorize(points["article_id"].to_numpy(dtype=object), use_na_sentinel=False)
    return PointBase(
        category=category, points=points,
        event_group=pd.to_numeric(rows["event_group"], errors="coerce").to_numpy(dtype="float64"),
        source_code=pd.factorize(points["source"].to_numpy(dtype=object), use_na_sentinel=False)[0],
        first_time=np.where(dated, times, np.iinfo("int64").max), same_place=place,
        at_midnight=(published == published.dt.normalize()).to_numpy(dtype=bool),
        article_code=article_code, article_ids=np.asarray(article_ids, dtype=object),
        no_figure_id=(no_id := np.flatnonzero([not f for f in points["figure_id"].tolist()])),
        columns=None if len(no_id) or not points["point_id"].is_unique else _marker_columns(points),
        article_row=None if articles is None or not articles["article_id"].is_unique else
        pd.Index(articles["article_id"].to_numpy(dtype=object)).get_indexer(article_ids)[article_code])


def _marker_columns(points: pd.DataFrame) -> MarkerColumns:
    """``MarkerColumns`` of the points, with what the markers' hovers read of each (``charts.toll.hover_codes``)."""
    columns = MarkerColumns(points)
    columns.hover_codes = toll.hover_codes(points)
    return columns


def kept_points(base: PointBase, articles: pd.DataFrame, period: int, *, kept: np.ndarray | None = None
                ) -> np.ndarray:
    """Which of ``base``'s points a filtered corpus of ``articles`` has in event ``period`` (0: every event):
    the rows ``charts.toll_views.period_rows`` then ``chart_points`` keep, in the same order. ``kept``: which of
    the whole corpus's articles ``articles`` are (``analysis.views.prepared.kept_rows`` of them), read through
    ``base.article_row`` when both are known, instead of each point's article id looked up among ``articles``."""
    if kept is not None and base.article_row is not None:
        rows = base.article_row
        keep = np.where(rows >= 0, kept[np.maximum(rows, 0)], False)
    else:
        keep = kept_rows(base.points[["article_id"]], articles)
    if period:
        keep &= (base.event_group == period) | np.isnan(base.event_group)
    return keep


def points_of(base: PointBase, keep: np.ndarray, *, groups: Mapping[str, str] | None = None
              ) -> tuple[pd.DataFrame, MarkerColumns | None] | None:
    """``(chart_points of the kept rows, their MarkerColumns or None)`` (``keep``: a boolean per point of ``base``)
    coloured by ``groups`` (``{article_id: group}``), or None when they are not a compact chart (the caller makes
    them)."""
    at = np.flatnonzero(keep)
    n = len(at)
    if n <= toll.HOVER_FULL_POINTS:
        return None
    points = base.points.take(at).reset_index(drop=True)
    codes = base.source_code[at]
    if groups is None:
        colour = _source_colours(codes, base.first_time[at], base.points["source"].to_numpy(dtype=object)[at])
        group_of = points["source"].to_numpy(dtype=object)
    else:
        articles = base.article_code[at]
        present, inverse = np.unique(articles, return_inverse=True)
        named = np.array([groups.get(a, OTHER) for a in base.article_ids[present].tolist()], dtype=object)
        named[pd.isna(named)] = OTHER  # as ``Series.map(groups).fillna(OTHER)``
        group_of = named[inverse.ravel()]
        colour = _group_colours(group_of)
    points["colour"] = toll._objects(colour)
    points["group"] = toll._objects(group_of)
    points["x"] = _fanned_out(base, at, points["published"])
    undated = np.flatnonzero(~base.points["dated"].to_numpy(dtype=bool)[at])
    strip_x: list = [None] * n
    for position, place in zip(undated.tolist(), pd.factorize(base.article_code[at][undated])[0].tolist()):
        strip_x[position] = place
    points["strip_x"] = pd.Series(strip_x)
    mine = np.flatnonzero(np.isin(at, base.no_figure_id))
    if len(mine):  # an id made of the row's position among the kept rows
        ids = points["point_id"].to_numpy(dtype=object).copy()
        article_ids = points["article_id"].to_numpy(dtype=object)
        for i in mine.tolist():
            ids[i] = f"{article_ids[i]}:{base.category}:{i}"
        points["point_id"] = toll._objects(ids)
    return points, None if base.columns is None else base.columns.taken(at, points)


def _source_colours(codes: np.ndarray, times: np.ndarray, sources: np.ndarray) -> list[str]:
    """Each point's colour by source: ``chart_points``' rule on the kept points' source codes."""
    first_seen = pd.unique(codes[np.argsort(times, kind="stable")]).tolist()
    if len(first_seen) > len(toll.SOURCE_COLOURS):
        counts = np.bincount(codes)
        ranked = set(sorted(first_seen, key=lambda s: -counts[s])[:len(toll.SOURCE_COLOURS)])
        first_seen = [s for s in first_seen if s in ranked]
    palette = np.full(int(codes.max()) + 1, toll.OTHER_SOURCES_COLOUR, dtype=object)
    palette[first_seen] = toll.SOURCE_COLOURS[:len(first_seen)]
    return palette[codes].tolist()


def _group_colours(group_of: np.ndarray) -> list[str]:
    """Each point's colour by group: ``chart_points``' rule (``group_order`` of the kept points' groups)."""
    codes, names = pd.factorize(group_of)
    counts = np.bincount(codes, minlength=len(names))
    order = sorted(range(len(names)), key=lambda g: (names[g] == OTHER, -counts[g], str(names[g])))
    palette = np.empty(len(names), dtype=object)
    for i, g in enumerate(order):
        palette[g] = toll.OTHER_SOURCES_COLOUR if names[g] == OTHER else toll.SOURCE_COLOURS[i % len(toll.SOURCE_COLOURS)]
    return palette[codes].tolist()


def _fanned_out(base: PointBase, at: np.ndarray, published: pd.Series) -> np.ndarray | list:
    """``charts.toll._fanned_out`` of the kept points: the n-th kept point of the same day, value and status."""
    place = base.same_place[at]
    dated = place >= 0
    if not dated.any():
        return [None] * len(at)
    seen = np.zeros(len(at), dtype="int64")
    keys = place[dated]
    order = np.argsort(keys, kind="stable")
    ordered = keys[order]
    starts = np.flatnonzero(np.concatenate([[True], ordered[1:] != ordered[:-1]]))
    rank = np.arange(len(ordered)) - np.repeat(starts, np.diff(np.append(starts, len(ordered))))
    within = np.empty(len(keys), dtype="int64")
    within[order] = rank
    seen[dated] = within
    hours = 3 * ((seen + 1) // 2) * np.where(seen % 2 == 1, 1, -1)
    moved = published + pd.to_timedelta(np.where((seen > 0) & base.at_midnight[at], hours, 0), unit="h")
    return moved.to_numpy()
