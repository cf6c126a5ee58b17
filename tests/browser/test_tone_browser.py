"""The Tone page in Chromium: one section at a time, each tab drawing its own chart when clicked."""

import pytest

from tests.browser.conftest import wait_for_app

pytestmark = pytest.mark.browser

# tab label -> the heading its section opens with
TABS = {"Over time": "Over publication time", "Along one article": "Along one article",
        "Around entities": "Around entities", "TextBlob against VADER": "Where TextBlob and VADER disagree",
        "By source or group": "By source"}

SHOWN_CHARTS = """() => [...document.querySelectorAll('[data-testid="stPlotlyChart"]')]
    .filter(box => box.offsetParent !== null && box.querySelector('.js-plotly-plot .main-svg')).length"""


def test_each_tab_draws_its_section(streamlit_server, page):
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{streamlit_server}/tone")
    wait_for_app(page)
    page.wait_for_function(f"() => ({SHOWN_CHARTS})() === 1", timeout=120_000)  # the first tab's chart alone
    for label, heading in TABS.items():
        page.get_by_role("tab", name=label).first.click()
        page.wait_for_function(
            "heading => [...document.querySelectorAll('[data-testid=\"stHeading\"]')].some("
            "h => h.offsetParent !== null && h.textContent.includes(heading))", arg=heading, timeout=60_000)
        page.wait_for_function(f"() => ({SHOWN_CHARTS})() === 1", timeout=60_000)
        assert page.locator('[data-testid="stException"]').count() == 0
    assert not errors, errors
