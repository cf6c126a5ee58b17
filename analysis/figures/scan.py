"""One sentence through the figure rules: ``scan_sentence``.

``scan_sentence`` returns ``SentenceFigure`` records with offsets into the sentence;
``analysis.figures.ledger`` turns them into the ``figures`` table. The layers run in the
order of the ledger's rules: numbers become quantities and distractors are dropped
(``quantities``), each count is qualified (``qualifiers``), and each quantity's cues give
its figures (``_quantity_figures``: the category cues of ``counts`` weighed as rule 4 says,
the part cues of ``partials``, the status cues of ``status``). ``_resolve`` then reads the
sentence's figures together: inheritance, subsets, revisions within the sentence, places,
parts of an earlier toll. Last come ``background``, ``may_rise`` and ``attribution``.

0. A lead-in before a dash is scanned apart from the sentence: a dateline ("SANKT ORLEN,
   Feb. 17 (AFP) -"), a live blog's time stamp ("17:50 —"), a fact box's dated entry
   ("* SEPTEMBER 1996 -", whose figures are then background when the year is past).

Known misses: a lead-in written otherwise (a place name not in capitals, no dash after it)
is read as part of the sentence.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from analysis.figures.attribution import attribute
from analysis.figures.background import mark_background
from analysis.figures.counts import (victims_shot, before_cue, category_before, clause_whole, elliptic_tail, head_noun, label_cue,
                                     left_group_cue, list_head_category, predicate_cue, toll_cue)
from analysis.figures.lexicon import ADVERBS, AUX, HARMED, Lexicon, load_lexicon
from analysis.figures.may_rise import place_may_rise, rise_cues_alone
from analysis.figures.numbers import _NUMBER_WORDS, Tokens, numbers_in
from analysis.figures.partials import (RELATED, coordinated_total, group_end, left_coordination, located_in_scene,
                                       names_place, partial_marker)
from analysis.figures.qualifiers import qualify
from analysis.figures.not_counts import not_a_count
from analysis.figures.plural_members import member_of_the_dead
from analysis.figures.quantities import (ORDINALS, Quantity, SentenceFigure, group_quantities, is_distractor,
                                         link_wholes, mask_spans, ordinal_numbers)
from analysis.figures.status import (is_projected, is_running_total, is_superseded, opens_with_earlier, told_at_first,
                                     reached_via_change)

_HAS_DIGIT = re.compile(r"\d")
_ASCII_WORD = re.compile(r"[a-z]+")
_QUICK_WORDS = _NUMBER_WORDS | frozenset(ORDINALS) | frozenset(["dozens", "scores", "hundreds", "thousands",
                                                                 "millions"])
_SHARES = frozenset("half third thirds quarter quarters most many some several none majority all each few fraction "
                    "share percent which any either neither".split())


@dataclass
class SentenceScan:
    """What ``scan_sentence`` found: the figures and "may rise" cues it could not place."""

    figures: list[SentenceFigure]
    unplaced_may_rise: list[str]  # categories named by may-rise cues with no figure of theirs here


def scan_sentence(text: str, *, lexicon: Lexicon | None = None, previous_category: str | None = None,
                  seen: Mapping[str, int] | frozenset[str] = frozenset(),
                  current_year: int | None = None, after_toll: bool = False, shooting: bool = False) -> SentenceScan:
    """Every figure in one sentence (offsets into the sentence), per the rules of the layer modules.

    Args:
        text: the sentence.
        lexicon: word lists; defaults to ``load_lexicon()``.
        previous_category: category of the last figure of the previous sentence, used by
            subset markers with no cue of their own ("Among them were 12 children").
        seen: categories with a current figure earlier in the article: "a further 30 were
            injured" is an increment only if an injured count came before. A mapping gives
            each category's largest current whole-event value so far (0 when only partial
            counts came before): "14 bodies" recovered after a toll of 61 is a part of it.
        current_year: the article's publication year, when known: a year from it on names
            this event ("the floods in 2024 killed 200" in a 2024 article), not an earlier one.
        after_toll: the previous sentence gave figures and the article has a death toll so far:
            a may-rise cue whose subject is "it" is about the toll ("... it could go higher still").
        shooting: the article is about a shooting: "four victims" with no cue of their own are
            people shot, unless the sentence speaks of the dead (``counts.victims_shot``).
    """
    lex = lexicon or load_lexicon()
    lead = _DATELINE.match(text)
    if lead and lead.end() < len(text):
        return _after_dateline(text, lead, lexicon=lex, previous_category=previous_category, seen=seen,
                               current_year=current_year, after_toll=after_toll, shooting=shooting)
    if not _HAS_DIGIT.search(text) and _QUICK_WORDS.isdisjoint(_ASCII_WORD.findall(text.lower())):
        return _rise_only(text, lex, after_toll=after_toll)
    tok = Tokens.of(text)
    numbers = numbers_in(tok) + ordinal_numbers(tok)
    masks = mask_spans(text) if numbers else []
    if masks:
        numbers = [n for n in numbers if not any(a < n.end and n.start < b for a, b in masks)]
    if not numbers:
        return _rise_only(text, lex, tok, after_toll=after_toll)
    numbers.sort(key=lambda n: n.start)
    for n in numbers:
        tok.numbers.update(range(n.first, n.last))
    quantities = group_quantities(numbers, tok, lex)
    for q in quantities:
        qualify(q, tok, lex)
        tok.quantity_at[q.first] = q
    link_wholes(quantities, tok, lex)
    counts = [q for q in quantities if not is_distractor(q, tok, lex) and not not_a_count(q, tok)
              and not (q.member_of_count and q.value == 1)]
    for q in counts:  # cue scans step over the other numbers: "a magnitude 6.4 earthquake", "two kilometres"
        tok.counts.update(range(q.first, q.last))
    figures = [f for q in counts for f in _quantity_figures(q, tok, lex, shooting=shooting)]
    figures = _resolve(figures, tok, lex, previous_category, seen)
    if not figures:
        return _rise_only(text, lex, tok, after_toll=after_toll)
    mark_background(figures, tok, lex, current_year)
    for figure in figures:  # "The agency later lowered the toll to 21": the toll of the whole event changed
        if figure.toll and figure.via_change and figure.status == "current" and figure.scope == "total":
            figure.revises = not names_place(tok, lex)
    unplaced = place_may_rise(figures, tok, lex)
    attribute(figures, tok, lex)
    return SentenceScan(figures, unplaced)


# A lead-in before a dash: a dateline ("SANKT ORLEN, Feb. 17 (AFP) -", "MORANA, 3 October —"), a live blog's
# time stamp ("17:50 —") or a fact box's dated entry ("* SEPTEMBER 1996 -"). Places are in capitals.
_DATELINE = re.compile(
    r"\s*(?:[*•·▪]\s*)?"
    r"(?:(?P<caps>[A-Z][A-Z'’.\-]+(?:\s+[A-Z][A-Z'’.\-]+){0,3})"
    r"(?:,\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8})(?:,?\s+\d{4})?)?"
    r"(?:\s+(?P<year>\d{4}))?"
    r"|\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?)"
    r"\s*(?:\([^()]{1,40}\))?\s*[—–-]{1,2}\s+")


def _after_dateline(text: str, lead: re.Match, **scan_options) -> SentenceScan:
    """``scan_sentence`` of the text after a dateline or time stamp, with offsets into the whole sentence. A
    fact box entry dated by a month and a past year alone ("* SEPTEMBER 1996 - ... 412 people die") tells an
    earlier event: its figures are background."""
    scan = scan_sentence(text[lead.end():], **scan_options)
    year, current_year = lead.group("year"), scan_options.get("current_year")
    lex = scan_options["lexicon"]
    dated_entry = (year is not None and lead.group("caps").title() in lex.months
                   and (current_year is None or int(year) < current_year))
    for figure in scan.figures:
        figure.start += lead.end()
        figure.end += lead.end()
        if dated_entry and figure.status == "current":
            figure.status = "background"
    return scan


def _rise_only(text: str, lex: Lexicon, tok: Tokens | None = None, *, after_toll: bool = False) -> SentenceScan:
    """No figure here; a "may rise" cue still applies to figures of earlier sentences (``rise_cues_alone``)."""
    return SentenceScan([], rise_cues_alone(text, lex, tok, after_toll=after_toll))


def _quantity_figures(q: Quantity, tok: Tokens, lex: Lexicon, *, shooting: bool = False) -> list[SentenceFigure]:
    """The figures one quantity gives (none, one, or two for "the four gunmen" detained); ``q`` is
    not a distractor."""
    head = head_noun(q, tok, lex)
    before = before_cue(q, tok, lex)
    left = left_coordination(q, tok, lex)
    left_before = False
    if before is None and left is not None and left > 0:  # "killing a teacher and three students"
        match = lex.before.ending(tok.words, left - 1)
        if match and match[1] != "other":
            before, left_before = (str(match[1]), left - match[0]), True
    group = None
    if before is None and left is None and q.qstart >= 2 and tok.words[q.qstart - 1] == "and":
        group = left_group_cue(q, tok, lex)  # "killed the bomber and 14 others": 14, no sum
        if group is not None:
            before = group
    if before is None:
        before = label_cue(q, tok, lex)
    far_toll = False
    if before is None or not before[0]:
        toll = toll_cue(q, tok, lex)
        if toll is not None:
            before, far_toll = toll, True
    predicate = predicate_cue(q, tok, lex)
    if predicate is not None and not predicate[0]:  # a negated harm: "the two men in the car were not injured"
        return []
    if group is not None and before is group and predicate is not None and predicate[0] != group[0]:
        before = None  # "a man died at the scene and two others were wounded": the count's own verb
    words = tok.words
    if q.qstart >= 3 and words[q.qstart - 2:q.qstart] == ["of", "the"] and words[q.qstart - 3] in _SHARES:
        q.subset = q  # "more than half of the 500 residents": 500 is the whole, not the count
    if q.subset is not None:  # "22" in "19 of the 22 passengers were killed": only its own cues count
        predicate = None
        if head is None and (before is None or not before[0]):
            return []
    if q.numbers[0].kind == "ordinal":  # "a sixth died later": only as the subject of a predicate
        if predicate is None or (before and before[0]) or (head and head[0] != predicate[0]):
            return []
        nxt = words[q.last] if q.last < len(words) else ""
        if not (nxt in AUX or nxt in ADVERBS or nxt.endswith("ly") or nxt in lex.person_nouns
                or predicate[1] == q.last):
            return []  # "drilling a second shaft to reach the trapped men": an ordinal before a noun
        before, head = None, None
    partner = q.revision_of or q.revised_by
    if (before is None or not before[0]) and predicate is None and head is None and partner is not None:
        before = before_cue(partner, tok, lex) or toll_cue(partner, tok, lex) or before
        predicate = predicate_cue(partner, tok, lex)
    if head and head[3]:  # a head after "of" names the whole: "four of the injured are in critical condition"
        head = (head[0], "weak", head[2], head[3]) if head[1] in ("strong", "adjective") else None
    primary: str | None = None
    if head and head[1] == "strong":
        primary = head[0]
    elif before and before[0] and not (far_toll and head and head[1] == "adjective"):
        primary = before[0]  # a toll noun far back loses to "the over 100 injured attendees"
    elif predicate:
        primary = predicate[0]
    elif head and head[1] in ("weak", "adjective") and not (head[1] == "weak" and (
            tok.words[q.qstart - 1:q.qstart] in (["including"], ["among"])
            or tok.words[max(0, q.qstart - 2):q.qstart] in (["among", "them"], ["among", "whom"]))):
        primary = head[0]  # but "killed 44, including eight firefighters": a part of the dead, found later
        part = q.subset is not None and tok.words[max(0, q.qstart - 3)] not in ("all", "both")
        if shooting and victims_shot(head, tok, lex, part=part):
            primary = "shot"  # "Two victims were taken to the hospital" in a shooting story
    if primary == "missing" and not lex.missing_not_heads.isdisjoint(tok.words[q.tail:q.tail + 3]):
        primary = None  # "searching for two suspects" is a manhunt, not missing people
    if primary in (None, "evacuated", "other"):  # "Of the injured, 11 were airlifted": a part of the injured
        whole = clause_whole(q, tok, lex)
        if whole in HARMED:
            primary = whole
    categories: list[str] = []
    attackers_head = bool(head and head[1] == "attackers")
    if attackers_head and not head[3]:  # not "two of the attackers"
        categories.append("attackers")
    if primary and primary not in categories:
        categories.append(primary)
    stop = predicate[1] if predicate else len(tok.words)
    partial_kind = partial_marker(q, tok, lex, stop)
    coordinated = bool(predicate and predicate[3] and primary == predicate[0] and primary != "other")
    if coordinated:  # "five soldiers and a civilian were killed": a part of the listed whole
        partial_kind = partial_kind or "strong"
    toll = bool(before and before[0] and primary == before[0] and (far_toll or lex.tolls.at(words, before[1])))
    base = dict(start=q.start, end=q.end, number_text=tok.text[q.start:q.end], value=q.value, low=q.low,
                high=q.high, qualifier=q.qualifier, vague=q.vague, first=q.first, last=q.last, qstart=q.qstart,
                partial_kind=partial_kind, place=located_in_scene(q, tok, lex),
                via_change=reached_via_change(q, tok, lex), running_total=is_running_total(q, tok),
                coordinated=coordinated, toll=toll)
    made = [SentenceFigure(category=c, **base) for c in categories] or [SentenceFigure(category="", **base)]
    if not categories and before is not None and not before[0]:
        made[0].generic = True
    if coordinated and predicate and predicate[4] and made[0].category:
        total = coordinated_total(q, predicate, made[0], tok)
        if total is not None:
            made.append(total)
    if left is not None and primary and primary != "other" and not q.vague and (
            (predicate and primary == predicate[0]) or (left_before and primary == before[0])):
        # "the driver and three passengers were killed", "killing a teacher and three students": 3 is a part,
        # the group is 4
        made[0].partial_kind = made[0].partial_kind or "strong"
        if left_before and not (predicate and primary == predicate[0]):
            end = group_end(q, tok, lex)
        else:
            end = predicate[1] - 1
            while end > q.first and (tok.words[end] in AUX or tok.words[end] == ","):
                end -= 1
        value = q.value + 1
        low, high = {"exact": (value, value), "at_least": (value, None), "over": (value + 1, None)}.get(
            q.qualifier, (None, None))
        made.append(SentenceFigure(start=tok.starts[left], end=tok.ends[end],
                                   number_text=tok.text[tok.starts[left]:tok.ends[end]], category=primary,
                                   value=value, low=low, high=high, qualifier=q.qualifier, vague=False,
                                   first=q.first, last=q.last, qstart=q.qstart))
    if q.numbers[0].kind == "ordinal":
        made[0].ordinal = True
    if member_of_the_dead(tok, q.first, q.last, person_nouns=lex.person_nouns):
        for figure in made:  # "X was one of the riders killed": the dead are two at least, not one
            if figure.category == "killed" and (figure.start, figure.end) == (q.start, q.end):
                figure.value, figure.low, figure.high = 2, 2, None
                figure.qualifier, figure.vague, figure.partial_kind = "at_least", True, ""
    for figure in made:
        if figure.category in ("killed", "injured", "hospitalized") and attackers_head:
            figure.partial_kind = "strong"  # attackers killed are counted apart from the victims
        if head and head[1] == "strong":
            figure.strong_head = tok.words[head[2]]
        if q.revised_by is not None or is_superseded(q, tok, lex):
            figure.status = "superseded"
        elif is_projected(q, tok, lex, predicate[1] if predicate else None):
            figure.status = "projected"
    return made


def _resolve(figures: list[SentenceFigure], tok: Tokens, lex: Lexicon, previous_category: str | None,
             seen: Mapping[str, int] | frozenset[str] = frozenset()) -> list[SentenceFigure]:
    """Inheritance, subsets, revisions within the sentence, places, parts of an earlier toll."""
    words = tok.words
    list_head = list_head_category(tok, lex)
    resolved: list[SentenceFigure] = []
    for figure in figures:
        prev = resolved[-1] if resolved else None
        if not figure.category:
            inherit = None
            if prev is not None:
                between = words[prev.last:figure.qstart]
                linking = all(w in lex.fillers or w in (",", "and", "while", "with", "but", "-", "–", "later",
                                                        "then", "initially", "originally", "previously", "earlier")
                              for w in between)
                elliptic = (figure.qstart > 0 and words[figure.qstart - 1] in ("and", ",", "while", "but")
                            and elliptic_tail(figure, tok, lex))
                if (linking or elliptic or figure.partial_kind not in ("", "more", "other") or figure.generic
                        or figure.via_change or figure.status == "superseded"):
                    inherit = prev.category
            if inherit is None and list_head:
                inherit = list_head
                figure.partial_kind = "strong"
            if inherit is None and (figure.partial_kind in ("strong", "increment") or figure.generic):
                own_noun = figure.generic and figure.last < len(words) and words[figure.last] in lex.person_nouns
                # "A total of 18 workers were in the shaft": a count with a noun of its own and no cue is not
                # the previous sentence's kind
                inherit = category_before(figure, tok, lex) or (None if own_noun else previous_category)
            if inherit is None and figure.partial_kind == "of_them":
                inherit = previous_category
            if inherit is None:
                continue
            figure.category = inherit
            figure.inherited = True
        before_category = prev.category if prev else previous_category
        kind = figure.partial_kind
        if kind == "of_them" and figure.category == "evacuated" and before_category in ("injured", "hospitalized"):
            figure.category = before_category  # "29 were in hospital, and 11 of them had been moved to the capital"
        whole = kind[3:] if kind.startswith("of:") else ""
        if whole and any(f.category == "shot" and figure.last <= f.qstart <= figure.last + 3 for f in figures):
            whole = "shot"  # "two of the five victims died": the five were shot, and the two are the dead
        if (kind == "strong"
                or (kind == "of_them" and before_category and (
                    before_category == figure.category or (before_category, figure.category) in RELATED))
                or (kind == "increment" and figure.category != "other" and (figure.category in seen or any(
                    f.category == figure.category for f in resolved)))
                or (kind in ("more", "other") and figure.category != "other" and figure.category in seen
                    and not any(f.category == figure.category for f in resolved))
                or (whole and (whole == figure.category or (whole, figure.category) in RELATED
                               or (whole == "attackers" and figure.category in HARMED)))):
            figure.scope = "partial"  # "six of them critically"; not "14 survivors, two of whom died"
        if figure.ordinal:  # "five died and a sixth died later" -> 6; "two dead and a third wounded" -> 1 wounded
            earlier = [f.value for f in resolved if f.status == "current"]
            same = [f.value for f in resolved if f.category == figure.category and f.status == "current"]
            if figure.value - 1 in earlier and figure.value - 1 not in same:
                figure.value = figure.low = figure.high = 1
        if prev and prev.coordinated and prev.category == figure.category and words[figure.qstart - 1] == "and":
            figure.scope = "partial"  # "27 passengers and two crew members died"
        for earlier in resolved:
            if earlier.category != figure.category or earlier.status != "current" or earlier.scope != "total":
                continue
            if figure.running_total:  # "Two more victims died, raising the toll to 17": 2 is an increment
                earlier.scope = "partial"
            elif figure.via_change and figure.status == "current":  # "stood at 89 ..., rose to 104"
                earlier.status = "superseded"
        resolved.append(figure)
    for toll in resolved:  # "the toll had risen to 14 after two critically injured employees died": 2 is an increment
        if toll.toll and (toll.via_change or toll.running_total) and toll.status == "current":
            for figure in resolved:
                if (figure.category == toll.category and not figure.toll and figure.status == "current"
                        and figure.value < toll.value):
                    figure.scope = "partial"
    if words[:1] == ["among"]:  # "Among the 29 dead were seven foreign tourists": what follows the verb is a subset
        verb = next((i for i, w in enumerate(words) if w in ("were", "are", "was", "is", "included", "include")), None)
        for figure in resolved:
            if verb is not None and figure.first > verb:
                figure.scope = "partial"
    if opens_with_earlier(words):
        for figure in resolved:  # "Initially, authorities said 52 people had died."
            if figure.status == "current" and not figure.via_change:
                figure.status = "superseded"
    for figure in resolved:  # "Police originally told reporters that eight people were wounded."
        if figure.status == "current" and not figure.via_change and told_at_first(words, figure.first):
            figure.status = "superseded"
    for figure in resolved:  # places make a count partial for bodies, or for a breakdown
        if figure.place and figure.status == "current" and figure.scope == "total":
            same = sum(1 for f in resolved if f.category == figure.category and f.status == "current")
            if figure.strong_head in ("bodies", "corpses") or same >= 2 or figure.inherited:
                figure.scope = "partial"
    if isinstance(seen, Mapping) and seen:  # a count below the article's toll so far: bodies found, one place
        named_place = None
        for figure in resolved:
            so_far = seen.get(figure.category, 0)
            if (figure.status != "current" or figure.scope != "total" or figure.value >= so_far or figure.toll
                    or figure.via_change or figure.generic or figure.coordinated):
                continue
            if named_place is None:
                named_place = names_place(tok, lex)
            if figure.strong_head in ("bodies", "corpses") or named_place:
                figure.scope = "partial"  # "recovered 14 bodies" after 61 dead; "In Marun, 1,540 people had died"
    return resolved
