"""The toll timeline, its summary band, contradictions and summary lines, on hand-made tables."""

from __future__ import annotations

import time

import pandas as pd
import pytest

from analysis.schema import columns
from analysis.timeline.bands import summary_band
from analysis.timeline.contradictions import find_contradictions
from analysis.timeline.points import build_timeline, group_events, mixed_event_notes
from analysis.timeline.summary import summarise
from tests.timeline.helpers import article, figure, tables


@pytest.fixture
def seed_shaped():
    """Five reports shaped like a real first weekend of coverage: two dated the same day,
    one the next day, two undated (one of them revising its own figure down)."""
    arts = [
        article("d23a", "2024-03-23", event_date="2024-03-22", killed=(60, "at_least", True),
                injured=(100, "over", False)),
        article("d23b", "2024-03-23", killed=(133, "exact", False), arrested=(4, "exact", False)),
        article("d24", "2024-03-24", event_date="2024-03-22", killed=(133, "at_least", False),
                injured=(140, "over", False)),
        article("u1", None, killed=(130, "over", False)),
        article("u2", None, killed=(133, "exact", False), injured=(107, "over", False)),
    ]
    figs = [
        figure("d23a", "killed", 60, qualifier="at_least", sentence="Leaving at least 60 dead, a number that may rise."),
        figure("d23a", "injured", 100, qualifier="over", sentence="Over 100 injured attendees."),
        figure("d23b", "killed", 133, sentence="Which left 133 attendees dead."),
        figure("d23b", "arrested", 4, sentence="Detained the four gunmen."),
        figure("d24", "killed", 133, qualifier="at_least", sentence="At least 133 people died."),
        figure("d24", "injured", 140, qualifier="over", sentence="Over 140 injured."),
        figure("u1", "killed", 130, qualifier="over", sentence="Over 130 people lost their lives."),
        figure("u2", "killed", 133, sentence_idx=5, attributed_to="authorities",
               sentence="Authorities revised the number of deceased from an initial 143 to 133."),
        figure("u2", "killed", 143, status="superseded", figure_id="u2-killed-old", sentence_idx=5,
               sentence="Authorities revised the number of deceased from an initial 143 to 133."),
        figure("u2", "killed", 28, scope="partial", figure_id="u2-killed-part", sentence="28 bodies in a restroom."),
        figure("u2", "injured", 107, qualifier="over", sentence="Over 107 in hospitals."),
    ]
    return tables(arts, figs)


def test_timeline_points_and_links(seed_shaped):
    arts, figs = seed_shaped
    before = (arts.copy(), figs.copy())
    timeline = build_timeline(arts, figs)
    pd.testing.assert_frame_equal(arts, before[0])
    pd.testing.assert_frame_equal(figs, before[1])
    assert list(timeline.columns) == columns("timeline")

    killed = timeline[timeline["category"] == "killed"]
    current = killed[killed["status"] == "current"]
    dated = current[current["published"].notna()]
    assert sorted(zip(dated["published"].dt.strftime("%Y-%m-%d"), dated["value"], dated["qualifier"])) == [
        ("2024-03-23", 60.0, "at_least"), ("2024-03-23", 133.0, "exact"), ("2024-03-24", 133.0, "at_least")]
    assert dated.set_index("article_id").loc["d23a", "may_rise"]
    undated = current[current["published"].isna()]
    assert sorted(zip(undated["value"], undated["qualifier"])) == [(130.0, "over"), (133.0, "exact")]
    # undated points come after dated ones
    assert killed["published"].isna().tolist() == sorted(killed["published"].isna().tolist())

    old = killed[killed["status"] == "superseded"]
    assert old[["article_id", "value", "replaced_by"]].values.tolist() == [["u2", 143.0, "u2-killed"]]
    assert 28.0 not in killed["value"].tolist()  # partial counts are not points
    assert current.set_index("article_id").loc["u2", "attributed_to"] == "authorities"
    assert current.set_index("article_id").loc["d23a", "sentence"].startswith("Leaving at least 60")

    injured = timeline[(timeline["category"] == "injured") & (timeline["status"] == "current")]
    assert sorted(injured["article_id"]) == ["d23a", "d24", "u2"]
    assert timeline["event_date"].notna().sum() >= 2
    assert pd.api.types.is_datetime64_dtype(timeline["published"])
    assert timeline["value"].dtype == "float64"


def test_superseded_figure_links_to_the_plotted_headline_and_the_revision_keeps_its_sentence():
    revision = "The toll rose from 60 to 90 overnight."
    arts, figs = tables(
        [article("a", "2023-08-01", killed=(93, "exact", False))],
        [figure("a", "killed", 93, sentence_idx=4, sentence="93 people are now confirmed dead."),
         figure("a", "killed", 90, figure_id="a-rev", sentence_idx=0, sentence=revision),
         figure("a", "killed", 60, status="superseded", figure_id="a-old", sentence_idx=0, sentence=revision)])
    timeline = build_timeline(arts, figs)
    assert timeline.loc[timeline["status"] == "superseded", "replaced_by"].tolist() == ["a-killed"]
    assert timeline.loc[timeline["status"] == "current", "figure_id"].tolist() == ["a-killed"]
    result = find_contradictions(arts, figs, timeline=timeline)
    row = result[result["kind"] == "revision"].iloc[0]
    assert (row["value_a"], row["value_b"], row["figure_id_b"]) == (60.0, 90.0, "a-rev")
    assert row["sentence_a"] == row["sentence_b"] == revision
    assert "updates 60 to 90" in row["why"]


def test_summary_band_highest_and_conservative(seed_shaped):
    timeline = build_timeline(*seed_shaped)
    band = summary_band(timeline, category="killed")
    assert band[["date", "highest", "conservative", "spread", "n_reports"]].values.tolist() == [
        [pd.Timestamp("2024-03-23"), 133.0, 60.0, 73.0, 2],
        [pd.Timestamp("2024-03-24"), 133.0, 133.0, 0.0, 1],
    ]
    assert band["conservative_article_id"].tolist() == ["d23a", "d24"]
    assert summary_band(timeline, category="missing").empty


def test_summary_band_highest_is_running_maximum():
    arts, figs = tables(
        [article("a", "2023-05-01", killed=(10, "exact", False)), article("b", "2023-05-02", killed=(25, "exact", False)),
         article("c", "2023-05-03", killed=(20, "about", False)), article("d", "2023-05-04", killed=(31, "exact", False))],
        [])
    band = summary_band(build_timeline(arts, figs), category="killed")
    assert band["highest"].tolist() == [10.0, 25.0, 25.0, 31.0]
    assert band["conservative"].tolist() == [10.0, 25.0, 20.0, 31.0]
    assert band["spread"].tolist() == [0.0, 0.0, 5.0, 0.0]


def test_contradictions_on_seed_shaped_reports(seed_shaped):
    result = find_contradictions(*seed_shaped)
    assert list(result.columns) == columns("contradictions")
    kinds = result[["category", "kind", "article_id_a", "article_id_b", "value_a", "value_b"]].values.tolist()
    assert sorted(kinds) == sorted([
        ["killed", "revision", "u2", "u2", 143.0, 133.0],
        ["killed", "same_day_disagreement", "d23b", "d23a", 133.0, 60.0],
    ])
    same_day = result[result["kind"] == "same_day_disagreement"].iloc[0]
    assert same_day["sentence_a"] == "Which left 133 attendees dead."
    assert same_day["sentence_b"].startswith("Leaving at least 60")
    assert "no same-day consensus" in same_day["why"]
    revision = result[result["kind"] == "revision"].iloc[0]
    assert "revises 143 to 133" in revision["why"]
    assert revision["sentence_a"] == revision["sentence_b"]


@pytest.mark.parametrize(("later", "stated_revision", "expected_kinds"), [
    ((80, "exact"), False, ["contradiction"]),
    ((80, "exact"), True, ["revision"]),  # "revised down from 95 to 80" explains the lower figure
    ((80, "at_least"), False, ["contradiction"]),  # listed, with a note that it does not rule 95 out
    ((90, "about"), False, []),  # about 90 covers 95 within 10%
    ((120, "exact"), False, []),
    ((95, "exact"), False, []),
])
def test_later_lower_report(later, stated_revision, expected_kinds):
    arts = [article("early", "2023-09-10", killed=(95, "exact", False)),
            article("late", "2023-09-12", killed=later + (False,))]
    figs = [figure("early", "killed", 95, sentence="95 people died."),
            figure("late", "killed", later[0], qualifier=later[1], sentence=f"{later[0]} people died.")]
    if stated_revision:
        figs.append(figure("late", "killed", 95, status="superseded", figure_id="late-old"))
    result = find_contradictions(*tables(arts, figs))
    assert sorted(result["kind"]) == expected_kinds
    if expected_kinds == ["contradiction"]:
        row = result.iloc[0]
        assert (row["article_id_a"], row["article_id_b"], row["value_a"], row["value_b"]) == \
            ("early", "late", 95.0, later[0])
        assert ("does not rule out" in row["why"]) == (later[1] == "at_least")


def test_lower_report_is_paired_with_highest_earlier_report_only():
    arts = [article(f"a{i}", f"2023-09-{10 + i}", killed=(v, "exact", False)) for i, v in enumerate([10, 40, 30, 12])]
    result = find_contradictions(*tables(arts, []))
    assert result[["article_id_a", "article_id_b"]].values.tolist() == [["a1", "a2"], ["a1", "a3"]]


def test_same_day_consensus():
    arts = [article("x", "2022-02-02", killed=(10, "exact", False)), article("y", "2022-02-02", killed=(10, "exact", False)),
            article("z", "2022-02-02", killed=(7, "exact", False))]
    result = find_contradictions(*tables(arts, []))
    assert result["kind"].tolist() == ["same_day_disagreement"]
    assert result["article_id_b"].tolist() == ["z"]
    assert "consensus of 2 reports (10)" in result["why"].iloc[0]


def test_same_day_with_times_known_is_ordered():
    arts = [article("morning", "2022-02-02 08:00", killed=(12, "exact", False)),
            article("evening", "2022-02-02 20:00", killed=(9, "exact", False))]
    kinds = sorted(find_contradictions(*tables(arts, []))["kind"])
    assert kinds == ["contradiction", "same_day_disagreement"]


def test_same_day_reports_are_ordered_by_their_time_of_day():
    # source names run against the clock, so only the time can put them in this order
    arts = [article("late", "2024-03-23 21:40", source="A wire", killed=(133, "exact", False)),
            article("early", "2024-03-23 07:05", source="Z daily", killed=(60, "at_least", False)),
            article("noon", "2024-03-23 12:00", source="M radio", killed=(93, "exact", False))]
    timeline = build_timeline(*tables(arts, []))
    current = timeline[(timeline["category"] == "killed") & (timeline["status"] == "current")]
    assert current["article_id"].tolist() == ["early", "noon", "late"]
    assert current["published"].dt.strftime("%H:%M").tolist() == ["07:05", "12:00", "21:40"]


def test_several_events_are_not_compared():
    arts = [article("flood1", "2021-07-14", killed=(40, "exact", False)),
            article("flood2", "2021-07-16", killed=(96, "exact", False)),
            article("quake1", "2023-02-06", killed=(5, "exact", False))]
    a, f = tables(arts, [])
    assert group_events(a).tolist() == [1, 1, 2]
    assert find_contradictions(a, f).empty  # 5 later than 96, but another event
    notes = mixed_event_notes(a)
    assert notes and "2 separate events" in notes[0]
    band = summary_band(build_timeline(a, f), category="killed")
    assert band["event_group"].tolist() == [1, 1, 2]
    assert band["highest"].tolist() == [40.0, 96.0, 5.0]
    lines = summarise(build_timeline(a, f), find_contradictions(a, f), articles=a)
    assert lines[1:] == ["Deaths, event 1: reported from 40 (2021-07-14) to 96 (2021-07-16)",
                         "Deaths, event 2: 5 (2023-02-06) in one dated article"]


def test_different_event_dates_in_one_period_are_flagged():
    a, _ = tables([article("p", "2023-03-10", event_date="2023-03-09", killed=(3, "exact", False)),
                   article("q", "2023-03-11", event_date="2023-03-05", killed=(4, "exact", False))], [])
    assert any("different event dates (2023-03-05, 2023-03-09)" in note for note in mixed_event_notes(a))


def test_summary_lines(seed_shaped):
    arts, figs = seed_shaped
    timeline = build_timeline(arts, figs)
    lines = summarise(timeline, find_contradictions(arts, figs, timeline=timeline), articles=arts)
    assert lines[0] == "Two articles have no publication date found; they are shown apart from the time axis."
    assert lines[1] == ("Deaths: reported from at least 60 (2024-03-23) to 133 (2024-03-23); two sources disagree "
                        "on the same day (2024-03-23); one article revises 143 to 133; two undated articles report "
                        "over 130 and 133")
    assert lines[2].startswith("Injured: reported from over 100 (2024-03-23) to over 140 (2024-03-24)")
    assert lines[3] == "Arrests: 4 (2024-03-23) in one dated article"


def test_no_articles_no_figures_all_undated():
    empty_arts, empty_figs = tables([], [])
    timeline = build_timeline(empty_arts, empty_figs)
    assert timeline.empty and list(timeline.columns) == columns("timeline")
    assert find_contradictions(empty_arts, empty_figs).empty
    assert summary_band(timeline, category="killed").empty

    no_figures, figs = tables([article("n", "2020-01-01")], [])
    assert build_timeline(no_figures, figs).empty
    assert summarise(build_timeline(no_figures, figs), find_contradictions(no_figures, figs),
                     articles=no_figures) == ["No death, injury or arrest figures were found in one article."]

    undated, figs = tables([article("u", None, killed=(7, "exact", False)),
                            article("v", None, killed=(5, "exact", False))], [])
    timeline = build_timeline(undated, figs)
    assert len(timeline) == 2 and timeline["published"].isna().all()
    assert summary_band(timeline, category="killed").empty
    assert find_contradictions(undated, figs).empty
    assert summarise(timeline, find_contradictions(undated, figs), articles=undated)[-1] == \
        "Deaths: two undated articles report 7 and 5"


def test_hundreds_of_articles_are_quick():
    arts = [article(f"a{i:04d}", str(pd.Timestamp("2023-01-01") + pd.Timedelta(hours=7 * i)),
                    killed=(10 + i // 3 - (5 if i % 17 == 0 else 0), "exact", False),
                    injured=(20 + i // 2, "about", False)) for i in range(600)]
    a, f = tables(arts, [])
    started = time.perf_counter()
    timeline = build_timeline(a, f)
    contradictions = find_contradictions(a, f, timeline=timeline)
    band = summary_band(timeline, category="killed")
    summarise(timeline, contradictions, articles=a)
    assert time.perf_counter() - started < 10
    assert len(timeline) == 1200
    assert len(contradictions[contradictions["kind"] == "contradiction"]) <= 600
    assert len(band) == timeline["published"].dt.normalize().nunique()


@pytest.mark.parametrize("shift", [pd.Timedelta(0), pd.Timedelta(hours=9, minutes=30), pd.Timedelta(hours=23)])
def test_summary_reads_a_pairs_day_whatever_its_time(seed_shaped, shift):
    arts, figs = seed_shaped
    timeline = build_timeline(arts, figs)
    pairs = find_contradictions(arts, figs, timeline=timeline)
    moved = pairs.assign(published_b=pairs["published_b"] + shift)
    assert summarise(timeline, moved, articles=arts) == summarise(timeline, pairs, articles=arts)
    assert "disagree on the same day (2024-03-23)" in summarise(timeline, moved, articles=arts)[1]


@pytest.mark.parametrize("said, expected", [
    (["over 130", "133"], "over 130 and 133"),
    (["7", "5", "5", "9"], "7, 5, 5 and 9"),
    (["1"] * 6 + ["2"] * 3 + ["at least 4", "5"], "1 (six articles), 2 (three articles), at least 4 (one article) "
                                                    "and 1 other figure"),
    (["1"] * 1200 + ["2"] * 40 + ["3"] * 12 + [str(n) for n in range(10, 50)],
     "1 (1,200 articles), 2 (40 articles), 3 (12 articles) and 40 other figures"),
    (["3", "3", "8", "8", "8"], "8 (three articles) and 3 (two articles)"),
])
def test_many_undated_figures_are_summarised_by_the_most_reported(said, expected):
    from analysis.timeline.summary import undated_figures

    assert undated_figures(said) == expected
