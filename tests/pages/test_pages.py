"""Every page renders on the bundled seeds without an exception."""

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PAGE_FILES = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "pages").glob("*.py"))


def test_dashboard_registers_every_page_file():
    source = (ROOT / "dashboard.py").read_text(encoding="utf-8")
    for page in PAGE_FILES:
        assert f'"{Path(page).name}"' in source, f"{page} is not in dashboard.py's PAGES"


@pytest.mark.parametrize("page", PAGE_FILES)
def test_page_routes_through_dashboard_when_opened_by_url(page):
    # Without this call, a page URL that is the server's first request runs the page file alone.
    source = (ROOT / page).read_text(encoding="utf-8")
    assert "app_data.route_through_dashboard(__file__)" in source


@pytest.mark.parametrize("page", PAGE_FILES)
def test_page_renders_without_exception(page, open_page):
    app = open_page(page)  # checks that the page raised nothing
    assert app.title or app.header or app.subheader, f"{page} shows no heading"
