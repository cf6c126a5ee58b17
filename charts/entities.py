"""The Entities page's figures: the most named entities, who names whom by source, and who is named together.

Entity and source names are article text: they are HTML-escaped in every label and
hover text here (plotly renders them as HTML). No streamlit here: the page passes the
figures to ``st.plotly_chart``.

Each figure is written as a plain spec (``*_spec``, drawn with ``charts.served.served_spec``): the JSON plotly
express made for it (``tests/charts/px_entities.py``), without plotly express, which took 0.03-0.05 s per figure
of an Entities rerun at 10,000 articles.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd
import plotly.colors
import plotly.graph_objects as go
import plotly.io as pio

from analysis.views.entities import share_pivots, side_mentions
from analysis.views.groups import thin_sides
from charts.groups import TOP_LEGEND, thin_heatmap
from charts.text import escaped_list


def template_colours() -> list[str]:
    """The default template's colour sequence, as plotly express colours traces with it."""
    template = pio.templates[pio.templates.default or "plotly"]
    return list(template.layout.colorway or plotly.colors.qualitative.D3)


def legend_spec(title: str) -> dict:
    """``TOP_LEGEND`` with ``title``, written out as plotly's validation leaves it (``font_size`` -> ``font``)."""
    legend = {"title": {"text": title}, "tracegroupgap": 0}
    for key, value in TOP_LEGEND.items():
        if key.startswith("font_"):
            legend.setdefault("font", {})[key.removeprefix("font_")] = value
        else:
            legend[key] = value
    return legend


def _heatmap(z: np.ndarray, *, x: list[str], y: list[str], scale: str, title: str) -> tuple[dict, dict]:
    """The trace and the colour axis ``px.imshow(z, x=x, y=y, color_continuous_scale=scale, aspect="auto",
    labels={"color": title})`` makes."""
    colours = getattr(plotly.colors.sequential, scale)
    trace = {"coloraxis": "coloraxis", "name": "0", "x": x, "y": y, "z": z, "type": "heatmap", "xaxis": "x",
             "yaxis": "y"}
    axis = {"colorbar": {"title": {"text": title}}, "autocolorscale": False,
            "colorscale": [[i / (len(colours) - 1), colour] for i, colour in enumerate(colours)]}
    return trace, axis


def top_entities_spec(top: pd.DataFrame) -> dict:
    """Horizontal bars of the most named entities, one bar per entity coloured by its type.

    Args:
        top: ``top_entities`` rows (canonical, label, mentions, articles, sources), in the
            order to show them from the top down.

    Returns:
        A bar chart with one trace per entity type (in order of first appearance); the bar's text is its
        mentions, the hover adds the numbers of articles and sources.
    """
    names, kinds = escaped_list(top["canonical"]), escaped_list(top["label"])
    mentions = top["mentions"].to_numpy()
    custom = top[["articles", "sources"]].to_numpy()
    colours = template_colours()
    traces = []
    for i, kind in enumerate(dict.fromkeys(kinds)):
        rows = [at for at, k in enumerate(kinds) if k == kind]
        traces.append({
            "customdata": custom[rows],
            "hovertemplate": "%{y}: %{x} mentions in %{customdata[0]} articles, %{customdata[1]} sources"
                             "<extra></extra>",
            "legendgroup": kind, "marker": {"color": colours[i % len(colours)], "pattern": {"shape": ""}},
            "name": kind, "orientation": "h", "showlegend": True, "text": mentions[rows].astype(np.float64),
            "textposition": "auto", "x": mentions[rows], "xaxis": "x", "y": [names[at] for at in rows],
            "yaxis": "y", "type": "bar"})
    return {"data": traces, "layout": {
        "xaxis": {"anchor": "y", "domain": [0.0, 1.0], "title": {"text": "mentions"}},
        "yaxis": {"anchor": "x", "domain": [0.0, 1.0], "title": {"text": ""}, "categoryorder": "array",
                  "categoryarray": names[::-1]},  # the first row on top
        "legend": legend_spec("type"), "margin": {"t": 10}, "barmode": "relative", "height": 120 + 24 * len(top)}}


def top_entities_figure(top: pd.DataFrame) -> go.Figure:
    """``top_entities_spec`` as a figure."""
    return go.Figure(top_entities_spec(top), _validate=False)


def source_share_spec(shares: pd.DataFrame, *, names: Sequence[str], columns: Sequence[str] | None = None,
                      members: Mapping[str, str] | None = None) -> dict:
    """A heatmap of entity (rows, in the order of ``names``) by source or group (columns): the entity's share
    of the column's entity mentions, with the count (and a group's outlets) in the hover.

    Args:
        shares: ``source_shares`` rows (source, canonical, n_mentions, share); "source" may be a group.
        names: the entities, from the top row down.
        columns: the sources or groups, left to right (by default all, sorted); the page passes at most
            8 groups and "other", so the columns stay wide enough to read at any number of sources.
        members: ``{group: its outlets}`` for the hover, not escaped; optional.

    Columns too thin to compare (``thin_sides`` of their mentions) are drawn grey over the heatmap, and the
    colour scale spans the other columns' shares only.
    """
    heat, counts = share_pivots(shares, names=names, columns=columns)
    about = [html.escape((members or {}).get(c, "")) for c in heat.columns]
    custom = np.dstack([counts.to_numpy(dtype=object), np.tile(np.array(about, dtype=object), (len(heat), 1))])
    z, x, y = heat.to_numpy(dtype="float64"), escaped_list(heat.columns), escaped_list(heat.index)
    thin = np.isin(heat.columns, thin_sides(side_mentions(shares, list(heat.columns))))
    trace, axis = _heatmap(np.where(thin, np.nan, z) if thin.any() else z, x=x, y=y, scale="Blues", title="share")
    hover = ("%{y} in %{x}: %{customdata[0]} mentions (%{z:.0%})" + ("<br>%{customdata[1]}" if members else "")
             + "<extra></extra>")
    trace.update(customdata=custom, hovertemplate=hover)
    scaled = z[:, ~thin] if thin.any() else z
    # whole percents repeat on a scale under 10% ("2%, 2%, 1%, 1%"): one decimal there
    axis["colorbar"]["tickformat"] = ".1%" if np.nanmax(scaled, initial=0.0) < 0.1 else ".0%"
    greys = []
    if thin.any():
        # the colour scale is the other columns'; the thin ones keep their hover, with a word on why grey
        kept = z[:, ~thin][np.isfinite(z[:, ~thin])]
        if kept.size:
            axis.update(cmin=float(kept.min()), cmax=float(kept.max()))
        grey = thin_heatmap(np.where(thin, z, np.nan), x=x, y=y)
        del grey["hoverinfo"]
        greys = [{**grey, "customdata": custom,
                  "hovertemplate": hover.replace("<extra>", " — too few mentions to compare<extra>")}]
    return {"data": [trace, *greys], "layout": {
        # slanted at 45 degrees, so neighbouring labels never overlap on a narrow screen
        "xaxis": {"anchor": "y", "domain": [0.0, 1.0], "side": "top", "tickangle": 0 if len(heat.columns) <= 2 else -45},
        "yaxis": {"anchor": "x", "domain": [0.0, 1.0], "autorange": "reversed"},
        "coloraxis": axis, "margin": {"t": 10}, "height": 140 + 24 * len(names)}}


def source_share_figure(shares: pd.DataFrame, *, names: Sequence[str], columns: Sequence[str] | None = None,
                        members: Mapping[str, str] | None = None) -> go.Figure:
    """``source_share_spec`` as a figure."""
    return go.Figure(source_share_spec(shares, names=names, columns=columns, members=members), _validate=False)


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


def cooccurrence_spec(pairs: pd.DataFrame, *, names: Sequence[str]) -> dict:
    """A heatmap of how many sentences name both entities of a pair (``cooccurrence_matrix``).

    Args:
        pairs: ``cooccurrence`` rows, not empty.
        names: the entities in the order to show them.
    """
    matrix = cooccurrence_matrix(pairs, names=names)
    labels = escaped_list(matrix.index)
    trace, axis = _heatmap(matrix.to_numpy(), x=labels, y=labels, scale="Oranges", title="sentences")
    trace["hovertemplate"] = "%{y} + %{x}: %{z} sentences<extra></extra>"
    return {"data": [trace], "layout": {
        "xaxis": {"anchor": "y", "domain": [0.0, 1.0]},
        "yaxis": {"anchor": "x", "domain": [0.0, 1.0], "autorange": "reversed"},
        "coloraxis": axis, "margin": {"t": 10}, "height": 160 + 24 * len(matrix)}}


def cooccurrence_figure(pairs: pd.DataFrame, *, names: Sequence[str]) -> go.Figure:
    """``cooccurrence_spec`` as a figure."""
    return go.Figure(cooccurrence_spec(pairs, names=names), _validate=False)
