"""Unconfirmed outliers: a headline figure far above every other report of its day, with no second source.

Rule (per category and event group, dated ``current`` points only): a point is unconfirmed
when its day has at least ``MIN_OTHER_REPORTS`` reports from other sources, its value is
over ``OUTLIER_MARGIN`` (20%) and at least ``OUTLIER_MIN_GAP`` (5) above each of them, and no
other source reported a figure within ``CORROBORATION_TOLERANCE`` (10%) of it that day or
earlier. It is drawn and its sentence shown, but it sets neither the highest-so-far line nor
the band, and later lower reports are not called contradictions of it. A later report from
another source near it is not unconfirmed itself (the earlier one corroborates it), so the
figure counts from the day a second source gives it.

Only figures above the day's others are marked: one below them is the ordinary lag of a
developing toll (yesterday's figure repeated), which the most conservative line is meant to
show and the contradictions list.

Known misses: a day with one other report cannot tell which of two figures is wrong, so
neither is marked; a misread figure that two outlets copied from each other counts as
corroborated.
"""

from __future__ import annotations

import pandas as pd

#: The day needs at least this many reports from other sources to call one far from all of them.
MIN_OTHER_REPORTS = 2
#: Far: over this share above each other report of the day...
OUTLIER_MARGIN = 0.20
#: ...and at least this many people above each.
OUTLIER_MIN_GAP = 5
#: Another source's figure within this share corroborates it.
CORROBORATION_TOLERANCE = 0.10


def _near(a: float, b: float) -> bool:
    return abs(a - b) <= CORROBORATION_TOLERANCE * max(a, b)


def unconfirmed_points(timeline: pd.DataFrame) -> pd.Series:
    """Which timeline rows are unconfirmed outliers (module docstring); a bool Series indexed like ``timeline``."""
    out = pd.Series(False, index=timeline.index, dtype=bool)
    if timeline.empty:
        return out
    points = timeline[(timeline["status"] == "current") & timeline["published"].notna() & timeline["value"].notna()]
    if points.empty:
        return out
    points = points.assign(_day=pd.to_datetime(points["published"]).dt.normalize(),
                           _group=points["event_group"].fillna(0).astype(int))
    for _, in_group in points.groupby(["category", "_group"], sort=False):
        by_day = {day: rows for day, rows in in_group.groupby("_day", sort=True)}
        for day, on_day in by_day.items():
            if on_day["source"].nunique() <= MIN_OTHER_REPORTS:
                continue
            top = on_day["value"].max()
            for index, row in on_day[on_day["value"] == top].iterrows():
                others = on_day[on_day["source"] != row["source"]]["value"]
                value = float(row["value"])
                if len(others) < MIN_OTHER_REPORTS or not all(
                        value > other * (1 + OUTLIER_MARGIN) and value - other >= OUTLIER_MIN_GAP for other in others):
                    continue
                earlier = in_group[(in_group["_day"] <= day) & (in_group["source"] != row["source"])]
                if not any(_near(value, float(v)) for v in earlier["value"]):
                    out[index] = True
    return out
