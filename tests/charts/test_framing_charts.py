"""Framing figures: frame shares per side as a sorted heatmap, hedging bars per side, escaped side names."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis.views.framing import frame_order
from charts.framing import _two_lines, frame_profile_figure, hedge_figure, hedge_rows
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


def test_frame_heatmap_frames_sorted_by_how_much_they_are_carried():
    figure = frame_profile_figure(TWO_SIDES, labels=LABELS, sides=["A", "B"])
    heat, cells = figure.data
    assert (heat.type, cells.type) == ("heatmap", "scatter")
    # security 6 sentences, blame 4, human 2: the most carried frame on the top row
    assert list(heat.y) == ["Security", "Blame", "Human cost"] and list(heat.x) == ["A", "B"]
    assert heat.z.tolist() == [[0.0, 1.0], [0.25, 0.5], [0.5, 0.0]]
    assert figure.layout.yaxis.autorange == "reversed"
    assert frame_order(TWO_SIDES, labels=LABELS) == ["security", "blame", "human"]


def test_frame_heatmap_one_selectable_cell_per_frame_and_side():
    figure = frame_profile_figure(TWO_SIDES, labels=LABELS, sides=["B", "A"])
    cells = figure.data[1]
    assert [list(c) for c in cells.customdata] == [["B", "security"], ["A", "security"], ["B", "blame"], ["A", "blame"],
                                         ["B", "human"], ["A", "human"]]
    assert list(cells.x) == ["B", "A"] * 3
    assert cells.hovertext[0] == "Security — B: 6/6 sentences (100%)"
    assert figure.data[0].hoverinfo == "skip"


@pytest.mark.parametrize("n_sides", [1, 9, 100])
def test_frame_heatmap_size_depends_on_the_frames_not_the_sides(n_sides):
    sides = [f"s{i}" for i in range(n_sides)]
    rows = profile(*[(side, frame, i % 3, 3) for i, side in enumerate(sides) for frame in LABELS])
    figure = frame_profile_figure(rows, labels=LABELS, sides=sides)
    longest = max(len(side) for side in sides)
    assert figure.layout.height == 120 + (7 * longest if n_sides > 2 else 0) + 44 * len(LABELS)
    assert len(figure.data) == 2 and len(figure.data[1].x) == n_sides * len(LABELS)
    assert not figure.layout.showlegend and all(t.showlegend in (None, False) for t in figure.data[1:])


def test_frame_heatmap_keeps_room_for_long_side_names_without_squeezing_the_rows():
    sides = ["A wire service", "B", "C"]
    rows = profile(*[(side, frame, 1, 3) for side in sides for frame in LABELS])
    figure = frame_profile_figure(rows, labels=LABELS, sides=sides)
    assert figure.layout.height - 120 - 44 * len(LABELS) == 7 * len(sides[0])
    rows = profile(*[(side, frame, 1, 3) for side in [s * 20 for s in sides] for frame in LABELS])
    assert frame_profile_figure(rows, labels=LABELS, sides=[s * 20 for s in sides]).layout.height == 120 + 140 + 44 * 3


def test_frame_heatmap_hover_names_the_sources_of_a_group():
    figure = frame_profile_figure(TWO_SIDES, labels=LABELS, sides=["A", "B"], members={"A": "tass.ru, rt.com +2 more"})
    assert figure.data[1].hovertext[0] == "Security — A: 0/4 sentences (0%)<br>tass.ru, rt.com +2 more"
    assert figure.data[1].hovertext[1] == "Security — B: 6/6 sentences (100%)"


def test_frame_profile_escapes_the_side_but_keeps_it_raw_for_selection():
    figure = frame_profile_figure(profile((HOSTILE, "blame", 1, 2)), labels=LABELS, sides=[HOSTILE],
                                  members={HOSTILE: HOSTILE})
    assert list(figure.data[0].x) == [ESCAPED]
    assert list(figure.data[1].customdata[0]) == [HOSTILE, "blame"]  # read back by the page, never rendered
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


def test_hedge_legend_sits_above_the_plot():
    legend = hedge_figure(density(("A", 1.0, 2.0))).layout.legend
    assert (legend.orientation, legend.yanchor, legend.y) == ("h", "bottom", 1.02)


@pytest.mark.parametrize("label, expected", [
    ("Misinformation", "Misinformation"),
    ("Perpetrators & terrorism", "Perpetrators &amp;<br>terrorism"),
    ("International reaction & solidarity", "International<br>reaction &amp; solidarity"),
])
def test_frame_labels_wrap_once_to_leave_the_cells_room(label, expected):
    assert _two_lines(label) == expected


def test_a_thin_side_is_drawn_grey_and_leaves_the_colour_scale_to_the_others():
    # a country with one short article beside two with thousands of sentences: its 40% would set the scale
    rows = profile(("Wide", "blame", 300, 3000), ("Wide", "human", 600, 3000), ("Wide", "security", 90, 3000),
                   ("Also wide", "blame", 100, 900), ("Also wide", "human", 90, 900),
                   ("Also wide", "security", 9, 900),
                   ("One article", "blame", 6, 15), ("One article", "human", 0, 15),
                   ("One article", "security", 3, 15))
    figure = frame_profile_figure(rows, labels=LABELS, sides=["Wide", "Also wide", "One article"])
    heat, grey, cells = figure.data
    assert (heat.type, grey.type, cells.type) == ("heatmap", "heatmap", "scatter")
    z, grey_z = np.asarray(heat.z, dtype=float), np.asarray(grey.z, dtype=float)
    assert np.isnan(z[:, 2]).all() and not np.isnan(z[:, :2]).any()
    assert heat.zmax == pytest.approx(0.2)  # Wide's human cost, not the one article's 40%
    assert grey_z[:, 2].tolist() == [0.0, 0.4, 0.2] and np.isnan(grey_z[:, :2]).all()  # rows: human, blame, security
    assert grey.texttemplate == heat.texttemplate and not grey.showscale
    assert len(cells.x) == 9  # still selectable, still hovered with its counts
    assert "Blame — One article: 6/15 sentences (40%)" in cells.hovertext


def test_no_side_is_thin_when_every_side_is_small():
    rows = profile(*[(side, frame, n, 30 + i) for i, side in enumerate("ABCDE")
                     for frame, n in zip(LABELS, (3, 5, 1))])
    figure = frame_profile_figure(rows, labels=LABELS, sides=list("ABCDE"))
    assert len(figure.data) == 2 and not np.isnan(np.asarray(figure.data[0].z, dtype=float)).any()
