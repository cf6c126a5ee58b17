"""The Framing page's tables: frames by side with counts, and who is quoted by which side."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.framing import frame_profile, hedge_density
from analysis.views.framing import (
    count_labels,
    frame_counts,
    frame_order,
    frame_profile_of,
    frame_share_table,
    hedge_cue_counts,
    hedge_density_of,
    label_speakers,
    voices_table,
)
from analysis.views.groups import group_names

LABELS = {"blame": "Blame", "human": "Human cost"}


def profile(*rows: tuple[str, str, int, int]) -> pd.DataFrame:
    """``frame_profile(by="side")`` rows from (side, frame, n_sentences, n_total)."""
    frame = pd.DataFrame(rows, columns=["side", "frame", "n_sentences", "n_total"])
    return frame.assign(label=frame["frame"].map(LABELS), share=frame["n_sentences"] / frame["n_total"])


PROFILE = profile(("B", "human", 0, 6), ("B", "blame", 3, 6), ("A", "blame", 1, 3), ("A", "human", 2, 3))


def test_count_labels():
    assert count_labels(PROFILE).tolist() == ["0/6", "3/6", "1/3", "2/3"]
    assert count_labels(profile(("A", "blame", 47_352, 173_929))).tolist() == ["47,352/173,929"]


@pytest.mark.parametrize("sides, expected", [
    (["A", "B"], [["Blame", "1/3 (33%)", "3/6 (50%)"], ["Human cost", "2/3 (67%)", "0/6 (0%)"]]),
    (["B", "A"], [["Blame", "3/6 (50%)", "1/3 (33%)"], ["Human cost", "0/6 (0%)", "2/3 (67%)"]]),
    (["B"], [["Blame", "3/6 (50%)"], ["Human cost", "0/6 (0%)"]]),
])
def test_frame_share_table_most_carried_frames_first_sides_as_given(sides, expected):
    table = frame_share_table(PROFILE, labels=LABELS, sides=sides)
    assert list(table.columns) == ["Frame", *sides]
    assert table.values.tolist() == expected


def test_frame_share_table_rows_follow_the_heatmap_not_the_codebook():
    carried_late = profile(("A", "blame", 0, 4), ("A", "human", 3, 4))
    assert frame_share_table(carried_late, labels=LABELS, sides=["A"])["Frame"].tolist() == ["Human cost", "Blame"]
    assert frame_order(carried_late, labels=LABELS) == ["human", "blame"]


def cited(*rows: tuple[str, bool, str]) -> pd.DataFrame:
    """``cited_sources`` rows with a side, from (cited, named, side); one sentence each."""
    return pd.DataFrame([{"article_id": "a", "sentence_idx": i, "cited": who, "named": named, "side": side}
                         for i, (who, named, side) in enumerate(rows)])


@pytest.mark.parametrize("who, named, label", [
    ("Vladimir Putin", True, "Vladimir Putin"),
    ("officials", False, "officials (unnamed)"),
])
def test_label_speakers(who, named, label):
    assert label_speakers(cited((who, named, "A")))["who"].tolist() == [label]


def test_voices_table_most_quoted_first_sides_in_order():
    rows = label_speakers(cited(("Putin", True, "B"), ("officials", False, "A"), ("officials", False, "B"),
                                ("officials", False, "A"), ("Putin", True, "A"), ("police", False, "A")))
    table = voices_table(rows, sides=["B", "A", "C"])  # C quotes no one: no column
    assert list(table.columns) == ["who", "B", "A"]
    assert table.values.tolist() == [["officials (unnamed)", 1, 2], ["Putin", 1, 1], ["police (unnamed)", 0, 1]]


# -- hedge density and frame profile from per-article counts: the same tables as the framing package's --------


def _sided(by: str):
    from tests.pages.many_outlets import many_outlets_corpus

    tables = many_outlets_corpus().tables
    arts = tables.articles
    side = {"source": arts["source"], "country": group_names(arts, by="country", groups={}),
            "halves": pd.Series(["first" if i < len(arts) // 2 else "second" for i in range(len(arts))],
                                index=arts.index),
            "one": pd.Series("all", index=arts.index)}[by]
    return tables, arts.assign(side=side)


@pytest.mark.parametrize("by", ["source", "country", "halves", "one"])
@pytest.mark.parametrize("keep", ["all", "some", "none"])
def test_hedge_density_of_counts_is_hedge_density(by, keep):
    tables, arts = _sided(by)
    arts = {"all": arts, "some": arts.iloc[::3], "none": arts.head(0)}[keep]
    expected = hedge_density(tables.hedges, arts, by="side")
    pd.testing.assert_frame_equal(hedge_density_of(hedge_cue_counts(tables.hedges), arts, by="side"), expected)


def test_hedge_density_of_lists_cues_as_written_once():
    hedges = pd.DataFrame({"article_id": ["a", "a", "b", "b", "b"], "kind": ["epistemic"] * 3 + ["attribution"] * 2,
                           "cue": ["Reportedly", "reportedly ", "allegedly", "said", "according  to"]})
    arts = pd.DataFrame({"article_id": ["a", "b"], "side": ["X", "X"], "n_words": [600, 400]})
    got = hedge_density_of(hedge_cue_counts(hedges), arts, by="side").iloc[0]
    assert (got["epistemic_cues"], got["attribution_cues"]) == ("reportedly ×2; allegedly ×1", "according to ×1; said ×1")
    assert (got["n_cues"], got["per_1000_words"]) == (5, 5.0)
    pd.testing.assert_frame_equal(hedge_density_of(hedge_cue_counts(hedges), arts, by="side"),
                                  hedge_density(hedges, arts, by="side"))
    with pytest.raises(ValueError):
        hedge_density_of(hedge_cue_counts(hedges), arts.drop(columns=["n_words"]), by="side")


@pytest.mark.parametrize("by", ["source", "country", "halves", "one"])
@pytest.mark.parametrize("keep", ["all", "some", "none"])
def test_frame_profile_of_counts_is_frame_profile(by, keep):
    tables, arts = _sided(by)
    arts = {"all": arts, "some": arts.iloc[::3], "none": arts.head(0)}[keep]
    expected = frame_profile(tables.frames, tables.sentences, arts, by="side")
    pd.testing.assert_frame_equal(frame_profile_of(frame_counts(tables.frames, tables.sentences), arts, by="side"),
                                  expected)
