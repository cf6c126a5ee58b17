"""Reading table cells the timeline modules share: missing values, numbers, days, counts in words.

Cells come from pandas rows as dicts, so any of them may be ``None``, ``NaN``, ``NaT``
or ``pd.NA``; these helpers read them without raising.
"""

from __future__ import annotations

from functools import lru_cache

import pandas as pd

from analysis import memory
from analysis.figures.labels import figure_label


def is_missing(value: object) -> bool:
    if value is None:
        return True
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def as_number(value: object) -> float | None:
    if is_missing(value):
        return None
    try:
        return float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None


def as_text(value: object) -> str:
    return "" if is_missing(value) else str(value)


def as_flag(value: object) -> bool:
    return False if is_missing(value) else bool(value)


def flag_column(frame: pd.DataFrame, column: str) -> pd.Series:
    """A flag column as booleans, False where it is missing: a table saved before the column existed
    (reopened and conformed) has it empty."""
    if column not in frame:
        return pd.Series(False, index=frame.index, dtype=bool)
    return frame[column].fillna(False).astype(bool)


def describe_figure(point: dict) -> str:
    """A timeline point's figure in words: ``"at least 60"``, ``"60 to 70"``, ``"133"``."""
    return figure_label(point["value"], point["qualifier"], low=point.get("low"), high=point.get("high"))


def as_day(value: object) -> pd.Timestamp | None:
    return None if is_missing(value) else pd.Timestamp(value).normalize()


def day_text(value: object) -> str:
    try:
        return _day_text_of(value)
    except TypeError:  # unhashable
        day = as_day(value)
        return "" if day is None else day.strftime("%Y-%m-%d")


@lru_cache(maxsize=4096)
def _day_text_of(value: object) -> str:
    day = as_day(value)
    return "" if day is None else day.strftime("%Y-%m-%d")


# Its days are a corpus's: emptied when the session that filled it ends, so they do not keep its memory.
memory.emptied_when_released(_day_text_of.cache_clear)


_NUMBER_WORDS = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight", 9: "nine"}


def count_words(n: int, noun: str, plural: str | None = None) -> str:
    word = _NUMBER_WORDS.get(n, f"{n:,}")
    return f"{word} {noun if n == 1 else (plural or noun + 's')}"


def join_words(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]
