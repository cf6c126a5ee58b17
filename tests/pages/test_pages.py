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


def _table_digests(tables) -> dict[str, str]:
    import hashlib
    import pickle

    return {name: hashlib.sha256(pickle.dumps((frame.columns.tolist(), frame.index.tolist(), frame.to_dict("list"))))
            .hexdigest() for name, frame in tables.items()}


def test_pages_leave_the_shared_seed_tables_unchanged(open_page):
    # Every session is handed the same seed tables object (``st.cache_resource``, no copy), so a page that
    # modified a table in place would change what every other session sees.
    import app_data

    open_page("pages/overview.py")  # the seeds analysed and cached
    shared = app_data.seed_tables()
    before = _table_digests(shared)
    for page in PAGE_FILES:
        app = open_page(page)
        app.session_state[app_data.FILTER_UNDATED] = False  # a filtered view as well as the whole corpus
        app.run()
        assert not app.exception, [e.value for e in app.exception]
    assert app_data.seed_tables() is shared
    assert _table_digests(shared) == before
