"""A session that ends leaves nothing behind: its corpus and views are collected and the memory is given
back (``analysis.memory``); the real server's resident memory is checked in
``tests/browser/test_session_memory.py``."""

from __future__ import annotations

import dataclasses
import gc
import weakref
from pathlib import Path

from streamlit.testing.v1 import AppTest

import app_data
from analysis import memory
from tests.pages.conftest import TIMEOUT
from tests.pages.many_outlets import many_outlets_corpus

ROOT = Path(__file__).resolve().parents[2]


def test_an_ended_session_frees_its_corpus_and_gives_the_memory_back(monkeypatch):
    asked = []
    monkeypatch.setattr(memory, "give_back_soon", lambda *args, **options: asked.append(1))
    corpus = dataclasses.replace(many_outlets_corpus())  # a copy of its own: the original is kept for other tests
    collected = weakref.ref(corpus)
    app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=TIMEOUT)
    app.session_state[app_data.ACTIVE_CORPUS] = corpus
    del corpus
    app.run()
    app.switch_page("pages/framing.py").run()
    assert not app.exception, [e.value for e in app.exception]
    assert isinstance(app.session_state[app_data.SESSION_END], memory.SessionEnd)
    gc.collect()
    assert collected() is not None and asked == []  # the session goes on: nothing is released

    del app  # the session ends (the server drops it once its time to reconnect has passed)
    gc.collect()
    assert collected() is None, "the session's corpus outlived it"
    assert asked == [1]
