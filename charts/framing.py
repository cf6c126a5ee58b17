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
import plotly.express as px
import plotly.graph_objects as go
import plotly.io as pio

from analysis.views.framing import count_labels, frame_order
from charts.groups import TOP_LEGEND
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


def frame_profile_figure(profile: pd.DataFrame, *, labels: Mapping[str, str], sides: Sequence[str],
                         members: Mapping[str, str] | None = None) -> go.Figure:
    """A sorted heatmap: frames (rows, the most carried at the top) by side (columns, in ``sides`` order),
    each cell the share of the side's sentences that carry the frame, written in the cell.

    One cell per frame and side, however many sides: the page compares at most 8 groups and "other"
    (``analysis.views.groups``), and the cell count stays readable where a bar per pair would not.
    A transparent marker sits on every cell so a click selects it (plotly heatmaps cannot be selected).

    Args:
        profile: ``frame_profile(..., by="side")`` rows.
        labels: ``{frame: label}`` in codebook order.
        sides: the sides compared, left to right.
        members: ``{side: its sources}`` for the hover (a group's outlets), not escaped; optional.

    Returns:
        A heatmap trace (``z`` shares, rows top-down in ``frame_order``) and a scatter trace with one
        point per cell, ``customdata`` ``[side, frame]`` and the hover "label — side: 3/15 sentences (20%)".
    """
    order = frame_order(profile, labels=labels)
    cells = profile[profile["side"].isin(list(sides))].assign(text=count_labels(profile))
    share = cells.pivot(index="frame", columns="side", values="share").reindex(index=order, columns=list(sides))
    text = cells.pivot(index="frame", columns="side", values="text").reindex(index=order, columns=list(sides))
    x, y = escaped_list(sides), [_two_lines(labels[f]) for f in order]
    figure = go.Figure(go.Heatmap(
        z=share.to_numpy(dtype="float64"), x=x, y=y, colorscale="Blues", zmin=0,
        zmax=max(0.05, float(np.nanmax(share.to_numpy(dtype="float64"), initial=0.0))),
        texttemplate="%{z:.0%}", textfont_size=11, hoverinfo="skip", xgap=2, ygap=2,
        colorbar=dict(title=dict(text="share", side="right"), tickformat=".0%", thickness=10, len=0.6,
                      orientation="h", x=0, xanchor="left", y=-0.02, yanchor="top")))
    grid = [(side, frame) for frame in order for side in sides]
    about = {side: f"<br>{html.escape(text)}" for side, text in (members or {}).items()}
    hover = [f"{html.escape(labels[frame])} — {html.escape(str(side))}: {text.at[frame, side]} sentences "
             f"({share.at[frame, side]:.0%}){about.get(side, '')}" if pd.notna(share.at[frame, side]) else ""
             for side, frame in grid]
    figure.add_trace(go.Scatter(
        x=[html.escape(str(side)) for side, _ in grid], y=[_two_lines(labels[frame]) for _, frame in grid],
        mode="markers", marker=dict(size=28, symbol="square", color="rgba(0,0,0,0)"), showlegend=False,
        customdata=[[side, frame] for side, frame in grid], hovertext=hover,
        hovertemplate="%{hovertext}<extra></extra>"))
    # Rows tall enough for a two-line label; slanted side names take their own room above the cells.
    slant = 0 if len(sides) <= 2 else min(140, 7 * max((len(str(side)) for side in sides), default=0))
    figure.update_layout(margin=dict(t=10, l=10, r=10, b=40), height=120 + slant + 44 * len(order),
                         # every side labelled, slanted so neighbours never overlap on a narrow screen
                         xaxis=dict(side="top", tickangle=0 if len(sides) <= 2 else -45, automargin=True,
                                    tickmode="array", tickvals=x, ticktext=x),
                         yaxis=dict(autorange="reversed", automargin=True), clickmode="event+select")
    return figure


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


def hedge_figure(density: pd.DataFrame) -> go.Figure:
    """Grouped bars: epistemic and attribution cues per 1,000 words, per side (in the order of ``density``).

    Returns:
        One trace per kind of cue; each bar's ``customdata`` is ``[side, kind]``.
    """
    # The figure px.bar(hedge_rows(density), x="side_label", y="per_1000", color="kind", barmode="group",
    # custom_data=["side", "kind"]) makes, written out: plotly express took 0.08 s of a Framing rerun at 10k articles.
    long = hedge_rows(density)
    colours = list(pio.templates[pio.templates.default or "plotly"].layout.colorway or px.colors.qualitative.D3)
    traces = []
    for i, kind in enumerate(long["kind"].unique()):
        rows = long[long["kind"] == kind]
        traces.append(go.Bar(
            alignmentgroup="True", customdata=rows[["side", "kind"]].to_numpy(dtype=object),
            hovertemplate="=%{x}<br>Cues per 1,000 words=%{y}<extra></extra>", legendgroup=kind,
            marker=dict(color=colours[i % len(colours)], pattern=dict(shape="")), name=kind, offsetgroup=kind,
            orientation="v", showlegend=True, textposition="auto", x=rows["side_label"].to_numpy(dtype=object),
            xaxis="x", y=rows["per_1000"].to_numpy(), yaxis="y"))
    return go.Figure(traces, layout=dict(
        template=pio.templates[pio.templates.default or "plotly"],
        xaxis=dict(anchor="y", domain=[0.0, 1.0], title=dict(text="")),
        yaxis=dict(anchor="x", domain=[0.0, 1.0], title=dict(text="Cues per 1,000 words")),
        legend=dict(title=dict(text=""), tracegroupgap=0, **TOP_LEGEND), margin={"t": 10}, barmode="group"))
