"""Framing figures: frame shares per side in codebook order, hedging bars per side, escaped side names."""

from __future__ import annotations

import pandas as pd
import pytest

from charts.framing import frame_profile_figure, hedge_figure, hedge_rows
from tests.charts.figure_text import ESCAPED, HOSTILE, assert_escaped

LABELS = {"blame": "Blame", "human": "Human cost", "security": "Security"}


def profile(*rows: tuple[str, str, int, int]) -> pd.DataFrame:
    """``frame_profile(by="side")`` rows from (side, frame, n_sentences, n_total)."""
    frame = pd.DataFrame(rows, columns=["side", "frame", "n_sentences", "n_total"])
    return frame.assign(label=frame["frame"].map(LABELS), share=frame["n_sentences"] / frame["n_total"])


def density(*rows: tuple[str, float, float]) -> pd.DataFrame:
    """``hedge_density(by="side")`` rows from (side, epistemic_per_1000, attribution_per_1000)."""
    return pd.DataFrame(rows, columns=["side", "epistemic_per_1000", "attribution_per_1000"])


TWO_SIDES = profile(("A", "blame", 1, 4), ("A", "human", 2, 4), ("A", "security", 0, 4),
                    ("B", "blame", 3, 6), ("B", "human", 0, 6), ("B", "security", 6, 6))


@pytest.mark.parametrize("sides", [["A"], ["A", "B"], ["A", "B", "C", "D"]])
def test_frame_profile_height_grows_with_the_sides(sides):
    figure = frame_profile_figure(TWO_SIDES, labels=LABELS, sides=sides)
    assert figure.layout.height == pytest.approx(140 + 26 * len(LABELS) * len(sides) ** 0.8)


def test_frame_profile_one_trace_per_side_with_counts_as_text():
    figure = frame_profile_figure(TWO_SIDES, labels=LABELS, sides=["A", "B"])
    assert [(t.name, list(t.y), list(t.text)) for t in figure.data] == [
        ("A", ["Blame", "Human cost", "Security"], ["1/4", "2/4", "0/4"]),
        ("B", ["Blame", "Human cost", "Security"], ["3/6", "0/6", "6/6"]),
    ]
    assert figure.data[1].customdata.tolist() == [["B", "blame"], ["B", "human"], ["B", "security"]]
    assert figure.layout.barmode == "group"


def test_frame_profile_frames_in_codebook_order_from_the_top():
    shuffled = TWO_SIDES.sample(frac=1, random_state=3)
    figure = frame_profile_figure(shuffled, labels=LABELS, sides=["A", "B"])
    assert list(reversed(figure.layout.yaxis.categoryarray)) == list(LABELS.values())
    assert (figure.layout.xaxis.title.text, figure.layout.yaxis.title.text) == ("Share of sentences", "")
    assert figure.layout.xaxis.tickformat == ".0%"


def test_frame_profile_escapes_the_side_but_keeps_it_raw_for_selection():
    figure = frame_profile_figure(profile((HOSTILE, "blame", 1, 2)), labels=LABELS, sides=[HOSTILE])
    assert figure.data[0].name == ESCAPED
    assert figure.data[0].customdata.tolist() == [[HOSTILE, "blame"]]  # read back by the page, never rendered
    assert_escaped(figure, leave_out=("customdata",))


def test_hedge_rows_long_form_epistemic_first():
    rows = hedge_rows(density(("A", 1.5, 3.0), ("B", 2.0, 0.5)))
    assert rows[["side", "kind", "per_1000"]].values.tolist() == [
        ["A", "epistemic", 1.5], ["B", "epistemic", 2.0], ["A", "attribution", 3.0], ["B", "attribution", 0.5]]


@pytest.mark.parametrize("sides", [["A"], ["B", "A"], ["C", "A", "B"]])
def test_hedge_bars_two_traces_sides_in_the_given_order(sides):
    figure = hedge_figure(density(*[(side, 1.0 + i, 2.0) for i, side in enumerate(sides)]))
    assert [t.name for t in figure.data] == ["epistemic", "attribution"]
    assert all(list(t.x) == sides for t in figure.data)
    assert list(figure.data[0].y) == [1.0 + i for i in range(len(sides))]
    assert (figure.layout.yaxis.title.text, figure.layout.xaxis.title.text) == ("Cues per 1,000 words", "")


def test_hedge_bars_escape_the_side():
    figure = hedge_figure(density((HOSTILE, 1.0, 2.0)))
    assert list(figure.data[0].x) == [ESCAPED]
    assert figure.data[0].customdata.tolist() == [[HOSTILE, "epistemic"]]
    assert_escaped(figure, leave_out=("customdata",))
