"""Shared fixtures: one spaCy pipeline per test session, and a private NLP cache folder."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session", autouse=True)
def _private_cache_dir(tmp_path_factory):
    """Per-article NLP results go to a temporary folder, never the user's cache."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("NEWSDASH_CACHE_DIR", str(tmp_path_factory.mktemp("nlp-cache")))
        yield


@pytest.fixture(scope="session")
def nlp():
    """The NER pipeline of ``analysis.entities.nlp``, loaded once per session."""
    from analysis.entities.nlp import load_nlp

    return load_nlp()
