"""The Tone figures as they were built with plotly express and validated ``go`` objects (before 2026-12), kept
as the reference ``charts.tone`` must write the same JSON as (``test_tone_figure_json.py``)."""

from __future__ import annotations

import html
from collections.abc import Collection

import numpy as np
import pandas as pd
import plotly.express as px
import plotly.graph_objects as go

from analysis.views.groups import group_order
from charts.follow_up import add_follow_up_note
from charts.groups import TOP_LEGEND, group_colours
from charts.text import escaped, escaped_list
from charts.tone import (AGREEMENT_COLOURS, BOX_OFFSET, BOX_WIDTH, DOT_OFFSET, DOT_SPREAD, GL_POINTS,
                         MAX_COLOURED_SOURCES, MAX_DOTS, MAX_SOURCES, row_floor, sample_rows, sentence_hover, top_sources)


def source_spread_figure(scored: pd.DataFrame, *, metric: str, label: str, rows: str = "source") -> go.Figure:
    """``charts.tone.source_spread_figure`` as plotly express / validated ``go`` objects built it."""
    if rows == "source":
        if scored["source"].nunique() > MAX_SOURCES:
            scored = scored.assign(source=top_sources(scored["source"], keep=MAX_SOURCES))
        sources = sorted(scored["source"].unique())
    else:
        sources = group_order(scored[rows])
    position = {s: i for i, s in enumerate(sources)}
    figure = go.Figure()
    large = len(scored) > MAX_DOTS
    for source in sources:
        values = scored.loc[scored[rows] == source, metric]
        if large:  # the box's statistics, not every value
            q1, median, q3 = values.quantile([0.25, 0.5, 0.75]).tolist()
            box = dict(q1=[q1], median=[median], q3=[q3], lowerfence=[values.min()], upperfence=[values.max()],
                       y=[position[source]])
        else:
            box = dict(x=values, y=[position[source]] * len(values))
        box["y"] = [y - BOX_OFFSET for y in box["y"]]
        figure.add_trace(go.Box(**box, orientation="h", boxpoints=False, width=BOX_WIDTH,
                                name=html.escape(str(source)), showlegend=False, hoverinfo="skip",
                                line_color="#555", fillcolor="rgba(0,0,0,0.06)"))
    row_of = scored[rows].map(position).fillna(-1).to_numpy(dtype="int64")
    dots = sample_rows(scored, n=MAX_DOTS, keep=pd.Series(row_floor(row_of, n=MAX_DOTS, rows=len(sources)),
                                                          index=scored.index))
    jitter = (np.sin(np.arange(len(dots)) * 12.9898) * 43758.5453) % 1 * DOT_SPREAD + DOT_OFFSET
    figure.add_trace((go.Scattergl if len(dots) > GL_POINTS else go.Scatter)(
        x=dots[metric], y=dots[rows].map(position) + jitter, mode="markers", showlegend=False,
        marker={"size": 7, "opacity": 0.55, "color": "#3b6ea8"},
        customdata=np.stack([dots["article_id"], dots["idx"]], axis=1), text=sentence_hover(dots),
        hovertemplate="%{text}<br>" + label + ": %{x:.2f}<extra></extra>"))
    figure.update_layout(height=120 + 60 * len(sources), margin={"t": 10}, xaxis_title=label,
                         yaxis={"tickvals": list(range(len(sources))), "ticktext": escaped_list(sources),
                                "autorange": "reversed"})  # the first row (largest group, "other" last) on top
    return figure


def tone_over_time_figure(dated: pd.DataFrame, *, metric: str, label: str, colour: str = "source",
                          follow_up: Collection[str] = ()) -> go.Figure:
    """``charts.tone.tone_over_time_figure`` as plotly express / validated ``go`` objects built it."""
    groups = top_sources(dated["source"], keep=MAX_COLOURED_SOURCES) if colour == "source" else dated[colour]
    order = group_order(groups)
    dots = dated.assign(source_label=escaped(groups), title_label=escaped(dated["title"]),
                        source_name=escaped(dated["source"]),
                        marker=np.where(dated["thin"], "thin", "enough sentences"))
    figure = px.scatter(dots, x="published", y=metric, color="source_label", size="n_sentences",
                        symbol="marker", symbol_map={"thin": "circle-open", "enough sentences": "circle"},
                        custom_data=["article_id", "title_label", "source_name"],
                        labels={metric: label, "source_label": ""},
                        category_orders={"source_label": escaped_list(order)},
                        color_discrete_map={html.escape(str(g)): c for g, c in group_colours(order).items()}
                        if colour != "source" else None,
                        render_mode="webgl" if len(dots) > GL_POINTS else "auto")
    figure.update_traces(hovertemplate="<b>%{customdata[2]}</b><br>%{customdata[1]}<br>%{x|%d %b %Y}: %{y:.2f}"
                                       "<extra></extra>")
    figure.update_layout(margin={"t": 10}, legend={**TOP_LEGEND, "title_text": ""})
    later = dated["article_id"].isin(list(follow_up))
    if later.any() and not later.all():
        main = dated.loc[~later, "published"]
        pad = max(pd.Timedelta(hours=12), (main.max() - main.min()) * 0.04).round("min")
        figure.update_xaxes(range=[main.min() - pad, main.max() + pad])
        add_follow_up_note(figure, dated.loc[later, "published"], n_articles=int(later.sum()))
    return figure


def entity_tone_figure(around: pd.DataFrame, *, metric: str, label: str, n_entities: int,
                       colour: str = "source") -> go.Figure:
    """``charts.tone.entity_tone_figure`` as plotly express / validated ``go`` objects built it."""
    rows = around.reset_index(drop=True)
    groups = top_sources(rows["source"], keep=MAX_COLOURED_SOURCES) if colour == "source" else rows[colour]
    order = group_order(groups)
    rows = rows.assign(row=rows.index, entity_label=escaped(rows["canonical"]), source_label=escaped(groups),
                       source_name=escaped(rows[colour]), marker=np.where(rows["thin"], "thin", "3+ sentences"))
    figure = px.scatter(rows, x=metric, y="entity_label", color="source_label", size="n_sentences",
                        symbol="marker", symbol_map={"thin": "circle-open", "3+ sentences": "circle"},
                        custom_data=["row", "n_sentences", "source_name"],
                        render_mode="webgl" if len(rows) > GL_POINTS else "auto",
                        category_orders={"source_label": escaped_list(order)},
                        color_discrete_map={html.escape(str(g)): c for g, c in group_colours(order).items()}
                        if colour != "source" else None,
                        labels={metric: label, "entity_label": "", "source_label": ""})
    figure.update_traces(hovertemplate="<b>%{customdata[2]}</b> · %{y}: %{x:.2f} over %{customdata[1]} sentences"
                                       "<extra></extra>")
    figure.update_layout(margin={"t": 10}, legend={**TOP_LEGEND, "title_text": ""}, height=160 + 40 * n_entities)
    return figure


def disagreement_figure(compared: pd.DataFrame) -> go.Figure:
    """``charts.tone.disagreement_figure`` as plotly express / validated ``go`` objects built it."""
    dots = sample_rows(compared, n=MAX_DOTS, keep=compared["agreement"] == "opposite")
    dots = dots.assign(kind=dots["agreement"].str.replace("_", " "))
    figure = px.scatter(dots, x="polarity", y="vader_compound", color="kind",
                        custom_data=["article_id", "idx"], hover_name=sentence_hover(dots),
                        render_mode="webgl" if len(dots) > GL_POINTS else "auto",
                        labels={"polarity": "TextBlob polarity", "vader_compound": "VADER compound", "kind": ""},
                        color_discrete_map=AGREEMENT_COLOURS)
    figure.update_traces(hovertemplate="%{hovertext}<br>TextBlob %{x:.2f} · VADER %{y:.2f}<extra></extra>")
    figure.update_layout(margin={"t": 10}, legend={**TOP_LEGEND, "title_text": ""}, xaxis_range=[-1.05, 1.05],
                         yaxis_range=[-1.05, 1.05])
    return figure
