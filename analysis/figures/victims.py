"""The people an article says were harmed, one by one, and the counts they add up to.

Reporters often count without numbers: "A 19-year-old man was shot and killed", "police said
Marcus Reed, 24, and Tyrone Hill, 31, died", "a teacher and three students were wounded", "the
gunman then turned the gun on himself", "a double homicide". ``extract_victims`` finds them
(table ``victims``: one row per person or group, columns in ``analysis.schema``) and
``read_people`` also turns them into rows of the ``figures`` table, which the headline choice
(``analysis.figures.ledger``) uses when the article gives no numeral count.

Rules:

1. Only the lede is read: the first ``LEDE_SENTENCES`` sentences, where an article names its own
   victims (recaps of other shootings come later). Of those, only sentences with a harm word
   (regex prefilter) and without a numeral figure of every category the words speak of are
   parsed (``analysis.figures.parse``: tagger and parser, once per process, in batches).
2. A harm predicate and its people: the passive subject or the object of "killed", "murdered",
   "shot", "wounded" ("X was shot and killed": a conjoined verb shares its subject; "shot and
   killed X"); the subject of "died", "succumbed" and of "dead" ("is dead", "was found dead",
   "was pronounced dead", "shot dead"); "the death / killing / fatal shooting of X", "X's death";
   the noun a participle or relative clause hangs on ("a man killed Saturday", "a woman who was
   shot"). Negated, hypothetical or attempted predicates ("was not hurt", "threatened to kill",
   "could have killed") name nobody.
3. Outcome: killed for killing, dying, dead, "fatally shot"; injured for wounded, injured, hurt and
   for "shot" with a stated survivable condition in the sentence ("in stable condition"); else
   unknown ("was shot"). The shooter's own death ("turned the gun on himself", "killed himself",
   "self-inflicted") is a killed person with role shooter.
4. A person: a proper name (tagged NNP, with its compounds: "Marcus Reed"), a person noun from
   ``data/people_lexicon.json`` ("man", "teen", "officer", "victim"), counted by its number
   ("three students" counts 3; a plural without a number counts nobody), or he/she. Coordinated
   people count each. Age from "19-year-old", "Reed, 24," or "aged 24"; role from the nouns
   (gunman/suspect: shooter; officer/deputy: officer; bystander).
5. The same person across sentences is one: a name by its last word; a name joins an earlier
   unnamed person of the same role and a compatible age; he/she and a definite description
   ("the man", "the victim") refer back to the latest person of the same role. A later outcome
   overrides an unknown one and killed overrides injured ("later died" moves one from injured to
   killed).
6. Counts (``read_people``): per category, the larger of the distinct named people and the
   most distinct people any one sentence gives, each with its final outcome; unknown outcomes
   count as injured. "double homicide" (2), "triple homicide" (3), "murder-suicide" (2) are
   ``compound`` figures.
7. Shooters and the wounded without a harm verb, named only: the object of an arrest ("police
   arrested Carl Hensley", "took X into custody"), the subject of "fired" or "opened fire",
   "gunfire from X", "the suspect is X"; someone "found" in a sentence that speaks of a gunshot
   wound was shot. A lone surname ("Waldron was shot") is a person when the article gives the
   full name anywhere (``_full_names``), whether or not that sentence speaks of harm.

Known misses: people only in the title (the title's counts are ``analysis.figures.titles``); people
after the lede; "the victims" without a number;
pronouns resolve to the latest person, not by gender or sense; a name in another clause
("police identified him as John Smith") is not joined to its person; an article about a trial
that names the victim of an old shooting counts them like news of the day.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import pandas as pd

from analysis import schema
from analysis.figures.numbers import parse_number_words
from analysis.figures.parse import Token, parse

__all__ = ["extract_victims", "read_people", "people_lexicon", "LEDE_SENTENCES"]

LEDE_SENTENCES = 15
_DATA = Path(__file__).resolve().parents[1] / "data" / "people_lexicon.json"
_HARM = re.compile(r"\b(?:kill|dead|die[sd]?\b|dying|death|fatal|murder|slain|slay|homicide|succumb|suicide|own life|"
                   r"shot|shoot|wound|injur|hurt|gunned|himself|herself)", re.I)
_KILL_WORDS = re.compile(r"\b(?:kill|dead|die[sd]?\b|dying|death|fatal|murder|slain|slay|homicide|succumb|suicide|"
                         r"own life)", re.I)
_AGE = re.compile(r"\b(\d{1,3})[- ]years?[- ]old\b|\baged? (\d{1,3})\b", re.I)
_NOMINAL = ("NN", "PRP", "CD")
_MODALS = {"could", "would", "might", "should"}
_OUTCOME_RANK = {"": -1, "unknown": 0, "injured": 1, "killed": 2}  # "": named, not said to be harmed
_TITLES = {"officer", "deputy", "trooper", "sgt", "sergeant", "det", "detective", "lt", "cpl", "corporal", "agent",
           "dr", "mr", "mrs", "ms", "miss", "pastor", "rev", "coach", "chief", "capt", "captain", "pvt", "spc", "sheriff"}
_NOT_PEOPLE = {"dog", "dogs", "cat", "deer", "animal", "engine", "bill", "time", "plan", "deal", "car", "house", "home",
               "window", "door", "vehicle", "tire", "fire", "gun", "weapon", "shot", "shots", "round", "rounds",
               "light", "lights", "power", "idea", "motion", "story", "game"}
_ELSEWHEN = re.compile(r"\b(?:in|of|since) (?:19|20)\d\d\b|\byears? ago\b|\blast year\b|\bcancer\b|\billness\b|"
                       r"\bnatural causes\b", re.I)  # an earlier event, or a death not by the gun
# "a teacher and three students": one person listed with a numeral count, which alone would undercount
_LISTED = re.compile(r"\b(?:a|an|one)\s+[\w-]+(?:\s[\w-]+)?\s+and\s+(?:two|three|four|five|six|seven|eight|nine|ten|"
                     r"\d{1,2})\b", re.I)
_PEOPLE_WORDS = re.compile(r"\b(?:identif|charged|arrested|accused|suspect|booked|wanted|detained|apprehended|custody|"
                           r"fired|discharged|opened fire|gunfire|shooter|gunman)", re.I)
_NAME_STOP = {"police", "saturday", "sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "january",
              "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
              "december", "officials", "authorities", "county", "city", "street", "avenue", "road", "hospital",
              "department", "sheriff", "coroner", "news", "state", "american", "police department"}


@cache
def people_lexicon() -> dict:
    """The word lists of ``data/people_lexicon.json``, as sets (``compounds`` and ``roles`` as dicts)."""
    raw = json.loads(_DATA.read_text(encoding="utf-8"))
    lex = {k: (set(v) if isinstance(v, list) else v) for k, v in raw.items() if not k.startswith("_")}
    lex["roles"] = {role: set(words) for role, words in raw["roles"].items()}
    lex["compound_re"] = re.compile(r"\b(" + "|".join(re.escape(k) for k in sorted(raw["compounds"], key=len,
                                                                                    reverse=True)) + r")\b", re.I)
    lex["self_re"] = re.compile("|".join(re.escape(p) for p in raw["self_harm"]), re.I)
    lex["condition_re"] = re.compile("|".join(re.escape(p) for p in raw["injured_conditions"]), re.I)
    return lex


@dataclass
class Mention:
    """One person (or counted group) named as harmed in one sentence."""

    sentence_idx: int
    first: int  # token span of the words that name them
    last: int
    outcome: str
    count: int = 1
    name: str = ""
    age: int | None = None
    role: str = "victim"
    kind: str = "indefinite"  # indefinite, definite, name, pronoun
    text: str = ""
    start: int = 0  # character offsets in the sentence
    end: int = 0


@dataclass
class Person:
    mentions: list[Mention] = field(default_factory=list)
    outcome: str = ""
    name: str = ""
    age: int | None = None
    role: str = "victim"
    count: int = 1


# --- one sentence -------------------------------------------------------------------------------------------------


def _children(tokens: list[Token]) -> list[list[Token]]:
    kids: list[list[Token]] = [[] for _ in tokens]
    for t in tokens:
        if t.head != t.i:
            kids[t.head].append(t)
    return kids


def _subject(tokens, kids, verb: Token, *, passive_only: bool = False) -> Token | None:
    """The (passive) subject of ``verb``, climbing conjoined verbs ("were shot and killed")."""
    seen = 0
    while seen < 4:
        for c in kids[verb.i]:
            if c.dep == "nsubjpass" or (c.dep == "nsubj" and not passive_only):
                return c
        if verb.dep in ("conj", "xcomp", "advcl") and verb.head != verb.i:
            verb = tokens[verb.head]
            seen += 1
            continue
        return None
    return None


def _passive(kids, verb: Token) -> bool:
    return any(c.dep in ("auxpass", "nsubjpass") for c in kids[verb.i])


def _blocked(tokens, kids, word: Token, lex) -> bool:
    if any(c.dep == "neg" or c.lower in lex["blockers"] or (c.dep == "aux" and c.lower in _MODALS)
           for c in kids[word.i]):
        return True
    head = tokens[word.head]
    return word.dep in ("xcomp", "amod") and head.lower in lex["blockers"]


def _arguments(tokens, kids, word: Token, lex) -> tuple[list[Token], str]:
    """The words naming who ``word`` harmed, and the outcome it states."""
    low, tag = word.lower, word.tag
    kid_words = {c.lower for c in kids[word.i]}
    if tag.startswith("VB") and (low in lex["kill_verbs"] or low in lex["shoot_verbs"] or low in lex["wound_verbs"]):
        if low in lex["kill_verbs"]:
            outcome = "killed"
        elif low in lex["wound_verbs"]:
            outcome = "injured"
        elif kid_words & (lex["fatal_adverbs"] | lex["dead_words"]) or "death" in {
                g.lower for c in kids[word.i] if c.lower == "to" for g in kids[c.i]}:
            outcome = "killed"
        else:
            outcome = "unknown"
        if word.dep in ("acl", "relcl") and not any(c.dep == "dobj" for c in kids[word.i]):
            return [tokens[word.head]], outcome  # "a man killed Saturday", "a woman who was shot"
        bare_participle = word.tag == "VBN" and not any(c.dep in ("dobj", "nsubj") for c in kids[word.i])
        if _passive(kids, word) or bare_participle or (word.dep == "conj" and _passive(kids, tokens[word.head])):
            subject = _subject(tokens, kids, word, passive_only=True)
            return ([subject] if subject is not None else []), outcome
        objects = [c for c in kids[word.i] if c.dep == "dobj"]
        if not objects and word.dep == "conj":  # "shot and killed X": the object hangs on the last verb
            objects = [c for c in kids[word.head] if c.dep == "dobj"]
        return objects, outcome
    if low in lex["die_verbs"] and tag.startswith("VB"):
        if word.dep == "relcl":
            return [tokens[word.head]], "killed"
        subject = _subject(tokens, kids, word)
        return ([subject] if subject is not None else []), "killed"
    if low in lex["dead_words"]:
        if word.dep == "amod":
            return [tokens[word.head]], "killed"
        head = tokens[word.head]
        if head.lower in lex["shoot_verbs"]:
            return [], "killed"  # "shot dead": the verb names them
        objects = [c for c in kids[head.i] if c.dep == "dobj"]
        if objects and word.dep in ("oprd", "ccomp", "xcomp"):  # "left a man dead"
            return objects, "killed"
        subject = _subject(tokens, kids, head)
        return ([subject] if subject is not None else []), "killed"
    if tag.startswith("NN") and (low in lex["death_nouns"] or low == "shooting"):
        fatal = low != "shooting" or bool(kid_words & lex["fatal_adjectives"]) or word.dep == "compound"
        found = [g for c in kids[word.i] if c.dep == "prep" and c.lower == "of" for g in kids[c.i] if g.dep == "pobj"]
        found += [c for c in kids[word.i] if c.dep == "poss"]
        if low == "shooting" and word.dep == "compound" and tokens[word.head].lower in lex["death_nouns"]:
            return [], "killed"  # "shooting death of X": read at "death"
        return found, "killed" if fatal else "unknown"
    return [], ""


def _conjuncts(kids, token: Token) -> list[Token]:
    out, stack = [], [token]
    while stack:
        t = stack.pop()
        out.append(t)
        stack.extend(c for c in kids[t.i] if c.dep == "conj")
    return sorted(out, key=lambda t: t.i)


def _left_edge(kids, token: Token) -> int:
    edge = token.i
    for c in kids[token.i]:
        if c.i < token.i and c.dep not in ("cc", "punct", "conj", "prep", "relcl"):
            edge = min(edge, _left_edge(kids, c))
    return edge


def _name(tokens, kids, token: Token) -> str:
    if not token.tag.startswith("NNP") or token.lower in _NAME_STOP or token.lower in people_lexicon()["pronouns"]:
        return ""
    words = [c for c in kids[token.i] if c.dep == "compound" and c.tag.startswith("NNP") and c.i < token.i]
    first = min([token.i] + [c.i for c in words])
    parts = [t.text for t in tokens[first:token.i + 1] if t.tag.startswith("NNP")]
    while len(parts) > 1 and parts[0].lower().rstrip(".") in _TITLES:  # "Officer Dana Kim" -> "Dana Kim"
        parts = parts[1:]
    return " ".join(parts) if parts and parts[-1][:1].isupper() else ""


def _count(text: str) -> int | None:
    """A small count of people: "3", "three", "twenty-one" -> 3, 3, 21; else None."""
    if text.isdigit():
        value = int(text)
    else:
        read = parse_number_words(text.lower().replace("-", " ").split())
        value = read[0] if read else 0
    return value if 0 < value <= 50 else None


def _person(tokens, kids, token: Token, sentence: str, lex, *, lenient: bool = False,
            listed: bool = False) -> Mention | None:
    low = token.lower
    if token.tag == "PRP":
        if low in lex["pronouns"] and low not in ("himself", "herself"):
            return Mention(0, token.i, token.i, "", kind="pronoun")
        return None
    if not token.tag.startswith(("NN", "CD")):
        return None
    name = _name(tokens, kids, token)
    appos = [c for c in kids[token.i] if c.dep == "appos"]
    if not name:
        name = next((n for n in (_name(tokens, kids, a) for a in appos) if n), "")
    words = {t.lower for t in tokens[_left_edge(kids, token):token.i + 1]}
    # After "killed" or "died", someone's anything is someone ("his landlord"); after "shot", only people.
    person_noun = low in lex["person_nouns"] or (lenient and token.tag in ("NN", "NNS") and low not in _NOT_PEOPLE
                                                 and any(c.dep == "poss" for c in kids[token.i])) or (
        listed and token.tag in ("NN", "NNS") and low not in _NOT_PEOPLE)
    if not name and not person_noun and not (words & lex["person_nouns"] and token.tag == "CD"):
        return None
    if any(c.lower in ("no", "neither", "none", "nobody") for c in kids[token.i]):
        return None  # "no one was hurt"
    count = 1
    numbers = [c for c in kids[token.i] if c.dep == "nummod"]
    if token.tag in ("NNS", "NNPS") and not name:
        read = _count(numbers[0].text) if numbers else None
        if read is None:
            return None
        count = read
    elif low in ("others",):
        return None
    first = _left_edge(kids, token)
    last = token.i
    age = None
    for a in appos:  # "Marcus Reed, 24,"
        if a.tag == "CD" and a.text.isdigit() and 0 < int(a.text) < 110:
            age, last = int(a.text), max(last, a.i)
    span_text = sentence[tokens[first].idx:tokens[last].idx + len(tokens[last].text)]
    match = _AGE.search(span_text)
    if age is None and match:
        age = int(match.group(1) or match.group(2))
    role = next((r for r, nouns in lex["roles"].items() if low in nouns or words & nouns), "victim")
    definite = tokens[first].lower in ("the", "that", "this")
    kind = "name" if name else ("definite" if definite else "indefinite")
    return Mention(0, first, last, "", count=count, name=name, age=age, role=role, kind=kind, text=span_text,
                   start=tokens[first].idx, end=tokens[last].idx + len(tokens[last].text))


def sentence_mentions(tokens: list[Token], sentence: str, *, sentence_idx: int = 0) -> list[Mention]:
    """The people one parsed sentence says were harmed (one per person or counted group)."""
    lex = people_lexicon()
    kids = _children(tokens)
    found: dict[int, Mention] = {}
    for word in tokens:
        arguments, outcome = _arguments(tokens, kids, word, lex)
        if not arguments or _blocked(tokens, kids, word, lex):
            continue
        if _ELSEWHEN.search(sentence):
            outcome = ""  # named, but their harm is another event's
        elif outcome == "unknown" and lex["condition_re"].search(sentence):
            outcome = "injured"
        for argument in arguments:
            listed = False  # after one person, a listed noun is someone too: "a coach and two players"
            for token in _conjuncts(kids, argument):
                mention = _person(tokens, kids, token, sentence, lex, lenient=outcome == "killed", listed=listed)
                if mention is None:
                    continue
                listed = True
                if mention.kind == "pronoun":
                    mention.text, mention.start, mention.end = token.text, token.idx, token.idx + len(token.text)
                mention.sentence_idx = sentence_idx
                if outcome == "unknown" and mention.count > 1:
                    continue  # "four people were shot": a numeral count, the figure ledger's
                earlier = found.get(token.i)
                if earlier is None or _OUTCOME_RANK[outcome] > _OUTCOME_RANK[earlier.outcome]:
                    mention.outcome = outcome
                    found[token.i] = mention
    for word in tokens:  # the shooter of an active harm verb, "by X"; those charged, arrested, identified
        low, role = word.lower, ""
        if word.tag.startswith("VB") and (low in lex["kill_verbs"] or low in lex["shoot_verbs"]) and \
                not _passive(kids, word):
            people = [c for c in kids[word.i] if c.dep == "nsubj"]
        elif word.dep == "agent" and tokens[word.head].lower in lex["kill_verbs"] | lex["shoot_verbs"]:
            people = [c for c in kids[word.i] if c.dep == "pobj"]
        elif low in lex["suspect_verbs"]:
            people = [c for c in kids[word.i] if c.dep == "dobj"] if not _passive(kids, word) else []
            people = people or [c for c in kids[word.i] if c.dep in ("nsubj", "nsubjpass")]  # "police arrested X"
        elif low in lex["identify_verbs"]:
            people = [g for c in kids[word.i] if c.lower == "as" for g in kids[c.i] if g.dep == "pobj"]
            role = "keep"
        elif (people := _named_shooters(tokens, kids, word, lex)):
            role = "shooter"
        elif (people := _found_wounded(tokens, kids, word, sentence, lex)):
            role = "found"
        else:
            continue
        for argument in people:
            for token in _conjuncts(kids, argument):
                mention = _person(tokens, kids, token, sentence, lex)
                if mention is None or token.i in found or mention.kind == "pronoun" or (role and not mention.name):
                    continue
                mention.sentence_idx, mention.outcome = sentence_idx, ""
                if role == "found":
                    mention.outcome = "injured" if lex["condition_re"].search(sentence) else "unknown"
                elif role != "keep" and mention.role == "victim":
                    mention.role = "shooter"
                found[token.i] = mention
    if lex["self_re"].search(sentence):  # "turned the gun on himself": the sentence's gunman died
        subjects = [t for t in tokens if t.dep == "nsubj" and tokens[t.head].dep == "ROOT"]
        for token in subjects[:1]:
            mention = _person(tokens, kids, token, sentence, lex)
            if mention is not None:
                if mention.kind == "pronoun":
                    mention.text, mention.start, mention.end = token.text, token.idx, token.idx + len(token.text)
                mention.sentence_idx, mention.outcome = sentence_idx, "killed"
                if mention.role == "victim":
                    mention.role = "shooter"
                found[token.i] = mention
    return [found[i] for i in sorted(found)]


def _named_shooters(tokens, kids, word: Token, lex) -> list[Token]:
    """Who fired or was held, in words other than a harm verb: "police arrested Carl Hensley", "took Brent Thomas
    into custody", "Hall fired at the deputy", "opened fire", "gunfire from Jason Foreland", "the suspect is X"."""
    low = word.lower
    if word.tag.startswith("VB") and not _passive(kids, word):
        if low in lex["custody_verbs"]:
            if low in ("took", "taken") and "custody" not in {g.lower for c in kids[word.i] for g in kids[c.i]}:
                return []
            return [c for c in kids[word.i] if c.dep == "dobj"]
        if low in lex["fire_verbs"]:
            if low == "opened" and "fire" not in {c.lower for c in kids[word.i]}:
                return []
            return [c for c in kids[word.i] if c.dep == "nsubj"]
        if low in ("is", "was") and any(c.dep == "nsubj" and c.lower in lex["shooter_nouns"] for c in kids[word.i]):
            return [c for c in kids[word.i] if c.dep == "attr"]
    if low == "from" and word.i > 0 and (tokens[word.head].lower in lex["gunfire_nouns"]
                                         or tokens[word.i - 1].lower in lex["gunfire_nouns"]):
        return [c for c in kids[word.i] if c.dep == "pobj"]
    return []


def _found_wounded(tokens, kids, word: Token, sentence: str, lex) -> list[Token]:
    """"Officers found David Pena, 22, suffering from a gunshot wound": someone found with a wound was shot."""
    if word.lower != "found" or not word.tag.startswith("VB") or _passive(kids, word):
        return []
    if not any(w in sentence.lower() for w in lex["found_wounds"]):
        return []
    return [c for c in kids[word.i] if c.dep == "dobj"]


# --- one article --------------------------------------------------------------------------------------------------


def _same_age(a: int | None, b: int | None) -> bool:
    return a is None or b is None or a == b


def _refer(people: list[Person], mention: Mention) -> Person | None:
    """The person an article's new mention is, or None for someone new."""
    if mention.kind == "name":
        last = mention.name.split()[-1].lower()
        for p in people:
            if p.name and p.name.split()[-1].lower() == last:
                return p
        for p in people:  # "A 24-year-old man ... Marcus Reed, 24, ..."
            if not p.name and p.count == 1 and p.role == mention.role and _same_age(p.age, mention.age):
                return p
        return None
    if mention.kind == "pronoun":
        return next((p for p in reversed(people) if p.count == 1), None)
    if mention.kind == "indefinite":  # the same words again: "a cab driver" ... "a cab driver"
        for p in people:
            if any(m.text.lower() == mention.text.lower() for m in p.mentions):
                return p
    if mention.kind == "definite" and mention.count == 1:
        for p in reversed([p for p in people if p.mentions[0].sentence_idx < mention.sentence_idx]):
            if p.count == 1 and (p.role == mention.role or mention.role == "victim") and _same_age(p.age, mention.age):
                return p
    return None


# "Officers identified the man as William Waldron, 45." ... "Waldron was shot and killed.": a full name anywhere
# in the article (two to four capitalised words, initials and Jr./III allowed) lends itself to a lone surname
_FULL_NAME = re.compile(r"\b([A-Z][a-z'’-]+(?:\s+(?:[A-Z]\.|[A-Z][a-z'’-]+)){1,3})"
                        r"(?:,?\s+(?:Jr|Sr|II|III|IV)\b\.?)?")


def _full_names(sentences: pd.DataFrame) -> dict[str, dict[str, str]]:
    """``{article_id: {surname (lower): full name}}`` from every sentence of each article; a surname two full names
    share is left out."""
    out: dict[str, dict[str, str]] = {}
    clash: set[tuple[str, str]] = set()
    stop = _NAME_STOP | _TITLES | {"the", "a", "an", "when", "after", "in", "on", "at", "but", "and", "his", "her"}
    for article_id, text in zip(sentences["article_id"].astype(str), sentences["text"].astype(str)):
        for match in _FULL_NAME.finditer(text):
            words = match.group(1).split()
            while words and words[0].lower().rstrip(".") in stop:
                words = words[1:]
            if len(words) < 2 or words[-1].lower() in stop:
                continue
            names = out.setdefault(article_id, {})
            last, full = words[-1].lower(), " ".join(words)
            if last in names and names[last] != full and not (full in names[last] or names[last] in full):
                clash.add((article_id, last))
            elif len(full) > len(names.get(last, "")):
                names[last] = full
    for article_id, last in clash:
        out[article_id].pop(last, None)
    return out


def _article_people(mentions: list[Mention], full_names: dict[str, str] | None = None) -> list[Person]:
    people: list[Person] = []
    for mention in mentions:
        person = _refer(people, mention)
        if person is None and mention.kind == "name" and " " not in mention.name:
            full = (full_names or {}).get(mention.name.lower())
            if full is None:
                continue  # a lone surname names someone only when the article gives the full name
            mention.name = full
        if person is None:
            person = Person(role=mention.role, count=mention.count)
            people.append(person)
        person.mentions.append(mention)
        if mention.name and not person.name:
            person.name = mention.name
        if mention.age is not None and person.age is None:
            person.age = mention.age
        if person.role == "victim" and mention.role != "victim":
            person.role = mention.role
        if _OUTCOME_RANK[mention.outcome] > _OUTCOME_RANK[person.outcome]:
            person.outcome = mention.outcome
    return people


# --- the tables ---------------------------------------------------------------------------------------------------


def _candidates(sentences: pd.DataFrame, figures: pd.DataFrame | None, lede: int) -> pd.DataFrame:
    lede_rows = sentences[sentences["idx"] < lede]
    text = lede_rows["text"].astype(str)
    keep = text.str.contains(_HARM) | text.str.contains(_PEOPLE_WORDS)
    if figures is not None and not figures.empty:  # a numeral count of every category the words speak of
        numeral = figures[figures["rule"].isin(["numeral", ""]) & figures["status"].eq("current")]
        killed = set(zip(numeral.loc[numeral["category"] == "killed", "article_id"],
                         numeral.loc[numeral["category"] == "killed", "sentence_idx"].astype(int)))
        hurt = numeral[numeral["category"] != "killed"]
        hurt = set(zip(hurt["article_id"], hurt["sentence_idx"].astype(int)))
        keys = list(zip(lede_rows["article_id"], lede_rows["idx"].astype(int)))
        has_killed = pd.Series([k in killed for k in keys], index=lede_rows.index)
        has_hurt = pd.Series([k in hurt for k in keys], index=lede_rows.index)
        kill_words = text.str.contains(_KILL_WORDS)
        keep &= ~(has_killed & (has_hurt | ~text.str.contains(r"\b(?:shot|wound|injur|hurt)", case=False)))
        keep &= ~(has_hurt & ~kill_words)
        keep |= text.str.contains(_HARM) & text.str.contains(_LISTED)
    return lede_rows[keep]


def extract_victims(sentences: pd.DataFrame, articles: pd.DataFrame | None = None, *,
                    figures: pd.DataFrame | None = None, lede: int = LEDE_SENTENCES) -> pd.DataFrame:
    """The people each article says were harmed: the ``victims`` table of ``read_people``."""
    del articles
    return read_people(sentences, figures=figures, lede=lede)[0]


def read_people(sentences: pd.DataFrame, *, figures: pd.DataFrame | None = None,
                lede: int = LEDE_SENTENCES) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The people each article says were harmed, and the counts they add up to.

    Args:
        sentences: the sentences table.
        figures: the numeral figures; sentences whose harm words all have a numeral count are not parsed.
        lede: how many leading sentences of each article are read.

    Returns:
        ``(victims, figures)``: the ``victims`` table (article_id, person, name, age, outcome, role,
        count, sentence_idx, sentence, start, end: one row per person or counted group, offsets of
        the words naming them in the article text) and rows of the ``figures`` table with rule
        ``individuals``, ``enumeration`` or ``compound`` (rules 6 of the module docstring).
    """
    if sentences is None or sentences.empty:
        return schema.empty_table("victims"), schema.empty_table("figures")
    chosen = _candidates(sentences, figures, lede).sort_values(["article_id", "idx"], kind="stable")
    texts = chosen["text"].astype(str).tolist()
    where: dict[tuple[str, int], tuple[str, int]] = {}
    by_article: dict[str, list[Mention]] = {}
    for article_id, idx, text, start, tokens in zip(chosen["article_id"], chosen["idx"], texts, chosen["start"],
                                                     parse(texts)):
        where[(str(article_id), int(idx))] = (text, int(start))
        by_article.setdefault(str(article_id), []).extend(sentence_mentions(tokens, text, sentence_idx=int(idx)))
    rows, counted = [], []
    deaths = set()  # articles with a numeral death toll
    if figures is not None and not figures.empty:
        deaths = set(figures.loc[figures["category"].eq("killed") & figures["status"].eq("current"), "article_id"])
    full_names = _full_names(sentences[sentences["article_id"].isin(by_article.keys())])
    for article_id, mentions in by_article.items():
        people = _article_people(mentions, full_names.get(article_id, {}))
        if any(p.outcome == "killed" for p in people):
            deaths.add(article_id)
        for person in people:
            cited = next((m for m in person.mentions if m.outcome == person.outcome and m.kind != "pronoun"),
                         next((m for m in person.mentions if m.kind != "pronoun"), person.mentions[0]))
            named = next((m for m in person.mentions if m.kind == "name"), cited)
            sentence, offset = where[(article_id, cited.sentence_idx)]
            outcome = {"": "unknown", "unknown": "unknown" if article_id in deaths else "injured"}.get(
                person.outcome, person.outcome)
            rows.append({"article_id": article_id, "person": named.text or cited.text, "name": person.name,
                         "age": person.age, "outcome": outcome, "role": person.role, "count": person.count,
                         "sentence_idx": cited.sentence_idx, "sentence": sentence,
                         "start": offset + cited.start, "end": offset + cited.end})
        counted += _counts(article_id, people, where, deaths=article_id in deaths)
    counted += _compounds(sentences, lede)
    victims = _typed(pd.DataFrame(rows)) if rows else schema.empty_table("victims")
    people_rows = schema.conform(pd.DataFrame(counted), "figures") if counted else schema.empty_table("figures")
    return victims, people_rows


def _figure(article_id: str, category: str, value: int, rule: str, qualifier: str, sentence_idx: int,
            sentence: str, start: int, end: int) -> dict:
    return {"figure_id": f"{article_id}:{start}-{end}:{category}:{rule}", "article_id": article_id,
            "sentence_idx": sentence_idx, "category": category, "value": value, "low": value,
            "high": value, "qualifier": qualifier, "vague": False, "scope": "total", "status": "current",
            "may_rise": False, "as_toll": False, "attributed_to": "", "number_text": sentence[start:end],
            "sentence": sentence, "start": start, "end": end, "rule": rule,
            "period": False}


def _counts(article_id: str, people: list[Person], where, *, deaths: bool) -> list[dict]:
    """Per category, the larger of the distinct named people and the most people one sentence gives. Someone
    shot with no outcome stated counts as injured only in an article that reports no death: where someone
    died, "the toddler was shot" is most often the one who died, said in other words."""
    hurt = ("injured",) if deaths else ("injured", "unknown")
    rows = []
    for category in ("killed", "injured"):
        def counts(person: Person) -> bool:
            return person.outcome == "killed" if category == "killed" else person.outcome in hurt
        named = [p for p in people if p.name and counts(p)]
        per_sentence: dict[int, list[tuple[Person, Mention]]] = {}
        for p in people:
            if counts(p):
                for m in p.mentions:
                    if not m.outcome:
                        continue
                    group = per_sentence.setdefault(m.sentence_idx, [])
                    if all(q is not p for q, _ in group):
                        group.append((p, m))
        if not per_sentence:
            continue
        idx, group = max(per_sentence.items(), key=lambda kv: (sum(p.count for p, _ in kv[1]), -kv[0]))
        best = sum(p.count for p, _ in group)
        sentence, offset = where[(article_id, idx)]
        if len(named) > best:  # distinct named people across sentences: cite the last one named
            last = max((next(m for m in p.mentions if m.kind == "name") for p in named),
                       key=lambda m: (m.sentence_idx, m.start))
            sentence, offset = where[(article_id, last.sentence_idx)]
            rows.append(_figure(article_id, category, len(named), "individuals", "at_least", last.sentence_idx,
                                sentence, last.start, last.end))
            rows[-1].update(start=offset + last.start, end=offset + last.end)
            continue
        first, last = min(m.start for _, m in group), max(m.end for _, m in group)
        enumerated = len(group) > 1 or any(p.count > 1 for p, _ in group)
        row = _figure(article_id, category, best, "enumeration" if enumerated else "individuals", "exact", idx,
                      sentence, first, last)
        row.update(start=offset + first, end=offset + last)
        rows.append(row)
    return rows


def _compounds(sentences: pd.DataFrame, lede: int) -> list[dict]:
    """"double homicide" (2 killed), "murder-suicide" (2 killed, the shooter one of them), ..."""
    lex = people_lexicon()
    rows = []
    lede_rows = sentences[sentences["idx"] < lede]
    for article_id, idx, text, start in zip(lede_rows["article_id"], lede_rows["idx"], lede_rows["text"],
                                            lede_rows["start"]):
        for match in lex["compound_re"].finditer(str(text)):
            row = _figure(str(article_id), "killed", lex["compounds"][match.group(1).lower()], "compound", "exact",
                          int(idx), str(text), match.start(), match.end())
            row.update(start=int(start) + match.start(), end=int(start) + match.end())
            rows.append(row)
    return rows


def _typed(frame: pd.DataFrame) -> pd.DataFrame:
    out = schema.conform(frame, "victims")
    for column in ("age", "count", "sentence_idx", "start", "end"):
        out[column] = pd.array(out[column].astype("object").where(out[column].notna(), None), dtype="Int64")
    for column in ("article_id", "person", "name", "outcome", "role", "sentence"):
        out[column] = out[column].astype("object").where(out[column].notna(), "")
    return out.reset_index(drop=True)


def people_table(victims: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """The victims table for reading: person_id (article_id:start), source, title, person, name, age, outcome,
    role, sentence, before, words, after (the sentence cut around the words naming the person), in article
    order."""
    columns = ["person_id", "article_id", "source", "title", "person", "name", "age", "outcome", "role", "sentence",
               "before", "words", "after"]
    if victims is None or victims.empty:
        return pd.DataFrame(columns=columns)
    rows = victims.merge(articles[["article_id", "source", "title"]], on="article_id", how="inner")
    offsets = [str(s).find(str(p)) for s, p in zip(rows["sentence"], rows["person"])]
    cut = [(s[:o], s[o:o + len(p)], s[o + len(p):]) if o >= 0 else (s, "", "")
           for s, p, o in zip(rows["sentence"].astype(str), rows["person"].astype(str), offsets)]
    rows = rows.assign(person_id=rows["article_id"].astype(str) + ":" + rows["start"].astype(str),
                       before=[c[0] for c in cut], words=[c[1] for c in cut], after=[c[2] for c in cut])
    rows = rows.sort_values(["source", "article_id", "start"], kind="stable")
    return rows[columns].reset_index(drop=True)
