"""The Entities page's source-by-entity table: each entity's share of a source's mentions.

``share_pivots`` turns the long rows of ``analysis.entities.stats.source_shares`` into
two entity-by-source tables (shares and counts) in the order of the ranking;
``share_table`` writes each cell as "count (share%)" for reading.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd


def side_mentions(shares: pd.DataFrame, sides: Sequence[str]) -> dict[str, int]:
    """``{side: its articles' entity mentions}`` for each of ``sides`` from ``source_shares`` rows (0 when absent)."""
    totals = shares.drop_duplicates("source").set_index("source")["source_mentions"]
    return {side: int(totals.get(side, 0)) for side in sides}


def share_pivots(shares: pd.DataFrame, *, names: Sequence[str],
                 columns: Sequence[str] | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Entity-by-source tables of ``share`` and ``n_mentions``, rows in the order of ``names``.

    Args:
        shares: ``source_shares`` rows (source, canonical, n_mentions, share); "source" may hold a
            group label (``source_shares`` of articles whose source is their group).
        names: the entities, in the order to show them.
        columns: the sources (or groups) in the order to show them; by default all, sorted.

    Returns:
        ``(shares, counts)``: both indexed by canonical (in ``names`` order), one column per
        source, a cell per entity and source.
    """
    names = list(names)
    sources = sorted(shares["source"].unique()) if columns is None else list(columns)
    row = pd.Index(names).get_indexer(shares["canonical"]) if pd.Index(names).is_unique else None
    column = pd.Index(sources).get_indexer(shares["source"]) if pd.Index(sources).is_unique else None
    if shares.empty or row is None or column is None or shares.duplicated(["canonical", "source"]).any():
        # what the arrays below do not stand for (no rows, repeated names or sources): the pivots themselves
        # (which raise on a repeated pair)
        heat = shares.pivot(index="canonical", columns="source", values="share").reindex(names)
        counts = shares.pivot(index="canonical", columns="source", values="n_mentions").reindex(names)
        if columns is not None:
            heat, counts = heat.reindex(columns=sources), counts.reindex(columns=sources)
        return heat, counts
    # Each row's cell by position: the pivot's table after its reindex, without building and reindexing a pivot.
    found = (row >= 0) & (column >= 0)
    cells = (row[found], column[found])
    heat = np.full((len(names), len(sources)), np.nan)
    heat[cells] = shares["share"].to_numpy(dtype=np.float64)[found]
    counts = np.full((len(names), len(sources)), np.nan)
    counts[cells] = shares["n_mentions"].to_numpy(dtype=np.float64)[found]
    index, axis = pd.Index(names, name="canonical"), pd.Index(sources, name="source")
    counts = pd.DataFrame(counts, index=index, columns=axis)
    # The counts' types as the pivots left them: whole numbers unless a NaN came in, i.e. unless a pair is missing
    # from the pivot or a name from it (every column then), or the column itself is not the pivot's.
    complete = len(shares) == shares["canonical"].nunique(dropna=False) * shares["source"].nunique(dropna=False) \
        and pd.Index(names).isin(shares["canonical"]).all()
    if complete:
        pivoted = set(shares["source"].unique())
        counts = counts.astype({source: shares["n_mentions"].dtype for source in sources if source in pivoted})
    return pd.DataFrame(heat, index=index, columns=axis), counts


def share_table(shares: pd.DataFrame, *, names: Sequence[str], columns: Sequence[str] | None = None) -> pd.DataFrame:
    """The share table for display: column ``Entity``, then one column per source (or group, in ``columns``
    order).

    Each cell reads "count (share%)", e.g. ``"12 (4%)"``; rows in the order of ``names``.
    """
    heat, counts = share_pivots(shares, names=names, columns=columns)
    cells = counts.astype(int).map("{:,}".format) + " (" + (heat * 100).round().astype(int).astype(str) + "%)"
    return cells.reset_index().rename(columns={"canonical": "Entity"}).rename_axis(columns=None)
