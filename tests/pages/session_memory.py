"""One process's memory before, during and after a session on a generated corpus: run as a script, prints JSON.

    python -m tests.pages.session_memory [ARTICLES]

As ``benchmarks.page_speed`` measures it, smaller: the corpus (generated articles only, from
``benchmarks.news_generator``, 300 invented outlets) is analysed and saved first; then one session on the bundled
seeds visits every page and ends, and the process's resident memory and Python's small-object arenas
(``sys._debugmallocstats``) are the baseline; then a session reopens the saved corpus, visits every page, changes
the date range twice on each, and ends. Printed: RSS in MB and arena counts at the baseline, with the session's
data loaded and once it has ended. ``tests/pages/test_session_arenas.py`` runs it with each allocator.
"""

from __future__ import annotations

import array
import datetime
import gc
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
#: Enough for the session to fill tens of arenas, few enough to be analysed in about a minute.
ARTICLES = 1000
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def arenas() -> int:
    """Python's small-object arenas (1 MB each) now, 0 without that allocator: ``sys._debugmallocstats`` writes them
    to file descriptor 2."""
    with tempfile.TemporaryFile("w+") as out:
        saved = os.dup(2)
        sys.stderr.flush()
        os.dup2(out.fileno(), 2)
        try:
            sys._debugmallocstats()
        finally:
            os.dup2(saved, 2)
            os.close(saved)
        out.seek(0)
        found = re.search(r"# arenas allocated current\s*=\s*([\d,]+)", out.read())
    if found is None:  # PYTHONMALLOC=malloc: no arenas
        return 0
    return int(found.group(1).replace(",", ""))


def save_corpus(n: int, path: str) -> None:
    """Analyse ``n`` generated articles and save the analysis (``analysis.uploads.save_zip``) to ``path``."""
    from analysis.uploads import CorpusRequest, build, save_zip
    from benchmarks.page_corpus import _jsonl, generated_articles

    built = build(CorpusRequest(name=f"generated {n}", files=(("generated.jsonl", _jsonl(generated_articles(n))),)))
    Path(path).write_bytes(save_zip(built))


def _saved_corpus(n: int) -> bytes:
    # In a child process, as benchmarks.page_speed does: the analysis (spaCy) is not part of the server's memory.
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "corpus.zip"
        subprocess.run([sys.executable, "-c", f"from tests.pages.session_memory import save_corpus; "
                        f"save_corpus({n}, {str(path)!r})"], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
        return path.read_bytes()


def main(n: int) -> dict:
    from streamlit.testing.v1 import AppTest

    import app_data
    from analysis import memory
    from analysis.uploads import reopen_zip
    from benchmarks import page_speed

    data = _saved_corpus(n)
    pages = list(page_speed.PAGES)
    page_speed._visit_on_seeds(pages)
    found = {"before_rss": page_speed._rss_mb(), "before_arenas": arenas()}
    # Figures taken while the session holds its data go into an array made now: a float made then and kept would
    # hold the arena it sits in (analysis.memory), as the benchmark's own figures did.
    loaded = array.array("d", (0.0, 0.0))

    built = reopen_zip("generated.zip", data)
    dated = built.tables.articles["published"].dropna()
    first_day, last_day = dated.min().date(), dated.max().date()
    del dated
    app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=page_speed.TIMEOUT)
    app.session_state[app_data.ACTIVE_CORPUS] = built
    memory.release_when_collected(built)  # as app_data.set_active_corpus does
    del built
    app.run()
    for page in pages:
        app.switch_page(page).run()
        for day in (1, 2):  # date ranges not chosen before: each narrows the corpus afresh
            app.session_state[app_data.FILTER_DATES] = (first_day + datetime.timedelta(days=day), last_day)
            app.run()
        app.session_state[app_data.FILTER_DATES] = None
        app.run()
        if app.exception:
            raise RuntimeError([e.value for e in app.exception])
    loaded[:] = array.array("d", (page_speed._rss_mb(), arenas()))
    del app  # the session ends
    gc.collect()  # as the server's deferred collection does
    time.sleep(memory.RELEASE_DELAY + 2)
    found.update(loaded_rss=loaded[0], loaded_arenas=int(loaded[1]), after_rss=page_speed._rss_mb(),
                 after_arenas=arenas())
    return found


if __name__ == "__main__":
    print(json.dumps(main(int(sys.argv[1]) if len(sys.argv) > 1 else ARTICLES)))
