"""The toll timeline end to end: real ingestion and figure extraction over the seeds and an invented corpus.

tests/data/corpus_rising_toll holds short invented reports of an earthquake in a made-up
town: a week of rising tolls, a stale lower report, a downward revision, a report with only
injured people, and an undated piece. Nothing here is specific to either corpus' wording:
the expectations are what a reader of the articles would write down.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from analysis.ingest.corpus import load_path
from analysis.pipeline import analyse_corpus
from analysis.timeline.bands import summary_band
from analysis.timeline.summary import summarise

ROOT = Path(__file__).resolve().parents[2]

@pytest.fixture(scope="module")
def seeds():
    return analyse_corpus(load_path(ROOT / "seeds"))


@pytest.fixture(scope="module")
def rising():
    return analyse_corpus(load_path(ROOT / "tests" / "data" / "corpus_rising_toll"))


def _points(tables, category, status="current"):
    timeline = tables.timeline
    rows = timeline[(timeline["category"] == category) & (timeline["status"] == status)]
    return rows.merge(tables.articles[["article_id", "source"]], on=["article_id", "source"])


def _dated(rows):
    rows = rows[rows["published"].notna()]
    return sorted(zip(rows["published"].dt.strftime("%Y-%m-%d"), rows["value"], rows["qualifier"]))


def test_seed_toll_points(seeds):
    killed = _points(seeds, "killed")
    dated = _dated(killed)
    assert ("2024-03-23", 60.0, "at_least") in dated
    assert any(day == "2024-03-23" and value == 133.0 for day, value, _ in dated)
    assert ("2024-03-24", 133.0, "at_least") in dated
    assert len(dated) == 3
    sixty = killed[killed["value"] == 60.0].iloc[0]
    assert bool(sixty["may_rise"])
    undated = killed[killed["published"].isna()]
    assert sorted(zip(undated["value"], undated["qualifier"])) == [(130.0, "over"), (133.0, "exact")]
    old = _points(seeds, "killed", "superseded")
    assert old["value"].tolist() == [143.0]
    replacing = killed[killed["figure_id"] == old["replaced_by"].iloc[0]]
    assert replacing["value"].tolist() == [133.0]
    assert replacing["published"].isna().all()
    assert _points(seeds, "injured")["article_id"].nunique() == 3


def test_seed_disagreements_and_summary(seeds):
    pairs = seeds.contradictions
    killed = pairs[pairs["category"] == "killed"]
    revisions = killed[killed["kind"] == "revision"]
    assert revisions[["value_a", "value_b"]].values.tolist() == [[143.0, 133.0]]
    same_day = killed[killed["kind"] == "same_day_disagreement"]
    assert sorted(same_day[["value_a", "value_b"]].values.tolist()[0]) == [60.0, 133.0]
    assert killed[killed["kind"] == "contradiction"].empty
    band = summary_band(seeds.timeline, category="killed")
    assert band[["highest", "conservative"]].values.tolist() == [[133.0, 60.0], [133.0, 133.0]]
    lines = summarise(seeds.timeline, seeds.contradictions, articles=seeds.articles)
    deaths = next(line for line in lines if line.startswith("Deaths"))
    assert deaths.startswith("Deaths: reported from at least 60 (2024-03-23) to 133 (2024-03-23)")
    assert "two sources disagree on the same day" in deaths and "one article revises 143 to 133" in deaths


def test_seed_event_dates(seeds):
    dated = seeds.articles.dropna(subset=["event_date"])
    assert set(dated["event_date"].dt.strftime("%Y-%m-%d")) == {"2024-03-22"}
    assert "late last night" in set(dated["event_date_text"])


def test_rising_toll_over_a_week(rising):
    killed = _points(rising, "killed")
    dated = _dated(killed)
    days = {(day, value) for day, value, _ in dated}
    assert {("2023-10-02", 12.0), ("2023-10-03", 27.0), ("2023-10-04", 19.0), ("2023-10-08", 44.0)} <= days
    assert dict((day, q) for day, _, q in dated)["2023-10-02"] == "at_least"
    undated = killed[killed["published"].isna()]
    assert list(zip(undated["value"], undated["qualifier"])) == [(40.0, "about")]
    band = summary_band(rising.timeline, category="killed").set_index(summary_band(rising.timeline,
                                                                                   category="killed")["date"])
    assert band.loc[pd.Timestamp("2023-10-04"), ["highest", "conservative"]].tolist() == [27.0, 19.0]
    assert band.loc[pd.Timestamp("2023-10-08"), ["highest", "conservative"]].tolist() == [44.0, 44.0]


def test_stale_lower_report_is_a_contradiction(rising):
    pairs = rising.contradictions[rising.contradictions["category"] == "killed"]
    sources = rising.articles.set_index("article_id")["source"]
    later = pairs[pairs["kind"] == "contradiction"]
    assert [(sources[a], sources[b]) for a, b in zip(later["article_id_a"], later["article_id_b"])] == [
        ("valley_herald_day2", "radio_marrovel_day3")]
    assert "does not rule out" in later["why"].iloc[0]


def test_downward_revision_is_read(rising):
    pairs = rising.contradictions[rising.contradictions["category"] == "killed"]
    sources = rising.articles.set_index("article_id")["source"]
    revision = pairs[pairs["kind"] == "revision"]
    assert revision[["value_a", "value_b"]].values.tolist() == [[41.0, 38.0]]
    assert sources[revision["article_id_a"].iloc[0]] == "national_wire_day4"
    band = summary_band(rising.timeline, category="killed")
    assert band["highest"].tolist() == [12.0, 27.0, 27.0, 38.0, 44.0]
    assert band["conservative"].tolist() == [12.0, 27.0, 19.0, 38.0, 44.0]


def test_may_rise_in_a_later_clause(rising):
    killed = _points(rising, "killed")
    assert bool(killed.loc[killed["value"] == 27.0, "may_rise"].iloc[0])


def test_rising_toll_injured_only_article_and_event_dates(rising):
    by_source = rising.articles.set_index("source")
    health = by_source.loc["health_desk_day5"]
    assert pd.isna(health["killed"])
    assert pd.notna(health["injured"]) or pd.notna(health["hospitalized"])
    assert by_source.loc["ridge_courier_day1", "event_date"] == pd.Timestamp("2023-10-01")
    assert by_source.loc["radio_marrovel_day3", "event_date"] == pd.Timestamp("2023-10-01")
    assert pd.isna(by_source.loc["valley_herald_day2", "event_date"])  # "rose to 27 on Tuesday" dates the update


@pytest.fixture(scope="module")
def developing(tmp_path_factory):
    """The generated corpus of one developing event (benchmarks/developing_event.py), through the real pipeline."""
    from benchmarks.developing_event import write_jsonl

    return analyse_corpus(load_path(write_jsonl(tmp_path_factory.mktemp("developing") / "event.jsonl")))


def test_generated_corpus_is_one_event_in_80_outlets_with_follow_up_and_one_wild_figure():
    from benchmarks.developing_event import COUNTRIES, developing_event_articles, outlets

    rows = developing_event_articles()
    assert rows == developing_event_articles()  # deterministic
    assert len({r["source"] for r in rows}) == 80 and len({country for _, country in outlets()}) == len(COUNTRIES) == 12
    days = sorted({r["published"].date() for r in rows})
    main = [d for d in days if (d - days[0]).days <= 21]
    assert (main[-1] - main[0]).days == 20 and (days[-1] - main[-1]).days > 300
    assert sum("182" in r["text"] for r in rows) == 1


def test_generated_event_reads_as_one_event_with_follow_up_and_an_unconfirmed_figure(developing):
    killed = _points(developing, "killed")
    assert set(killed["event_group"]) == {1}
    later = killed[killed["follow_up"]]
    assert len(later) >= 8 and later["published"].min() > pd.Timestamp("2025-10-01")
    assert (later["value"] == 144).all()
    doubtful = killed[killed["unconfirmed"]]
    assert doubtful["value"].tolist() == [182.0]
    main = killed[~killed["follow_up"] & ~killed["unconfirmed"]]
    assert sorted(set(main["value"])) == [40.0, 60.0, 93.0, 115.0, 133.0, 137.0, 139.0, 143.0, 144.0]
    band = summary_band(developing.timeline, category="killed")
    assert band["highest"].max() == 144.0 and band["highest"].is_monotonic_increasing
    lines = summarise(developing.timeline, developing.contradictions, articles=developing.articles,
                      entities=developing.entities)
    assert not any("separate events" in line for line in lines)
    assert lines[0].startswith("One event with follow-up coverage: the main coverage runs 2025-06-06 to 2025-06-26")
    deaths = next(line for line in lines if line.startswith("Deaths"))
    assert deaths.startswith("Deaths: reported from at least 40 (2025-06-06) to 144 (2025-06-25); one figure is "
                             "unconfirmed: 182")
