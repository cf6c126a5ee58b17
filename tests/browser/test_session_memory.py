"""A session's corpus and views are freed when the session ends: the server's memory comes back.

The real server (committed config, ``server.disconnectedSessionTTL`` shortened to 2 s so the test
need not wait the default 2 minutes a closed tab's session is kept for a reconnect) first serves a
session that visits every page on the seeds, so the spaCy model and the seeds' analysis are loaded,
and a 300-article upload (other articles) whose session then ends, so the code an upload runs has
been imported and the process has once analysed a corpus of that size. Neither is a session's
memory: modules stay loaded for the server's life, and the first analysis of that size leaves about
25 MB with the allocators and spaCy for every later one (measured: a server that serves three such
sessions one after another keeps +28 MB after the first, then +4 and +5 MB, the bounded per-article
caches of ``analysis.article_cache``). Its resident memory then is the baseline. A Chromium user
uploads 300 articles, analyses them and visits every page (the corpus and every page's views now
live in that session), then closes the tab. Once the session's time to reconnect has passed, the
server's RSS must come back within 10% of the baseline, and at least half of what the session
added must have gone back (or the test would prove nothing).
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import tempfile
import time
from pathlib import Path

import pytest

from benchmarks import load_test

TTL_SECONDS = 2
ARTICLES = 300
WARM_UP_ARTICLES = 300


async def _scenario(url: str, pid: int) -> dict:
    from playwright.async_api import async_playwright

    await load_test.visit_every_page(url)
    report = load_test.Report()
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=load_test.CHROMIUM, headless=True,
                                                   args=load_test.CHROMIUM_ARGS)
        await load_test.upload(browser, url, 1, WARM_UP_ARTICLES, [], report)  # see the module docstring
        await asyncio.sleep(TTL_SECONDS + 1)
        await load_test.visit_every_page(url)
        before = await load_test.settled_rss(pid)
        stop = asyncio.Event()
        sampling = asyncio.create_task(load_test.sample_rss(pid, report, time.perf_counter(), stop))
        await load_test.upload(browser, url, 0, ARTICLES, [], report)  # closes its tab at the end
        stop.set()
        await sampling
        await browser.close()
    loaded = max([load_test.rss_mb(pid), *(mb for _, mb in report.rss)])  # the most while the session ran
    await asyncio.sleep(TTL_SECONDS + 1)
    await load_test.visit_every_page(url)  # a later session's disconnect lets the server drop expired ones
    after = await load_test.settled_rss(pid)
    return {"before": before, "loaded": loaded, "after": after, "errors": report.errors, "builds": report.builds}


def test_memory_returns_after_the_session_ends(tmp_path):
    with tempfile.TemporaryDirectory() as cache:
        process, url = load_test.start_server(tmp_path / "server.log", Path(cache),
                                              "--server.disconnectedSessionTTL", str(TTL_SECONDS))
        try:
            # A thread of its own: the sync Playwright of the other browser tests leaves an event loop
            # running in this one, where asyncio.run refuses to start.
            with concurrent.futures.ThreadPoolExecutor(1) as pool:
                found = pool.submit(lambda: asyncio.run(_scenario(url, process.pid))).result()
        finally:
            process.terminate()
            process.wait(timeout=20)
    print(found)
    assert not found["errors"] and found["builds"], found
    grown = found["loaded"] - found["before"]
    assert grown > 20, f"the upload did not grow the server's memory: {found}"
    assert found["after"] <= 1.10 * found["before"], f"memory was not given back after the session: {found}"
    assert found["after"] - found["before"] <= grown / 2, f"most of the session's memory stayed: {found}"
