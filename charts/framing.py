"""The Framing page's figures: what each side's sentences are about (a sorted heatmap), and how hedged its
language is.

Side names (sources or the user's group names) are HTML-escaped in labels and hover text;
the raw side goes into ``customdata`` only, where a selection reads it back and plotly
does not render it. No streamlit here.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd
import plotly.colors
import plotly.graph_objects as go

from analysis.views.framing import count_labels, frame_order, side_sentences
from analysis.views.groups import thin_sides
from charts.entities import legend_spec, template_colours
from charts.groups import thin_heatmap
from charts.text import escaped, escaped_list

HEDGE_KINDS = ("epistemic", "attribution")


def _two_lines(label: str, width: int = 16) -> str:
    """A frame label, escaped, broken once before the word that would take its first line past ``width``
    characters, so the row labels leave the cells room on a narrow screen."""
    words = label.split(" ")
    first = words.pop(0)
    while words and len(first) + 1 + len(words[0]) <= width:
        first += " " + words.pop(0)
    return html.escape(first) + ("<br>" + html.escape(" ".join(words)) if words else "")


def frame_profile_spec(profile: pd.DataFrame, *, labels: Mapping[str, str], sides: Sequence[str],
                       members: Mapping[str, str] | None = None) -> dict:
    """A sorted heatmap: frames (rows, the most carried at the top) by side (columns, in ``sides`` order),
    each cell the share of the side's sentences that carry the frame, written in the cell.

    One cell per frame and side, however many sides: the page compares at most 8 groups and "other"
    (``analysis.views.groups``), and the cell count stays readable where a bar per pair would not.
    A transparent marker sits on every cell so a click selects it (plotly heatmaps cannot be selected).
    A plain spec (draw it with ``charts.served.served_spec``): the JSON the validated ``go`` objects made,
    without them.

    Args:
        profile: ``frame_profile(..., by="side")`` rows.
        labels: ``{frame: label}`` in codebook order.
        sides: the sides compared, left to right.
        members: ``{side: its sources}`` for the hover (a group's outlets), not escaped; optional.

    Returns:
        A heatmap trace (``z`` shares, rows top-down in ``frame_order``) and a scatter trace with one
        point per cell, ``customdata`` ``[side, frame]`` and the hover "label — side: 3/15 sentences (20%)".
        Sides too thin to compare (``thin_sides`` of their sentences) have their cells, value written,
        in a grey heatmap of their own between the two, and the colour scale is the other sides'.
    """
    order = frame_order(profile, labels=labels)
    cells = profile[profile["side"].isin(list(sides))].assign(text=count_labels(profile))
    share = cells.pivot(index="frame", columns="side", values="share").reindex(index=order, columns=list(sides))
    text = cells.pivot(index="frame", columns="side", values="text").reindex(index=order, columns=list(sides))
    x, y = escaped_list(sides), [_two_lines(labels[f]) for f in order]
    shares = share.to_numpy(dtype="float64")
    thin = np.isin(list(sides), thin_sides(side_sentences(cells, sides)))
    thin_shares = np.where(thin, shares, np.nan)
    shares = np.where(thin, np.nan, shares)
    blues = plotly.colors.sequential.Blues
    heatmap = {
        "colorbar": {"len": 0.6, "orientation": "h", "thickness": 10, "tickformat": ".0%",
                     "title": {"side": "right", "text": "share"}, "x": 0, "xanchor": "left", "y": -0.02,
                     "yanchor": "top"},
        "colorscale": [[i / (len(blues) - 1), colour] for i, colour in enumerate(blues)], "hoverinfo": "skip",
        "textfont": {"size": 11}, "texttemplate": "%{z:.0%}", "x": x, "xgap": 2, "y": y, "ygap": 2, "z": shares,
        "zmax": max(0.05, float(np.nanmax(shares, initial=0.0))), "zmin": 0, "type": "heatmap"}
    greys = [thin_heatmap(thin_shares, x=x, y=y, template="%{z:.0%}")] if thin.any() else []
    grid = [(side, frame) for frame in order for side in sides]
    about = {side: f"<br>{html.escape(text)}" for side, text in (members or {}).items()}
    hover = [f"{html.escape(labels[frame])} — {html.escape(str(side))}: {text.at[frame, side]} sentences "
             f"({share.at[frame, side]:.0%}){about.get(side, '')}" if pd.notna(share.at[frame, side]) else ""
             for side, frame in grid]
    cells_trace = {
        "customdata": [[side, frame] for side, frame in grid], "hovertemplate": "%{hovertext}<extra></extra>",
        "hovertext": hover, "marker": {"color": "rgba(0,0,0,0)", "size": 28, "symbol": "square"},
        "mode": "markers", "showlegend": False, "x": [html.escape(str(side)) for side, _ in grid],
        "y": [_two_lines(labels[frame]) for _, frame in grid], "type": "scatter"}
    # Rows tall enough for a two-line label; slanted side names take their own room above the cells.
    slant = 0 if len(sides) <= 2 else min(140, 7 * max((len(str(side)) for side in sides), default=0))
    return {"data": [heatmap, *greys, cells_trace], "layout": {
        "margin": {"t": 10, "l": 10, "r": 10, "b": 40}, "height": 120 + slant + 44 * len(order),
        # every side labelled, slanted so neighbours never overlap on a narrow screen
        "xaxis": {"side": "top", "tickangle": 0 if len(sides) <= 2 else -45, "automargin": True,
                  "tickmode": "array", "tickvals": x, "ticktext": x},
        "yaxis": {"autorange": "reversed", "automargin": True}, "clickmode": "event+select"}}


def frame_profile_figure(profile: pd.DataFrame, *, labels: Mapping[str, str], sides: Sequence[str],
                         members: Mapping[str, str] | None = None) -> go.Figure:
    """``frame_profile_spec`` as a figure."""
    return go.Figure(frame_profile_spec(profile, labels=labels, sides=sides, members=members), _validate=False)


def hedge_rows(density: pd.DataFrame) -> pd.DataFrame:
    """``hedge_density(..., by="side")`` in long form, for the bars.

    Returns:
        Two rows per side (epistemic first, then attribution): side, kind, per_1000 and
        side_label (the side, escaped).
    """
    long = density.melt(id_vars=["side"], value_vars=[f"{kind}_per_1000" for kind in HEDGE_KINDS],
                        var_name="kind", value_name="per_1000")
    long["kind"] = long["kind"].str.replace("_per_1000", "")
    long["side_label"] = escaped(long["side"])
    return long


def hedge_spec(density: pd.DataFrame) -> dict:
    """Grouped bars: epistemic and attribution cues per 1,000 words, per side (in the order of ``density``).

    Returns:
        One trace per kind of cue; each bar's ``customdata`` is ``[side, kind]``. A plain spec (draw it with
        ``charts.served.served_spec``): the JSON of ``px.bar(hedge_rows(density), x="side_label", y="per_1000",
        color="kind", barmode="group", custom_data=["side", "kind"])``, without plotly express or validation.
    """
    long = hedge_rows(density)
    colours = template_colours()
    traces = []
    for i, kind in enumerate(long["kind"].unique()):
        rows = long[long["kind"] == kind]
        traces.append({
            "alignmentgroup": "True", "customdata": rows[["side", "kind"]].to_numpy(dtype=object),
            "hovertemplate": "=%{x}<br>Cues per 1,000 words=%{y}<extra></extra>", "legendgroup": kind,
            "marker": {"color": colours[i % len(colours)], "pattern": {"shape": ""}}, "name": kind,
            "offsetgroup": kind, "orientation": "v", "showlegend": True, "textposition": "auto",
            "x": rows["side_label"].to_numpy(dtype=object).tolist(), "xaxis": "x",
            "y": rows["per_1000"].to_numpy(), "yaxis": "y", "type": "bar"})
    return {"data": traces, "layout": {
        "xaxis": {"anchor": "y", "domain": [0.0, 1.0], "title": {"text": ""}},
        "yaxis": {"anchor": "x", "domain": [0.0, 1.0], "title": {"text": "Cues per 1,000 words"}},
        "legend": legend_spec(""), "margin": {"t": 10}, "barmode": "group"}}


def hedge_figure(density: pd.DataFrame) -> go.Figure:
    """``hedge_spec`` as a figure."""
    return go.Figure(hedge_spec(density), _validate=False)
