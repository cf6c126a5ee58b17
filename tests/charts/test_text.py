"""Escaping for plotly: every value as ``html.escape(str(value))`` would write it, whatever the column's type."""

import html

import pandas as pd
import pytest

from charts.text import escaped, escaped_list

VALUES = ["<script>alert(1)</script>", "Tom & Jerry's \"show\"", "plain", "", "&amp; already", "é <ü> &", "a>b<c"]


@pytest.mark.parametrize("series", [
    pd.Series(VALUES, dtype="str"),
    pd.Series(VALUES, dtype=object),
    pd.Series([*VALUES, None], dtype="str"),
    pd.Series(["x", 3, 2.5, None, pd.NA], dtype=object),
    pd.Series(VALUES, dtype="str", index=[10 * i for i in range(len(VALUES))]),
])
def test_escaped_is_html_escape_of_each_value(series):
    got = escaped(series)
    assert got.tolist() == [html.escape(str(value)) for value in series]
    assert got.index.equals(series.index)


def test_escaped_list():
    assert escaped_list(["<b>", 1]) == ["&lt;b&gt;", "1"]
