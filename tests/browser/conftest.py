"""A real `streamlit run` server and Debian's Chromium, for browser tests.

The server is started by the tests on a free localhost port and stopped after
them; Chromium is Debian's (/usr/bin/chromium), driven by Playwright's Python
package — never a browser downloaded by `playwright install`.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.streamlit_server import running_streamlit

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = ROOT / "artifacts"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
]


@pytest.fixture(scope="session")
def streamlit_server():
    """Base URL of a `streamlit run dashboard.py` server with the committed config."""
    ARTIFACTS.mkdir(exist_ok=True)
    with running_streamlit(ARTIFACTS / "streamlit-server.log", "--server.headless", "true",
                           "--browser.gatherUsageStats", "false") as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    yield page
    context.close()


def wait_for_app(page, timeout: float = 180_000) -> None:
    """Wait until the Streamlit script has finished running and the page is drawn."""
    page.wait_for_selector('[data-testid="stApp"]', timeout=timeout)
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]') "
        "&& document.querySelectorAll('[data-testid=\"stMetric\"], [data-testid=\"stHeading\"]').length > 0",
        timeout=timeout,
    )
    page.wait_for_timeout(1500)


def stable_boxes(locator, settle_ms: int = 400, tries: int = 20) -> list[dict]:
    """Bounding boxes of every element `locator` matches, once two readings `settle_ms` apart agree.

    A page that is still drawing (a table above a chart, a chart redrawn by a rerun) moves its elements; a click
    aimed at a box read mid-move lands on the wrong element or on none.
    """
    page = locator.page
    previous = None
    for _ in range(tries):
        boxes = [b for b in (locator.nth(i).bounding_box() for i in range(locator.count())) if b]
        if boxes and boxes == previous:
            return boxes
        previous = boxes
        page.wait_for_timeout(settle_ms)
    return previous or []
