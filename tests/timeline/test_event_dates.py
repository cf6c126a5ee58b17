"""Event dates resolved from the article's words relative to its publication date."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from analysis.timeline.event_dates import add_event_dates, resolve_event_date

D = dt.date

# (text, published, expected date, expected words)
CASES = [
    # relative days
    ("The explosion ripped through the market late last night, officials said.", "2023-06-10", D(2023, 6, 9),
     "late last night"),
    ("A bus crashed into a ravine yesterday, killing 14.", "2022-11-03", D(2022, 11, 2), "yesterday"),
    ("The fire broke out yesterday evening in a warehouse.", "2022-11-03", D(2022, 11, 2), "yesterday evening"),
    ("Rescuers say the dam collapsed the day before yesterday.", "2021-07-20", D(2021, 7, 18),
     "the day before yesterday"),
    ("The quake struck early this morning off the coast.", "2023-02-06", D(2023, 2, 6), "this morning"),
    ("Gunmen stormed the hotel two days ago and are still inside.", "2019-04-05", D(2019, 4, 3), "two days ago"),
    ("The ferry sank 3 days ago near the island.", "2019-04-05", None, ""),  # "sank" is not a cue word
    ("The ferry disaster happened 3 days ago near the island.", "2019-04-05", D(2019, 4, 2), "3 days ago"),
    ("The flooding began last week after days of rain.", "2020-09-15", D(2020, 9, 8), "last week"),
    ("The train derailed overnight near the border.", "2018-01-09", D(2018, 1, 8), "overnight"),
    # weekdays: 2024-03-24 is a Sunday
    ("The attack took place on Friday during a concert.", "2024-03-24", D(2024, 3, 22), "on Friday"),
    ("The tragic event unfolded on a quiet spring Friday.", "2024-03-24", D(2024, 3, 22), "on a quiet spring Friday"),
    ("The stabbing happened Saturday night outside a bar.", "2024-03-24", D(2024, 3, 23), "Saturday night"),
    ("The shooting happened on Sunday.", "2024-03-24", D(2024, 3, 24), "on Sunday"),
    ("The shooting happened last Sunday.", "2024-03-24", D(2024, 3, 17), "last Sunday"),
    # absolute dates, with and without a year
    ("The earthquake struck on March 22 at dawn.", "2024-03-25", D(2024, 3, 22), "on March 22"),
    ("The earthquake struck on 22 March.", "2024-03-25", D(2024, 3, 22), "on 22 March"),
    ("The blast occurred on Dec. 30 in the port.", "2024-01-04", D(2023, 12, 30), "on Dec. 30"),
    ("The bombing happened on June 3, 2017, in the city centre.", None, D(2017, 6, 3), "on June 3, 2017"),
    ("The raid took place on the 4th of July.", "2023-07-06", D(2023, 7, 4), "on the 4th of July"),
    ("The raid took place on the 4th.", "2023-07-06", None, ""),  # no month: a known miss
    # nothing to resolve, or not the event
    ("Officials will meet on Monday to discuss aid.", "2024-03-24", None, ""),  # no event cue
    ("It was the deadliest attack since March 11, 2004.", "2024-03-24", None, ""),  # a reference point
    ("The attack was planned for next Friday.", "2024-03-24", None, ""),  # future
    ("The attack happened yesterday.", None, None, ""),  # relative, but undated article
    ("Casualty figures may rise as March goes on.", "2024-03-24", None, ""),  # 'may', 'March' not dates
    ("The storm hit on April 30.", "2024-04-10", None, ""),  # would be after publication this year, 11 months back
    ("The storm hit on April 30.", "2024-05-10", D(2024, 4, 30), "on April 30"),
    ("The death toll from the flood rose to 27 on Tuesday.", "2024-03-24", None, ""),  # date of the update
    ("At least 19 people died in the fire, the mayor said on Sunday.", "2024-03-24", None, ""),  # of the statement
    ("At least 19 people died when the fire broke out on Saturday, the mayor said.", "2024-03-24", D(2024, 3, 23),
     "on Saturday"),
    ("", "2024-03-24", None, ""),
]


@pytest.mark.parametrize(("text", "published", "expected", "words"), CASES)
def test_resolve_event_date(text, published, expected, words):
    assert resolve_event_date(text, published) == (expected, words)


def test_first_dated_event_sentence_wins_over_later_context():
    text = ("A landslide buried a village on Tuesday, killing at least 20. "
            "A smaller landslide hit the same valley on March 2.")
    assert resolve_event_date(text, pd.Timestamp("2023-03-09")) == (D(2023, 3, 7), "on Tuesday")


def test_max_days_before_limits_old_references():
    text = "The attack happened on January 5."
    assert resolve_event_date(text, "2023-03-20") == (None, "")
    assert resolve_event_date(text, "2023-03-20", max_days_before=90) == (D(2023, 1, 5), "on January 5")


def test_add_event_dates_keeps_input_and_types():
    articles = pd.DataFrame({
        "article_id": ["a", "b", "c"],
        "text": ["The blast happened yesterday.", "The blast happened yesterday.", "No date here."],
        "published": pd.to_datetime(["2024-05-02", None, "2024-05-02"]),
    })
    before = articles.copy()
    out = add_event_dates(articles)
    pd.testing.assert_frame_equal(articles, before)
    assert out["event_date"].tolist()[0] == pd.Timestamp("2024-05-01")
    assert out["event_date"].isna().tolist() == [False, True, True]
    assert out["event_date_text"].tolist() == ["yesterday", "", ""]
    assert pd.api.types.is_datetime64_dtype(out["event_date"])


def test_add_event_dates_empty_table():
    out = add_event_dates(pd.DataFrame({"text": pd.Series(dtype=object),
                                        "published": pd.Series(dtype="datetime64[ns]")}))
    assert list(out.columns[-2:]) == ["event_date", "event_date_text"]
    assert out.empty


def test_every_date_expression_contains_its_guard_words():
    # A text is only searched with a pattern when it contains the pattern's guard words: check that every
    # expression the cases rely on (and a few more) carries them, so the shortcut never hides a date.
    from analysis.timeline.event_dates import _GUARDS, _PATTERNS

    texts = [text for text, *_ in CASES] + [
        "It happened OVERNIGHT, in the Early Hours of Tuesday.", "Tonight and THIS EVENING", "a week ago",
        "one week ago; an day ago; 10 days ago", "Sept. 3rd, 2021 and 3rd of Sept 2021", "the night of Jan 5",
    ]
    matched = set()
    for text in texts:
        for kind, pattern in _PATTERNS:
            for match in pattern.finditer(text):
                matched.add(kind)
                assert _GUARDS[kind].search(match.group(0)), (kind, match.group(0))
    assert matched == set(_GUARDS)
