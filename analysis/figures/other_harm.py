"""People hurt another way in a shooting story: an injured count the headline sets aside.

Rule (``hurt_otherwise``, applied by ``analysis.figures.ledger.headline_figures`` to the injured
headline only): an injured or hospital count whose sentence names a harm that is not gunfire
("treated for smoke inhalation", "taken to the hospital after a crash", "trampled", "stabbed") and
no gunfire at all ("shot", "shooting", "gunfire", "bullet", "opened fire", "wounded") is set aside
when another count of the same article is told with gunfire. Gun Violence Archive counts only the
people shot, so the officers treated for smoke after the gunman set the house alight are not the
shooting's injured. In a story with no gunfire (a fire, a crash) every count is the story's own and
nothing is set aside. The word lists are ``data/other_harm_cues.txt``.

Known misses: a sentence that names both ("two were shot and a third was trampled as the crowd
fled") keeps its counts whole, which is what the archive wants for the shot and not for the
trampled; a harm told in a sentence of its own that names neither ("Three officers were treated
at the scene.") is still counted; GVDB annotators sometimes list people hurt otherwise as injured,
and those are lost.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from analysis.data import DATA_DIR, read_sections

__all__ = ["hurt_otherwise", "names_gunfire", "CUES_FILE"]

CUES_FILE = DATA_DIR / "other_harm_cues.txt"


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """``(other harm, gunfire)``: the two sections of ``data/other_harm_cues.txt`` as whole-word patterns."""
    sections = read_sections(CUES_FILE.read_text("utf-8"))

    def words(phrases: Iterable[str]) -> re.Pattern[str]:
        ordered = sorted(phrases, key=len, reverse=True)
        return re.compile(r"\b(?:" + "|".join(r"\s+".join(map(re.escape, p.split())) for p in ordered) + r")\b", re.I)

    return words(sections.get("other harm", [])), words(sections.get("gunfire", []))


def names_gunfire(sentence: str) -> bool:
    """Does the sentence tell of gunfire ("was shot", "the shooting", "opened fire")?"""
    return bool(_patterns()[1].search(sentence or ""))


def hurt_otherwise(figure: dict, group: list[dict]) -> bool:
    """Is this injured or hospital count about people hurt another way in a story about a shooting?

    Args:
        figure: a row of the figures table (``category``, ``sentence``, ``sentence_idx``).
        group: all figures of the same article.

    Returns:
        True when the figure's sentence names a harm other than gunfire and no gunfire, and some
        other figure of the article is in a sentence that names gunfire.
    """
    if figure.get("category") not in ("injured", "hospitalized"):
        return False
    other, _ = _patterns()
    sentence = str(figure.get("sentence") or "")
    if not other.search(sentence) or names_gunfire(sentence):
        return False
    return any(f.get("sentence_idx") != figure.get("sentence_idx") and names_gunfire(str(f.get("sentence") or ""))
               for f in group)
