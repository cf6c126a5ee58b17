"""A page URL opened as the server's very first request still goes through the router.

Streamlit serves a folder named ``pages/`` as a file-based multipage app until
``st.navigation`` has run once in the process, so this test needs a server of
its own that nobody has visited yet.
"""

from tests.browser.conftest import ARTIFACTS, wait_for_app
from tests.streamlit_server import running_streamlit


def test_first_request_to_a_page_url_gets_router_and_filters(browser):
    ARTIFACTS.mkdir(exist_ok=True)
    with running_streamlit(ARTIFACTS / "streamlit-deep-link.log", "--server.headless", "true",
                           "--browser.gatherUsageStats", "false") as url:
        context = browser.new_context(viewport={"width": 1280, "height": 800})
        page = context.new_page()
        try:
            page.goto(f"{url}/overview")
            wait_for_app(page)
            page.screenshot(path=str(ARTIFACTS / "deep-link-overview.png"))
            assert page.get_by_role("heading", name="Overview").first.is_visible()
            sidebar = page.locator('[data-testid="stSidebar"]')
            links = sidebar.locator('[data-testid="stSidebarNavLink"]')
            titles = [links.nth(i).inner_text().strip() for i in range(links.count())]
            assert any("Toll over time" in title for title in titles), titles  # the router's titles,
            assert not any(title.endswith("dashboard") for title in titles), titles  # not file names
            assert sidebar.get_by_text("Include undated articles").is_visible(), "the shared filters are drawn"
            assert not page.get_by_text("Page not found").is_visible()
        finally:
            context.close()
