"""The toll markers and their hovers as first written (pandas maps and groupby lambdas), kept to check the
array code that replaced them gives the same markers, hovers and figure (``test_toll_markers_speed.py``)."""

from __future__ import annotations

import html

import numpy as np
import pandas as pd

from analysis.timeline.points import CATEGORY_LABELS
from analysis.views.toll import figure_words
from analysis.views.toll_markers import CELL_COLUMNS, CELL_ROWS, MAX_MARKERS, _looks, _same, _strip_positions
from charts.toll import MARKER_SOURCES_NAMED, _esc, _flag


def marker_of(points: pd.DataFrame, *, cell: tuple[float, float] | None = None) -> pd.Series:
    """Each point's marker: the ``point_id`` of the first point (in ``points``' order) it is drawn with.

    Indexed like ``points``. A superseded point whose replacement is not among the points keeps
    its own look only; one whose replacement is, merges only with points replaced within the
    same marker (resolved along chains of revisions, "143 -> 138 -> 133"). ``cell``: ``(days, value)``,
    merge points whose day and value fall in the same cell (for a chart too large to draw every point:
    a cell a few pixels wide and high), rather than the same day and value; then dated superseded points
    merge whatever replaced them, and their marker links to each of their replacements' markers.
    """
    if points.empty:
        return pd.Series([], index=points.index, dtype=object)
    looks = _looks(points, cell)
    ids = points["point_id"].to_numpy(dtype=object)
    n = len(ids)
    target = pd.Index(ids).get_indexer(points["replaced_by"].astype(object).where(points["replaced_by"].notna(), None))
    target = np.where(target == np.arange(n), -1, target)
    if cell is not None:  # dated points only: in the strip a superseded marker stands above its replacement
        target[points["dated"].astype(bool).to_numpy()] = -1
    marker = np.full(n, -1)
    pending = np.arange(n)
    while len(pending):  # points without a replacement first, then those whose replacement has its marker
        ready = pending[(target[pending] == -1) | (marker[np.maximum(target[pending], 0)] != -1)]
        if not len(ready):  # a cycle of replacements: each point stays on its own
            marker[pending] = pending
            break
        after = np.where(target[ready] == -1, -1, marker[np.maximum(target[ready], 0)])
        same = _same(np.column_stack([looks[ready], after]))
        _, first = np.unique(same, return_index=True)  # each look's first point
        marker[ready] = ready[first[same]]
        pending = pending[marker[pending] == -1]
    return pd.Series(ids[marker], index=points.index, dtype=object)


def merged_markers(points: pd.DataFrame, *, cell: tuple[float, float] | None = None
                   ) -> tuple[pd.DataFrame, pd.Series]:
    """``(markers, marker_of(points))``: one row per marker, the first point's row, with its
    ``replaced_by`` pointing at its replacement's marker and two more columns, ``n_reports``
    (points in the marker), ``n_sources`` (distinct sources among them), ``low_value`` and ``high_value``
    (the smallest and largest value among them: equal unless merged by ``cell``). Undated markers get
    new strip positions ``strip_x`` (0, 1, 2, ... in order of first appearance)."""
    of = marker_of(points, cell=cell)
    if points.empty:
        return points.assign(n_reports=pd.Series(dtype="int64"), n_sources=pd.Series(dtype="int64")), of
    counts = of.value_counts(sort=False)
    sources = points.groupby(of.to_numpy(), sort=False)["source"].nunique()
    markers = points[of.to_numpy() == points["point_id"].to_numpy()].copy()
    by_id = dict(zip(points["point_id"], of))
    if cell is None:  # one replacement's marker per marker (``marker_of``)
        markers["replaced_by"] = [by_id.get(r, r) if isinstance(r, str) else r for r in markers["replaced_by"]]
    else:  # each of the replacements' markers: one id, or a list of them
        linked: dict[str, dict[str, None]] = {}
        for mine, replaced in zip(of.tolist(), points["replaced_by"].tolist()):
            if isinstance(replaced, str) and replaced in by_id:
                linked.setdefault(mine, {})[by_id[replaced]] = None
        markers["replaced_by"] = [next(iter(t)) if len(t) == 1 else (list(t) or "")
                                  for t in (linked.get(p, {}) for p in markers["point_id"])]
    markers["n_reports"] = markers["point_id"].map(counts).astype("int64").to_numpy()
    markers["n_sources"] = markers["point_id"].map(sources).astype("int64").to_numpy()
    values = points["value"].astype("float64").groupby(of.to_numpy(), sort=False).agg(["min", "max"])
    markers["low_value"] = markers["point_id"].map(values["min"]).to_numpy()
    markers["high_value"] = markers["point_id"].map(values["max"]).to_numpy()
    undated = ~markers["dated"].astype(bool)
    if undated.any():
        markers["strip_x"] = _strip_positions(markers, undated)
    return markers, of


def chart_markers(points: pd.DataFrame, *, max_markers: int = MAX_MARKERS) -> tuple[pd.DataFrame, pd.Series, bool]:
    """``(markers, marker_of, by_cell)``: ``merged_markers`` of the same day and value; past
    ``max_markers`` markers, merged by screen cell instead, and ``by_cell`` is True so the chart can
    say so. The cells start at ``CELL_COLUMNS`` across the dated span and ``CELL_ROWS`` up to the
    highest bar (a few pixels), and double in size until at most ``max_markers`` markers remain
    (or they are a tenth of the chart: a dense year of a 5,000-article event needs cells of
    about ten pixels)."""
    markers, of = merged_markers(points)
    if len(markers) <= max_markers:
        return markers, of, False
    dated = points[points["dated"].astype(bool)]
    published = pd.to_datetime(dated["published"])
    span = (published.max() - published.min()) / pd.Timedelta(days=1) if not dated.empty else 0.0
    top = float((points["value"].astype("float64") + points["err_plus"].astype("float64")).max())
    for coarser in (1, 2, 4, 8):
        cell = (max(1.0, span * coarser / CELL_COLUMNS), max(1.0, top * coarser / CELL_ROWS))
        if marker_of(points, cell=cell).nunique() <= max_markers:
            break
    markers, of = merged_markers(points, cell=cell)
    return markers, of, True



def marker_hovers(markers: pd.DataFrame, points: pd.DataFrame, marker_of: pd.Series, *,
                  category: str) -> pd.DataFrame:
    """``markers`` whose ``short`` and ``hover`` say, for a marker of several reports, how many, from how
    many sources (the first few named), their figures and days: "3 reports, 2 sources (a, b) · 12 ·
    2024-03-01". A marker of one report keeps its point's hover."""
    several = markers["n_reports"] > 1
    if not several.any():
        return markers
    ids = set(markers.loc[several, "point_id"])
    members = points[marker_of.isin(ids).to_numpy()]
    grouped = members.assign(marker=marker_of[marker_of.isin(ids)].to_numpy()).groupby("marker", sort=False)
    names = grouped["source"].agg(lambda s: list(dict.fromkeys(s))[:MARKER_SOURCES_NAMED])
    first, last = grouped["published"].min(), grouped["published"].max()
    ranged = members["qualifier"] == "range"  # a range's bounds are its bar's ends
    bounds = members.assign(low=(members["value"] - members["err_minus"]).where(ranged),
                            high=(members["value"] + members["err_plus"]).where(ranged))
    figures = dict(zip(members["point_id"], figure_words(bounds)))
    words = grouped["point_id"].agg(lambda s: list(dict.fromkeys(figures[p] for p in s)))
    label = html.escape(CATEGORY_LABELS.get(category, category))
    short, hover = markers["short"].tolist(), markers["hover"].tolist()
    for i, (point_id, n, k) in enumerate(zip(markers["point_id"], markers["n_reports"], markers["n_sources"])):
        if n <= 1:
            continue
        shown = ", ".join(_esc(s) for s in names[point_id]) + (", …" if k > len(names[point_id]) else "")
        figure = " / ".join(html.escape(w) for w in words[point_id][:MARKER_SOURCES_NAMED]) + \
            (" / …" if len(words[point_id]) > MARKER_SOURCES_NAMED else "")
        low, high = first[point_id], last[point_id]
        days = "undated" if pd.isna(low) else f"{low:%Y-%m-%d}" + ("" if high.normalize() == low.normalize()
                                                                   else f" to {high:%Y-%m-%d}")
        status = markers["status"].iat[i]
        flags = ("" if status == "current" else ", superseded") + \
            (", unconfirmed" if _flag(markers["unconfirmed"].iat[i]) else "") + \
            (", follow-up" if _flag(markers["follow_up"].iat[i]) else "")
        head = f"{n:,} reports, {k:,} source{'s' if k != 1 else ''} ({shown}) · {label}: {figure}{flags} · {days}"
        short[i] = head
        hover[i] = f"<b>{head}</b><br>Click to list them below. The first:<br>{hover[i]}"
    return markers.assign(short=short, hover=hover)
