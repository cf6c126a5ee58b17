"""In real Chromium, against a real `streamlit run` server: sessions are private and hostile text stays text.

Two browser contexts are two users (separate cookies, separate Streamlit
sessions). One uploads and analyses a corpus; the other, browsing the same
server at the same time, never sees its file names, sources or numbers.

A hostile upload (``<script>``, ``<img onerror>``, ``<svg onload>``,
``javascript:`` links, markdown and LaTeX in the text, title, source and file
name) is analysed and every page is visited: no dialog opens, no injected
code sets its flag, no javascript: link, injected image or maths is drawn, and
the words show literally.
"""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd
import pytest

from analysis.store.export import tables_from_zip
from tests.browser.conftest import ARTIFACTS

pytestmark = pytest.mark.browser

TIMEOUT = 180_000
PAGES = ["Overview", "Toll over time", "Framing", "Entities", "Tone", "Corpus: your own articles"]

SECRET_NAME = "zq_vantor_ledger_5521.csv"
SECRET_SOURCE = "Vantor Morning Courier"
SECRET_NUMBER = "6391"
SECRET_CSV = pd.DataFrame({
    "title": ["Bridge collapse at Vantor", "Vantor bridge inquiry opens"],
    "text": [f"The old rail bridge at Vantor fell into the river on Friday, and {SECRET_NUMBER} commuters were "
             "stranded on the far bank. Nobody was hurt, the county said.",
             "An inquiry into the Vantor bridge collapse opened on Monday. Engineers will examine the piers."],
    "source": [SECRET_SOURCE, SECRET_SOURCE], "date": ["2021-04-16", "2021-04-19"],
}).to_csv(index=False).encode()

FLAG = "window.__pwned = (window.__pwned || 0) + 1"
HOSTILE_TITLE = f"<script>{FLAG}</script><img src=x onerror=\"{FLAG}\"> **bold** $x$ [link](javascript:alert(1))"
HOSTILE_TEXT = (
    f"Sirens sounded in Pellow Harbour <img src=x onerror=\"{FLAG}; alert('img')\"> on Monday. "
    f"<svg onload=\"{FLAG}\"></svg> At least 3 people were injured, officials said.\n\n"
    "A spokesman said $x$ and $$\\frac{1}{0}$$ were **bold** claims; see [the report](javascript:alert('md')) "
    "and <a href=\"javascript:alert('a')\">this link</a>.\n\n"
    "<iframe src=\"javascript:alert('iframe')\"></iframe> Crews cleared the quay by evening."
)
HOSTILE_NAME = f"<img src=x onerror=\"{FLAG}\">[x](javascript:alert(1)).txt"


def _csv_bytes(rows: dict) -> bytes:
    buffer = io.StringIO()
    pd.DataFrame(rows).to_csv(buffer, index=False)
    return buffer.getvalue().encode()


def _wait_idle(page, timeout: float = TIMEOUT) -> None:
    """The script has finished its run and the page is drawn."""
    page.wait_for_selector('[data-testid="stApp"]', timeout=timeout)
    page.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=timeout)
    page.wait_for_selector('[data-testid="stHeading"], [data-testid="stMetric"]', timeout=timeout)
    page.wait_for_timeout(800)


def _go(page, title: str) -> None:
    page.locator('[data-testid="stSidebarNav"] a', has_text=title).first.click()
    page.wait_for_timeout(500)
    _wait_idle(page)


def _upload_and_analyse(page, files: list[dict]) -> None:
    _go(page, "Corpus: your own articles")
    page.locator('[data-testid="stFileUploader"] input[type="file"]').set_input_files(files)
    page.get_by_text("ready.", exact=False).first.wait_for(timeout=TIMEOUT)
    _wait_idle(page)
    page.get_by_role("button", name="Analyse ").first.click()
    page.get_by_text("Load report", exact=False).first.wait_for(timeout=TIMEOUT)
    _wait_idle(page)


def _visible_text(page) -> str:
    return page.locator("body").inner_text()


def test_two_browser_users_never_see_each_others_corpus(streamlit_server, browser):
    alice_context, bob_context = browser.new_context(), browser.new_context()
    try:
        alice, bob = alice_context.new_page(), bob_context.new_page()
        for page in (alice, bob):
            page.goto(streamlit_server)
            _wait_idle(page)

        # Alice first filters the seeds to one source; that choice must not outlive the switch to her corpus.
        sidebar = alice.locator('[data-testid="stSidebar"]')
        sidebar.locator('[data-testid="stMultiSelect"]').click()
        option = alice.get_by_role("option").filter(has_not_text="Select all").first
        seed_source = option.inner_text().strip()
        option.click()
        alice.keyboard.press("Escape")
        _wait_idle(alice)
        assert seed_source in sidebar.inner_text()

        _go(alice, "Corpus: your own articles")
        assert "200MB per file" in _visible_text(alice), "the configured upload limit is not what the browser shows"
        alice.locator('[data-testid="stFileUploader"] input[type="file"]').set_input_files(
            [{"name": SECRET_NAME, "mimeType": "text/csv", "buffer": SECRET_CSV}])
        alice.get_by_text("ready.", exact=False).first.wait_for(timeout=TIMEOUT)
        _wait_idle(alice)
        alice.get_by_role("button", name="Analyse ").first.click()

        seen_by_bob = []
        for title in PAGES:  # while Alice's analysis runs
            _go(bob, title)
            seen_by_bob.append(_visible_text(bob))

        alice.get_by_text("Load report", exact=False).first.wait_for(timeout=TIMEOUT)
        _wait_idle(alice)
        # The whole analysis downloads as a zip (built on click) that reopens to the same tables.
        with alice.expect_download(timeout=TIMEOUT) as download:
            alice.get_by_role("button", name="Download the analysed corpus").click()
        saved = tables_from_zip(Path(download.value.path()).read_bytes())
        assert download.value.suggested_filename == "zq_vantor_ledger_5521.zip"
        assert len(saved.tables.articles) == 2 and saved.manifest["files"][0]["name"] == SECRET_NAME
        _go(alice, "Overview")
        alice_sees = _visible_text(alice)
        assert "Corpus: zq_vantor_ledger_5521 (2 articles)" in alice_sees and SECRET_NUMBER in alice_sees
        # The sidebar's date filter moved to the new corpus (a stale range would hide every article).
        shown = sidebar.inner_text()
        assert "2021" in shown and "2024" not in shown and seed_source not in shown, shown
        alice.locator('[data-testid="stSidebar"]').get_by_text("Include undated articles").click()
        _wait_idle(alice)
        assert SECRET_NUMBER in _visible_text(alice)

        for title in PAGES:  # after it, with Alice's results in the same server process
            _go(bob, title)
            seen_by_bob.append(_visible_text(bob))
        bob.reload()
        _wait_idle(bob)
        seen_by_bob.append(_visible_text(bob))
        for text in seen_by_bob:
            for secret in (SECRET_NAME, "zq_vantor", SECRET_SOURCE, "Vantor", SECRET_NUMBER):
                assert secret not in text
        assert "Bundled seeds" in seen_by_bob[-1]
        bob.screenshot(path=str(ARTIFACTS / "isolation-second-user.png"), full_page=True)
    finally:
        alice_context.close()
        bob_context.close()


def test_hostile_upload_never_executes_and_shows_literally(streamlit_server, browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        dialogs, errors = [], []
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(streamlit_server)
        _wait_idle(page)
        hostile_csv = _csv_bytes({"title": [HOSTILE_TITLE], "text": [HOSTILE_TEXT.replace("Pellow", "Garrow")],
                                  "source": [f"<img src=x onerror=\"{FLAG}\">Quay News"], "date": ["2024-02-02"]})
        _upload_and_analyse(page, [
            {"name": HOSTILE_NAME, "mimeType": "text/plain", "buffer": f"{HOSTILE_TITLE}\n\n{HOSTILE_TEXT}".encode()},
            {"name": "quay.csv", "mimeType": "text/csv", "buffer": hostile_csv},
        ])
        checked = []
        for title in PAGES:
            _go(page, title)
            page.mouse.move(640, 450)  # hover over whatever chart is in the middle
            page.wait_for_timeout(300)
            checked.append(title)
            assert page.evaluate("() => window.__pwned") is None, f"injected code ran on {title}"
            assert not dialogs, (title, dialogs)
            main = page.locator('[data-testid="stMain"]')
            assert main.locator('a[href^="javascript:" i], iframe[src^="javascript:" i]').count() == 0, title
            assert main.locator('img[src="x"], svg[onload]').count() == 0, title
            assert main.locator(".katex, .katex-display").count() == 0, f"LaTeX was rendered on {title}"
            assert main.locator("strong", has_text="bold").count() == 0, f"markdown was rendered on {title}"
        _go(page, "Overview")
        text = _visible_text(page)
        assert "<script>window.__pwned" in text or "<img src=x onerror=" in text, "hostile words not shown literally"
        assert "$x$" in text and "**bold**" in text and "[link](javascript:alert(1))" in text
        page.screenshot(path=str(ARTIFACTS / "hostile-upload-overview.png"), full_page=True)
        assert checked == PAGES and not dialogs and page.evaluate("() => window.__pwned") is None
        assert not errors, errors
    finally:
        context.close()
