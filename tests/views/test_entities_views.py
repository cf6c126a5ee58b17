"""The Entities page's share table: entity by source, as "count (share%)", in ranking order."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.views.entities import share_pivots, share_table


def shares(*rows: tuple[str, str, int, int]) -> pd.DataFrame:
    """``source_shares`` rows from (source, canonical, n_mentions, source_mentions)."""
    frame = pd.DataFrame(rows, columns=["source", "canonical", "n_mentions", "source_mentions"])
    return frame.assign(share=frame["n_mentions"] / frame["source_mentions"])


SHARES = shares(("B", "Kyiv", 3, 4), ("B", "Moscow", 1, 4), ("A", "Kyiv", 0, 3), ("A", "Moscow", 2, 3))


def test_pivots_rows_in_names_order_columns_by_source():
    heat, counts = share_pivots(SHARES, names=["Moscow", "Kyiv"])
    assert list(heat.index) == list(counts.index) == ["Moscow", "Kyiv"]
    assert list(heat.columns) == list(counts.columns) == ["A", "B"]
    assert counts.to_numpy().tolist() == [[2, 1], [0, 3]]
    assert heat.loc["Kyiv", "B"] == 0.75


@pytest.mark.parametrize("names, expected", [
    (["Moscow", "Kyiv"], [["Moscow", "2 (67%)", "1 (25%)"], ["Kyiv", "0 (0%)", "3 (75%)"]]),
    (["Kyiv"], [["Kyiv", "0 (0%)", "3 (75%)"]]),
])
def test_share_table(names, expected):
    table = share_table(SHARES, names=names)
    assert list(table.columns) == ["Entity", "A", "B"]
    assert table.columns.name is None
    assert table.values.tolist() == expected
