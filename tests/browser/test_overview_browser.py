"""The overview renders in a real browser: metrics, the article grid, the reader."""

import pytest

from tests.browser.conftest import ARTIFACTS, wait_for_app

pytestmark = pytest.mark.browser


def test_overview_renders_in_chromium(streamlit_server, page):
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{streamlit_server}/overview")
    wait_for_app(page)
    # wait_for_app may return on the sidebar's heading before the page's body is drawn (seen at load 9)
    page.wait_for_function("() => document.querySelectorAll('[data-testid=\"stMetric\"]').length >= 3",
                           timeout=120_000)
    metrics = page.locator('[data-testid="stMetric"]')
    assert metrics.count() == 3
    assert "5" in metrics.first.inner_text()
    assert page.locator('[data-testid="stDataFrame"]').first.is_visible()
    assert page.get_by_text("Unfolding of Events").first.is_visible() or page.get_by_text("Reader").is_visible()
    page.screenshot(path=str(ARTIFACTS / "overview.png"), full_page=True)
    assert not errors, errors


def test_sidebar_filters_persist_across_pages(streamlit_server, page):
    # Enter at the root and move by the sidebar, as a user does (deep links: test_deep_link_browser.py).
    page.goto(streamlit_server)
    wait_for_app(page)
    sidebar = page.locator('[data-testid="stSidebar"]')
    sidebar.locator('[data-testid="stSidebarNavLink"]').filter(has_text="Overview").click()
    wait_for_app(page)
    sidebar.get_by_text("Include undated articles").click()
    page.wait_for_function(
        "() => [...document.querySelectorAll('[data-testid=\"stMetric\"]')]"
        ".some(m => m.innerText.startsWith('Articles') && m.innerText.trim().endsWith('3'))",
        timeout=60_000,
    )
    links = sidebar.locator('[data-testid="stSidebarNavLink"]')
    assert links.count() >= 2, "the sidebar lists the pages"
    links.filter(has_text="Toll over time").click()
    wait_for_app(page)
    checkbox = sidebar.get_by_role("checkbox", name="Include undated articles", exact=False)
    assert not checkbox.is_checked()
    links.filter(has_text="Overview").click()
    wait_for_app(page)
    articles = page.locator('[data-testid="stMetric"]').first.inner_text()
    assert articles.strip().endswith("3")
