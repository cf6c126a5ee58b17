"""A long-running server does not grow without bound as users upload new articles.

One fresh Python process builds many distinct uploads (ingest, spaCy NER and
every analysis stage), each full of words and names never seen before, and
records its resident memory and spaCy's vocabulary after each. What keeps it
flat: NER runs inside ``nlp.memory_zone()`` (new words are forgotten after each
batch) and every in-process cache is bounded (``analysis.article_cache`` LRU entries,
``aliases.fold``'s ``lru_cache``). The caches' bounds are shrunk in the child
process so that they fill within the test; a deployment reaches the same
plateau later, at the configured sizes.

The child also checks that the vocabulary test can fail: the same kind of
text run through spaCy outside a memory zone does grow the vocabulary.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

CHILD = r"""
import ctypes, gc, json, random, string, sys
from functools import lru_cache

import psutil
import pyarrow

import analysis.entities.aliases, analysis.entities.canonical, analysis.entities.mentions, analysis.article_cache
if sys.argv[3] == "small-caches":  # reach the caches' bounds within the test (see the module docstring)
    analysis.article_cache.ResultCache.__init__.__kwdefaults__["memory_entries"] = 60
    small_fold = lru_cache(maxsize=500)(analysis.entities.aliases.fold.__wrapped__)
    analysis.entities.aliases.fold = analysis.entities.mentions.fold = analysis.entities.canonical.fold = small_fold

from analysis.entities.nlp import load_nlp
from analysis.uploads import CorpusRequest, build

rng = random.Random(20240323)

def word():
    return "".join(rng.choice(string.ascii_lowercase) for _ in range(rng.randint(5, 10)))

def article():
    # Made-up people, places and words: every upload brings thousands of new strings.
    return " ".join(
        f"{word().capitalize()} {word().capitalize()} told reporters in {word().capitalize()} that "
        f"{rng.randint(2, 900)} {word()} had been {word()} near the {word()} {word()} on Tuesday."
        for _ in range(20)
    )

def release():
    # Measure live memory, not what the allocators keep for later: collect, then hand free heap
    # pages back to the OS (glibc) and empty Arrow's pool.
    gc.collect()
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except OSError:
        pass
    pyarrow.default_memory_pool().release_unused()

warmup, measured = int(sys.argv[1]), int(sys.argv[2])
process, nlp = psutil.Process(), load_nlp()
rows = []
for n in range(warmup + measured):
    files = tuple((f"upload{n}/story{k}.txt", article().encode()) for k in range(5))
    built = build(CorpusRequest(name=f"upload {n}", files=files))
    assert len(built.tables.articles) == 5
    del built
    release()
    rows.append({"upload": n, "rss_mb": process.memory_info().rss / 2**20,
                 "strings": len(nlp.vocab.strings), "lexemes": sum(1 for _ in nlp.vocab)})

before = len(nlp.vocab.strings)
for doc in nlp.pipe([article() for _ in range(5)]):  # no memory zone: the control
    pass
print(json.dumps({"rows": rows, "control_growth": len(nlp.vocab.strings) - before}))
"""

WARMUP, MEASURED = 25, 60


def test_memory_levels_off_over_many_distinct_uploads(tmp_path):
    env = {**os.environ, "NEWSDASH_CACHE_DIR": str(tmp_path / "cache"), "NEWSDASH_N_PROCESS": "1",
           "PYTHONPATH": str(ROOT)}
    result = subprocess.run([sys.executable, "-c", CHILD, str(WARMUP), str(MEASURED), "small-caches"], cwd=ROOT,
                            env=env, capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stderr[-3000:]
    report = json.loads(result.stdout.strip().splitlines()[-1])
    rows = report["rows"]
    settled = rows[WARMUP - 1:]

    # spaCy's vocabulary is exactly as large after 60 more uploads of new words...
    assert {r["strings"] for r in settled} == {settled[0]["strings"]}
    assert {r["lexemes"] for r in settled} == {settled[0]["lexemes"]}
    # ...while outside a memory zone five such articles add thousands of strings.
    assert report["control_growth"] > 1_000

    # Resident memory levels off. Measured here (fresh process, memory handed back to the OS after each
    # upload): with the caches bounded, the floor rises about 1 MB over these 60 uploads, and a 225-upload
    # run showed one later step of about 4 MB and then none; with the caches at their default sizes (still
    # filling) the same run rises steadily, about 0.2 MB per upload, some 12 MB here. 6 MB separates them.
    rss = [r["rss_mb"] for r in settled]
    rise = min(rss[-20:]) - min(rss[:20])
    print(f"rss floor after warm-up {min(rss[:20]):.1f} MB, rise over {MEASURED} uploads {rise:.2f} MB")
    assert rise < 6.0, [round(r, 1) for r in rss]
