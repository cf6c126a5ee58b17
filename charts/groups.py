"""Colours and legends for charts that compare groups of sources (``analysis.views.groups``).

At most 8 named groups and "other" reach a chart, so 8 distinct colours and a grey suffice;
a legend sits above the plot, in a row that wraps, and plotly's automatic margins make room
for it there instead of shrinking or covering the plot. No streamlit here.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from analysis.views.groups import OTHER

#: One colour per named group, in the groups' order (Tableau 10 without its grey and olive).
GROUP_COLOURS: tuple[str, ...] = ("#4e79a7", "#e15759", "#59a14f", "#f28e2b", "#b07aa1", "#76b7b2",
                                  "#9c755f", "#ff9da7")
OTHER_COLOUR = "#a0a0a0"
#: The cells of sides too small to compare (``thin_sides``): visibly off the colour scale.
THIN_GREY = "#e8e8e8"
#: The layout of a legend above the plot area: a horizontal row that wraps, left-aligned.
TOP_LEGEND = dict(orientation="h", yanchor="bottom", y=1.02, xanchor="left", x=0,
                  font_size=12)


def group_colours(order: Sequence[str]) -> dict[str, str]:
    """A colour per group label in ``order``; ``OTHER`` and labels past the palette are grey."""
    named = [g for g in order if g != OTHER]
    colours = {g: GROUP_COLOURS[i] if i < len(GROUP_COLOURS) else OTHER_COLOUR for i, g in enumerate(named)}
    if OTHER in order:
        colours[OTHER] = OTHER_COLOUR
    return colours


def members_text(articles: pd.DataFrame, *, column: str = "group", limit: int = 4) -> dict[str, str]:
    """Per group label: its sources by number of articles, at most ``limit`` then "+N more"
    (``"tass.ru, rt.com +3 more"``), for hover text. Not escaped.

    Args:
        articles: rows with ``source`` and the group ``column``.
    """
    out = {}
    for group, sources in articles.groupby(column, sort=False)["source"]:
        counts = sources.value_counts()
        names = sorted(counts.index, key=lambda s: (-counts[s], str(s)))
        more = len(names) - limit
        out[group] = ", ".join(str(s) for s in names[:limit]) + (f" +{more} more" if more > 0 else "")
    return out


def thin_heatmap(z: np.ndarray, *, x: list[str], y: list[str], template: str | None = None) -> dict:
    """A heatmap trace of the thin sides' cells (``z``, NaN in every other cell) in one flat grey, drawn over the
    coloured one, their value written in the cell when ``template`` is given; no colour bar, hover skipped."""
    trace = {"colorscale": [[0, THIN_GREY], [1, THIN_GREY]], "hoverinfo": "skip", "showscale": False,
             "x": x, "xgap": 2, "y": y, "ygap": 2, "z": z, "type": "heatmap"}
    if template:
        trace.update(textfont={"size": 11, "color": "#555555"}, texttemplate=template)
    return trace
