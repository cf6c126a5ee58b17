"""The toll page's tables, on hand-made timelines: category choices, periods, marked evidence, facts, grid."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.schema import conform
from analysis.timeline.points import build_timeline
from analysis.views.toll import (
    category_choices,
    event_periods,
    marked_sentence,
    point_facts,
    source_day_grid,
    fold_event_lines,
    marked_parts,
    opening_event,
    summary_sections,
)
from analysis.views.evidence import evidence_parts, evidence_parts_of
from tests.timeline.helpers import article, figure, tables


def _timeline(arts, figs=()):
    articles, figures = tables(arts, list(figs))
    return build_timeline(articles, figures)


def test_toll_categories_come_first_and_others_only_when_reported():
    timeline = _timeline([article("a", "2024-03-23", injured=(100, "over", False), missing=(3, "exact", False)),
                          article("b", "2024-03-24", injured=(140, "over", False))])
    options, counts, default = category_choices(timeline)
    assert options == ["killed", "injured", "hospitalized", "arrested", "missing"]
    assert counts == {"injured": 2, "missing": 1}
    assert default == "injured"


@pytest.mark.parametrize("line, bucket", [
    ("5 articles from 4 sources, 2024-03-23 to 2024-03-24.", "general"),
    ("Deaths: 133 reported most often", "mine"),
    ("Deaths, per source: 3 sources", "mine"),
    ("Injured: over 100 to over 140", "others"),
    ("These articles seem to cover 2 separate events", "left out"),
])
def test_summary_lines_are_sorted_into_general_this_category_and_others(line, bucket):
    mixed = ["These articles seem to cover 2 separate events"]
    general, mine, others = summary_sections([line], mixed, category="killed")
    found = {"general": general, "mine": mine, "others": others}
    assert [name for name, lines in found.items() if line in lines] == ([] if bucket == "left out" else [bucket])


def test_event_periods_name_each_group_by_its_days():
    timeline = _timeline([article("a", "2024-03-23", killed=(60, "at_least", True)),
                          article("b", "2024-03-25", killed=(133, "exact", False)),
                          article("c", "2024-06-01", killed=(144, "exact", False))])
    assert event_periods(timeline, category="killed") == {1: "Event 1: 2024-03-23 to 2024-03-25",
                                                          2: "Event 2: 2024-06-01"}
    assert event_periods(timeline, category="injured") == {}


def test_a_period_known_only_from_event_dates_reads_undated():
    timeline = _timeline([article("a", None, event_date="2024-03-22", killed=(60, "exact", False))])
    assert event_periods(timeline, category="killed") == {1: "Event 1: undated"}


def _figures_and_sentences(sentence: str, numbers: dict[str, str]):
    rows = []
    for figure_id, number in numbers.items():
        at = sentence.index(number)
        rows.append({**figure("a", "killed", 1, figure_id=figure_id, sentence=sentence), "number_text": number,
                     "start": 100 + at, "end": 100 + at + len(number)})
    sentences = conform(pd.DataFrame([{"article_id": "a", "idx": 0, "paragraph": 0, "section": "", "text": sentence,
                                       "start": 100, "end": 100 + len(sentence)}]), "sentences")
    return conform(pd.DataFrame(rows), "figures"), sentences


def test_marked_sentence_marks_every_number_of_a_revision():
    sentence = "The toll was revised from an initial 143 to 133 on Sunday."
    figures, sentences = _figures_and_sentences(sentence, {"old": "143", "new": "133"})
    segments = marked_sentence(figures, sentences, ["old", "new"])
    assert "".join(s.text for s in segments) == sentence
    assert [(s.text, s.key) for s in segments if s.mark] == [("143", "old"), ("133", "new")]


def test_marked_sentence_of_an_unknown_figure_is_empty():
    figures, sentences = _figures_and_sentences("At least 60 people died.", {"f": "60"})
    assert marked_sentence(figures, sentences, ["nope"]) == []


def test_point_facts_say_date_source_of_date_event_figure_and_attribution():
    timeline = _timeline([article("a", "2024-03-23", event_date="2024-03-22", killed=(60, "at_least", True))],
                         [figure("a", "killed", 60, qualifier="at_least", attributed_to="TASS")])
    row = timeline.iloc[0].copy()
    row["event_date_text"] = "on Friday night"
    assert point_facts(row, category="killed") == [
        "Published: 2024-03-23 (date from prefix)", "Event: 2024-03-22 (from “on Friday night”)",
        "Deaths: at least 60 (may rise)", "According to: TASS"]


def test_undated_superseded_point_says_so():
    timeline = _timeline([article("u", None, killed=(133, "exact", False))],
                         [figure("u", "killed", 133), figure("u", "killed", 143, status="superseded",
                                                             figure_id="u-old")])
    old = timeline[timeline["status"] == "superseded"].iloc[0]
    facts = point_facts(old, category="killed")
    assert facts[0] == "Published: no date found"
    assert facts[-1] == "Deaths: 143 — superseded in the same article"


def test_source_day_grid_orders_days_and_puts_undated_last():
    timeline = _timeline([article("a", "2024-03-24", source="TASS", killed=(133, "exact", False)),
                          article("b", "2024-03-23", source="TASS", killed=(60, "at_least", True)),
                          article("c", None, source="Blog", killed=(130, "over", False)),
                          article("d", "2024-03-23", source="AP", killed=(62, "exact", False))])
    grid = source_day_grid(timeline, category="killed")
    assert list(grid.columns) == ["2024-03-23", "2024-03-24", "undated"]
    assert grid.loc["TASS"].tolist() == ["at least 60 (may rise)", "133", ""]
    assert grid.loc["Blog", "undated"] == "over 130"
    assert source_day_grid(timeline, category="injured").empty


def test_source_day_table_turns_long_past_its_limits():
    from analysis.views.toll import source_day_table

    timeline = pd.DataFrame({
        "category": "killed", "status": "current", "source": ["a", "b", "c"],
        "published": pd.to_datetime(["2024-03-22", "2024-03-23", None]),
        "value": [3.0, 5.0, 7.0], "qualifier": "exact", "low": [3.0, 5.0, 7.0], "high": [3.0, 5.0, 7.0],
        "may_rise": False})
    assert list(source_day_table(timeline, category="killed").columns) == ["2024-03-22", "2024-03-23", "undated"]
    long = source_day_table(timeline, category="killed", max_sources=2)
    assert long.to_dict("records") == [{"source": "a", "day": "2024-03-22", "figure": "3"},
                                       {"source": "b", "day": "2024-03-23", "figure": "5"},
                                       {"source": "c", "day": "undated", "figure": "7"}]


def test_lines_about_single_events_fold_after_the_first_few():
    lines = ["Event 2 with follow-up coverage: the main coverage runs 2024-03-22 to 2024-03-25",
             "Two articles have no publication date found; they are shown apart from the time axis.",
             *[f"Deaths, event {n}: 1 (2015-01-0{n}) in one dated article" for n in range(1, 8)],
             "Deaths: reported from at least 60 (2024-03-23) to 133 (2024-03-23)"]
    shown, folded = fold_event_lines(lines, keep=3)
    assert shown == lines[:4] + lines[-1:]
    assert folded == lines[4:-1]
    assert fold_event_lines(lines[1:2] + lines[-1:], keep=3) == (lines[1:2] + lines[-1:], [])


def _evidence_cases():
    """Figures in every state ``evidence_parts`` reads: offsets that fit, that point elsewhere, none; a sentence
    row found or not; a number missing from the sentence; an id given twice; several articles."""
    said = "Officials said 12 people died and 30 were hurt."
    rows = [
        {**figure("a", "killed", 12, figure_id="fits", sentence=said), "number_text": "12", "start": 115, "end": 117},
        {**figure("a", "injured", 30, figure_id="off", sentence=said), "number_text": "30", "start": 101, "end": 103},
        {**figure("a", "injured", 30, figure_id="nostart", sentence=said), "number_text": "30", "start": None,
         "end": None},
        {**figure("b", "killed", 4, figure_id="nosentence", sentence="Four died.", sentence_idx=7),
         "number_text": "Four", "start": 5, "end": 9},
        {**figure("b", "killed", 9, figure_id="absent", sentence="Nine were lost."), "number_text": "9", "start": 3,
         "end": 4},
        {**figure("b", "killed", 2, figure_id="twice", sentence="Two died."), "number_text": "Two", "start": 0,
         "end": 3},
        {**figure("b", "killed", 3, figure_id="twice", sentence="Three died."), "number_text": "Three", "start": 0,
         "end": 5},
        {**figure("c", "killed", 5, figure_id="title", sentence="5 dead in blast", sentence_idx=-1),
         "number_text": "5", "start": 0, "end": 1},
    ]
    sentences = conform(pd.DataFrame([
        {"article_id": "a", "idx": 0, "paragraph": 0, "section": "", "text": said, "start": 100, "end": 100 + len(said)},
        {"article_id": "b", "idx": 0, "paragraph": 0, "section": "", "text": "Two died.", "start": 0, "end": 9},
        {"article_id": "b", "idx": 0, "paragraph": 0, "section": "", "text": "duplicate", "start": 50, "end": 59},
    ]), "sentences")
    return conform(pd.DataFrame(rows), "figures"), sentences


@pytest.mark.parametrize("ids", [
    ["fits", "off", "nostart", "nosentence", "absent", "twice", "title", "unknown"],
    ["fits"], ["unknown"], [], ["twice", "fits", "twice"],
])
def test_evidence_parts_of_many_figures_equal_one_at_a_time(ids):
    figures, sentences = _evidence_cases()
    assert evidence_parts_of(figures, sentences, ids) == {i: evidence_parts(figures, sentences, i) for i in ids}
    assert evidence_parts_of(figures, sentences.iloc[:0], ids) == {i: evidence_parts(figures, sentences.iloc[:0], i)
                                                                  for i in ids}
    assert evidence_parts_of(figures.iloc[:0], sentences, ids) == {i: ("", "", "") for i in ids}


def test_marked_parts_equal_marked_sentence():
    figures, sentences = _evidence_cases()
    parts = evidence_parts_of(figures, sentences, ["fits", "off", "twice", "absent"])
    for ids in (["fits", "off"], ["twice"], ["absent"], ["fits", "unknown"]):
        assert marked_parts(parts, ids) == marked_sentence(figures, sentences, ids)


@pytest.mark.parametrize("dtype", [object, "string"])
def test_joined_cells_equal_a_groupby_join(dtype):
    from analysis.views.toll import _joined_cells

    cells = pd.DataFrame({"day": pd.Series(["2024-03-23", "undated", "2024-03-22", "2024-03-23", "2024-03-22",
                                            "2024-03-23", "2024-03-22"], dtype=dtype),
                          "source": pd.Series(["b", "a", "b", "a", "b", None, "a"], dtype=dtype),
                          "figure": ["3", "5", "at least 4", "7", "4", "9", "2 to 3"]})
    expected = cells.groupby(["day", "source"], sort=True)["figure"].agg("; ".join).reset_index()[
        ["source", "day", "figure"]]
    got = _joined_cells(cells)
    pd.testing.assert_frame_equal(got, expected)
    assert got["figure"].tolist() == ["2 to 3", "at least 4; 4", "7", "3", "5"]


def _event_periods_one_event_at_a_time(timeline: pd.DataFrame, *, category: str) -> dict[int, str]:
    """``event_periods`` as it was written before one groupby: a DataFrame per event."""
    from analysis.timeline.values import flag_column

    wanted = sorted(int(g) for g in timeline.loc[timeline["category"] == category, "event_group"].dropna().unique())
    periods = {}
    for group in wanted:
        members = timeline[timeline["event_group"] == group]
        later_rows = flag_column(members, "follow_up")
        days, later = members.loc[~later_rows, "published"].dropna(), members.loc[later_rows, "published"].dropna()
        if days.empty:
            periods[group] = f"Event {group}: undated"
            continue
        first, last = f"{days.min():%Y-%m-%d}", f"{days.max():%Y-%m-%d}"
        periods[group] = f"Event {group}: {first}" + ("" if first == last else f" to {last}") + \
            ("" if later.empty else f", follow-up to {later.max():%Y-%m-%d}")
    return periods


@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize("category", ["killed", "injured"])
def test_event_periods_equal_the_periods_found_one_event_at_a_time(seed, category):
    import numpy as np

    rng = np.random.default_rng(seed)
    n = 60
    timeline = pd.DataFrame({
        "category": rng.choice(["killed", "injured", "arrested"], n),
        "event_group": pd.Series(rng.choice([1.0, 2.0, 3.0, 4.0, np.nan], n)),
        "published": pd.Series(pd.to_datetime("2024-03-01") + pd.to_timedelta(rng.integers(0, 200, n), unit="D"))
        .where(rng.random(n) > 0.2),
        "follow_up": pd.Series(rng.choice([True, False, None], n), dtype=object)})
    timeline.loc[timeline["event_group"] == 4.0, "published"] = pd.NaT  # an event known only from event dates
    assert event_periods(timeline, category=category) == _event_periods_one_event_at_a_time(timeline,
                                                                                            category=category)


@pytest.mark.parametrize("sizes, expected", [
    ({}, 0),
    ({1: 3, 2: 9}, 0),  # a few events: all together
    ({1: 3, 2: 1, 3: 1, 4: 1, 5: 2}, 0),
    ({1: 3, 2: 1, 3: 9, 4: 1, 5: 2, 6: 1}, 3),  # many: the most covered
    ({1: 3, 2: 1, 3: 3, 4: 1, 5: 2, 6: 1}, 1),  # a tie: the earlier
])
def test_the_chart_opens_on_all_events_or_with_many_on_the_most_covered(sizes, expected):
    rows = [{"category": "killed", "event_group": group, "article_id": f"e{group}-{i}"}
            for group, n in sizes.items() for i in range(n)]
    rows += [{"category": "injured", "event_group": 7, "article_id": f"x{i}"} for i in range(20)]  # another category
    rows += [{"category": "killed", "event_group": None, "article_id": "undated"}]
    assert opening_event(pd.DataFrame(rows), category="killed") == expected
