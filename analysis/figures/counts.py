"""What a number counts: its category, from cues around it (rule 4 of the order in
``analysis.figures.ledger``).

Each cue finder returns what it found: a head noun (``head_noun``), a cue before the
number (``before_cue``, ``left_group_cue``, ``label_cue``), a toll noun further back
(``toll_cue``), a predicate after it (``predicate_cue``), a clause naming the whole
(``clause_whole``). ``analysis.figures.scan`` weighs them in the order the rule gives and,
for a number with no cue of its own, lets it inherit (``elliptic_tail``,
``list_head_category``, ``category_before``).

4. Category, from cues around the number: a *head* noun right after it ("28 bodies", "four
   gunmen"), a *before* cue with only filler words between ("killing at least 60", "the
   death toll rose to 133", "the arrest of four men"; past one person listed first: "killing
   a teacher and three students", "killed the bomber and 14 others"; but a count with a predicate of
   its own after it takes that predicate: "a man died at the scene and two others were wounded" ->
   injured), a toll noun up to 24 words back in the clause when a linking word or a change verb
   stands right before the
   number ("the death toll from a magnitude 6.4 earthquake that struck ... has risen to 96",
   "the number of people killed by Monday's earthquake ... rose above 2,100"; not across ",
   while/but/though"), or an *after* predicate up to six words on ("60 people were killed",
   "over 107 individuals battling for survival in hospitals"; a relative clause in between,
   prepositions inside it included, does not count toward the six: "nine fishermen who set
   out before the storm remain missing"; nor, up to eight more words, a modifier opening
   after the person noun with a preposition or a reduced relative: "200 pupils at a boarding
   school in the eastern town of Kibale were taken to hospital", "two brothers accused of
   carrying out the attack were detained"; nor an aside in dashes that only names people, with no number: "two
   others — a man and a woman — were taken to a hospital"). A strong head wins, then a before cue, then the
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
   gives three no killed figure; "two deputies who shot and killed a man" neither, while "were killed a block
   away" is passive). A relative clause hung on an event noun ("questioned two men about a shooting that left a
   woman dead") tells the event's toll, not the count's; an attempted killing ("the attempted murder of three
   officers") is no death. A negated predicate counts nobody, and the number is no figure ("the two men in the car
   were not injured", "weren't hurt", "had never been shot"; but "were not seriously injured" are injured). Attackers heads add an ``attackers`` figure beside any
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

People shot (category ``shot``, not a headline category): "four people were shot", "shot four
people in a bar", "the shooting of five teens". An outcome wins: "shot and killed", "fatally
shot", "shot dead" are killed; "shot and wounded", "non-life-threatening injuries", "grazed"
are injured. Gunshot wounds say who was shot, the dead among them ("officers found three victims
with gunshot wounds", "four men suffered gunshot wounds": shot), except in a hospital's count
("the hospital received six patients with gunshot wounds": injured). In a shooting story (the ledger passes ``shooting``: a shooting
word anywhere in the article), "four victims" with no cue of their own are people shot, unless
their sentence speaks of the dead (coroner, vigil, names, toll: ``victims_shot``; not a capitalised word
inside it, part of a name: "Jackson Memorial Hospital", "the Homicide Unit"); the word
lists are the lexicon's ``shot`` category. The ledger derives injured from shot (rule
``derived``).

Known misses:
- "triple shooting" and "double homicide" have no number to read (the people layer counts them,
  ``analysis.figures.victims``); "two victims" in a
  shooting story's sentence about the dead without one of the dead words stays shot.
- Counts of one person written without a number ("a woman died"); hostages, abductions,
  escapes and recaptures, infections and "affected" people have no category; "casualties"
  alone (killed or injured?) is not a figure; disease "cases" are never counts.
- A predicate more than six words after the count with no "who/that" relative clause or
  noun modifier to skip ("two men whom police had sought for months in three provinces
  were detained"; "20 people, mostly day labourers from neighbouring provinces working at
  the site on the night shift, were killed"); a cue separated from the count by other
  words ("had been detained along with two employees").
- "N of the victims were found in a car" (a weak head after "of", no predicate) is not a
  figure; moves between places without "moved"/"transferred" ("sent another 70 patients
  to nearby hospitals") read as hospital cues.
- Attackers named by a common noun ("two teenagers armed with handguns attacked") or
  counted after their noun ("the attackers, numbering about 100"); "searching for two
  suspects" is not missing while "searching for 16 people" is (a short list of suspect
  nouns decides); "rescuers were looking for two people who ..." is not read as missing.
- A breakdown in brackets after a labelled count ("Human lives lost: 26 (Delmar 14,
  Kessari 8)") is not read; two tolls in one labelled line ("People killed: at least 86
  (government); 112 according to community leaders"): the label reaches only the first;
  "evacuated to 1,146 cyclone shelters" reads the shelters as people.
- "police put the number at 12,000" (a crowd) reads as arrested; "four of the wounded had
  since died" reads as injured; "forced tens of thousands from their homes" reads as
  ``other``; "where about 90 people spent the night" (a shelter named only before) and
  "searched for at least 30 others" have no category.
"""

from __future__ import annotations

from analysis.figures.lexicon import AUX, DETERMINERS, HARMED, SEGMENT_SPLITS, STOPS, Lexicon
from analysis.figures.numbers import Tokens
from analysis.figures.quantities import Quantity, SentenceFigure

_OBJECT_PRONOUNS = frozenset("him her them us me everyone everybody anyone".split())
_TIME_NOUNS = frozenset("night day morning afternoon evening weekend week month year".split())
_PAREN_OPENERS = frozenset(
    "including among mostly mainly largely many most some all both according officials police authorities "
    "witnesses reportedly he she they it the".split()
)
_TOLL_LINKS = frozenset(
    "to at of is was stood stands reached reaches hit passed topped exceeded surpassed now numbered numbers "
    "totalled totaled totals total remains remained reaching bringing putting set exceed reach top surpass "
    "exceeds tops from".split()
)
_TOLL_REACH = 24  # tokens back from the number to a toll noun: "The death toll from a magnitude 6.4 earthquake that ..."


def _starts_object(tok: Tokens, i: int, lex: Lexicon) -> bool:
    """Does a noun phrase (the object of a transitive verb) start at token ``i``? Not a time phrase: "six people
    were shot the night before", "killed that morning"."""
    words = tok.words
    if i >= len(words):
        return False
    w = words[i]
    if w in DETERMINERS and i + 1 < len(words) and words[i + 1] in _TIME_NOUNS:
        return False
    if tok.is_number(i) or w in DETERMINERS or w in _OBJECT_PRONOUNS or w in lex.person_nouns:
        return True
    qualifier = lex.qualifier_before.at(words, i)
    return bool(qualifier and tok.is_number(i + qualifier[0]))


def head_noun(q: Quantity, tok: Tokens, lex: Lexicon) -> tuple[str, str, int, bool] | None:
    """Category, strength, token index of a head noun right after the number, and whether
    it was reached through "of" ("two of the attackers")."""
    words = tok.words
    p = q.tail
    via_of = False
    for _ in range(3):
        if p >= len(words):
            return None
        if tok.is_number(p):
            if q.superset is not None and q.superset.first == p:
                p = q.superset.last
                continue
            return None
        match = lex.head.at(words, p)
        if match:
            category, strength = match[1]  # type: ignore[misc]
            if strength == "strong" and words[p + match[0]:p + match[0] + 1] and (
                    words[p + match[0]] in lex.person_nouns):
                strength = "adjective"  # "two wounded soldiers died": a predicate or a cue before decides
            return category, strength, p, via_of
        w = words[p]
        if not w.isalpha() or w in AUX or w in STOPS or lex.after.at(words, p):
            return None
        if w == "of":  # "12 of the victims"
            via_of = True
            p += 1
            if p < len(words) and words[p] in ("the", "them", "those", "whom", "these"):
                p += 1
            continue
        p += 1
    return None


def _skip_parenthetical(tok: Tokens, p: int, lex: Lexicon) -> int | None:
    """At a comma: the index after a skippable aside (", including 12 children,"), else None."""
    words = tok.words
    if p + 1 >= len(words):
        return None
    opener = words[p + 1]
    for k in range(p + 2, min(len(words), p + 14)):
        if words[k] in (",", ")"):
            segment = words[p + 1:k]
            has_verb = any(lex.attribution_verbs.at(words, m) for m in range(p + 1, k))
            has_number = any(tok.is_number(m) for m in range(p + 1, k))
            if opener in ("including", "among", "mostly", "mainly", "many", "most") or has_verb:
                return k + 1
            if tok.is_number(p + 1) and "of" in segment[:4] and ("them" in segment or "whom" in segment):
                return k + 1  # "nine people, six of them children, died"
            if opener in _PAREN_OPENERS and not has_number and len(segment) <= 6:
                return k + 1
            return None
        if words[k] in (".", ";", ":"):
            return None
    return None


_MOVED_TO = frozenset("taken brought rushed sent airlifted flown transferred referred transported admitted".split())
_HOSPITAL_NOUNS = frozenset("hospital hospitals clinic clinics infirmary".split())


def _to_named_hospital(words: list[str], p: int) -> tuple[int, tuple[str, bool]] | None:
    """"were brought to the Masbaro Provincial Hospital", "taken to Sunbury Hospital": a move to a hospital named
    by up to four words, as an ``after`` cue match ``(length, (category, transitive))``."""
    if words[p] not in _MOVED_TO or words[p + 1:p + 2] != ["to"]:
        return None
    for k in range(p + 2, min(len(words), p + 7)):
        if words[k] in _HOSPITAL_NOUNS:
            return k - p + 1, ("hospitalized", False)
        if not words[k].isalpha():
            return None
    return None


def predicate_cue(q: Quantity, tok: Tokens, lex: Lexicon, *,
                  limit: int = 6) -> tuple[str, int, int, bool, list[Quantity | None]] | None:
    """Category, token index and length of the predicate cue after the number's noun phrase,
    whether the scan crossed a coordinated group ("five soldiers and a civilian"), and the
    other members of that group (a quantity, or None for "a civilian")."""
    words = tok.words
    p = q.tail
    gap = 0
    coordinated = False
    relative = False
    modified = False
    parts: list[Quantity | None] = []
    if words[p:p + 2] in (["more", "of"], ["other", "of"]):  # "two more of the wounded had died"
        p += 1
    if p < len(words) and words[p] == "of":  # "four of the injured are ...": skip the whole's name
        p += 1
        pronoun = p < len(words) and words[p] in ("them", "those", "these", "whom")
        if p < len(words) and (words[p] == "the" or pronoun):
            p += 1
        if q.superset is not None and p == q.superset.first:
            p = q.superset.last
        named = None
        if not pronoun or words[p - 1] == "those":  # "four of those rescued were ...", not "three of them fatally"
            named = lex.head.at(words, p) or lex.category_words.at(words, p)
        if named:
            p += named[0]
    while p < len(words) and gap <= limit:
        w = words[p]
        if w == ",":
            skipped = _skip_parenthetical(tok, p, lex)
            if skipped is None:
                return None
            p = skipped
            continue
        if w == "(":
            close = words.index(")", p) if ")" in words[p:] else -1
            if close < 0:
                return None
            p = close + 1
            continue
        if tok.is_number(p):
            if q.superset is not None and q.superset.first == p:  # "19 of the 22 passengers ... were killed"
                p, gap = q.superset.last, 0
                continue
            if p >= 2 and words[p - 2:p] == ["among", "the"]:  # "eight children were among the 46 people killed"
                p = _number_end(tok, p)
                continue
            if not tok.is_count(p):  # "1,500 residents living within two kilometres were told to leave"
                p, gap = p + 1, gap + 1
                continue
            return None
        match = lex.after.at(words, p) or _to_named_hospital(words, p)
        if match and _compound_at(tok, p + match[0] - 1):
            match = None  # "found in a burned-out car"
        if match and words[p] == "shot" and p > 0 and words[p - 1] in _SHOT_NOUN_BEFORE:
            match = None  # "without firing a shot": a shot fired, not people shot
        if match and match[1][1] and p + match[0] < len(words) and words[p + match[0]] in lex.person_nouns and all(
                words[k].endswith("ly") for k in range(q.tail, p)):
            match = None  # "two critically injured employees died": the participle describes the noun
        if match:
            n, (category, transitive) = match  # type: ignore[misc]
            if _negated(words, p):
                return "", p, n, coordinated, parts  # "two other children were not hurt": nobody harmed
            if category == "injured" and words[p + n - 1] == "wounds" and words[p + n - 2] == "gunshot" and \
                    not _RECEIVED.intersection(words[max(0, q.qstart - 6):p]):
                category = "shot"  # "officers found three victims with gunshot wounds": the dead among them
            if transitive and words[p - 1] not in _PASSIVE_AUX and _starts_object(tok, p + n, lex):
                return None  # active voice: "three gunmen killed 60 people"; not "were killed a block away"
            if words[p] == "among":  # "were among those killed": a subset
                coordinated, parts = True, []
            if category in ("evacuated", "other"):  # "9 people were rescued with severe burns and taken to ..."
                category = _harm_after(tok, p + n, lex) or category
            return category, p, n, coordinated, parts
        if w == "and" and p + 1 < len(words):
            k = p + 1
            if p > q.tail and words[p - 1] not in lex.person_nouns:  # "9,412 cases and 187 deaths"
                return None
            if tok.is_number(k):  # "23 hostages and four members of the security forces were killed"
                parts.append(tok.quantity_at.get(k))
                k = _number_end(tok, k)
                coordinated = True
            elif words[k] in ("a", "an", "another"):  # "two police officers and a passer-by were wounded"
                if lex.unborn.isdisjoint(words[k + 1:k + 2]):  # "two women and an unborn boy": two people
                    parts.append(None)
                    coordinated = True
                k += 1
            elif words[k] in lex.person_nouns:  # "men and women"
                pass
            else:
                return None
            p, gap = k, (0 if coordinated else gap + 1)
            continue
        if w in _DASHES or words[p:p + 2] == ["-", "-"]:  # "two others — a man and a woman — were taken to a
            # hospital" (also "--"): an aside that only names the people is passed over
            width = 1 if w in _DASHES else 2
            dash = words[p:p + width]
            close = next((k for k in range(p + width, min(len(words), p + 12)) if words[k:k + width] == dash), -1)
            if close >= 0 and all(words[k] in _ASIDE_WORDS or words[k] in lex.person_nouns
                                  for k in range(p + width, close)):
                p = close + width
                continue
            if w in _DASHES:
                return None
        if w == "-":  # "passer-by", "bomb-disposal": one word
            p += 2
            continue
        if w in ("who", "that") and not relative:  # "six climbers who set out on Saturday were found dead"
            if p - 1 > q.tail and words[p - 1] in _EVENT_NOUNS:
                return None  # "two officers on charges in connection with a shooting that left a boy dead": the
                # clause tells the shooting's toll
            relative, limit = True, limit + 6
        if (not modified and p > q.tail and words[p - 1] in lex.person_nouns
                and (w in _NOUN_MODIFIER_PREPS or w in _REDUCED_RELATIVES)):
            # "200 pupils at a boarding school in the eastern town of Kibale were taken to hospital",
            # "two brothers accused of carrying out the attack were detained": the noun's modifier is not counted
            modified, limit = True, limit + 8
        if relative and w in _RELATIVE_PREPOSITIONS:  # "nine fishermen who set out before the storm remain missing"
            p += 1
            gap += 1
            continue
        if w in STOPS or not (w.isalpha() or w in ("'s", "’s", "-")):
            return None
        p += 1
        gap += 1
    return None


_NEGATIONS = frozenset("not n't never".split())
_DASHES = frozenset(["—", "–"])
_ASIDE_WORDS = frozenset("a an the and both his her their ,".split())  # an aside of people only, no count inside
_DEGREES = frozenset("seriously critically badly severely gravely fatally mortally".split())
_NEGATION_GAP = frozenset("been be even physically".split())  # "were not physically hurt", "had not been shot"


def _negated(words: list[str], p: int) -> bool:
    """Is the predicate at ``p`` negated ("were not injured", "had never been shot", "weren't hurt")? Not "not
    seriously hurt": a degree between the negation and the harm keeps the harm."""
    if words[p] in _DEGREES:  # "were not seriously injured" (a cue that opens with its degree)
        return False
    k = p - 1
    while k >= p - 2 and k >= 0 and words[k] in _NEGATION_GAP:
        k -= 1
    return k >= 0 and words[k] in _NEGATIONS


_EVENT_NOUNS = frozenset("shooting shootings incident attack crash fire gunfire rampage robbery spree standoff fight "
                         "dispute argument shootout gunbattle altercation ambush".split())
_PASSIVE_AUX = frozenset("was were is are be been being".split())
_RECEIVED = frozenset("received receiving admitted treated treating patients".split())  # a hospital's count
_RELATIVE_PREPOSITIONS = frozenset("before after since until when".split())
_SHOT_NOUN_BEFORE = frozenset("a one single warning first second fatal final another every".split())
_NOUN_MODIFIER_PREPS = frozenset("at in from on near inside aboard".split())
_REDUCED_RELATIVES = frozenset("accused suspected believed thought living working staying travelling traveling "
                               "employed based".split())
_HARM_NOUNS = frozenset("burns injuries wounds fractures".split())


def victims_shot(head: tuple, tok: Tokens, lex: Lexicon, *, part: bool = False) -> bool:
    """Is a weak head "victims" a count of people shot? Only in a shooting story (the caller knows), and
    only when the sentence does not speak of the dead ("the coroner identified 19 of the 21 victims", "a
    vigil for the 64 victims" stay killed). A capitalised word inside the sentence is part of a name, not
    talk of the dead: "took the three victims to Jackson Memorial Hospital", "the Homicide Unit". ``part``: the
    count is the whole of a part ("one of the three victims", "none of the four victims"), so a death word after
    it is the part's predicate, not talk of the whole's dead ("one of the three victims died": three were shot;
    "one of four murder victims identified" stays killed)."""
    if tok.words[head[2]] != "victims" or lex.victims_dead_words.isdisjoint(tok.words):
        return tok.words[head[2]] == "victims"
    raw = tok.raw
    return not any(w in lex.victims_dead_words and not (i > 0 and raw[i][:1].isupper())
                   and not (part and i > head[2] and w in _PART_DEATHS) for i, w in enumerate(tok.words))


_PART_DEATHS = frozenset("died dead killed fatally death".split())


def _compound_at(tok: Tokens, i: int) -> bool:
    """Is the word at ``i`` the first part of a hyphenated compound ("burned-out", "fire-damaged")?"""
    end = tok.ends[i]
    return tok.text[end:end + 1] in ("-", "–") and tok.text[end + 1:end + 2].isalpha()


def _harm_after(tok: Tokens, p: int, lex: Lexicon) -> str | None:
    """A harm cue later in the clause of a rescue: "rescued with severe burns and taken to hospital" -> injured or
    hospitalized; "rescued but later died" -> killed. None when the clause ends first."""
    words = tok.words
    linked = False  # the harm comes after "and", "with", "but": not "found alive in a hospital"
    for k in range(p, min(len(words), p + 10)):
        w = words[k]
        if w in (",", ";", ".", ":", "while", "whereas") or tok.is_count(k):
            return None
        if w in ("and", "with", "but", "suffering"):
            linked = True
            continue
        if not linked:
            continue
        if w in _HARM_NOUNS:
            return "injured"
        match = lex.after.at(words, k) if w in lex.after.by_first else None
        if match and match[1][0] in HARMED and not _compound_at(tok, k + match[0] - 1):
            return str(match[1][0])
    return None


def _number_end(tok: Tokens, p: int) -> int:
    """Index just past the number whose tokens start at ``p``."""
    while p < len(tok.words) and tok.is_number(p):
        p += 1
    return p


def label_cue(q: Quantity, tok: Tokens, lex: Lexicon) -> tuple[str, int] | None:
    """"Persons injured: 183", "• Human lives lost: 26": a label ending in a colon right before the number
    (as in situation reports and fact boxes) names its category; category and the cue's token index."""
    words = tok.words
    colon = q.qstart - 1
    if colon < 1 or words[colon] != ":":
        return None
    for j in range(colon - 1, max(-1, colon - 8), -1):
        if words[j] in (",", ";", ".", ":"):
            break
        match = lex.category_words.ending(words, j) or lex.before.ending(words, j)
        if match and match[1] != "other":
            return str(match[1]), j - match[0] + 1
    return None


def before_cue(q: Quantity, tok: Tokens, lex: Lexicon, *, start: int | None = None) -> tuple[str, int] | None:
    """Category and token index of a cue before the number with only fillers between.

    Returns ``("", index)`` when the scan passed a generic count word ("bringing the total
    to 88") but no category cue: the figure then takes its category from the one before.
    ``start``: where to begin the scan back (default: right before the qualifier).
    """
    words = tok.words
    j = q.qstart - 1 if start is None else start
    skipped = 0
    generic_at = -1
    while j >= 0 and skipped <= 6:
        match = lex.before.ending(words, j)
        if match and j - match[0] >= 0 and words[j - match[0]] in ("attempted", "attempt"):
            return None  # "charged with the attempted murder of two deputies": they lived
        if match:
            return str(match[1]), j - match[0] + 1
        if tok.is_number(j):
            break
        match = lex.qualifier_before.ending(words, j)
        if match:  # "the toll rose to more than"
            j -= match[0]
            continue
        if words[j] in lex.fillers:
            if words[j] in lex.generic and generic_at < 0:
                generic_at = j
            j -= 1
            skipped += 1
            continue
        break
    return ("", generic_at) if generic_at >= 0 else None


def left_group_cue(q: Quantity, tok: Tokens, lex: Lexicon) -> tuple[str, int] | None:
    """The cue before a short group listed ahead of the count: "killed the bomber and 14 others",
    "killing himself and 14 other people". The group has no number; the count is not summed with it."""
    words = tok.words
    for k in range(q.qstart - 2, max(-1, q.qstart - 6), -1):
        w = words[k]
        if not w.isalpha() or w in AUX or w in STOPS or tok.is_number(k):
            return None
        match = lex.before.ending(words, k)
        if match and k < q.qstart - 2 and match[1] != "other":
            return str(match[1]), k - match[0] + 1
    return None


def toll_cue(q: Quantity, tok: Tokens, lex: Lexicon) -> tuple[str, int] | None:
    """A toll noun further back in the clause: "the death toll from the quake climbed to 1,200",
    "the number of people killed by Monday's earthquake in the border region rose above 2,100"."""
    words = tok.words
    link = q.qstart - 1
    while link >= 0 and words[link] in ("a", "an", "the", "initial", "earlier", "original", "previous", "estimated"):
        link -= 1  # "revised from an initial 14 to 12"
    if link < 0 or (words[link] not in _TOLL_LINKS and words[q.first - 1] not in _TOLL_LINKS
                    and words[link] not in lex.change_verbs):
        return None
    for j in range(q.qstart - 1, max(-1, q.qstart - _TOLL_REACH), -1):
        if words[j] in (";", ".", ":") or tok.is_count(j):
            return None
        if words[j] in SEGMENT_SPLITS and j > 0 and words[j - 1] == ",":
            return None  # "confirmed the death toll, while rescuers helped the over 100 injured"
        match = lex.tolls.ending(words, j)
        if match:
            return str(match[1]), j - match[0] + 1
        if words[j] == "number" and j + 1 < len(words) and words[j + 1] == "of":
            for k in range(j + 2, min(q.qstart, j + 6)):  # "the number of people made homeless"
                hit = lex.category_words.at(words, k)
                if hit:
                    return str(hit[1]), j
    return None


def clause_whole(q: Quantity, tok: Tokens, lex: Lexicon) -> str | None:
    """Category named by a clause opening "Of the injured, 11 ...", else None."""
    words = tok.words
    j = q.qstart - 1
    if j < 2 or words[j] != ",":
        return None
    k = j - 1
    while k >= 0 and words[k] not in (",", ";"):
        k -= 1
    if words[k + 1] != "of" or j - k > 6:
        return None
    for m in range(k + 2, j):
        hit = lex.head.at(words, m) or lex.category_words.at(words, m)
        if hit:
            payload = hit[1]
            return str(payload[0] if isinstance(payload, tuple) else payload)
    return None


def elliptic_tail(figure: SentenceFigure, tok: Tokens, lex: Lexicon) -> bool:
    """Does the count lack a verb of its own ("and 14 on a staircase", "and seven more")?"""
    words = tok.words
    p = figure.last
    while p < len(words) and (words[p] in lex.person_nouns or words[p] in ("more", "other", "others")):
        p += 1
    return p >= len(words) or words[p] in lex.place_preps or words[p] in (",", ".", ";", ")", "and", "while", "but")


def list_head_category(tok: Tokens, lex: Lexicon) -> str | None:
    """Category named by an opening like "Among those killed were ...", else None."""
    words = tok.words
    for i in range(min(3, len(words))):
        match = lex.list_heads.at(words, i) if words[i] in lex.list_heads.by_first else None
        if match:
            return str(match[1])
    return None


def category_before(figure: SentenceFigure, tok: Tokens, lex: Lexicon) -> str | None:
    """For "the victims, including three children": the category of a cue word before."""
    words = tok.words
    for j in range(figure.qstart - 1, max(-1, figure.qstart - 9), -1):
        if words[j] in (";", ".") or tok.is_number(j):
            return None
        match = lex.category_words.ending(words, j) or lex.before.ending(words, j)
        if match:
            return str(match[1])
    return None
