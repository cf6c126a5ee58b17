"""The Figures page: ledger, filters, evidence panel and escaping, on small invented articles."""

from __future__ import annotations

from dataclasses import fields, replace
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

import app_data
from analysis import schema
from analysis.figures.ledger import add_headline_figures, extract_figures, ledger_table
from analysis.figures.victims import extract_victims
from analysis.tables import CorpusTables

ROOT = Path(__file__).resolve().parents[2]
PAGE = str(ROOT / "pages" / "figures.py")
TIMEOUT = 120

ARTICLES = {
    "quake": ("Wire", "2023-10-02", "Quake kills dozens", [
        "A powerful earthquake struck the town late on Sunday, killing at least 12 people, officials said.",
        "More than 40 people were injured, including six children.",
        "The toll was later revised from an initial 14 to 12.",
    ]),
    "fire": ("Herald", None, "<script>alert(1)</script> *Fire* costs $5m", [
        "The fire destroyed a $5 million warehouse and killed 3 workers.",
        "Police arrested two men on Monday.",
    ]),
    "street": ("Gazette", "2023-10-03", "<b>Man</b> shot $2 from home", [
        "Police said Jon Ray, 24, was shot and killed on Oak Street on Monday.",
        "A neighbor, Ana <i>Cole</i>, was wounded.",
    ]),
}


def corpus() -> CorpusTables:
    sentence_rows, article_rows = [], []
    for aid, (source, published, title, sentences) in ARTICLES.items():
        offset = 0
        for idx, sentence in enumerate(sentences):
            sentence_rows.append({"article_id": aid, "idx": idx, "paragraph": 0, "section": "", "text": sentence,
                                  "start": offset, "end": offset + len(sentence)})
            offset += len(sentence) + 1
        article_rows.append({"article_id": aid, "source": source, "sources": source, "title": title,
                             "published": pd.Timestamp(published) if published else pd.NaT,
                             "text": " ".join(sentences), "date_method": "prefix" if published else ""})
    sentences = schema.conform(pd.DataFrame(sentence_rows), "sentences")
    figures = extract_figures(sentences)
    articles = add_headline_figures(schema.conform(pd.DataFrame(article_rows), "articles"), figures)
    empty = CorpusTables(**{f.name: schema.empty_table(f.name) for f in fields(CorpusTables)})
    # the people, not the counts they add: the ledger below lists numeral figures only
    victims = extract_victims(sentences, articles, figures=figures)
    return replace(empty, articles=articles, sentences=sentences, figures=figures, victims=victims)


@pytest.fixture
def app(monkeypatch) -> AppTest:
    tables = corpus()
    # the corpus, unfiltered: the page's whole-corpus views (ledger, people, sentence lookup) are of these tables
    monkeypatch.setattr(app_data, "current_tables", lambda: tables)
    monkeypatch.setattr(app_data, "corpus_tables", lambda: tables)
    at = AppTest.from_file(PAGE, default_timeout=TIMEOUT).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_ledger_lists_every_figure_dated_first(app):
    table = app.dataframe[0].value
    assert list(zip(table["source"], table["category"], table["figure"], table["status"])) == [
        ("Wire", "killed", "at least 12", "current"), ("Wire", "injured", "over 40", "current"),
        ("Wire", "injured", "6", "current"), ("Wire", "killed", "14", "superseded"), ("Wire", "killed", "12", "current"),
        ("Herald", "killed", "3", "current"), ("Herald", "arrested", "2", "current"),
    ]
    assert "sentence" in table.columns and "figure_id" not in table.columns


@pytest.mark.parametrize("key, choice, expected", [
    ("figures_category", ["killed"], {"killed"}),
    ("figures_status", ["superseded"], {"superseded"}),
    ("figures_scope", ["partial"], {"partial"}),
])
def test_filters_narrow_the_ledger(app, key, choice, expected):
    app.multiselect(key=key).set_value(choice).run()
    table = app.dataframe[0].value
    column = {"figures_category": "category", "figures_status": "status", "figures_scope": "scope"}[key]
    assert set(table[column]) == expected and len(table) >= 1


def test_source_filter(app):
    app.multiselect(key="figures_source").set_value(["Herald"]).run()
    assert set(app.dataframe[0].value["source"]) == {"Herald"}
    assert any("2 of 7 figures" in c.value for c in app.caption)


def test_selected_figure_shows_its_sentence_with_the_number_bold_and_the_article(app):
    figures = corpus().figures
    injured = figures.loc[figures["category"] == "injured", "figure_id"].iloc[0]
    app.session_state["figures_selected_id"] = injured  # what selecting its row in the ledger does
    app.run()
    text = "\n".join(m.value for m in app.markdown)
    assert "> More than **40** people were injured, including six children\\." in text
    assert "injured\\: over 40" in text and "**Quake kills dozens**" in text and "2023\\-10\\-02" in text
    others = app.dataframe[1].value  # the article's other figures
    assert len(others) == 5


def test_choosing_a_figure_in_the_box_and_escaping_untrusted_text(app):
    figures = corpus().figures
    killed = figures.loc[(figures["article_id"] == "fire") & (figures["category"] == "killed"), "figure_id"].iloc[0]
    app.selectbox(key="figures_choice").set_value(killed).run()
    text = "\n".join(m.value for m in app.markdown)
    assert "**3**" in text
    assert "\\$5 million" in text  # "$" escaped so markdown does not start maths
    assert "<script>" not in text and "\\<script\\>" in text
    assert "\\*Fire\\*" in text


def test_people_table_lists_who_was_harmed_with_the_sentence_one_click_away(app):
    people = app.dataframe(key="figures_people_0").value
    assert list(zip(people["name"], people["outcome"])) == [("Jon Ray", "killed")]
    assert "> Police said **Jon Ray, 24**, was shot and killed" in "\n".join(m.value for m in app.markdown)


def test_people_panel_escapes_article_text(app):
    shown = "\n".join(m.value for m in app.markdown)
    assert "<b>Man</b>" not in shown and "\\<b\\>Man" in shown and "\\$2" in shown


@pytest.mark.parametrize(("key", "value"), [("figures_category", ["killed"]), ("figures_source", ["Herald"]),
                                            ("figures_status", ["superseded", "current"]), ("figures_category", [])])
def test_the_figure_box_lists_the_ledgers_figures_by_label(app, key, value):
    # the labels as the page made them before (from the filtered ledger, not the whole's, taken by the filter)
    app.multiselect(key=key).set_value(value).run()
    tables = corpus()
    picks = {"figures_category": "categories", "figures_source": "sources", "figures_status": "statuses"}
    ledger = ledger_table(tables.figures, tables.articles, **{picks[key]: value})
    labels = ledger["category"] + ": " + ledger["figure"] + " — " + ledger["source"]
    assert app.selectbox(key="figures_choice").options == labels.tolist()
    assert len(app.dataframe[0].value) == len(ledger)



def test_the_figure_box_always_lists_the_figure_picked_in_the_table(app):
    last = corpus().figures["figure_id"].iloc[-1]
    app.session_state["figures_selected_id"] = last  # what selecting its row in the ledger does
    app.run()
    box = app.selectbox(key="figures_choice")
    assert box.value == last and len(set(box.options)) == len(box.options)


@pytest.mark.parametrize("ids, picked, cap, expected", [
    (["a", "b", "c"], "b", 5, ["a", "b", "c"]),
    (["a", "b", "c", "d"], "a", 2, ["a", "b"]),
    (["a", "b", "c", "d"], "d", 2, ["a", "b", "d"]),  # picked in the table beyond the cap: listed last
    ([], "x", 2, ["x"]),
])
def test_capped_choices_keep_the_first_and_the_picked(ids, picked, cap, expected):
    import page_parts

    assert page_parts.capped_choices(ids, picked, cap) == expected


@pytest.fixture
def blocks_of_three(monkeypatch):
    import page_parts

    monkeypatch.setattr(page_parts, "TABLE_BLOCK", 3)


def test_a_large_ledger_is_sent_in_blocks_and_every_row_stays_reachable(blocks_of_three, app):
    tables = corpus()
    ledger = ledger_table(tables.figures, tables.articles)
    assert len(ledger) > 3
    block = app.selectbox(key="figures_ledger_block")
    assert block.options == [f"{at + 1:,}-{min(at + 3, len(ledger)):,} of {len(ledger):,}"
                             for at in range(0, len(ledger), 3)]
    shown = []
    for at in range(0, len(ledger), 3):
        app.selectbox(key="figures_ledger_block").set_value(at).run()
        assert not app.exception, [e.value for e in app.exception]
        table = app.dataframe(key=f"figures_ledger_{at}").value
        assert len(table) == min(3, len(ledger) - at)
        shown += table["sentence"].tolist()
        # the evidence box lists the block's figures (and keeps the one picked before)
        labels = (ledger["category"] + ": " + ledger["figure"] + " — " + ledger["source"]).iloc[at:at + 3]
        assert set(labels) <= set(app.selectbox(key="figures_choice").options)
    assert shown == ledger["sentence"].tolist()


def test_the_ledger_downloads_whole_whatever_block_is_shown(blocks_of_three, app):
    app.selectbox(key="figures_ledger_block").set_value(3).run()
    button = [b for b in app.get("download_button") if "rows (CSV)" in b.proto.label]
    assert button and button[0].proto.label == f"All {len(ledger_table(corpus().figures, corpus().articles)):,} rows (CSV)"


def test_a_small_ledger_has_no_block_picker(app):
    assert not [s for s in app.selectbox if s.key == "figures_ledger_block"]
