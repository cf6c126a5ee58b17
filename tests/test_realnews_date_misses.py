"""The real-news benchmark's kinds of event-date miss: which wrong dates the text could not have matched."""

import pytest

from benchmarks.realnews_accuracy import date_miss_kind


def _row(outcome, found="", gold="2016-03-05", published="2016-03-06"):
    return {"event_date": outcome, "event_found": found, "event_gold": gold, "published": published}


@pytest.mark.parametrize("row, kind", [
    (_row("right", "2016-03-05"), ""),
    (_row("unknown", gold=""), ""),
    (_row("wrong", "2016-03-04"), "a day early"),  # "Friday night", logged on Saturday after midnight
    (_row("wrong", "2016-03-06"), "a day late"),  # "early Sunday morning", logged on Saturday
    (_row("wrong", "2015-03-05", gold="2016-03-05", published="2015-03-06"), "gold after publication"),
    (_row("wrong", "2016-02-20"), "other wrong"),  # an earlier shooting recalled
    (_row("wrong", "2016-02-20", published=""), "other wrong"),
    (_row("none", published=""), "undated"),
    (_row("none"), "none"),
])
def test_date_miss_kind(row, kind):
    assert date_miss_kind(row) == kind


def test_a_day_off_is_told_before_a_gold_date_after_publication():
    # gold a day after publication and found on the publication day: one day off first
    assert date_miss_kind(_row("wrong", "2016-03-04", gold="2016-03-05", published="2016-03-04")) == "a day early"
