"""The toll page: chart, undated strip, evidence, disagreements — on hand-made tables and on the seeds."""

from __future__ import annotations

import base64
import json
from dataclasses import fields, replace
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

import app_data
from analysis import schema
from analysis.tables import CorpusTables
from analysis.timeline.contradictions import find_contradictions
from analysis.timeline.points import build_timeline
from tests.timeline.helpers import article, figure, tables

ROOT = Path(__file__).resolve().parents[2]
PAGE = str(ROOT / "pages" / "toll.py")
TIMEOUT = 240


def corpus(arts: list[dict], figs: list[dict]) -> CorpusTables:
    a, f = tables(arts, figs)
    a["text"] = [f"Text of {aid}. " + " ".join(str(s) for s in f.loc[f["article_id"] == aid, "sentence"])
                 for aid in a["article_id"]]
    timeline = build_timeline(a, f)
    empty = CorpusTables(**{field.name: schema.empty_table(field.name) for field in fields(CorpusTables)})
    return replace(empty, articles=a, figures=f, timeline=timeline,
                   contradictions=find_contradictions(a, f, timeline=timeline))


def run_page(monkeypatch, corpus_tables: CorpusTables) -> AppTest:
    monkeypatch.setattr(app_data, "current_tables", lambda: corpus_tables)
    monkeypatch.setattr(app_data, "corpus_tables", lambda: corpus_tables)  # the evidence reads the whole corpus
    app = AppTest.from_file(PAGE, default_timeout=TIMEOUT).run()
    assert not app.exception, [e.value for e in app.exception]
    return app


def chart(app: AppTest) -> dict:
    charts = app.get("plotly_chart")
    assert len(charts) == 1
    return json.loads(charts[0].proto.spec)


def values(array: object) -> list:
    """A plotly JSON array as a list (plotly encodes numeric arrays as typed base64 blobs)."""
    if isinstance(array, dict) and "bdata" in array:
        return np.frombuffer(base64.b64decode(array["bdata"]), dtype=np.dtype(array["dtype"])).tolist()
    return list(array)


def plotted(spec: dict) -> list[tuple[object, float, str]]:
    """(x, y, point_id) of every point that stands for a figure."""
    out = []
    for trace in spec["data"]:
        if trace.get("customdata") is None or str(trace.get("meta", "")).startswith(("rings", "unconfirmed")):
            continue  # the may-rise rings and unconfirmed marks are drawn over points, not points
        customdata = values(trace["customdata"])
        out += [(x, y, c[0]) for x, y, c in zip(values(trace["x"]), values(trace["y"]), customdata)]
    return out


def markdown(app: AppTest) -> str:
    return "\n".join(m.value for m in app.markdown)


@pytest.fixture
def seed_shaped_corpus():
    arts = [
        article("d23a", "2024-03-23", event_date="2024-03-22", killed=(60, "at_least", True),
                injured=(100, "over", False)),
        article("d23b", "2024-03-23", killed=(133, "exact", False)),
        article("d24", "2024-03-24", event_date="2024-03-22", killed=(133, "at_least", False),
                injured=(140, "over", False)),
        article("u1", None, killed=(130, "over", False)),
        article("u2", None, killed=(133, "exact", False), injured=(107, "over", False)),
    ]
    sentence = "Officials revised the toll from 143 to 133."
    figs = [figure("d23a", "killed", 60, qualifier="at_least", sentence="At least 60 dead, a number that may rise."),
            figure("d23b", "killed", 133, sentence="The attack left 133 dead."),
            figure("u2", "killed", 133, sentence=sentence, sentence_idx=2),
            figure("u2", "killed", 143, status="superseded", figure_id="u2-old", sentence=sentence, sentence_idx=2)]
    for fig in figs:  # offsets of the number inside its sentence (sentences table is empty here)
        fig["number_text"] = str(int(fig["value"]))
    return corpus(arts, figs)


def test_chart_points_strip_and_summary(monkeypatch, seed_shaped_corpus):
    app = run_page(monkeypatch, seed_shaped_corpus)
    assert app.radio(key="toll_category").value == "killed"
    assert app.radio(key="toll_category").options == ["Deaths (5)", "Injured (3)", "In hospital (0)", "Arrests (0)"]
    spec = chart(app)
    points = plotted(spec)
    dated = sorted((str(x)[:10], y) for x, y, _ in points if isinstance(x, str))
    assert dated == [("2024-03-23", 60.0), ("2024-03-23", 133.0), ("2024-03-24", 133.0)]
    undated = sorted(y for x, y, _ in points if not isinstance(x, str))
    assert undated == [130.0, 133.0, 143.0]  # 143 is the superseded figure, in the strip
    assert spec["layout"]["xaxis2"]["title"]["text"] == "No date<br>found (2)"
    symbols = {pid: sym for trace in spec["data"] if trace.get("customdata") and isinstance(trace["marker"].get("symbol"), list)
               for (pid, _), sym in zip(trace["customdata"], trace["marker"]["symbol"])}
    assert symbols["d23a-killed"] == "triangle-up" and symbols["d23b-killed"] == "circle"
    assert symbols["u2-old"].endswith("-open")
    legend = {t.get("name") for t in spec["data"] if t.get("showlegend", True)}
    assert {"at least / over", "exact figure", "ringed: may rise"} <= legend
    text = markdown(app)
    assert "Deaths\\: reported from at least 60 \\(2024\\-03\\-23\\) to 133" in text
    assert "one article revises 143 to 133" in text
    assert "Two articles have no publication date found" in text
    in_short = app.markdown[0].value
    assert "Deaths" in in_short and "Injured" not in in_short  # other categories' lines wait in an expander
    assert any(e.label == "Other figures" for e in app.expander)


def test_category_toggle_and_evidence(monkeypatch, seed_shaped_corpus):
    app = run_page(monkeypatch, seed_shaped_corpus)
    app.radio(key="toll_category").set_value("injured").run()
    assert sorted(y for _, y, _ in plotted(chart(app))) == [100.0, 107.0, 140.0]
    app.radio(key="toll_category").set_value("killed").run()
    app.selectbox(key="toll_point").set_value("u2-old").run()
    text = markdown(app)
    assert "Officials revised the toll from :red-background[**143**] to 133\\." in text
    assert "superseded in the same article" in text
    # the same revision shows as a pair with its sentence
    assert "Revision inside one article" in text
    download = app.get("download_button")
    assert download, "the chart data can be downloaded"


def test_open_in_reader_sets_the_shared_reader_keys(monkeypatch, seed_shaped_corpus):
    app = run_page(monkeypatch, seed_shaped_corpus)
    app.selectbox(key="toll_point").set_value("d23b-killed").run()
    button = next(b for b in app.button if b.label == "Open in the reader")
    button.click().run()
    assert app.session_state["reader_article_id"] == "d23b"
    assert app.session_state["reader_highlight_figure_id"] == "d23b-killed"


def test_untrusted_text_is_escaped(monkeypatch):
    arts = [article("x", "2023-01-01", source="<img src=x onerror=alert(1)>", killed=(3, "exact", False))]
    arts[0]["title"] = "<script>alert('t')</script> $x$"
    figs = [figure("x", "killed", 3, sentence="<b>3</b> died, said **someone** $$")]
    app = run_page(monkeypatch, corpus(arts, figs))
    spec = json.dumps(chart(app))
    assert "<script>" not in spec and "<img" not in spec and "<b>3</b> died" not in spec
    assert "&lt;script&gt;" in spec and "&lt;img src=x" in spec and "&lt;b&gt;3&lt;/b&gt; died" in spec
    text = markdown(app)
    assert "<script>" not in text and "\\<script\\>" in text and "\\$x\\$" in text


def test_one_article(monkeypatch):
    app = run_page(monkeypatch, corpus([article("only", "2022-05-05", killed=(9, "about", False))], []))
    points = plotted(chart(app))
    assert [(str(x)[:10], y) for x, y, _ in points] == [("2022-05-05", 9.0)]
    assert "xaxis2" not in chart(app)["layout"]


def test_no_figures(monkeypatch):
    app = run_page(monkeypatch, corpus([article("a", "2022-05-05"), article("b", None)], []))
    assert not app.get("plotly_chart")
    assert any("nothing to plot" in i.value for i in app.info)


def test_category_without_figures(monkeypatch):
    app = run_page(monkeypatch, corpus([article("a", "2022-05-05", killed=(2, "exact", False))], []))
    app.radio(key="toll_category").set_value("arrested").run()
    assert not app.exception
    assert any("No article reports a figure" in i.value for i in app.info)


def test_all_undated(monkeypatch):
    app = run_page(monkeypatch, corpus([article("a", None, killed=(4, "exact", False)),
                                        article("b", None, killed=(6, "over", False))], []))
    spec = chart(app)
    assert spec["layout"]["xaxis"]["title"]["text"] == "No date<br>found (2)"
    assert sorted(y for _, y, _ in plotted(spec)) == [4.0, 6.0]


def test_mixed_events_warns_and_offers_one_event_at_a_time(monkeypatch):
    app = run_page(monkeypatch, corpus([article("flood", "2021-07-14", killed=(40, "exact", False)),
                                        article("flood2", "2021-07-15", killed=(52, "exact", False)),
                                        article("quake", "2023-02-06", killed=(5, "exact", False)),
                                        article("undated", None, killed=(7, "exact", False))], []))
    assert any("2 separate events" in w.value for w in app.warning)
    assert sorted(y for _, y, _ in plotted(chart(app))) == [5.0, 7.0, 40.0, 52.0]
    period = app.selectbox(key="toll_period")
    assert period.options == ["All events", "Event 1: 2021-07-14 to 2021-07-15", "Event 2: 2023-02-06"]
    period.set_value(2).run()
    assert sorted(y for _, y, _ in plotted(chart(app))) == [5.0, 7.0]


def test_many_events_open_on_the_most_covered(monkeypatch):
    arts = [article(f"q{year}", f"{year}-03-01", killed=(year - 2000, "exact", False)) for year in range(2011, 2017)]
    arts += [article("q2014b", "2014-03-02", source="beta", killed=(15, "exact", False))]
    app = run_page(monkeypatch, corpus(arts, []))
    period = app.selectbox(key="toll_period")
    assert len(period.options) == 7 and period.value == 4 and period.options[4].startswith("Event 4: 2014-03-01")
    assert sorted(y for _, y, _ in plotted(chart(app))) == [14.0, 15.0]
    period.set_value(0).run()  # all together, one pick away
    assert len(plotted(chart(app))) == 7


def test_one_event_with_follow_up_and_an_unconfirmed_figure(monkeypatch):
    """A week of a rising toll in 4 outlets, one wild figure, a trial months later: one event, said in words."""
    arts = [article("w1", "2023-05-01", source="alpha", killed=(12, "at_least", True)),
            article("w2", "2023-05-02", source="beta", killed=(30, "exact", False)),
            article("w3", "2023-05-02", source="gamma", killed=(31, "exact", False)),
            article("w4", "2023-05-02", source="delta", killed=(60, "exact", False)),
            article("w5", "2023-05-07", source="alpha", killed=(41, "exact", False)),
            article("t1", "2023-11-20", source="beta", killed=(41, "exact", False)),
            article("t2", "2024-04-30", source="gamma", killed=(41, "exact", False))]
    for row in arts:
        row["event_date"] = pd.Timestamp("2023-04-30")  # "the April 30, 2023 earthquake", months later too
    figs = [figure(a["article_id"], "killed", a["killed"], sentence=f"{int(a['killed'])} people died, {a['source']} "
                   "reported.") for a in arts]
    app = run_page(monkeypatch, corpus(arts, figs))
    assert not any("separate events" in w.value for w in app.warning)
    text = markdown(app).replace("\\", "")  # read past the markdown escapes
    assert ("One event with follow-up coverage: the main coverage runs 2023-05-01 to 2023-05-07 (five articles); "
            "two later articles (2023-11-20 to 2024-04-30) restate its toll") in text
    assert "Deaths: reported from at least 12 (2023-05-01) to 41 (2023-05-07)" in text
    assert ("one figure is unconfirmed: 60 (delta, 2023-05-02), far above every other report of its day with no "
            "second source near it, so it is not counted in the highest so far") in text
    assert "two follow-up articles (2023-11-20 to 2024-04-30) report 41" in text
    assert not app.get("selectbox") or all(s.key != "toll_period" for s in app.selectbox)  # one event, no picker
    # The chart opens on the main week; the toggle widens it to the follow-up coverage.
    spec = chart(app)
    assert pd.Timestamp(spec["layout"]["xaxis"]["range"][1]) < pd.Timestamp("2023-06-01")
    assert sorted(y for _, y, _ in plotted(spec)) == [12.0, 30.0, 31.0, 41.0, 41.0, 41.0, 60.0]
    toggle = app.toggle(key="toll_show_follow_up")
    assert toggle.label.startswith("Show the follow-up coverage on the time axis (2 articles, 2023-11-20 to 2024-04-30)")
    toggle.set_value(True).run()
    assert pd.Timestamp(chart(app)["layout"]["xaxis"]["range"][1]) > pd.Timestamp("2024-04-30")
    # The unconfirmed figure's sentence is one pick (or click) away, and it says why it is set apart.
    app.selectbox(key="toll_point").set_value("w4-killed").run()
    shown = markdown(app).replace("\\", "")
    assert "60 people died, delta reported" in shown and "Unconfirmed: far above every other report of its day" in shown


def test_a_timeline_saved_before_the_follow_up_and_unconfirmed_columns(monkeypatch, seed_shaped_corpus):
    """A reopened older analysis has those columns empty (conformed): the page reads them as not set."""
    old = schema.conform(seed_shaped_corpus.timeline.drop(columns=["follow_up", "unconfirmed"]), "timeline")
    assert old["follow_up"].isna().all()
    app = run_page(monkeypatch, replace(seed_shaped_corpus, timeline=old))
    assert "reported from at least 60" in markdown(app).replace("\\", "")
    assert len(plotted(chart(app))) == 6
    assert not app.get("toggle")


def test_hundreds_of_articles(monkeypatch):
    arts = [article(f"a{i:03d}", str(pd.Timestamp("2023-01-01") + pd.Timedelta(hours=9 * i)),
                    source=f"outlet {i % 23}", killed=(10 + i // 4, "exact", False)) for i in range(300)]
    app = run_page(monkeypatch, corpus(arts, []))
    # 11 of the 23 outlets share grey: their reports of the same day and figure share a marker, which says so.
    assert len(plotted(chart(app))) == 215
    assert any("300 reports drawn as 215 markers" in c.value for c in app.caption)
    # A click on a shared marker picks its first report (``trace_ids``); its other reports come first in the picker.
    spec = chart(app)
    shared = next(t for t in spec["data"] if t.get("hovertext") and any(" reports, " in h for h in t["hovertext"]))
    first = next(values(shared["customdata"])[i][0] for i, h in enumerate(shared["hovertext"]) if " reports, " in h)
    app.selectbox(key="toll_point").set_value(first).run()
    options = app.selectbox(key="toll_point").options
    assert options[0].startswith("2023-") and options[1].split(" · ")[2] == options[0].split(" · ")[2]
    assert any("This point's marker stands for 2 reports" in c.value for c in app.caption)


def test_no_articles(monkeypatch):
    app = run_page(monkeypatch, corpus([], []))
    assert any("No articles match" in i.value for i in app.info)


def test_seeds_through_the_dashboard(open_page):
    """The bundled seeds, analysed by the real pipeline, as a user opens the page."""
    app = open_page("pages/toll.py")
    spec = chart(app)
    points = plotted(spec)
    dated = sorted((str(x)[:10], y) for x, y, _ in points if isinstance(x, str))
    assert ("2024-03-23", 60.0) in dated and ("2024-03-23", 133.0) in dated and ("2024-03-24", 133.0) in dated
    undated = sorted(y for x, y, _ in points if not isinstance(x, str))
    assert undated == [130.0, 133.0, 143.0]
    assert spec["layout"]["xaxis2"]["title"]["text"] == "No date<br>found (2)"
    app.radio(key="toll_category").set_value("injured").run()
    assert len({pid.split("-")[0] for _, _, pid in plotted(chart(app))}) >= 1
    assert len(plotted(chart(app))) == 3


def test_many_outlets_colour_the_toll_by_country_in_nine_legend_entries(open_many_outlets):
    app = open_many_outlets("pages/toll.py")
    assert app.radio(key="toll_by").value == "country"
    spec = json.loads(app.get("plotly_chart")[0].proto.spec)
    legend = [t["name"] for t in spec["data"] if t.get("showlegend") and t.get("legend", "legend") == "legend"]
    assert len(legend) == 9 and legend[-1].startswith("other (")
    assert spec["layout"]["meta"]["colour_title"] == "Outlet country"
    assert any("reuters.com" in str(t.get("hovertext", "")) for t in spec["data"])


def test_the_whole_corpus_summary_comes_with_the_corpus_and_a_filtered_part_computes_its_own():
    from analysis.views.toll import toll_summary
    from tests.pages.many_outlets import many_outlets_corpus

    built = many_outlets_corpus()
    summary, mixed, choices = toll_summary(built.tables)
    marker = "A line only the corpus views carry"
    app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=TIMEOUT)
    app.session_state[app_data.ACTIVE_CORPUS] = replace(built, views={"toll_summary": ([marker, *summary], mixed,
                                                                                       choices)})
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    assert any(marker in m.value for m in app.markdown)
    app.session_state[app_data.FILTER_SOURCES] = [built.tables.articles["source"].iloc[0]]
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    assert not any(marker in m.value for m in app.markdown)


def test_a_filtered_corpus_still_shows_the_evidence_sentence_with_its_number_marked():
    from tests.pages.many_outlets import many_outlets_corpus

    built = many_outlets_corpus()
    app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=TIMEOUT)
    app.session_state[app_data.ACTIVE_CORPUS] = built
    counts = built.tables.timeline["source"].value_counts()
    app.session_state[app_data.FILTER_SOURCES] = counts.index[:2].tolist()
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    quotes = [m.value for m in app.markdown if m.value.startswith("> ")]
    assert quotes and ":red-background[**" in quotes[0]


def test_the_evidence_and_pair_cards_of_an_earlier_filter_are_what_a_fresh_session_shows():
    # a point's quote and article and the pair cards are kept whatever the filters (``app_data.corpus_kept``): the
    # second source filter showing them reads them from there, and shows what a session that never had the first does
    from tests.pages.many_outlets import many_outlets_corpus
    from tests.pages.same_page import assert_same, shown

    built = many_outlets_corpus()
    sources = sorted(built.tables.articles["source"].unique())

    def opened():
        app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=TIMEOUT)
        app.session_state[app_data.ACTIVE_CORPUS] = built
        return app

    app = opened()
    for chosen in (sources[1:], sources[2:]):
        app.session_state[app_data.FILTER_SOURCES] = chosen
        app.run()
        assert not app.exception, [e.value for e in app.exception]
    kept = app.session_state[app_data._MEMO]["kept"]
    assert len(kept["toll_evidence"]) >= 1 and len(kept["toll_pairs_shown"]) >= 1
    fresh = opened()
    fresh.session_state[app_data.FILTER_SOURCES] = sources[2:]
    fresh.run()
    fresh.run()  # a second run, as the first session's: the app's first run draws the sidebar too
    assert_same(shown(app), shown(fresh))
    assert any(m.value.startswith("> ") for m in app.markdown)
