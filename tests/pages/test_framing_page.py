"""The Framing page: choosing sources or groups changes what is compared; many outlets compare by country."""

import json

import numpy as np
import pytest

from tests.pages.test_toll_page import values


@pytest.fixture
def page(open_page):
    return open_page("pages/framing.py")


TABS = {"Frames": "What the story is about", "Roles": "Who is cast as what", "Hedging": "How sure the language sounds",
        "Tone toward entities": "Tone toward entities", "Distinctive words": "Distinctive words",
        "Who is cited": "Whose words are used"}


def frames_table(app):
    return next(d.value for d in app.dataframe if "Frame" in d.value.columns)


def open_tab(app, label: str):
    app.session_state["framing_view"] = label
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    return app


@pytest.mark.parametrize("label", list(TABS))
def test_one_section_at_a_time(page, label):
    """Only the open tab's section runs: the shared choices, then its header (Frames first, on a visit)."""
    if label != "Frames":
        open_tab(page, label)
    assert [t.label for t in page.get("tab_container")[0].children.values()] == list(TABS)
    assert [h.value for h in page.header] == [TABS[label]]
    assert page.multiselect(key="framing_pick") is not None


def test_all_sources_side_by_side_with_counts(page):
    table = frames_table(page)
    sources = page.multiselect(key="framing_pick").options
    assert list(table.columns) == ["Frame", *sources]
    assert table.iloc[:, 1:].apply(lambda col: col.str.match(r"^\d+/\d+ \(\d+%\)$")).all().all()  # counts, not only shares


def test_one_source_is_compared_against_all_others(page):
    first = page.multiselect(key="framing_pick").options[0]
    page.multiselect(key="framing_pick").set_value([first]).run()
    assert not page.exception
    assert list(frames_table(page).columns) == ["Frame", first, "All others"]
    assert any("against all other articles" in i.value for i in page.info)


def test_two_sources_restrict_the_comparison(page):
    before = frames_table(page)
    chosen = page.multiselect(key="framing_pick").options[1:3]
    page.multiselect(key="framing_pick").set_value(chosen).run()
    after = frames_table(page)
    assert list(after.columns) == ["Frame", *chosen]
    # the same numbers, fewer columns (the rows follow the frames most carried by the sides shown)
    assert after.set_index("Frame")[chosen].sort_index().equals(before.set_index("Frame")[chosen].sort_index())
    assert any("Thin evidence" in w.value for w in open_tab(page, "Distinctive words").warning)


def sentence_total(cell: str) -> int:
    return int(cell.split("/")[1].split()[0])  # "3/15 (20%)" -> 15


def test_groups_of_sources(page):
    sources = page.multiselect(key="framing_pick").options
    per_source = frames_table(page).iloc[0]
    assert page.radio(key="framing_by").options == ["Source", "Outlet country", "Outlet kind"]
    page.session_state["framing_groups"] = {sources[0]: "Group A", sources[1]: "Group A"}
    page.run()
    page.radio(key="framing_by").set_value("groups").run()
    assert not page.exception
    options = page.multiselect(key="framing_pick").options
    assert "Group A" in options and sources[0] not in options and sources[2] in options
    page.multiselect(key="framing_pick").set_value(["Group A"]).run()
    table = frames_table(page)
    assert list(table.columns) == ["Frame", "Group A", "All others"]
    assert sentence_total(table["Group A"].iloc[0]) == sum(sentence_total(per_source[s]) for s in sources[:2])
    assert sentence_total(table["All others"].iloc[0]) == sum(sentence_total(per_source[s]) for s in sources[2:])


def test_a_tone_cell_shows_the_sentences_behind_it(page):
    open_tab(page, "Tone toward entities")
    tone = next(d.value for d in page.dataframe if {"Entity", "Side", "polarity"} <= set(d.value.columns))
    assert tone["polarity"].between(-1, 1).all() and (tone["thin"] == (tone["n_sentences"] < 3)).all()
    page.session_state["framing_tone_table"] = {"selection": {"rows": [], "columns": [], "cells": [[0, "polarity"]]}}
    page.run()
    assert not page.exception
    evidence = next(d.value for d in page.dataframe if {"sentence", "polarity"} <= set(d.value.columns))
    assert len(evidence) == tone["n_sentences"].iloc[0]
    assert set(evidence["side"]) == {tone["Side"].iloc[0]}
    assert evidence["polarity"].mean() == pytest.approx(tone["polarity"].iloc[0])


def test_the_seeds_compare_source_by_source(page):
    assert page.radio(key="framing_by").value == "source"
    chart = page.get("plotly_chart")[0]
    heat = json.loads(chart.proto.spec)["data"][0]
    assert heat["type"] == "heatmap" and len(heat["x"]) == 5  # the five seeds, one column each


def test_many_outlets_compare_by_country_at_most_eight_and_other(open_many_outlets):
    app = open_many_outlets("pages/framing.py")
    assert app.radio(key="framing_by").value == "country"
    table = frames_table(app)
    assert len(table.columns) == 1 + 9 and table.columns[-1] == "other"
    assert {"United Kingdom", "Russia"} <= set(table.columns)
    assert any("together as “other”" in c.value for c in app.caption)
    chart = json.loads(app.get("plotly_chart")[0].proto.spec)["data"]
    heat, cells = chart[0], chart[-1]  # a grey heatmap of thin sides may lie between
    assert len(heat["x"]) == 9 and any("reuters.com" in h for h in cells["hovertext"])
    # countries of one four-sentence article beside "other"'s dozens: grey, named under the chart
    grey, = chart[1:-1]
    z = np.array(values(grey["z"])).reshape(len(grey["y"]), len(grey["x"]))
    drawn = [side for side, column in zip(grey["x"], z.T) if not np.isnan(column).all()]
    note = next(c.value for c in app.caption if c.value.startswith("Grey: "))
    assert drawn and note.startswith(f"Grey: {', '.join(drawn)} — fewer than 50 sentences")
    # the evidence of a group's cell names each sentence's own source
    app.session_state["framing_frames_table"] = {"selection": {"rows": [], "columns": [],
                                                               "cells": [[0, "other"]]}}
    app.run()
    evidence = next(d.value for d in app.dataframe if {"sentence", "side", "source"} <= set(d.value.columns))
    assert set(evidence["side"]) == {"other"} and evidence["source"].nunique() > 1



def test_all_triples_are_read_only_once_their_expander_is_open(page):
    def triples(app):
        return [d.value for d in app.dataframe if "relation" in d.value.columns and "actor" in d.value.columns]

    open_tab(page, "Roles")
    assert page.session_state["framing_triples_open"] is False and triples(page) == []
    page.session_state["framing_triples_open"] = True
    page.run()
    assert not page.exception
    shown = triples(page)
    assert len(shown) == 1 and len(shown[0]) and shown[0]["sentence"].str.len().gt(0).all()


def test_a_voices_cell_shows_the_sentences_behind_it(page):
    open_tab(page, "Who is cited")
    voices = next(d.value for d in page.dataframe if "who" in d.value.columns)
    side = voices.columns[1]
    row = int(voices[side].to_numpy().argmax())
    page.session_state["framing_cited_table"] = {"selection": {"rows": [], "columns": [], "cells": [[row, side]]}}
    page.run()
    assert not page.exception
    evidence = next(d.value for d in page.dataframe if {"sentence", "surface", "cue"} <= set(d.value.columns))
    assert len(evidence) == min(voices[side].iloc[row], 60) and set(evidence["side"]) == {side}


def test_who_is_cast_as_what_follows_the_order_of_the_sides(open_many_outlets):
    """Largest side first, as the frames table's columns, not alphabetical: "other" (four outlets) comes last."""
    app = open_many_outlets("pages/framing.py")
    sides = [c for c in frames_table(app).columns[1:]]
    roles = next(d.value for d in open_tab(app, "Roles").dataframe if {"Side", "Entity", "total"} <= set(d.value.columns))
    seen = list(dict.fromkeys(roles["Side"].tolist()))
    assert len(seen) > 2 and seen == [s for s in sides if s in set(seen)]
    assert seen != sorted(seen)


def test_the_entity_picker_lists_the_most_named_and_the_picked(open_page, monkeypatch):
    import page_parts

    monkeypatch.setattr(page_parts, "MAX_ENTITY_CHOICES", 2)
    app = open_tab(open_page("pages/framing.py"), "Tone toward entities")
    picker = app.multiselect(key="framing_entities")
    names = [option.rsplit(" (", 1)[0] for option in picker.options]  # "Russia (28)": a name and its mentions
    assert len(picker.value) == 4 and names == picker.value  # the 4 most named picked: listed, beyond the cap's 2
    assert "The list holds the first 2 of" in picker.help
    picker.set_value(picker.value[:1]).run()
    assert list(app.multiselect(key="framing_entities").options) == picker.options[:2]
