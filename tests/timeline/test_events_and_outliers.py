"""One event and its follow-up coverage told apart from several events; unconfirmed outliers. Small invented corpora."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.schema import conform
from analysis.timeline.bands import summary_band
from analysis.timeline.contradictions import find_contradictions
from analysis.timeline.events import event_groups
from analysis.timeline.points import build_timeline, follow_up_notes, mixed_event_notes
from analysis.timeline.summary import summarise
from tests.timeline.helpers import article, tables


def places(*rows: tuple[str, str]) -> pd.DataFrame:
    """An entities table naming places: ``("a1", "Tarnow")`` -> a GPE row for article a1."""
    return conform(pd.DataFrame([{"article_id": a, "canonical": p, "label": "GPE", "mentions": 1}
                                 for a, p in rows]), "entities")


def quake_week(place: str = "Tarnow") -> tuple[list[dict], list[tuple[str, str]]]:
    """A week of a rising toll in one town: 12, 30, 41, 41."""
    arts = [article("w1", "2023-05-01", event_date="2023-04-30", killed=(12, "at_least", True)),
            article("w2", "2023-05-02", event_date="2023-04-30", killed=(30, "exact", False)),
            article("w3", "2023-05-04", killed=(41, "exact", False)),
            article("w4", "2023-05-07", killed=(41, "exact", False))]
    return arts, [(a["article_id"], place) for a in arts]


# (what the later articles are, their rows, the places they name, same event?)
LATER_CASES = [
    ("trial restates the toll in the same town",
     [article("t1", "2023-11-20", killed=(41, "exact", False))], [("t1", "Tarnow")], True),
    ("anniversary restates it within 10% (a later death)",
     [article("t1", "2024-04-30", killed=(43, "exact", False))], [("t1", "Tarnow")], True),
    ("follow-up that names the town only in its text",
     [article("t1", "2023-11-20", killed=(41, "exact", False))], [], True),
    ("follow-up without any figure, in the same town",
     [article("t1", "2023-11-20")], [("t1", "Tarnow")], True),
    ("same toll, another town",
     [article("t1", "2023-11-20", killed=(41, "exact", False))], [("t1", "Lugo")], False),
    ("same town, another toll: a new disaster there",
     [article("t1", "2023-11-20", killed=(7, "exact", False))], [("t1", "Tarnow")], False),
    ("same town and toll, but its event date is another day",
     [article("t1", "2023-11-20", event_date="2023-11-19", killed=(41, "exact", False))], [("t1", "Tarnow")],
     False),
    ("a mixed later period: most of its tolls are another event's",
     [article("t1", "2023-11-20", killed=(41, "exact", False)), article("t2", "2023-11-21", killed=(5, "exact", False)),
      article("t3", "2023-11-21", killed=(6, "exact", False))], [("t1", "Tarnow"), ("t2", "Tarnow"), ("t3", "Tarnow")],
     False),
]


@pytest.mark.parametrize(("what", "later", "later_places", "same_event"), LATER_CASES,
                         ids=[case[0] for case in LATER_CASES])
def test_later_articles_are_follow_up_or_another_event(what, later, later_places, same_event):
    arts, named = quake_week()
    if what == "follow-up that names the town only in its text":
        later = [{**later[0], "text": "Six months after the earthquake in Tarnow killed 41 people, ..."}]
    a, _ = tables(arts + later, [])
    grouped = event_groups(a, entities=places(*named, *later_places))
    in_week = grouped["event_group"].iloc[:4].tolist()
    assert in_week == [1, 1, 1, 1]
    assert not grouped["follow_up"].iloc[:4].any()  # the main developing period
    later_groups = grouped["event_group"].iloc[4:].tolist()
    if same_event:
        assert later_groups == [1] * len(later)
        assert grouped["follow_up"].iloc[4:].all()
        assert not any("separate events" in note for note in mixed_event_notes(a, entities=places(*named,
                                                                                                  *later_places)))
    else:
        assert all(g == 2 for g in later_groups)
        assert not grouped["follow_up"].any()
        assert "2 separate events" in mixed_event_notes(a, entities=places(*named, *later_places))[0]


def test_without_places_a_restated_toll_alone_is_another_event():
    """Nothing ties them: the rule does not guess from a number alone."""
    arts, _ = quake_week()
    a, _ = tables(arts + [article("t1", "2023-11-20", killed=(41, "exact", False))], [])
    assert event_groups(a)["event_group"].tolist() == [1, 1, 1, 1, 2]


def test_a_later_article_naming_the_event_date_is_follow_up_coverage():
    """"the April 30, 2023 earthquake" months later: the event date puts it in the event, the
    publication date after the main period makes it follow-up."""
    arts, named = quake_week()
    a, _ = tables(arts + [article("t1", "2023-11-20", event_date="2023-04-30", killed=(41, "exact", False))], [])
    grouped = event_groups(a)
    assert grouped["event_group"].tolist() == [1] * 5
    assert grouped["follow_up"].tolist() == [False] * 4 + [True]


def test_follow_up_is_after_the_largest_run_of_coverage():
    """A stray early article does not make the main coverage "follow-up"."""
    arts, named = quake_week()
    early = article("e0", "2023-04-10", event_date="2023-04-30", killed=(12, "exact", False))  # a misdated key
    a, _ = tables([early] + arts, [])
    grouped = event_groups(a, entities=places(*named))
    assert not grouped["follow_up"].any()


def test_follow_up_in_the_timeline_summary_and_band():
    arts, named = quake_week()
    later = [article("t1", "2023-11-20", killed=(41, "exact", False)),
             article("t2", "2024-04-30", killed=(42, "exact", False))]
    ents = places(*named, ("t1", "Tarnow"), ("t2", "Tarnow"))
    a, f = tables(arts + later, [])
    timeline = build_timeline(a, f, entities=ents)
    assert timeline["follow_up"].tolist() == [False] * 4 + [True, True]
    assert set(timeline["event_group"]) == {1}
    lines = summarise(timeline, find_contradictions(a, f, timeline=timeline), articles=a, entities=ents)
    assert lines[0] == ("One event with follow-up coverage: the main coverage runs 2023-05-01 to 2023-05-07 "
                        "(four articles); two later articles (2023-11-20 to 2024-04-30) restate its toll or name its "
                        "place or event date, and are shown after it as follow-up coverage.")
    assert lines[1] == ("Deaths: reported from at least 12 (2023-05-01) to 41 (2023-05-04); two follow-up articles "
                        "(2023-11-20 to 2024-04-30) report 41 and 42")
    assert follow_up_notes(a, entities=ents) == [lines[0]]
    assert summary_band(timeline, category="killed")["highest"].tolist() == [12.0, 30.0, 41.0, 41.0, 41.0, 42.0]


# (the reports of one day as (source, value), which are unconfirmed)
DAY_CASES = [
    ("one wild figure among three agreeing", [("a", 139), ("b", 139), ("c", 143), ("d", 182)], ["d"]),
    ("two sources give it: corroborated", [("a", 139), ("b", 143), ("c", 182), ("d", 180)], []),
    ("the same source twice is no second source", [("a", 139), ("b", 143), ("c", 182), ("c", 182)], ["c", "c"]),
    ("only one other report: which is wrong is unknown", [("a", 139), ("d", 182)], []),
    ("within 20% of another report", [("a", 120), ("b", 139), ("d", 160)], []),
    ("far below the others: yesterday's figure, not marked", [("a", 93), ("b", 139), ("c", 143)], []),
    ("small counts: over 20% but under 5 people apart", [("a", 3), ("b", 3), ("c", 6)], []),
    ("small counts far apart", [("a", 3), ("b", 3), ("c", 9)], ["c"]),
]


@pytest.mark.parametrize(("what", "reports", "unconfirmed"), DAY_CASES, ids=[case[0] for case in DAY_CASES])
def test_unconfirmed_outliers_of_one_day(what, reports, unconfirmed):
    arts = [article(f"r{i}", "2023-05-05", source=source, killed=(value, "exact", False))
            for i, (source, value) in enumerate(reports)]
    timeline = build_timeline(*tables(arts, []))
    assert sorted(timeline.loc[timeline["unconfirmed"], "source"]) == unconfirmed


def test_an_earlier_report_from_another_source_corroborates():
    arts = [article("early", "2023-05-04", source="x", killed=(178, "exact", False)),
            *(article(f"r{s}", "2023-05-05", source=s, killed=(v, "exact", False))
              for s, v in [("a", 139), ("b", 140), ("d", 182)])]
    timeline = build_timeline(*tables(arts, []))
    assert not timeline["unconfirmed"].any()


def test_unconfirmed_figure_is_drawn_but_sets_no_line_until_a_second_source_gives_it():
    arts = [article("a1", "2023-05-05", source="a", killed=(139, "exact", False)),
            article("b1", "2023-05-05", source="b", killed=(140, "exact", False)),
            article("d1", "2023-05-05", source="d", killed=(182, "exact", False)),
            article("a2", "2023-05-06", source="a", killed=(141, "exact", False)),
            article("e2", "2023-05-08", source="e", killed=(180, "exact", False))]  # a second source near 182
    a, f = tables(arts, [])
    timeline = build_timeline(a, f)
    assert timeline.set_index("article_id")["unconfirmed"].to_dict() == {
        "a1": False, "b1": False, "d1": True, "a2": False, "e2": False}
    band = summary_band(timeline, category="killed")
    assert band["highest"].tolist() == [140.0, 141.0, 180.0]
    contradictions = find_contradictions(a, f, timeline=timeline)
    # 141 the next day is not "lower than 182": the unconfirmed figure is nobody's earlier total
    assert contradictions[contradictions["kind"] == "contradiction"].empty
    line = summarise(timeline, contradictions, articles=a)[0]
    assert line.startswith("Deaths: reported from 139 (2023-05-05) to 180 (2023-05-08); one figure is unconfirmed: "
                           "182 (d, 2023-05-05), far above every other report of its day with no second source near "
                           "it, so it is not counted in the highest so far until another source gives a figure near "
                           "it;")


def test_seed_shaped_day_of_two_reports_has_no_unconfirmed_figure():
    """The seeds' first day (at least 60 and 133) is a disagreement, not an outlier: the band keeps both."""
    arts = [article("d23a", "2024-03-23", killed=(60, "at_least", True)),
            article("d23b", "2024-03-23", killed=(133, "exact", False))]
    timeline = build_timeline(*tables(arts, []))
    assert not timeline["unconfirmed"].any()
    assert summary_band(timeline, category="killed")[["highest", "conservative"]].values.tolist() == [[133.0, 60.0]]


def _follow_up_one_event_at_a_time(articles: pd.DataFrame, groups: pd.Series, *, gap_days: int = 7) -> pd.Series:
    """The follow-up rule as ``event_groups`` applied it before it worked on arrays: ``linked_runs`` of each
    event's publication days, the largest run (the earliest on a tie) its main period."""
    from analysis.timeline.events import linked_runs

    follow_up = pd.Series(False, index=articles.index, dtype=bool)
    published = pd.to_datetime(articles["published"], errors="coerce").dt.normalize()
    for group in groups.dropna().unique():
        days = published[groups == group]
        runs = linked_runs(days, gap_days=gap_days)
        if runs.nunique() <= 1:
            continue
        sizes = runs.value_counts()
        main = int(sizes[sizes == sizes.max()].index.min())
        follow_up[days[days > days[runs == main].max()].index] = True
    return follow_up


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_event_groups_on_arrays_mark_the_follow_up_of_linked_runs_per_event(seed):
    import numpy as np

    rng = np.random.default_rng(seed)
    n = 300
    starts = pd.to_datetime(["2024-01-05", "2024-03-01", "2024-03-20", "2024-07-01", "2025-01-10"])
    rows = []
    for i in range(n):
        start = starts[rng.integers(len(starts))]
        day = start + pd.Timedelta(days=int(rng.choice([0, 1, 2, 3, 9, 20, 60, 200])))
        rows.append(article(f"a{i}", None if rng.random() < 0.15 else f"{day:%Y-%m-%d}",
                            event_date=f"{start:%Y-%m-%d}" if rng.random() < 0.4 else None,
                            killed=(int(rng.choice([3, 4, 12, 60])), "exact", False)))
    articles = tables(rows, [])[0].sample(frac=1, random_state=seed)  # not in date order, index shuffled
    found = event_groups(articles)
    assert found["event_group"].dtype == "Int64" and found.index.equals(articles.index)
    assert found["event_group"].nunique() > 1 and found["follow_up"].any()
    pd.testing.assert_series_equal(found["follow_up"], _follow_up_one_event_at_a_time(articles, found["event_group"]),
                                   check_names=False)
