"""Names told without a harm verb, which name someone the article tells of: rule 7 of ``analysis.figures.victims``.

``analysis.figures.victim_mentions`` calls these on every parsed sentence, after the harm predicates, with its own
reading of a person (``person``: a token to a ``Mention`` or None); each adds ``Mention`` records to ``found``
(token index to mention) for tokens not already read. Most such names only lend themselves (``Mention.lends``): they
name someone the article has already described without a name, and add no one.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from analysis.figures.clause_subjects import REPORTING

__all__ = ["aged_names", "arrested_pronouns", "described_names", "mourned_names", "mourners_names",
           "responsible_names", "titled_officers"]

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
