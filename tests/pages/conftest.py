"""Shared setup for the page tests: a page opened through the dashboard, as a user opens it."""

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[2]
# The first run analyses the seeds and loads spaCy: give it time on a 2-core machine.
TIMEOUT = 240


@pytest.fixture(scope="session")
def open_page():
    """A factory: ``open_page("pages/tone.py")`` runs the dashboard, switches to the page and checks that it
    raised nothing. Each call is a new session."""

    def open_(page: str) -> AppTest:
        app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=TIMEOUT).run()
        app.switch_page(page).run()
        assert not app.exception, [e.value for e in app.exception]
        return app

    return open_


@pytest.fixture(scope="session")
def open_many_outlets():
    """A factory: ``open_many_outlets("pages/framing.py")`` opens the page on a corpus of 24 articles from 20
    outlets in 15 countries (``tests.pages.many_outlets``) as this session's own corpus."""
    from tests.pages.many_outlets import many_outlets_corpus

    def open_(page: str) -> AppTest:
        app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=TIMEOUT)
        app.session_state["active_corpus"] = many_outlets_corpus()
        app.run()
        app.switch_page(page).run()
        assert not app.exception, [e.value for e in app.exception]
        return app

    return open_
