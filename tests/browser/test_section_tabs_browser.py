"""The Tone and Framing pages in Chromium: one section at a time, each tab drawing its own section when clicked."""

import pytest

from tests.browser.conftest import wait_for_app

pytestmark = pytest.mark.browser

# page -> tab label -> (the heading its section opens with, does it draw a chart on the seeds)
TABS = {
    "tone": {"Over time": ("Over publication time", True), "Along one article": ("Along one article", True),
             "Around entities": ("Around entities", True),
             "TextBlob against VADER": ("Where TextBlob and VADER disagree", True),
             "By source or group": ("By source", True)},
    "framing": {"Roles": ("Who is cast as what", False), "Hedging": ("How sure the language sounds", True),
                "Tone toward entities": ("Tone toward entities", False),
                "Distinctive words": ("Distinctive words", False),
                "Who is cited": ("Whose words are used", False), "Frames": ("What the story is about", True)},
}

SHOWN_CHARTS = """() => [...document.querySelectorAll('[data-testid="stPlotlyChart"]')]
    .filter(box => box.offsetParent !== null && box.querySelector('.js-plotly-plot .main-svg')).length"""


@pytest.mark.parametrize("path", list(TABS))
def test_each_tab_draws_its_section(streamlit_server, page, path):
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{streamlit_server}/{path}")
    wait_for_app(page)
    page.wait_for_function(f"() => ({SHOWN_CHARTS})() === 1", timeout=120_000)  # the first tab's chart alone
    for label, (heading, chart) in TABS[path].items():
        page.get_by_role("tab", name=label).first.click()
        page.wait_for_function(
            "heading => [...document.querySelectorAll('[data-testid=\"stHeading\"]')].some("
            "h => h.offsetParent !== null && h.textContent.includes(heading))", arg=heading, timeout=60_000)
        if chart:
            page.wait_for_function(f"() => ({SHOWN_CHARTS})() === 1", timeout=60_000)
        assert page.locator('[data-testid="stException"]').count() == 0
    assert not errors, errors
