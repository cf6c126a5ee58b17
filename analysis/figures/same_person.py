"""One article's mentions joined into people: who is who across sentences (rule 5 of ``analysis.figures.victims``).

The same person across sentences is one: a name by its last word (but "Ivy Lane" is not "Emily
Lane", nor "Sam Hope Jr." "Sam Hope Sr."; a lone surname that several full names share is the one shooter among
them, or none: "Al Hart shot his son, Ed Hart ... Hart fled"); a name joins an earlier unnamed person of the same
role and a compatible age (not one told of as wounded, when an identification that describes the dead gives the
name: "Another man is in critical condition ... The man who died was identified as X"; but "the man, later
identified as X, was pronounced dead" may be the one told of as wounded; nor one told of as dead when the name's own
sentence tells them alive now: "One man died ... Ana Roe is in serious condition", "X was treated and released", but
not "X was critically injured", which a death may have followed); a definite description ("the man") refers
first to the one earlier person described with the same noun ("a man ... and a boy ... The man");
he/she and other definite descriptions ("the victim") refer back to the latest person of the same
role and age (then of a compatible role) and a compatible sex ("he" is not "his wife"); the same description
again with another article is the same person ("Utah police officer Ed Barr was killed ... A Utah police officer
was killed"), so a second officer named later is not joined to it; a harmed he/she is first the nearest person
before it in its own sentence who is not the shooter ("found a man ... and took him to a clinic, where he died"),
and the subject of a clause "before"/"after" on a harm verb is its shooter ("a man shot a deputy before he was
found dead"); a family is no he/she ("X's family mourned her death"). The names one identification gives, as
many as an unnamed group told of before, take that group's outcome and role ("Two men were shot and killed ...
Police identified the men as X and Y"); the names "the victims were X and Y" gives join no unnamed person (they
may be others). A later outcome overrides an unknown one and killed overrides injured ("later died" moves one
from injured to killed). Where the lede's numeral death toll (ten at most; not one told further down) is larger
than the people it says were killed, the victims shot with no outcome stated, then those only named ("One man is dead
... the coroner identified the man as Andre Cole"), in the order given, are the dead in the
``victims`` table (``the_dead``; the counts are unchanged).

``article_people`` joins an article's ``Mention`` records (``analysis.figures.victim_mentions``) into ``Person``
records; ``small_tolls`` and ``the_dead`` give the lede's numeral death toll its dead.

Known misses: a name in another clause ("police identified him as John Smith") is not joined to its person; a
first name alone that two full names share.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pandas as pd

from analysis.figures.name_patterns import NAME_SUFFIXES, surname
from analysis.figures.person_mentions import OUTCOME_RANK, Mention, compatible_sex

__all__ = ["Person", "article_people", "small_tolls", "the_dead"]


@dataclass
class Person:
    mentions: list[Mention] = field(default_factory=list)
    outcome: str = ""
    name: str = ""
    age: int | None = None
    role: str = "victim"
    count: int = 1
    sex: str = ""
    late: bool = False  # first named after the lede: in the victims table, not in the counts



def _same_name(a: str, b: str) -> bool:
    """Two names with one surname may still be two people: "Ivy Lane" is not "Emily Lane", nor "Sam Hope Jr." "Sam
    Hope Sr."; a lone surname, an initial or a short form ("Dan", "Daniel") is the same, and so are initials for the
    first name that begin as it does ("M.D. Lee", "Mark D. Lee")."""
    words_a, words_b = (n.replace(".", "").replace(",", "").lower().split() for n in (a, b))
    suffix_a, suffix_b = set(words_a) & NAME_SUFFIXES, set(words_b) & NAME_SUFFIXES
    if suffix_a and suffix_b and suffix_a != suffix_b:
        return False
    words_a, words_b = [w for w in words_a if w not in NAME_SUFFIXES], [w for w in words_b if w not in NAME_SUFFIXES]
    if len(words_a) < 2 or len(words_b) < 2 or any(n.split()[0][:1].islower() for n in (a, b)):
        return True  # a lone surname, "del Toro" among them
    if any(re.fullmatch(r"(?:[A-Z]\.){1,3}", n.split()[0]) for n in (a, b)):  # "M.D. Lee" is "Mark D. Lee"
        return words_a[0][0] == words_b[0][0]
    return words_a[0].startswith(words_b[0]) or words_b[0].startswith(words_a[0])


def _same_age(a: int | None, b: int | None) -> bool:
    return a is None or b is None or a == b


def _description(mention: Mention) -> str:
    """A person's describing words without the article before them or their name: "A Utah police officer",
    "Utah police officer Ed Barr" -> "utah police officer"."""
    text = mention.text
    if mention.name and mention.name in text:
        text = text[:text.index(mention.name)].rstrip(" ,")
    return re.sub(r"^(?:an?|the)\s+", "", text.lower())


def _refer(people: list[Person], mention: Mention) -> Person | None:
    """The person an article's new mention is, or None for someone new."""
    if mention.kind == "name":
        last = surname(mention.name)
        same = [p for p in people if p.name and surname(p.name) == last and _same_name(p.name, mention.name)]
        if " " not in mention.name and len({p.name for p in same if " " in p.name}) > 1:
            # a surname several full names share is the one shooter among them ("Al Hart shot his son, Ed Hart ...
            # Hart then fled"), or else none of them: not the first named, the son
            shooters = [p for p in same if p.role == "shooter"]
            return shooters[0] if len(shooters) == 1 else None
        if same:
            return same[0]
        if " " not in mention.name:  # "Deandre Banks was shot ... Deandre was taken to a hospital": a first name
            first = [p for p in people if len(p.name.split()) > 1 and p.name.split()[0].lower() == last]
            if len(first) == 1:  # alone, of someone the article has already named in full as harmed
                return first[0]
        if mention.described:  # "her uncle shot her ... Her uncle, Al Roe,": the one described with that noun
            noun = _description(mention).split()[-1:]
            return next((p for p in people if not p.name and p.count == 1 and any(
                m.kind != "pronoun" and m.text.lower().split()[-1:] == noun for m in p.mentions)), None)
        for p in people if not mention.listed else ():  # "A 24-year-old man ... Marcus Reed, 24, ..."
            if not p.name and p.count == 1 and p.role == mention.role and _same_age(p.age, mention.age) and not (
                    mention.of_the_dead and p.outcome == "injured") and not (
                    mention.alive and p.outcome == "killed"):
                return p  # but not "Another man is in critical condition ... The man who died was identified as X",
                # nor "One man died ... Ana Roe is in serious condition": someone told alive (``Mention.alive``)
        return None
    if mention.kind == "pronoun":
        return next((p for p in reversed(people) if p.count == 1 and compatible_sex(p.sex, mention.sex)), None)
    if mention.kind == "indefinite":  # the same words again: "a cab driver" ... "a cab driver", "Utah police officer
        # Ed Barr was killed ... A Utah police officer was killed"
        words = _description(mention)
        for p in people:
            if words and any(_description(m) == words for m in p.mentions if m.kind != "pronoun"):
                return p
    if mention.kind == "definite" and mention.count == 1:
        earlier = [p for p in reversed(people) if p.mentions[0].sentence_idx < mention.sentence_idx and p.count == 1
                   and compatible_sex(p.sex, mention.sex) and _same_age(p.age, mention.age)]
        noun = mention.text.lower().split()[-1] if mention.text else ""
        same_noun = [p for p in earlier if any(  # "the man" is the man before, not the boy after him
            m.text.lower().split()[-1:] == [noun] for m in p.mentions if m.kind != "pronoun")]
        if len(same_noun) == 1:
            return same_noun[0]
        # "the 13-year-old" is first the latest of that role and age ("the officer who shot a 13-year-old ..."), then
        # the latest of a compatible role
        return next((p for p in earlier if p.role == mention.role and (mention.age is None or p.age == mention.age)),
                    next((p for p in earlier if p.role == mention.role or mention.role == "victim"), None))
    return None


def article_people(mentions: list[Mention], full_names: dict[str, str] | None = None,
                    first_names: dict[str, str] | None = None) -> list[Person]:
    people: list[Person] = []
    aged = [m for m in mentions if m.lends and not m.identified and m.role == "victim"]
    for mention in [m for m in mentions if not any(m is a for a in aged)] + aged:  # the aged names last
        if mention.kind == "name" and " " not in mention.name:  # "Waldron was shot", "Autumn was struck": a lone
            # surname or first name is the full name the article gives it
            low = surname(mention.name)
            mention.name = (full_names or {}).get(low) or (first_names or {}).get(low) or mention.name
            mention.introduced &= (first_names or {}).get(low) != ""  # not "a 2-year-old boy Dayton": a place
        if any(mention is a for a in aged):  # "Jamal Heath, 26, was lying in the street": someone the article
            # names so anywhere, or else its one unnamed victim, told of in the two sentences before
            unnamed = [p for p in people if not p.name and p.count == 1 and p.role == "victim" and p.outcome
                       and _same_age(p.age, mention.age) and p.mentions[-1].sentence_idx < mention.sentence_idx
                       and mention.sentence_idx - max(m.sentence_idx for m in p.mentions) <= 2]
            person = next((p for p in people if p.name and surname(p.name) == surname(mention.name)),
                          unnamed[0] if len(unnamed) == 1 else None)
        elif not mention.late or mention.identified:
            person = _refer(people, mention)
        else:
            person = next((p for p in people if p.name and surname(p.name) == surname(mention.name)), None)
            if mention.role == "shooter" and not mention.outcome and (
                    " " not in mention.name if person is None else person.role != "shooter"):
                continue  # a shooter named late is a full name, and never someone the article has harmed
        if person is None and mention.lends:
            continue  # "Officer Brad Moss" names the officer the article has, or nobody
        if person is None and mention.kind == "name" and " " not in mention.name and not mention.introduced:
            continue  # a lone name names someone only when the article gives the full name, an age or a family word
        if person is None:
            person = Person(role=mention.role, count=mention.count, late=mention.late)
            people.append(person)
        person.mentions.append(mention)
        if mention.name and not person.name:
            person.name = mention.name
        person.sex = person.sex or mention.sex
        if mention.age is not None and person.age is None:
            person.age = mention.age
        if person.role == "victim" and mention.role != "victim":
            person.role = mention.role
        if OUTCOME_RANK[mention.outcome] > OUTCOME_RANK[person.outcome]:
            person.outcome = mention.outcome
    _identified_groups(people)
    return people


def _identified_groups(people: list[Person]) -> None:
    """"Two men were shot and killed ... Police identified the men as Ray Cole, 24, and Tom Bell, 31": the names one
    identification gives, as many as an unnamed group told of before, take that group's outcome and role."""
    for group in [p for p in people if not p.name and p.count > 1 and p.outcome in ("killed", "injured")]:
        told = group.mentions[0].sentence_idx
        later = {m.sentence_idx for p in people for m in p.mentions if m.identified and m.sentence_idx > told}
        for idx in sorted(later):
            named = [p for p in people if p.name and p.count == 1 and any(
                m.identified and m.sentence_idx == idx for m in p.mentions)]
            if len(named) == group.count and all(OUTCOME_RANK[p.outcome] <= 0 for p in named):
                for p in named:
                    p.outcome, p.role = group.outcome, group.role if group.role != "victim" else p.role
                break



def small_tolls(figures: pd.DataFrame, lede_keys: set[tuple[str, int]]) -> dict[str, int]:
    """``{article_id: the largest current numeral death toll of the lede}``, for tolls of at most ten: not a toll
    told further down of another shooting the ledger did not see as background ("... a gunman killed nine in
    2015"), which would make the people the article only names its dead."""
    rows = figures[figures["category"].eq("killed") & figures["status"].eq("current") & figures["rule"].isin(
        ["numeral", ""]) & ~figures["period"].fillna(False).astype(bool)]
    rows = rows[pd.Series([(str(a), int(i)) in lede_keys for a, i in zip(rows["article_id"], rows["sentence_idx"])],
                          index=rows.index, dtype=bool)]
    largest = rows.groupby("article_id")["value"].max()
    return {str(k): int(v) for k, v in largest.items() if 0 < v <= 10}


def the_dead(people: list[Person], toll: int) -> list[Person]:
    """"One man is dead ... Police identified the man as Andre Cole": where the article's numeral death toll is larger
    than the people it says were killed, the victims shot with no outcome stated, then those only named, in the
    order the article first gives them, are the dead (the victims table's outcome; the counts are unchanged)."""
    missing = toll - sum(p.count for p in people if p.outcome == "killed")
    if missing <= 0:
        return []
    harmed = [p for p in people if p.role != "shooter" and p.count == 1]
    return ([p for p in harmed if p.outcome == "unknown"] + [p for p in harmed if not p.outcome and p.name])[:missing]
