"""A title that counts only people wounded: the text's deaths are not the article's incident's.

Headline writers lead with a death. A title that counts the people injured or taken to hospital ("Four wounded
outside Lakeview cinema", "Six hurt, one held after gunfire downtown", "3 hospitalized after ...")
and tells no death reports an incident in which nobody died (when it was written), so a death toll the text gives
is of something else: a linked story's headline ("Marine accused of murder in officer's death"), a funeral or
vigil the shooting broke out at, an earlier killing recalled, a misread line ("it could have been fatal"). Rule:
where the title, read alone as ``analysis.figures.titles`` reads it, gives a current numeral count of people
injured or hospitalized and no death toll, and holds none of the death words of ``data/wounded_titles.txt``
("dead", "killed", "fatally", "murder", ...: a death the reading may not count, "Woman dead, five hurt"), every
current death toll of the text becomes ``background`` and the killed headline is empty. Not a title that counts
people "shot" (the people shot hold the dead: "7 shot near park" over three dead is right), nor one that
names a single person wounded without a number ("Stray round wounds girl, 6": such titles precede a later
death about as often as a recap).

A death of the title's wounded told later is theirs: where a sentence giving a death toll tells a change
(``title_tolls.tells_a_change``: "the toll rose to"), a death since (``hospital_dead.tells_later_death``: "has
died", "later died", "succumbed") or a death among people counted before ("one of those ... died": the
``[among them]`` phrases), nothing of that article is set aside ("3 hospitalized after shooting" with a later
line that one of them has died); nor where the text's first two sentences give a death toll, as a developing
story's lede does under a title written for its first report ("More than 40 injured in market blast" over "At
least 12 people were killed and more than 40 injured").

Known misses: a victim who died of the title's wounded told without such a cue ("The girl died at the hospital")
is set aside; a linked story's death at the very top of the text stays; a title that counts the wounded of a
shooting that also killed ("Two deputies also hurt in ambush") sets aside the text's dead, where "also" is
the only hint.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache

import pandas as pd

from analysis.data import DATA_DIR, read_sections, words_pattern
from analysis.figures.hospital_dead import tells_later_death
from analysis.figures.title_tolls import tells_a_change

__all__ = ["CUES_FILE", "wounded_title_articles", "set_aside_for_wounded_titles"]

CUES_FILE = DATA_DIR / "wounded_titles.txt"
_INJURED = ("injured", "hospitalized")
_LEDE = 2  # the text's first sentences: a death told there is the article's own, whatever the title says


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """``(wound words, death words, among them)`` of ``data/wounded_titles.txt``, each as one whole-word
    pattern."""
    sections = read_sections(CUES_FILE.read_text("utf-8"))

    return tuple(words_pattern(sections[name]) for name in ("wound words", "death words", "among them"))


def wounded_title_articles(figures: pd.DataFrame, titles: Mapping[str, str]) -> set[str]:
    """The articles whose text gives a current death toll and whose title (``{article_id: title}``) holds a wound
    word and no death word: the only ones the rule can change, so only their titles are read."""
    if figures.empty:
        return set()
    wound, death, _ = _patterns()
    dead = set(figures.loc[_text_tolls(figures), "article_id"].astype(str))
    return {a for a in dead if wound.search(str(titles.get(a) or "")) and not death.search(str(titles.get(a) or ""))}


def set_aside_for_wounded_titles(figures: pd.DataFrame, read: pd.DataFrame, articles: set[str]) -> pd.DataFrame:
    """``figures`` with the text's current death tolls set to ``background`` for ``articles``
    (``wounded_title_articles``) whose title, read alone (``read``), gives a current numeral count of people injured
    or hospitalized and no current death toll, unless a sentence giving a death toll tells a change or a death since
    (see the module docstring). Input not modified."""
    if figures.empty or read.empty or not articles:
        return figures
    read = read[read["article_id"].isin(articles) & read["status"].eq("current")]
    counted = set(read.loc[read["category"].isin(_INJURED) & read["rule"].eq("numeral"), "article_id"])
    wounded = counted - set(read.loc[read["category"].eq("killed"), "article_id"])
    if not wounded:
        return figures
    tolls = _text_tolls(figures) & figures["article_id"].isin(wounded)
    # an update that one of them has died: one of the title's wounded, told after the title was written; and a
    # death in the text's first two sentences is the lede's own, the title's words being older
    grew = figures.loc[tolls, "sentence"].astype(str).map(_tells_a_death_since)
    kept = set(figures.loc[grew[grew].index, "article_id"]) | set(figures.loc[tolls & figures["sentence_idx"].lt(_LEDE),
                                                                           "article_id"])
    tolls &= ~figures["article_id"].isin(kept)
    if not tolls.any():
        return figures
    out = figures.copy()
    out.loc[tolls, "status"] = "background"
    return out


def _tells_a_death_since(sentence: str) -> bool:
    """True when the sentence tells a count changing (``title_tolls.tells_a_change``: "the toll rose to"), a death
    since ("has died", "later died", "succumbed") or one among people counted before ("one of those ... died")."""
    return tells_a_change(sentence) or tells_later_death(sentence) \
        or bool(_patterns()[2].search(sentence))


def _text_tolls(figures: pd.DataFrame) -> pd.Series:
    return figures["category"].eq("killed") & figures["status"].eq("current") & figures["sentence_idx"].ge(0) \
        & ~figures["figure_id"].astype(str).str.endswith(":title")
