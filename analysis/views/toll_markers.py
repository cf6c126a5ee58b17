"""The toll chart's markers: the plotted points, coincident ones drawn once.

At 10,000 articles the toll chart has about 22,000 points (headline and superseded figures),
most of them on top of another one: wire copy and syndication repeat the same figure the same
day in the same words. Drawing each costs the browser seconds and shows nothing more, so
points that would look the same are merged into one marker that says how many reports it
stands for; every report stays one click away (``marker_of`` maps each point to its marker,
the page lists a marker's reports with its evidence).

Rule: two points merge when a reader could not tell them apart on the chart: the same
position (the publication day for dated points; the undated strip for undated ones, where
a position has no meaning beyond telling points apart), the same value, qualifier, error bar,
status (current or superseded), colour and marks (may rise, unconfirmed, follow-up); a
superseded point also needs its replacement to be in the same marker, so every dashed link
drawn is the link of every point in its marker. Known misses: two reports of the same day
at different hours merge (the marker sits at the first one's time, its hover gives the
count); points of different values a pixel apart do not.

Plain pandas over ``charts.toll.chart_points``'s columns; no plotting here.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

#: The columns two points must share to be drawn as one marker (besides their position and replacement).
SAME_LOOK = ["status", "value", "qualifier", "err_plus", "err_minus", "colour", "may_rise", "unconfirmed", "follow_up"]


def _looks(points: pd.DataFrame, cell: tuple[float, float] | None) -> np.ndarray:
    """What each point looks like on the chart, as a row of integer codes: its place (publication day,
    or -1 undated) and ``SAME_LOOK``; with ``cell = (days, value)``, its place and value (and bars) to
    that cell."""
    return MarkerColumns(points).looks(cell)


#: The columns whose values ``_looks`` rounds to a cell.
_IN_CELLS = ("value", "err_plus", "err_minus")


class MarkerColumns:
    """The columns merging reads, each taken from ``points`` once (the merge by cell tries up to five cell
    sizes: each of them coded again from the frame's text columns took a fifth of the chart's time)."""

    def __init__(self, points: pd.DataFrame) -> None:
        self.dated = points["dated"].astype(bool).to_numpy()
        self.published = pd.to_datetime(points["published"])
        # Codes per column: equal codes for equal values (missing ones -1), all ``_same`` compares.
        self.codes = {column: pd.factorize(points[column])[0] for column in SAME_LOOK}
        self.numbers = {column: points[column].to_numpy(dtype="float64") for column in _IN_CELLS}
        self.ids = points["point_id"].to_numpy(dtype=object)
        replaced = points["replaced_by"]
        # each point's replacement among the points (-1: none), and the same but a point replaced by itself
        self.replacement = pd.Index(self.ids).get_indexer(replaced.astype(object).where(replaced.notna(), None))
        self.target = np.where(self.replacement == np.arange(len(self.ids)), -1, self.replacement)
        #: what the markers' hovers read of each point, when made with these (``charts.toll.hover_codes``): taken
        #: with the rest, ``(per point, per point, per point, shared)``
        self.hover_codes: tuple | None = None

    def taken(self, at: np.ndarray, points: pd.DataFrame) -> "MarkerColumns":
        """These columns of the points at positions ``at``, which are ``points`` but for their colours (a
        filtered corpus's, ``charts.toll_points``): each column's codes taken, not made again, the colours
        coded again. The ids must be the same (no id made of a position) and distinct."""
        taken = object.__new__(MarkerColumns)
        taken.dated = self.dated[at]
        taken.published = self.published.take(at).set_axis(points.index)
        taken.codes = {column: codes[at] for column, codes in self.codes.items()}
        taken.codes["colour"] = pd.factorize(points["colour"])[0]
        taken.numbers = {column: numbers[at] for column, numbers in self.numbers.items()}
        taken.ids = points["point_id"].to_numpy(dtype=object)
        position = np.full(len(self.ids), -1)  # each point's position among those taken, -1 not taken
        position[at] = np.arange(len(at))
        replacement = self.replacement[at]
        taken.replacement = np.where(replacement >= 0, position[np.maximum(replacement, 0)], -1)
        taken.target = np.where(taken.replacement == np.arange(len(at)), -1, taken.replacement)
        codes = self.hover_codes
        taken.hover_codes = None if codes is None else (codes[0][at], codes[1][at], codes[2][at], codes[3])
        return taken

    def looks(self, cell: tuple[float, float] | None) -> np.ndarray:
        """``_looks`` of the points."""
        published = self.published
        if cell is None:
            place = published.dt.normalize()
        else:
            start = published.min().normalize() if self.dated.any() else pd.Timestamp(0)
            place = ((published - start) / pd.Timedelta(days=cell[0])).floordiv(1)
        columns = [np.where(self.dated, pd.factorize(place)[0], -1)]
        for column in SAME_LOOK:
            if cell is not None and column in _IN_CELLS:
                columns.append(pd.factorize(np.round(self.numbers[column] / cell[1]))[0])
            else:
                columns.append(self.codes[column])
        return np.column_stack(columns).astype("int64")


def _same(codes: np.ndarray) -> np.ndarray:
    """A number per distinct row of ``codes`` (0, 1, ... in order of first appearance), one column at a
    time: each step's pairs numbered again, so the numbers stay below the number of rows."""
    same = np.zeros(len(codes), dtype="int64")
    if not len(codes):
        return same
    widths = [int(column.max()) + 2 for column in codes.T]
    if np.prod(np.array(widths, dtype=object)) < 2**62:  # the codes fit one integer: numbered in one pass
        for column, width in zip(codes.T, widths):
            same = same * width + column + 1
        return pd.factorize(same)[0]
    for column, width in zip(codes.T, widths):
        same = pd.factorize(same * width + column + 1)[0]
    return same


def _firsts(same: np.ndarray) -> np.ndarray:
    """The position of each number's first row in ``same`` (``_same``'s numbers, which come in order of first
    appearance: a new one is larger than every one before it), read in one pass rather than by sorting."""
    top = np.maximum.accumulate(same)
    return np.flatnonzero(np.concatenate([[True], top[1:] > top[:-1]]))


def _n_markers(rows: np.ndarray) -> int:
    """How many markers ``_marker_rows`` made: a marker's first point is its own marker row."""
    return int(np.count_nonzero(rows == np.arange(len(rows))))


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
    ids = points["point_id"].to_numpy(dtype=object)
    return pd.Series(ids[_marker_rows(points, cell)], index=points.index, dtype=object)


def _marker_rows(points: pd.DataFrame, cell: tuple[float, float] | None,
                 columns: MarkerColumns | None = None) -> np.ndarray:
    """``marker_of`` by position: each point's marker as the row (0, 1, ...) of its first point;
    ``columns``: ``MarkerColumns(points)`` when already made."""
    columns = MarkerColumns(points) if columns is None else columns
    looks = columns.looks(cell)
    n = len(columns.ids)
    target = columns.target.copy()
    if cell is not None:  # dated points only: in the strip a superseded marker stands above its replacement
        target[columns.dated] = -1
    marker = np.full(n, -1)
    pending = np.arange(n)
    while len(pending):  # points without a replacement first, then those whose replacement has its marker
        ready = pending[(target[pending] == -1) | (marker[np.maximum(target[pending], 0)] != -1)]
        if not len(ready):  # a cycle of replacements: each point stays on its own
            marker[pending] = pending
            break
        after = np.where(target[ready] == -1, -1, marker[np.maximum(target[ready], 0)])
        same = _same(np.column_stack([looks[ready], after]))
        marker[ready] = ready[_firsts(same)[same]]
        pending = pending[marker[pending] == -1]
    return marker


def merged_markers(points: pd.DataFrame, *, cell: tuple[float, float] | None = None
                   ) -> tuple[pd.DataFrame, pd.Series]:
    """``(markers, marker_of(points))``: one row per marker, the first point's row, with its
    ``replaced_by`` pointing at its replacement's marker and two more columns, ``n_reports``
    (points in the marker), ``n_sources`` (distinct sources among them), ``low_value`` and ``high_value``
    (the smallest and largest value among them: equal unless merged by ``cell``). Undated markers get
    new strip positions ``strip_x`` (0, 1, 2, ... in order of first appearance)."""
    if points.empty:
        return points.assign(n_reports=pd.Series(dtype="int64"), n_sources=pd.Series(dtype="int64")), \
            marker_of(points, cell=cell)
    return _merged(points, cell, _marker_rows(points, cell))


def _merged(points: pd.DataFrame, cell: tuple[float, float] | None, rows: np.ndarray,
            columns: MarkerColumns | None = None) -> tuple[pd.DataFrame, pd.Series]:
    """``merged_markers`` of non-empty ``points`` whose marker rows (``_marker_rows``) are ``rows``;
    ``columns``: their ``MarkerColumns`` when made."""
    # by position, not by id: each point's marker row, the marker rows in order, and their counts
    ids = points["point_id"].to_numpy(dtype=object)
    marker_ids = ids[rows]
    of = pd.Series(marker_ids, index=points.index, dtype=object)
    first = np.flatnonzero(rows == np.arange(len(rows)))
    markers = points.iloc[first].copy()
    # each point's replacement's marker id, where its replacement is among the points (ids are distinct)
    replacement = (MarkerColumns(points) if columns is None else columns).replacement
    if cell is None:  # one replacement's marker per marker (``marker_of``)
        mine = replacement[first]
        markers["replaced_by"] = [marker_ids[r] if r >= 0 else old
                                  for r, old in zip(mine.tolist(), markers["replaced_by"].tolist())]
    else:  # each of the replacements' markers: one id, or a list of them
        linked: dict[str, dict[str, None]] = {}
        replaced = np.flatnonzero(replacement >= 0)
        for mine, link in zip(marker_ids[replaced].tolist(), marker_ids[replacement[replaced]].tolist()):
            linked.setdefault(mine, {})[link] = None
        markers["replaced_by"] = [next(iter(t)) if len(t) == 1 else (list(t) or "")
                                  for t in (linked.get(p, {}) for p in markers["point_id"])]
    markers["n_reports"] = np.bincount(rows, minlength=len(rows))[first].astype("int64")
    source = pd.factorize(points["source"])[0]  # -1: no source, not counted (as ``nunique``)
    width = max(int(source.max()) + 1, 1)
    pairs = np.unique(rows[source >= 0] * width + source[source >= 0])  # each (marker, source) once
    markers["n_sources"] = np.bincount(pairs // width, minlength=len(rows))[first].astype("int64")
    values = points["value"].to_numpy(dtype="float64")
    low, high = np.full(len(rows), np.nan), np.full(len(rows), np.nan)
    np.fmin.at(low, rows, values)  # NaN skipped, as ``groupby.min``
    np.fmax.at(high, rows, values)
    markers["low_value"] = low[first]
    markers["high_value"] = high[first]
    undated = ~markers["dated"].astype(bool)
    if undated.any():
        markers["strip_x"] = _strip_positions(markers, undated)
    return markers, of


def _strip_positions(markers: pd.DataFrame, undated: pd.Series) -> list:
    """Strip positions of the undated markers: one per marker that replaces none (0, 1, 2, ...), a
    superseded marker at its replacement's position, so its dashed link stays a vertical line."""
    ids = markers["point_id"].tolist()
    replaced = dict(zip(ids, markers["replaced_by"]))
    position: dict[str, int] = {}
    replaced = {p: t[0] if isinstance(t, list) else t for p, t in replaced.items()}  # by cell: the first
    for point_id, is_undated in zip(ids, undated):
        target = replaced[point_id]
        if is_undated and not (isinstance(target, str) and target in replaced):
            position[point_id] = len(position)

    def place(point_id: str, depth: int = 0):
        if point_id in position or depth > len(ids):
            return position.get(point_id)
        target = replaced[point_id]
        found = place(target, depth + 1) if isinstance(target, str) and target in replaced else None
        position[point_id] = found if found is not None else len(set(position.values()))
        return position[point_id]

    return [place(p) if u else None for p, u in zip(ids, undated)]


#: A chart with more markers than this (after merging the same day and value) merges by screen cell.
MAX_MARKERS = 2000
#: The screen cells: the time axis in this many columns, the value axis in this many rows (about 3 by 4 px).
CELL_COLUMNS, CELL_ROWS = 400, 150


def chart_markers(points: pd.DataFrame, *, max_markers: int = MAX_MARKERS,
                  columns: MarkerColumns | None = None) -> tuple[pd.DataFrame, pd.Series, bool]:
    """``(markers, marker_of, by_cell)``: ``merged_markers`` of the same day and value; past
    ``max_markers`` markers, merged by screen cell instead, and ``by_cell`` is True so the chart can
    say so. The cells start at ``CELL_COLUMNS`` across the dated span and ``CELL_ROWS`` up to the
    highest bar (a few pixels), and double in size until at most ``max_markers`` markers remain
    (or they are a tenth of the chart: a dense year of a 5,000-article event needs cells of
    about ten pixels). ``columns``: ``MarkerColumns(points)`` when the caller has them (``MarkerColumns.taken``)."""
    if points.empty:
        return (*merged_markers(points), False)
    columns = MarkerColumns(points) if columns is None else columns  # read once for every cell size tried
    rows = _marker_rows(points, None, columns)  # counted first: the markers are made once, of the merge kept
    if _n_markers(rows) <= max_markers:
        return (*_merged(points, None, rows, columns), False)
    dated = columns.dated
    published = columns.published[dated]
    span = (published.max() - published.min()) / pd.Timedelta(days=1) if dated.any() else 0.0
    top = float(pd.Series(columns.numbers["value"] + columns.numbers["err_plus"]).max())  # NaN skipped
    for coarser in (1, 2, 4, 8):
        cell = (max(1.0, span * coarser / CELL_COLUMNS), max(1.0, top * coarser / CELL_ROWS))
        rows = _marker_rows(points, cell, columns)
        if _n_markers(rows) <= max_markers:
            break
    return (*_merged(points, cell, rows, columns), True)
