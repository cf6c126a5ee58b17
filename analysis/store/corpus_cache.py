"""Whole-corpus results on disk, so re-analysing an unchanged corpus is a read.

Per-article caches (``analysis.article_cache``) spare the slow NLP, but the rule-based
stages still rerun over every sentence. This cache keeps a corpus's finished
tables, keyed by a hash of the ingested articles (every column ingest fills,
so a changed date, source or text misses) together with a hash of the
analysis code and its data files and the versions of the libraries and model.
Any change to the code, a word list or a library is a miss, never a stale hit.

Entries are the zips ``analysis.store.export.tables_to_zip`` writes, without the CSVs
(Parquet read back with exact dtypes, checked against their hashes), stored as
``<cache dir>/tables/<key[:2]>/<key>.zip`` and written atomically. Names come
from hashes only. The load report is never cached: it always describes this
run's inputs.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Callable
from dataclasses import replace
from functools import cache
from pathlib import Path

import pandas as pd

from analysis.ingest.corpus import Corpus
from analysis.article_cache import cache_dir
from analysis.tables import CorpusTables

_ANALYSIS_DIR = Path(__file__).resolve().parents[1]


@cache
def code_version() -> str:
    """Hash of every analysis module and data file, and of the library versions."""
    from analysis.store.export import versions

    digest = hashlib.sha256(repr(sorted(versions().items())).encode())
    for path in sorted(_ANALYSIS_DIR.rglob("*")):
        if path.is_file() and path.suffix in {".py", ".json", ".csv", ".txt"} and "__pycache__" not in path.parts:
            digest.update(path.relative_to(_ANALYSIS_DIR).as_posix().encode())
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def corpus_key(corpus: Corpus) -> str:
    """Cache key of an ingested corpus under the current code."""
    articles = corpus.articles.astype("string").fillna("\x00")
    hashed = pd.util.hash_pandas_object(articles, index=False).to_numpy().tobytes()
    columns = "\x1f".join(map(str, articles.columns)).encode()
    return hashlib.sha256(code_version().encode() + columns + hashed).hexdigest()


def _path(key: str) -> Path:
    return cache_dir() / "tables" / key[:2] / f"{key}.zip"


def cached_analysis(corpus: Corpus, compute: Callable[[Corpus], CorpusTables]) -> CorpusTables:
    """``compute(corpus)``, or its stored result when this corpus was analysed before."""
    from analysis.store.export import tables_from_zip, tables_to_zip

    key = corpus_key(corpus)
    path = _path(key)
    try:
        tables = tables_from_zip(path.read_bytes()).tables
        return replace(tables, load_report=corpus.load_report)
    except (OSError, ValueError):
        pass
    tables = compute(corpus)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, delete=False, suffix=".tmp") as handle:
            handle.write(tables_to_zip(tables, name=key, with_csv=False))
        os.replace(handle.name, path)
    except OSError:
        pass  # a read-only cache folder: work without it
    return tables
