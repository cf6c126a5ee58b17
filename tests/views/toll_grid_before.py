"""``_joined_cells`` as written before the groups were found on codes (a Python loop over every row sorted by
pandas), kept to check the code version gives the same table (``test_toll_grid_same.py``)."""

from __future__ import annotations

import pandas as pd


def joined_cells_before(cells: pd.DataFrame) -> pd.DataFrame:
    """``cells.groupby(["day", "source"], sort=True)["figure"].agg("; ".join).reset_index()[["source", "day",
    "figure"]]``, joined in one pass over the rows sorted once (a Python join per group through pandas took
    a tenth of a second for the 7,000 source-days of a 10,000-article corpus)."""
    keyed = cells[["day", "source", "figure"]].dropna(subset=["day", "source"])
    order = keyed.sort_values(["day", "source"], kind="stable")  # the groups in order, each group's rows in order
    days, sources, figures = (order[c].tolist() for c in ("day", "source", "figure"))
    out_days, out_sources, out_figures = [], [], []
    for i, (day, source, figure) in enumerate(zip(days, sources, figures)):
        if i and day == days[i - 1] and source == sources[i - 1]:
            out_figures[-1].append(figure)
        else:
            out_days.append(day)
            out_sources.append(source)
            out_figures.append([figure])
    # The keys' types as a groupby gives them: the column's own, or inferred again from plain objects.
    kinds = {c: None if cells[c].dtype == object else cells[c].dtype for c in ("source", "day")}
    return pd.DataFrame({"source": pd.Series(out_sources, dtype=kinds["source"]),
                         "day": pd.Series(out_days, dtype=kinds["day"]),
                         "figure": ["; ".join(parts) for parts in out_figures]})
