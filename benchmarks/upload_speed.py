"""How long an upload takes on the Corpus page, stage by stage, and what a saved analysis costs.

Builds a corpus from N generated articles uploaded as one zip (the way the app
does it: ``analysis.uploads.build``), with a cold per-text NLP cache, then
again with the cache warm (a re-analysis after the user gives a date), and
times saving and reopening the analysis zip.

    python benchmarks/upload_speed.py [N]
"""

from __future__ import annotations

import io
import os
import sys
import tempfile
import time
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("NEWSDASH_CACHE_DIR", tempfile.mkdtemp(prefix="upload-speed-"))

from benchmarks.news_generator import generate_articles  # noqa: E402


def main(n: int) -> None:
    from analysis.entities.nlp import load_nlp
    from analysis.uploads import CorpusRequest, build, reopen_zip, save_zip

    load_nlp()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for index, text in enumerate(generate_articles(n, seed=11)):
            archive.writestr(f"desk/story_{index:04}.txt", text)
    request = CorpusRequest(name="benchmark", files=(("stories.zip", buffer.getvalue()),))
    for label in ("cold cache", "warm cache"):
        stamps: dict[str, float] = {}
        started = time.perf_counter()
        built = build(request, report=lambda stage, *_: stamps.setdefault(stage, time.perf_counter()))
        total = time.perf_counter() - started
        marks = sorted(stamps.items(), key=lambda item: item[1]) + [("end", started + total)]
        parts = ", ".join(f"{stage.split(':')[0].lower()} {end - begin:.1f} s"
                          for (stage, begin), (_, end) in zip(marks, marks[1:]) if stage != "Done")
        words = int(built.tables.articles["n_words"].sum())
        print(f"{label}: {len(built.tables.articles)} articles, {words:,} words in {total:.1f} s "
              f"({len(built.tables.articles) / total:.1f} articles/s): {parts}")
    started = time.perf_counter()
    data = save_zip(built)
    saved = time.perf_counter() - started
    started = time.perf_counter()
    reopen_zip("benchmark.zip", data)
    print(f"save zip {saved:.2f} s ({len(data) / 1024 / 1024:.1f} MB), reopen {time.perf_counter() - started:.2f} s")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 200)
