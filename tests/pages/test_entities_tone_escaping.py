"""Article text, titles and source names are untrusted: the Entities and Tone pages show them literally."""

import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from analysis.ingest.corpus import load_uploads
from analysis.pipeline import analyse_corpus
from analysis.uploads import BuiltCorpus

ROOT = Path(__file__).resolve().parents[2]
TIMEOUT = 240
HOSTILE_SOURCE = "<img src=x onerror=alert(1)>"
ROWS = [
    {"source": HOSTILE_SOURCE, "title": "<script>alert('title')</script>", "date": "2024-03-23",
     "text": "Officials in Moscow said <script>alert(1)</script> that Vladimir Putin had met Interpol's chief. "
             "Putin said $x^2$ **bold** [link](javascript:alert(1)) and the talks were terrible."},
    {"source": "Plain Outlet", "title": "A normal title", "date": "2024-03-24",
     "text": "Russian officials said Vladimir Putin would meet Interpol in Moscow on Monday. "
             "Interpol said the meeting was useful. Putin thanked Interpol for its help."},
]


@pytest.fixture(scope="module")
def hostile_corpus():
    data = "\n".join(json.dumps(row) for row in ROWS).encode("utf-8")
    tables = analyse_corpus(load_uploads([("hostile.jsonl", data)]))
    return BuiltCorpus(name="hostile", tables=tables, files=(), settings={}, source_groups={}, fingerprint="hostile")


TONE_TABS = ["By source or group", "Over time", "Along one article", "Around entities", "TextBlob against VADER"]


@pytest.mark.parametrize("page_file", ["pages/entities.py", "pages/tone.py"])
def test_untrusted_text_is_escaped(hostile_corpus, page_file):
    app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=TIMEOUT)
    app.session_state["active_corpus"] = hostile_corpus
    app.run()
    app.switch_page(page_file).run()
    assert not app.exception, [e.value for e in app.exception]
    tables = []
    for tab in TONE_TABS if page_file == "pages/tone.py" else [None]:  # the Tone page runs one tab at a time
        if tab is not None:
            app.session_state["tone_view"] = tab
            app.run()
            assert not app.exception, [e.value for e in app.exception]
        for element in app.markdown:
            assert "<script>" not in element.value and "<img" not in element.value, element.value
        charts = app.get("plotly_chart")
        assert charts, "no chart drawn"
        for chart in charts:
            text = json.dumps(json.loads(chart.proto.spec), ensure_ascii=False)  # plotly writes "<" as \\u003c
            assert "<script" not in text and "<img" not in text, "unescaped HTML in a chart"
        tables += [d.value for d in app.dataframe]
    # The raw text is still shown, literally, in table cells (st.dataframe never renders HTML).
    assert any(HOSTILE_SOURCE in table.astype(str).to_string() or HOSTILE_SOURCE in table.columns for table in tables)
