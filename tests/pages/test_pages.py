"""Every page renders on the bundled seeds without an exception."""

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[2]
PAGE_FILES = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "pages").glob("*.py"))
# The first run analyses the seeds and loads spaCy: give it time on a 2-core machine.
TIMEOUT = 240


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
def test_page_renders_without_exception(page):
    app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=TIMEOUT).run()
    app.switch_page(page).run()
    assert not app.exception, [e.value for e in app.exception]
    assert app.title or app.header or app.subheader, f"{page} shows no heading"
