"""The Tone page: distributions per source or group, articles over time, along an article, entity tone, disagreement."""

import html
import json

import pytest


@pytest.fixture(scope="module")
def page(open_page):
    return open_page("pages/tone.py")


TABS = {"By source or group": "By source", "Over time": "Over publication time",
        "Along one article": "Along one article", "Around entities": "Around entities, by source",
        "TextBlob against VADER": "Where TextBlob and VADER disagree"}


def table_with(app, column):
    return next(d.value for d in app.dataframe if column in d.value.columns)


def open_tab(app, label: str):
    app.session_state["tone_view"] = label
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    return app


def test_sections_and_caveats(page):
    open_tab(page, "By source or group")
    assert any("isn't great" in m.value for m in page.markdown)  # the method's limits are stated
    per_source = table_with(page, "n_articles")
    assert len(per_source) == 5 and per_source["polarity"].between(-1, 1).all()


@pytest.mark.parametrize("label", list(TABS))
def test_one_section_is_drawn_at_a_time(page, label):
    """Only the open tab's section runs: its header, and one chart (the browser drew all five at once in seconds)."""
    open_tab(page, label)
    assert [t.label for t in page.get("tab_container")[0].children.values()] == list(TABS)
    assert [h.value for h in page.header] == [TABS[label]]
    assert len(page.get("plotly_chart")) == 1


def test_undated_articles_are_named_not_plotted(page):
    open_tab(page, "Over time")
    assert any("undated article" in c.value for c in page.caption)


def test_entity_tone_table_counts_sentences_and_marks_thin(page):
    open_tab(page, "Around entities")
    around = table_with(page, "n_mentions")
    assert set(around["canonical"]) <= set(page.multiselect(key="tone_entities").value)
    assert (around["thin"] == (around["n_sentences"] < 3)).all()
    page.multiselect(key="tone_entities").set_value(["Ukraine"]).run()
    assert set(table_with(page, "n_mentions")["canonical"]) == {"Ukraine"}


def test_metric_switch(page):
    page.radio(key="tone_metric").set_value("vader_compound").run()
    assert not page.exception
    page.radio(key="tone_metric").set_value("polarity").run()


def test_choosing_an_article_shows_its_sections(page):
    open_tab(page, "Along one article")
    options = page.selectbox(key="tone_article").options
    page.selectbox(key="tone_article").set_value(page.selectbox(key="tone_article").value).run()
    sections = table_with(page, "section")
    assert len(options) == 5 and sections["n_sentences"].sum() > 5


def test_disagreements_are_listed_with_their_sentences(page):
    open_tab(page, "TextBlob against VADER")
    listed = page.dataframe[-1].value  # the last table: the sentences behind the disagreement chart
    assert any("point opposite ways" in m.value for m in page.markdown)
    assert len(listed) > 0 and {"text", "polarity", "vader_compound"} <= set(listed.columns)
    assert ((listed["polarity"] > 0.05) != (listed["vader_compound"] > 0.05)).all()


def test_selecting_a_point_shows_its_sentence(page):
    article = open_tab(page, "Along one article").selectbox(key="tone_article").value
    page.session_state["tone_versus_chart"] = {"selection": {"points": [
        {"customdata": [article, 0]}], "point_indices": [0], "box": [], "lasso": []}}
    open_tab(page, "TextBlob against VADER")
    assert not page.exception, [e.value for e in page.exception]
    assert any("Selected sentences" in m.value for m in page.markdown)


def test_selecting_an_entity_point_shows_that_source_sentences(page):
    open_tab(page, "Around entities")
    page.multiselect(key="tone_entities").set_value(["Ukraine"]).run()
    around = table_with(page, "n_mentions")
    page.session_state["tone_entities_chart"] = {"selection": {"points": [{"customdata": [0, 1]}],
                                                               "point_indices": [0], "box": [], "lasso": []}}
    page.run()
    assert not page.exception, [e.value for e in page.exception]
    heading = f"Ukraine in {around['group'].iloc[0]}"  # the seeds compare source by source
    assert any(heading in m.value.replace("\\", "") for m in page.markdown)


def test_a_grouping_chosen_on_framing_holds_on_tone(open_many_outlets):
    app = open_many_outlets("pages/framing.py")
    app.radio(key="framing_by").set_value("kind").run()
    assert not app.exception
    frames = next(d.value for d in app.dataframe if "Frame" in d.value.columns)
    assert "state-owned or state-funded" in frames.columns
    app.switch_page("pages/tone.py").run()
    assert not app.exception and app.radio(key="tone_by").value == "kind"


def test_many_outlets_tone_by_country_with_the_source_on_hover(open_many_outlets):
    app = open_many_outlets("pages/tone.py")
    assert app.radio(key="tone_by").value == "country"
    assert [h.value for h in app.header][0] == "By outlet country"
    charts = {c.proto.id: json.loads(c.proto.spec) for label in TABS for c in open_tab(app, label).get("plotly_chart")}
    spread = next(spec for spec in charts.values() if spec["data"][0]["type"] == "box")
    assert [t["name"] for t in spread["data"][:-1]][-1] == "other" and len(spread["data"]) - 1 == 9
    assert any("reuters.com" in text for text in spread["data"][-1]["text"])
    # the means table is of the chart's groups, in its order; each source's own means stay under it
    by_country = table_with(open_tab(app, "By source or group"), "Outlet country")
    assert by_country["Outlet country"].tolist() == [t["name"] for t in spread["data"][:-1]]
    assert by_country["n_articles"].sum() == 24 and by_country["n_sources"].sum() == 20
    assert any(e.label == "Each source (20)" for e in app.expander)
    over_time = next(spec for spec in charts.values() if spec["layout"].get("xaxis", {}).get("type") == "date"
                     or "published" in json.dumps(spec["layout"].get("xaxis", {})))
    assert len({t["name"].split(",")[0] for t in over_time["data"]}) <= 9
    assert over_time["layout"]["legend"]["y"] == 1.02


@pytest.mark.parametrize("ids, picked, cap, expected", [
    (["a", "b", "c"], ["c"], 5, ["a", "b", "c"]),
    (["a", "b", "c", "d"], ["a"], 2, ["a", "b"]),
    (["a", "b", "c", "d"], ["d", "a", "c"], 2, ["a", "b", "c", "d"]),  # picked beyond the cap: after, in ids' order
    (["a", "b", "c", "d"], [], 3, ["a", "b", "c"]),
    ([], [], 2, []),
])
def test_capped_many_keeps_the_first_and_every_picked(ids, picked, cap, expected):
    import page_parts

    assert page_parts.capped_many(ids, picked, cap) == expected


def test_capped_pickers_list_the_first_and_what_was_picked(open_page, monkeypatch):
    """The pickers list a few (here 2 articles, 3 entities): an article selected in "Over time" beyond them is
    listed, picked and drawn in "Along one article"; the entities picked by default beyond them are listed."""
    import page_parts

    monkeypatch.setattr(page_parts, "MAX_ARTICLE_CHOICES", 2)
    monkeypatch.setattr(page_parts, "MAX_ENTITY_CHOICES", 3)
    app = open_page("pages/tone.py")
    first = open_tab(app, "Along one article").selectbox(key="tone_article")
    assert len(first.options) == 2  # labels, "source: title"
    last = table_with(open_tab(app, "By source or group"), "n_articles")  # 5 sources, one article each
    assert len(last) == 5
    over_time = json.loads(open_tab(app, "Over time").get("plotly_chart")[0].proto.spec)
    rows = [row for trace in over_time["data"] for row in trace["customdata"]]  # [article_id, title, source]
    beyond = next(a for a, title, _ in rows if not any(html.unescape(title)[:40] in label for label in first.options))
    app.session_state["tone_time_chart"] = {"selection": {"points": [{"customdata": [beyond]}], "point_indices": [0],
                                                          "box": [], "lasso": []}}
    open_tab(app, "Over time")
    assert any("Sentences of the selected article" in m.value for m in app.markdown)
    box = open_tab(app, "Along one article").selectbox(key="tone_article")
    assert box.value == beyond and list(box.options)[:2] == list(first.options) and len(box.options) == 3
    assert table_with(app, "section")["n_sentences"].sum() > 0
    entities = open_tab(app, "Around entities").multiselect(key="tone_entities")
    assert len(entities.options) == 6 and list(entities.options[3:]) == entities.value[3:]  # 3, then the picked 3
