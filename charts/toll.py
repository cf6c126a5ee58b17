"""The toll chart: timeline points prepared for plotting, and the plotly figure.

``chart_points`` turns the timeline rows of one category into plotted points (position,
marker symbol for the qualifier, error bars, escaped hover text); ``toll_figure`` draws
them with the disagreement band, superseded figures linked to their replacements, event
date markers and a strip beside the time axis for undated articles. Plotly renders hover
text as HTML, so every piece of article text in it is ``html.escape``'d here.

No streamlit here: the page passes the figure to ``st.plotly_chart``.
"""

from __future__ import annotations

import copy
import functools
import html
import re
import textwrap
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from analysis.figures.labels import figure_label
from analysis.timeline.bands import summary_band
from analysis.timeline.contradictions import ABOUT_TOLERANCE
from analysis.timeline.points import CATEGORY_LABELS
from analysis.timeline.values import flag_column
from analysis.views.groups import OTHER, group_order
from analysis.views.toll import figure_word_codes, figure_words
from analysis.views.toll_markers import MarkerColumns, chart_markers
from charts.follow_up import follow_up_note
from charts.served import served_spec

#: Marker shape per qualifier, and what the legend says it means. Shape, not colour,
#: carries the qualifier: colour is the source.
QUALIFIER_MARKERS: dict[str, tuple[str, str]] = {
    "exact": ("circle", "exact figure"),
    "at_least": ("triangle-up", "at least / over"),
    "over": ("triangle-up", "at least / over"),
    "about": ("diamond", "about (bar ±10%)"),
    "up_to": ("triangle-down", "up to"),
    "range": ("square", "range (bar low to high)"),
}

#: Colours for sources, in order of first report; more sources than colours share grey.
SOURCE_COLOURS: tuple[str, ...] = (
    "#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf",
    "#8c564b", "#e377c2", "#bcbd22", "#393b79", "#637939", "#843c39",
)
OTHER_SOURCES_COLOUR = "#7f7f7f"
#: Past this many points the chart is compact: smaller markers, short hovers, numbers as binary arrays.
GL_POINTS = 2000
#: Past this many markers the chart draws with WebGL (``Scattergl``). SVG draws the few thousand markers of a
#: merged chart (``chart_markers``) in a few hundred milliseconds, and needs no GPU (software WebGL in a
#: browser without one took seconds).
WEBGL_POINTS = 8000
#: Past this many markers the may-rise rings are small, thin and half transparent.
THIN_RINGS_MARKERS = 300
#: Past this many points a hover shows the first 3 lines of the sentence, not 8 (the payload stays small).
HOVER_FULL_POINTS = 2000
#: A marker of several reports names this many of their sources (and figures) in its hover.
MARKER_SOURCES_NAMED = 3
#: Event dates get a dotted line each up to this many days; beyond, only their stars.
MAX_EVENT_LINES = 20
#: Event-date hover lists at most this many distinct phrasings.
MAX_EVENT_WORDS = 6

POINT_COLUMNS = ["point_id", "article_id", "figure_id", "replaced_by", "source", "title", "status", "published",
                 "dated", "x", "strip_x", "value", "err_plus", "err_minus", "qualifier", "symbol", "may_rise",
                 "colour", "label", "short", "hover", "follow_up", "unconfirmed", "group"]
#: Band steps further apart than this many days are not joined (the main period, then follow-up coverage).
BAND_GAP_DAYS = 7
#: The opening view reaches back to event dates at most this many days before the first report.
EVENT_DATE_REACH_DAYS = 31
#: An unconfirmed figure more than this many times above every other report is left above the opening view.
FAR_ABOVE = 3
#: The mark drawn around an unconfirmed figure.
UNCONFIRMED_MARK = dict(symbol="diamond-open", color="#c62828")


def _missing(value: object) -> bool:
    try:
        return value is None or bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def _flag(value: object) -> bool:
    return not _missing(value) and bool(value)


def _esc(value: object) -> str:
    return "" if _missing(value) else html.escape(str(value))


#: Words split by single spaces, with no hyphen and no other white space: ``textwrap.wrap`` then just fills
#: lines greedily, which ``_wrap`` does ten times faster (a hover per point adds up at 10,000 articles).
_PLAIN = re.compile(r"[^\s-]+(?: [^\s-]+)*")


def _wrap(text: str, width: int) -> list[str]:
    """``textwrap.wrap(text, width)``."""
    words = text.split(" ") if _PLAIN.fullmatch(text) else None
    if not words or max(map(len, words)) > width:
        return textwrap.wrap(text, width)
    lines, line = [], words[0]
    for word in words[1:]:
        if len(line) + 1 + len(word) <= width:
            line += " " + word
        else:
            lines.append(line)
            line = word
    lines.append(line)
    return lines


def _wrapped(text: str, width: int = 60, max_lines: int = 8) -> str:
    lines = _wrap(text, width) or [""]
    if len(lines) > max_lines:
        lines = lines[:max_lines - 1] + [lines[max_lines - 1] + " …"]
    return "<br>".join(html.escape(line) for line in lines)


def source_colours(sources: list[str]) -> dict[str, str]:
    """A colour per source, in the given order; beyond the palette, grey."""
    return {source: SOURCE_COLOURS[i] if i < len(SOURCE_COLOURS) else OTHER_SOURCES_COLOUR
            for i, source in enumerate(sources)}


def _hover(row: dict, category: str, *, sentence_lines: int = 8) -> str:
    published = row["published"]
    if _missing(published):
        when = "no publication date found"
    else:
        stamp = pd.Timestamp(published)
        when = stamp.strftime("%Y-%m-%d %H:%M" if stamp != stamp.normalize() else "%Y-%m-%d")
        if row.get("date_method"):
            when += f" (from {row['date_method']})"
    figure = figure_label(row["value"], row["qualifier"], low=row.get("low"), high=row.get("high"),
                          may_rise=row.get("may_rise"))
    status = "current headline figure" if row["status"] == "current" else "superseded (an earlier figure)"
    lines = [f"<b>{_esc(row['source'])}</b>", _wrapped(_text(row.get("title")), 60, 2),
             f"Published: {html.escape(when)}"]
    if not _missing(row.get("event_date")):
        words = _text(row.get("event_date_text"))
        lines.append(f"Event: {pd.Timestamp(row['event_date']):%Y-%m-%d}"
                     + (f" (“{html.escape(words)}”)" if words else ""))
    lines.append(f"{html.escape(CATEGORY_LABELS.get(category, category))}: <b>{html.escape(figure)}</b>, {status}")
    if _text(row.get("attributed_to")):
        lines.append(f"According to: {_esc(row['attributed_to'])}")
    if _flag(row.get("unconfirmed")):
        lines.append("<b>Unconfirmed</b>: far above every other report of its day, no second source near it;"
                     "<br>not counted in the highest-so-far line")
    if _flag(row.get("follow_up")):
        lines.append("Follow-up coverage, after the main period")
    if _text(row.get("sentence")):
        lines.append("<i>" + _wrapped(f"“{row['sentence']}”", 60, sentence_lines) + "</i>")
    return "<br>".join(lines)


def _text(value: object) -> str:
    return "" if _missing(value) else str(value)


def chart_points(timeline: pd.DataFrame, *, category: str, groups: Mapping[str, str] | None = None) -> pd.DataFrame:
    """The plotted points of one category.

    Rule: dated points sit at their publication time; points of the same day and value are
    spread a few hours apart so none hides another. Undated points get ``dated = False``
    and a position ``strip_x`` (0, 1, 2, ...) in the undated strip. Error bars: ranges span
    low to high, "about" figures ±10%. Colour is the source, in order of first report; with
    more sources than colours, the sources with most points get them and the rest are grey.
    Past ``HOVER_FULL_POINTS`` points the chart is compact and its hover is ``short``: so is
    ``hover`` then (the sentence is one click away, below the chart).

    Returns:
        Columns point_id, article_id, figure_id, replaced_by, source, title, status,
        published, dated, x, strip_x, value, err_plus, err_minus, qualifier, symbol,
        may_rise, colour, label (plain text for a picker), short (escaped source and figure
        without tags, the hover of a compact chart: plotly's JSON spells each ``<`` in six bytes), hover (escaped HTML, with the sentence),
        follow_up and unconfirmed (the timeline's flags). Text columns hold plain Python objects, not
        Arrow text: the markers, hovers and traces read them back as arrays, and 15,000 texts per column
        made into Arrow text and out again were a fifth of a 10,000-article chart's time.
    """
    wanted = ((timeline["category"] == category) & timeline["value"].notna()).to_numpy()
    if not wanted.any():
        return pd.DataFrame({c: pd.Series(dtype="object") for c in POINT_COLUMNS})
    # A compact chart's hovers read no sentence, date method or event date: those columns are not taken.
    rows = timeline if wanted.sum() <= HOVER_FULL_POINTS else \
        timeline[[c for c in timeline.columns if c not in _FULL_HOVER_ONLY]]
    rows = rows if wanted.all() else rows[wanted]
    sources = rows["source"].tolist()
    # the sources in order of first report (undated last), by a stable sort of the times, not of the frame
    published = rows["published"]
    times = published.to_numpy(dtype="datetime64[ns]").view("int64")
    times = np.where(published.isna().to_numpy(), np.iinfo("int64").max, times)
    first_seen = pd.unique(np.asarray(sources, dtype=object)[np.argsort(times, kind="stable")]).tolist()
    if len(first_seen) > len(SOURCE_COLOURS):  # colour the sources with most points; the rest share grey
        counts = rows["source"].value_counts().to_dict()  # a dict: a Series lookup per source took 10 ms at 10k
        ranked = sorted(first_seen, key=lambda s: -counts[s])[:len(SOURCE_COLOURS)]
        first_seen = [s for s in first_seen if s in set(ranked)]
    colours = source_colours(first_seen)
    # Colour by group instead (``analysis.views.groups``: at most 8 and "other"): {article_id: group}.
    group_of = rows["article_id"].map(groups).fillna(OTHER) if groups is not None else rows["source"]
    if groups is not None:
        order = group_order(group_of)
        colours = {g: OTHER_SOURCES_COLOUR if g == OTHER else SOURCE_COLOURS[i % len(SOURCE_COLOURS)]
                   for i, g in enumerate(order)}
    group_of = group_of.tolist()
    # Column by column (a loop over 15,000 row dicts took seconds at 10,000 articles); the same values.
    dated = published.notna().to_numpy()
    x = _fanned_out(rows)
    strip_x = [None] * len(rows)
    for at, position in zip(np.flatnonzero(~dated), pd.factorize(rows.loc[~dated, "article_id"])[0].tolist()):
        strip_x[at] = position
    value = rows["value"].astype("float64")
    low, high = rows["low"], rows["high"]
    qualifier = rows["qualifier"]
    ranged = ((qualifier == "range") & low.notna() & high.notna()).to_numpy()
    about = (qualifier == "about").to_numpy()
    err_plus = np.where(ranged, high - value, np.where(about, value * ABOUT_TOLERANCE, 0.0))
    err_minus = np.where(ranged, value - low, np.where(about, value * ABOUT_TOLERANCE, 0.0))
    may_rise = rows["may_rise"].fillna(False).astype(bool)
    codes, words = figure_word_codes(rows)
    words = np.asarray(words, dtype=object)
    figures = words[codes].tolist()
    when = _when(published)
    unconfirmed = flag_column(rows, "unconfirmed").tolist()
    follow_up = flag_column(rows, "follow_up").tolist()
    status_words = [("" if s == "current" else ", superseded") + (", unconfirmed" if u else "")
                    + (", follow-up" if f else "") for s, u, f in zip(rows["status"].tolist(), unconfirmed, follow_up)]
    escaped = {s: _esc(s) for s in set(sources)} | {f: html.escape(f) for f in set(words.tolist())}  # each text once
    short = [f"{escaped[s]} · {escaped[f]}{w}" for s, f, w in zip(sources, figures, status_words)]
    if len(rows) <= HOVER_FULL_POINTS:
        hover = [_hover(row, category) for row in rows.to_dict("records")]
    else:
        hover = short
    figure_ids = rows["figure_id"].tolist()
    article_ids = rows["article_id"].tolist()
    qualifiers = qualifier.tolist()
    return pd.DataFrame({
        "point_id": _objects([f if f else f"{a}:{category}:{i}"
                              for i, (f, a) in enumerate(zip(figure_ids, article_ids))]),
        "article_id": _objects(article_ids), "figure_id": _objects(figure_ids),
        "replaced_by": _objects(rows["replaced_by"].to_numpy(dtype=object)),
        "source": _objects(sources), "title": _objects(rows["title"].to_numpy(dtype=object)),
        "status": _objects(rows["status"].to_numpy(dtype=object)),
        "published": published.to_numpy(), "dated": dated.tolist(), "x": x, "strip_x": strip_x,
        "value": value.tolist(), "err_plus": err_plus.tolist(), "err_minus": err_minus.tolist(),
        "qualifier": _objects(qualifiers),
        "symbol": _objects([QUALIFIER_MARKERS.get(q, QUALIFIER_MARKERS["exact"])[0] for q in qualifiers]),
        "may_rise": may_rise.tolist(), "colour": _objects([colours.get(g, OTHER_SOURCES_COLOUR) for g in group_of]),
        "label": _objects([f"{w} · {s} · {f}{t}" for w, s, f, t in zip(when, sources, figures, status_words)]),
        "short": _objects(short), "hover": _objects(hover), "follow_up": follow_up, "unconfirmed": unconfirmed,
        "group": _objects(group_of),
    }, columns=POINT_COLUMNS)


def _objects(values) -> pd.Series:
    """A text column of plain Python objects (``chart_points``' columns), not inferred as Arrow text."""
    return pd.Series(values, dtype=object)


#: The timeline columns only a full hover reads (a compact chart's rows are taken without them).
_FULL_HOVER_ONLY = ("sentence", "date_method", "event_date", "event_date_text", "attributed_to")


def _when(published: pd.Series) -> list[str]:
    """Each time as the picker's label writes it: "2024-03-01 14:30", "2024-03-01" at midnight, "undated";
    each distinct time written once (a publication time is shared by many reports)."""
    times = published.to_numpy(dtype="datetime64[ns]")
    distinct, at = np.unique(times, return_inverse=True)  # NaT sorts last, as one value
    stamps = pd.Series(distinct)
    written = stamps.dt.strftime("%Y-%m-%d %H:%M").where(stamps != stamps.dt.normalize(),
                                                          stamps.dt.strftime("%Y-%m-%d")).fillna("undated")
    return written.to_numpy(dtype=object)[at.ravel()].tolist()


def _fanned_out(rows: pd.DataFrame) -> np.ndarray | list:
    """Each row's x: its publication time, or NaT when undated (None when none is dated); the n-th point (n >= 1)
    of the same day (published at midnight), value and status moves 3 hours later, earlier, 6 later ... so none
    hides another."""
    published = rows["published"]
    dated = published.notna()
    seen = rows[dated].groupby([published[dated], rows.loc[dated, "value"], rows.loc[dated, "status"]],
                               sort=False, dropna=False).cumcount().reindex(rows.index, fill_value=0).to_numpy()
    hours = 3 * ((seen + 1) // 2) * np.where(seen % 2 == 1, 1, -1)
    at_midnight = (published == published.dt.normalize()).to_numpy()
    moved = published + pd.to_timedelta(np.where((seen > 0) & at_midnight, hours, 0), unit="h")
    return moved.to_numpy() if dated.any() else [None] * len(rows)


@dataclass(frozen=True)
class TollChart:
    """One category's chart and what the page needs to read a click on it."""

    points: pd.DataFrame  # chart_points
    band: pd.DataFrame  # summary_band
    figure: go.Figure
    trace_ids: list[list[str]]  # trace_point_ids: the marker's point id (its first report)
    marker_of: pd.Series | None = None  # each point's marker (a point id), indexed by point id
    by_cell: bool = False  # reports a few pixels apart share a marker (``chart_markers``)
    n_markers: int = 0

    def reports_of(self, point_id: str) -> list[str]:
        """The point ids drawn as one marker with ``point_id`` (itself first); ``[point_id]`` alone
        when its marker stands for it only."""
        if self.marker_of is None or point_id not in self.marker_of.index:
            return [point_id]
        same = self.marker_of.index[self.marker_of.to_numpy() == self.marker_of[point_id]].tolist()
        return [point_id, *(p for p in same if p != point_id)]


def toll_chart(timeline: pd.DataFrame, articles: pd.DataFrame, *, category: str,
               show_follow_up: bool = False, groups: Mapping[str, str] | None = None,
               colour_title: str | None = None, points: pd.DataFrame | None = None,
               marker_columns: MarkerColumns | None = None) -> TollChart:
    """The points, band and figure of one category, with the articles' event dates marked; the time
    axis opens on the main period unless ``show_follow_up``; coloured by source, or by ``groups``
    (``{article_id: group}``) with ``colour_title`` naming them. ``points``: ``chart_points`` of these
    rows and groups when the caller has them (``charts.toll_points``), and ``marker_columns`` what merging them
    into markers reads of them (``analysis.views.toll_markers.MarkerColumns``)."""
    points = chart_points(timeline, category=category, groups=groups) if points is None else points
    markers, of, by_cell = chart_markers(points, columns=marker_columns)
    markers = marker_hovers(markers, points, of, category=category,
                            codes=None if marker_columns is None else marker_columns.hover_codes)
    band = summary_band(timeline, category=category)
    # the two columns first: the rows of every other column (the articles' text) are never taken
    event_dates = articles[["event_date", "event_date_text"]][articles["article_id"].isin(points["article_id"])]
    spec = toll_spec(points, band, category=category, event_dates=event_dates, show_follow_up=show_follow_up,
                     colour_title=colour_title if groups is not None else None, markers=markers)
    trace_ids = trace_point_ids([trace.get("meta") for trace in spec["data"]], markers)
    # only drawn: its JSON made from the spec as it is (``served_spec``), without the two copies of every trace's
    # lists that a ``go.Figure`` and its ``to_dict`` make
    return TollChart(points, band, served_spec(spec), trace_ids,
                     marker_of=pd.Series(of.to_numpy(), index=points["point_id"].to_numpy()), by_cell=by_cell,
                     n_markers=len(markers))


def marker_hovers(markers: pd.DataFrame, points: pd.DataFrame, marker_of: pd.Series, *,
                  category: str, codes: tuple | None = None) -> pd.DataFrame:
    """``markers`` whose ``short`` and ``hover`` say, for a marker of several reports, how many, from how
    many sources (the first few named), their figures and days: "3 reports, 2 sources (a, b) · 12 ·
    2024-03-01". A marker of one report keeps its point's hover. ``codes``: ``hover_codes(points)`` when the
    caller has them (``MarkerColumns.hover_codes``, made once per corpus)."""
    several = markers["n_reports"] > 1
    if not several.any():
        return markers
    # Each report's marker by position, and the reports of markers of several: arrays, not a groupby per marker.
    mine = pd.Index(markers["point_id"].to_numpy(dtype=object)).get_indexer(marker_of.to_numpy(dtype=object))
    n_reports = markers["n_reports"].to_numpy()
    inside = np.flatnonzero((mine >= 0) & (n_reports[np.maximum(mine, 0)] > 1))
    mine = mine[inside]
    # each member's figure in words (a code per distinct text) and source (a code per distinct source)
    text_code, text, sources, source_names = hover_codes(points.iloc[inside]) if codes is None else \
        (codes[0][inside], codes[1][inside], codes[2][inside], codes[3])
    # each marker's sources and figures, distinct, in the order of its reports (the first few of each)
    named = _first_distinct(mine, sources, MARKER_SOURCES_NAMED)
    worded = _first_distinct(mine, text_code, MARKER_SOURCES_NAMED + 1)  # one more: are there more?
    members = points["published"].iloc[inside]
    # each marker's first and last publication day (NaT skipped, as a groupby's min and max)
    stamps = members.to_numpy(dtype="datetime64[ns]")
    dated = ~np.isnat(stamps)
    ns = stamps.view("int64")
    low_ns = np.full(len(markers), np.iinfo("int64").max)
    high_ns = np.full(len(markers), np.iinfo("int64").min)
    np.minimum.at(low_ns, mine[dated], ns[dated])
    np.maximum.at(high_ns, mine[dated], ns[dated])
    label = html.escape(CATEGORY_LABELS.get(category, category))
    short, hover = markers["short"].tolist(), markers["hover"].tolist()
    n_sources, status = markers["n_sources"].tolist(), markers["status"].tolist()
    unconfirmed, follow_up = ([v if type(v) is bool else _flag(v) for v in markers[c].tolist()]
                              for c in ("unconfirmed", "follow_up"))
    # each marker's days in words, for all markers at once: "2024-03-01", "2024-03-01 to 2024-03-04", "undated"
    day_ns = 86_400 * 10**9
    undated = high_ns < low_ns
    low_day = np.datetime_as_string(np.where(undated, 0, low_ns).view("datetime64[ns]"), unit="D").tolist()
    high_day = np.datetime_as_string(np.where(undated, 0, high_ns).view("datetime64[ns]"), unit="D").tolist()
    one_day = (np.where(undated, 0, high_ns) // day_ns == np.where(undated, 0, low_ns) // day_ns).tolist()
    undated, counts = undated.tolist(), n_reports.tolist()
    # each source name and figure escaped once, not once per marker naming it
    source_names = [_esc(s) for s in source_names]
    escaped = {w: html.escape(w) for w in set(text.tolist())}
    sources, text = sources.tolist(), text.tolist()
    for i in np.flatnonzero(n_reports > 1).tolist():
        n, k = counts[i], n_sources[i]
        names = [source_names[sources[at]] for at in named.get(i, [])]
        shown = ", ".join(names) + (", …" if k > len(names) else "")
        distinct = [escaped[text[at]] for at in worded.get(i, [])]
        figure = " / ".join(distinct[:MARKER_SOURCES_NAMED]) + (" / …" if len(distinct) > MARKER_SOURCES_NAMED else "")
        days = "undated" if undated[i] else low_day[i] + ("" if one_day[i] else f" to {high_day[i]}")
        flags = ("" if status[i] == "current" else ", superseded") + \
            (", unconfirmed" if unconfirmed[i] else "") + (", follow-up" if follow_up[i] else "")
        head = f"{n:,} reports, {k:,} source{'s' if k != 1 else ''} ({shown}) · {label}: {figure}{flags} · {days}"
        short[i] = head
        hover[i] = f"<b>{head}</b><br>Click to list them below. The first:<br>{hover[i]}"
    return markers.assign(short=_objects(short).set_axis(markers.index), hover=_objects(hover).set_axis(markers.index))


def hover_codes(points: pd.DataFrame) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """What ``marker_hovers`` reads of each point, by position: ``(text code, text, source code, sources)``, its
    figure in words (a range's bounds read from its bar) with a code per distinct text, and a code per distinct
    source (a missing one too) into ``sources``. Each point's own, so the codes of some points are these taken."""
    value = points["value"].to_numpy(dtype="float64")
    ranged = (points["qualifier"] == "range").to_numpy()  # a range's bounds are its bar's ends
    bounds = pd.DataFrame({"value": value, "qualifier": _objects(points["qualifier"].to_numpy(dtype=object)),
                           "low": np.where(ranged, value - points["err_minus"].to_numpy(dtype="float64"), np.nan),
                           "high": np.where(ranged, value + points["err_plus"].to_numpy(dtype="float64"), np.nan),
                           "may_rise": points["may_rise"].to_numpy()})
    word_of, words = figure_word_codes(bounds)
    words = np.asarray(words, dtype=object)
    same_text = pd.factorize(words)[0] if len(words) else np.zeros(0, dtype="int64")
    sources, source_names = pd.factorize(points["source"].to_numpy(dtype=object), use_na_sentinel=False)
    return same_text[word_of], words[word_of], sources, np.asarray(source_names, dtype=object)


def _first_distinct(groups: np.ndarray, codes: np.ndarray, most: int) -> dict[int, list[int]]:
    """``{group: [position, ...]}``: for each group, the positions of its first ``most`` distinct codes, in
    order of first appearance (``groups`` and ``codes`` are integers, one per position)."""
    if not len(groups):
        return {}
    width = int(codes.max()) + 1
    keys, first = np.unique(groups.astype("int64") * width + codes, return_index=True)  # each (group, code) once
    order = np.lexsort((first, keys // width))
    group, first = keys[order] // width, first[order]
    starts = np.flatnonzero(np.concatenate([[True], group[1:] != group[:-1]]))
    rank = np.arange(len(group)) - np.repeat(starts, np.diff(np.append(starts, len(group))))
    kept = rank < most
    found: dict[int, list[int]] = {}
    for g, at in zip(group[kept].tolist(), first[kept].tolist()):
        found.setdefault(g, []).append(at)
    return found


def _axes(dated: bool, undated: bool) -> tuple[str | None, str | None]:
    if dated and undated:
        return "x", "x2"
    return ("x", None) if dated else (None, "x")


def toll_figure(points: pd.DataFrame, band: pd.DataFrame, *, category: str,
                event_dates: pd.DataFrame | None = None, height: int = 600,
                show_follow_up: bool = False, colour_title: str | None = None,
                markers: pd.DataFrame | None = None) -> go.Figure:
    """``toll_spec`` as a ``go.Figure`` (its arguments and rule)."""
    return go.Figure(toll_spec(points, band, category=category, event_dates=event_dates, height=height,
                               show_follow_up=show_follow_up, colour_title=colour_title, markers=markers),
                     _validate=False)


def toll_spec(points: pd.DataFrame, band: pd.DataFrame, *, category: str,
              event_dates: pd.DataFrame | None = None, height: int = 600,
              show_follow_up: bool = False, colour_title: str | None = None,
              markers: pd.DataFrame | None = None) -> dict:
    """The toll chart of one category, as the plain spec ``{"data": [...], "layout": {...}}``.

    Args:
        points: ``chart_points`` of the category.
        band: ``summary_band`` of the category (may be empty).
        event_dates: rows with ``event_date`` and ``event_date_text`` (one per article) to mark
            on the time axis; empty or None for none.
        height: figure height in pixels.
        show_follow_up: open the time axis on every dated point; by default, when some points are
            follow-up coverage, it opens on the main period (the rest is a pan or double-click away,
            and a note at the bottom right says how many follow-up reports there are).
        colour_title: what the colours stand for when the points are coloured by group (their
            ``group`` column: at most 8 and "other"), e.g. "Outlet country"; None: by source.
        markers: the points drawn, ``analysis.views.toll_markers.chart_markers`` of ``points`` (reports
            that would look the same share a marker); None: every point. The legend, the counts
            and the axes still read ``points``.

    Built in one pass at any size: the band is three traces, the links one per axis (a compact chart's on the
    time axis one layout path, ``_link_path``), the points
    one trace per axis and status with a colour and a symbol per point (compact past ``GL_POINTS``
    markers, ``Scattergl`` past ``WEBGL_POINTS``), the may-rise rings one per axis, the unconfirmed marks (a red diamond
    around the point) one, the event-date stars one; the legend
    names the coloured sources and counts the grey rest. Every trace that stands for a figure
    carries ``customdata = [point_id, article_id]`` so a click or selection can be traced back
    to the figure.

    The spec is written as plain values (lists of text, ISO times, numpy number arrays) in the form
    plotly's validation would give them, and wrapped without validating them again (``toll_figure``), or
    not wrapped at all (``toll_chart``: ``charts.served.served_spec``): checking every property of some forty
    traces took longer than building them (``tests/charts/test_toll_chart.py`` compares the JSON with that of
    the validated figure, ``test_toll_chart_same.py`` the served spec's with the figure's).
    """
    label = CATEGORY_LABELS.get(category, category)
    dated = points["dated"].astype(bool).to_numpy() if not points.empty else np.zeros(0, dtype=bool)
    has_dated, has_undated = bool(dated.any()), bool((~dated).any())
    time_axis, strip_axis = _axes(has_dated or points.empty, has_undated)
    if time_axis and strip_axis:
        layout = _subplot_layout()
        strip_title = f"No date<br>found ({points.loc[~dated, 'article_id'].nunique()})"
    else:
        layout = {}
        strip_title = f"No date<br>found ({points.loc[~dated, 'article_id'].nunique()})" if strip_axis else ""

    def on_axis(axis: str | None) -> dict:
        return {} if axis in (None, "x") else {"xaxis": axis}

    drawn = points if markers is None else markers
    compact = len(points) > GL_POINTS  # many reports: compact, however few markers they share
    kind = "scattergl" if len(drawn) > WEBGL_POINTS else "scatter"
    traces = _band_traces(band, compact=compact) if has_dated and not band.empty else []
    columns = _TraceColumns(drawn, compact=compact)

    # Superseded figures, linked to the figure that replaced them: one line trace per axis, or a compact chart's on
    # the time axis one layout path, drawn between the grid and the traces.
    links_path = None
    if not drawn.empty:
        ends = drawn[["point_id", "x", "strip_x", "value"]].rename(columns=lambda c: f"new_{c}")
        linked = drawn[["point_id", "x", "strip_x", "value", "replaced_by", "dated"]]  # the columns read, taken
        links = linked[drawn["status"] == "superseded"].explode("replaced_by").merge(  # by cell: several each
            ends, left_on="replaced_by", right_on="new_point_id")
        for dated_part, axis in ((True, time_axis), (False, strip_axis)):
            part = links[links["dated"] == dated_part]
            if part.empty:
                continue
            column = "x" if dated_part else "strip_x"
            if compact and dated_part:  # one path, not a line element per link (see ``_link_path``)
                links_path = _link_path(_epoch_ms(part[column]), part["value"].to_numpy(dtype="float64"),
                                        _epoch_ms(part[f"new_{column}"]), part["new_value"].to_numpy(dtype="float64"))
                continue
            # old -> new, then a gap: [x_old, x_new, None, ...]
            if compact:  # column by column: NaN for the gaps
                number = _epoch_ms if dated_part else (lambda c: c.to_numpy(dtype="float64"))
                xs = _interleaved(number(part[column]), number(part[f"new_{column}"]))
                ys = _interleaved(part["value"].to_numpy(dtype="float64"), part["new_value"].to_numpy(dtype="float64"))
            else:
                xs = [v for a, b in zip(part[column], part[f"new_{column}"]) for v in (a, b, None)]
                ys = _plain([v for a, b in zip(part["value"], part["new_value"]) for v in (a, b, None)])
                xs = _iso(xs) if dated_part else _plain(xs)
            traces.append(dict(type=kind, x=xs, y=ys,
                               mode="lines", hoverinfo="skip", showlegend=False,
                               line=dict(color="#9a9a9a", width=1 if compact else 1.5, dash="dash"),
                               **on_axis(axis)))

    # Points: one trace per part (dated, undated) and status, a colour per point (the source) and a shape
    # (the qualifier); then the may-rise rings. Compact charts send colours and shapes as numbers and a
    # short hover (the sentence is one click away, below the chart); ``trace_point_ids`` maps clicks.
    palette = [*SOURCE_COLOURS, OTHER_SOURCES_COLOUR]
    for part, dated_part, at in _point_parts(drawn, by_symbol=compact):
        axis = time_axis if dated_part else strip_axis
        xs, ys = columns.x(at, dated_part), columns.value[at]
        if part.startswith(("rings", "unconfirmed")):
            # Past a few hundred markers the rings are small, thin and half transparent: hundreds of them hid the
            # points they ring (a 1,000-article chart was mostly black circles).
            thin = len(drawn) > THIN_RINGS_MARKERS
            ring = dict(symbol="circle-open", color="rgba(51,51,51,0.5)" if thin else "#333333",
                        line=dict(width=1 if thin else 1.5)) if part.startswith("rings") \
                else dict(**UNCONFIRMED_MARK, line=dict(width=2.5))
            traces.append(dict(
                type=kind, x=xs, y=ys, mode="markers", meta=part, showlegend=False,
                marker=dict(size=15 if thin else 24, **ring),
                **({"hoverinfo": "skip"} if compact else
                   {"customdata": columns.custom(at), "hovertext": columns.hover[at].tolist(),
                    "hovertemplate": "%{hovertext}<extra></extra>"}),
                **on_axis(axis)))
            continue
        superseded = "superseded" in part
        err_plus, err_minus = columns.err_plus[at], columns.err_minus[at]
        if compact:
            symbols = columns.symbol[at[0]] + ("-open" if superseded else "")
            colours = columns.colour_index[at]
            scale = dict(colorscale=[[i / (len(palette) - 1), c] for i, c in enumerate(palette)],
                         cmin=0, cmax=len(palette) - 1)
            edge = "#9a9a9a" if superseded else "white"
            hover = dict(text=columns.short[at].tolist(), hovertemplate="%{text}<br>%{x|%Y-%m-%d}<extra></extra>"
                         if dated_part else "%{text}<br>no publication date found<extra></extra>")
        else:
            symbols = [s + ("-open" if superseded else "") for s in columns.symbol[at]]
            colours, scale = columns.colour[at].tolist(), {}
            edge = colours if superseded else "white"
            hover = dict(customdata=columns.custom(at), hovertext=columns.hover[at].tolist(),
                         hovertemplate="%{hovertext}<extra></extra>")
        bars = dict(type="data", symmetric=False, array=err_plus, arrayminus=err_minus, thickness=1.5, width=5,
                    color="#888888") if bool((err_plus > 0).any() or (err_minus > 0).any()) else dict(visible=False)
        traces.append(dict(
            type=kind, x=xs, y=ys, mode="markers", meta=part, showlegend=False,
            name="superseded figures" if superseded else "headline figures",
            marker=dict(symbol=symbols, size=9 if compact else 13, color=colours, **scale,
                        opacity=0.4 if superseded else 0.9, line=dict(width=1.5 if superseded else 1, color=edge)),
            error_y=bars, **hover, **on_axis(axis)))

    # Event dates from the texts: stars on the time axis (one trace), and a dotted line per day while few.
    event_rows = pd.DataFrame() if event_dates is None else event_dates.dropna(subset=["event_date"])
    if links_path:
        layout["shapes"] = [dict(type="path", path=links_path, xref="x", yref="y", layer="between",
                                 line=dict(color="#9a9a9a", width=1, dash="dash"))]
    if has_dated and not event_rows.empty:
        days, texts = _event_days(event_rows)
        if len(days) <= MAX_EVENT_LINES:
            layout.setdefault("shapes", []).extend(
                dict(type="line", x0=day, x1=day, xref="x", y0=0, y1=1, yref="y domain",
                     line=dict(color="#444444", width=1, dash="dot")) for day in days)
        # past MAX_EVENT_LINES days, small grey stars: hundreds of large ones hid the points at 10,000 articles
        star = dict(size=15, color="#444444") if len(days) <= MAX_EVENT_LINES else dict(size=9, color="#8a8a8a")
        traces.append(dict(
            type="scatter", x=days, y=[0] * len(days), mode="markers",
            marker=dict(symbol="star", **star), name="event date (from the text)",
            showlegend=False, hovertext=texts, hovertemplate="%{hovertext}<extra></extra>"))

    traces += _legend(points, has_event=has_dated and not event_rows.empty, by_group=colour_title is not None)
    _layout(layout, points, label=label, time_axis=time_axis, strip_axis=strip_axis, strip_title=strip_title,
            event_rows=event_rows, height=height, show_follow_up=show_follow_up, drawn=drawn)
    if colour_title is not None:
        # No title: plotly indents a horizontal legend's entries by its title and clips the last column on a
        # narrow screen; the "Compare by" choice right above the chart says what the colours are.
        layout["legend"]["title"]["text"] = ""
        layout["meta"] = {"colour_title": colour_title}
    layout["margin"] = _margins(traces, layout, strip=strip_axis is not None)
    return {"data": traces, "layout": layout}


#: The width (px) the chart is drawn at on a desktop: the main column of a 1,400-px window with the sidebar open.
DESKTOP_WIDTH = 940
# A legend or tick character at 12 px (a little over Source Sans' average), a legend entry's symbol and gaps, a
# legend row, a legend's padding, and what the y axis's title and the time axis's labels and title take (px).
_CHAR_PX, _ENTRY_PX, _ROW_PX, _LEGEND_PAD = 6.0, 45, 19, 10
_Y_TITLE_PX, _X_AXIS_PX, _STRIP_AXIS_PX = 50, 50, 58


def _legend_rows(names: list[str], width: float) -> int:
    """The rows plotly lays a horizontal legend of ``names`` out in at ``width`` px: one row when all fit,
    else a grid whose columns are as wide as the widest entry."""
    if not names:
        return 0
    widths = [_ENTRY_PX + _CHAR_PX * len(html.unescape(re.sub(r"<[^>]*>", "", name))) for name in names]
    if sum(widths) <= width:
        return 1
    return -(-len(widths) // max(1, int(width // max(widths))))


def _margins(traces: list[dict], layout: dict, *, strip: bool) -> dict:
    """Margins with room for the axes' labels and titles and the two legends as a desktop draws them.

    Streamlit's theme grows the margins to fit them (``automargin``), but plotly learns what they need only
    by drawing the chart, and then draws all of it again: two full draws of every marker per visit (0.3-0.4 s
    of browser CPU at 10,000 articles). Asked for enough from the start, it draws once. A narrower window
    (more legend rows) still gets the room it needs, with the second draw; a wider one a little blank space.
    """
    shown = [t for t in traces if t.get("showlegend", True) and t.get("name")]
    marks = [t["name"] for t in shown if t.get("legend") == "legend2"]
    colours = [t["name"] for t in shown if t.get("legend", "legend") == "legend"]

    def height(names: list[str], titled: bool) -> int:
        rows = _legend_rows(names, DESKTOP_WIDTH)
        return _LEGEND_PAD + _ROW_PX * (rows + titled) if rows else 0

    top = float(layout["yaxis"]["range"][1])  # the y ticks' longest label: "400", "1000", "15k"
    digits = len(f"{int(top)}") if top < 10_000 else len(f"{int(top // 1000)}k")
    return dict(l=_Y_TITLE_PX + round(7 * digits) + 1, r=10,
                t=max(30, 11 + height(marks, bool(layout["legend2"]["title"]["text"]))),
                b=(_STRIP_AXIS_PX if strip else _X_AXIS_PX)
                + max(10, height(colours, bool(layout["legend"]["title"]["text"]))))


@functools.cache
def _subplots() -> dict:
    return make_subplots(rows=1, cols=2, shared_yaxes=True, column_widths=[0.8, 0.2],
                         horizontal_spacing=0.04).layout.to_plotly_json()


def _subplot_layout() -> dict:
    """The axes of a time axis with the undated strip beside it (``make_subplots``' layout, made once)."""
    return copy.deepcopy({key: value for key, value in _subplots().items() if key != "template"})


def _iso(values) -> list:
    """Times (Timestamps, None for a gap) as the ISO text plotly's JSON gives them."""
    return [None if _missing(v) else pd.Timestamp(v).isoformat() for v in values]


def _link_path(x_old: np.ndarray, y_old: np.ndarray, x_new: np.ndarray, y_new: np.ndarray) -> str:
    """Links old -> new as one SVG path in data units, ``"M x_old,y_old L x_new,y_new M ..."`` (times as whole epoch
    milliseconds, which a date axis reads as times). Plotly draws a line trace with gaps as one path element per
    piece, styled one by one: the 1,400 links of a 10,000-article chart were 1,400 of its 5,000 SVG elements and
    about a quarter of plotly's drawing of it; a layout path is one element, the same dashes. Links with a missing
    end are left out, as the trace's gaps left them undrawn."""
    whole = ~(np.isnan(x_old) | np.isnan(y_old) | np.isnan(x_new) | np.isnan(y_new))
    return "".join(f"M{a:.0f},{b:.15g}L{c:.0f},{d:.15g}" for a, b, c, d in zip(
        x_old[whole].tolist(), y_old[whole].tolist(), x_new[whole].tolist(), y_new[whole].tolist()))


def _interleaved(old: np.ndarray, new: np.ndarray) -> np.ndarray:
    """``[old0, new0, NaN, old1, new1, NaN, ...]``: line pieces with a gap between them."""
    return np.column_stack([old, new, np.full(len(old), np.nan)]).ravel()


def _plain(values) -> list:
    """A list as plotly's validation leaves it: numpy numbers as Python numbers."""
    return [v.item() if isinstance(v, np.generic) else v for v in values]


class _TraceColumns:
    """The columns the point traces read, each taken once from ``points`` as a numpy array (a part of them
    is then a numpy take by position, not a DataFrame selection per trace)."""

    def __init__(self, points: pd.DataFrame, *, compact: bool) -> None:
        self.compact = compact
        text = {c: points[c].to_numpy(dtype=object) if c in points else np.zeros(len(points), dtype=object)
                for c in ("point_id", "article_id", "symbol", "colour", "short", "hover")}
        self.point_id, self.article_id, self.symbol = text["point_id"], text["article_id"], text["symbol"]
        self.colour, self.short, self.hover = text["colour"], text["short"], text["hover"]
        self.value = points["value"].to_numpy(dtype="float64") if len(points) else np.zeros(0)
        self.err_plus = points["err_plus"].to_numpy(dtype="float64") if len(points) else np.zeros(0)
        self.err_minus = points["err_minus"].to_numpy(dtype="float64") if len(points) else np.zeros(0)
        self._x, self._strip = (points["x"], points["strip_x"]) if len(points) else (None, None)
        self._x_ms = _epoch_ms(points["x"]) if compact and len(points) else None
        palette = {c: i for i, c in enumerate([*SOURCE_COLOURS, OTHER_SOURCES_COLOUR])}
        self.colour_index = np.array([palette.get(c, len(palette) - 1) for c in self.colour], dtype="int8") \
            if compact else None

    def x(self, at: np.ndarray, dated: bool):
        if self.compact:
            return self._x_ms[at] if dated else self._strip.to_numpy()[at].astype("float64")
        if dated:  # as plotly writes a datetime column: numpy's ISO text, to the column's unit
            times = self._x.to_numpy()[at]
            return np.datetime_as_string(times).tolist() if times.dtype.kind == "M" else _iso(times)
        strip = self._strip.to_numpy()[at]
        return strip if strip.dtype.kind in "uif" else _plain(strip.tolist())

    def custom(self, at: np.ndarray) -> list:
        return [list(pair) for pair in zip(self.point_id[at].tolist(), self.article_id[at].tolist())]


def _event_days(event_rows: pd.DataFrame) -> tuple[list, list[str]]:
    """Each event day (ISO text, in order) and its hover: how many articles give it, and their words for it.
    Days and words as codes (each distinct day written once): a loop over 7,000 articles' dates and words took
    15 ms of a 10,000-article chart."""
    days = pd.to_datetime(event_rows["event_date"]).dt.normalize()
    if days.dtype != "datetime64[ns]" or days.isna().any():  # zoned or missing days: as they come
        return _event_days_of_stamps(days, event_rows["event_date_text"])
    distinct, day_of, counts = np.unique(days.to_numpy(), return_inverse=True, return_counts=True)
    day_of = day_of.ravel()
    texts = event_rows["event_date_text"].to_numpy(dtype=object)
    known = ~pd.isna(texts)
    written = np.array([str(t) for t in texts[known].tolist()], dtype=object)
    worded = np.flatnonzero(known)[written != ""]
    text_of, names = pd.factorize(np.array([str(t) for t in texts[worded].tolist()], dtype=object))
    words: dict[int, list[str]] = {}
    if len(worded):
        width = len(names)
        for key in np.unique(day_of[worded].astype("int64") * width + text_of).tolist():  # each (day, words) once
            words.setdefault(key // width, []).append(names[key % width])
    hovers = []
    for i, (day, n) in enumerate(zip(np.datetime_as_string(distinct, unit="D").tolist(), counts.tolist())):
        found = sorted(words.get(i, ()))
        shown = "; ".join(html.escape(w) for w in found[:MAX_EVENT_WORDS]) + ("; …" if len(found) > MAX_EVENT_WORDS else "")
        hovers.append(f"Event date {day}, from {n} article(s): {shown}")
    return np.datetime_as_string(distinct, unit="s").tolist(), hovers


def _event_days_of_stamps(days: pd.Series, texts: pd.Series) -> tuple[list, list[str]]:
    """``_event_days`` of days that are not all naive times: day by day."""
    counts = days.value_counts(sort=False).sort_index()
    worded = texts.notna().to_numpy() & (texts.astype(str) != "").to_numpy()
    pairs = pd.DataFrame({"day": days.to_numpy()[worded], "text": texts[worded].astype(str).to_numpy(dtype=object)})
    words: dict = {}
    for day, text in pairs.drop_duplicates().itertuples(index=False):  # each day's distinct words
        words.setdefault(day, []).append(text)
    hovers = []
    for day, n in counts.items():
        found = sorted(words.get(day, ()))
        shown = "; ".join(html.escape(w) for w in found[:MAX_EVENT_WORDS]) + ("; …" if len(found) > MAX_EVENT_WORDS else "")
        hovers.append(f"Event date {day:%Y-%m-%d}, from {n} article(s): {shown}")
    return _iso(counts.index), hovers


def _point_parts(points: pd.DataFrame, *, by_symbol: bool | None = None):
    """``(part, dated, positions)`` for each group of points that gets a trace, in the figure's order:
    headline and superseded figures on the time axis and in the strip, then the may-rise rings
    and the marks of unconfirmed figures; ``positions`` are the rows of ``points``, in order.
    A compact chart (over ``GL_POINTS`` points) also splits the figures by marker shape, so each
    trace has one symbol: ``"dated-current:triangle-up"``."""
    if points.empty:
        return
    dated = points["dated"].astype(bool).to_numpy()
    status = points["status"].to_numpy(dtype=object)
    symbol = points["symbol"].to_numpy(dtype=object)
    by_symbol = len(points) > GL_POINTS if by_symbol is None else by_symbol
    for dated_part in (True, False):
        for state in ("current", "superseded"):
            at = np.flatnonzero((dated == dated_part) & (status == state))
            part = f"{'dated' if dated_part else 'undated'}-{state}"
            if by_symbol:
                for shape in sorted(set(symbol[at].tolist())):
                    yield f"{part}:{shape}", dated_part, at[symbol[at] == shape]
            elif len(at):
                yield part, dated_part, at
    rising = points["may_rise"].astype(bool).to_numpy()
    for dated_part in (True, False):
        at = np.flatnonzero(rising & (dated == dated_part))
        if len(at):
            yield f"rings-{'dated' if dated_part else 'undated'}", dated_part, at
    doubtful = np.flatnonzero(points["unconfirmed"].astype(bool).to_numpy() & dated)
    if len(doubtful):
        yield "unconfirmed-dated", True, doubtful


def trace_point_ids(metas: list, points: pd.DataFrame) -> list[list[str]]:
    """The point ids of each trace of ``toll_spec(points, ...)`` whose traces' ``meta`` are ``metas``, by trace and
    point index (empty for traces that stand for no figure), so a click's ``(curve_number, point_index)`` finds its
    figure even in a compact chart that carries no ``customdata``."""
    by_symbol = any(isinstance(m, str) and ":" in m for m in metas)  # as the figure was split
    point_ids = points["point_id"].to_numpy(dtype=object) if not points.empty else None
    ids = {part: point_ids[at].tolist() for part, _, at in _point_parts(points, by_symbol=by_symbol)}
    return [ids.get(meta, []) if isinstance(meta, str) else [] for meta in metas]


def _epoch_ms(values) -> np.ndarray:
    """Times (a datetime column, or a list with None for gaps) as epoch milliseconds, which a date axis
    reads as times, NaN for a gap: a binary array in plotly's JSON, not an ISO string per point."""
    if isinstance(values, pd.Series) and pd.api.types.is_datetime64_any_dtype(values):
        stamps = values
    else:
        values = list(values)
        if all(v is None or type(v) is pd.Timestamp for v in values):  # the band's steps: no text to parse
            return np.array([np.nan if v is None else v.value / 1e6 for v in values], dtype="float64")
        stamps = pd.to_datetime(pd.Series(values, dtype="object"), errors="coerce")
    stamps = stamps.astype("datetime64[ns]")
    return np.where(stamps.notna(), stamps.astype("int64") / 1e6, np.nan)


def _band_traces(band: pd.DataFrame, *, compact: bool = False) -> list[dict]:
    """The disagreement band in three traces, every event group in each (gaps between groups, and
    between days more than ``BAND_GAP_DAYS`` apart, such as the main period and follow-up coverage):
    the shaded spread, the most conservative line and the highest line, drawn as explicit steps.
    ``compact``: times as epoch milliseconds and values as binary arrays (NaN for the gaps)."""
    shade_x, shade_y, low_x, low_y, high_x, high_y = [], [], [], [], [], []
    # Runs in (group, date) order: a new run at each group and after each gap (one sort, not a groupby per group).
    ordered = band.dropna(subset=["event_group"]).sort_values(["event_group", "date"], kind="stable")
    dates, groups = ordered["date"], ordered["event_group"].to_numpy()
    starts = np.flatnonzero(np.concatenate([[True], groups[1:] != groups[:-1]])
                            | (dates.diff() > pd.Timedelta(days=BAND_GAP_DAYS)).to_numpy()) if len(ordered) else []
    all_days, all_high, all_low = dates.tolist(), ordered["highest"].tolist(), ordered["conservative"].tolist()
    for start, end in zip(starts, [*starts[1:], len(ordered)]):
        days = all_days[start:end] + [all_days[end - 1] + pd.Timedelta(hours=12)]
        step_hx, step_high = _steps(days, all_high[start:end])
        step_lx, step_low = _steps(days, all_low[start:end])
        high_x += step_hx + [None]
        high_y += step_high + [None]
        low_x += step_lx + [None]
        low_y += step_low + [None]
        shade_x += step_hx + step_lx[::-1] + [None]
        shade_y += step_high + step_low[::-1] + [None]
    if compact:
        shade_x, low_x, high_x = _epoch_ms(shade_x), _epoch_ms(low_x), _epoch_ms(high_x)
        shade_y, low_y, high_y = (np.array(ys, dtype="float64") for ys in (shade_y, low_y, high_y))
    else:
        shade_x, low_x, high_x = _iso(shade_x), _iso(low_x), _iso(high_x)
        shade_y, low_y, high_y = _plain(shade_y), _plain(low_y), _plain(high_y)
    common = dict(type="scatter", mode="lines", hoverinfo="skip", legend="legend2")
    return [
        dict(x=shade_x, y=shade_y, fill="toself", fillcolor="rgba(120,120,120,0.15)", line=dict(width=0),
             name="disagreement (shaded)", showlegend=False, **common),
        dict(x=low_x, y=low_y, line=dict(color="#6b6b6b", width=1.5, dash="dot"),
             name="most conservative that day", **common),
        dict(x=high_x, y=high_y, line=dict(color="#6b6b6b", width=1.5),
             name="highest so far (shaded gap: disagreement)", **common),
    ]


def _steps(days: list, values: list) -> tuple[list, list]:
    """A step line through ``values`` (one per day; ``days`` has one more, the end): each value holds until
    the next day that changes it -> (d0, v0), (d2, v0), (d2, v2), ... A day that repeats the value before it
    adds no corner (the highest so far is flat for most of a long event: half the band's points at 10,000
    articles)."""
    kept = [i for i, v in enumerate(values) if i == 0 or v != values[i - 1]]
    xs, ys = [], []
    for j, i in enumerate(kept):
        xs += [days[i], days[kept[j + 1] if j + 1 < len(kept) else len(values)]]
        ys += [values[i], values[i]]
    return xs, ys


def _mark(name: str, *, legend: str | None = None, mode: str = "markers", **style) -> dict:
    """A legend-only entry (no points): a name and the mark it explains."""
    return dict(type="scatter", x=[None], y=[None], mode=mode, name=name, **style,
                **({"legend": legend} if legend else {"showlegend": True}))


def _legend(points: pd.DataFrame, *, has_event: bool, by_group: bool = False) -> list[dict]:
    """Legend-only entries: sources by colour (the coloured ones, then the grey rest) or, ``by_group``,
    the groups (largest first, "other" last with its number of sources), qualifiers by shape, and
    the other marks."""
    if points.empty:
        return []
    entries = []
    if by_group:
        # each group's first colour and number of sources, on the groups' codes (not a text comparison per group)
        codes, names = pd.factorize(points["group"])
        colour = dict(zip(codes[::-1].tolist(), points["colour"].to_numpy(dtype=object)[::-1].tolist()))  # first
        sources = pd.factorize(points["source"])[0]
        known = (codes >= 0) & (sources >= 0)
        pairs = np.unique(codes[known].astype("int64") * (int(sources.max()) + 1) + sources[known])
        n_sources = np.bincount(pairs // (int(sources.max()) + 1), minlength=len(names)) if len(pairs) else \
            np.zeros(len(names), dtype="int64")
        code_of = {name: code for code, name in enumerate(names.tolist())}
        for group in group_order(points[["article_id", "group"]].drop_duplicates("article_id")["group"]):
            code = code_of[group]
            name = html.escape(group) if group != OTHER else f"other ({int(n_sources[code]):,} sources)"
            entries.append(_mark(name, marker=dict(symbol="square", size=11, color=colour[code])))
        sources = points.iloc[:0]
    else:
        sources = points[["source", "colour"]].drop_duplicates("source")
    coloured = sources[sources["colour"] != OTHER_SOURCES_COLOUR]
    for source, colour in zip(coloured["source"], coloured["colour"]):
        entries.append(_mark(html.escape(source), marker=dict(symbol="square", size=11, color=colour)))
    n_grey = len(sources) - len(coloured)
    if n_grey:
        entries.append(_mark(f"{n_grey:,} other source{'s' if n_grey != 1 else ''}",
                             marker=dict(symbol="square", size=11, color=OTHER_SOURCES_COLOUR)))
    shown: set[str] = set()
    for qualifier in points["qualifier"].drop_duplicates():
        symbol, meaning = QUALIFIER_MARKERS.get(qualifier, QUALIFIER_MARKERS["exact"])
        if meaning not in shown:
            shown.add(meaning)
            entries.append(_mark(meaning, legend="legend2", marker=dict(symbol=symbol, size=11, color="#555555")))
    if points["may_rise"].astype(bool).any():
        entries.append(_mark("ringed: may rise", legend="legend2",
                             marker=dict(symbol="circle-open", size=15, color="#333333")))
    if points["unconfirmed"].astype(bool).any():
        entries.append(_mark("unconfirmed: not in the band", legend="legend2",
                             marker=dict(size=13, **UNCONFIRMED_MARK, line=dict(width=2))))
    if (points["status"] == "superseded").any():
        entries.append(_mark("faded: superseded, dashed to its replacement", legend="legend2", mode="lines+markers",
                             marker=dict(symbol="circle-open", size=11, color="#9a9a9a"),
                             line=dict(color="#9a9a9a", dash="dash")))
    if has_event:
        entries.append(_mark("event date (from the text)", legend="legend2",
                             marker=dict(symbol="star", size=12, color="#444444")))
    return entries


def _far_above(points: pd.DataFrame) -> pd.DataFrame:
    """The unconfirmed points above ``FAR_ABOVE`` times the top of every other point (their bars too): the
    chart opens below them and says so. Empty when there is no such point."""
    if points.empty or not points["unconfirmed"].astype(bool).any():
        return points.iloc[:0]
    reach = points["value"].astype("float64") + points["err_plus"].astype("float64")
    doubtful = points["unconfirmed"].astype(bool)
    rest = reach[~doubtful].max() if (~doubtful).any() else np.nan
    if pd.isna(rest):
        return points.iloc[:0]
    return points[doubtful & (points["value"].astype("float64") > FAR_ABOVE * rest)]


def _merge(layout: dict, **changes) -> None:
    """``changes`` merged into ``layout`` as ``update_layout`` does: nested dicts key by key."""
    for key, value in changes.items():
        if isinstance(value, dict) and isinstance(layout.get(key), dict):
            _merge(layout[key], **value)
        else:
            layout[key] = value


def _layout(layout: dict, points: pd.DataFrame, *, label: str, time_axis: str | None, strip_axis: str | None,
            strip_title: str, event_rows: pd.DataFrame, height: int, show_follow_up: bool = False,
            drawn: pd.DataFrame | None = None) -> None:
    top = float(points["value"].max() + points["err_plus"].max()) if not points.empty else 1.0
    above = _far_above(points)
    if not above.empty:  # one wild figure would flatten every other report at the bottom of the chart
        top = float((points["value"] + points["err_plus"])[~points.index.isin(above.index)].max())
        n, highest = len(above), float(above["value"].max())
        layout.setdefault("annotations", []).append(dict(
            xref="paper", yref="paper", x=0, y=1, xanchor="left", yanchor="bottom", showarrow=False,
            font=dict(size=12, color=UNCONFIRMED_MARK["color"]),
            text=f"↑ {n:,} unconfirmed figure{'s' if n != 1 else ''} above the chart, up to {highest:,.0f} "
                 "(autoscale, at the top right, shows them)"))
    _merge(
        layout, height=height, margin=dict(l=10, r=10, t=30, b=10), hovermode="closest", clickmode="event+select",
        dragmode="pan",
        hoverlabel=dict(align="left", font=dict(size=12), bgcolor="white"),
        legend=dict(orientation="h", yref="container", yanchor="bottom", y=0, xanchor="left", x=0, font=dict(size=12),
                    title=dict(text="Source (colour):", side="top left"), itemclick=False, itemdoubleclick=False),
        legend2=dict(orientation="h", yref="container", yanchor="top", y=1, xanchor="left", x=0, font=dict(size=12),
                     title=dict(text="Marks:", side="top left"), itemclick=False, itemdoubleclick=False),
        yaxis=dict(title=dict(text=f"{label} (reported count)"), rangemode="tozero", range=[0, top * 1.12 + 1],
                   gridcolor="#e5e5e5", zeroline=True),
    )
    if time_axis:
        placed = points[["x", "article_id"]]  # the columns read, so no selection takes the others
        later = placed[points["follow_up"].astype(bool) & points["dated"].astype(bool)] if not points.empty \
            else placed
        shown = placed if show_follow_up or later.empty else placed.drop(index=later.index)
        xs = shown["x"].dropna() if not shown.empty else pd.Series(dtype="datetime64[ns]")
        xs = [xs.min(), xs.max()] if len(xs) else []  # the ends are all the view needs
        if not later.empty and not show_follow_up:
            layout.setdefault("annotations", []).append(
                follow_up_note(later["x"], n_articles=later["article_id"].nunique()))
        high_x = max(xs) if xs and not later.empty and not show_follow_up else None  # the opening view's end
        # An event date long before the first report (a recap's "April 2000") is drawn but would squeeze
        # the reports into a sliver, so it does not stretch the opening view.
        low_x = min(xs) - pd.Timedelta(days=EVENT_DATE_REACH_DAYS) if xs else None
        if not event_rows.empty and "event_date" in event_rows:  # compared column by column, not per article
            days = pd.to_datetime(event_rows["event_date"])
            near = pd.Series(True, index=days.index)
            if high_x is not None:
                near &= days <= high_x + pd.Timedelta(days=BAND_GAP_DAYS)
            if low_x is not None:
                near &= days >= low_x
            if near.any():
                xs += [days[near].min(), days[near].max()]
        axis = dict(title=dict(text="Published", standoff=4), type="date", tickformat="%b %d", gridcolor="#eeeeee")
        if xs:
            low, high = min(xs).normalize(), max(xs).normalize()
            years = f"{low:%Y}" if low.year == high.year else f"{low:%Y}–{high:%Y}"
            axis["title"]["text"] = f"Published ({years})"
            if (high - low).days > 300:
                axis["tickformat"] = "%b %Y"
            span = max((high - low).days, 1)
            pad = pd.Timedelta(hours=max(12, span * 2.4)).round("min")  # plotly drops nanoseconds with a warning
            axis["range"] = _iso([low - pad, high + pad + pd.Timedelta(hours=12)])
            if span <= 14:
                axis["dtick"] = 86_400_000  # one tick per day
        _merge(layout, xaxis=axis)
    if strip_axis:
        drawn = points if drawn is None else drawn  # the strip's positions are the drawn markers'
        n = int(drawn.loc[~drawn["dated"].astype(bool), "strip_x"].max() + 1) if not drawn.empty else 1
        strip = dict(title=dict(text=strip_title), range=[-0.6, n - 0.4], showticklabels=False, showgrid=False,
                     zeroline=False, fixedrange=True)
        _merge(layout, **{"xaxis2" if strip_axis == "x2" else "xaxis": strip})
        if strip_axis == "x2":
            _merge(layout, yaxis2=dict(gridcolor="#e5e5e5"))
