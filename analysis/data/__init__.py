"""The word lists, alias tables and codebooks the rules read; ``DATA_DIR`` is their folder.

Each stage reads its own files from here, so a user can extend a list without
touching code; ``read_words`` and ``read_sections`` read the plain-text ones, ``words_pattern`` finds their words
in a text. ``FIGURES_LEXICON`` is named once because two modules of the
figure ledger read it (number words and the rule lexicon).
"""

import re
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent
FIGURES_LEXICON = DATA_DIR / "figures_lexicon.json"


def read_words(text: str) -> list[str]:
    """The words of a word list, one a line, lower case; blank lines and ``#`` comments left out."""
    words = []
    for line in text.splitlines():
        line = line.strip().lower()
        if line and not line.startswith("#"):
            words.append(line)
    return words


def read_sections(text: str) -> dict[str, list[str]]:
    """A word list under ``[section]`` headings: ``"[after]\\narrested"`` -> ``{"after": ["arrested"]}``."""
    sections: dict[str, list[str]] = {}
    current = None
    for word in read_words(text):
        if word.startswith("[") and word.endswith("]"):
            current = sections.setdefault(word[1:-1], [])
        elif current is not None:
            current.append(word)
    return sections


def words_pattern(words: list[str]) -> re.Pattern[str]:
    """One case-blind pattern for a word list's entries: each a whole word or phrase (any spaces between its words)
    or, ending in ``*``, a word's start (``"injur*"`` finds "injuries")."""
    parts = [r"\s+".join(map(re.escape, w.removesuffix("*").split())) + (r"\w*" if w.endswith("*") else "")
             for w in words]
    return re.compile(r"\b(?:" + "|".join(parts) + r")\b", re.I)
