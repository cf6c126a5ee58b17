"""Names of entities: how surface forms are folded and looked up.

``fold`` turns a surface form into the key that spelling variants share:
diacritics, case, dots, hyphens and white space are folded, a leading "the"
and a trailing possessive "'s" are dropped ("the U.S.'s" -> "us",
"Al-Qaida" -> "al qaida", "Erdoğan" -> "erdogan").

``Lexicon`` holds the user-readable word lists of ``analysis/data``:
``entity_aliases.csv`` (alias -> canonical name, label, parent),
``demonyms.csv`` (adjective or demonym -> place), ``entity_titles.txt`` (words
of an office stripped from the front of a person's name), ``entity_junk.txt``
(page furniture NER mistakes for names) and ``entity_heads.csv`` (last words
that make a name a facility). ``Lexicon.load()`` reads the bundled files;
``Lexicon.load(aliases=path)`` reads a user's own alias table instead.

Known misses: folding cannot join spellings that differ in letters
("Zelensky"/"Zelenskyy", "Kiev"/"Kyiv"): those need a row in the alias table.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path

from analysis.data import DATA_DIR

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'"})
_DASHES = re.compile(r"[-‐‑‒–—_/]+")
_POSSESSIVE = re.compile(r"(?:'s|')$", re.IGNORECASE)


def strip_diacritics(text: str) -> str:
    """``text`` without combining accents: "Erdoğan" -> "Erdogan"."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=65_536)
def fold(name: str) -> str:
    """The lookup key of a name; spelling variants that differ only in form share it.

    >>> fold("the U.S.'s") == fold("US") == fold("u.s.")
    True
    >>> fold("Al-Qaeda") == fold("al Qaeda")
    True
    """
    text = strip_diacritics(name).translate(_APOSTROPHES).strip()
    text = _POSSESSIVE.sub("", text) if len(text) > 3 else text
    text = text.replace(".", "")
    text = _DASHES.sub(" ", text)
    text = " ".join(text.casefold().split())
    if text.startswith("the "):
        text = text[4:]
    return text.strip(" '\"")


def is_capital_acronym(name: str) -> bool:
    """True for short all-capital forms ("US", "U.S.", "IS") that must match case."""
    letters = name.replace(".", "").strip()
    return 0 < len(letters) <= 3 and letters.isalpha() and letters.isupper()


@dataclass(frozen=True)
class AliasEntry:
    """What the alias table says about one way of writing an entity."""

    canonical: str
    label: str = ""
    parent: str = ""
    capitals_only: bool = False


@dataclass(frozen=True)
class Lexicon:
    """The word lists that canonicalisation reads (see module docstring)."""

    aliases: dict[str, AliasEntry] = field(default_factory=dict)
    demonyms: dict[str, str] = field(default_factory=dict)
    places: frozenset[str] = frozenset()
    titles: frozenset[str] = frozenset()
    junk: frozenset[str] = frozenset()
    heads: dict[str, str] = field(default_factory=dict)

    @classmethod
    def load(cls, *, aliases: str | Path | None = None) -> "Lexicon":
        """Read the bundled word lists; ``aliases`` replaces the bundled alias table."""
        if aliases is None:
            return _bundled()
        return _build(Path(aliases))

    def alias(self, surface: str) -> AliasEntry | None:
        """The alias-table entry for ``surface``, honouring capitals-only aliases."""
        entry = self.aliases.get(fold(surface))
        if entry is None:
            return None
        if entry.capitals_only and not surface.replace(".", "").replace("'s", "").strip().isupper():
            return None
        return entry

    def demonym(self, surface: str) -> str | None:
        """The place a demonym or adjective names: "Russian", "Ukrainians" -> a place."""
        key = fold(surface)
        if key in self.demonyms:
            return self.demonyms[key]
        if key.endswith("s") and key[:-1] in self.demonyms:
            return self.demonyms[key[:-1]]
        return None

    def is_place(self, name: str) -> bool:
        """True when ``name`` folds to a place of the demonym list."""
        return fold(name) in self.places


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        lines = [line for line in handle if line.strip() and not line.lstrip().startswith("#")]
    return [{k: (v or "").strip() for k, v in row.items() if k} for row in csv.DictReader(lines)]


def _words(path: Path) -> frozenset[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(fold(line) for line in lines if line.strip() and not line.lstrip().startswith("#"))


def read_alias_table(path: str | Path) -> dict[str, AliasEntry]:
    """Alias table rows keyed by folded alias; a missing canonical is an error."""
    table: dict[str, AliasEntry] = {}
    for number, row in enumerate(_rows(Path(path)), start=1):
        alias, canonical = row.get("alias", ""), row.get("canonical", "")
        if not alias or not canonical:
            raise ValueError(f"{path}: row {number} needs both an alias and a canonical name: {row}")
        entry = AliasEntry(canonical, row.get("label", "").upper(), row.get("parent", ""), is_capital_acronym(alias))
        table[fold(alias)] = entry
    # A canonical name always resolves to itself, with the label/parent of its rows.
    for entry in list(table.values()):
        own = table.get(fold(entry.canonical))
        if own is None or own.canonical != entry.canonical:
            table[fold(entry.canonical)] = AliasEntry(entry.canonical, entry.label, entry.parent)
    return table


def _build(alias_path: Path) -> Lexicon:
    demonyms = {fold(row["demonym"]): row["place"] for row in _rows(DATA_DIR / "demonyms.csv")}
    return Lexicon(
        aliases=read_alias_table(alias_path),
        demonyms=demonyms,
        places=frozenset(fold(place) for place in demonyms.values()),
        titles=_words(DATA_DIR / "entity_titles.txt"),
        junk=_words(DATA_DIR / "entity_junk.txt"),
        heads={fold(row["head"]): row["label"].upper() for row in _rows(DATA_DIR / "entity_heads.csv")},
    )


@cache
def _bundled() -> Lexicon:
    return _build(DATA_DIR / "entity_aliases.csv")
