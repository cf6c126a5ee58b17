"""The figure ledger: every count an article reports, typed, bounded and traceable.

``extract_figures`` reads the sentences table and returns one row per reported count
(table ``figures``, columns in ``analysis.schema``); ``headline_figures`` picks, per article
and category, the figure the article presents as the current whole-event total;
``add_headline_figures`` merges those into the articles table; ``figure_spans`` gives the
reader the spans to highlight. Pure regex and word lists, no spaCy: the word lists live in
``data/figures_lexicon.json`` (category cues, qualifiers, partial and status cues,
attribution verbs and sources, distractor units and labels) and can be extended there.

Rules, in the order they run on each sentence (``analysis.figures.rules``):

0. A lead-in before a dash is scanned apart from the sentence: a dateline ("SANKT ORLEN,
   Feb. 17 (AFP) -"), a live blog's time stamp ("17:50 —"), a fact box's dated entry
   ("* SEPTEMBER 1996 -", whose figures are then background when the year is past).
1. Numbers: ``analysis.figures.numbers.find_numbers`` (digits, number words, vague quantities), plus
   ordinals that open a toll ("a sixth died later" -> 6, only when a predicate follows). "60
   to 70", "60-70", "between 60 and 70" and "two or three" become one ``range`` figure;
   "from 143 to 133" after a change verb ("revised", "rose"), or any descending "X to Y", is
   a revision: X ``superseded``, Y ``current``; so is "to 133 from 143". In "19 of the 22
   passengers were killed" the 22 is the whole, not a figure.
2. Distractors are dropped: years (1800-2100 written without a comma, unless a people noun
   follows: "2000 people"), dates next to a month name ("Feb. 17" too), ISO and slashed
   dates, clock times, phone numbers, URLs, money (currency sign or unit), percentages, a
   number joined by a hyphen to a word ("20-year-old", "6,200-seat"), a unit after the
   number ("two decades", "40 km", "8 p.m."), a rate ("20,000 vehicles a day"), a label
   before it ("Article 205", "Flight 17", "No. 5"), a context before it ("attended by
   hundreds", "a hall that holds 6,200", "aged 20", "sentenced to 15", "carrying 150
   passengers"), ages in apposition ("Ivanova, 34,"), street addresses ("12 Tverskaya
   Street"), decimals that are not whole counts, shares ("half of the 500 residents"), "one"
   as a pronoun ("no one", "one another") or for a thing ("one of its planes went down"),
   and ordinals before a noun ("drilling a second shaft"). The cue rules below step over
   these numbers ("1,500 residents living within two kilometres were told to leave their
   homes").
3. Qualifier from the words before the number (at least / more than / about / up to, see the
   lexicon) or after it ("or more", "-plus", "or so"); ``exact`` when none. Bounds: exact
   low = high = value; at_least low = value, high empty; over low = value + 1, high empty;
   about low and high empty (no hard bound); up_to high = value (value - 1 for "fewer
   than"/"less than"/"under"), low empty; range low..high.
4. Category, from cues around the number: a *head* noun right after it ("28 bodies", "four
   gunmen"), a *before* cue with only filler words between ("killing at least 60", "the
   death toll rose to 133", "the arrest of four men"; past one person listed first: "killing
   a teacher and three students", "killed the bomber and 14 others"), a toll noun up to 24
   words back in the clause when a linking word or a change verb stands right before the
   number ("the death toll from a magnitude 6.4 earthquake that struck ... has risen to 96",
   "the number of people killed by Monday's earthquake ... rose above 2,100"; not across ",
   while/but/though"), or an *after* predicate up to six words on ("60 people were killed",
   "over 107 individuals battling for survival in hospitals"; a relative clause in between,
   prepositions inside it included, does not count toward the six: "nine fishermen who set
   out before the storm remain missing"; nor, up to eight more words, a modifier opening
   after the person noun with a preposition or a reduced relative: "200 pupils at a boarding
   school in the eastern town of Kibale were taken to hospital", "two brothers accused of
   carrying out the attack were detained"). A strong head wins, then a before cue, then the
   predicate, then a weak head ("lives", "victims"); a head after "of" names the whole
   ("four of the injured are in critical condition" -> hospitalized; "four of those rescued
   were taken to hospital" -> hospitalized), and so does a clause opening "Of the injured,
   11 were airlifted" (injured, unless the count's own predicate is a harm). A head or
   participle that describes a person noun is an adjective: a predicate decides ("two
   critically injured employees died" -> killed; "the over 100 injured attendees" ->
   injured, even with a toll noun far back). A cue that is the first half of a compound is
   none ("found in a burned-out car"). A rescue followed in its clause by "and/with/but" and
   a harm is the harm ("rescued with severe burns" -> injured, "rescued and taken to
   hospital" -> hospitalized; "found alive in a hospital" stays rescued). A move to a
   hospital named by a few words is a hospital cue ("brought to the Masbaro Provincial
   Hospital"). A label ending in a colon right before the number names the category, as in
   situation reports ("Persons injured: 183", "Human lives lost: 26"). "one of 64 people
   killed" gives 64 (the count has its own participle), not 1. A transitive predicate with
   an object after it is active voice and does not count ("three gunmen killed 60 people"
   gives three no killed figure). Attackers heads add an ``attackers`` figure beside any
   other cue ("detained the four gunmen" -> arrested 4 and attackers 4); killed/injured
   attackers are a ``partial`` count. A number with no cue of its own inherits the category
   of the figure before it in the sentence when only filler words, commas and "and" stand
   between and it has no verb of its own ("28 bodies in a restroom and 14 on a staircase"),
   when a generic count word leads to it ("bringing the total to 88", "revised the figure to
   133"), or when it is marked as a subset ("Among them were 12 children" inherits from the
   previous sentence's last figure); a generic count with a person noun of its own does not
   inherit from the previous sentence ("A total of 18 workers were in the shaft"). Numbers
   with no cue are not figures at all: a crowd size is not a count of harm. ``other`` is
   kept for counts of damage and response (buildings, homes, vehicles, flights, animals,
   firefighters, ambulances), except after "including"/"among", where the count is a part of
   the figure before it ("killed 44, including eight firefighters" -> killed 8, partial).
5. Groups listed with one predicate are parts of a whole: "23 hostages and four members of
   the security forces were killed" gives 23 and 4 as ``partial`` and their sum, 27, as a
   whole-event figure whose ``number_text`` spans the list ("five soldiers and a civilian"
   -> 6: "a"/"an" counts one; "the driver and three passengers" -> 4). Only groups of people
   are listed ("9,412 cases and 187 deaths" is not a list); not for ``other``, ranges, vague
   or "up to" counts. An ordinal after a count of another category is one person ("two
   soldiers dead and a third wounded" -> injured 1); after a count of its own category, or
   alone, it is the new toll ("five died and a sixth died later" -> 6).
6. Scope ``partial``: a subset marker ("including three children", "among the dead were",
   "In Gaziantep province alone, 1,100", "In the worst-hit district, 34"), "12 of the dead"
   and "six of them"/"of whom" when the whole is of the same (or a related:
   injured/hospitalized; attackers for the killed) category ("two of the kidnappers were
   arrested" stays a total), a part of a listed group, an increment ("a further 16",
   "another 12") when the article gave a count of that category before, "N more"/"N
   other(s)" when an earlier sentence gave a count of that category and none comes before it
   in its own sentence ("Eight more bodies were pulled out", "Two other people were hurt";
   but "75 were arrested and 200 more detained" gives two totals), a count next to a running
   total or a toll change and below it ("Two more died, raising the toll to 17", "the toll
   had risen to 14 after two employees died": 2 is partial), a place inside the scene for
   bodies or for a breakdown of several counts of one category ("28 bodies in a restroom",
   "14 on a staircase"), "X alone" earlier in the count's clause ("Hospitals in the state
   capital alone have admitted 1,100"; not "left alone"), and a count below the article's
   toll so far of its category when it is of bodies ("recovered 14 bodies" after "at least
   61 drowned") or its sentence names a place ("In Marun, 1,540 people had died" after
   "above 2,100").
7. Status: ``superseded`` for revisions; for "an initial 143", "previously reported",
   "officials first said", "up from 115", "an earlier estimate of 25", "not 15 as previously
   reported", "lowering a toll of 30", "had earlier put the toll at seven", "the figure of
   31 deaths ... has been corrected", "four were dead, a figure the company later
   corrected", "a figure of 12 that officials later described as incorrect"; for a count
   followed in the sentence by a change to a new count ("stood at 89 ..., rose to 104"); and
   for a sentence opening with "Initially,"/"At first,". ``projected`` for "could reach
   200", "may exceed 2,000", "up to 300 may have died". ``background`` for counts about
   another, earlier event or a longer period: a clause with a bare past year ("killed more
   than 1,700 people in 2022", "since 2015", "between 2016 and 2022"; a date such as "on 22
   March 2024" is not one) or one ending a time phrase ("in the summer of 2003", "in
   September 2019", "during early 2015", also as an aside: "The last comparable flooding, in
   November 2010, killed 26"), a month alone after "in" in a past-tense telling ("in May a
   bombing killed 21": a story dates its own event by weekday) or before ", when" ("the
   deadliest since March, when 45 soldiers were killed"), a year before the article's
   publication year when it is known (a year from it on names this event: "floods in March
   2024 killed 200" in a 2024 article stays current), a year naming an event ("the 2004
   tsunami"), or a year after "the/of/a ..." with a history cue ("the deadliest since 2015,
   when 224 died"); a clause with "years ago", "so far this year", "earlier this year"; the
   whole segment after "In 2013," or "; in 2019,"; both sides of an aside ", in 1981,"; the
   whole sentence after "Last month," or "Ten years ago," or after an opening phrase with a
   past year and no count ("In an attack on the same centre in 2016, 33 recruits were
   killed"). A year naming an event in a present-tense clause is this event ("The 2024
   floods have displaced 40,000" stays current). Counts over a longer period than the event
   ("since January" -- a month, not a date --, "since the protests began", "since the start
   of the war", "in such raids", "this year/winter/season", and a ", which"/", that" clause
   right after one: "six bombings since January, which have killed more than 90") are
   ``background`` unless the article has no other current whole-event count of their kind
   ("The outbreak has killed 187 people since it began in March" alone stays current). A
   toll changed through a change verb in a later sentence ("later lowered the toll to 21",
   "revised the death toll down to 36": the toll as the verb's object) supersedes the
   article's earlier, larger current totals of its category, unless its sentence names a
   place. Else ``current``. ``may_rise`` when the sentence says the number may rise: a
   listed phrase, or a chain of modals, "likely/ certain/bound ... to" and adverbs before a
   rise verb ("might still rise", "could well climb", "would almost certainly rise", "was
   certain to rise", "likely to keep rising"), never negated ("was not expected to rise",
   "isn't likely to rise"). The flag goes to figures of the category the cue names ("the
   death toll is expected to rise" -> killed), else to the nearest whole-event figure of the
   harmed before it (not a part of it, and not the missing it gives as the reason: "still
   searching for eight people, so the figure may still go up"). A count said to be higher
   than reported is such a cue ("the actual number of deaths was probably higher": a copula,
   adverbs, "higher", and a toll or a count noun with a category word before it; not "higher
   than"). A cue with no such figure in its own sentence flags the article's largest current
   whole-event figure of that category so far (the headline so far), else its latest current
   one, else its latest count over a longer period ("62 deaths since the heatwave began",
   which is the article's own count when no other follows); a cue that names no category
   needs a count noun in its sentence ("the number could still climb", not "prices may
   rise").
8. ``attributed_to``: "according to X", "X said/reported/confirmed/put ...", "..., said X",
   "..., the ministry claimed."; X is a run of capitalised words or a source noun
   ("officials", "local media", "the disaster agency"); pronouns are never a source. A
   source counts for the figures of its own part of the sentence (split at ";" and at ",
   but/while/though"), and for the whole sentence when it opens or closes it.

Vague quantities follow ACLED's convention: "dozens" is read as at least 12, "scores" as
at least 20, "hundreds" as at least 100, "thousands" as at least 1,000. Such figures have
``vague=True``, qualifier ``at_least`` (unless the words give another), ``value`` and
``low`` the floor and ``high`` the ceiling the word implies (dozens: 99) rather than an
open bound.

Known misses (the holdouts in ``tests/data`` measure them; each documented xfail names one):
- Counts of one person written without a number ("a woman died"); hostages, abductions,
  escapes and recaptures, infections and "affected" people have no category.
- Breakdowns by place are not summed ("40 in Kabul and 12 in Kandahar" gives two figures,
  not 52); "casualties" alone (killed or injured?) is not a figure.
- Periods named otherwise than above ("over the past three months", "since the fighting
  resumed", "since the quake struck" is deliberately this event) stay ``current``; a
  year naming the current event in the past tense ("floods in 2024 killed 200", "the
  2024 floods killed 200") reads as background (the article's date is not consulted).
- Revisions phrased without "from", "initial/earlier", "up/down from" or a change verb in
  the same sentence ("The toll is now 133. It was 143 yesterday." gives 143 as current);
  a toll lowered in a later sentence that names a place ("the toll in Alto Serra was
  lowered to 21"), or without a toll noun ("later said 21 had died"), leaves the larger one.
- A predicate more than six words after the count with no "who/that" relative clause or
  noun modifier to skip ("two men whom police had sought for months in three provinces
  were detained"; "20 people, mostly day labourers from neighbouring provinces working at
  the site on the night shift, were killed"); a cue separated from the count by other
  words ("had been detained along with two employees").
- "N more" within one sentence, or after an earlier blast with no count of its own, stays
  a total ("a second blast killed 13 more"); "N of the victims were found in a car" (a
  weak head after "of", no predicate) is not a figure.
- A part named without "alone" or a subset marker ("the state capital's hospitals have
  admitted 1,100") is a total; moves between places without "moved"/"transferred"
  ("sent another 70 patients to nearby hospitals") read as hospital cues; a response
  noun in a list after "among the dead were" names its own category ("five children and
  two firefighters" gives ``other`` 2).
- Attackers named by a common noun ("two teenagers armed with handguns attacked") or
  counted after their noun ("the attackers, numbering about 100"); "searching for two
  suspects" is not missing while "searching for 16 people" is (a short list of suspect
  nouns decides); "rescuers were looking for two people who ..." is not read as missing.
- In an article with no known date, a year naming this event reads as an earlier one ("the
  floods in 2024 killed 200" is background); so does a month alone after "in" in a
  past-tense telling ("the floods in March killed 200"), whatever the article's date.
- Toll histories across sentences ("the first official figure was four dead. By midnight
  the department had raised it to 11") leave the earlier counts ``current`` (the largest
  still wins the headline); a breakdown in brackets after a labelled count ("Human lives
  lost: 26 (Delmar 14, Kessari 8)") is not read; "evacuated to 1,146 cyclone shelters"
  reads the shelters as people.
- Two tolls in one labelled line ("People killed: at least 86 (government); 112 according
  to community leaders"): the label reaches only the first. A later mention of an earlier
  event's dead without a date of its own ("the names of all 211 victims will be read out"
  in an anniversary piece) reads as current. Disease "cases" are never counts.
- "police put the number at 12,000" (a crowd) reads as arrested;
  "four of the wounded had since died" reads as injured; "forced tens of thousands from
  their homes" reads as ``other``; "where about 90 people spent the night" (a shelter named
  only before) and "searched for at least 30 others" have no category.
- May-rise wordings outside the list, the modal rule and the "higher" rule ("many more
  are feared among the dead", "the actual number was probably higher" with no category word); the source
  of a relative clause is taken for the sentence ("a toll that officials said was likely
  to rise"); attribution across sentences and nested quotes.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from analysis import schema
from analysis.figures.rules import Lexicon, load_lexicon, scan_sentence

__all__ = ["extract_figures", "headline_figures", "add_headline_figures", "figure_spans", "ledger_table",
           "figure_in_sentence", "load_lexicon"]

_INT_COLUMNS = ("sentence_idx", "value", "low", "high", "start", "end")
_BOOL_COLUMNS = ("vague", "may_rise", "as_toll")


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
    period_rows: list[dict] = []  # counts over a longer period ("since January"), background for now
    period_flagged: list[dict] = []  # of those, the ones a later may-rise cue flagged for want of another count
    article = None
    previous_category: str | None = None
    latest: dict[str, dict] = {}  # category -> latest current row of this article
    largest: dict[str, dict] = {}  # category -> largest current whole-event row so far (the headline so far)
    seen: dict[str, int] = {}  # category -> that row's value (0: only partial counts so far)
    for article_id, idx, text, start in zip(order["article_id"], order["idx"], order["text"], order["start"]):
        article_id = str(article_id)
        if article_id != article:
            article, previous_category, latest, largest, seen = article_id, None, {}, {}, {}
            period_latest: dict[str, dict] = {}  # category -> latest count over a longer period
            previous_had_figures = False
            article_rows: list[dict] = []
        scan = scan_sentence(text if isinstance(text, str) else "", lexicon=lex, previous_category=previous_category,
                             seen=seen, current_year=(published_years or {}).get(article_id),
                             after_toll=previous_had_figures and "killed" in seen)
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
    return _typed(schema.conform(pd.DataFrame(rows), "figures"))


def _keep_lone_period_counts(rows: list[dict], period_rows: list[dict], flagged: list[dict]) -> None:
    """A count over a longer period ("The outbreak has killed 187 people since March") is the article's own
    count when it has no other current whole-event count of that kind: set it back to current (in place).
    The may-rise flag a later cue gave such a count (``flagged``) is taken back when it stays background:
    the cue was about the event's own count."""
    if not period_rows:
        return
    totals = {(r["article_id"], r["category"]) for r in rows if r["status"] == "current" and r["scope"] == "total"}
    for row in period_rows:
        if (row["article_id"], row["category"]) not in totals:
            row["status"] = "current"
        elif any(row is f for f in flagged):
            row["may_rise"] = False



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
    ``_late_outliers``). Superseded, projected, background and partial figures never become
    headlines; when only such figures exist the headline is empty. ``injured``
    also counts ``hospitalized`` figures (everyone in hospital is injured): its headline is
    the largest current total of either category, and its rule says when a hospitalized
    figure was chosen. ``*_may_rise`` is True when the chosen figure, or another current
    figure of the same category and value, carries the flag.

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
    for record in figures.to_dict("records"):
        by_article.setdefault(record["article_id"], []).append(record)
    rows = []
    for article_id, group in by_article.items():
        row: dict[str, object] = {"article_id": article_id}
        for category in schema.HEADLINE_CATEGORIES:
            row.update(_headline(group, category))
        rows.append(row)
    return _typed_headlines(pd.DataFrame(rows, columns=columns))


def _headline_columns() -> list[str]:
    return [c for c in schema.columns("articles") if any(
        c == cat or c.startswith(cat + "_") for cat in schema.HEADLINE_CATEGORIES)]


def _flag(value: object) -> bool:
    return bool(value) if value is not None and not pd.isna(value) else False


def _late_outliers(totals: list[dict]) -> list[dict]:
    """Current death tolls that are probably about something wider than the event: after the first total
    of the article, over three times the largest total kept before it, and not given as the toll itself. A
    story states its toll early and raises it with toll wording ("the death toll rose to 24"); a much larger
    count further down with no such wording ("the monsoon has already killed 112 people") is usually a
    regional or seasonal count the period and background rules missed. A live blog's toll may grow far
    beyond its first one, step by step ("raises the toll to 38", "has risen to 51", "latest figures: 64
    dead"): each step is measured against the steps kept before it. Only for the dead: injured counts of
    different groups and hospitals legitimately differ that much."""
    ordered = sorted(totals, key=lambda f: (f["sentence_idx"], f["start"]))
    first = ordered[0]
    if _flag(first["vague"]):
        return []
    outliers, reference = [], first["value"]
    for f in ordered[1:]:
        if f["sentence_idx"] > first["sentence_idx"] and f["value"] > 3 * reference and not _flag(f.get("as_toll")):
            outliers.append(f)
        else:
            reference = max(reference, f["value"])
    return outliers


def _headline(group: list[dict], category: str) -> dict[str, object]:
    wanted = ("injured", "hospitalized") if category == "injured" else (category,)
    pool = [f for f in group if f["category"] in wanted]
    empty = {category: None, f"{category}_qualifier": "", f"{category}_low": None, f"{category}_high": None,
             f"{category}_may_rise": False, f"{category}_rule": "", f"{category}_figure_id": ""}
    current = [f for f in pool if f["status"] == "current"]
    totals = [f for f in current if f["scope"] == "total"]
    if not totals:
        return empty
    outliers = _late_outliers(totals) if category == "killed" else []
    kept = [f for f in totals if f not in outliers]
    # Largest value; ties: a precise figure over a vague one, a qualified one over a bare one (a headline's "17
    # bodies recovered" shortens the text's "at least 17 people drowned"), then the earliest in the text.
    chosen = min(kept, key=lambda f: (-f["value"], _flag(f["vague"]), f["qualifier"] == "exact", f["sentence_idx"],
                                      f["start"]))
    n = len(kept)
    rule = "only current whole-event figure" if n == 1 else f"largest of {n} current whole-event figures"
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
    if category == "injured" and chosen["category"] == "hospitalized":
        rule = "hospitalized figure counted as injured: " + rule
    may_rise = any(_flag(f["may_rise"]) for f in current
                   if f["category"] == chosen["category"] and f["value"] == chosen["value"])
    return {category: chosen["value"], f"{category}_qualifier": chosen["qualifier"],
            f"{category}_low": chosen["low"], f"{category}_high": chosen["high"],
            f"{category}_may_rise": may_rise, f"{category}_rule": rule,
            f"{category}_figure_id": chosen["figure_id"]}


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
    rows = rows.assign(figure=[figure_label(v, q, low=lo, high=hi) for v, q, lo, hi in
                               zip(rows["value"], rows["qualifier"], rows["low"], rows["high"])],
                       _undated=rows["published"].isna())
    rows = rows.sort_values(["_undated", "published", "source", "article_id", "start"], kind="stable")
    return rows[columns].reset_index(drop=True)


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
