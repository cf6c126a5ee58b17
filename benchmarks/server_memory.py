"""The real server's memory after large sessions end: what an operator sees on a long-running deployment.

    python -m benchmarks.server_memory [--articles 10000] [--sessions 3] [--malloc]

``benchmarks/page_speed.py`` measures memory in AppTest, inside the benchmark's own process; a deployment runs
``streamlit run dashboard.py`` with its websockets, uploads and session manager. This starts that server on a
free loopback port (the committed config, ``server.disconnectedSessionTTL`` shortened to 2 s so a closed tab's
session is dropped at once), serves one websocket session on the bundled seeds through every page, and takes the
lowest RSS over 20 s as the baseline. Then ``--sessions`` times, one after another: a headless Chromium tab
(``/usr/bin/chromium``) opens the saved ``--articles``-article analysis of ``benchmarks/page_corpus.py`` on the
Corpus page, visits every page, and closes; once its session has been dropped (a later seeds session lets the
server drop expired ones) the settled RSS is printed against the baseline, and again after a second seeds session
``QUIET_SECONDS`` later: Python's allocator puts a new session's objects into its fullest arenas, which are the
large session's half-freed ones while it is being released, so the first reading also counts the seeds session
alive then (as a server's other users would be). ``--malloc`` starts the server with
``PYTHONMALLOC=malloc`` (glibc instead of Python's small-object allocator). Quote the load average printed.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks import load_test  # noqa: E402  (after the path is set)
from benchmarks.page_browser import PAGES  # noqa: E402
from benchmarks.page_corpus import corpus_zip  # noqa: E402
from benchmarks.toll_browser import CHROMIUM, CHROMIUM_ARGS, _go, _open_corpus  # noqa: E402

TTL_SECONDS = 2
#: Seconds before the second reading: the first one's seeds session ran while the large session was being freed.
QUIET_SECONDS = 8


async def _measure(url: str, pid: int, zip_path: Path, sessions: int) -> None:
    from playwright.async_api import async_playwright

    await load_test.visit_every_page(url)
    baseline = await load_test.settled_rss(pid)
    print(f"baseline (after a session on the seeds through every page): {baseline:.0f} MB", flush=True)
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        for number in range(1, sessions + 1):
            context = await browser.new_context(viewport={"width": 1400, "height": 1000})
            page = await context.new_page()
            opened = await _open_corpus(page, url, zip_path)
            for link, *_ in PAGES.values():
                await _go(page, link)
            loaded = load_test.rss_mb(pid)
            await context.close()
            await asyncio.sleep(TTL_SECONDS + 1)
            await load_test.visit_every_page(url)
            after = await load_test.settled_rss(pid)
            await asyncio.sleep(QUIET_SECONDS)
            await load_test.visit_every_page(url)
            later = await load_test.settled_rss(pid)
            print(f"session {number}: corpus opened in {opened:.1f} s, RSS with it {loaded:.0f} MB, once ended "
                  f"{after:.0f} MB ({100 * (after / baseline - 1):+.1f}%), after a later seeds session "
                  f"{later:.0f} MB ({100 * (later / baseline - 1):+.1f}%)", flush=True)
        await browser.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10000)
    parser.add_argument("--sessions", type=int, default=3)
    parser.add_argument("--malloc", action="store_true", help="start the server with PYTHONMALLOC=malloc")
    args = parser.parse_args()
    zip_path = corpus_zip(args.articles)
    allocator = "PYTHONMALLOC=malloc" if args.malloc else "Python's default allocator"
    print(f"load {Path('/proc/loadavg').read_text().strip()}; {args.articles:,} articles ({zip_path.name}); "
          f"{allocator}", flush=True)
    saved = os.environ.get("PYTHONMALLOC")
    if args.malloc:
        os.environ["PYTHONMALLOC"] = "malloc"  # the server inherits it; this process is already started
    with tempfile.TemporaryDirectory() as cache:
        process, url = load_test.start_server(Path(cache) / "server.log", Path(cache),
                                              "--server.disconnectedSessionTTL", str(TTL_SECONDS))
        if saved is None:
            os.environ.pop("PYTHONMALLOC", None)
        else:
            os.environ["PYTHONMALLOC"] = saved
        try:
            asyncio.run(_measure(url, process.pid, zip_path, args.sessions))
        finally:
            load_test.stop_server(process)
    print(f"load {Path('/proc/loadavg').read_text().strip()}", flush=True)


if __name__ == "__main__":
    main()
