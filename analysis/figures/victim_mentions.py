"""Who one parsed sentence says was harmed or fired: the sentence rules of ``analysis.figures.victims``.

``sentence_mentions`` applies rules 2-4 and 7 of that module's docstring to one sentence parsed by
``analysis.figures.parse`` and returns ``Mention`` records; joining them across an article and
counting them is ``analysis.figures.victims``'. Word lists: ``data/people_lexicon.json``
(``people_lexicon``).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from analysis.figures.clause_subjects import (RELATIVE, REPORTING, antecedent, is_passive, listed_people,
                                              past_source, subject_of, subjects_of, who_antecedent)
from analysis.figures.conditions import condition_people, hurt_apart
from analysis.figures.name_mentions import (aged_names, arrested_pronouns, described_names, listed_victims,
                                            mourned_names, mourners_names, named_shooters, responsible_names,
                                            titled_officers)
from analysis.figures.numbers import parse_number_words
from analysis.figures.parse import Token, children, conjuncts, head_word, left_edge
from analysis.figures.person_names import TITLES, capitals, name_head, read_name

__all__ = ["Mention", "compatible_sex", "OUTCOME_RANK", "people_lexicon", "sentence_mentions"]

_DATA = Path(__file__).resolve().parents[1] / "data" / "people_lexicon.json"
_AGE = re.compile(r"\b(\d{1,3})[- ]years?[- ]old\b|\baged? (\d{1,3})\b", re.I)
_NOMINAL = ("NN", "PRP", "CD")
_MODALS = {"could", "would", "might", "should", "will"}  # "he will die": not yet
OUTCOME_RANK = {"": -1, "unknown": 0, "injured": 1, "killed": 2}  # "": named, not said to be harmed
_NOT_PEOPLE = {"dog", "dogs", "cat", "deer", "animal", "engine", "bill", "time", "plan", "deal", "car", "house", "home",
               "window", "door", "vehicle", "tire", "fire", "gun", "weapon", "shot", "shots", "round", "rounds",
               "light", "lights", "power", "idea", "motion", "story", "game"}
_BODY_PARTS = {"head", "chest", "back", "neck", "face", "abdomen", "torso", "stomach", "shoulder", "leg", "arm", "side",
               "hip", "buttocks", "thigh"}
_ELSEWHEN = re.compile(r"\b(?:in|of|since) (?:19|20)\d\d\b|\byears? ago\b|\blast year\b|\bcancer\b|\billness\b|"
                       r"\bwas \d{1,2}(?: years old)? when\b|"
                       r"\bnatural causes\b", re.I)  # an earlier event, or a death not by the gun


@cache
def people_lexicon() -> dict:
    """The word lists of ``data/people_lexicon.json``, as sets (``compounds`` and ``roles`` as dicts)."""
    raw = json.loads(_DATA.read_text(encoding="utf-8"))
    lex = {k: (set(v) if isinstance(v, list) else v) for k, v in raw.items() if not k.startswith("_")}
    lex["roles"] = {role: set(words) for role, words in raw["roles"].items()}
    lex["compound_re"] = re.compile(r"\b(" + "|".join(re.escape(k) for k in sorted(raw["compounds"], key=len,
                                                                                    reverse=True)) + r")\b", re.I)
    lex["shot_compound_re"] = re.compile(r"\b(" + "|".join(re.escape(k) for k in raw["shot_compounds"]) + r")\b", re.I)
    lex["self_re"] = re.compile("|".join(re.escape(p) for p in raw["self_harm"]), re.I)
    lex["self_shot_re"] = re.compile("|".join(re.escape(p) for p in raw["self_shot"]), re.I)
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
    sex: str = ""  # "m" or "f" where the words say: he, his wife, a boy
    late: bool = False  # read after the lede (``analysis.figures.victims``)
    lends: bool = False  # only a name for someone the article already has ("Officer X": the officer who fired)
    introduced: bool = False  # a lone name introduced as someone's: an age or a family word ("daughter Ada, 12")
    identified: bool = False  # the name an identification gives ("identified the girl as X")
    described: bool = False  # a name for a description ("her uncle, Al Roe"): of the one described so, or no one
    listed: bool = False  # one of "the victims were X and Y": no one told of before without a name, who may be others
    text: str = ""
    start: int = 0  # character offsets in the sentence
    end: int = 0


# --- one sentence -------------------------------------------------------------------------------------------------




def _blocked(tokens, kids, word: Token, lex) -> bool:
    if any(c.dep == "neg" or c.lower in lex["blockers"] or (c.dep == "aux" and c.lower in _MODALS)
           for c in kids[word.i]):
        return True
    head = tokens[word.head]
    return word.dep in ("xcomp", "amod") and (head.lower in lex["blockers"] or head.lower in ("going", "about"))


def _arguments(tokens, kids, word: Token, lex) -> tuple[list[Token], str]:
    """The words naming who ``word`` harmed, and the outcome it states."""
    low, tag = word.lower, word.tag
    kid_words = {c.lower for c in kids[word.i]}
    struck = low in lex["strike_verbs"] and tag.startswith("VB") and (any(
        t.lower in lex["gun_words"] for t in tokens) or any(  # "was struck in the head"
        c.lower == "in" and any(g.lower in _BODY_PARTS for g in kids[c.i]) for c in kids[word.i]))
    if word.dep == "amod" and tag in ("VBN", "VBG", "JJ") and (low in lex["kill_verbs"] or low in lex["wound_verbs"]
                                                              or struck) and not any(
            c.lower == "another" for c in kids[word.head]):  # "the slain teen", "killing officer X"; not "another"
        fatal = low in lex["kill_verbs"] or kid_words & lex["fatal_adverbs"]
        return [tokens[word.head]], "killed" if fatal else "injured" if low in lex["wound_verbs"] else "unknown"
    if tag.startswith("VB") and low in lex["shoot_verbs"] and "up" in kid_words:
        return [], ""  # "shot up a car": fired at a thing
    if tag.startswith("VB") and (low in lex["kill_verbs"] or low in lex["shoot_verbs"] or low in lex["wound_verbs"]
                                 or struck):  # "the bullet struck his son", "fired, hitting the boy"
        if low in lex["kill_verbs"] or kid_words & lex["fatal_adverbs"]:  # "mortally wounded"
            outcome = "killed"
        elif low in lex["wound_verbs"]:
            outcome = "injured"
        elif kid_words & lex["dead_words"] or "death" in {
                g.lower for c in kids[word.i] if c.lower == "to" for g in kids[c.i]}:
            outcome = "killed"
        else:
            outcome = "unknown"
        acts = any(c.dep == "dobj" or (c.dep == "nsubj" and c.lower in RELATIVE) for c in kids[word.i])
        if word.dep in ("acl", "relcl") and not acts and not _where(kids, word):
            # "a man killed Saturday"; not "the store where two were shot", nor "a man who shot and killed his wife"
            return [who_antecedent(tokens, word)], outcome
        if _found_shot(tokens, kids, word):
            return [c for c in kids[word.i] if c.dep == "nsubj"], outcome
        bare_participle = word.tag == "VBN" and not any(c.dep in ("dobj", "nsubj") for c in kids[word.i])
        if is_passive(kids, word) or bare_participle or (word.dep == "conj" and is_passive(kids, tokens[word.head])):
            return subjects_of(tokens, kids, word, passive_only=True), outcome
        objects = [c for c in kids[word.i] if c.dep == "dobj"]
        if not objects and word.dep == "conj":  # "shot and killed X": the object hangs on the last verb
            objects = [c for c in kids[word.head] if c.dep == "dobj"]
        return objects, outcome
    passed_away = low in ("pass", "passes", "passed") and any(c.lower == "away" for c in kids[word.i])
    if (low in lex["die_verbs"] or passed_away) and tag.startswith("VB"):
        if word.dep == "relcl" and not _where(kids, word):
            return [tokens[word.head]], "killed"  # not "the hospital, where he died"
        return subjects_of(tokens, kids, word), "killed"
    if low in lex["dead_words"]:
        if word.dep in ("amod", "acl"):  # "found a man dead", "found a girl dead in the basement"
            return [tokens[word.head]], "killed"
        own = [c for c in kids[word.i] if c.dep == "nsubj"]
        if own:  # "officers found Davis dead in the car": the parser gives "dead" its own subject
            return own, "killed"
        head = tokens[word.head]
        if head.lower in lex["shoot_verbs"]:
            return [], "killed"  # "shot dead": the verb names them
        objects = [c for c in kids[head.i] if c.dep == "dobj"]
        if objects and word.dep in ("oprd", "ccomp", "xcomp"):  # "left a man dead"
            return objects, "killed"
        return subjects_of(tokens, kids, head), "killed"
    if tag.startswith("NN") and low in ("body", "bodies") and not (
            head_word(tokens, word) in ("in", "to", "on") or kid_words & {"upper", "lower", "entire"}):
        # "found the body of Ann Lee", "Lee's body"; not "shot in his upper body"
        found = [g for c in kids[word.i] if c.dep == "prep" and c.lower == "of" for g in kids[c.i] if g.dep == "pobj"]
        return found + [c for c in kids[word.i] if c.dep == "poss"], "killed"
    if tag.startswith("NN") and (low in lex["death_nouns"] or low == "shooting"):
        head = tokens[word.head]
        if word.dep == "compound" and head.lower in ("victim", "victims"):  # "the homicide victim", "shooting victim"
            return [head], "unknown" if low == "shooting" else "killed"
        fatal = low != "shooting" or bool(kid_words & lex["fatal_adjectives"]) or word.dep == "compound"
        found = [g for c in kids[word.i] if c.dep == "prep" and c.lower == "of" for g in kids[c.i] if g.dep == "pobj"]
        found += [c for c in kids[word.i] if c.dep == "poss"]
        if word.dep == "pobj" and head.lower == "of" and tokens[head.head].lower in ("victim", "victims"):
            found.append(tokens[head.head])  # "the victim of a deadly shooting", "the victim of the homicide"
        if low == "shooting" and word.dep == "compound" and tokens[word.head].lower in lex["death_nouns"]:
            return [], "killed"  # "shooting death of X": read at "death"
        return found, "killed" if fatal else "unknown"
    return [], ""


def _where(kids, verb: Token) -> bool:
    """A relative clause of place or time ("the clinic where he died", "a gunfight during which X was struck") has a
    subject of its own."""
    wh = any(c.lower in ("where", "when") or (c.dep == "prep" and any(g.lower in ("which", "whom") for g in kids[c.i]))
             for c in kids[verb.i])
    return wh and any(c.dep in ("nsubj", "nsubjpass") for c in kids[verb.i])


def _common() -> set[str]:
    lex = people_lexicon()
    return lex["person_nouns"] | lex["pronouns"]


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
    appos = [c for c in kids[token.i] if c.dep == "appos"]
    if capitals(token) and appos and any(t.text.isalpha() and not t.text.isupper() for t in tokens):
        # "LA PORTE, Texas - A 90-year-old man was shot": the parser made the dateline the subject
        return _person(tokens, kids, appos[-1], sentence, lex, lenient=lenient, listed=listed)
    if token.tag in ("PRP", "PRP$"):  # "he was shot", "his death"
        if (low in lex["pronouns"] or low == "his") and low not in ("himself", "herself"):
            return Mention(0, token.i, token.i, "", kind="pronoun", sex=_sex(low))
        return None
    age_noun = low == "old" and any(c.lower in ("year", "years") for c in kids[token.i]) and token.dep in (
        "nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos")  # "a 17-year-old was shot": the age names someone
    if not token.tag.startswith(("NN", "CD")) and not age_noun:
        return None
    name = read_name(tokens, kids, token, common=_common())
    appos = [c for c in kids[token.i] if c.dep == "appos"]
    if not name:
        name = next((n for n in (read_name(tokens, kids, a, common=_common()) for a in appos) if n), "")
    if not name and token.dep == "appos":  # "Tia Long, the woman killed by police"
        name = read_name(tokens, kids, tokens[token.head], common=_common())
    if not name and token.i + 2 < len(tokens) and tokens[token.i + 1].text == ",":  # "her son, Al Roe," hung elsewhere
        after = next((t for t in tokens[token.i + 2:] if not t.tag.startswith("NNP")), tokens[-1])
        name = read_name(tokens, kids, tokens[after.i - 1], common=_common()) if after.i - 1 > token.i + 1 and \
            tokens[after.i - 1].dep == "appos" and after.text == "," else ""
    words = {t.lower for t in tokens[left_edge(kids, token):token.i + 1]}
    # After "killed" or "died", someone's anything is someone ("his landlord"); after "shot", only people.
    person_noun = low in lex["person_nouns"] or (lenient and token.tag in ("NN", "NNS") and low not in _NOT_PEOPLE
                                                 and any(c.dep == "poss" for c in kids[token.i])) or (
        listed and token.tag in ("NN", "NNS") and low not in _NOT_PEOPLE)
    if not name and not person_noun and not age_noun and not (words & lex["person_nouns"] and token.tag == "CD"):
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
    first = left_edge(kids, token)
    last = token.i
    age = None
    named_by = [] if token.tag.startswith("NNP") else appos  # "his son, Al, 9"; not "Al, his wife, 30": hers
    for a in appos + [g for n in named_by for g in kids[n.i] if g.dep == "appos"]:  # "Marcus Reed, 24,"
        if a.tag == "CD" and a.text.isdigit() and 0 < int(a.text) < 110:
            age, last = int(a.text), max(last, a.i)
            break  # "Mia Lee, 30, daughter Ada, 12": her own age, not the next one's
    span_text = sentence[tokens[first].idx:tokens[last].idx + len(tokens[last].text)]
    match = _AGE.search(span_text)
    if age is None and match:
        age = int(match.group(1) or match.group(2))
    role = next((r for r, nouns in lex["roles"].items() if low in nouns or words & nouns), "victim")
    definite = tokens[first].lower in ("the", "that", "this")
    kind = "name" if name else ("definite" if definite else "indefinite")
    introduced = bool(name) and " " not in name and (age is not None or any(
        c.dep == "compound" and c.lower in lex["kin_nouns"] for c in kids[token.i]) or (
        token.dep == "appos" and tokens[token.head].lower in lex["kin_nouns"]))
    return Mention(0, first, last, "", count=count, name=name, age=age, role=role, kind=kind, text=span_text,
                   start=tokens[first].idx, end=tokens[last].idx + len(tokens[last].text), sex=_sex(low),
                   introduced=introduced)


def _sex(word: str) -> str:
    return "m" if word in _MALE else "f" if word in _FEMALE else ""


def sentence_mentions(tokens: list[Token], sentence: str, *, sentence_idx: int = 0) -> list[Mention]:
    """The people one parsed sentence says were harmed (one per person or counted group)."""
    lex = people_lexicon()
    kids = children(tokens)
    found: dict[int, Mention] = {}
    for word in tokens:
        arguments, outcome = _arguments(tokens, kids, word, lex)
        if not arguments or _blocked(tokens, kids, word, lex):
            continue
        if _ELSEWHEN.search(sentence):
            outcome = ""  # named, but their harm is another event's
        elif outcome == "unknown" and lex["condition_re"].search(sentence):
            outcome = "injured"
        along = [c for a in kids[word.i] if a.lower == "along" for c in kids[a.i]]  # "with" may hang on "along"
        arguments += [g for c in kids[word.i] + along if c.lower == "with" and c.i and tokens[c.i - 1].lower == "along"
                      for g in kids[c.i] if g.dep == "pobj"]  # "X was killed along with Y"
        for argument in map(lambda a: past_source(tokens, kids, a), arguments):
            listed = False  # after one person, a listed noun is someone too: "a coach and two players"
            group = listed_people(tokens, kids, argument, lex["kin_nouns"])
            for k, token in enumerate(group):
                mention = _person(tokens, kids, token, sentence, lex, lenient=outcome == "killed", listed=listed)
                if mention is None or (listed and outcome == "killed" and
                                       hurt_apart(tokens, token, group[k + 1:], word, lex)):
                    continue
                listed = True
                if mention.kind == "pronoun":
                    mention.text, mention.start, mention.end = token.text, token.idx, token.idx + len(token.text)
                mention.sentence_idx = sentence_idx
                if outcome == "unknown" and mention.count > 1:
                    continue  # "four people were shot": a numeral count, the figure ledger's
                earlier = found.get(token.i)
                if earlier is None or OUTCOME_RANK[outcome] > OUTCOME_RANK[earlier.outcome]:
                    mention.outcome = outcome
                    found[token.i] = mention
    identified: list[tuple[Token, list[Token]]] = []  # "identified the boy who died as X": (the boy, [X])
    for word in tokens:  # the shooter of an active harm verb, "by X"; those charged, arrested, identified
        low, role, told = word.lower, "", ""
        if word.tag.startswith("VB") and (low in lex["kill_verbs"] or low in lex["shoot_verbs"]) and \
                not is_passive(kids, word) and not _found_shot(tokens, kids, word):
            people = [antecedent(tokens, word, c) for c in kids[word.i] if c.dep == "nsubj"]
            if people and _reduced_shot_and_killed(kids, word, lex):
                for token in people:
                    mention = _person(tokens, kids, token, sentence, lex)
                    if mention is not None and mention.kind != "pronoun" and token.i not in found:
                        mention.outcome, mention.sentence_idx = "killed", sentence_idx
                        found[token.i] = mention
                continue
        elif word.dep == "agent" and tokens[word.head].lower in lex["kill_verbs"] | lex["shoot_verbs"]:
            people = [c for c in kids[word.i] if c.dep == "pobj"]
        elif low in lex["suspect_verbs"]:
            people = [c for c in kids[word.i] if c.dep == "dobj" and (c.tag.startswith("NNP") or c.lower in
                      lex["person_nouns"])] if not is_passive(kids, word) else []  # "police arrested X"
            people = people or [c for c in kids[word.i] if c.dep in ("nsubj", "nsubjpass")]  # "X faces charges"
        elif low in lex["identify_verbs"]:
            named = [c for c in kids[word.i] if c.dep in ("dobj", "nsubjpass")]  # "identified the gunman as X"
            named += [tokens[word.head]] if word.dep == "acl" else [  # "the shooter, later identified as X,"
                c for c in kids[word.head] if c.dep == "nsubj" and c.i < word.i] if word.dep == "advcl" and not named \
                else []
            clauses = [c for h in named for c in kids[h.i] if c.dep in ("relcl", "acl")]
            agents = [g for c in kids[word.i] if c.dep == "agent" for g in kids[c.i] if g.dep == "pobj"]
            of = [g for h in named if h.tag == "CD" for c in kids[h.i] if c.lower == "of" for g in kids[c.i]
                  if g.dep == "pobj"]  # "identified one of the suspects as X": "as" may hang on "suspects"
            people = [g for h in (word, *named, *of, *clauses, *agents) for c in kids[h.i] if c.lower == "as"
                      for g in kids[c.i] if g.dep == "pobj"]  # "as" on the verb, the one identified, its clause or
            # who identified them ("was identified by State Police as X"); "named a suspect: X"
            people += [c for c in kids[word.i] if c.dep == "oprd" and c.tag.startswith("NNP")]
            colon = next((t for t in kids[word.i] if t.text == ":" and t.i > word.i), None)
            people += [next(t for t in tokens[colon.i + 1:] if t.dep != "compound")] if colon is not None and \
                colon.i + 1 < len(tokens) and tokens[colon.i + 1].tag.startswith("NNP") and not people else []
            # "named a suspect in this case: X, 19": the name after the colon, wherever the parser hung it
            if any(h.lower in lex["kin_of_the_harmed"] for h in named):
                people = []  # "identified the parents as X and Y": the family of someone harmed
            role = "keep"
            role = next((_role(kids, tokens, c, lex) for c in named if _role(kids, tokens, c, lex) != "victim"), role)
            told = next((out for h in named for c in kids[h.i] if c.dep in ("relcl", "acl")
                         for args, out in [_arguments(tokens, kids, c, lex)] if h in args), "")
            if not told and any(h.lower == "victims" for h in named):  # "identified the victims as X and Y": shot
                told = "unknown"
            if people and all(p.lower in lex["shooter_nouns"] for p in people):  # "X was identified as the suspect"
                people, named, role = [h for h in named if h.tag.startswith("NNP")], [], "shooter"
        elif low == "condition" and word.dep == "pobj" and lex["condition_re"].search(sentence) and \
                tokens[word.head].lower == "in":  # "Ted Ames remains in serious condition": he was hurt
            verb = tokens[tokens[word.head].head]
            subject = subject_of(tokens, kids, verb) if verb.tag.startswith("VB") else None
            people, role, told = ([subject] if subject is not None else []), "keep", "injured"
        elif (low in ("victim", "victims") or low in lex["shooter_nouns"]) and word.tag.startswith("NN") and not (
                word.i and word.text[0].isupper()):  # not a headline's "Crash Victim Home Burglarized"
            # "the victim, Ken Bart", "victim Ed Ruiz", "Al Post, the suspect"
            people = [c for c in kids[word.i] if c.dep == "appos"] + ([name_head(tokens, word)] if word.dep in (
                "compound", "appos", "nmod") and not any(c.dep == "case" for c in kids[word.i]) else [])
            # not "X, the victim's mother": someone of the victim's; "The shooter, X, fled": X, though the parser
            # made both subjects of "fled"
            people += [t for t in tokens[word.i + 2:word.i + 7] if t.dep == word.dep == "nsubj" and t.head == word.head
                       and t.tag.startswith("NNP") and tokens[word.i + 1].text == ","][:1]
            role = "keep" if low.startswith("victim") else "shooter"
        elif low == "turned" and {c.lower for c in kids[word.i]} & {"himself", "herself"} and \
                {c.lower for c in kids[word.i]} & {"in", "into"}:  # "X turned himself in"
            people, role = [c for c in kids[word.i] if c.dep == "nsubj"], "shooter"
        elif (people := named_shooters(tokens, kids, word, lex)):
            role = "shooter"
        elif (people := _found_wounded(tokens, kids, word, sentence, lex)):
            role = "found"
        else:
            continue
        names = []
        for argument in people:
            for token in listed_people(tokens, kids, argument, lex["kin_nouns"]):
                mention = _person(tokens, kids, token, sentence, lex)
                # "when a deputy opened fire": an officer who fired is someone, named or not, so that "Deputy X"
                # told of later has someone to name
                fired = role == "shooter" and low in lex["fire_verbs"] and mention is not None and \
                    mention.role == "officer" and mention.count == 1 and mention.kind != "pronoun"
                if mention is None or token.i in found or mention.kind == "pronoun" or (
                        role and not mention.name and not fired):
                    continue
                mention.sentence_idx, mention.outcome = sentence_idx, told  # "identified the men killed as X, Y"
                if role == "found":
                    mention.outcome = "injured" if lex["condition_re"].search(sentence) or low in (
                        "suffered", "sustained", "suffering", "sustaining") else "unknown"  # "suffered a gunshot wound"
                elif role in ("shooter", "officer") and not fired:  # an officer who fired stays an officer
                    mention.role = role
                elif role != "keep" and mention.role == "victim":
                    mention.role = "shooter"
                mention.identified = low in lex["identify_verbs"]
                found[token.i] = mention
                names.append(token)
        if names and low in lex["identify_verbs"]:
            identified += [(h, names) for h in named]
    _copulas(tokens, kids, sentence, lex, found, sentence_idx)
    listed_victims(tokens, kids, sentence, lex, found, sentence_idx, _person)
    titled_officers(tokens, kids, sentence, lex, found, sentence_idx, _person)
    mourned_names(tokens, kids, sentence, lex, found, sentence_idx, _person)
    arrested_pronouns(tokens, kids, sentence, lex, found, sentence_idx, _person)
    described_names(tokens, kids, sentence, lex, found, sentence_idx, _person)
    mourners_names(tokens, kids, sentence, lex, found, sentence_idx, _person)
    responsible_names(tokens, kids, sentence, lex, found, sentence_idx, _person)
    _self_harm(tokens, kids, sentence, lex, found, sentence_idx)
    condition_people(tokens, kids, sentence, lex, found, sentence_idx, _person)  # "She is in stable condition"
    for described, names in identified:
        _rename(found, described, names)
    _resolve_pronouns(tokens, kids, sentence, lex, found)
    aged_names(tokens, kids, sentence, lex, found, sentence_idx, _person)
    return [found[i] for i in sorted(found)]


def _self_harm(tokens, kids, sentence: str, lex, found: dict[int, Mention], sentence_idx: int) -> None:
    """"turned the gun on himself", "took his own life": the nearest subject before the words, of a verb they hang
    on (not "said": "..., Sheriff Al Dunn said"; "who" standing for its noun) killed himself and was the shooter;
    one who "shot himself" was the shooter, outcome not stated. A he/she there is the nearest person named before
    it ("police tracked Al Moss to a motel, where he took his life")."""
    match, outcome = lex["self_re"].search(sentence), "killed"
    if match and re.match(r"\s*(?:\w+\s+)?(?:death|wound|injury)\s+of\b", sentence[match.end():]):
        return  # "the self-inflicted gunshot death of a boy": the death noun's rule names him
    if not match:  # "killed his two children and himself": himself among the ones killed
        match = next((re.compile(r"\w+").match(sentence, t.idx) for t in tokens if t.lower in ("himself", "herself")
                      and t.dep == "conj" and tokens[t.head].dep == "dobj"
                      and tokens[tokens[t.head].head].lower in lex["kill_verbs"]), None)
    if not match:
        match, outcome = lex["self_shot_re"].search(sentence), "unknown"
    if not match:
        return
    if _ELSEWHEN.search(sentence):  # "X was 13 when he suffered a self-inflicted gunshot wound": another event
        outcome = ""
    elif outcome == "killed" and "self-inflicted" in match.group().lower() and re.search(r"\baccidental", sentence,
                                                                                       re.I):
        outcome = "unknown"  # "an accidental, self-inflicted gunshot wound" is no suicide
    at = next(t for t in tokens if t.idx + len(t.text) > match.start())
    above = {at.i}
    while at.head != at.i and at.head not in above:  # the verbs the words hang on
        above.add(at.head)
        at = tokens[at.head]
    subjects = [antecedent(tokens, tokens[t.head], t) for t in tokens if t.dep in ("nsubj", "nsubjpass") and
                tokens[t.head].lower not in REPORTING and t.head in above]
    before = [t for t in subjects if t.idx < match.start()]
    for token in before[::-1] + [t for t in subjects if t.idx >= match.start()]:
        mention = _person(tokens, kids, token, sentence, lex, listed=True)  # whoever took their life: "a farmer"
        if mention is None:
            continue
        if mention.kind == "pronoun":
            named = [(t, m) for t in tokens[:token.i][::-1] if t.tag.startswith("NNP") and t.dep in _ARGUMENT_DEPS
                     for m in [_person(tokens, kids, t, sentence, lex)] if m is not None and m.name]
            if named:
                token, mention = named[0]
            else:
                mention.text, mention.start, mention.end = token.text, token.idx, token.idx + len(token.text)
        earlier = found.get(token.i)
        mention.sentence_idx = sentence_idx
        mention.outcome = outcome if earlier is None or OUTCOME_RANK[outcome] >= OUTCOME_RANK[earlier.outcome] \
            else earlier.outcome
        if mention.role == "victim":
            mention.role = "shooter"
        found[token.i] = mention
        return


_ARGUMENT_DEPS = ("nsubj", "nsubjpass", "dobj", "appos")  # not "in Indianapolis, where he ..."


def _rename(found: dict[int, Mention], described: Token, names: list[Token]) -> bool:
    """The names stand in for the people the other words describe: they take their outcome and role."""
    other = found.get(described.i)
    people = [found[t.i] for t in names if t.i in found and found[t.i].name]
    if other is None or other.name or not people or (other.count > 1 and other.count != len(people)):
        return False
    del found[described.i]
    for mention in people:
        if OUTCOME_RANK[other.outcome] > OUTCOME_RANK[mention.outcome]:
            mention.outcome = other.outcome
        mention.role = other.role if other.role != "victim" else mention.role
    return True


_MALE = {"he", "him", "his", "himself", "man", "boy", "father", "son", "husband", "brother", "boyfriend", "grandfather",
         "grandson", "uncle", "nephew", "dad", "male", "gentleman"}
_FEMALE = {"she", "her", "herself", "woman", "girl", "mother", "daughter", "wife", "sister", "girlfriend",
           "grandmother", "granddaughter", "aunt", "niece", "mom", "female", "lady"}


def compatible_sex(a: str, b: str) -> bool:
    return not a or not b or a == b


def _resolve_pronouns(tokens, kids, sentence: str, lex, found: dict[int, Mention]) -> None:
    """"Deputies found a 31-year-old man outside and took him to a hospital, where he died": a harmed he/she is the
    nearest person named before it in the same sentence, of a compatible sex and not the shooter; only when there is
    none does it refer back across sentences (``analysis.figures.victims``). The subject of a clause "before"/"after"
    on a harm verb is that verb's own subject, the shooter ("a man shot an officer before he was found dead")."""
    for i in [i for i, m in found.items() if m.kind == "pronoun" and m.role != "shooter"]:
        sex = _MALE if tokens[i].lower in _MALE else _FEMALE
        if (shooter := _clause_shooter(tokens, kids, tokens[i], found, lex)) is not None:
            pronoun = found.pop(i)
            if OUTCOME_RANK[pronoun.outcome] > OUTCOME_RANK[shooter.outcome]:
                shooter.outcome = pronoun.outcome
            continue
        for j in range(i - 1, -1, -1):
            token = tokens[j]
            earlier = found.get(j)
            if earlier is None and (token.dep not in ("nsubj", "nsubjpass", "dobj", "appos", "attr") or
                                    token.tag not in ("NN", "NNP", "NNPS") or (
                    token.tag.startswith("NNP") and (token.dep not in ("nsubj", "nsubjpass") or
                                                     tokens[i].tag != "PRP" or
                                                     tokens[token.head].lower in REPORTING or any(
                        c.dep == "compound" and c.lower.rstrip(".") in TITLES for c in kids[token.i])))):
                continue  # not "the hospital" in "taken to the hospital, where he died", nor one who speaks; a
                # name that is the subject of the clause is, for a he/she that is a subject too: "X was rushed to
                # County General, where he died" (not "Sheriff X described ... her death"); a surname ending in s is
                # often tagged as a plural one: "Al Wills was taken to a hospital, where he died"
            fired = token.dep == "nsubj" and tokens[token.head].lower in (
                lex["kill_verbs"] | lex["shoot_verbs"] | lex["fire_verbs"])
            if fired or (earlier is not None and earlier.role == "shooter") or token.lower in lex["kin_of_the_harmed"]:
                continue  # nor "X's family said ... her death": a family is no he/she
            if (token.lower in _MALE | _FEMALE and token.lower not in sex) or (
                    earlier is None and (earlier := _person(tokens, kids, token, sentence, lex)) is None):
                continue
            if earlier.kind == "pronoun" or earlier.count != 1 or earlier.role == "shooter":
                continue
            pronoun = found.pop(i)
            if OUTCOME_RANK[pronoun.outcome] > OUTCOME_RANK[earlier.outcome]:
                earlier.outcome = pronoun.outcome
            earlier.sentence_idx = pronoun.sentence_idx
            found[j] = earlier
            break


def _clause_shooter(tokens, kids, pronoun: Token, found: dict[int, Mention], lex) -> Mention | None:
    """The shooter a he/she stands for: the subject of a clause "before"/"after" on an active harm verb is its
    subject, when that is a person the sentence calls the shooter, of a compatible sex."""
    clause = tokens[pronoun.head]
    if pronoun.dep not in ("nsubj", "nsubjpass") or clause.dep != "advcl" or not any(
            c.dep == "mark" and c.lower in ("before", "after") for c in kids[clause.i]):
        return None
    verb = tokens[clause.head]
    if verb.lower not in lex["shoot_verbs"] | lex["kill_verbs"] or is_passive(kids, verb):
        return None
    return next((found[c.i] for c in kids[verb.i] if c.dep == "nsubj" and c.i in found and found[c.i].role ==
                 "shooter" and found[c.i].kind != "pronoun" and compatible_sex(found[c.i].sex, _sex(pronoun.lower))),
                None)


_FIND_VERBS = {"found", "find", "finds", "finding", "discovered", "located", "left", "leaving", "leaves"}


def _found_shot(tokens, kids, word: Token) -> bool:
    """"Officers found Dan Gray shot in the chest", "found a man shot to death": the parser makes the one found the
    subject of "shot"; with no object of its own, "shot" says what was done to them."""
    return word.dep in ("ccomp", "xcomp", "oprd") and tokens[word.head].lower in _FIND_VERBS and \
        any(c.dep == "nsubj" for c in kids[word.i]) and not any(c.dep in ("dobj", "auxpass") for c in kids[word.i])


def _role(kids, tokens, token: Token, lex) -> str:
    """The role the words of a noun phrase state: "the gunman" -> shooter, "a deputy" -> officer, "one of the
    shooters" -> shooter, else victim."""
    words = {t.lower for t in tokens[left_edge(kids, token):token.i + 1]}
    if token.lower in ("one", "two", "three", "another"):  # "one of the suspects": the noun after "of"
        words |= {g.lower for c in kids[token.i] if c.lower == "of" for g in kids[c.i] if g.dep == "pobj"}
    return next((r for r, nouns in lex["roles"].items() if token.lower in nouns or words & nouns), "victim")


def _copulas(tokens, kids, sentence: str, lex, found: dict[int, Mention], sentence_idx: int) -> None:
    """"Ann Lee and Bo Diaz were the two people killed", "the man who shot him is Carl Webb": names on one side of
    "is"/"was" are the people the other side describes, and take their outcome and role (in place of them)."""
    for verb in tokens:
        if verb.lower not in ("is", "was", "are", "were") or verb.tag[:2] != "VB":
            continue
        sides = [c for c in kids[verb.i] if c.dep in ("nsubj", "attr")]
        after = [i for i, m in found.items() if m.first == verb.i + 1 and tokens[i].dep != "attr"]
        if len(sides) == 1 and sides[0].i < verb.i and after:  # "Al Moss, 48, was the man killed", "the man" misparsed
            sides.append(tokens[after[0]])
        if len(sides) != 2:
            continue
        for described, naming in (sides, sides[::-1]):
            other = found.get(described.i)
            if other is None and naming.i > verb.i:  # "The victim was Lena Drake", "Her name was Lena Drake"
                other = _described(tokens, kids, described, sentence, lex)
            elif other is None and described.dep == "attr" and _role(kids, tokens, described, lex) != "victim":
                other = _described(tokens, kids, described, sentence, lex)  # "X was the officer who fired"
            if other is None or other.name:
                continue
            people = [(t, _person(tokens, kids, t, sentence, lex)) for t in conjuncts(kids, naming)]
            people = [(t, m) for t, m in people if m is not None and m.name]
            if not people or (other.count > 1 and other.count != len(people)):
                continue
            found.pop(described.i, None)
            for token, mention in people:
                mention.outcome, mention.sentence_idx = other.outcome, sentence_idx
                mention.role = other.role if other.role != "victim" else mention.role
                found[token.i] = mention
            break


def _described(tokens, kids, word: Token, sentence: str, lex) -> Mention | None:
    """"the victim", "the man", "her name" as the subject of "is"/"was": someone the article has described, whom the
    name after the verb names (no outcome of its own: the name joins the person described earlier)."""
    if word.lower == "name" and any(c.dep == "poss" and c.tag == "PRP$" for c in kids[word.i]):
        return Mention(0, word.i, word.i, "", kind="definite", sex=_sex(next(
            c.lower for c in kids[word.i] if c.dep == "poss")))
    if word.tag != "NN" or word.lower not in lex["person_nouns"] or not any(
            c.dep == "det" and c.lower in ("the", "this", "that") for c in kids[word.i]):
        return None
    return _person(tokens, kids, word, sentence, lex)


def _reduced_shot_and_killed(kids, word: Token, lex) -> bool:
    """"The 15-year-old girl shot and killed Tuesday has been identified": an active-looking "shot and killed" with
    no object on either verb is a reduced passive, and its subject the one killed, not the shooter."""
    conj = [c for c in kids[word.i] if c.dep == "conj" and c.lower in lex["kill_verbs"]]
    if word.lower not in lex["shoot_verbs"] or not conj or any(c.lower in RELATIVE for c in kids[word.i]):
        return False  # "the officer who shot and killed Hayes" is active, though the parser lost "Hayes"
    return not any(c.dep in ("dobj", "attr") for v in (word, *conj) for c in kids[v.i])


_WOUND_VERBS = {"found", "had", "has", "suffered", "suffering", "sustained", "sustaining", "recovering", "recovered"}


def _found_wounded(tokens, kids, word: Token, sentence: str, lex) -> list[Token]:
    """"Officers found David Pena, 22, suffering from a gunshot wound": someone found with a wound was shot; so was
    someone who "had gunshot wounds" or "suffered a gunshot wound"."""
    low = word.lower
    if not word.tag.startswith("VB") or is_passive(kids, word) or low not in _WOUND_VERBS:
        return []
    if low != "found":
        objects = [c for c in kids[word.i] if c.dep == "dobj"]
        if low in ("suffering", "recovering", "suffered", "recovered"):  # "suffering from a gunshot wound"
            objects += [g for c in kids[word.i] if c.lower == "from" for g in kids[c.i] if g.dep == "pobj"]
        wound = {c.lower for c in objects} & {"wound", "wounds", "injuries", "injury"}
        gunshot = any(g.lower in ("gunshot", "bullet") for o in objects for g in kids[o.i]) or (
            low not in ("had", "has") and lex["condition_re"].search(sentence))  # "sustained life-threatening injuries"
        if not (wound and (gunshot or low in ("suffering", "recovering"))):
            return []
        if word.dep == "pcomp":  # "a man was dropped off at the Ward Room suffering from wounds": the man
            prep = tokens[word.head]
            subject = subject_of(tokens, kids, tokens[prep.head]) if prep.head != prep.i else None
            return [subject] if subject is not None else []
        subjects = [c for c in kids[word.i] if c.dep == "nsubj" and word.dep != "pcomp"]
        return subjects or subjects_of(tokens, kids, word)
    if not any(w in sentence.lower() for w in lex["found_wounds"]):
        return []
    return [c for c in kids[word.i] if c.dep == "dobj"]
