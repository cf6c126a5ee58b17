"""Every page in Chromium: no error box, charts drawn (a Plotly SVG with marks),
and a screenshot in artifacts/ at desktop and phone widths for a person to look at."""

import re

import pytest

from tests.browser.conftest import ARTIFACTS, wait_for_app

pytestmark = pytest.mark.browser

# page URL path -> does the page draw at least one Plotly chart on the seeds?
PAGES = {"": True, "overview": False, "figures": False, "entities": True, "tone": True, "framing": True, "corpus": False}


@pytest.mark.parametrize("width", [1280, 420])
@pytest.mark.parametrize("path", list(PAGES))
def test_page_renders_with_charts(streamlit_server, browser, path, width):
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    try:
        page.goto(f"{streamlit_server}/{path}")
        wait_for_app(page)
        if PAGES[path]:
            page.wait_for_selector(".js-plotly-plot .main-svg", timeout=60_000)
            marks = page.locator(".js-plotly-plot .scatterlayer .point, .js-plotly-plot .barlayer .point, "
                                 ".js-plotly-plot .heatmaplayer image, .js-plotly-plot .boxlayer path")
            assert marks.count() > 0, "the chart has no marks"
        assert page.locator('[data-testid="stException"]').count() == 0
        page.screenshot(path=str(ARTIFACTS / f"page-{path or 'home-toll'}-{width}.png"))
        assert not errors, errors
    finally:
        context.close()
