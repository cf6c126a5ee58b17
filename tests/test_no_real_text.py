"""The real-news texts are read at run time and never enter the repository (README, Methods).

Every run of 11 words from ``../shared/realnews`` is compared with every text file in the
repository; a shared run means a sentence was copied into a test, a docstring or a data file.
Shorter runs are left alone: stock phrases of news writing ("was rushed to the hospital with
life-threatening injuries") are nobody's text. Skipped where the real-news folder is absent.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
REALNEWS = ROOT.parent / "shared" / "realnews"
RUN = 11
TEXT_SUFFIXES = {".py", ".md", ".json", ".jsonl", ".csv", ".txt", ".toml", ".cfg"}
_WORD = re.compile(r"[a-z0-9']+")


def word_runs(text: str, n: int = RUN) -> set[str]:
    words = _WORD.findall(text.lower())
    return {" ".join(words[i:i + n]) for i in range(len(words) - n + 1)}


def test_word_runs_ignore_case_and_punctuation():
    assert word_runs("A, b. C d", n=3) == {"a b c", "b c d"}
    assert word_runs("two words", n=3) == set()


def _repository_files() -> list[Path]:
    skip = {".git", "artifacts", "__pycache__", ".venv", "node_modules"}
    return [p for p in ROOT.rglob("*") if p.is_file() and p.suffix in TEXT_SUFFIXES
            and not skip & set(p.relative_to(ROOT).parts)]


@pytest.mark.skipif(not REALNEWS.is_dir(), reason="../shared/realnews is not here")
def test_no_run_of_real_article_text_is_in_the_repository():
    real: set[str] = set()
    for path in sorted(REALNEWS.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                real |= word_runs(f"{record.get('title') or ''}\n{record.get('text') or ''}")
    assert real, "the real-news files hold no text"
    copied = {}
    for path in _repository_files():
        try:
            shared = word_runs(path.read_text(encoding="utf-8")) & real
        except (UnicodeDecodeError, OSError):
            continue
        if shared:
            copied[str(path.relative_to(ROOT))] = sorted(shared)[:3]
    assert not copied, f"text copied from real articles: {copied}"
