"""The Entities page's figures: the most named entities, who names whom by source, and who is named together.

Entity and source names are article text: they are HTML-escaped in every label and
hover text here (plotly renders them as HTML). No streamlit here: the page passes the
figures to ``st.plotly_chart``.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd
import plotly.express as px
import plotly.graph_objects as go

from analysis.views.entities import share_pivots
from charts.groups import TOP_LEGEND
from charts.text import escaped, escaped_list


def top_entities_figure(top: pd.DataFrame) -> go.Figure:
    """Horizontal bars of the most named entities, one bar per entity coloured by its type.

    Args:
        top: ``top_entities`` rows (canonical, label, mentions, articles, sources), in the
            order to show them from the top down.

    Returns:
        A bar chart with one trace per entity type; the bar's text is its mentions, the hover
        adds the numbers of articles and sources.
    """
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
    """A heatmap of entity (rows, in the order of ``names``) by source or group (columns): the entity's share
    of the column's entity mentions, with the count (and a group's outlets) in the hover.

    Args:
        shares: ``source_shares`` rows (source, canonical, n_mentions, share); "source" may be a group.
        names: the entities, from the top row down.
        columns: the sources or groups, left to right (by default all, sorted); the page passes at most
            8 groups and "other", so the columns stay wide enough to read at any number of sources.
        members: ``{group: its outlets}`` for the hover, not escaped; optional.
    """
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


def cooccurrence_matrix(pairs: pd.DataFrame, *, names: Sequence[str]) -> pd.DataFrame:
    """The symmetric entity-by-entity table of sentences naming both.

    Args:
        pairs: ``cooccurrence`` rows (entity_a, entity_b, n_sentences), each pair once.
        names: the entities in the order to show them; those in no pair are left out.

    Returns:
        Index and columns: the entities of ``names`` that are in a pair, in that order; cells:
        n_sentences (0 on the diagonal and for pairs never named together).
    """
    both_ways = pd.concat([pairs, pairs.rename(columns={"entity_a": "entity_b", "entity_b": "entity_a"})])
    matrix = both_ways.pivot_table(index="entity_a", columns="entity_b", values="n_sentences", aggfunc="sum",
                                   fill_value=0)
    order = [n for n in names if n in matrix.index]
    return matrix.reindex(index=order, columns=order, fill_value=0)


def cooccurrence_figure(pairs: pd.DataFrame, *, names: Sequence[str]) -> go.Figure:
    """A heatmap of how many sentences name both entities of a pair (``cooccurrence_matrix``).

    Args:
        pairs: ``cooccurrence`` rows, not empty.
        names: the entities in the order to show them.
    """
    matrix = cooccurrence_matrix(pairs, names=names)
    labels = escaped_list(matrix.index)
    figure = px.imshow(matrix.to_numpy(), x=labels, y=labels, color_continuous_scale="Oranges",
                       labels={"color": "sentences"}, aspect="auto")
    figure.update_traces(hovertemplate="%{y} + %{x}: %{z} sentences<extra></extra>")
    figure.update_layout(height=160 + 24 * len(matrix), margin={"t": 10})
    return figure
