"""The figure ledger: every count an article reports, typed, bounded and traceable.

``extract_figures`` reads the sentences table and returns one row per reported count
(table ``figures``, columns in ``analysis.schema``); ``headline_figures`` picks, per article
and category, the figure the article presents as the current whole-event total;
``add_headline_figures`` merges those into the articles table; ``figure_spans`` gives the
reader the spans to highlight. Pure regex and word lists, no spaCy: the word lists live in
``data/figures_lexicon.json`` (category cues, qualifiers, partial and status cues,
attribution verbs and sources, distractor units and labels) and can be extended there.

Rules, in the order they run on each sentence (``analysis.figures.scan``); each module's
docstring states its rules and its known misses (the holdouts in ``tests/data`` measure
them; each documented xfail names one):

0. A lead-in before a dash (a dateline, a time stamp, a fact box's dated entry) is scanned
   apart from the sentence: ``scan``.
1. Numbers, ranges and revisions "from X to Y", and the whole in "19 of the 22": ``quantities``.
2. Distractors (years, dates, ages, money, units, labels, ...) are dropped: ``quantities``.
3. Qualifier and bounds; vague quantities: ``qualifiers``.
4. Category, from cues around the number, or inherited: ``counts``.
5. Groups listed with one predicate, and their sum: ``partials``.
6. Scope ``partial``: ``partials``.
7. Status: ``superseded`` and ``projected`` (``status``), ``background`` for earlier events
   and longer periods (``background``); ``may_rise`` (``may_rise``).
8. ``attributed_to``: ``attribution``.

Across the sentences of an article (here): each scan is given the category of the previous
sentence's last figure and each category's largest current whole-event value so far, for
increments, "N more" and parts of an earlier toll (``partials``); a toll marked ``revises``
supersedes the article's earlier, larger current totals of its category (``status``); a
count over a longer period goes back to ``current`` when the article has no other current
whole-event count of its kind (``background``). A may-rise cue with no figure of its kind in
its own sentence flags the article's largest current whole-event figure of that category so
far (the headline so far), else its latest current one, else its latest count over a longer
period ("62 deaths since the heatwave began", which is the article's own count when no other
follows). People shot with no outcome (category ``shot``) give an injured figure, rule ``derived``:
the largest shot total minus the largest killed total ("5 shot, 1 killed" -> 4; shot "others" are
not reduced), when that is more than the article's largest injured or hospitalized total ("six
were shot and one was rushed to hospital" -> 6), pointing at the shot number, its sentence joined
with the killed one's (``_shot_minus_killed``; taken again once the people described one by one
are counted, so "a man was killed" is subtracted too); a count over a longer period is not used.
Known misses: shot counts of several incidents in one article are not told apart.
``headline_figures`` states how the headline is chosen.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import numpy as np
import pandas as pd

from analysis import schema
from analysis.figures.another import another_hurt
from analysis.figures.headline_cues import (derived_opening, late_outliers, ordinals_after_the_dead, people_headline,
                                           then_himself, title_opening, victims_and_himself, wounded_besides_the_dead)
from analysis.figures.lexicon import Lexicon, load_lexicon
from analysis.figures.hospital_dead import taken_where_they_died
from analysis.figures.one_of_many import part_died, whole_of_one_of
from analysis.figures.other_harm import hurt_otherwise
from analysis.figures.quantities import ORDINALS
from analysis.figures.scan import scan_sentence
from analysis.figures.status import not_said_first
from analysis.tables import records

__all__ = ["extract_figures", "headline_figures", "add_headline_figures", "add_people_figures", "figure_spans", "ledger_table",
           "figure_in_sentence", "load_lexicon"]

_INT_COLUMNS = ("sentence_idx", "value", "low", "high", "start", "end")
_BOOL_COLUMNS = ("vague", "may_rise", "as_toll", "period")
_PEOPLE_RULES = ("individuals", "enumeration", "compound")


def publication_years(articles: pd.DataFrame) -> dict[str, int]:
    """article_id -> publication year, for the articles with a date."""
    dated = articles[articles["published"].notna()]
    return dict(zip(dated["article_id"].astype(str), pd.to_datetime(dated["published"]).dt.year.astype(int)))


def extract_figures(sentences: pd.DataFrame, *, articles_text: Mapping[str, str] | None = None,
                    published_years: Mapping[str, int] | None = None, lexicon: Lexicon | None = None) -> pd.DataFrame:
    """The figure ledger: one row per count reported in any sentence.

    Args:
        sentences: the sentences table (article_id, idx, text, start, ...).
        articles_text: article_id -> article text; when given, every figure's offsets are
            checked against it (``ValueError`` when the sentences do not point into it).
        published_years: article_id -> publication year, for the articles that have one: a
            year from it on in the text names this event, not an earlier one.
        lexicon: word lists; defaults to ``data/figures_lexicon.json``.

    Returns:
        The ``figures`` table: figure_id, article_id, sentence_idx, category, value, low,
        high, qualifier, vague, scope, status, may_rise, attributed_to, number_text,
        sentence, start, end (offsets into the article text). See the module docstring
        for the rules.
    """
    lex = lexicon or load_lexicon()
    if sentences is None or sentences.empty:
        return _typed(schema.empty_table("figures"))
    order = sentences[["article_id", "idx", "text", "start"]].sort_values(["article_id", "idx"], kind="stable")
    rows: list[dict] = []
    shooting_stories: set[str] = set()  # an article's sentences are searched until one tells a shooting
    for a, text in zip(order["article_id"].tolist(), order["text"].tolist()):
        if str(a) not in shooting_stories and isinstance(text, str) and lex.shooting_story.search(text):
            shooting_stories.add(str(a))
    period_rows: list[dict] = []  # counts over a longer period ("since January"), background for now
    period_flagged: list[dict] = []  # of those, the ones a later may-rise cue flagged for want of another count
    article = None
    previous_category: str | None = None
    latest: dict[str, dict] = {}  # category -> latest current row of this article
    largest: dict[str, dict] = {}  # category -> largest current whole-event row so far (the headline so far)
    seen: dict[str, int] = {}  # category -> that row's value (0: only partial counts so far)
    for article_id, idx, text, start in zip(*(order[c].tolist() for c in ("article_id", "idx", "text", "start"))):
        article_id = str(article_id)
        if article_id != article:
            article, previous_category, latest, largest, seen = article_id, None, {}, {}, {}
            shooting = article_id in shooting_stories
            period_latest: dict[str, dict] = {}  # category -> latest count over a longer period
            previous_had_figures = False
            article_rows: list[dict] = []
        scan = scan_sentence(text if isinstance(text, str) else "", lexicon=lex, previous_category=previous_category,
                             seen=seen, current_year=(published_years or {}).get(article_id),
                             after_toll=previous_had_figures and "killed" in seen, shooting=shooting)
        previous_had_figures = bool(scan.figures)
        for category in scan.unplaced_may_rise:  # "The death toll is expected to rise." flags the toll so far
            target = largest.get(category) or latest.get(category)
            if target is None and category == "injured":
                target = largest.get("hospitalized") or latest.get("hospitalized")
            if target is None:  # "62 deaths since the heatwave began" may yet be the article's own count
                target = period_latest.get(category)
                if target is not None and not target["may_rise"]:
                    period_flagged.append(target)
            if target is not None:
                target["may_rise"] = True
        offset = int(start)
        for figure in scan.figures:
            row = {
                "figure_id": f"{article_id}:{offset + figure.start}-{offset + figure.end}:{figure.category}",
                "article_id": article_id,
                "sentence_idx": int(idx),
                "category": figure.category,
                "value": figure.value,
                "low": figure.low,
                "high": figure.high,
                "qualifier": figure.qualifier,
                "vague": figure.vague,
                "scope": figure.scope,
                "status": figure.status,
                "may_rise": figure.may_rise,
                "as_toll": figure.toll or figure.via_change or figure.running_total,
                "attributed_to": figure.attributed_to,
                "number_text": figure.number_text,
                "sentence": text,
                "start": offset + figure.start,
                "end": offset + figure.end,
                "rule": figure.rule,
                "period": figure.period,
            }
            if articles_text is not None:
                article_text = articles_text.get(article_id)
                if article_text is not None and article_text[row["start"]:row["end"]] != figure.number_text:
                    raise ValueError(f"sentence offsets of article {article_id} do not point into its text "
                                     f"(expected {figure.number_text!r} at {row['start']})")
            rows.append(row)
            if figure.period:
                period_rows.append(row)
                period_latest[figure.category] = row
            if figure.revises:  # "later lowered the toll to 21": the larger earlier tolls are superseded
                for earlier in article_rows:
                    if (earlier["category"] == figure.category and earlier["sentence_idx"] < row["sentence_idx"]
                            and earlier["status"] == "current" and earlier["scope"] == "total"
                            and earlier["value"] > figure.value):
                        earlier["status"] = "superseded"
                        seen[figure.category] = figure.value
            article_rows.append(row)
            if figure.status == "current":
                latest[figure.category] = row
                seen.setdefault(figure.category, 0)
                if figure.scope == "total" and figure.value >= seen[figure.category]:
                    largest[figure.category] = row
                    seen[figure.category] = figure.value
        if scan.figures:
            previous_category = scan.figures[-1].category
    if not rows:
        return _typed(schema.empty_table("figures"))
    _keep_lone_period_counts(rows, period_rows, period_flagged)
    part_died(rows)  # "one of five people shot has died": one killed, five shot
    whole_of_one_of(rows)  # "one of five people shot": five shot
    taken_where_they_died([r for r in rows if r["article_id"] in shooting_stories], order)
    rows += _shot_minus_killed(rows)
    return _typed(schema.conform(pd.DataFrame(rows), "figures"))


def _keep_lone_period_counts(rows: list[dict], period_rows: list[dict], flagged: list[dict]) -> None:
    """A count over a longer period ("The outbreak has killed 187 people since March") is the article's own
    count when it has no other current whole-event count of that kind: set it back to current (in place).
    The may-rise flag a later cue gave such a count (``flagged``) is taken back when it stays background:
    the cue was about the event's own count."""
    if not period_rows:
        return
    totals = {(r["article_id"], r["category"]) for r in rows if r["status"] == "current" and r["scope"] == "total"}
    # people shot give the injured their own count (``_shot_minus_killed``)
    totals |= {(a, c) for a, category in list(totals) if category == "shot" for c in ("injured", "hospitalized")}
    for row in period_rows:
        if (row["article_id"], row["category"]) not in totals:
            row["status"] = "current"
        elif any(row is f for f in flagged):
            row["may_rise"] = False



_OTHERS = frozenset("other others more additional".split())


def _shot_minus_killed(rows: list[dict]) -> list[dict]:
    """Injured figures derived from people shot (rule ``derived``): per article, the largest current total of
    people shot minus the largest current killed total ("5 shot, 1 killed" -> injured 4), when that is more than
    the article's largest injured or hospitalized total ("Six people were shot and one was rushed to hospital"
    -> 6). Killed counts of people described one by one count too (``add_people_figures`` derives again). Shot
    "others" are apart from the dead ("a man was killed and two others were shot" -> injured 2), and so are people
    shot whose sentence says they live ("three victims were treated for non-life-threatening injuries"). The row
    points at the shot count's number; its sentence is the shot sentence, then the killed one when that is another
    sentence.
    A count over a longer period ("22 people were shot in 14 separate shootings", ``period``) is not used."""
    by_article: dict[str, list[dict]] = {}
    for row in rows:
        if row["status"] == "current" and row["scope"] == "total" and not _flag(row.get("period")) \
                and row.get("rule") != "derived":
            by_article.setdefault(row["article_id"], []).append(row)
    made = []
    for group in by_article.values():
        hurt = max((_int(r["value"]) for r in group if r["category"] in ("injured", "hospitalized")), default=0)
        shot = [r for r in group if r["category"] == "shot"]
        if not shot:
            continue
        chosen = max(shot, key=lambda r: (r["value"], -r["sentence_idx"], -r["start"]))
        killed = max((r for r in group if r["category"] == "killed"), key=lambda r: r["value"], default=None)
        sentence_start = chosen["start"] - chosen["sentence"].find(chosen["number_text"])
        after = chosen["sentence"][chosen["end"] - sentence_start:].split()[:1]
        apart = bool(after) and after[0].strip(",.").lower() in _OTHERS or _alive(chosen)
        value = _int(chosen["value"]) - (_int(killed["value"]) if killed is not None and not apart else 0)
        if value <= hurt:
            continue
        sentence = chosen["sentence"]
        if killed is not None and not apart and killed["sentence_idx"] != chosen["sentence_idx"]:
            sentence += " … " + killed["sentence"]
        exact = chosen["qualifier"] == "exact" and (killed is None or apart or killed["qualifier"] == "exact")
        made.append({**chosen, "figure_id": chosen["figure_id"].rsplit(":", 1)[0] + ":injured",
                     "category": "injured", "value": value, "low": value if exact else None,
                     "high": value if exact else None, "qualifier": "exact" if exact else "about",
                     "vague": False, "may_rise": False, "sentence": sentence, "rule": "derived"})
    return made


# "Three victims ... were treated for non-life-threatening injuries": people shot whose sentence says they live
_ALIVE = re.compile(r"non-life[- ]threatening|not life[- ]threatening|(?:stable|fair|good|serious|critical) condition|"
                    r"expected to (?:survive|recover|live)|treated and released|\bsurvived\b", re.I)
_DEATH = re.compile(r"\b(?:kill|dead|die[sd]?\b|death|fatal|murder|slain|homicide)", re.I)


def _alive(shot: dict) -> bool:
    """Does the shot count's sentence say they live (and tell no death)? Then they are apart from the dead."""
    sentence = str(shot["sentence"])
    return bool(_ALIVE.search(sentence)) and not _DEATH.search(sentence) and \
        str(shot["number_text"]).lower() not in ORDINALS  # "a fourth person was also shot": one person


def _int(value: object) -> int:
    return 0 if value is None or pd.isna(value) else int(value)


def _typed(frame: pd.DataFrame) -> pd.DataFrame:
    out = frame.copy()
    for column in out.columns:
        if column in _INT_COLUMNS:
            out[column] = pd.array(out[column].astype("object").where(out[column].notna(), None), dtype="Int64")
        elif column in _BOOL_COLUMNS:
            out[column] = pd.array(out[column].astype("object").where(out[column].notna(), None), dtype="boolean")
        else:
            out[column] = out[column].astype("object").where(out[column].notna(), "")
    return out


def headline_figures(figures: pd.DataFrame) -> pd.DataFrame:
    """Per article and category, the figure the article presents as its current total.

    Rule: among the article's figures of the category with status ``current`` and scope
    ``total``, take the largest value (ties: a precise figure over a vague one, a qualified
    one over a bare one, then the earliest in the text), leaving out a later death toll over
    three times the largest one kept before it that is not given as the toll itself (see
    ``analysis.figures.headline_cues.late_outliers``). Superseded, projected, background and partial figures never become
    headlines; when only such figures exist the headline is empty. ``injured``
    also counts ``hospitalized`` figures (everyone in hospital is injured): its headline is
    the largest current total of either category, and its rule says when a hospitalized
    figure was chosen; but a hospital count that equals a numeral injured count plus the
    article's death toll ("one dead and three others injured ... sent four victims to the
    hospital") holds the dead, who were taken there too, and the injured count is the headline
    (known miss: a hospital count of the wounded that happens to equal it, "three wounded ... four
    taken to hospital" with one taken there unhurt). ``*_may_rise`` is True when the chosen figure, or another current
    figure of the same category and value, carries the flag. Counts of people described one
    by one (rule ``individuals``, ``enumeration``, ``compound``: ``analysis.figures.victims``)
    are the headline only when the category has no numeral current total, or when a listed
    group holds a numeral figure and exceeds it ("a coach and two players died": 3); the
    rule text says so. A numeral death toll followed in its sentence by the gunman's own death
    ("fatally shot seven people before killing himself") counts him too (+1, as the rule says),
    unless the sentence already holds him ("including the gunman", "murder-suicide", "and himself");
    his death told in another sentence is not added (as many tolls count the shooter as do not), except
    to a count of "victims" ("the two victims died at the hospital" beside "then turned the gun on
    himself" or "a murder-suicide": +1), which never holds him. Known miss: "the four victims" where
    "victims" are all the dead, gunman included, by the writer's choice.
    Injured counts that are all over a longer period ("12 wounded in shootings across the city")
    beside a death toll of the event itself give no injured headline, and likewise death tolls that
    are all over a longer period ("14 shooting deaths this month") beside a count of the event's own
    injured or shot give no killed headline (the period count set back to current because the
    article had no other death toll is the city's, not this shooting's). A compound death count
    ("triple murder-suicide": 4) replaces a smaller numeral death toll of its own sentence ("a couple
    and their two children were found dead": the children). Known misses: a compound with no
    numeral beside it in another sentence than the toll is still only used without a numeral toll;
    a heatwave's period count beside its hospital admissions (``hospitalized``) stays the toll, so a
    shooting story whose only survivor count is "taken to hospital" keeps a city's period toll.

    Returns:
        One row per article_id with figures: article_id and, for each category in
        ``schema.HEADLINE_CATEGORIES``, the columns ``<cat>``, ``<cat>_qualifier``,
        ``<cat>_low``, ``<cat>_high``, ``<cat>_may_rise``, ``<cat>_rule``,
        ``<cat>_figure_id``.
    """
    columns = ["article_id", *_headline_columns()]
    if figures is None or figures.empty:
        return _typed_headlines(pd.DataFrame(columns=columns))
    # Plain records, not per-group pandas filtering: this runs for every article and
    # category, and DataFrame slicing made it the slowest stage on large corpora.
    by_article: dict[str, list[dict]] = {}
    for record in records(figures):
        by_article.setdefault(record["article_id"], []).append(record)
    rows = []
    for article_id, group in by_article.items():
        row: dict[str, object] = {"article_id": article_id}
        for category in schema.HEADLINE_CATEGORIES:
            chosen = _headline(group, category)
            if str(chosen[f"{category}_figure_id"]).endswith(":title"):  # analysis.figures.titles
                chosen[f"{category}_rule"] = title_opening(chosen[f"{category}_figure_id"]) + chosen[f"{category}_rule"]
            row.update(chosen)
        rows.append(row)
    return _typed_headlines(pd.DataFrame(rows, columns=columns))


def _headline_columns() -> list[str]:
    return [c for c in schema.columns("articles") if any(
        c == cat or c.startswith(cat + "_") for cat in schema.HEADLINE_CATEGORIES)]


def _flag(value: object) -> bool:
    return bool(value) if value is not None and not pd.isna(value) else False


def _headline(group: list[dict], category: str) -> dict[str, object]:
    wanted = ("injured", "hospitalized") if category == "injured" else (category,)
    pool = [f for f in group if f["category"] in wanted]
    empty = {category: None, f"{category}_qualifier": "", f"{category}_low": None, f"{category}_high": None,
             f"{category}_may_rise": False, f"{category}_rule": "", f"{category}_figure_id": ""}
    people = [f for f in pool if f.get("rule") in _PEOPLE_RULES and f["status"] == "current"]
    pool = [f for f in pool if f.get("rule") not in _PEOPLE_RULES]
    # "a teacher and three students died": the enumeration holds the numeral "three" and replaces it
    listed = [p for p in people if p["rule"] == "enumeration"]
    held = [f for f in pool if any(p["start"] <= f["start"] and f["end"] <= p["end"] and p["value"] > f["value"]
                                   for p in listed)]
    if held:
        pool = [f for f in pool if f not in held] + [p for p in listed if any(
            p["start"] <= f["start"] and f["end"] <= p["end"] for f in held)]
    # "a couple and their two children were found dead in an apparent triple murder-suicide": 4, not 2
    named = [p for p in people if p["rule"] == "compound" and category == "killed"]
    held = [f for f in pool if f.get("rule") not in _PEOPLE_RULES and any(
        p["sentence_idx"] == f["sentence_idx"] and p["value"] > f["value"] for p in named)]
    if held:
        pool = [f for f in pool if f not in held] + [p for p in named if any(
            p["sentence_idx"] == f["sentence_idx"] for f in held)]
    if category == "injured":
        pool = ordinals_after_the_dead(pool, lambda: _headline(group, "killed")["killed"])
        # "two deputies were treated for smoke inhalation" in a shooting story: not the people shot
        pool = [f for f in pool if not hurt_otherwise(f, group)]
    current = [f for f in pool if f["status"] == "current"]
    totals = [f for f in current if f["scope"] == "total"]
    if not totals:
        return people_headline(people, category) if people else empty
    if people and all(_flag(f.get("period")) for f in totals):
        # "at least 10 killed in separate shootings across the city since Tuesday" is the city's count, not this
        # article's, when the article describes its own dead one by one
        return people_headline(people, category, set_aside=len(totals))
    if category == "injured" and all(_flag(f.get("period")) for f in totals) and any(
            f["category"] == "killed" and f["status"] == "current" and f["scope"] == "total"
            and not _flag(f.get("period")) for f in group):
        # "... and 12 wounded in shootings across the city" beside this event's own dead: the city's wounded
        return {**empty, f"{category}_rule": f"no count of this event ({len(totals)} over a longer period set aside)"}
    if category == "killed" and all(_flag(f.get("period")) for f in totals) and any(
            f["category"] in ("injured", "shot") and f["status"] == "current"
            and f["scope"] == "total" and not _flag(f.get("period")) and f.get("rule") != "derived" for f in group):
        # "13 toddlers have died in such shootings this year" in a story about a wounded child: the period's count
        return {**empty, f"{category}_rule": f"no count of this event ({len(totals)} over a longer period set aside)"}
    outliers = late_outliers(totals) if category == "killed" else []
    kept = [f for f in totals if f not in outliers]
    # Largest value; ties: a precise figure over a vague one, a qualified one over a bare one (a headline's "17
    # bodies recovered" shortens the text's "at least 17 people drowned"), then the earliest in the text.
    chosen = min(kept, key=lambda f: (-f["value"], _flag(f["vague"]), f["qualifier"] == "exact", f["sentence_idx"],
                                      f["start"]))
    n = len(kept)
    rule = "only current whole-event figure" if n == 1 else f"largest of {n} current whole-event figures"
    if category == "injured" and chosen["category"] == "hospitalized":
        wounded = wounded_besides_the_dead(chosen, kept, lambda: _headline(group, "killed")["killed"])
        if wounded is not None:
            chosen = wounded
            rule = f"the injured, not the larger hospital count that holds the dead too ({rule})"
    if outliers:
        rule += (f" ({len(outliers)} later, over three times the ones before and not given as the toll, set aside "
                 "as probably another count)")
    set_aside = []
    for status in ("superseded", "projected", "background"):
        k = sum(1 for f in pool if f["status"] == status)
        if k:
            set_aside.append(f"{k} {status}")
    k = sum(1 for f in current if f["scope"] == "partial")
    if k:
        set_aside.append(f"{k} partial")
    if set_aside:
        rule += " (" + ", ".join(set_aside) + " set aside)"
    if chosen.get("rule") == "compound":
        rule = f"'{chosen['number_text']}' replaces the smaller numeral count of its sentence; " + rule
    elif chosen.get("rule") in _PEOPLE_RULES:
        rule = "people listed (enumeration) replace the numeral count among them; " + rule
    if chosen.get("ordinal_less"):
        rule = (f"'{chosen['number_text']}' counts the {chosen['ordinal_less']} dead before the hurt "
                f"({chosen['value'] + chosen['ordinal_less']} - {chosen['ordinal_less']}): " + rule)
    if category == "injured" and chosen["category"] == "hospitalized":
        rule = "hospitalized figure counted as injured: " + rule
    if chosen.get("rule") == "derived":
        rule = derived_opening(chosen["figure_id"]) + rule
    may_rise = any(_flag(f["may_rise"]) for f in current
                   if f["category"] == chosen["category"] and f["value"] == chosen["value"])
    plus = 1 if category == "killed" and then_himself(chosen) else 0
    if plus:
        rule += "; and the gunman, who then killed himself (+1)"
    elif category == "killed" and victims_and_himself(chosen, group):
        plus = 1
        rule += "; and the gunman, who killed himself, besides his victims (+1)"
    return {category: chosen["value"] + plus, f"{category}_qualifier": chosen["qualifier"],
            f"{category}_low": _plus(chosen["low"], plus), f"{category}_high": _plus(chosen["high"], plus),
            f"{category}_may_rise": may_rise, f"{category}_rule": rule,
            f"{category}_figure_id": chosen["figure_id"]}


def _plus(value: object, plus: int) -> object:
    return value if value is None or pd.isna(value) else int(value) + plus


def add_people_figures(figures: pd.DataFrame, people: pd.DataFrame) -> pd.DataFrame:
    """The figures table with the counts of people (``analysis.figures.victims.read_people``) appended, and the
    injured derived from people shot (``_shot_minus_killed``) taken again with their killed counts. The one
    survivor a death toll's sentence pairs with "another" ("one killed and another wounded",
    ``analysis.figures.another``) is a person too, and joins here; people holding a superseded count are dropped."""
    people = people if people is None else not_said_first(people, figures)
    another = another_hurt(figures)
    if not another.empty:
        people = another if people is None or people.empty else pd.concat(
            [schema.conform(people, "figures"), schema.conform(another, "figures")], ignore_index=True)
    if people is None or people.empty:
        return figures
    both = pd.concat([schema.conform(figures, "figures"), schema.conform(people, "figures")], ignore_index=True)
    if people["category"].isin(["killed", "shot"]).any() and both["category"].eq("shot").any():
        derived = both["rule"].eq("derived") & both["category"].eq("injured") & ~both["figure_id"].str.endswith(
            ":title")
        kept = both[~derived]
        again = _shot_minus_killed(records(kept))
        both = pd.concat([kept, pd.DataFrame(again)], ignore_index=True) if again else kept
    return _typed(schema.conform(both, "figures"))


def _typed_headlines(frame: pd.DataFrame) -> pd.DataFrame:
    out = frame.copy()
    for category in schema.HEADLINE_CATEGORIES:
        for column in (category, f"{category}_low", f"{category}_high"):
            out[column] = pd.array(out[column].astype("object").where(out[column].notna(), None), dtype="Int64")
        out[f"{category}_may_rise"] = pd.array(
            out[f"{category}_may_rise"].astype("object").where(out[f"{category}_may_rise"].notna(), False),
            dtype="boolean")
        for column in (f"{category}_qualifier", f"{category}_rule", f"{category}_figure_id"):
            out[column] = out[column].astype("object").where(out[column].notna(), "")
    out["article_id"] = out["article_id"].astype("object")
    return out


def add_headline_figures(articles: pd.DataFrame, figures: pd.DataFrame) -> pd.DataFrame:
    """``articles`` with its headline figure columns filled from ``figures`` (input not modified).

    Existing headline columns are replaced; articles without figures get empty headlines
    and ``*_may_rise`` False. Other columns are kept; when every documented articles column
    is present they come in the schema's order (extra columns after them).
    """
    headlines = headline_figures(figures)
    headline_cols = [c for c in headlines.columns if c != "article_id"]
    base = articles.drop(columns=[c for c in headline_cols if c in articles.columns])
    merged = base.merge(headlines, on="article_id", how="left")
    merged = pd.concat([merged.drop(columns=headline_cols),
                        _typed_headlines(merged[["article_id", *headline_cols]]).drop(columns=["article_id"])],
                       axis=1)
    documented = schema.columns("articles")
    if all(c in merged.columns for c in documented):
        merged = merged[documented + [c for c in merged.columns if c not in documented]]
    return merged


def figure_spans(figures: pd.DataFrame, article_id: str) -> list[tuple[int, int, str]]:
    """Spans to highlight in the reader: ``[(start, end, label), ...]`` sorted by start.

    One span per number; when one number carries several figures ("the four gunmen"
    detained: arrested and attackers) their labels are joined with "; ". Labels read like
    ``"killed: at least 60, may rise"`` or ``"killed: 143 (superseded)"``.
    """
    if figures is None or figures.empty:
        return []
    rows = figures[figures["article_id"] == article_id]
    spans: dict[tuple[int, int], list[str]] = {}
    for row in rows.itertuples(index=False):
        label = f"{row.category}: {_describe(row)}"
        notes = [str(x) for x in (row.status if row.status != "current" else "",
                                  row.scope if row.scope != "total" else "") if x]
        if notes:
            label += f" ({', '.join(notes)})"
        if bool(row.may_rise) if not pd.isna(row.may_rise) else False:
            label += ", may rise"
        spans.setdefault((int(row.start), int(row.end)), []).append(label)
    return [(start, end, "; ".join(labels)) for (start, end), labels in sorted(spans.items())]


def _describe(row) -> str:
    words = {"exact": "", "at_least": "at least ", "over": "over ", "about": "about ", "up_to": "up to "}
    if row.qualifier == "range" and not pd.isna(row.low) and not pd.isna(row.high):
        return f"{int(row.low):,} to {int(row.high):,}"
    return words.get(row.qualifier, "") + f"{int(row.value):,}"


def ledger_table(figures: pd.DataFrame, articles: pd.DataFrame, *, categories: list[str] | tuple = (),
                 statuses: list[str] | tuple = (), scopes: list[str] | tuple = (),
                 sources: list[str] | tuple = ()) -> pd.DataFrame:
    """The ledger for display: each figure with its article, filtered (an empty filter keeps all).

    Returns:
        figure_id, article_id, source, published, title, category, figure (the value in
        words: "at least 60", "60 to 70"), value, qualifier, status, scope, may_rise, vague,
        attributed_to, sentence; sorted by publication date (undated last), source, article
        and position in the text.
    """
    from analysis.figures.labels import figure_label

    columns = ["figure_id", "article_id", "source", "published", "title", "category", "figure", "value", "qualifier",
               "status", "scope", "may_rise", "vague", "attributed_to", "sentence"]
    if figures is None or figures.empty:
        return pd.DataFrame(columns=columns)
    info = articles[["article_id", "source", "published", "title"]]
    rows = figures.merge(info, on="article_id", how="left")
    for column, chosen in (("category", categories), ("status", statuses), ("scope", scopes), ("source", sources)):
        if chosen:
            rows = rows[rows[column].isin(list(chosen))]
    # Most figures share a few (value, qualifier, low, high): each label is written once.
    labels: dict[tuple, str] = {}
    keys = list(zip(rows["value"].tolist(), rows["qualifier"].tolist(), rows["low"].tolist(), rows["high"].tolist()))
    for key in keys:
        if key not in labels:
            labels[key] = figure_label(key[0], key[1], low=key[2], high=key[3])
    rows = rows.assign(figure=[labels[key] for key in keys], _undated=rows["published"].isna())
    rows = rows.sort_values(["_undated", "published", "source", "article_id", "start"], kind="stable")
    return rows[columns].reset_index(drop=True)


def ledger_part(ledger: pd.DataFrame, *, article_ids: pd.Series | None = None, categories: list[str] | tuple = (),
                statuses: list[str] | tuple = (), scopes: list[str] | tuple = (),
                sources: list[str] | tuple = ()) -> pd.DataFrame:
    """``ledger_table(figures, articles, ...)`` of a part of the corpus, from the whole corpus's ``ledger_table``:
    its rows about ``article_ids`` (None: every article) that the filters keep, in the same order (a stable sort
    of the kept rows orders them as the whole's), on a fresh index. A filter change then takes rows from a
    ledger sorted once instead of merging and sorting 95,000 figures again at 10,000 articles. With no row
    kept, the columns keep the whole's types (``ledger_table`` makes an empty table of its own)."""
    return ledger[ledger_mask(ledger, article_ids=article_ids, categories=categories, statuses=statuses,
                              scopes=scopes, sources=sources)].reset_index(drop=True)


def ledger_mask(ledger: pd.DataFrame, *, article_ids: pd.Series | None = None, categories: list[str] | tuple = (),
                statuses: list[str] | tuple = (), scopes: list[str] | tuple = (),
                sources: list[str] | tuple = ()) -> np.ndarray:
    """The rows of ``ledger`` that ``ledger_part`` keeps, as a boolean array."""
    keep = np.ones(len(ledger), dtype=bool)
    if article_ids is not None:
        keep &= ledger["article_id"].isin(article_ids).to_numpy(dtype=bool)
    for column, chosen in (("category", categories), ("status", statuses), ("scope", scopes), ("source", sources)):
        if chosen:
            keep &= ledger[column].isin(list(chosen)).to_numpy(dtype=bool)
    return keep


def ledger_rows_by_article(ledger: pd.DataFrame) -> dict[str, np.ndarray]:
    """Each article's row positions in ``ledger``, for ``ledger_of_article`` to take instead of comparing every
    row's id (made once per corpus: 99,000 rows at 10,000 articles)."""
    return ledger.groupby("article_id", sort=False).indices


def ledger_of_article(ledger: pd.DataFrame, article_id: str, *, rows: Mapping[str, np.ndarray] | None = None
                      ) -> pd.DataFrame:
    """``ledger_table`` of one article's figures, from the whole corpus's ``ledger_table``: its rows (the same
    order, by position in the text) on a fresh index, without merging and sorting again. ``rows``:
    ``ledger_rows_by_article(ledger)`` when already made."""
    if rows is None:
        return ledger[(ledger["article_id"] == article_id).to_numpy(dtype=bool)].reset_index(drop=True)
    return ledger.iloc[rows.get(article_id, [])].reset_index(drop=True)


def figure_in_sentence(figure: Mapping, sentences: pd.DataFrame | None = None) -> tuple[str, str, str]:
    """A figure's sentence cut around its number: ``(before, number, after)``.

    Uses the sentence's offset from the sentences table when it has the sentence, else
    the first place the number's words appear in the sentence.
    """
    sentence, number = str(figure["sentence"]), str(figure["number_text"])
    at = -1
    if sentences is not None and not sentences.empty:
        match = sentences[(sentences["article_id"] == figure["article_id"])
                          & (sentences["idx"] == figure["sentence_idx"])]
        if not match.empty:
            at = int(figure["start"]) - int(match["start"].iloc[0])
    if not (0 <= at and sentence[at:at + len(number)] == number):
        at = sentence.find(number)
    if at < 0:
        return sentence, "", ""
    return sentence[:at], number, sentence[at + len(number):]
