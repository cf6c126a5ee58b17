"""The Framing page's figures: what each side's sentences are about, and how hedged its language is.

Side names (sources or the user's group names) are HTML-escaped in labels and hover text;
the raw side goes into ``customdata`` only, where a selection reads it back and plotly
does not render it. No streamlit here.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd
import plotly.express as px
import plotly.graph_objects as go

from analysis.views.framing import count_labels
from charts.text import escaped

HEDGE_KINDS = ("epistemic", "attribution")


def frame_profile_figure(profile: pd.DataFrame, *, labels: Mapping[str, str], sides: Sequence[str]) -> go.Figure:
    """Grouped horizontal bars: per frame, the share of each side's sentences that carry it.

    Args:
        profile: ``frame_profile(..., by="side")`` rows.
        labels: ``{frame: label}`` in codebook order; the bars follow it from the top down.
        sides: the sides compared (the chart grows with their number).

    Returns:
        One trace per side; each bar's text is "sentences/total", its ``customdata``
        ``[side, frame]``.
    """
    bars = profile.assign(side_label=escaped(profile["side"]), text=count_labels(profile))
    figure = px.bar(bars, y="label", x="share", color="side_label", barmode="group", text="text", orientation="h",
                    custom_data=["side", "frame"], category_orders={"label": list(labels.values())},
                    labels={"label": "", "share": "Share of sentences", "side_label": ""})
    figure.update_traces(hovertemplate="%{y}<br>%{text} sentences (%{x:.0%})<extra></extra>", textposition="outside")
    figure.update_layout(xaxis_tickformat=".0%", legend_orientation="h", margin={"t": 10},
                         height=140 + 26 * len(labels) * max(1, len(sides)) ** 0.8)
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
    figure = px.bar(hedge_rows(density), x="side_label", y="per_1000", color="kind", barmode="group",
                    custom_data=["side", "kind"],
                    labels={"side_label": "", "per_1000": "Cues per 1,000 words", "kind": ""})
    figure.update_layout(legend_orientation="h", margin={"t": 10})
    return figure
