"""People counted hurt or shot who have died since: a developing story's later deaths move them to the dead.

A story written while it develops counts the people hurt first and tells later that some of them died: "Four
men were shot near the tavern. ... One of the victims has died", "Six fairgoers were hurt. ... Two of the injured
have since died", "Two brothers were killed and their aunt was wounded. ... The aunt died in hospital on Tuesday".
A reader takes the dead from the count of the hurt: killed 1 and injured 3, killed 2 and injured 4, killed 3 and
none injured. The number reader alone reads the first as four wounded (its "one" of the victims, a part, is set
aside), the second as six wounded and the third as two dead.

Rule (``add_died_since``, applied by ``analysis.figures.titles.add_title_figures`` after the title rules), for an
update in sentence j of a count of the hurt or shot told in an earlier sentence i of the same article (the base):

- a part of the hurt: "N of the/them/those/these ..." read as a current count (of any category: the number reader
  gives "two of the injured" the injured's category), followed in its clause by a death since
  (``data/died_since.txt``, ``[died since]``: "has died", "later died", "succumbed", "was pronounced dead", "died
  Sunday", "died at the hospital"), with no clause break ("but", "while", "and" before another subject, ";")
  between. The base is the latest earlier sentence with a current numeral count of the group: of the injured or
  hospitalized for a group told alive ("of the wounded", "of the injured": ``[of the hurt]``), else of people shot,
  or of the injured. Not a group of the dead ("one of the dead", ``[of the dead]``), nor "one of the five patrons
  shot ... has died" (a group with its number: ``analysis.figures.one_of_many.part_died``); where the base's own
  sentence told a death and the group may hold the dead ("one of the victims"), only a death told as since ("has
  died", "has since died": ``[died since, of the dead too]``; "later died" there is most often the first death told
  again);
- a person the people layer (``analysis.figures.victims``) read as wounded in sentence i and as dead in a later
  sentence that tells a death since ("The aunt died in hospital on Tuesday", "Ortiz died Sunday"):
  ``died_since_people``, called by ``analysis.figures.people_counts.counts``, gives a partial killed row (rule
  ``derived``, id ending ``:died-since``) at sentence i, pointing at the words of the death;
- an ordinal death ("A third victim has died") after a sentence that gave both a smaller death toll and a count of
  the injured ("Two were killed and four were wounded"): the ordinal is the toll already; the injured lose the
  ordinal less that toll.

The k who died since (the largest update of a base: one death told twice is one) join the dead of the base
sentence: a killed row of the base's death toll plus k (rule ``derived``), added where it is larger than every
death toll of the article (a lede rewritten after the death, "Two died ...", already holds them). The injured lose
them: a numeral count of the injured or hospitalized at the base becomes that count less k (its rows of the same
value told up to the update are ``superseded``); a count of people shot at the base gives the injured as the shot
less the base's dead less k (the injured derived from the shot before are ``superseded``), where that is larger than
the other counts of the injured. The new rows' sentence is the base's, then the update's (``" … "``), and their ids
end ``:died-since:<kind>:<group>:<k>:<dead before>``, from which ``opening`` writes the headline rule's opening ("4
shot, 1 of them later died: ").

Known misses: a death since told of a group the text gave no count of before ("Several people were hurt ... one of
them has died") moves nothing; a lede rewritten after the death whose count of the wounded already leaves the dead
out ("two dead, three wounded", then "one of the wounded has since died" of the first report's four) counts the
death twice; a person wounded in a numeral count and dying under a name the count never gave ("Three were wounded
... Ray Cole died Sunday") is not joined to the count; a recap of another incident's later death told with no year
or date ("In March, a man shot at the bar later died") is read by the people layer as this article's dead, whatever
this rule does (it moves nothing there: the man was never counted hurt here).
"""

from __future__ import annotations

import re
from functools import lru_cache

import pandas as pd

from analysis.data import DATA_DIR, read_sections, words_pattern
from analysis.figures.quantities import ORDINALS
from analysis.tables import records

__all__ = ["WORDS_FILE", "SUFFIX", "add_died_since", "died_since_people", "opening", "tells_death_since"]

WORDS_FILE = DATA_DIR / "died_since.txt"
SUFFIX = ":died-since"
_JOIN = " … "
_HURT = ("injured", "hospitalized")
_READ = ("numeral", "", "individuals")  # "One of those shot, a cook of 31, has died": the people layer's one
_COUNTS = ("killed", "injured", "hospitalized", "shot")
_NUMBER_AFTER = re.compile(r"\s*(?:\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b)", re.I)
# a clause of its own between the part and the death: "One of those shot is stable, but another has died"
_BREAK = re.compile(r"[;:!?]|\b(?:but|while|whereas|although|and|or)\b", re.I)
_QUICK = re.compile(r"die|succumb|dead", re.I)


@lru_cache(maxsize=1)
def _words() -> dict[str, re.Pattern[str]]:
    """The sections of ``data/died_since.txt`` as whole-word patterns; a death since is a ``[died since]`` phrase or
    "died" followed by a ``[later]`` word ("died early Sunday", "died hours later")."""
    sections = read_sections(WORDS_FILE.read_text("utf-8"))

    def phrases(name: str) -> str:
        return "(?:" + "|".join(r"\s+".join(map(re.escape, p.split()))
                                for p in sorted(sections[name], key=len, reverse=True)) + ")"
    # longest first: the match's own words are read again ("has since died", not "died", tells a death as since)
    died = rf"(?:{phrases('died since')}|died\s+(?:(?:early|late|on)\s+)*{phrases('later')})"
    words = {"since": "died since, of the dead too", "hurt": "of the hurt", "dead": "of the dead", "denied": "denied"}
    return {"died": re.compile(rf"\b{died}\b", re.I),
            **{key: words_pattern(sections[name]) for key, name in words.items()}}


def tells_death_since(sentence: str) -> bool:
    """Does the sentence tell a death since ("has died", "later died", "died Sunday", "succumbed")?"""
    return bool(_QUICK.search(sentence or "")) and bool(_words()["died"].search(sentence or ""))


def _death_after(sentence: str, at: int) -> re.Match[str] | None:
    """The death since told of the words at ``at`` in their own clause (within 120 characters), or None."""
    died = _words()["died"].search(sentence, at)
    if died is None or died.start() - at > 120 or _words()["denied"].search(sentence):
        return None
    between = re.sub(r"\s+and\s*$", "", sentence[at:died.start()])  # "was flown to a trauma unit and later died"
    return None if _BREAK.search(between) else died


def _part(row: dict) -> tuple[int, bool, bool] | None:
    """``(j's death position, group told alive, death told as since)`` for a count read from "N of the ... has
    died", or None."""
    sentence, number = str(row["sentence"]), str(row["number_text"])
    if sentence.count(number) != 1:
        return None
    after = sentence.find(number) + len(number)
    of = re.match(r"\s+of\s+(?:the|them|those|these)\b", sentence[after:], re.I)
    if of is None or _NUMBER_AFTER.match(sentence, after + of.end()):
        return None  # "one of the five patrons shot": one_of_many's
    died = _death_after(sentence, after + of.end())
    if died is None:
        return None
    group = " ".join(sentence[after + of.end():died.start()].split()[:3])
    if _words()["dead"].search(group):
        return None
    return died.start(), bool(_words()["hurt"].search(group)), bool(_words()["since"].search(died.group(0)))


def _nth(row: dict) -> bool:
    """Is the row an ordinal toll told as a death since ("A third victim has died")?"""
    sentence, number = str(row["sentence"]), str(row["number_text"])
    at = sentence.find(number)
    return at >= 0 and number.lower() in ORDINALS and \
        sentence[:at].rstrip().lower().rsplit(" ", 1)[-1] in ("a", "an") and \
        _death_after(sentence, at + len(number)) is not None


def died_since_people(article_id: str, people: list, where: dict) -> list[dict]:
    """Partial killed rows (rule ``derived``, id ending ``:died-since``) for the people of an article told wounded in
    one sentence and dead in a later one that tells a death since ("their aunt was wounded" ... "The aunt died in
    hospital on Tuesday"): at the sentence that told them wounded, pointing at the words of the death.

    Args:
        article_id: the article.
        people: its people (``analysis.figures.same_person.Person``: ``mentions`` with ``sentence_idx``,
            ``outcome``, ``start``, ``end``; ``count``; ``outcome``).
        where: (article_id, sentence_idx) -> (the sentence as written, its offset in the article text).
    """
    rows = []
    for person in people:
        if person.outcome != "killed":
            continue
        ordered = sorted(person.mentions, key=lambda m: m.sentence_idx)
        wounded = next((m for m in ordered if m.outcome == "injured"), None)
        if wounded is None or any(m.outcome == "killed" and m.sentence_idx <= wounded.sentence_idx for m in ordered):
            continue  # never told wounded before told dead
        died = next((m for m in ordered if m.outcome == "killed" and m.sentence_idx > wounded.sentence_idx), None)
        if died is None or not {(article_id, died.sentence_idx), (article_id, wounded.sentence_idx)} <= where.keys() \
                or not _told_alike(wounded, died):
            continue
        sentence, offset = where[(article_id, died.sentence_idx)]
        if _death_after(sentence, died.end) is None:
            continue
        base, _ = where[(article_id, wounded.sentence_idx)]
        start, end = offset + died.start, offset + died.end
        rows.append({"figure_id": f"{article_id}:{start}-{end}:killed{SUFFIX}", "article_id": article_id,
                     "sentence_idx": wounded.sentence_idx, "category": "killed", "value": person.count,
                     "low": person.count, "high": person.count, "qualifier": "exact", "vague": False,
                     "scope": "partial", "status": "current", "may_rise": False, "as_toll": False, "attributed_to": "",
                     "number_text": sentence[died.start:died.end], "sentence": base + _JOIN + sentence,
                     "start": start, "end": end, "rule": "derived", "period": False})
    return rows


_PLAIN = frozenset("a an the his her their its this that one of".split())
_PRONOUNS = {"he": "m", "him": "m", "she": "f", "her": "f"}


def _told_alike(wounded, died) -> bool:
    """Do the words of the two mentions tell one person: a word in common ("a woman" ... "the woman", "Ray Cole" ...
    "Cole"), or a he/she of the wounded one's sex? The people layer's joins across sentences are read again here, as
    a death moved on a wrong join ("her father" wounded, "the child had died") counts someone twice."""
    words = [{w.strip(".,'\"").lower() for w in str(m.text).split()} - _PLAIN for m in (wounded, died)]
    if words[0] & words[1]:
        return True
    pronoun = str(died.text).strip().lower()
    return pronoun in _PRONOUNS and _PRONOUNS[pronoun] == getattr(wounded, "sex", "")


def opening(figure_id: object) -> str:
    """The headline rule's opening for a row ``add_died_since`` made ("4 shot, 1 of them later died: "), else ""."""
    head, found, tail = str(figure_id).partition(SUFFIX + ":")
    if not found:
        return ""
    kind, group, k, dead = tail.split(":")
    if kind == "shot":
        told = f"{group} shot" + (f", {dead} killed" if dead != "0" else "")
        return f"{told}, {k} {'more ' if dead != '0' else ''}of them later died: "
    if kind == "injured":
        told = (f"{dead} killed and " if dead != "0" else "") + f"{group} wounded"
        return f"{told}, {k} of the wounded later died: "
    return (f"{dead} killed, and " if dead != "0" else "") + f"{k} told wounded later died: "


def _counts(group: list[dict], idx: int, categories: tuple[str, ...]) -> list[dict]:
    return [r for r in group if r["sentence_idx"] == idx and r["category"] in categories and r["status"] == "current"
            and r["scope"] == "total" and r.get("rule") in ("numeral", "") and not _flag(r.get("period"))]


def _flag(value: object) -> bool:
    return bool(value) if value is not None and not pd.isna(value) else False


def _dead_at(group: list[dict], idx: int) -> int:
    """The death toll the base sentence gives (numeral or people), 0 for none."""
    return max((int(r["value"]) for r in group if r["sentence_idx"] == idx and r["category"] == "killed"
                and r["status"] == "current" and r["scope"] == "total" and SUFFIX not in str(r["figure_id"])),
               default=0)


def _updates(group: list[dict]) -> list[dict]:
    """The article's updates: base sentence, update row, k, the base's count of the group (or None), kind."""
    found = []
    seen = set()
    for row in sorted(group, key=lambda r: (r["sentence_idx"], r["start"])):
        if SUFFIX in str(row["figure_id"]) and row["scope"] == "partial" and row["category"] == "killed":
            i = int(row["sentence_idx"])
            hurt = _counts(group, i, _HURT)
            found.append({"base": i, "row": row, "k": int(row["value"]), "kind": "person",
                          "count": max(hurt, key=lambda r: r["value"]) if hurt else None})
            continue
        if row["category"] not in _COUNTS or row["status"] != "current" or row.get("rule") not in _READ \
                or row["sentence_idx"] < 0 or _flag(row.get("period")) or (row["article_id"], row["start"]) in seen \
                or not _QUICK.search(str(row["sentence"])):
            continue
        j = int(row["sentence_idx"])
        if row["category"] == "killed" and row["scope"] == "total" and row.get("rule") != "individuals" and _nth(row):
            for i in sorted({r["sentence_idx"] for r in group if 0 <= r["sentence_idx"] < j}, reverse=True):
                dead, hurt = _dead_at(group, i), _counts(group, i, _HURT)
                if hurt and 0 < dead < int(row["value"]):
                    found.append({"base": i, "row": row, "k": int(row["value"]) - dead, "kind": "injured",
                                  "count": max(hurt, key=lambda r: r["value"]), "ordinal": True})
                    break
            continue
        part = _part(row)
        if part is None:
            continue
        seen.add((row["article_id"], row["start"]))
        _, alive, since = part
        kinds = _HURT if alive else ("shot", *_HURT)
        for i in sorted({r["sentence_idx"] for r in group if 0 <= r["sentence_idx"] < j}, reverse=True):
            counts = _counts(group, i, kinds)
            if not counts:
                continue
            shot = [r for r in counts if r["category"] == "shot"]
            count = max(shot or counts, key=lambda r: r["value"])
            dead = _dead_at(group, i)
            if dead and not alive and not since:
                break  # "one of the victims died in hospital" beside a death told before: maybe that one
            found.append({"base": i, "row": row, "k": int(row["value"]), "kind": "shot" if shot else "injured",
                          "count": count})
            break
    return found


def _made(template: dict, **changes) -> dict:
    row = {**template, "vague": False, "may_rise": False, "as_toll": False, "attributed_to": "", "period": False,
           "qualifier": "exact", "scope": "total", "status": "current", "rule": "derived"}
    row.update(changes)
    row["low"] = row["high"] = row["value"]
    return row


def _apply(group: list[dict]) -> tuple[set[int], list[dict]]:
    """The article's updates applied: the positions (``_at``) of the counts they replace, and the new rows."""
    updates = _updates(group)
    if not updates:
        return set(), []
    by_base: dict[int, dict] = {}
    for update in updates:  # one death told twice is one: the largest update of a base
        if update["base"] not in by_base or update["k"] > by_base[update["base"]]["k"]:
            by_base[update["base"]] = update
    replaced: set[int] = set()
    made: list[dict] = []
    for i, update in sorted(by_base.items()):
        row, k, count = update["row"], update["k"], update["count"]
        dead = int(row["value"]) - k if update.get("ordinal") else _dead_at(group, i)
        size = int(count["value"]) if count is not None else 0
        shot = count is not None and count["category"] == "shot"
        taken = dead + k if shot and not _others(count) else k
        if count is not None and taken > size:
            continue  # not a part of the count
        kind = "shot" if shot else "injured" if count is not None else "person"
        suffix = f"{SUFFIX}:{kind}:{size}:{k}:{dead}"
        sentence = str(row["sentence"]) if count is None or update["kind"] == "person" else \
            str(count["sentence"]) + _JOIN + str(row["sentence"])
        tolls = [int(r["value"]) for r in [*group, *made] if r["category"] == "killed"
                 and r["status"] == "current" and r["scope"] == "total"]
        if not update.get("ordinal") and dead + k > max(tolls, default=0):
            span = f"{row['article_id']}:{row['start']}-{row['end']}"
            made.append(_made(row, figure_id=f"{span}:killed{suffix}", category="killed", value=dead + k,
                              sentence=sentence))
        if count is None:
            continue
        left = size - taken
        hurt = [r for r in group if r["category"] in _HURT and r["status"] == "current" and r["scope"] == "total"
                and r["_at"] not in replaced]
        if shot:
            gone = {r["_at"] for r in hurt if r.get("rule") == "derived" and int(r["value"]) > left}
            replaced |= gone
            if left <= max((int(r["value"]) for r in hurt if r.get("rule") != "derived"), default=0):
                continue  # another count of the injured stands
        else:
            replaced |= {r["_at"] for r in hurt if r.get("rule") in ("numeral", "") and int(r["value"]) == size
                         and r["sentence_idx"] <= int(row["sentence_idx"])}
        if left > 0:
            span = str(count["figure_id"]).rsplit(":", 1)[0]
            made.append(_made(count, figure_id=f"{span}:injured{suffix}", category="injured", value=left,
                              sentence=sentence))
    return replaced, made


def _others(count: dict) -> bool:
    """Is the count of people shot followed by "other(s)" ("two others were shot"): apart from the dead?"""
    sentence, number = str(count["sentence"]), str(count["number_text"])
    at = sentence.find(number)
    return at >= 0 and sentence[at + len(number):].split()[:1] in (["other"], ["others"])


def add_died_since(figures: pd.DataFrame) -> pd.DataFrame:
    """``figures`` with the deaths since applied (module docstring): killed and injured rows (rule ``derived``, ids
    ending ``:died-since:...``) appended, the counts of the injured they replace ``superseded``."""
    if figures is None or figures.empty:
        return figures
    text = figures["sentence"].astype(str)
    cued = figures["figure_id"].astype(str).str.contains(SUFFIX, regex=False) | (
        figures["category"].isin(_COUNTS) & text.str.contains(_QUICK))
    articles = set(figures.loc[cued, "article_id"].astype(str))
    if not articles:
        return figures
    mine = figures[figures["article_id"].astype(str).isin(articles).to_numpy(dtype=bool)]
    by_article: dict[str, list[dict]] = {}
    for at, row in zip(mine.index, records(mine)):
        by_article.setdefault(str(row["article_id"]), []).append({**row, "_at": at})
    replaced: set[int] = set()
    made: list[dict] = []
    for group in by_article.values():
        gone, new = _apply(group)
        replaced |= gone
        made += new
    if not replaced and not made:
        return figures
    out = figures.copy()
    if replaced:
        out.loc[sorted(replaced), "status"] = "superseded"
    if not made:
        return out
    made_frame = pd.DataFrame(made, columns=figures.columns)
    return pd.concat([out, made_frame.astype(figures.dtypes.to_dict())], ignore_index=True)
