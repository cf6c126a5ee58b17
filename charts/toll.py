"""The toll chart: timeline points prepared for plotting, and the plotly figure.

``chart_points`` turns the timeline rows of one category into plotted points (position,
marker symbol for the qualifier, error bars, escaped hover text); ``toll_figure`` draws
them with the disagreement band, superseded figures linked to their replacements, event
date markers and a strip beside the time axis for undated articles. Plotly renders hover
text as HTML, so every piece of article text in it is ``html.escape``'d here.

No streamlit here: the page passes the figure to ``st.plotly_chart``.
"""

from __future__ import annotations

import html
import textwrap

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from analysis.figures.labels import figure_label
from analysis.timeline.contradictions import ABOUT_TOLERANCE
from analysis.timeline.points import CATEGORY_LABELS

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

POINT_COLUMNS = ["point_id", "article_id", "figure_id", "replaced_by", "source", "title", "status", "published",
                 "dated", "x", "strip_x", "value", "err_plus", "err_minus", "qualifier", "symbol", "may_rise",
                 "colour", "label", "hover"]


def _missing(value: object) -> bool:
    try:
        return value is None or bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def _esc(value: object) -> str:
    return "" if _missing(value) else html.escape(str(value))


def _wrapped(text: str, width: int = 60, max_lines: int = 8) -> str:
    lines = textwrap.wrap(text, width) or [""]
    if len(lines) > max_lines:
        lines = lines[:max_lines - 1] + [lines[max_lines - 1] + " …"]
    return "<br>".join(html.escape(line) for line in lines)


def source_colours(sources: list[str]) -> dict[str, str]:
    """A colour per source, in the given order; beyond the palette, grey."""
    return {source: SOURCE_COLOURS[i] if i < len(SOURCE_COLOURS) else OTHER_SOURCES_COLOUR
            for i, source in enumerate(sources)}


def _hover(row: dict, category: str) -> str:
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
    if _text(row.get("sentence")):
        lines.append("<i>" + _wrapped(f"“{row['sentence']}”") + "</i>")
    return "<br>".join(lines)


def _text(value: object) -> str:
    return "" if _missing(value) else str(value)


def chart_points(timeline: pd.DataFrame, *, category: str) -> pd.DataFrame:
    """The plotted points of one category.

    Rule: dated points sit at their publication time; points of the same day and value are
    spread a few hours apart so none hides another. Undated points get ``dated = False``
    and a position ``strip_x`` (0, 1, 2, ...) in the undated strip. Error bars: ranges span
    low to high, "about" figures ±10%.

    Returns:
        Columns point_id, article_id, figure_id, replaced_by, source, title, status,
        published, dated, x, strip_x, value, err_plus, err_minus, qualifier, symbol,
        may_rise, colour, label (plain text for a picker), hover (escaped HTML).
    """
    rows = timeline[(timeline["category"] == category) & timeline["value"].notna()]
    if rows.empty:
        return pd.DataFrame({c: pd.Series(dtype="object") for c in POINT_COLUMNS})
    first_seen = rows.sort_values("published", na_position="last", kind="stable")["source"].drop_duplicates()
    colours = source_colours(first_seen.tolist())
    points = []
    seen_at: dict[tuple, int] = {}
    undated_positions: dict[str, int] = {}
    for i, row in enumerate(rows.to_dict("records")):
        dated = not _missing(row["published"])
        x, strip_x = None, None
        if dated:
            x = pd.Timestamp(row["published"])
            key = (x, row["value"], row["status"])
            n = seen_at.get(key, 0)
            seen_at[key] = n + 1
            if n and x == x.normalize():  # same day and value: fan out by 3 hours
                x = x + pd.Timedelta(hours=3 * ((n + 1) // 2) * (1 if n % 2 else -1))
        else:
            strip_x = undated_positions.setdefault(row["article_id"], len(undated_positions))
        value = float(row["value"])
        low, high = row.get("low"), row.get("high")
        err_plus = err_minus = 0.0
        if row["qualifier"] == "range" and not _missing(low) and not _missing(high):
            err_plus, err_minus = float(high) - value, value - float(low)
        elif row["qualifier"] == "about":
            err_plus = err_minus = value * ABOUT_TOLERANCE
        figure = figure_label(row["value"], row["qualifier"], low=low, high=high, may_rise=row.get("may_rise"))
        when = pd.Timestamp(row["published"]).strftime("%Y-%m-%d") if dated else "undated"
        status = "" if row["status"] == "current" else ", superseded"
        points.append({
            "point_id": row["figure_id"] or f"{row['article_id']}:{category}:{i}",
            "article_id": row["article_id"], "figure_id": row["figure_id"], "replaced_by": row["replaced_by"],
            "source": row["source"], "title": row["title"], "status": row["status"], "published": row["published"],
            "dated": dated, "x": x, "strip_x": strip_x, "value": value, "err_plus": err_plus,
            "err_minus": err_minus, "qualifier": row["qualifier"],
            "symbol": QUALIFIER_MARKERS.get(row["qualifier"], QUALIFIER_MARKERS["exact"])[0],
            "may_rise": bool(row["may_rise"]), "colour": colours.get(row["source"], OTHER_SOURCES_COLOUR),
            "label": f"{when} · {row['source']} · {figure}{status}",
            "hover": _hover(row, category),
        })
    return pd.DataFrame(points, columns=POINT_COLUMNS)


def _axes(dated: bool, undated: bool) -> tuple[str | None, str | None]:
    if dated and undated:
        return "x", "x2"
    return ("x", None) if dated else (None, "x")


def toll_figure(points: pd.DataFrame, band: pd.DataFrame, *, category: str,
                event_dates: pd.DataFrame | None = None, height: int = 600) -> go.Figure:
    """The toll chart of one category.

    Args:
        points: ``chart_points`` of the category.
        band: ``summary_band`` of the category (may be empty).
        event_dates: rows with ``event_date`` and ``event_date_text`` (one per article) to mark
            on the time axis; empty or None for none.
        height: figure height in pixels.

    Every trace that stands for a figure carries ``customdata = [point_id, article_id]`` so a
    click or selection can be traced back to the figure.
    """
    label = CATEGORY_LABELS.get(category, category)
    dated_points = points[points["dated"].astype(bool)] if not points.empty else points
    undated_points = points[~points["dated"].astype(bool)] if not points.empty else points
    has_dated, has_undated = not dated_points.empty, not undated_points.empty
    time_axis, strip_axis = _axes(has_dated or points.empty, has_undated)
    if time_axis and strip_axis:
        n_undated = undated_points["article_id"].nunique()
        figure = make_subplots(rows=1, cols=2, shared_yaxes=True, column_widths=[0.8, 0.2],
                               horizontal_spacing=0.04)
        strip_title = f"No date<br>found ({n_undated})"
    else:
        figure = go.Figure()
        strip_title = f"No date<br>found ({undated_points['article_id'].nunique()})" if strip_axis else ""

    def axis_kwargs(axis: str | None) -> dict:
        if axis in (None, "x"):
            return {}
        return {"xaxis": axis}

    # Disagreement band: per event group, the most conservative and the highest total.
    if has_dated and not band.empty:
        for i, (group, rows) in enumerate(band.groupby("event_group", sort=True)):
            rows = rows.sort_values("date")
            xs = list(rows["date"]) + [rows["date"].iloc[-1] + pd.Timedelta(hours=12)]
            conservative = list(rows["conservative"]) + [rows["conservative"].iloc[-1]]
            highest = list(rows["highest"]) + [rows["highest"].iloc[-1]]
            common = dict(mode="lines", line_shape="hv", hoverinfo="skip", legend="legend2")
            figure.add_trace(go.Scatter(x=xs, y=conservative, line=dict(color="#6b6b6b", width=1.5, dash="dot"),
                                        name="most conservative that day", showlegend=i == 0, **common))
            figure.add_trace(go.Scatter(x=xs, y=highest, line=dict(color="#6b6b6b", width=1.5),
                                        fill="tonexty", fillcolor="rgba(120,120,120,0.15)",
                                        name="highest so far (shaded gap: disagreement)", showlegend=i == 0,
                                        **common))

    # Superseded figures, linked to the figure that replaced them.
    if not points.empty:
        by_id = {pid: row for pid, row in zip(points["point_id"], points.to_dict("records"))}
        for dated_part, axis in ((True, time_axis), (False, strip_axis)):
            xs, ys = [], []
            for row in points[(points["status"] == "superseded") & (points["dated"] == dated_part)].to_dict("records"):
                new = by_id.get(row["replaced_by"])
                if new is None:
                    continue
                xs += [row["x"] if dated_part else row["strip_x"], new["x"] if dated_part else new["strip_x"], None]
                ys += [row["value"], new["value"], None]
            if xs:
                figure.add_trace(go.Scatter(x=xs, y=ys, mode="lines", hoverinfo="skip", showlegend=False,
                                            line=dict(color="#9a9a9a", width=1.5, dash="dash"),
                                            **axis_kwargs(axis)))

    # Points: one trace per source (colour) and part (dated, undated); shape = qualifier.
    groups = _source_groups(points)
    for source in groups:
        for dated_part, axis in ((True, time_axis), (False, strip_axis)):
            for status in ("current", "superseded"):
                rows = points[(points["source"] == source) & (points["dated"] == dated_part)
                              & (points["status"] == status)]
                if rows.empty:
                    continue
                superseded = status == "superseded"
                has_bars = bool((rows["err_plus"] > 0).any() or (rows["err_minus"] > 0).any())
                figure.add_trace(go.Scatter(
                    x=rows["x"] if dated_part else rows["strip_x"], y=rows["value"], mode="markers",
                    name=html.escape(source), legendgroup=groups[source],
                    showlegend=False,
                    marker=dict(symbol=[s + ("-open" if superseded else "") for s in rows["symbol"]], size=13,
                                color=rows["colour"].iloc[0], opacity=0.4 if superseded else 0.95,
                                line=dict(width=1.5 if superseded else 1, color=rows["colour"].iloc[0]
                                          if superseded else "white")),
                    error_y=dict(type="data", symmetric=False, array=rows["err_plus"].tolist(),
                                 arrayminus=rows["err_minus"].tolist(), thickness=1.5, width=5,
                                 color=rows["colour"].iloc[0], visible=has_bars),
                    customdata=list(zip(rows["point_id"], rows["article_id"])),
                    hovertext=rows["hover"], hovertemplate="%{hovertext}<extra></extra>",
                    **axis_kwargs(axis)))

    # "may rise": a ring around the point.
    rising = points[points["may_rise"].astype(bool)] if not points.empty else points
    for dated_part, axis in ((True, time_axis), (False, strip_axis)):
        rows = rising[rising["dated"] == dated_part] if not rising.empty else rising
        if rows.empty:
            continue
        figure.add_trace(go.Scatter(
            x=rows["x"] if dated_part else rows["strip_x"], y=rows["value"], mode="markers",
            marker=dict(symbol="circle-open", size=24, color="#333333", line=dict(width=1.5)),
            customdata=list(zip(rows["point_id"], rows["article_id"])), hovertext=rows["hover"],
            hovertemplate="%{hovertext}<extra></extra>", showlegend=False, **axis_kwargs(axis)))

    # Event dates from the texts: a star on the time axis and a dotted line.
    event_rows = pd.DataFrame() if event_dates is None else event_dates.dropna(subset=["event_date"])
    if has_dated and not event_rows.empty:
        for day, rows in event_rows.groupby(pd.to_datetime(event_rows["event_date"]).dt.normalize()):
            figure.add_vline(x=day, line=dict(color="#444444", width=1, dash="dot"))
            words = "; ".join(sorted({html.escape(str(w)) for w in rows["event_date_text"] if _text(w)}))
            figure.add_trace(go.Scatter(
                x=[day], y=[0], mode="markers", marker=dict(symbol="star", size=15, color="#444444"),
                name="event date (from the text)", showlegend=False,
                hovertext=[f"Event date {day:%Y-%m-%d}, from {len(rows)} article(s): {words}"],
                hovertemplate="%{hovertext}<extra></extra>"))

    _legend(figure, points, has_event=has_dated and not event_rows.empty)
    _layout(figure, points, label=label, time_axis=time_axis, strip_axis=strip_axis, strip_title=strip_title,
            event_rows=event_rows, height=height)
    return figure


def _source_groups(points: pd.DataFrame) -> dict[str, str]:
    """A legend group id per source (ids, not names: names are untrusted text)."""
    sources = points["source"].drop_duplicates() if not points.empty else []
    return {source: f"source-{i}" for i, source in enumerate(sources)}


def _legend(figure: go.Figure, points: pd.DataFrame, *, has_event: bool) -> None:
    """Legend-only entries: sources by colour, qualifiers by shape, and the other marks."""
    if points.empty:
        return
    sources = points.drop_duplicates("source")
    groups = _source_groups(points)
    for source, colour in zip(sources["source"], sources["colour"]):
        figure.add_trace(go.Scatter(x=[None], y=[None], mode="markers", name=html.escape(source),
                                    marker=dict(symbol="square", size=11, color=colour),
                                    legendgroup=groups[source], showlegend=True))
    shown: set[str] = set()
    for qualifier in points["qualifier"].drop_duplicates():
        symbol, meaning = QUALIFIER_MARKERS.get(qualifier, QUALIFIER_MARKERS["exact"])
        if meaning in shown:
            continue
        shown.add(meaning)
        figure.add_trace(go.Scatter(x=[None], y=[None], mode="markers", name=meaning,
                                    marker=dict(symbol=symbol, size=11, color="#555555"),
                                    legend="legend2"))
    if points["may_rise"].astype(bool).any():
        figure.add_trace(go.Scatter(x=[None], y=[None], mode="markers", name="ringed: may rise",
                                    marker=dict(symbol="circle-open", size=15, color="#333333"),
                                    legend="legend2"))
    if (points["status"] == "superseded").any():
        figure.add_trace(go.Scatter(x=[None], y=[None], mode="lines+markers",
                                    name="faded: superseded, dashed to its replacement",
                                    marker=dict(symbol="circle-open", size=11, color="#9a9a9a"),
                                    line=dict(color="#9a9a9a", dash="dash"),
                                    legend="legend2"))
    if has_event:
        figure.add_trace(go.Scatter(x=[None], y=[None], mode="markers", name="event date (from the text)",
                                    marker=dict(symbol="star", size=12, color="#444444"),
                                    legend="legend2"))


def _layout(figure: go.Figure, points: pd.DataFrame, *, label: str, time_axis: str | None, strip_axis: str | None,
            strip_title: str, event_rows: pd.DataFrame, height: int) -> None:
    top = float(points["value"].max() + points["err_plus"].max()) if not points.empty else 1.0
    figure.update_layout(
        height=height, margin=dict(l=10, r=10, t=30, b=10), hovermode="closest", clickmode="event+select",
        dragmode="pan",
        hoverlabel=dict(align="left", font_size=12, bgcolor="white"),
        legend=dict(orientation="h", yref="container", yanchor="bottom", y=0, xanchor="left", x=0, font_size=12,
                    title=dict(text="Source (colour):", side="top left"), itemclick="toggleothers"),
        legend2=dict(orientation="h", yref="container", yanchor="top", y=1, xanchor="left", x=0, font_size=12,
                     title=dict(text="Marks:", side="top left"), itemclick=False, itemdoubleclick=False),
        yaxis=dict(title=dict(text=f"{label} (reported count)"), rangemode="tozero", range=[0, top * 1.12 + 1],
                   gridcolor="#e5e5e5", zeroline=True),
    )
    if time_axis:
        xs = [x for x in points["x"] if not _missing(x)] if not points.empty else []
        xs += [pd.Timestamp(d) for d in event_rows.get("event_date", [])] if not event_rows.empty else []
        axis = dict(title=dict(text="Published", standoff=4), type="date", tickformat="%b %d", gridcolor="#eeeeee")
        if xs:
            low, high = min(xs).normalize(), max(xs).normalize()
            years = f"{low:%Y}" if low.year == high.year else f"{low:%Y}–{high:%Y}"
            axis["title"]["text"] = f"Published ({years})"
            if (high - low).days > 300:
                axis["tickformat"] = "%b %Y"
            span = max((high - low).days, 1)
            pad = pd.Timedelta(hours=max(12, span * 2.4))
            axis["range"] = [low - pad, high + pad + pd.Timedelta(hours=12)]
            if span <= 14:
                axis["dtick"] = 86_400_000  # one tick per day
        figure.update_layout(xaxis=axis)
    if strip_axis:
        n = int(points.loc[~points["dated"].astype(bool), "strip_x"].max() + 1) if not points.empty else 1
        strip = dict(title=dict(text=strip_title), range=[-0.6, n - 0.4], showticklabels=False, showgrid=False,
                     zeroline=False, fixedrange=True)
        figure.update_layout(**{"xaxis2" if strip_axis == "x2" else "xaxis": strip})
        if strip_axis == "x2":
            figure.update_layout(yaxis2=dict(gridcolor="#e5e5e5"))
