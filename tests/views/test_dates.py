"""Articles per period of publication: the finest unit that fits, empty periods kept, undated counted apart."""

import pandas as pd
import pytest

from analysis.views.dates import publication_counts


def articles(dates: list[str | None]) -> pd.DataFrame:
    return pd.DataFrame({"article_id": [f"a{i}" for i in range(len(dates))],
                         "published": pd.to_datetime(pd.Series(dates, dtype=object), format="ISO8601")})


@pytest.mark.parametrize("dates, unit, starts, counts, undated", [
    (["2024-03-01", "2024-03-03 14:00", None, "2024-03-03"], "day",
     ["2024-03-01", "2024-03-02", "2024-03-03"], [1, 0, 2], 1),
    (["2024-01-01", "2024-09-03"], "week", ["2024-01-01", "2024-01-08"], [1, 0], 0),  # weeks from Monday
    (["2015-02-10", "2024-12-03", None, None], "month", ["2015-02-01", "2015-03-01"], [1, 0], 2),
    (["1900-06-01", "2024-12-03"], "year", ["1900-01-01", "1901-01-01"], [1, 0], 0),  # past 200 months
    ([None, None], "day", [], [], 2),
])
def test_publication_counts(dates, unit, starts, counts, undated):
    table, got_unit, got_undated = publication_counts(articles(dates))
    assert (got_unit, got_undated) == (unit, undated)
    assert [f"{s:%Y-%m-%d}" for s in table["start"][:len(starts)]] == starts
    assert table["articles"].tolist()[:len(counts)] == counts
    assert int(table["articles"].sum()) == len(dates) - undated


def test_a_long_span_has_at_most_200_bars_and_the_input_is_not_changed():
    frame = articles(["2020-01-01", "2021-12-31"])
    before = frame.copy()
    table, unit, _ = publication_counts(frame)
    assert unit == "week" and len(table) <= 200
    pd.testing.assert_frame_equal(frame, before)
