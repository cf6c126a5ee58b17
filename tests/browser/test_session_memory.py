"""A session's corpus and views are freed when the session ends: the server's memory comes back.

The real server (committed config, ``server.disconnectedSessionTTL`` shortened to 2 s so the test
need not wait the default 2 minutes a closed tab's session is kept for a reconnect) first serves a
session that visits every page on the seeds, so the spaCy model and the seeds' analysis are loaded,
and a 5-article upload whose session then ends, so the code an upload runs has been imported once
(modules stay loaded for the server's life; that is not a session's memory). Its resident memory
then is the baseline. A Chromium user uploads 300 articles, analyses them and
visits every page (the corpus and every page's views now live in that session), then closes the tab.
Once the session's time to reconnect has passed, the server's RSS must come back within 10% of the
baseline. The upload must first have grown it by more than that, or the test would prove nothing.
"""

from __future__ import annotations

import asyncio
import tempfile
import time
from pathlib import Path

import pytest

from benchmarks import load_test

TTL_SECONDS = 2
ARTICLES = 300
WARM_UP_ARTICLES = 5


async def _visit_every_page(url: str) -> None:
    session = load_test.WebsocketSession(url)
    await session.connect()
    for page_hash in session.pages.values():
        await session.run_page(page_hash)
    await session.close()


async def _settled_rss(pid: int, seconds: float = 20) -> float:
    """The lowest RSS over ``seconds`` (allocators hand freed pages back over a few seconds)."""
    samples = []
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        samples.append(load_test.rss_mb(pid))
        await asyncio.sleep(1)
    return min(samples)


async def _scenario(url: str, pid: int) -> dict:
    from playwright.async_api import async_playwright

    await _visit_every_page(url)
    report = load_test.Report()
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=load_test.CHROMIUM, headless=True,
                                                   args=load_test.CHROMIUM_ARGS)
        await load_test.upload(browser, url, 1, WARM_UP_ARTICLES, [], report)  # loads the upload code paths once
        await asyncio.sleep(TTL_SECONDS + 1)
        await _visit_every_page(url)
        before = await _settled_rss(pid)
        await load_test.upload(browser, url, 0, ARTICLES, [], report)  # closes its tab at the end
        await browser.close()
    loaded = max(mb for _, mb in report.rss) if report.rss else load_test.rss_mb(pid)
    loaded = max(loaded, load_test.rss_mb(pid))
    await asyncio.sleep(TTL_SECONDS + 1)
    await _visit_every_page(url)  # a later session's disconnect lets the server drop expired ones
    after = await _settled_rss(pid)
    return {"before": before, "loaded": loaded, "after": after, "errors": report.errors, "builds": report.builds}


@pytest.mark.xfail(strict=True, reason="not met yet: the session's corpus is freed (a finalizer fires) but the "
                   "server keeps ~70 MB of a 300-article session (RSS 313 -> 394 -> 384 MB); malloc_trim and "
                   "Arrow's release_unused did not give it back, so something else holds it (issue 13)")
def test_memory_returns_after_the_session_ends(tmp_path):
    with tempfile.TemporaryDirectory() as cache:
        process, url = load_test.start_server(tmp_path / "server.log", Path(cache),
                                              "--server.disconnectedSessionTTL", str(TTL_SECONDS))
        try:
            found = asyncio.run(_scenario(url, process.pid))
        finally:
            process.terminate()
            process.wait(timeout=20)
    print(found)
    assert not found["errors"] and found["builds"], found
    assert found["loaded"] > 1.2 * found["before"], f"the upload did not grow the server's memory: {found}"
    assert found["after"] <= 1.10 * found["before"], f"memory was not given back after the session: {found}"
