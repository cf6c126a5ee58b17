"""Counts about another, earlier event or over a longer period than the event: the
``background`` part of rule 7 of the order in ``analysis.figures.ledger``.

``mark_background`` sets the status of the figures in the clauses ``_background_clauses``
(an earlier event) and ``_period_clauses`` (a longer period) find; ``extract_figures`` sets
a period count back to ``current`` when the article has no other count of its kind.

``background`` for counts about another, earlier event or a longer period: a clause with a
bare past year ("killed more than 1,700 people in 2022", "since 2015", "between 2016 and
2022"; a date such as "on 22 March 2024" is not one) or one ending a time phrase ("in the
summer of 2003", "in September 2019", "during early 2015", also as an aside: "The last
comparable flooding, in November 2010, killed 26"), a month alone after "in" in a past-tense
telling ("in May a bombing killed 21": a story dates its own event by weekday) or before ",
when" ("the deadliest since March, when 45 soldiers were killed"), a year before the
article's publication year when it is known (a year from it on names this event: "floods in
March 2024 killed 200" in a 2024 article stays current), a year naming an event ("the 2004
tsunami"), or a year after "the/of/a ..." with a history cue ("the deadliest since 2015,
when 224 died"); a clause with "years ago", "so far this year", "earlier this year"; the
whole segment after "In 2013," or "; in 2019,"; both sides of an aside ", in 1981,"; the
whole sentence after "Last month," or "Ten years ago," or after an opening phrase with a
past year and no count ("In an attack on the same centre in 2016, 33 recruits were killed").
A year naming an event in a present-tense clause is this event ("The 2024 floods have
displaced 40,000" stays current). Counts over a longer period than the event ("since
January" -- a month, not a date --, "since the protests began", "since the start of the
war", "in such raids", "this year/winter/season" -- in the sentence's first clause, the whole sentence: "Nine teens
have been shot in the county this year, three of them fatally" --, and a ", which"/", that" clause right
after one: "six bombings since January, which have killed more than 90") are ``background``
unless the article has no other current whole-event count of their kind ("The outbreak has
killed 187 people since it began in March" alone stays current).

From US local reporting: a full date of a past year in an article whose year is known ("the
July 19, 2012, theater shooting" in a 2015 article) tells an earlier event, and so does the rest of its
sentence ("... shooting that left 12 dead and 70 wounded"); so does a line headed by a past date ("May
1999: ..."); counts over several incidents (the lexicon's ``periods``: "in 14 separate shootings",
"across the city", "weekend shootings", "shootings overnight", "a spate of shootings", "this month", "each year",
"annually", "police statistics"; "in" a few words without a determiner and "shootings": "in Monday shootings",
"in two South Side shootings", not "in the shootings"; people shot "in four hours") are counts over a longer period, the whole sentence when the phrase is in
its first clause ("Citywide, ... with 100 killed"), and every count before it when such a tally phrase (or "in a
five-hour span", "in four hours") stands later with nothing but commas, "and", asides and dashes before it ("Three
people were killed and 11 others wounded, including two children, in Monday shootings"; not past "while", "when",
"which", ";" and other words that open a clause of another kind). People shot give the injured a count of their own, so a
lone injured count over a longer period stays background beside them.

Known misses:
- A recap of another shooting told with a weekday or no date ("On Friday, a man was killed
  in another part of town"), a related-story teaser without a dash, and "since Friday" (kept
  as this event's own days: a disaster's toll is counted so) stay current; a full date of the
  previous year in an article published days later (a New Year's Eve shooting) reads as earlier.
- Periods named otherwise than above ("over the past three months", "since the fighting
  resumed", "since the quake struck" is deliberately this event) stay ``current``.
- In an article with no known date, a year naming this event reads as an earlier one ("the
  floods in 2024 killed 200" is background); so does a month alone after "in" in a
  past-tense telling ("the floods in March killed 200"), whatever the article's date.
- A later mention of an earlier event's dead without a date of its own ("the names of all
  211 victims will be read out" in an anniversary piece) reads as current.
"""

from __future__ import annotations

from analysis.figures.lexicon import Lexicon
from analysis.figures.numbers import Tokens
from analysis.figures.quantities import YEAR, SentenceFigure

_PAST_YEAR_PREPS = frozenset(["in", "since", "during", "between"])  # "in 2019", not "the 2019 floods" or "March 2024"
_ASIDE_MARKS = frozenset([",", "(", ")", "—", "–"])


def _clauses(tok: Tokens) -> list[int]:
    """Clause number of every token (clauses split at , ; : ( ) and dashes)."""
    out, n = [], 0
    for w in tok.words:
        if w in (",", ";", ":", "(", ")", "—", "–"):
            n += 1
        out.append(n)
    return out


def _background_clauses(tok: Tokens, lex: Lexicon, current_year: int | None = None) -> set[int] | None:
    """Clauses about another, earlier event; None for the whole sentence.

    A clause is marked by a strong phrase ("years ago", "the deadliest since", "so far this
    year"), by a bare year after "in"/"since"/"during" ("killed 1,700 people in 2022"; a date
    such as "on 22 March 2024" is not bare), or by a year after another preposition ("the 2002
    siege") when the sentence has a history cue ("deadliest", "since", "when"). A segment
    (the sentence, or its part after ";") that opens with "in 2013" is marked whole; a
    parenthetical ", in 1981," marks the clauses on both sides of it. The clause after a marked
    one is marked too when it opens with "when", "where" or "in which"; a marked opening
    clause ("Ten years ago, ...") marks the sentence.
    """
    words, raw = tok.words, tok.raw
    if words and words[0] in lex.background_openers.by_first and lex.background_openers.at(words, 0):
        return None  # "Last month, a bomb at the same market killed 30 people."
    if _past_year_heading(tok, lex, current_year):
        return None  # "May 1999: a gunman killed six at a factory" (one line of a list of earlier shootings)
    last_words = lex.background_strong.by_last
    months = _past_months(tok, lex)
    if last_words.keys().isdisjoint(words) and not any(len(w) == 4 and w[0] in "12" for w in words) \
            and not months:
        return set()
    strong = [i for i, w in enumerate(words) if w in last_words and lex.background_strong.ending(words, i)]
    years = [i for i, w in enumerate(words) if len(w) == 4 and YEAR.fullmatch(w) and i > 0
             and (words[i - 1] in lex.year_preps or raw[i - 1] in lex.months or words[i - 1] in _TIME_PHRASE_WORDS
                  or _dated(raw, i, lex, current_year))
             and (current_year is None or int(w) < current_year)]  # the article's own year is this event's
    if not strong and not years and not months:
        return set()
    clause_of = _clauses(tok)
    # "in 2019", "since 2015"; "the 2004 tsunami", "a 2017 blaze" (a year naming an event)
    # "The 2024 floods have displaced 40,000": a year naming an event told in the present tense is this event
    current_event = {i for i in years if words[i - 1] in ("the", "a") and _present_after(words, clause_of, i)}
    bare = [i for i in years if words[i - 1] in _PAST_YEAR_PREPS or _in_time_phrase(tok, lex, i)
            or _dated(raw, i, lex, current_year) or (
        words[i - 1] in ("the", "a") and i + 1 < len(words) and _event_noun_at(words, i + 1, lex)
        and i not in current_event)] + months
    has_cue = any(lex.background_cues.at(words, i) for i in lex.background_cues.positions(words))
    marked = ({clause_of[i] for i in strong} | {clause_of[i] for i in bare}
              | ({clause_of[i] for i in years if i not in current_event} if has_cue else set()))
    if not marked:
        return set()
    if 0 in marked and clause_of[-1] > 0 and (lex.background_strong.at(words, 0) or _opens_with_year(tok, lex)
                                              or any(lex.background_strong.at(words, i) for i in range(0, 4))
                                              or _opening_phrase_with_year(tok, bare, clause_of)):
        return None
    extra = set()
    for i in bare:
        start = _phrase_start(tok, lex, i)  # "in" of "in 1981", "in November 2010"
        if 1 <= start and i < len(words) - 1 and words[start - 1] in _ASIDE_MARKS and words[i + 1] in _ASIDE_MARKS:
            extra |= {clause_of[i] - 1, clause_of[i] + 1}  # "The worst accident, in November 1981, killed 200 people"
        opener = i - 1 if words[i - 1] != "in" or i < 2 or words[i - 2] != "back" else i - 2
        if opener == 0 or words[opener - 1] == ";":  # "...; in 2019, a tanker explosion killed 50 people"
            k = i
            while k < len(words) and words[k] != ";":
                extra.add(clause_of[k])
                k += 1
    for i in bare:
        if _dated(raw, i, lex, current_year):  # "the July 19, 2012, Aurora theater shooting that left 12 dead and 70
            k = i                              # wounded": what follows a full past date is that event's
            while k < len(words) and words[k] != ";":
                extra.add(clause_of[k])
                k += 1
    for i, w in enumerate(words):
        if w == "," and i + 1 < len(words) and clause_of[i] - 1 in marked:
            nxt = words[i + 1:i + 3]
            if nxt[:1] in (["when"], ["where"]) or nxt in (["in", "which"], ["which", "killed"], ["that", "killed"]):
                extra.add(clause_of[i])
    return marked | extra


def mark_background(figures: list[SentenceFigure], tok: Tokens, lex: Lexicon, current_year: int | None) -> None:
    """Set the current figures of clauses about an earlier event to ``background``, and those of clauses counting
    over a longer period to ``background`` with ``period`` (``extract_figures`` may set them back)."""
    background = _background_clauses(tok, lex, current_year)
    period = _period_clauses(tok, lex)
    if background is None or background or period is None or period:
        clause_of = _clauses(tok)
        for figure in figures:
            if figure.status != "current":
                continue
            if background is None or clause_of[figure.first] in background:
                figure.status = "background"
            elif period is None or clause_of[figure.first] in period:
                figure.status, figure.period = "background", True


_PERIOD_WORDS = frozenset("since such this hour hours shootings".split())  # one of them or no period to read
_PERIOD_STARTS = frozenset("began started begun erupted start beginning outbreak onset".split())
_LONG_PERIODS = frozenset("year winter summer spring autumn season monsoon decade century".split())
_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
_SHOT_WORDS = frozenset("shot shootings".split())


def _dated(raw: list[str], i: int, lex: Lexicon, current_year: int | None) -> bool:
    """A full date of a past year in an article whose year is known: "the July 19, 2012, theater shooting" (or "Nov.
    5, 2009,") in a 2015 article tells an earlier event."""
    month = i - 4 if i >= 4 and raw[i - 3] == "." else i - 3  # "Nov. 5, 2009,": the abbreviation's point apart
    return (current_year is not None and month >= 0 and raw[i - 1] == "," and raw[month].rstrip(".") in lex.months
            and raw[i - 2].isdigit())


def _period_clauses(tok: Tokens, lex: Lexicon) -> set[int] | None:
    """Clauses counting over a longer period than the event; None for the whole sentence.

    "since January" (a month, not a date: "since June 1" is one day), "74 shot since Friday" (a tally of
    shootings over days; not "since Friday's shooting", nor a toll of days of fighting or floods "since Friday"), "since the protests began", "since the start of the war", "in such raids", "this year/winter/season", shootings
    "in a five-hour span" / "over an eight-hour stretch" / "in four hours" (several shootings tallied). A "since" phrase that opens the
    sentence marks all of it, and so does "this year/winter/..." in its first clause: the counts after a comma are
    parts of that period's tally ("Eleven people have been wounded in Westbrook this year, four fatally"; known miss:
    a later clause telling this event, "... this year, and two more died on Friday", is marked too, as is a sentence
    whose "this year" only describes its subject). ``extract_figures`` keeps such a count current when the article
    has no other count of its kind.
    """
    words, raw = tok.words, tok.raw
    roundup = [i for i in lex.period_phrases.positions(words) if lex.period_phrases.at(words, i)]
    if not roundup and _PERIOD_WORDS.isdisjoint(words):
        return set()
    clause_of = _clauses(tok)
    if any(clause_of[i] == 0 for i in roundup) and clause_of[-1] > 0:
        return None  # "Citywide, shootings remain at last year's level, with 100 killed and 163 shot"
    marked: set[int] = {clause_of[i] for i in roundup}  # "in 33 separate shootings across the city"
    tallies: list[int] = []  # shootings tallied: "in Monday shootings", "in a five-hour span"
    for i, w in enumerate(words):
        hit = False
        if w == "this" and words[i + 1:i + 2] and words[i + 1] in _LONG_PERIODS:
            hit = i > 0  # "has already killed 112 people in floods this year"; not "This year's festival ..."
        elif w == "since" and i + 1 < len(words):
            if raw[i + 1] in lex.months and not (i + 2 < len(words) and tok.is_number(i + 2)):
                hit = True  # "since January"
            elif words[i + 1] in _WEEKDAYS and _SHOT_WORDS & set(words):
                hit = True  # "74 people shot since Wednesday afternoon": a tally of shootings over days
            elif words[i + 1] in ("the", "a", "it", "they"):
                for k in range(i + 2, min(len(words), i + 8)):
                    if words[k] in (",", ";", ".", ":") or tok.is_number(k):
                        break
                    if words[k] in _PERIOD_STARTS:
                        hit = True  # "since the protests began", "since the start of the war"
                        break
        elif w == "such" and i + 1 < len(words) and _event_noun_at(words[:i + 3], i + 1, lex):
            hit = True  # "in such raids", "such attacks"
        elif w == "hour" and i >= 2 and words[i - 1] == "-" and words[i + 1:i + 2] in (["span"], ["stretch"], ["period"]) \
                and _SHOT_WORDS & set(words):
            hit = True  # "eight people were shot in a five-hour span": shootings over hours, a tally of several
        elif w == "hours" and i >= 2 and words[i - 2] in ("in", "within", "over") and tok.is_number(i - 1) \
                and _SHOT_WORDS & set(words):
            hit = True  # "six people shot in four hours": a tally of several shootings, as with a span
        elif w == "shootings" and _in_plain_shootings(words, i):
            hit = True  # "killed in Monday shootings on the South and West sides", "in two South Side shootings"
        if hit:
            if i == 0 or (w == "this" and clause_of[i] == 0 and clause_of[-1] > 0):
                return None  # "... wounded in Westbrook this year, four fatally": the period is the sentence's
            marked.add(clause_of[i])
            if w in ("hour", "hours", "shootings"):
                tallies.append(i)
    for i in roundup + tallies:
        if clause_of[i] > 0 and _one_telling_before(words, i):
            # "Three people were killed and 11 others wounded, including two children, in Monday shootings": the
            # asides before the tally split no count off it
            marked.update(range(clause_of[i]))
    for i, w in enumerate(words[:-1]):  # "six bombings since January, which have killed more than 90"
        if w == "," and clause_of[i] - 1 in marked and words[i + 1] in ("which", "that"):
            marked.add(clause_of[i])
    return marked


# words that open a clause of its own, telling something else than the tally after them
_OTHER_CLAUSE = frozenset("; : but while whereas though although when after before as which who whom whose where "
                          "because".split())


def _one_telling_before(words: list[str], i: int) -> bool:
    """Do the words before ``i`` tell one thing, joined by commas, "and", asides and dashes only ("Two women died,
    one of them a nurse, and five others were hurt ..."), so that a tally phrase at ``i`` covers
    every count before it? Not when a clause of another kind stands between ("..., while ...", "...; ...")."""
    return _OTHER_CLAUSE.isdisjoint(words[:i])


_OWN_SHOOTINGS = frozenset("the these those both his her their its this that a an".split())


def _in_plain_shootings(words: list[str], i: int) -> bool:
    """Is "shootings" at ``i`` the end of "in [up to four words] shootings" with no determiner ("in Monday shootings",
    "in 17 shootings across the city", "in shootings from Friday to Sunday"): a tally of several incidents? Not "in
    the shootings" (one event told in the plural: "five were killed in the shootings at two churches")."""
    for k in range(i - 1, max(-1, i - 6), -1):
        if words[k] in ("in", "from"):
            return True
        if words[k] in _OWN_SHOOTINGS or not (words[k].isalnum() or words[k] == "-"):
            return False
    return False


def _event_noun_at(words: list[str], i: int, lex: Lexicon) -> bool:
    """An event noun at ``i`` or one word on: "tsunami" in "the 2004 tsunami", "the 2004 Indian Ocean tsunami"."""
    return any(w in lex.event_nouns for w in words[i:i + 4])


_PRESENT = frozenset("has have is are remain remains continue continues".split())


def _past_months(tok: Tokens, lex: Lexicon) -> list[int]:
    """"in May a bombing ... killed 21", "In March, a raid ... killed 23": a month after "in", with no day or
    year after it, in a past-tense telling; or "since March, when ..." (the when-clause tells the earlier
    event). A news story dates its own event by weekday ("on Saturday"), so a month alone names an earlier
    one; not "the outbreak that began in March has killed 200" (a present tense after the month, or a start
    verb before "in")."""
    words, raw = tok.words, tok.raw
    found = []
    for i in range(1, len(words)):
        if raw[i] in lex.months and words[i - 1] == "in" and not (i + 1 < len(words) and tok.is_number(i + 1)) \
                and not (i >= 2 and words[i - 2] in _PERIOD_STARTS):
            end = words.index(";", i) if ";" in words[i:] else len(words)
            if _PRESENT.isdisjoint(words[i + 1:end]):
                found.append(i)
        elif raw[i] in lex.months and words[i - 1] == "since" and words[i + 1:i + 3] == [",", "when"]:
            found.append(i)  # "the deadliest attack since March, when 45 soldiers were killed"
    return found


_TIME_PHRASE_WORDS = frozenset("the of early late mid summer spring autumn fall winter".split())


def _phrase_start(tok: Tokens, lex: Lexicon, i: int) -> int:
    """Where the time phrase ending in the year or month at ``i`` starts: the "in" of "in 1981", "in March 2016",
    "in the summer of 2003" (at most three words between); ``i - 1`` when there is no such phrase."""
    words, raw = tok.words, tok.raw
    k = i - 1
    while k >= 0 and i - k <= 3 and (words[k] in _TIME_PHRASE_WORDS or raw[k] in lex.months):
        k -= 1
    return k if k >= 0 and words[k] in ("in", "during", "since") else i - 1


def _in_time_phrase(tok: Tokens, lex: Lexicon, i: int) -> bool:
    """Is the year at ``i`` the end of a time phrase after "in"/"during": "in the summer of 2003", "in March
    2016", "in early 2019" ("on March 22, 2024" is a date, not a phrase)?"""
    start = _phrase_start(tok, lex, i)
    return start < i - 1 and tok.words[start] in ("in", "during")


def _present_after(words: list[str], clause_of: list[int], i: int) -> bool:
    """Is the clause of the year at ``i`` in the present (perfect) tense after it ("have displaced", "are")?"""
    k = i + 1
    while k < len(words) and clause_of[k] == clause_of[i]:
        if words[k] in _PRESENT:
            return True
        k += 1
    return False


def _past_year_heading(tok: Tokens, lex: Lexicon, current_year: int | None) -> bool:
    """A sentence headed by a date of a past year and a colon or dash ("May 1999:", "1999 -", "May 4, 1999:"),
    the way a list of earlier shootings is written; the article's own year does not count."""
    raw = tok.raw
    for k, word in enumerate(raw[:5]):
        if YEAR.fullmatch(word):
            before = [w.rstrip(".") for w in raw[:k] if w not in (",", ".")]
            dated = all(w in lex.months or w.isdigit() for w in before) and (not before or before[0] in lex.months)
            return (dated and current_year is not None and int(word) < current_year
                    and raw[k + 1:k + 2] in ([":"], ["-"], ["–"], ["—"]))
    return False


def _opening_phrase_with_year(tok: Tokens, bare: list[int], clause_of: list[int]) -> bool:
    """"In an attack on the same centre in 2016, 33 recruits were killed": an opening phrase after "in"/"during"
    with no number but its past year sets the time of the whole sentence."""
    words = tok.words
    return bool(words) and words[0] in ("in", "during") and any(clause_of[i] == 0 for i in bare) and not any(
        tok.is_number(k) and not YEAR.fullmatch(words[k]) for k in range(len(words)) if clause_of[k] == 0)


def _opens_with_year(tok: Tokens, lex: Lexicon) -> bool:
    words = tok.words
    return len(words) > 2 and words[0] in ("in", "back") and any(YEAR.fullmatch(w) for w in words[1:3])
