"""The Entities figures as plotly express built them (before 2026-12), kept as the reference ``charts.entities``
must write the same JSON as (``test_entities_figure_json.py``)."""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd
import plotly.express as px
import plotly.graph_objects as go

from analysis.views.entities import share_pivots
from charts.entities import cooccurrence_matrix
from charts.groups import TOP_LEGEND
from charts.text import escaped, escaped_list


def top_entities_figure(top: pd.DataFrame) -> go.Figure:
    """``charts.entities.top_entities_figure`` as plotly express built it."""
    bars = top.assign(name=escaped(top["canonical"]), kind=escaped(top["label"]))
    figure = px.bar(bars, x="mentions", y="name", color="kind", orientation="h", text="mentions",
                    custom_data=["articles", "sources"], labels={"name": "", "kind": "type"},
                    category_orders={"name": bars["name"].tolist()})
    figure.update_traces(hovertemplate="%{y}: %{x} mentions in %{customdata[0]} articles, %{customdata[1]} sources"
                                       "<extra></extra>")
    figure.update_layout(height=120 + 24 * len(top), margin={"t": 10}, legend=TOP_LEGEND)
    return figure


def source_share_figure(shares: pd.DataFrame, *, names: Sequence[str], columns: Sequence[str] | None = None,
                        members: Mapping[str, str] | None = None) -> go.Figure:
    """``charts.entities.source_share_figure`` as plotly express built it."""
    heat, counts = share_pivots(shares, names=names, columns=columns)
    about = [html.escape((members or {}).get(c, "")) for c in heat.columns]
    custom = np.dstack([counts.to_numpy(dtype=object), np.tile(np.array(about, dtype=object), (len(heat), 1))])
    figure = px.imshow(heat.to_numpy(), x=escaped_list(heat.columns), y=escaped_list(heat.index),
                       color_continuous_scale="Blues", aspect="auto", labels={"color": "share"})
    figure.update_traces(customdata=custom, hovertemplate="%{y} in %{x}: %{customdata[0]} mentions (%{z:.0%})"
                                                          + ("<br>%{customdata[1]}" if members else "")
                                                          + "<extra></extra>")
    figure.update_layout(height=140 + 24 * len(names), margin={"t": 10}, coloraxis_colorbar_tickformat=".0%",
                         # slanted at 45 degrees, so neighbouring labels never overlap on a narrow screen
                         xaxis=dict(side="top", tickangle=0 if len(heat.columns) <= 2 else -45))
    return figure


def cooccurrence_figure(pairs: pd.DataFrame, *, names: Sequence[str]) -> go.Figure:
    """``charts.entities.cooccurrence_figure`` as plotly express built it."""
    matrix = cooccurrence_matrix(pairs, names=names)
    labels = escaped_list(matrix.index)
    figure = px.imshow(matrix.to_numpy(), x=labels, y=labels, color_continuous_scale="Oranges",
                       labels={"color": "sentences"}, aspect="auto")
    figure.update_traces(hovertemplate="%{y} + %{x}: %{z} sentences<extra></extra>")
    figure.update_layout(height=160 + 24 * len(matrix), margin={"t": 10})
    return figure
