"""The Entities page: ranking, type filter, roll-up, source shares and drill-down to sentences."""

import pytest


@pytest.fixture(scope="module")
def page(open_page):
    return open_page("pages/entities.py")


def table_with(app, column):
    return next(d.value for d in app.dataframe if column in d.value.columns)


def test_sections_and_top_entities(page):
    assert [h.value for h in page.header] == ["Most named", "Who names whom, by source", "Named together"]
    top = table_with(page, "mentions")
    names = set(top["canonical"])
    assert {"Russia", "Ukraine", "Islamic State", "Vladimir Putin", "Crocus City Hall", "Moscow"} <= names
    assert top["mentions"].is_monotonic_decreasing


def test_share_table_has_counts_and_shares(page):
    grid = table_with(page, "Entity")
    assert grid.iloc[:, 1:].apply(lambda col: col.str.match(r"^\d+ \(\d+%\)$")).all().all()


def test_type_filter_and_roll_up(page):
    page.multiselect(key="entities_labels").set_value(["ORG"]).run()
    assert not page.exception
    top = table_with(page, "mentions")
    assert set(top["label"]) == {"ORG"}
    assert "Islamic State Khorasan Province" in set(top["canonical"])
    before = top.set_index("canonical")["mentions"]
    page.toggle(key="entities_roll_up").set_value(True).run()
    rolled = table_with(page, "mentions").set_index("canonical")
    assert "Islamic State Khorasan Province" not in rolled.index
    assert rolled.loc["Islamic State", "mentions"] == before["Islamic State"] + before["Islamic State Khorasan Province"]
    assert rolled.loc["Islamic State", "family"].startswith("includes")
    page.toggle(key="entities_roll_up").set_value(False).run()
    page.multiselect(key="entities_labels").set_value([]).run()


def test_demonym_toggle_changes_counts(page):
    with_demonyms = table_with(page, "mentions").set_index("canonical")["mentions"]
    page.toggle(key="entities_demonyms").set_value(False).run()
    without = table_with(page, "mentions").set_index("canonical")["mentions"]
    assert without["Russia"] < with_demonyms["Russia"]
    page.toggle(key="entities_demonyms").set_value(True).run()


def select(app, key, **selection):
    app.session_state[key] = {"selection": {"rows": [], "columns": [], "cells": [], **selection}}
    app.run()
    assert not app.exception, [e.value for e in app.exception]


def test_selecting_an_entity_shows_its_sentences(page):
    top = table_with(page, "mentions")
    row = int(top.index[top["canonical"] == "Vladimir Putin"][0])
    select(page, "entities_top_table", rows=[row])
    evidence = table_with(page, "sentence")
    assert 0 < len(evidence) <= top.loc[row, "mentions"]
    assert evidence["sentence"].str.contains("Putin").all()
    assert any("Vladimir Putin" in m.value for m in page.markdown)
    select(page, "entities_top_table")


def test_selecting_a_source_cell_shows_that_source_only(page):
    grid = table_with(page, "Entity")
    row = int(grid.index[grid["Entity"] == "Ukraine"][0])
    source = grid.columns[2]
    select(page, "entities_share_table", cells=[[row, source]])
    evidence = table_with(page, "sentence")
    assert set(evidence["source"]) == {source}
    assert len(evidence) <= int(grid.loc[row, source].split()[0])  # a sentence can hold several mentions
    select(page, "entities_share_table")


def test_selecting_a_pair_shows_sentences_naming_both(page):
    pairs = table_with(page, "entity_a")
    select(page, "entities_pairs_table", rows=[0])
    evidence = table_with(page, "sentence")
    assert len(evidence) == pairs["n_sentences"].iloc[0]
    select(page, "entities_pairs_table")


def test_many_outlets_share_by_country_and_a_group_cell_shows_its_outlets_sentences(open_many_outlets):
    app = open_many_outlets("pages/entities.py")
    assert app.radio(key="entities_by").value == "country"
    assert "Who names whom, by outlet country" in [h.value for h in app.header]
    grid = next(d.value for d in app.dataframe if "Entity" in d.value.columns)
    assert len(grid.columns) == 1 + 9 and grid.columns[-1] == "other"
    select(app, "entities_share_table", cells=[[0, "other"]])
    evidence = next(d.value for d in app.dataframe if "sentence" in d.value.columns)
    assert evidence["source"].nunique() > 1  # the group's sentences, each with its own source
    app.radio(key="entities_by").set_value("source").run()
    assert not app.exception
    grid = next(d.value for d in app.dataframe if "Entity" in d.value.columns)
    assert len(grid.columns) == 1 + 9 and "reuters.com" in grid.columns  # 8 sources with most articles + other
