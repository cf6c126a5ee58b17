"""A lone person shot and alive, told by their condition and never by a count.

Short reports of one person shot who lived often give no number a count rule reads: "the 4-year-old was taken
to a hospital with non-life-threatening injuries", "he was treated and released", "the boy, shot in the leg, is
in stable condition". Such an article has no figure of the dead, the injured, the hospitalized or the shot at
all, and its injured headline was left empty; on tune such articles are mostly of one person wounded.

Rule (``add_lone_wounded``, applied by ``analysis.figures.titles.add_title_figures`` after the title rules): for
an article with no current killed, injured, hospitalized or shot figure, whose title and text hold a shooting word
and no death word (``data/lone_wounded.txt``: a death anywhere, "killed", "died", "fatal", "homicide", "coroner",
and the rule stays silent: the one person told may be the dead), the first text sentence (else the title) with an
alive word (a condition: "in stable condition", "non-life-threatening", "treated and released", "hospitalized",
"taken to a hospital", "rushed to Mercy General Hospital", "shot in the leg") not preceded in that sentence by a
negation ("no one was hospitalized") gives one injured person (rule ``individuals``), pointing at the alive words.
On tune (at aa2e5ce) the rule fired in 14 articles: 12 right (gold one injured), one of "multiple victims" with
non-life-threatening injuries (gold 4) and, before "suicide" joined the death words, one suicide.

Known misses: a lone victim told only as "was shot" or with a wound to the head or chest and no condition (dead or
alive, the text does not say); several wounded told without a number get one ("multiple victims with
non-life-threatening injuries": an under-count rather than none); a death told in words the list lacks; an
article that also tells a death word about something else ("a deadly crash last year") is left alone; someone not
shot who goes to hospital in a shooting story (a witness "taken to a hospital" with chest pains) is read as the
wounded; "being treated" and "receiving treatment" are not alive words (on tune they would add two GVDB articles of
one half only, one of them a dog).
"""

from __future__ import annotations

import re
from functools import lru_cache

import pandas as pd

from analysis.data import DATA_DIR, read_sections, words_pattern
from analysis.ingest.corpus import sentences_table

__all__ = ["WORDS_FILE", "lone_wounded_rows", "add_lone_wounded"]

WORDS_FILE = DATA_DIR / "lone_wounded.txt"
_COUNTED = ("killed", "injured", "hospitalized", "shot")


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    sections = read_sections(WORDS_FILE.read_text("utf-8"))
    patterns = {name: words_pattern(words) for name, words in sections.items() if name != "to hospital"}
    # "rushed to St. Anne's Hospital": the hospital's name is any few words
    verbs = "|".join(map(re.escape, sections["to hospital"]))
    alive = patterns["alive words"].pattern
    patterns["alive words"] = re.compile(rf"{alive}|\b(?:{verbs}) to (?:\S+ ){{0,3}}hospital\b", re.I)
    return patterns


def _alive_at(sentence: str) -> re.Match[str] | None:
    """The first alive words of ``sentence`` with no negation before them in it."""
    patterns = _patterns()
    for match in patterns["alive words"].finditer(sentence):
        if not patterns["negations"].search(sentence[:match.start()]):
            return match
    return None


def _row(article_id: str, idx: int, sentence: str, offset: int, match: re.Match[str]) -> dict:
    start, end = offset + match.start(), offset + match.end()
    return {"figure_id": f"{article_id}:{start}-{end}:injured:individuals", "article_id": article_id,
            "sentence_idx": idx, "category": "injured", "value": 1, "low": 1, "high": 1, "qualifier": "exact",
            "vague": False, "scope": "total", "status": "current", "may_rise": False, "as_toll": False,
            "attributed_to": "", "number_text": match.group(0), "sentence": sentence, "start": start, "end": end,
            "rule": "individuals", "period": False}


def lone_wounded_rows(figures: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Injured rows (value 1, rule ``individuals``) for the articles of ``articles`` (``article_id``, ``title``,
    ``text``) that ``figures`` gives no current killed, injured, hospitalized or shot figure and whose words tell a
    lone person shot and alive (module docstring). Columns as ``figures``'s; ``start``/``end`` index the text, or
    the title where ``sentence_idx`` is -1."""
    counted = figures["category"].isin(_COUNTED) & figures["status"].eq("current")
    seen = set(figures.loc[counted, "article_id"].astype(str))
    patterns = _patterns()
    chosen = []
    for row in articles[["article_id", "title", "text"]].itertuples(index=False):
        title, text = str(row.title or ""), str(row.text or "")
        words = f"{title}\n{text}"
        if str(row.article_id) in seen or not patterns["shooting words"].search(words) \
                or patterns["death words"].search(words) or not patterns["alive words"].search(words):
            continue
        chosen.append(row)
    if not chosen:
        return figures.iloc[:0]
    picked = pd.DataFrame(chosen, columns=["article_id", "title", "text"])
    sentences = sentences_table(picked)
    made = []
    for article_id, title in zip(picked["article_id"], picked["title"]):
        own = sentences[sentences["article_id"].eq(article_id)]
        found = next(((int(s.idx), str(s.text), int(s.start), m) for s in own.itertuples(index=False)
                      if (m := _alive_at(str(s.text))) is not None), None)
        if found is None and (m := _alive_at(str(title or ""))) is not None:
            found = (-1, str(title), 0, m)
        if found is not None:
            made.append(_row(str(article_id), *found))
    return pd.DataFrame(made, columns=figures.columns) if made else figures.iloc[:0]


def add_lone_wounded(figures: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """``figures`` with ``lone_wounded_rows`` appended."""
    if articles is None or articles.empty or "text" not in articles.columns:
        return figures
    extra = lone_wounded_rows(figures, articles)
    if extra.empty:
        return figures
    return pd.concat([figures, extra.astype(figures.dtypes.to_dict())], ignore_index=True)
