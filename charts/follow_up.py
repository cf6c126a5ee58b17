"""Time axes that open on an event's main period while its follow-up coverage lies further right.

Shared by the Toll and Tone charts: months of anniversary and trial coverage after a three-week
story would otherwise squeeze the main period into a sliver at the left of the axis.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd
import plotly.graph_objects as go


def follow_up_note(later: Iterable, *, n_articles: int) -> dict:
    """A one-line note at the bottom right of the plot (where a rising toll leaves room), as a layout
    annotation: how many follow-up reports lie beyond the opening view, and in which months."""
    when = [pd.Timestamp(x) for x in later]
    first, last = min(when), max(when)
    span = f"{first:%b %Y}" if f"{first:%b %Y}" == f"{last:%b %Y}" else f"{first:%b %Y} – {last:%b %Y}"
    return dict(xref="paper", yref="paper", x=1, y=0, xanchor="right", yanchor="bottom", showarrow=False,
                align="right", text=f"{n_articles} follow-up report{'s' if n_articles != 1 else ''} later ({span}) →",
                font=dict(size=11, color="#555555"), bgcolor="rgba(255,255,255,0.85)")


def add_follow_up_note(figure: go.Figure, later: Iterable, *, n_articles: int) -> None:
    """``follow_up_note`` added to ``figure``."""
    figure.add_annotation(**follow_up_note(later, n_articles=n_articles))
