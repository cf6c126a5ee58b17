"""The Corpus page with AppTest: upload, map, edit, analyse, save, reopen; and two sessions kept apart.

The articles are invented for these tests; the names and numbers in
``SECRET_*`` appear nowhere else, so finding them in another session's page or
state would be a leak.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest
from streamlit.testing.v1.element_tree import Dataframe

import app_data
from analysis.ingest.limits import Limits
from analysis.ingest.readers import SUPPORTED_SUFFIXES
from analysis.uploads import CorpusRequest, build, save_zip

ROOT = Path(__file__).resolve().parents[2]
TIMEOUT = 240
CORPUS = "pages/corpus.py"

SECRET_FILE = "zx_kessar_ledger_7731.csv"
SECRET_SOURCE = "Quillmarsh Evening Ledger"
SECRET_NUMBER = "4817"
SECRET_CSV = (
    "headline,body_text,when,outlet\n"
    f"Dam breach at Quillmarsh,The Quillmarsh reservoir dam gave way on Sunday night and {SECRET_NUMBER} homes were "
    f"flooded. Engineers had warned of cracks in March.,2022-10-09,{SECRET_SOURCE}\n"
    "Evacuation widens,Officials moved families from two more villages below the Quillmarsh dam on Monday as "
    f"water kept rising.,,{SECRET_SOURCE}\n"
)
NOTE = b"A storm tore roofs from houses in Marlow overnight. Four people were hurt by falling trees."


def _without_hashes(text: str) -> str:
    """``text`` without hex digests (element ids, cache keys), in which the secret's four digits can turn up by
    chance: one run found "4817" inside an element id."""
    return re.sub(r"[0-9a-f]{16,}", "", text)


def _all_text(app: AppTest) -> str:
    """Every string the session's page holds: element protos (labels, markdown, options, charts) and tables."""
    parts = []
    for node in app._tree:
        if isinstance(node, Dataframe):
            parts.append(node.value.to_csv())
        proto = getattr(node, "proto", None)
        if proto is not None:
            parts.append(str(proto))
    return "\n".join(parts)


def _upload(app: AppTest, files: list[tuple[str, bytes]]) -> None:
    app.file_uploader[0].set_value([(name, data, "application/octet-stream") for name, data in files]).run()
    assert not app.exception, [e.value for e in app.exception]


def _button(app: AppTest, starts: str):
    return next(b for b in app.button if b.label.startswith(starts))


def _analyse(app: AppTest, starts: str = "Analyse ") -> None:
    _button(app, starts).click().run()
    job = app.session_state[app_data.CORPUS_JOB]
    assert job.wait(TIMEOUT), "the analysis did not finish"
    app.run()
    assert job.error is None, job.error
    assert not app.exception, [e.value for e in app.exception]


def _map_secret_table(app: AppTest) -> None:
    boxes = {box.label: box for box in app.selectbox if box.key and box.key.startswith("map_")}
    boxes["text (required)"].set_value("body_text")
    boxes["published"].set_value("when")
    _button(app, "Use these columns").click().run()


def test_page_offers_every_supported_type_and_a_download(open_page):
    app = open_page(CORPUS)
    uploader = app.file_uploader[0]
    assert uploader.accept_multiple_files
    assert {"." + t.lstrip(".") for t in uploader.allowed_type} == set(SUPPORTED_SUFFIXES)
    assert app.title[0].value == "Corpus"
    assert app.get("download_button"), "no download button for the analysed corpus"


def test_upload_map_analyse_and_nothing_is_lost_on_page_switches(open_page):
    app = open_page(CORPUS)
    _upload(app, [("desk.csv", SECRET_CSV.encode()), ("marlow.txt", NOTE)])
    assert [f.name for f in app.session_state["corpus_files"]] == ["desk.csv", "marlow.txt"]
    assert not app.file_uploader[0].value, "the uploader should be emptied: the files live in the session's list"
    labels = [e.label for e in app.expander]
    assert any("which column is the text" in label for label in labels)
    assert any("will be skipped unless you map it" in w.value for w in app.warning)
    head = next(d.value for d in app.dataframe if "body_text" in d.value.columns)
    assert len(head) == 2 and list(head.columns) == ["headline", "body_text", "when", "outlet"]

    _map_secret_table(app)
    app.text_input(key="corpus_name_input").set_value("Dam breach").run()
    app.radio(key="corpus_with_seeds").set_value("with").run()
    _analyse(app)

    metrics = {m.label: m.value for m in app.metric}
    assert metrics["Articles"] == "8", metrics  # 5 seeds + 2 rows + 1 text file
    assert app_data.SEEDS_NAME not in app.markdown[0].value and "Dam breach" in app.markdown[0].value
    report = next(d.value for d in app.dataframe if "status" in d.value.columns)
    assert {"desk.csv row 1", "desk.csv row 2", "marlow.txt"} <= set(report["input"])

    app.switch_page("pages/overview.py").run()
    assert {m.label: m.value for m in app.metric}["Articles"] == "8"
    app.switch_page(CORPUS).run()
    assert [f.name for f in app.session_state["corpus_files"]] == ["desk.csv", "marlow.txt"]
    assert app.text_input(key="corpus_name_input").value == "Dam breach"
    assert app.radio(key="corpus_with_seeds").value == "with"
    picked = {box.label: box.value for box in app.selectbox if box.key and box.key.startswith("map_")}
    assert picked["text (required)"] == "body_text" and picked["published"] == "when"
    assert {m.label: m.value for m in app.metric}["Articles"] == "8"


def test_user_given_source_group_and_date_are_kept_and_marked(open_page):
    app = open_page(CORPUS)
    _upload(app, [("marlow.txt", NOTE)])
    editor = next(d for d in app.data_editor if d.key and d.key.startswith("corpus_files_editor"))
    app.session_state[editor.key] = {"edited_rows": {0: {"source": "Marlow Gazette", "group": "local"}},
                                     "added_rows": [], "deleted_rows": []}
    app.run()
    assert app.session_state["corpus_file_sources"] == {"marlow.txt": "Marlow Gazette"}
    assert app.session_state["corpus_file_groups"] == {"marlow.txt": "local"}
    _analyse(app)
    articles = app.session_state[app_data.ACTIVE_CORPUS].tables.articles
    assert list(articles["source"]) == ["Marlow Gazette"] and articles["published"].isna().all()
    assert app.session_state[app_data.SOURCE_GROUPS] == {"Marlow Gazette": "local"}

    dates = next(d for d in app.data_editor if d.key and d.key.startswith("corpus_dates_editor"))
    app.session_state[dates.key] = {"edited_rows": {0: {"published": "2022-10-11"}}, "added_rows": [],
                                    "deleted_rows": []}
    app.run()
    assert list(app.session_state["corpus_user_dates"].values()) == ["2022-10-11"]
    _analyse(app, "Analyse again with 1 date")
    article = app.session_state[app_data.ACTIVE_CORPUS].tables.articles.iloc[0]
    assert article["published"] == pd.Timestamp("2022-10-11") and article["date_method"] == "user"

    app.switch_page("pages/overview.py").run()
    table = next(d.value for d in app.dataframe if "date_method" in d.value.columns)
    assert list(table["date_method"]) == ["user"]
    assert "(from user)" in _all_text(app) or "from user" in _all_text(app)


FEED = (
    '{"text": "A fire broke out at the Marlow depot on Sunday. Two workers were hurt.", "source": "tass.ru", '
    '"date": "2024-03-04"}\n'
    '{"text": "The Marlow depot fire was put out by Monday morning, officials said.", "source": "marlowpost.example", '
    '"date": "03/04/2024"}\n'
).encode()


def test_outlet_labels_come_from_the_list_and_the_users_edits_win(open_page):
    app = open_page(CORPUS)
    _upload(app, [("feed.jsonl", FEED)])
    _analyse(app)
    editor = next(d for d in app.data_editor if d.key and d.key.startswith("corpus_outlets_editor"))
    table = editor.value.set_index("source")
    assert table.loc["tass.ru", ["name", "country", "kind", "basis"]].tolist() == [
        "TASS", "Russia", "state-owned or state-funded", "list"]
    assert table.loc["marlowpost.example", ["name", "country", "basis"]].tolist() == ["marlowpost.example", "", ""]
    articles = app.session_state[app_data.ACTIVE_CORPUS].tables.articles.set_index("source")
    assert pd.isna(articles.loc["marlowpost.example", "published"])  # 3 April or March 4: no country to say

    row = editor.value["source"].tolist().index("marlowpost.example")
    app.session_state[editor.key] = {"edited_rows": {row: {"name": "Marlow Post", "country": "US", "kind": "newspaper"}},
                                     "added_rows": [], "deleted_rows": []}
    app.run()
    assert app.session_state["corpus_outlet_labels"] == {
        "marlowpost.example": {"name": "Marlow Post", "country": "US", "kind": "newspaper"}}
    _analyse(app, "Analyse again with the outlet labels")
    articles = app.session_state[app_data.ACTIVE_CORPUS].tables.articles.set_index("source")
    outlet = articles.loc["marlowpost.example"]
    assert (outlet["outlet"], outlet["outlet_country"], outlet["outlet_kind"], outlet["outlet_basis"]) == (
        "Marlow Post", "United States", "newspaper", "user")
    assert outlet["published"] == pd.Timestamp("2024-03-04")  # the country the user gave settles the order
    assert articles.loc["tass.ru", "outlet_basis"] == "list"
    assert not any(b.label.startswith("Analyse again with the outlet labels") for b in app.button)

    app.switch_page("pages/overview.py").run()  # the labels survive a page switch
    app.switch_page(CORPUS).run()
    assert app.session_state["corpus_outlet_labels"]["marlowpost.example"]["name"] == "Marlow Post"


def test_saved_analysis_reopens_with_the_same_tables(open_page):
    built = build(CorpusRequest(name="Reservoir reports", files=(("desk.csv", SECRET_CSV.encode()),),
                                column_maps={"desk.csv": {"text": "body_text", "published": "when",
                                                          "source": "outlet"}}))
    app = open_page(CORPUS)
    _upload(app, [("reservoir.zip", save_zip(built, source_groups={SECRET_SOURCE: "regional"}))])
    assert any("Saved analysis" in m.value for m in app.markdown)
    _button(app, "Open it").click().run()
    assert not app.exception, [e.value for e in app.exception]
    reopened = app.session_state[app_data.ACTIVE_CORPUS]
    assert reopened.origin == "saved" and reopened.name == "Reservoir reports"
    (dates,) = app.get("plotly_chart")  # when the articles were published, at a glance
    assert "Articles per day of publication (1 undated, not shown)" in dates.proto.spec
    for name, frame in built.tables.items():
        pd.testing.assert_frame_equal(frame, getattr(reopened.tables, name), check_exact=True, obj=name)
    assert app.session_state[app_data.SOURCE_GROUPS][SECRET_SOURCE] == "regional"
    assert app.session_state["corpus_files"] == [], "the opened zip is not kept twice"
    app.switch_page("pages/overview.py").run()
    assert {m.label: m.value for m in app.metric}["Articles"] == "2"


def test_stale_filters_do_not_break_when_the_corpus_changes(open_page):
    app = open_page(CORPUS)
    seeds = app_data.seed_tables().articles
    app.switch_page("pages/overview.py").run()
    app.session_state[app_data.FILTER_SOURCES] = [seeds["source"].iloc[0]]
    app.run()
    assert {m.label: m.value for m in app.metric}["Articles"] == "1"
    app.switch_page(CORPUS).run()
    _upload(app, [("marlow.txt", NOTE)])
    _analyse(app)
    assert seeds["source"].iloc[0] not in app.session_state.get(app_data.FILTER_SOURCES, [])
    app.switch_page("pages/overview.py").run()
    assert not app.exception, [e.value for e in app.exception]
    assert {m.label: m.value for m in app.metric}["Articles"] == "1"
    app.switch_page(CORPUS).run()
    _button(app, "Back to the bundled seeds").click().run()
    app.switch_page("pages/overview.py").run()
    assert {m.label: m.value for m in app.metric}["Articles"] == str(len(seeds))


def test_long_article_is_truncated_with_a_visible_note(monkeypatch, open_page):
    monkeypatch.setattr("analysis.ingest.limits.DEFAULT_LIMITS", Limits(max_article_chars=600))
    app = open_page(CORPUS)
    _upload(app, [("long.txt", ((NOTE.decode() + " ") * 20).encode())])
    _analyse(app)
    warning = " ".join(w.value for w in app.warning)
    assert "1 article was longer than 600 characters and truncated" in warning
    truncated = next(d.value for d in app.dataframe if "note" in d.value.columns)
    assert truncated["note"].iloc[0].startswith("truncated from")
    app.switch_page("pages/overview.py").run()
    assert "truncated from" in _all_text(app)


def test_two_concurrent_sessions_never_see_each_others_corpus(open_page):
    """Two live sessions in one server process: Alice uploads and analyses while Bob browses every page.

    Their script runs are interleaved step by step (AppTest itself is not thread-safe), and Alice's
    analysis runs in its worker process at the same time as Bob's page runs. Bob never sees her file
    name, source, place or numbers, in any page or in his session state.
    """
    alice, bob = open_page(CORPUS), open_page(CORPUS)
    pages = ["pages/overview.py", CORPUS] + sorted(
        p.relative_to(ROOT).as_posix() for p in (ROOT / "pages").glob("*.py") if p.name != "corpus.py")
    seen_by_bob: list[str] = []

    def bob_browses() -> None:
        for page in pages:
            bob.switch_page(page).run()
            assert not bob.exception, (page, [e.value for e in bob.exception])
            seen_by_bob.append(_all_text(bob))

    _upload(alice, [(SECRET_FILE, SECRET_CSV.encode())])
    bob_browses()
    _map_secret_table(alice)
    alice.text_input(key="corpus_name_input").set_value("Quillmarsh private corpus").run()
    bob_browses()
    _button(alice, "Analyse ").click().run()
    job = alice.session_state[app_data.CORPUS_JOB]
    rounds_started_while_running = 0
    while job.running:
        rounds_started_while_running += 1
        bob_browses()
    assert rounds_started_while_running >= 1, "Bob did not browse while Alice's analysis ran"
    assert job.wait(TIMEOUT) and job.error is None, job.error
    alice.run()
    # Alice really has her corpus.
    assert alice.session_state[app_data.ACTIVE_CORPUS].name == "Quillmarsh private corpus"
    alice.switch_page("pages/overview.py").run()
    assert SECRET_NUMBER in _all_text(alice) and {m.label: m.value for m in alice.metric}["Articles"] == "2"
    # Bob again, now that Alice's results exist in the process.
    bob_browses()
    for text in map(_without_hashes, seen_by_bob):
        for secret in (SECRET_FILE, SECRET_SOURCE, "Quillmarsh", SECRET_NUMBER):
            assert secret not in text
    assert app_data.ACTIVE_CORPUS not in bob.session_state and app_data.CORPUS_JOB not in bob.session_state
    everything_bob_holds = _without_hashes(repr(bob.session_state.to_dict()))
    for secret in (SECRET_FILE, SECRET_SOURCE, "Quillmarsh", SECRET_NUMBER):
        assert secret not in everything_bob_holds
    assert bob.session_state["corpus_files"] == []
    bob.switch_page("pages/overview.py").run()
    assert {m.label: m.value for m in bob.metric}["Articles"] == str(len(app_data.seed_tables().articles))


@pytest.mark.parametrize("page", sorted(p.name for p in (ROOT / "pages").glob("*.py")))
def test_hostile_article_shows_escaped_on_every_page(page, hostile_session):
    """Text, title, source and file name full of HTML, markdown and LaTeX never reach a page unescaped."""
    app = hostile_session
    app.switch_page(f"pages/{page}").run()
    assert not app.exception, [e.value for e in app.exception]
    for node in app._tree:
        kind = getattr(node, "type", "")
        proto = getattr(node, "proto", None)
        if kind in ("markdown", "caption", "title", "header", "subheader", "alert"):
            body = str(getattr(node, "value", "") or getattr(proto, "body", ""))
            assert not UNESCAPED_TAG.search(body), (page, kind, body[:300])
            for raw in ("](javascript:", "$x$", "**bold**", "$$"):
                assert raw not in body, (page, kind, body[:300])
        if proto is not None and "plotly" in kind:
            spec = getattr(proto, "spec", "") or ""
            # Plotly draws hover text as HTML: article text must arrive as &lt;img ..., never as a tag.
            found = RAW_TAG.search(spec)
            assert found is None, (page, "plotly hover text is not HTML-escaped", spec[found.start() - 80:found.end() + 80])
        label = getattr(node, "label", None)
        if isinstance(label, str):
            assert not UNESCAPED_TAG.search(label) and "](javascript:" not in label, (page, kind, label)


UNESCAPED_TAG = re.compile(r"(?<!\\)<[A-Za-z/!]")  # "<img" is HTML; "\<img" is escaped, shown literally
RAW_TAG = re.compile(r"<(script|img|a|iframe|svg)\b", re.IGNORECASE)
HOSTILE_NAME = "<img src=x onerror=alert(1)>[x](javascript:alert(1)).txt"
HOSTILE_TEXT = (
    "<script>window.__pwned=1</script> **bold** $x$ [link](javascript:alert(1))\n\n"
    "An explosion <img src=x onerror=alert(2)> hit the depot in Harwick on Tuesday. At least 7 people died, "
    "officials said. <a href=\"javascript:alert(3)\">details</a> and $$\\frac{1}{0}$$ followed.\n\n"
    "Rescue teams worked through the night, and 12 people were injured."
)


@pytest.fixture(scope="module")
def hostile_session(open_page):
    app = open_page(CORPUS)
    hostile_csv = pd.DataFrame({
        "title": ["<script>alert('t')</script> **bold** $x$"], "text": [HOSTILE_TEXT.replace("Harwick", "Orly")],
        "source": ["<img src=x onerror=alert(4)>"], "date": ["2024-02-02"],
    }).to_csv(index=False).encode()
    _upload(app, [(HOSTILE_NAME, HOSTILE_TEXT.encode()), ("hostile.csv", hostile_csv)])
    _analyse(app)
    assert len(app.session_state[app_data.ACTIVE_CORPUS].tables.articles) == 2
    return app


def test_hostile_text_does_reach_the_charts_escaped(hostile_session):
    """The check above is not vacuous: the hostile words are in some chart, as &lt;...&gt; text."""
    escaped = 0
    for page in sorted(p.name for p in (ROOT / "pages").glob("*.py")):
        hostile_session.switch_page(f"pages/{page}").run()
        specs = [node.proto.spec for node in hostile_session._tree if "plotly" in getattr(node, "type", "")]
        escaped += sum("&lt;img" in spec or "&lt;script" in spec for spec in specs)
    assert escaped > 0


def test_progress_bar_shows_counts_and_the_current_file_while_the_page_stays_usable(monkeypatch, open_page):
    from analysis.uploads import CorpusJob

    original = CorpusJob._report

    def slow_report(self, stage, done, total, current):
        original(self, stage, done, total, current)
        time.sleep(0.4 if stage == "Reading files" else 0)

    monkeypatch.setattr(CorpusJob, "_report", slow_report)
    app = open_page(CORPUS)
    _upload(app, [(f"report_{i}.txt", NOTE + f" Report number {i}.".encode()) for i in range(4)])
    _button(app, "Analyse ").click().run()
    job = app.session_state[app_data.CORPUS_JOB]
    deadline = time.monotonic() + TIMEOUT  # the worker process may be starting (analysis.worker)
    while job.progress()[0] != "Reading files" and job.running and time.monotonic() < deadline:
        time.sleep(0.05)
    app.run()
    progress = [node for node in app._tree if getattr(node, "type", "") == "progress"]
    assert progress, "no progress bar while analysing"
    text = progress[0].proto.text
    assert re.search(r"Reading files\\: \d of 4 — report\\_\d\\\.txt", text), text  # escaped markdown
    assert any(b.label == "Cancel" for b in app.button)
    assert app.file_uploader[0].disabled
    app.switch_page("pages/overview.py").run()  # browse meanwhile: still the seeds, nothing lost
    assert {m.label: m.value for m in app.metric}["Articles"] == str(len(app_data.seed_tables().articles))
    job = app.session_state[app_data.CORPUS_JOB]
    assert job.wait(TIMEOUT) and job.error is None
    app.run()  # the next run of any page switches to the finished corpus
    assert {m.label: m.value for m in app.metric}["Articles"] == "4"
