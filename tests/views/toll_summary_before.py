"""``category_choices`` as first written (a pandas groupby of the article ids per category), kept to check the
code on codes that replaced it gives the same choices and counts (``test_toll_summary_speed.py``)."""

from __future__ import annotations

import pandas as pd

from analysis.schema import HEADLINE_CATEGORIES
from analysis.timeline.points import TOLL_CATEGORIES


def category_choices_before(timeline: pd.DataFrame) -> tuple[list[str], dict[str, int], str]:
    current = timeline[timeline["status"] == "current"]
    counts = {str(c): int(n) for c, n in current.groupby("category")["article_id"].nunique().items()}
    options = list(TOLL_CATEGORIES) + [c for c in HEADLINE_CATEGORIES if c not in TOLL_CATEGORIES and counts.get(c)]
    default = next((c for c in options if counts.get(c)), options[0])
    return options, counts, default
