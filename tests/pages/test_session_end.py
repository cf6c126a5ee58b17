"""A session that ends leaves nothing behind: its corpus and views are collected and the memory is given
back (``analysis.memory``); the real server's resident memory is checked in
``tests/browser/test_session_memory.py``."""

from __future__ import annotations

import dataclasses
import gc
import threading
import weakref
from pathlib import Path

import pytest
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


def test_a_dropped_filter_state_goes_before_the_next_one_is_narrowed(monkeypatch):
    """The page runs that read a filter state's tables reached them through cycles (a page's namespace and its
    functions): ended runs' namespaces are emptied, so dropping the state frees its tables and views by reference
    counting, without a garbage collection."""
    monkeypatch.setattr(memory, "collect_soon", lambda *args, **options: None)  # no deferred collection meanwhile
    dropped, collect_dropped = [], memory.collect_dropped
    monkeypatch.setattr(memory, "collect_dropped", lambda: (dropped.append(1), collect_dropped()))
    # A deferred collection an earlier test asked for runs on a timer thread: it is skipped, not failed there
    # (that would only warn) — the pages' own runs must not collect.
    monkeypatch.setattr(gc, "collect", lambda *args: None if isinstance(threading.current_thread(), threading.Timer)
                        else pytest.fail("a garbage collection"))
    app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=TIMEOUT)
    app.session_state[app_data.ACTIVE_CORPUS] = many_outlets_corpus()
    app.run()
    app.switch_page("pages/figures.py").run()
    kept, alive = [], []
    gc.disable()  # the automatic collection must not be what frees them
    try:
        for first_day in (23, 24, 25, 26):
            app.session_state[app_data.FILTER_DATES] = (f"2024-03-{first_day}", "2024-03-27")
            app.run()
            assert not app.exception, [e.value for e in app.exception]
            states = app.session_state[app_data._MEMO]["states"]
            assert len(states) <= app_data.MAX_FILTER_STATES
            kept.append(weakref.ref(next(reversed(states.values()))["tables"]))
            alive.append([ref() is not None for ref in kept])
    finally:
        gc.enable()
    # each run keeps its state and the one before; the state before those is gone by the end of the run
    assert alive == [[True], [True, True], [False, True, True], [False, False, True, True]]
    assert len(dropped) == 3  # from the second range on (the whole corpus's state was the first to go)


def _page_runs_released() -> None:
    from pathlib import Path

    import streamlit as st

    import app_data

    def callback() -> None:  # a widget callback defined in a page
        pass

    import numpy as np
    import pandas as pd

    class Chart:  # a view's result object
        def __init__(self) -> None:
            self.points = pd.DataFrame({"x": [1]})

    class Limits:  # a settings object
        def __init__(self) -> None:
            self.max_files = 3

    namespaces = [{"__name__": "__main__", "st": st, "KEY": "key", "limit": 3, "shown": True, "nothing": None,
                   "callback": callback, "Kind": dict, "state": st.session_state, "where": Path("seeds"),
                   "pair": ("a", (1, 2.5)), "FIELDS": ["text", "title"], "aliases": {"text": ("body",)},
                   "LIMITS": Limits(), "tables": pd.DataFrame({"a": [1]}), "codes": np.arange(3),
                   "rows": list(range(100)), "labels": {str(i): i for i in range(100)},
                   "frames": (pd.Series([1]), "a"), "chart": Chart(), "view": ({"x": [np.arange(2)]},)}
                  for _ in range(3)]
    for namespace in namespaces:
        app_data._release_earlier_runs(namespace)
    st.session_state["released"] = [sorted(namespace) for namespace in namespaces]


def test_ended_page_runs_keep_only_what_a_late_callback_may_use():
    app = AppTest.from_function(_page_runs_released, default_timeout=TIMEOUT).run()
    assert not app.exception, [e.value for e in app.exception]
    light = ["__name__", "st", "KEY", "limit", "shown", "nothing", "callback", "Kind", "state", "where", "pair",
             "FIELDS", "aliases", "LIMITS"]
    whole = sorted(light + ["tables", "codes", "rows", "labels", "frames", "chart", "view"])
    light = sorted(light)
    assert app.session_state["released"] == [light, whole, whole]  # the previous run and the current one stay whole
