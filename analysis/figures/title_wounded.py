"""A title's own count of the wounded as the article's injured headline, where the text's is larger.

Over tune's GVA articles whose title, read alone, counts people injured, hospitalized or shot, and whose text's
injured headline is a larger number, the text was right as often as the title (13 and 13), but apart by what the
title's count is: where the text was right, the title's count was mostly part of listed people ("Baby, 2 others
hurt", "two men, one woman wounded", "3 deputies & 2 others") or people shot beside a death the title tells
("Five shot, 2 dead": one of the five, or a sixth?); a whole count of the wounded, or of people shot in a title that
tells no death, was right 9 times against 2 for the text (GVDB 1 and 0), the text's larger count being another
shooting nearby, a count holding the dead, the suspect with his victims, another agency's count.

Rule: where the title, read alone as ``analysis.figures.titles`` reads it, gives one current count of people
injured or hospitalized (numeral), or of people shot less the dead (derived) beside the words "shot" or
"shooting" in a title with no death word, that is not a part of listed people (a comma, "and" or "&" before it
after words with no death word, or another count of people after it: "2 deputies & 3 others"), and the title
holds none of the roundup words of ``data/title_wounded.txt`` ("weekend shootings", "across the city"), a text's
current injured and hospitalized counts larger than it are set aside (``background``) and the title's row joins
the figures, so the title's count is the headline. A title's count larger than the text's is not taken: it did
not separate (a title's "5 people shot" holds a death the text tells; roundups).

Nothing is changed where a larger count's sentence tells a change ("the number of injured had climbed to 31": a
developing story's count growing after its title was written).

Known misses: a list part the pattern does not see ("Mother's unborn child lost, 3 others hurt" over a text that
counts the mother too) is read as the whole; a title written from an early report that the text updates without a
change verb keeps the early count; a title counting several incidents without a roundup word is read as one.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache

import pandas as pd

from analysis import schema
from analysis.data import DATA_DIR, read_sections, words_pattern
from analysis.figures.title_text import DEATH_WORDS
from analysis.figures.title_tolls import tells_a_change, text_totals
from analysis.tables import records

__all__ = ["WORDS_FILE", "roundup_words", "title_count_articles", "title_count_headlines"]

WORDS_FILE = DATA_DIR / "title_wounded.txt"
_INJURED = ("injured", "hospitalized")
_WORDS = ("one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
          "seventeen eighteen nineteen twenty").split()
_NUMBER = re.compile(r"\b(?:\d+|" + "|".join(_WORDS) + r")\b", re.I)
# "Baby, 2 others ...", "man and 2 teens ...": the words before a count of a listed part
_GROUP_BEFORE = re.compile(r"(?:,|\band|&)\s*$", re.I)
# "hurts 3 deputies & 2 others": a count followed by another count of listed people
_GROUP_AFTER = re.compile(r"^\s*[\w'’-]+(?:\s+[\w'’-]+)?\s*(?:,|&|\band\b)\s*"
                          r"(?:\d|(?:one|two|three|four|five|six|seven|eight|nine|ten)\b)", re.I)


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """``(title words, roundup words)`` of ``data/title_wounded.txt``, each as one whole-word pattern."""
    sections = read_sections(WORDS_FILE.read_text("utf-8"))

    return words_pattern(sections["title words"]), words_pattern(sections["roundup words"])


def roundup_words() -> re.Pattern[str]:
    """The roundup words of ``data/title_wounded.txt`` ("weekend shootings", "across the city"): a title counting
    several incidents."""
    return _patterns()[1]


def title_count_articles(figures: pd.DataFrame, titles: Mapping[str, str]) -> set[str]:
    """The articles whose text gives a current injured or hospitalized total and whose title (``{article_id:
    title}``) holds a number smaller than it, a wound word and no roundup word: the only ones the rule can
    change."""
    if figures.empty:
        return set()
    words, roundup = _patterns()
    text = figures[text_totals(figures, _INJURED)]
    largest = text.groupby(text["article_id"].astype(str))["value"].max().to_dict()
    hurt = set(largest)
    hurt -= set(figures.loc[figures["category"].isin(_INJURED) & figures["figure_id"].astype(str).str.endswith(
        ":title"), "article_id"].astype(str))  # the title's count is already read (analysis.figures.titles)
    # a title with no number below the text's largest count cannot be smaller than it
    return {a for a in hurt if (t := str(titles.get(a) or "")) and _smallest(t) < largest[a] and words.search(t)
            and not roundup.search(t)}


def _smallest(title: str) -> float:
    """The smallest number a title writes in digits or as a word up to twenty ("Six shot, 2 dead": 2)."""
    values = [int(m) if m.isdigit() else _WORDS.index(m.lower()) + 1 for m in _NUMBER.findall(title)]
    return min(values, default=float("inf"))


# "8 shot at park", "4 men shot in ...", "after shooting three people": not "police name 3 shooting victims"
_SHOT_AFTER = re.compile(r"^[\w'’-]+(?:\s+[\w'’-]+){0,2}?\s+shot\b", re.I)
_SHOOTS_BEFORE = re.compile(r"\bshoot(?:s|ing)\s+$", re.I)


def _counts_shot(title: str, start: int) -> bool:
    """True when the count at ``start`` of ``title`` is of people shot, by the words beside it."""
    return bool(_SHOT_AFTER.match(title[start:]) or _SHOOTS_BEFORE.search(title[:start]))


def _is_part(title: str, start: int) -> bool:
    """True when the count at ``start`` of ``title`` is a part of listed people ("Baby, 2 others", not "1 dead,
    3 others")."""
    after = _GROUP_AFTER.match(title[start:].split(maxsplit=1)[-1] if " " in title[start:] else "")
    if after and not _patterns()[0].search(after.group()) and not DEATH_WORDS.search(after.group()):
        return True  # "3 deputies & 2 others", not "4 wounded, 2 dead"
    before = title[:start]
    group = _GROUP_BEFORE.search(before)
    return bool(group) and not DEATH_WORDS.search(re.split(r",|&|\band\b", before[:group.start()])[-1])


def title_count_headlines(figures: pd.DataFrame, read: pd.DataFrame, articles: set[str]) -> pd.DataFrame:
    """``figures`` with the title's whole count of the wounded (``read``: the titles of ``articles`` read alone) made
    the injured headline where the text's differs (see the module docstring). Input not modified."""
    if figures.empty or read.empty or not articles:
        return figures
    read = read[read["article_id"].isin(articles) & read["status"].eq("current") & read["category"].isin(_INJURED)
                & read["scope"].eq("total") & read["rule"].isin(["numeral", "derived"])]
    read = read[~read["period"].fillna(False).astype(bool)]
    if read.empty:
        return figures
    text = figures[text_totals(figures, _INJURED) & figures["article_id"].isin(set(read["article_id"]))]
    largest = text.groupby("article_id")["value"].max().to_dict()
    # plain rows per article: a pandas selection per article cost seconds over thousands of titles
    own: dict[str, list[tuple[object, float, str]]] = {}
    for index, article_id, value, sentence in zip(text.index, text["article_id"], text["value"], text["sentence"]):
        own.setdefault(article_id, []).append((index, float(value), str(sentence)))
    by_article: dict[str, list[dict]] = {}
    for row in records(read):
        by_article.setdefault(row["article_id"], []).append(row)
    add, aside = [], []
    for article_id in sorted(by_article):
        rows = by_article[article_id]
        spans = [(str(r["sentence"]), int(r["start"])) for r in rows]
        if len({r["value"] for r in rows if r["value"] == r["value"]}) != 1 \
                or any(_is_part(sentence, start) for sentence, start in spans):
            continue
        if any(r["rule"] == "derived" for r in rows) and (DEATH_WORDS.search(spans[0][0])
                                                          or not all(_counts_shot(*span) for span in spans)):
            continue  # "Five shot, 2 dead": one of the five, or a sixth? Read either way by writers
        row = rows[0]
        value, headline = int(row["value"]), int(largest.get(article_id, 0))
        if value >= headline:
            continue
        larger = [(index, sentence) for index, found, sentence in own.get(article_id, []) if found > value]
        if any(tells_a_change(sentence) for _, sentence in larger):
            continue  # the count grew after the title was written
        aside.extend(index for index, _ in larger)
        add.append({**row, "figure_id": str(row["figure_id"]).removesuffix(":title") + ":title"})
    if not add:
        return figures
    out = figures.copy()
    out.loc[aside, "status"] = "background"
    return schema.conform(pd.concat([out, schema.conform(pd.DataFrame(add), "figures")], ignore_index=True),
                          "figures")
