"""Later death tolls of another incident, told where the title and the text agree on a smaller one; late lists.

The article's own incident is the one its title and first sentences report. A story about one
killing goes on to recall others: a shooting nearby some weeks before that "left two dead", a night
on which "four people were killed across the city", the county's count for the year, a link to
another story ("+ Two die in crash"), an official's earlier count. The headline takes the largest
current death toll, so such a count wins whenever the background and period rules miss its cue, and
each recap words its cue its own way. What they share is that the title does not give that number:
where the title's own death toll (the title read alone, as ``analysis.figures.titles`` reads it) is
told again by a sentence of the text, every larger toll that comes only after that sentence, past the
text's first two sentences, is another count, and its status becomes ``background`` (so the
headline's rule says it was set aside).

The title's toll is the largest current killed count its words give, the people it names counted one
by one ("Teen found dead": 1) and a title of a fatal shooting at least one. Not used: a title listing
people with commas, "and" or "&" ("2 adults, 2 children killed", "Man, woman found dead"), which the
title reader counts short; a bare "murder-suicide" (two at the least: a family of three may be meant);
a title toll no sentence of the text repeats (titles written for a first report miss a later death as
often as a late count of the text is another incident's).

The same title's toll stands against a list of people told late: where the text gives no numeral death toll
and the most people it describes are a list (``enumeration``) past its first two sentences, larger than the
title's toll, the list is set aside and the title's rows join as the toll (ids ending ``:late-list:title``).
Such late lists are misreadings more often than a death the title leaves out (a killer joined to his victim, a
victim and the others shot taken as dead, an earlier killing named beside this one), since a story about two
dead says so before its later sentences. Not when the list's sentence tells the gunman's own death ("..., then
turned the gun on himself"): titles leave him out.

A toll that grew after the title was written is no other incident's: where a larger later toll's sentence tells a
change ("the death toll had risen to 133", "climbed to three": a change verb of the figures lexicon beside a count
noun or "to" and a number, ``tells_a_change``), nothing of that article is set aside. Known misses: a rise told
without a change verb, when the text repeats the early toll before it ("one dead" in the lede, "a second victim
died" and "two dead" later), stays the title's; a recap before the text repeats the title's toll, or in its first
two sentences, is not read; a plural the people lexicon lacks ("Parents, 2 children dead") is not seen as a list.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import pandas as pd

from analysis.figures.headline_cues import THEN_HIMSELF
from analysis.figures.lexicon import load_lexicon
from analysis.figures.title_lists import person_words

__all__ = ["text_totals", "lists_people", "later_toll_articles", "late_list_articles", "title_tolls",
           "set_aside_later_tolls", "title_over_late_list"]

_LEDE = 2  # the text's first sentences: a larger toll there is the lede's own
_SEPARATOR = re.compile(r"\s*,\s*(?:and\s+)?|\s+(?:and|&)\s+", re.I)
_CLAUSE_END = re.compile(r"[,;:|!?\"“”()]")
_DETERMINERS = frozenset("his her their a an the its".split())
_PEOPLE_RULES = ("individuals", "enumeration", "compound")
_AT_LEAST_TWO = re.compile(r"^(?:murder|homicide)[- ]suicide$", re.I)


def _is_person(words: list[str]) -> bool:
    """``["two", "children"]``, ``["Elmwood", "man"]``, ``["daughters"]``: at most three words ending in a person
    noun (singular or plural)."""
    words = [w for w in words if w.lower() not in _DETERMINERS]
    if not words or len(words) > 3:
        return False
    head = words[-1].lower().removeprefix("ex-")
    every = person_words()[1]
    return head in every or (head.endswith("s") and head[:-1] in every)


def lists_people(title: str) -> bool:
    """True when the title joins two people or groups of people with a comma, "and" or "&" ("2 adults, 2 children
    killed", "killed woman, child", "Mother and son shot dead"); not an age after a person ("Girl, 4, dies") nor
    counts of different harms ("1 dead, 4 wounded")."""
    title = str(title or "")
    for match in _SEPARATOR.finditer(title):
        left = re.split(r"[;:|!?\"“”()]", title[:match.start()])[-1].split()[-3:]
        right = _CLAUSE_END.split(title[match.end():])[0].split()[:3]
        if any(_is_person(left[-k:]) for k in range(1, len(left) + 1)) and any(
                _is_person(right[:k]) for k in range(1, len(right) + 1)):
            return True
    return False


def later_toll_articles(figures: pd.DataFrame) -> set[str]:
    """The articles whose text gives a current death toll past its first two sentences larger than an earlier one:
    the only ones the rule can change, so only their titles are read."""
    rows = figures[text_totals(figures)].sort_values(["article_id", "sentence_idx", "start"], kind="stable")
    smallest_before = rows.groupby("article_id")["value"].cummin().groupby(rows["article_id"]).shift()
    later = rows["sentence_idx"].ge(_LEDE) & rows["value"].gt(smallest_before)
    return {str(a) for a in rows.loc[later, "article_id"]}


def late_list_articles(figures: pd.DataFrame) -> set[str]:
    """The articles whose death toll is only people the text describes, the most of them a list (rule
    ``enumeration``) told past the first two sentences, in a sentence that does not tell the gunman's own death
    (``analysis.figures.headline_cues.THEN_HIMSELF``: a title leaves him out more often than not)."""
    rows = figures[text_totals(figures)]
    people = rows[rows["rule"].isin(_PEOPLE_RULES)]
    people = people[~people["article_id"].isin(set(rows.loc[~rows["rule"].isin(_PEOPLE_RULES), "article_id"]))]
    most = people.sort_values(["value", "sentence_idx"]).groupby("article_id").tail(1)
    late = most["rule"].eq("enumeration") & most["sentence_idx"].ge(_LEDE) & most["value"].gt(1) \
        & ~most["sentence"].astype(str).str.contains(THEN_HIMSELF)
    return {str(a) for a in most.loc[late, "article_id"]}


def title_tolls(read: pd.DataFrame, titles: Mapping[str, str]) -> dict[str, int]:
    """``{article_id: the title's death toll}`` from the figures ``read`` of titles read alone, for the titles
    (``{article_id: title}``) that list no people (``lists_people``); a bare "murder-suicide" gives none, nor a
    count the extractor marks as covering a longer period ("Five dead after string of shootings": ``period``),
    which the headline rules set aside as well."""
    if read.empty:
        return {}
    dead = read[read["category"].eq("killed") & read["status"].eq("current") & read["scope"].eq("total")
                & ~read["period"].fillna(False).astype(bool)
                & ~(read["rule"].eq("compound") & read["number_text"].astype(str).str.strip().str.match(_AT_LEAST_TWO))
                & ~read["article_id"].map(lambda a: lists_people(titles.get(a, ""))).astype(bool)]
    return {str(a): int(v) for a, v in dead.groupby("article_id")["value"].max().items()}


def set_aside_later_tolls(figures: pd.DataFrame, tolls: Mapping[str, int]) -> pd.DataFrame:
    """``figures`` with the text's current death tolls larger than the title's toll (``tolls``) set to
    ``background`` where a sentence of the text gives the title's toll and every larger one comes after it and past
    the first two sentences (see the module docstring). Input not modified."""
    if figures.empty or not tolls:
        return figures
    rows = figures[text_totals(figures) & figures["article_id"].isin(tolls)]
    # "the death toll had risen to 133": the toll of the title's own incident, told as it grew after the title
    grew = rows["value"].gt(rows["article_id"].map(tolls)) & rows["sentence"].astype(str).map(tells_a_change)
    rows = rows[~rows["article_id"].isin(set(rows.loc[grew, "article_id"]))]
    toll = rows["article_id"].map(tolls)
    told = rows.loc[rows["value"].eq(toll)].groupby("article_id")["sentence_idx"].min()
    larger = rows["value"].gt(toll)
    # every larger toll after the first that gives the title's, and past the text's first two sentences
    after = rows["sentence_idx"].gt(rows["article_id"].map(told).clip(lower=_LEDE - 1))
    keep = larger & after
    clear = set(rows.loc[keep, "article_id"]) - set(rows.loc[larger & ~after, "article_id"])
    background = pd.Series(False, index=figures.index)
    background[rows.index[keep & rows["article_id"].isin(clear)]] = True
    if not background.any():
        return figures
    out = figures.copy()
    out.loc[background, "status"] = "background"
    return out


def title_over_late_list(figures: pd.DataFrame, read: pd.DataFrame, tolls: Mapping[str, int],
                         articles: set[str]) -> pd.DataFrame:
    """``figures`` where, for ``articles`` (``late_list_articles``), the title's toll (``tolls``; its rows among
    ``read``, the titles read alone) is smaller than the text's list of people: the list and the people counts above
    the title's toll become ``background`` and the title's rows join as the toll. Input not modified."""
    chosen = {a: t for a, t in tolls.items() if a in articles}
    if figures.empty or not chosen:
        return figures
    text = text_totals(figures) & figures["article_id"].isin(chosen)
    above = text & (figures["value"] > figures["article_id"].map(chosen))
    over = set(figures.loc[above, "article_id"])
    if not over:
        return figures
    title_rows = read[read["article_id"].isin(over) & read["category"].eq("killed") & read["status"].eq("current")
                      & read["scope"].eq("total") & read["value"].eq(read["article_id"].map(chosen))]
    title_rows = title_rows.assign(figure_id=title_rows["figure_id"].astype(str).str.removesuffix(":title")
                                   + ":late-list:title")
    out = figures.copy()
    out.loc[above, "status"] = "background"
    return pd.concat([out, title_rows.astype(out.dtypes.to_dict())], ignore_index=True)


def tells_a_change(sentence: str) -> bool:
    """True when the sentence tells a count changing: a change verb of the figures lexicon ("rose", "climbed",
    "revised", "went"...) with a count noun among the four words before it ("the death toll had risen", "the number
    of dead climbed") or "to" and a number among the four after it ("went up to 5", "rose to three"). The verb
    alone is no change: "the gun went off", "the shooter dropped his rifle", "raised concerns"."""
    words = re.findall(r"[a-z0-9]+", sentence.lower())
    verbs = load_lexicon().change_verbs
    for k, word in enumerate(words):
        if word not in verbs:
            continue
        if _COUNT_NOUNS.intersection(words[max(0, k - 4):k]):
            return True
        after = words[k + 1:k + 5]
        if any(w == "to" and after[i + 1:i + 2] and _NUMBER.fullmatch(after[i + 1]) for i, w in enumerate(after)):
            return True
    return False


_COUNT_NOUNS = frozenset({"toll", "tally", "count", "number", "numbers", "total", "figure", "figures"})
_NUMBER = re.compile(r"\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|hundreds?|"
                     r"[a-z]+teen|twenty|thirty|forty|fifty")


def text_totals(figures: pd.DataFrame, categories: tuple[str, ...] = ("killed",)) -> pd.Series:
    """Which rows of ``figures`` are the text's own current whole-event counts of ``categories`` (not rows read
    from the title)."""
    return figures["category"].isin(categories) & figures["status"].eq("current") & figures["scope"].eq("total") \
        & figures["sentence_idx"].ge(0) & ~figures["figure_id"].astype(str).str.endswith(":title")
