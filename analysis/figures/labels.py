"""Plain-language labels for figures, shared by tables, charts and summaries."""

from __future__ import annotations

import pandas as pd

_QUALIFIER_WORDS = {
    "exact": "",
    "at_least": "at least ",
    "over": "over ",
    "about": "about ",
    "up_to": "up to ",
}


def _is_missing(value: object) -> bool:
    return value is None or bool(pd.isna(value))


def format_count(value: object) -> str:
    """``1234.0`` -> ``"1,234"``; ``1.5`` stays ``"1.5"``; missing -> ``""``."""
    if _is_missing(value):
        return ""
    number = float(value)  # type: ignore[arg-type]
    return f"{int(number):,}" if number.is_integer() else f"{number:,}"


def figure_label(value: object, qualifier: object = "exact", *, low: object = None, high: object = None,
                 may_rise: object = False) -> str:
    """A figure as words: ``"at least 60 (may rise)"``, ``"60 to 70"``, ``"133"``."""
    if _is_missing(value):
        return ""
    if qualifier == "range" and not _is_missing(low) and not _is_missing(high):
        text = f"{format_count(low)} to {format_count(high)}"
    else:
        text = _QUALIFIER_WORDS.get(str(qualifier), "") + format_count(value)
    if not _is_missing(may_rise) and bool(may_rise):
        text += " (may rise)"
    return text


def distinct_labels(labels: list[str]) -> list[str]:
    """``labels`` with each repeat numbered by its order ("killed: 3 — Wire", "killed: 3 — Wire (2)", ...).

    A picker that shows labels must show distinct ones: Streamlit's selectbox maps a shown label back to one
    option, so of several figures with the same label all but one could never be picked (a quarter of the
    figures at 10,000 articles)."""
    seen: dict[str, int] = {}
    distinct = []
    for label in labels:
        n = seen[label] = seen.get(label, 0) + 1
        distinct.append(label if n == 1 else f"{label} ({n})")
    return distinct
