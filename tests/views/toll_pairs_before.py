"""The Toll page's pairs of a category before they were taken from the whole corpus's contradictions by article
mask (``analysis.views.toll.kept_category_pairs``): of the filtered part's narrowed table."""

from __future__ import annotations

import pandas as pd

from analysis.tables import rows_kept


def category_pairs_before(t, c: str) -> pd.DataFrame:
    keep = (t.contradictions["category"] == c).to_numpy()
    return rows_kept(t.contradictions, keep).set_axis(t.contradictions.index[keep])
