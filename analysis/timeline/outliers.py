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

import bisect
import itertools

import pandas as pd

#: The day needs at least this many reports from other sources to call one far from all of them.
MIN_OTHER_REPORTS = 2
#: Far: over this share above each other report of the day...
OUTLIER_MARGIN = 0.20
#: ...and at least this many people above each.
OUTLIER_MIN_GAP = 5
#: Another source's figure within this share corroborates it.
CORROBORATION_TOLERANCE = 0.10


def _corroborated(value: float, source: str, seen: list[tuple[float, str]]) -> bool:
    """Whether another source in ``seen`` (sorted by value) gave a figure within the tolerance of ``value``."""
    low = value * (1 - CORROBORATION_TOLERANCE)
    high = value / (1 - CORROBORATION_TOLERANCE)
    start = bisect.bisect_left(seen, (low, ""))
    for other, other_source in seen[start:]:
        if other > high:
            return False
        if other_source != source and abs(value - other) <= CORROBORATION_TOLERANCE * max(value, other):
            return True
    return False


def _far_above(value: float, others: list[float]) -> bool:
    return len(others) >= MIN_OTHER_REPORTS and all(
        value > other * (1 + OUTLIER_MARGIN) and value - other >= OUTLIER_MIN_GAP for other in others)


def unconfirmed_points(timeline: pd.DataFrame) -> pd.Series:
    """Which timeline rows are unconfirmed outliers (module docstring); a bool Series indexed like ``timeline``.

    One pass per category and event group, in day order, over the figures seen so far kept sorted by
    value, so it stays quick with many thousands of points.
    """
    out = pd.Series(False, index=timeline.index, dtype=bool)
    if timeline.empty:
        return out
    points = timeline[(timeline["status"] == "current") & timeline["published"].notna() & timeline["value"].notna()]
    if points.empty:
        return out
    frame = pd.DataFrame({"category": points["category"].to_numpy(),
                          "group": points["event_group"].fillna(0).astype(int).to_numpy(),
                          "day": pd.to_datetime(points["published"]).dt.normalize().to_numpy(),
                          "source": points["source"].astype(str).to_numpy(),
                          "value": points["value"].astype(float).to_numpy()}, index=points.index)
    frame = frame.sort_values(["category", "group", "day"], kind="stable")
    marked = []
    for _, in_group in frame.groupby(["category", "group"], sort=False):
        seen: list[tuple[float, str]] = []  # (value, source) of every earlier day, sorted
        rows = list(zip(in_group.index, in_group["day"], in_group["source"], in_group["value"]))
        for _, same_day in itertools.groupby(rows, key=lambda row: row[1]):
            on_day = list(same_day)
            if len({source for _, _, source, _ in on_day}) > MIN_OTHER_REPORTS:
                top = max(value for *_, value in on_day)
                for index, _, source, value in on_day:
                    if value != top:
                        continue
                    others = [v for _, _, s, v in on_day if s != source]
                    if _far_above(value, others) and not _corroborated(value, source, seen):
                        marked.append(index)
            for _, _, source, value in on_day:
                bisect.insort(seen, (value, source))
    out[marked] = True
    return out
