"""Counts read from an article's title, for a headline the text leaves without one.

A title says what the article is about ("2-year-old dies after being shot", "Vigil held for teen
shot and killed", "Man charged in shooting death of 3-year-old") where the text, a vigil, a trial
or a follow-up piece, may never repeat the count. The title is read as one sentence by the same
rules as the text (``analysis.figures.ledger.extract_figures`` and the people layer,
``analysis.figures.victims.read_people``) and its counts join the figures table when:

- killed: the text gives no current killed figure at all (numeral or people), or, for a numeral count of
  the title's ("Two dead, 6 injured after ..."), only people it describes one by one, fewer; a title that speaks
  of a fatal shooting without a count ("deadly shooting", "shooting death of", "fatally shot",
  "shot to death") gives at least one killed (rule ``compound``) when nothing else does;
- injured: the title's count is a numeral count of injured or hospitalized people ("3 wounded"), or
  of people shot less the title's dead ("5 people shot", "Four shot, 1 dead": 3) when the text gives no
  death, and the text gives no current injured or hospitalized figure, or only people it describes one
  by one, fewer than the title's ("Two killed, two wounded in alley" over "a woman was wounded" in the
  text: 2; a numeral count of the text's wins, larger or not). Someone a title says was "shot", with no
  number, is left to the text, which tells whether they survived.
- a title's plain count of the wounded ("1 dead, 3 wounded ...", not "man, 2 teens wounded") smaller than
  the text's injured count derived from people shot less the dead: the derivation is set aside for the
  title's count (``_title_over_derived``).
- a title's death over a text that tells no death: the one person the text says only "was shot" is that
  dead person, not someone injured (``_shot_is_the_dead``).
- a title that counts only people wounded ("Four wounded in shooting outside theater") over a text that gives a
  death toll: the text's tolls are set aside (``analysis.figures.wounded_titles``).
- a title's whole count of the wounded smaller than the text's injured count ("2 dead, 4 hurt ..." over a text
  whose count holds another shooting's wounded): the text's larger counts are set aside
  (``analysis.figures.title_wounded``).

The rows have ``sentence_idx`` -1, their ``start`` and ``end`` index the title, their
``sentence`` is the title, and their ``figure_id`` ends in ``:title``; the headline rule says
"from the title".

Headlines are rewritten as sentences first (``as_sentence``): the dropped "was" is put back before a
harm participle or "dead" after a person ("Woman killed in crash", "Boy, 5, dead after shooting"; not
"Four dead", a count), a label before a colon is passed over ("Police: Teen found shot to death"),
the site's name at its end is cut off ("... - WXXX News 4"), Title Case is lowered (numbers and quotes have
no case: "4 Shot, 1 Dead After ..." is Title Case), a quoted label or tail is blanked ("'Killing spree': 5 shot,
2 fatally": the quote's verb is not the count's; ``analysis.figures.title_text``), and a leading person noun is
not taken for a name.

Known misses: an age used as a noun ("4-year-old dies after shooting"); a title about several
incidents ("Three shootings kill five across the city") is read as this article's count when the
text gives none; a title written as a question or a quote is read as a statement.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import pandas as pd

from analysis import schema
from analysis.figures.died_since import add_died_since
from analysis.figures.lede_wounded import set_aside_later_wounded
from analysis.figures.lone_wounded import add_lone_wounded
from analysis.figures.ledger import add_people_figures, extract_figures
from analysis.figures.lexicon import load_lexicon
from analysis.figures.title_lists import shooter_list_figures
from analysis.figures.title_text import DEATH_WORDS, blank_quotes, without_site
from analysis.figures.title_tolls import (late_list_articles, later_toll_articles, set_aside_later_tolls,
                                         title_over_late_list, title_tolls)
from analysis.figures.title_wounded import title_count_articles, title_count_headlines
from analysis.figures.told_apart import title_over_told_apart, told_apart_articles
from analysis.figures.victim_mentions import people_lexicon
from analysis.figures.victims import read_people
from analysis.figures.wounded_titles import set_aside_for_wounded_titles, wounded_title_articles

__all__ = ["TITLE_IDX", "as_sentence", "title_figures", "add_title_figures"]

TITLE_IDX = -1
_INJURED = ("injured", "hospitalized")
_PEOPLE_RULES = ("individuals", "enumeration", "compound")


def title_figures(articles: pd.DataFrame, figures: pd.DataFrame, *,
                  published_years: Mapping[str, int] | None = None) -> pd.DataFrame:
    """The title counts of ``articles`` (article_id, title) that the text leaves open, as figures rows."""
    if articles.empty or "title" not in articles:
        return schema.empty_table("figures")
    current = figures[figures["status"].eq("current")] if not figures.empty else figures
    dead = current[current["category"].eq("killed")] if not current.empty else current
    has_killed = set(dead["article_id"]) if not dead.empty else set()
    hurt = current[current["category"].isin(_INJURED)] if not current.empty else current
    has_injured = set(hurt["article_id"]) if not hurt.empty else set()
    # the text's counts when they are all people described one by one: a title's larger numeral count wins
    counted, described = _described(hurt)
    counted_dead, described_dead = _described(dead)
    titles = articles[["article_id", "title"]].copy()
    titles["title"] = titles["title"].fillna("").astype(str).str.strip()
    titles = titles[titles["title"].ne("") & ~(titles["article_id"].isin(counted_dead)
                                               & titles["article_id"].isin(counted))]
    if titles.empty:
        return schema.empty_table("figures")
    rewritten = [as_sentence(t) for t in titles["title"]]
    texts = pd.Series([r[0] for r in rewritten], index=titles.index)
    sentences = schema.conform(pd.DataFrame({
        "article_id": titles["article_id"], "idx": TITLE_IDX, "paragraph": 0, "section": "",
        "text": texts, "start": 0, "end": texts.str.len()}), "sentences")
    found = extract_figures(sentences, published_years=published_years)
    _, people = read_people(sentences, figures=found, lede=TITLE_IDX + 1)
    found = add_people_figures(found, people)
    if found.empty:
        return _fatal_titles(titles, has_killed)
    found = _back_to_titles(found, dict(zip(titles["article_id"], titles["title"])),
                            dict(zip(titles["article_id"], (r[1] for r in rewritten))))
    open_injured = ~found["article_id"].isin(has_injured) | (
        ~found["article_id"].isin(counted) & found["value"].gt(found["article_id"].map(described).fillna(0)))
    open_killed = ~found["article_id"].isin(has_killed) | (
        ~found["article_id"].isin(counted_dead) & found["rule"].eq("numeral")
        & found["value"].gt(found["article_id"].map(described_dead).fillna(0)))
    wanted = found["status"].eq("current") & (
        (found["category"].eq("killed") & open_killed)
        | (found["category"].isin(_INJURED) & open_injured & (found["rule"].eq("numeral") | (
            found["rule"].eq("derived") & ~found["article_id"].isin(has_killed)))))
    kept = found[wanted].copy()
    kept["figure_id"] = kept["figure_id"] + ":title"
    fatal = _fatal_titles(titles, has_killed | set(kept.loc[kept["category"].eq("killed"), "article_id"]))
    return pd.concat([kept, fatal], ignore_index=True) if not fatal.empty else kept.reset_index(drop=True)


def _described(rows: pd.DataFrame) -> tuple[set, dict]:
    """The articles with a count of ``rows`` that is not of people described one by one, and for the others the
    largest count of people described."""
    if rows.empty:
        return set(), {}
    counted = set(rows.loc[~rows["rule"].isin(_PEOPLE_RULES), "article_id"])
    return counted, rows[~rows["article_id"].isin(counted)].groupby("article_id")["value"].max().to_dict()


# "Police investigate deadly shooting near campus", "Charges dropped in boy's shooting death", "Teen shoots, kills
# self": someone died, though the title does not say who or how many
_FATAL = re.compile(r"\b(?:fatal|deadly)\s+(?:[\w'’-]+\s+){0,2}?(?:shooting|shootout|gunfire|gun battle)\b|"
                    r"\bshooting deaths?\b|\bfatally shot\b|\bshot to death\b|\bkill(?:s|ed)?\s+(?:him|her)?self\b",
                    re.I)


def _fatal_titles(titles: pd.DataFrame, has_killed: set) -> pd.DataFrame:
    """At least one killed (rule ``compound``) for a title that speaks of a fatal shooting when neither the text nor
    the title gives a death toll."""
    rows = []
    for article_id, title in zip(titles["article_id"], titles["title"]):
        match = None if article_id in has_killed else _FATAL.search(title)
        if match:
            rows.append({"figure_id": f"{article_id}:{match.start()}-{match.end()}:killed:compound:title",
                         "article_id": article_id, "sentence_idx": TITLE_IDX, "category": "killed", "value": 1,
                         "low": 1, "high": None, "qualifier": "at_least", "vague": False, "scope": "total",
                         "status": "current", "may_rise": False, "as_toll": False, "attributed_to": "",
                         "number_text": match.group(), "sentence": title, "start": match.start(),
                         "end": match.end(), "rule": "compound", "period": False})
    return schema.conform(pd.DataFrame(rows), "figures") if rows else schema.empty_table("figures")


# "Woman killed in crash", "Teen shot and killed at party", "Police: Boy dead after ...": headlines drop the "was" a
# parser needs to see the passive; only before a preposition or the end ("Man shot his wife" keeps its object); a
# label before a colon ("Police:") is left as it is
_HEADLINE_PASSIVE = re.compile(
    r"^\s*(?:[^:]{1,40}:\s+)?(?P<subject>(?:[\w'’.-]+,?\s+){0,4}?[\w'’.-]+,?)\s+"
    r"(?P<verb>(?:killed|shot|slain|wounded|injured|hurt|gunned down|found dead|found shot to death|shot to death|"
    r"shot dead|shot and killed|shot and wounded|fatally shot|dead)\b)"
    r"(?=\s*(?:$|,|;|:|\.|\s(?:in|at|on|near|outside|inside|during|after|while|and|by|as|when|dead|overnight|over|"
    r"early|late|monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|tonight|yesterday)\b))", re.I)
_LABEL = re.compile(r"^[^:]{1,40}:\s+")
_PLACE = re.compile(r"\b(?=([A-Z][\w-]*)\s+([A-Z]\w*)\b)")  # every pair of capitalised words, overlapping
_PERSON_END = re.compile(r"(?:-old|\b(?:man|woman|boy|girl|teen|teenager|child|toddler|baby|infant|person|father|"
                         r"mother|son|daughter|officer|deputy|student|driver|suspect|gunman))\b,?(?:\s+\d{1,2},?)?$",
                         re.I)
_NOT_SUBJECT = re.compile(r"\b(?:police|who|that|after|is|are|was|were|has|have|had|will|for|of|held|says?|"
                          r"said)\b|^[\d,\s]+$", re.I)


def as_sentence(title: str) -> tuple[str, int | None]:
    """A headline as a sentence the parser reads: ``(text, where " was" was inserted or None)``.

    "Woman killed in shooting at gas station" -> "Woman was killed in shooting at gas station"; a title in Title
    Case is lowered after its first word ("Man Shot Dead In Parking Lot" -> "Man shot dead in parking lot"),
    since the tagger reads capitalised words as names; a quoted label or tail is blanked
    (``analysis.figures.title_text``).
    """
    title = without_site(title)  # cut at the end only: offsets stay put
    # numbers and quotes have no case: "5 Shot, 2 Fatally" and "'Killing Spree': ..." are Title Case too
    words = [w for w in (w.lstrip("'\"‘’“”(") for w in title.split()) if w[:1].isalpha()]
    if len(words) >= 4 and sum(w[:1].isupper() for w in words) >= 0.7 * len(words):
        first = len(title.split(maxsplit=1)[0])
        lowered = title[:first] + title[first:].lower()  # same length: offsets stay put
        for place in _PLACE.finditer(title):  # "Killed In Seven Oaks": a place's name keeps its capitals
            if place.group(2).lower() in load_lexicon().place_nouns:
                lowered = lowered[:place.start(1)] + title[place.start(1):place.end(2)] + lowered[place.end(2):]
        title = lowered
    title = blank_quotes(title)
    label = _LABEL.match(title)  # "Police: Teen found shot ...": the words after the label open the headline
    at = label.end() if label else len(title) - len(title.lstrip())
    first = title[at:].split(maxsplit=1)[:1]
    if first and first[0].strip(",").lower() in people_lexicon()["person_nouns"]:
        title = title[:at] + title[at].lower() + title[at + 1:]  # "Boy, 4, dies after ...": else taken for a name
    match = _HEADLINE_PASSIVE.match(title)
    if not match or _NOT_SUBJECT.search(match.group("subject")):
        return title, None
    if match.group("verb").lower() == "dead" and not _PERSON_END.search(match.group("subject")):
        return title, None  # "Boy dead after ...", "Teen, 16, dead"; not "Three dead", read as a count
    at = match.start("verb")
    return title[:at] + "was " + title[at:], at


def _back_to_titles(found: pd.DataFrame, titles: dict, inserted: dict) -> pd.DataFrame:
    """Offsets and sentences of rows read from rewritten titles, moved back onto the titles as written."""
    columns: dict[str, list] = {"start": [], "end": [], "sentence": [], "number_text": [], "figure_id": []}
    for article_id, start, end, figure_id in zip(found["article_id"], found["start"], found["end"],
                                                 found["figure_id"]):
        at = inserted.get(article_id)
        title = titles[article_id]
        start, end = int(start), int(end)
        if at is not None:  # " was" inserted before the verb: 4 characters
            start, end = (start - 4 if start >= at else start), (end - 4 if end > at else end)
        for name, value in zip(columns, (start, end, title, title[start:end],
                                         f"{article_id}:{start}-{end}:" + str(figure_id).split(":", 2)[-1])):
            columns[name].append(value)
    out = found.copy()
    for name, values in columns.items():
        out[name] = pd.Series(values, index=out.index, dtype=out[name].dtype)
    return out


def add_title_figures(figures: pd.DataFrame, articles: pd.DataFrame, *,
                      published_years: Mapping[str, int] | None = None) -> pd.DataFrame:
    """The figures table with the title counts (``title_figures``) appended, less the one person the text says was
    shot whom the title's death names (``_shot_is_the_dead``), and the dead a title lists with the gunman's own death
    (``analysis.figures.title_lists``), whatever the text says; the text's later death tolls larger than a title's
    toll that the text repeats are set aside as another incident's (``analysis.figures.title_tolls``), and so are
    the text's later counts of the wounded larger than its first sentences' (``analysis.figures.lede_wounded``);
    a title's larger toll is taken over a text that tells its dead one at a time (``analysis.figures.told_apart``);
    an article with no count at all that tells a lone person shot and alive gets one injured
    (``analysis.figures.lone_wounded``); people counted hurt who died since move to the dead
    (``analysis.figures.died_since``)."""
    extra = title_figures(articles, figures, published_years=published_years)
    out = _shot_is_the_dead(add_people_figures(figures, extra), extra)
    out = _title_over_derived(out, articles, published_years=published_years)
    out = _later_tolls(out, articles, published_years=published_years)
    out = _title_wounded(out, articles, published_years=published_years)
    out = set_aside_later_wounded(out)
    out = _told_apart(out, articles, published_years=published_years)
    out = add_died_since(add_lone_wounded(out, articles))
    # appended as they are: the gunman's own death takes nothing from the wounded derived from people shot
    listed = shooter_list_figures(articles)
    if listed.empty:
        return out
    return pd.concat([out, listed.astype(out.dtypes.to_dict())], ignore_index=True)


def _later_tolls(figures: pd.DataFrame, articles: pd.DataFrame, *,
                 published_years: Mapping[str, int] | None = None) -> pd.DataFrame:
    """The text's later death tolls larger than the toll of the title read alone, which the text repeats, set aside
    (``analysis.figures.title_tolls``), and all its death tolls where the title counts only people wounded
    (``analysis.figures.wounded_titles``); only the titles of the articles these rules can change are read."""
    if figures.empty or "title" not in articles:
        return figures
    later, listed = later_toll_articles(figures), late_list_articles(figures)
    wounded = wounded_title_articles(figures, dict(zip(articles["article_id"].astype(str), articles["title"])))
    if not later and not listed and not wounded:
        return figures
    titles = articles.loc[articles["article_id"].isin(later | listed | wounded), ["article_id", "title"]]
    titles = titles.assign(title=titles["title"].fillna("").astype(str))
    read = title_figures(titles, schema.empty_table("figures"), published_years=published_years)
    tolls = title_tolls(read, dict(zip(titles["article_id"], titles["title"])))
    out = title_over_late_list(set_aside_later_tolls(figures, tolls), read, tolls, listed)
    return set_aside_for_wounded_titles(out, read, wounded)


def _told_apart(figures: pd.DataFrame, articles: pd.DataFrame, *,
                published_years: Mapping[str, int] | None = None) -> pd.DataFrame:
    """The title's larger death toll where the text tells its dead one at a time (``analysis.figures.told_apart``);
    only the titles of the articles whose text holds such a cue are read."""
    cued = told_apart_articles(figures, articles)
    if not cued:
        return figures
    titles = articles.loc[articles["article_id"].isin(cued), ["article_id", "title"]]
    titles = titles.assign(title=titles["title"].fillna("").astype(str))
    read = title_figures(titles, schema.empty_table("figures"), published_years=published_years)
    return title_over_told_apart(figures, read, title_tolls(read, dict(zip(titles["article_id"], titles["title"]))))


def _title_wounded(figures: pd.DataFrame, articles: pd.DataFrame, *,
                   published_years: Mapping[str, int] | None = None) -> pd.DataFrame:
    """The title's whole count of the wounded as the injured headline where the text's differs
    (``analysis.figures.title_wounded``); only the titles of the articles the rule can change are read."""
    if figures.empty or "title" not in articles:
        return figures
    chosen = title_count_articles(figures, dict(zip(articles["article_id"].astype(str), articles["title"])))
    if not chosen:
        return figures
    titles = articles.loc[articles["article_id"].isin(chosen), ["article_id", "title"]]
    titles = titles.assign(title=titles["title"].fillna("").astype(str))
    read = title_figures(titles, schema.empty_table("figures"), published_years=published_years)
    return title_count_headlines(figures, read, chosen)


_GROUP_BEFORE = re.compile(r"(?:,|\band)\s*$", re.I)


def _title_over_derived(figures: pd.DataFrame, articles: pd.DataFrame, *,
                        published_years: Mapping[str, int] | None = None) -> pd.DataFrame:
    """"1 dead, 4 wounded ..." over a text whose injured count is only derived (people shot less the dead) and
    larger: the title's plain count of the wounded is the article's, the derivation is set aside (its rows
    dropped, the title's count added). Not a title count listed after other people ("man, 2 teens wounded")."""
    if figures.empty or articles.empty or "title" not in articles:
        return figures
    derived = figures["rule"].eq("derived") & figures["category"].eq("injured") & figures["status"].eq("current") \
        & ~figures["figure_id"].astype(str).str.endswith(":title")
    if not derived.any():
        return figures
    largest = figures[derived].groupby("article_id")["value"].max()
    titles = articles[articles["article_id"].isin(largest.index)][["article_id", "title"]].copy()
    titles["title"] = titles["title"].fillna("").astype(str)
    titles = titles[titles["title"].str.strip().ne("")]
    if titles.empty:
        return figures
    texts = titles["title"]
    sentences = schema.conform(pd.DataFrame({
        "article_id": titles["article_id"], "idx": TITLE_IDX, "paragraph": 0, "section": "",
        "text": texts, "start": 0, "end": texts.str.len()}), "sentences")
    found = extract_figures(sentences, published_years=published_years)
    if found.empty:
        return figures
    plain = found[found["category"].eq("injured") & found["rule"].eq("numeral") & found["status"].eq("current")
                  & found["scope"].eq("total") & ~found["period"].fillna(False).astype(bool)]
    add = []
    for row in plain.to_dict("records"):
        before = str(row["sentence"])[:int(row["start"])]
        group = _GROUP_BEFORE.search(before)
        if group and not DEATH_WORDS.search(re.split(r",|\band\b", before[:group.start()])[-1]):
            continue  # "man, 2 teens wounded": a part of the listed people
        if int(row["value"]) < int(largest.get(row["article_id"], 0)):
            add.append({**row, "figure_id": str(row["figure_id"]) + ":title"})
    if not add:
        return figures
    chosen = {r["article_id"]: int(r["value"]) for r in add}
    drop = derived & figures["article_id"].isin(chosen) & (
        figures["value"].astype("float") > figures["article_id"].map(chosen))
    kept = figures[~drop]
    return schema.conform(pd.concat([kept, schema.conform(pd.DataFrame(add), "figures")], ignore_index=True),
                          "figures")


# words that tell someone shot lived: "was wounded", "in critical condition", "was treated at the hospital"
_LIVED = re.compile(r"\b(?:wound\w*|injur\w*|hurt|condition|hospitali[sz]\w*|surviv\w*|recover\w*|treated|grazed)\b",
                    re.I)


def _shot_is_the_dead(figures: pd.DataFrame, extra: pd.DataFrame) -> pd.DataFrame:
    """"Teen dies after shooting" over a text that says only "the 15-year-old was shot on Pine Street": the text's
    one person shot, with no word in that sentence that they lived (``_LIVED``), is the title's dead, not someone
    injured (the people layer counts someone shot as injured when the text itself tells no death). ``figures``
    without that injured row, for the articles whose killed count comes from the title alone and whose text gives
    no other current injured or hospitalized count. Known miss: a title's dead and a survivor the text tells only as
    "was shot" ("Man killed" over "a second man was shot in the leg") lose the survivor."""
    if extra.empty or figures.empty:
        return figures
    titled = set(extra.loc[extra["category"].eq("killed"), "article_id"])
    if not titled:
        return figures
    hurt = figures["category"].isin(_INJURED) & figures["status"].eq("current") & figures["article_id"].isin(titled)
    lone = hurt & figures["rule"].eq("individuals") & figures["value"].eq(1) & figures["sentence_idx"].ge(0) \
        & ~figures["sentence"].astype(str).str.contains(_LIVED)
    others = set(figures.loc[hurt & ~lone, "article_id"])
    drop = lone & ~figures["article_id"].isin(others)
    return figures[~drop].reset_index(drop=True) if drop.any() else figures
