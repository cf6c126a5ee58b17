"""Names told without a harm verb, which name someone the article tells of: rule 7 of ``analysis.figures.victims``.

``analysis.figures.victim_mentions`` calls these on every parsed sentence, after the harm predicates, with its own
reading of a person (``person``: a token to a ``Mention`` or None); each adds ``Mention`` records to ``found``
(token index to mention) for tokens not already read. Most such names only lend themselves (``Mention.lends``): they
name someone the article has already described without a name, and add no one. ``named_shooters`` instead returns
the tokens one word names as the one who fired or is held or sought, also the one who held a gun that then fired
("X was cleaning his rifle when it discharged": ``_holder``).

Known misses: the holder of a gun told in another sentence than the one where it goes off; two people handling it
together ("X and Y were passing the rifle around when it fired": who fired is not told, so neither is named a shooter).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from analysis.figures.clause_subjects import REPORTING, is_passive, listed_people
from analysis.figures.parse import Token

__all__ = ["aged_names", "arrested_pronouns", "described_names", "listed_victims", "mourned_names", "mourners_names",
           "named_shooters", "responsible_names", "titled_officers"]

_OFFICER_TITLES = {"officer", "deputy", "trooper", "sgt", "sgt.", "sergeant", "det", "det.", "detective", "cpl",
                   "cpl.", "corporal", "patrolman"}
_SPOKES = {"spokesman", "spokeswoman", "spokesperson", "chief", "sheriff", "commissioner", "captain"}


def titled_officers(tokens, kids, sentence: str, lex, found: dict, sentence_idx: int, person: Callable) -> None:
    """"Officer Brad Moss" in a sentence about the shooting names the officer the article describes without a name
    ("the officer who fired"); such a name only lends itself (``Mention.lends``), never adds anyone, and not
    when it is the one who spoke ("Sgt. Ann Ray said", "Sgt. Ann Ray, a spokeswoman")."""
    for token in tokens:
        if token.i in found or not token.tag.startswith("NNP") or token.dep == "compound" or not any(
                c.dep == "compound" and c.lower in _OFFICER_TITLES for c in kids[token.i]):
            continue
        spoke = token.dep == "nsubj" and tokens[token.head].lower in REPORTING
        if spoke or any(g.lower in _SPOKES for a in kids[token.i] if a.dep == "appos" for g in (a, *kids[a.i])):
            continue
        mention = person(tokens, kids, token, sentence, lex)
        if mention is not None and mention.name:
            mention.role, mention.outcome, mention.lends, mention.sentence_idx = "officer", "", True, sentence_idx
            found[token.i] = mention


def aged_names(tokens, kids, sentence: str, lex, found: dict, sentence_idx: int, person: Callable) -> None:
    """"A man was killed ... Jamal Heath, 26, was lying in the street": a full name with an age, the subject of a
    verb that is not a reporting one, names the one unnamed person the article has (``Mention.lends``: it adds no
    one); not "Al Roe, 40, said he heard shots"."""
    for token in tokens:
        if token.i in found or not token.tag.startswith("NNP") or token.dep not in ("nsubj", "nsubjpass") or \
                tokens[token.head].lower in REPORTING or not any(
                c.dep == "appos" and c.tag == "CD" for c in kids[token.i]):
            continue
        mention = person(tokens, kids, token, sentence, lex)
        if mention is not None and mention.name and " " in mention.name and mention.age is not None:
            mention.lends, mention.sentence_idx = True, sentence_idx
            found[token.i] = mention


_MOURNING = {"vigil", "vigils", "funeral", "funerals", "memorial", "memorials", "wake", "burial", "memory"}


def mourned_names(tokens, kids, sentence: str, lex, found: dict, sentence_idx: int, person: Callable) -> None:
    """"a vigil for Ada Moss", "the funeral of Ada Moss", "in memory of Ada Moss": the one mourned was killed (a
    victim); not a vigil's place ("a vigil on Main Street")."""
    for word in tokens:
        if word.lower not in _MOURNING or not word.tag.startswith("NN"):
            continue
        for prep in kids[word.i]:
            if prep.dep != "prep" or prep.lower not in ("for", "of"):
                continue
            for token in kids[prep.i]:
                if token.dep != "pobj" or token.i in found or not token.tag.startswith("NNP"):
                    continue
                mention = person(tokens, kids, token, sentence, lex)
                if mention is not None and mention.name:
                    mention.outcome, mention.sentence_idx = "killed", sentence_idx
                    found[token.i] = mention


_ARRESTS = {"arrested", "arresting", "detained", "apprehended", "booked", "charged", "charging", "jailed"}


def arrested_pronouns(tokens, kids, sentence: str, lex, found: dict, sentence_idx: int, person: Callable) -> None:
    """"Deputies found Al Roe, 43, in the basement and arrested him": a he/she who was arrested is the nearest name
    before it in the sentence, a subject or object (not a place: "X, of Camp Hill, was arrested ... charging him"), and
    not the one who arrested; that one is the shooter, no outcome stated."""
    for word in tokens:
        if word.lower not in _ARRESTS or not word.tag.startswith("VB"):
            continue
        if not any(c.dep == "dobj" and c.lower in ("him", "her") for c in kids[word.i]):
            continue
        subjects = {c.i for c in kids[word.i] if c.dep == "nsubj"}
        for token in tokens[:word.i][::-1]:
            if not token.tag.startswith("NNP") or token.dep not in ("dobj", "nsubj", "nsubjpass") or \
                    token.i in subjects:
                continue
            mention = person(tokens, kids, token, sentence, lex)
            if mention is None or not mention.name or " " not in mention.name:
                continue
            if token.i not in found:
                mention.role, mention.sentence_idx = "shooter", sentence_idx
                found[token.i] = mention
            break


def described_names(tokens, kids, sentence: str, lex, found: dict, sentence_idx: int, person: Callable) -> None:
    """"A girl was shot by her uncle ... Her uncle, Luke Ames, lives at the home": a description with "the", "his",
    "her" or "their" and a full name in apposition names the one the article described so before, whatever the verb
    (``Mention.described``: it joins the one person described with the same noun, or no one, and adds no one;
    ``analysis.figures.victims``)."""
    for token in tokens:
        if token.i in found or token.tag != "NN" or token.lower not in lex["person_nouns"] or not any(
                c.lower in ("the", "his", "her", "their") and c.dep in ("det", "poss") for c in kids[token.i]):
            continue
        if not any(c.dep == "appos" and c.tag.startswith("NNP") for c in kids[token.i]):
            continue
        mention = person(tokens, kids, token, sentence, lex)
        if mention is not None and " " in mention.name:
            mention.lends = mention.identified = mention.described = True
            mention.sentence_idx = sentence_idx
            found[token.i] = mention


_MOURNERS = {"family", "families", "friends", "relatives", "loved", "ones", "parents", "mother", "father", "widow"}
_GRIEF = re.compile(r"\b(?:vigil|funeral|memorial|mourn|remember|griev|killed|death|died|lost)", re.I)


def mourners_names(tokens, kids, sentence: str, lex, found: dict, sentence_idx: int, person: Callable) -> None:
    """"Ada Moss's family held a vigil near where the nurse was killed": a full name whose family or friends grieve
    names the one unnamed person the sentence says was killed, or else (``Mention.lends``) the one unnamed victim
    the article told of just before; it adds no one. Not without words of grief or death ("X's family said he was
    a good student" may be the gunman's)."""
    if not _GRIEF.search(sentence):
        return
    for token in tokens:
        if token.i in found or token.dep != "poss" or not token.tag.startswith("NNP") or \
                tokens[token.head].lower not in _MOURNERS:
            continue
        mention = person(tokens, kids, token, sentence, lex)
        if mention is None or " " not in mention.name:
            continue
        dead = [i for i, m in found.items() if m.kind in ("definite", "indefinite") and m.count == 1
                and m.role == "victim" and m.outcome == "killed"]
        if len(dead) == 1:  # the one the sentence says was killed: named here
            found.pop(dead[0])
            mention.outcome = "killed"
        else:
            mention.lends = True
        mention.sentence_idx = sentence_idx
        found[token.i] = mention


def responsible_names(tokens, kids, sentence: str, lex, found: dict, sentence_idx: int, person: Callable) -> None:
    """"Police believe Kyle Brandt was responsible for the shooting", "X and a teen are responsible for shooting the
    dog": the named subjects of "responsible for" a shooting or killing fired (shooters, no outcome stated)."""
    harms = lex["shoot_verbs"] | lex["kill_verbs"] | lex["death_nouns"]
    for word in tokens:
        if word.lower != "responsible" or word.dep != "acomp" or not any(
                g.lower in harms for c in kids[word.i] if c.lower == "for" for g in kids[c.i]):
            continue
        subjects = [c for c in kids[word.head] if c.dep == "nsubj"]
        for token in [t for s in subjects for t in (s, *(c for c in kids[s.i] if c.dep == "conj"))]:
            mention = person(tokens, kids, token, sentence, lex) if token.i not in found else None
            if mention is not None and mention.name:
                mention.role, mention.sentence_idx = "shooter", sentence_idx
                found[token.i] = mention


def named_shooters(tokens, kids, word: Token, lex) -> list[Token]:
    """Who fired or was held, in words other than a harm verb: "police arrested Carl Hensley", "took Brent Thomas
    into custody", "Hall fired at the deputy", "opened fire", "gunfire from Jason Foreland", "the suspect is X",
    "X was cleaning his rifle when it went off"; and
    who is sought: "X remains at large", "X is wanted", "a warrant for X" (the tokens; ``sentence_mentions`` reads
    them as shooters)."""
    low = word.lower
    if low == "taken" and is_passive(kids, word) and "custody" in {g.lower for c in kids[word.i] for g in kids[c.i]}:
        return [c for c in kids[word.i] if c.dep == "nsubjpass"]  # "X was taken into custody"
    if low == "held" and is_passive(kids, word) and {g.lower for c in kids[word.i] for g in (c, *kids[c.i])} & {
            "jail", "custody", "bond", "bail", "lockup", "detention"}:  # "X is being held in the county jail"
        return [c for c in kids[word.i] if c.dep == "nsubjpass"]
    if (holder := _holder(tokens, kids, word)) is not None:  # "X was cleaning his rifle when it discharged"; not
        # "X and Y were passing the rifle around when it fired": which of them fired is not told
        return [c for c in kids[holder.i] if c.dep == "nsubj" and not any(g.dep == "conj" for g in kids[c.i])]
    if word.tag.startswith("VB") and not is_passive(kids, word):
        if low in lex["custody_verbs"]:
            if low in ("took", "taken") and "custody" not in {g.lower for c in kids[word.i] for g in kids[c.i]}:
                return []
            return [c for c in kids[word.i] if c.dep == "dobj"]
        if low in lex["fire_verbs"]:
            if low == "opened" and "fire" not in {c.lower for c in kids[word.i]}:
                return []
            subjects = [c for c in kids[word.i] if c.dep == "nsubj"]
            return subjects or ([c for c in kids[word.head] if c.dep == "nsubj"] if word.dep == "conj" else [])
        if low in ("is", "was") and any(c.dep == "nsubj" and c.lower in lex["shooter_nouns"] for c in kids[word.i]):
            return [c for c in kids[word.i] if c.dep == "attr"]
    if low == "at" and any(c.lower == "large" for c in kids[word.i]) and word.head != word.i:  # "X remains at large"
        return [c for c in kids[word.head] if c.dep == "nsubj"]
    if low == "wanted" and is_passive(kids, word):  # "X is wanted in the shooting"
        return [c for c in kids[word.i] if c.dep == "nsubjpass"]
    if low == "for" and tokens[word.head].lower in ("warrant", "warrants"):  # "an arrest warrant for X"
        return [c for c in kids[word.i] if c.dep == "pobj"]
    if low in ("searching", "looking", "hunting", "search") and word.tag.startswith(("VB", "NN")):
        return [g for c in kids[word.i] if c.lower == "for" for g in kids[c.i] if g.dep == "pobj"]  # "searching for X"
    if low == "from" and word.i > 0 and (tokens[word.head].lower in lex["gunfire_nouns"]
                                         or tokens[word.i - 1].lower in lex["gunfire_nouns"]):
        return [c for c in kids[word.i] if c.dep == "pobj"]
    return []


_GUNS = {"gun", "guns", "rifle", "handgun", "pistol", "shotgun", "revolver", "firearm", "weapon", "it"}
_GOES_OFF = {"discharged", "discharges", "fired", "fires", "went", "goes"}


def _holder(tokens, kids, word: Token) -> Token | None:
    """"Tom Reed was cleaning his rifle when it discharged", "As Dan Pike was handling his gun, it went off", "Ray Cole
    was showing Tim Bell a handgun when it fired": a gun going off (its subject the gun or "it") in a clause joined to
    one where someone handles the gun (the gun the object of that clause's verb, or of its "with"); that verb, whose
    subject fired it. Not "X was sitting on the couch when the gun went off": nobody said to hold it."""
    if word.lower not in _GOES_OFF or not word.tag.startswith("VB") or not any(
            c.dep == "nsubj" and c.lower in _GUNS for c in kids[word.i]):
        return None
    if word.lower in ("went", "goes") and not any(c.lower == "off" for c in kids[word.i]):
        return None
    clauses = ([tokens[word.head]] if word.dep == "advcl" else []) + [c for c in kids[word.i] if c.dep == "advcl"]
    for verb in clauses:
        objects = [c for c in kids[verb.i] if c.dep in ("dobj", "dative")]
        objects += [g for c in kids[verb.i] if c.lower == "with" for g in kids[c.i] if g.dep == "pobj"]
        objects += [g for c in objects for g in kids[c.i] if g.dep == "appos"]  # "showing Tim Bell a handgun"
        if verb.tag.startswith("VB") and verb.i != word.i and any(o.lower in _GUNS - {"guns"} for o in objects):
            return verb
    return None


_LISTED_AS = {"dead": "killed", "deceased": "killed", "wounded": "injured", "injured": "injured", "victims": ""}


def listed_victims(tokens, kids, sentence: str, lex, found: dict, sentence_idx: int, person: Callable) -> None:
    """"The dead are Ray Cole, 24, Tom Bell, 31, and Al Diaz, 19", "The wounded were Ray Cole and Tom Bell": the
    names after "is"/"are"/"was"/"were" that a plural "the dead" or "the wounded" opens are an identification
    (``Mention.identified``), killed for "the dead", injured for "the wounded". "The victims were X and Y" (not
    "the other victims") names them too, but says nothing of how they were harmed and may name part of a larger
    group ("left three dead ... the victims are X and his two children, Y and a 13-year-old"): the names take no
    outcome of their own (so no count: given one, on real news it added a count of the injured that was wrong more
    often than right) and join no one told of before without a name (``Mention.listed``); the lede's death toll
    makes them its dead where it has more dead than the article describes (``analysis.figures.victims`` rule 5).
    Also "those victims were X, Y", "the other victims were X, Y" (people besides those told of before: they join no
    one either), a list after a colon ("the victims were: X, 11; Y, 9") and family words with names ("the victims
    are an uncle, X, and his nephew, Y")."""
    for verb in tokens:
        if verb.lower not in ("is", "are", "was", "were") or verb.tag[:2] != "VB":
            continue
        subject = next((c for c in kids[verb.i] if c.dep == "nsubj" and c.lower in _LISTED_AS
                        and c.tag in ("NNS", "JJ", "VBN")  # "the dead", "the deceased", "the wounded"
                        and any(d.dep == "det" and d.lower in ("the", "those", "these") for d in kids[c.i])
                        and not any(d.dep == "prep" for d in kids[c.i])), None)
        # not "the victims of a 2012 shooting"; "the other victims" are not the people told of before, so they join
        # no one (``Mention.listed``)
        other = subject is not None and any(d.lower in ("other", "remaining") for d in kids[subject.i])
        named = next((c for c in kids[verb.i] if c.i > verb.i and (
            (c.dep == "attr" and c.tag.startswith("NN")) or  # "... are an uncle, Al Moss, and his nephew, Bo Kerr"
            (c.dep == "nsubj" and c.tag.startswith("NNP") and tokens[verb.i + 1].text == ":"))), None)  # "were: X"
        if subject is None or named is None:
            continue
        for token in listed_people(tokens, kids, named):
            mention = None if token.i in found else person(tokens, kids, token, sentence, lex)
            if mention is not None and mention.name:
                mention.identified, mention.sentence_idx = True, sentence_idx
                mention.outcome = _LISTED_AS[subject.lower] or mention.outcome
                mention.listed = subject.lower == "victims" or other
                found[token.i] = mention

