"""Memory a server freed goes back to the system (``analysis.memory``).

Each case runs in a fresh interpreter: it loads about 200 MB of table-like data (Arrow string
columns, NumPy arrays) while a few small blocks that outlive it are allocated in between, as a
session's corpus and the server's caches are, then frees the data and reports its resident memory.
With the default allocators that memory stays with the process after a garbage collection (the
control); with ``tune_allocators`` it goes back then, and ``give_back`` hands it back in any case.
"""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
import threading
import time
import tomllib
import weakref
from pathlib import Path

import pytest

from analysis import memory

ROOT = Path(__file__).resolve().parents[1]

CHILD = r"""
import gc, json, sys
import numpy as np, pandas as pd, psutil
from analysis import memory

setting, release = sys.argv[1:]
if setting == "tuned":
    memory.tune_allocators()
process = psutil.Process()
base = process.memory_info().rss
frames, survivors = [], []
for k in range(4):
    text = pd.array([f"words of sentence {i} in part {k} " * 4 for i in range(150_000)], dtype="str")
    frames.append(pd.DataFrame({"text": text, "n": np.arange(150_000), "x": np.random.default_rng(k).random(150_000)}))
    frames[-1]["upper"] = frames[-1]["text"].str.upper()
    survivors.append(np.ones(64))
loaded = process.memory_info().rss
del frames, text
gc.collect()
if release == "give_back":
    memory.give_back()
print(json.dumps({"base": base, "loaded": loaded, "after": process.memory_info().rss}))
"""


@pytest.mark.parametrize(("setting", "release", "kept_at_most", "kept_at_least"), [
    ("default", "gc", 1.0, 0.5),  # the control: the allocators keep what was freed
    ("tuned", "gc", 0.15, 0.0),
    ("default", "give_back", 0.15, 0.0),
    ("tuned", "give_back", 0.15, 0.0),
])
def test_freed_tables_go_back_to_the_system(setting, release, kept_at_most, kept_at_least):
    result = subprocess.run([sys.executable, "-c", CHILD, setting, release], cwd=ROOT, capture_output=True, text=True,
                            env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    found = json.loads(result.stdout.strip().splitlines()[-1])
    grown = found["loaded"] - found["base"]
    assert grown > 150 * 2**20, found  # the load was real
    kept = (found["after"] - found["base"]) / grown
    assert kept_at_least <= kept <= kept_at_most, f"{setting}/{release} kept {kept:.0%} of {grown / 2**20:.0f} MB"


def test_tuning_names_what_it_set():
    script = "import json; from analysis import memory; print(json.dumps(memory.tune_allocators()))"
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True,
                            env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=120)
    done = json.loads(result.stdout.strip().splitlines()[-1])
    assert done["arrow_pool"] == "system"
    if sys.platform == "linux" and os.confstr("CS_GNU_LIBC_VERSION"):
        assert done["mmap_threshold"] == memory.MMAP_THRESHOLD and done["arena_max"] == memory.ARENA_MAX


class _Corpus:
    """Stands in for a session's corpus."""


def test_memory_is_given_back_once_soon_after_a_corpus_is_collected(monkeypatch):
    calls = []
    done = threading.Event()
    monkeypatch.setattr(memory, "give_back", lambda **options: (calls.append(time.monotonic()), done.set()))
    monkeypatch.setattr(memory, "RELEASE_DELAY", 0.2)
    monkeypatch.setattr(memory.give_back_soon, "__defaults__", (0.2,))
    corpora = [_Corpus() for _ in range(3)]
    for corpus in corpora:
        memory.release_when_collected(corpus)
    time.sleep(0.4)
    assert calls == []  # nothing is given back while the corpora are alive
    dropped = time.monotonic()
    del corpora, corpus
    gc.collect()
    assert done.wait(5)
    time.sleep(0.4)
    assert len(calls) == 1 and calls[0] - dropped >= 0.2  # three corpora dropped together: one release, after the delay
    memory.give_back_soon()
    time.sleep(0.5)
    assert len(calls) == 2  # a later drop gets its own


def test_one_deferred_collection_for_many_script_runs_frees_a_dropped_cycle(monkeypatch):
    """``runner.postScriptGC`` is off: ``collect_soon`` (asked by every run) collects once, a moment later."""
    monkeypatch.setattr(memory.collect_soon, "__defaults__", (0.3,))
    collections, collect = [], gc.collect
    monkeypatch.setattr(gc, "collect", lambda *args: collections.append(collect(*args)))
    session = _Corpus()
    session.me = session  # a session's state holds cycles: only a collection frees it
    freed = threading.Event()
    weakref.finalize(session, freed.set)
    gc.disable()  # the automatic collection must not be what frees it
    try:
        del session
        for _ in range(50):  # fifty script runs within the delay
            memory.collect_soon()
        assert not freed.is_set()
        assert freed.wait(5)
    finally:
        gc.enable()
    time.sleep(0.3)
    assert len(collections) == 1


def test_committed_config_leaves_collection_to_the_app():
    committed = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert committed["runner"]["postScriptGC"] is False


def test_freezing_at_start_leaves_the_libraries_out_yet_collects_what_sessions_make():
    """What is alive at start is never walked again (nor collected: the known cost); what comes later still is."""
    script = """
import gc, json, weakref
import pandas
from analysis import memory
class Node: pass
def cycle():
    node = Node(); node.me = node
    return node
before = cycle(); alive = len(gc.get_objects())
frozen = memory.freeze_startup()
after = cycle()
freed = {"before": [], "after": []}
weakref.finalize(before, freed["before"].append, 1); weakref.finalize(after, freed["after"].append, 1)
del before, after
gc.collect()
print(json.dumps({"frozen": frozen, "alive": alive, "walked": len(gc.get_objects()), **freed}))
"""
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True)
    seen = json.loads(done.stdout)
    assert seen["frozen"] > 0.9 * seen["alive"] > 10_000  # pandas and the rest are out of the collector's view
    assert seen["walked"] < 1_000
    assert seen["after"] == [1] and seen["before"] == []



def test_a_released_session_leaves_nothing_in_the_process_caches():
    """What a session put in process-wide caches (a memo of its days, ``isinstance`` checks against abstract classes,
    compiled patterns, pandas' freed ``BlockPlacement`` objects) is dropped when it is released, so none of it keeps
    an arena of the session's (``forget_session_caches``)."""
    script = """
import _abc, collections.abc, gc, json, re
import pandas as pd
from pandas._libs.internals import BlockPlacement
from analysis import memory
from analysis.timeline.values import _day_text_of, day_text
class Made: pass
def held():
    return {"days": _day_text_of.cache_info().currsize, "patterns": len(re._cache),
            "not_sized": len(_abc._get_dump(collections.abc.Sized)[2])}
day_text(pd.Timestamp("2024-03-22 10:00"))
isinstance(Made(), collections.abc.Sized)
re.compile("made by a session [0-9]+")
placements = [BlockPlacement(slice(0, 1)) for _ in range(32)]
freed = {id(p) for p in placements}
del placements
gc.collect()
before = held()
memory.forget_session_caches()
taken_again = [BlockPlacement(slice(0, 1)) for _ in range(32)]
print(json.dumps({"before": before, "after": held(), "reused": len(freed & {id(p) for p in taken_again})}))
"""
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True)
    seen = json.loads(done.stdout)
    assert min(seen["before"].values()) >= 1, seen
    assert seen["after"] == {"days": 0, "patterns": 0, "not_sized": 0}, seen
    assert seen["reused"] == 0, seen  # the freed ones went back to the allocator, not to pandas' list for reuse
