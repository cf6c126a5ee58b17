"""A large analysed corpus for the page benchmarks and load tests, built once and reused.

``corpus_zip(n)`` returns the path of a saved analysis (``analysis.uploads.save_zip``) of
``n`` articles: every real article of ``../shared/realnews`` up to 28% of ``n`` (when the
folder is present; its texts are read at run time and never written into the repository),
the rest from ``benchmarks/news_generator.py`` with invented outlets and 2024 dates (30%
undated). Analysing 10,000 articles with NER takes many minutes on a 2-core machine, so the
zip is kept under ``$TMPDIR/page-speed/`` and later runs only reopen it
(``analysis.uploads.reopen_zip``, a few seconds). Delete the folder to rebuild.

    python -m benchmarks.page_corpus 1000 10000
"""

from __future__ import annotations

import json
import os
import random
import re
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

REALNEWS = ROOT.parent / "shared" / "realnews"
CACHE_DIR = Path(tempfile.gettempdir()) / "page-speed"
REAL_SHARE = 0.28
GENERATED_OUTLETS = 300
_DATE_PREFIX = re.compile(r"^ date (\d{4}-\d{2}-\d{2}) ")


def real_articles(limit: int) -> list[dict]:
    """Up to ``limit`` real articles (text, title, source, url, published), or none when the folder is absent."""
    rows: list[dict] = []
    for path in sorted(REALNEWS.glob("*.jsonl")) if REALNEWS.is_dir() else []:
        with path.open(encoding="utf-8") as lines:
            for line in lines:
                if len(rows) >= limit:
                    return rows
                row = json.loads(line)
                rows.append({key: row.get(key) for key in ("text", "title", "source", "url", "published")})
    return rows


def generated_articles(n: int, *, seed: int = 13) -> list[dict]:
    """``n`` generated articles with an invented outlet each and the generator's date as ``published``."""
    from benchmarks.news_generator import generate_articles

    rng = random.Random(seed)
    rows = []
    for text in generate_articles(n, seed=seed):
        match = _DATE_PREFIX.match(text)
        rows.append({"text": text[match.end():] if match else text,
                     "source": f"outlet{rng.randrange(GENERATED_OUTLETS):03d}.example",
                     "published": match.group(1) if match else None})
    return rows


def corpus_files(n: int) -> tuple[tuple[str, bytes], ...]:
    """The ``(name, bytes)`` upload of an ``n``-article corpus: real articles first, then generated ones."""
    real = real_articles(int(n * REAL_SHARE))
    files = [("generated.jsonl", _jsonl(generated_articles(n - len(real))))]
    if real:
        files.append(("realnews.jsonl", _jsonl(real)))
    return tuple(files)


def _jsonl(rows: list[dict]) -> bytes:
    return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows).encode()


def corpus_zip(n: int, *, quiet: bool = False) -> Path:
    """The saved analysis of the ``n``-article corpus, built (minutes) on the first call only."""
    real = "real" if REALNEWS.is_dir() else "generated"
    path = CACHE_DIR / f"corpus_{n}_{real}.zip"
    if path.exists():
        return _with_current_views(path, quiet=quiet)
    from analysis.uploads import CorpusRequest, build, save_zip

    started = time.perf_counter()
    if not quiet:
        print(f"building the {n:,}-article corpus ({real} articles included); this runs once", flush=True)
    last = [0.0]

    def report(stage: str, done: int, total: int, current: str) -> None:
        if not quiet and time.perf_counter() - last[0] > 30:
            last[0] = time.perf_counter()
            print(f"  {time.perf_counter() - started:6.0f} s  {stage} {done:,}/{total:,}", flush=True)

    built = build(CorpusRequest(name=f"page benchmark {n}", files=corpus_files(n)), report=report)
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".part")
    partial.write_bytes(save_zip(built))
    os.replace(partial, path)
    if not quiet:
        print(f"  {len(built.tables.articles):,} articles analysed in {time.perf_counter() - started:.0f} s "
              f"-> {path}", flush=True)
    return path


def _with_current_views(path: Path, *, quiet: bool) -> Path:
    """``path``, saved again (once) when its corpus views were made by other analysis code or are not in it:
    a zip the Corpus page saves now carries them, and reopening one that does not computes them."""
    from analysis.store.export import has_views, read_manifest
    from analysis.uploads import reopen_zip, save_zip
    from analysis.views.prepared import views_version

    data = path.read_bytes()
    if has_views(read_manifest(data) or {}, views_version()):
        return path
    if not quiet:
        print(f"saving {path.name} again with the corpus views of this code", flush=True)
    partial = path.with_suffix(".part")
    partial.write_bytes(save_zip(reopen_zip(path.name, data)))
    os.replace(partial, path)
    return path


if __name__ == "__main__":
    for size in [int(arg) for arg in sys.argv[1:]] or [1000, 10000]:
        corpus_zip(size)
