"""The Framing page's tables: frames by side with counts, and who is quoted by which side."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.views.framing import count_labels, frame_order, frame_share_table, label_speakers, voices_table

LABELS = {"blame": "Blame", "human": "Human cost"}


def profile(*rows: tuple[str, str, int, int]) -> pd.DataFrame:
    """``frame_profile(by="side")`` rows from (side, frame, n_sentences, n_total)."""
    frame = pd.DataFrame(rows, columns=["side", "frame", "n_sentences", "n_total"])
    return frame.assign(label=frame["frame"].map(LABELS), share=frame["n_sentences"] / frame["n_total"])


PROFILE = profile(("B", "human", 0, 6), ("B", "blame", 3, 6), ("A", "blame", 1, 3), ("A", "human", 2, 3))


def test_count_labels():
    assert count_labels(PROFILE).tolist() == ["0/6", "3/6", "1/3", "2/3"]


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
