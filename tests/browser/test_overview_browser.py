"""The overview renders in a real browser: metrics, the article grid, the reader."""

import pytest

from tests.browser.conftest import ARTIFACTS, wait_for_app

pytestmark = pytest.mark.browser


def test_overview_renders_in_chromium(streamlit_server, page):
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(streamlit_server)
    wait_for_app(page)
    metrics = page.locator('[data-testid="stMetric"]')
    assert metrics.count() == 5
    assert "5" in metrics.first.inner_text()
    assert page.locator('[data-testid="stDataFrame"]').first.is_visible()
    assert page.get_by_text("Unfolding of Events").first.is_visible() or page.get_by_text("Reader").is_visible()
    page.screenshot(path=str(ARTIFACTS / "overview.png"), full_page=True)
    assert not errors, errors
