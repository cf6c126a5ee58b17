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


def test_share_table_counts_in_the_thousands_read_with_separators():
    table = share_table(shares(("A", "Kyiv", 12_345, 50_000), ("A", "Moscow", 999, 50_000)), names=["Kyiv", "Moscow"])
    assert table.values.tolist() == [["Kyiv", "12,345 (25%)"], ["Moscow", "999 (2%)"]]


def old_share_pivots(shares, *, names, columns=None):
    """``share_pivots`` as it was (two pivots and their reindexing), kept to prove the arrays give the same tables."""
    heat = shares.pivot(index="canonical", columns="source", values="share").reindex(names)
    counts = shares.pivot(index="canonical", columns="source", values="n_mentions").reindex(names)
    if columns is not None:
        heat, counts = heat.reindex(columns=list(columns)), counts.reindex(columns=list(columns))
    return heat, counts


WIDE = shares(*[(source, name, (i * 7 + j * 3) % 5, 9) for i, source in enumerate(["Z", "a", "É", "<b>"])
                for j, name in enumerate(["Kyiv", "Moscow", "Éire", "abc"])])


@pytest.mark.parametrize(("frame", "names", "columns"), [
    (SHARES, ["Moscow", "Kyiv"], None),
    (SHARES, ["Kyiv"], ["B", "A"]),
    (SHARES, ["Kyiv", "Nobody"], None),               # a name without rows: NaN, the counts floats
    (SHARES, ["Moscow"], ["A", "Nowhere"]),           # a column without rows
    (WIDE, ["abc", "Éire", "Kyiv", "Moscow"], None),
    (WIDE, ["Moscow", "abc"], ["É", "Z", "<b>"]),
    (WIDE.iloc[:0], ["Moscow"], None),                # no rows at all
])
def test_share_pivots_give_the_old_tables(frame, names, columns):
    got, want = share_pivots(frame, names=names, columns=columns), old_share_pivots(frame, names=names, columns=columns)
    for made, old in zip(got, want):
        pd.testing.assert_frame_equal(made, old, check_exact=True)


def test_a_repeated_pair_still_raises_as_the_pivot_did():
    with pytest.raises(ValueError):
        share_pivots(pd.concat([SHARES, SHARES.iloc[[0]]]), names=["Kyiv"])
