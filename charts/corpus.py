"""The Corpus page's chart: articles per period of publication (``analysis.views.dates.publication_counts``)."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from charts.served import served

_FORMAT = {"day": "%Y-%m-%d", "week": "week of %Y-%m-%d", "month": "%B %Y", "year": "%Y"}
#: Each unit's length for plotly's ``xperiod``: a bar spans its period.
_PERIOD = {"day": 86_400_000, "week": 7 * 86_400_000, "month": "M1", "year": "M12"}


def dates_figure(counts: pd.DataFrame, unit: str, undated: int) -> go.Figure:
    """One bar per ``unit`` (its article count), hover "week of 2024-03-04: 12 articles"; the undated articles
    are said in the title. Made once to be drawn again (``served``)."""
    hover = [f"{start:{_FORMAT[unit]}}: {n:,} article{'s' if n != 1 else ''}"
             for start, n in zip(counts["start"], counts["articles"])]
    title = f"Articles per {unit} of publication" + (f" ({undated:,} undated, not shown)" if undated else "")
    figure = go.Figure(go.Bar(x=counts["start"].dt.strftime("%Y-%m-%d").tolist(), y=counts["articles"].tolist(),
                              hovertext=hover, hoverinfo="text", marker_color="#4c78a8", xperiod=_PERIOD[unit],
                              xperiodalignment="middle"))
    figure.update_layout(title=dict(text=title, font=dict(size=14)), height=240, bargap=0.1,
                         margin=dict(l=50, r=10, t=40, b=30), yaxis=dict(title="articles", rangemode="tozero"),
                         xaxis=dict(type="date"), showlegend=False)
    return served(figure)
