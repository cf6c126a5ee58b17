"""The Entities page's source-by-entity table: each entity's share of a source's mentions.

``share_pivots`` turns the long rows of ``analysis.entities.stats.source_shares`` into
two entity-by-source tables (shares and counts) in the order of the ranking;
``share_table`` writes each cell as "count (share%)" for reading.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd


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
    heat = shares.pivot(index="canonical", columns="source", values="share").reindex(names)
    counts = shares.pivot(index="canonical", columns="source", values="n_mentions").reindex(names)
    if columns is not None:
        heat, counts = heat.reindex(columns=list(columns)), counts.reindex(columns=list(columns))
    return heat, counts


def share_table(shares: pd.DataFrame, *, names: Sequence[str], columns: Sequence[str] | None = None) -> pd.DataFrame:
    """The share table for display: column ``Entity``, then one column per source (or group, in ``columns``
    order).

    Each cell reads "count (share%)", e.g. ``"12 (4%)"``; rows in the order of ``names``.
    """
    heat, counts = share_pivots(shares, names=names, columns=columns)
    cells = counts.astype(int).astype(str) + " (" + (heat * 100).round().astype(int).astype(str) + "%)"
    return cells.reset_index().rename(columns={"canonical": "Entity"}).rename_axis(columns=None)
