"""Who one parsed sentence says was harmed or fired: the sentence rules of ``analysis.figures.victims``.

``sentence_mentions`` applies rules 2-4 and 7 of that module's docstring to one sentence parsed by
``analysis.figures.parse`` and returns ``Mention`` records; joining them across an article and
counting them is ``analysis.figures.victims``'. Word lists: ``data/people_lexicon.json``
(``people_lexicon``). One noun phrase read as a person is ``analysis.figures.person_mentions``; the shooter's own
death ``self_harm``; names standing in for descriptions ("X was the man killed") ``copula_names``; a he/she within
the sentence ``pronoun_mentions``; names told without a harm verb ``name_mentions``.
"""

from __future__ import annotations

import re

from analysis.figures.clause_subjects import (RELATIVE, antecedent, is_passive, listed_people, past_source,
                                              subject_of, subjects_of, who_antecedent)
from analysis.figures.conditions import condition_people, hurt_apart
from analysis.figures.copula_names import copulas, inverted, rename, role_of
from analysis.figures.name_mentions import (aged_names, arrested_pronouns, described_names, listed_victims,
                                            mourned_names, mourners_names, named_shooters, responsible_names,
                                            titled_officers)
from analysis.figures.parse import Token, children, head_word, left_edge
from analysis.figures.person_mentions import (ELSEWHEN, OUTCOME_RANK, Mention, compatible_sex, people_lexicon,
                                              person_mention)
from analysis.figures.person_names import name_head
from analysis.figures.pronoun_mentions import resolve_pronouns
from analysis.figures.self_harm import self_harm

__all__ = ["ALIVE", "Mention", "compatible_sex", "OUTCOME_RANK", "people_lexicon", "sentence_mentions"]

_MODALS = {"could", "would", "might", "should", "will"}  # "he will die": not yet
# told alive now, not only hurt once: "is in serious condition", "remains hospitalized", "in stable condition", "was
# treated and released", "is recovering" (not "was critically injured" nor "taken there in critical condition": the
# words of someone who may have died since)
ALIVE = re.compile(r"\b(?:is|are|remains?)\s+(?:\w+\s+){0,2}?(?:in\s+(?:[\w-]+,?\s+){0,3}condition|hospitalized|"
                   r"in the hospital)\b|\b(?:stable|fair|good) "
                   r"condition|\breleased\b|\brecovering\b|\bexpected to (?:survive|recover|live)\b|"
                   r"\bnon-life[- ]threatening|\bnot life[- ]threatening", re.I)
_DEATH_WORD = re.compile(r"\b(?:kill|dead|die[sd]?\b|dying|death|fatal|murder|slain|homicide|succumb|passe[sd] away)",
                         re.I)
_BODY_PARTS = {"head", "chest", "back", "neck", "face", "abdomen", "torso", "stomach", "shoulder", "leg", "arm", "side",
               "hip", "buttocks", "thigh"}


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
            noun = tokens[word.head]
            while any(c.lower in ("all", "both") for c in kids[word.i]) and noun.dep in ("conj", "appos") and \
                    tokens[noun.head].tag.startswith("NN"):  # "found Al Roe, 61, Bo Roe, 25, and Cy Ames - all
                noun = tokens[noun.head]  # dead": the whole list, not its last name
            return [noun], "killed"
        own = [c for c in kids[word.i] if c.dep == "nsubj"]
        if own:  # "officers found Davis dead in the car": the parser gives "dead" its own subject
            return own, "killed"
        head = tokens[word.head]
        if head.lower in lex["shoot_verbs"]:
            return [], "killed"  # "shot dead": the verb names them
        objects = [c for c in kids[head.i] if c.dep == "dobj"]
        if objects and word.dep in ("oprd", "ccomp", "xcomp", "advcl"):  # "left a man dead", "found Al Roe, 61,
            # and Bo Roe, 25, dead" (after a list, "dead" hung on the verb as an adverbial clause)
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


def _their_list(tokens, kids, token: Token) -> Token:
    """"A father and his son were flown to a trauma center, where they died": a "they" in a clause of a verb whose
    subject is a list of two or more stands for that list (its first word); else ``token`` itself. Only in one
    sentence: a "they" of an earlier sentence's people is not read."""
    if token.lower not in ("they", "both") or token.tag != "PRP":
        return token
    verb = tokens[token.head]
    while verb.head != verb.i:
        verb = tokens[verb.head]
        if verb.tag.startswith("VB"):
            listed = [c for c in kids[verb.i] if c.dep in ("nsubj", "nsubjpass") and c.i < token.i
                      and c.tag.startswith("NN") and any(g.dep == "conj" for g in kids[c.i])]
            if listed:
                return listed[0]
    return token


def _where(kids, verb: Token) -> bool:
    """A relative clause of place or time ("the clinic where he died", "a gunfight during which X was struck") has a
    subject of its own."""
    wh = any(c.lower in ("where", "when") or (c.dep == "prep" and any(g.lower in ("which", "whom") for g in kids[c.i]))
             for c in kids[verb.i])
    return wh and any(c.dep in ("nsubj", "nsubjpass") for c in kids[verb.i])

def sentence_mentions(tokens: list[Token], sentence: str, *, sentence_idx: int = 0) -> list[Mention]:
    """The people one parsed sentence says were harmed (one per person or counted group)."""
    lex = people_lexicon()
    kids = children(tokens)
    found: dict[int, Mention] = {}
    for word in tokens:
        arguments, outcome = _arguments(tokens, kids, word, lex)
        if not arguments or _blocked(tokens, kids, word, lex):
            continue
        if ELSEWHEN.search(sentence):
            outcome = ""  # named, but their harm is another event's
        elif outcome == "unknown" and lex["condition_re"].search(sentence):
            outcome = "injured"
        along = [c for a in kids[word.i] if a.lower == "along" for c in kids[a.i]]  # "with" may hang on "along"
        arguments += [g for c in kids[word.i] + along if c.lower == "with" and c.i and tokens[c.i - 1].lower == "along"
                      for g in kids[c.i] if g.dep == "pobj"]  # "X was killed along with Y"
        for argument in map(lambda a: _their_list(tokens, kids, past_source(tokens, kids, a)), arguments):
            listed = False  # after one person, a listed noun is someone too: "a coach and two players"
            group = listed_people(tokens, kids, argument, lex["kin_nouns"])
            for k, token in enumerate(group):
                mention = person_mention(tokens, kids, token, sentence, lex, lenient=outcome == "killed", listed=listed)
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
                    mention = person_mention(tokens, kids, token, sentence, lex)
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
            people = people or _as_further(tokens, kids, word)
            people += [c for c in kids[word.i] if c.dep == "oprd" and c.tag.startswith("NNP")]
            colon = next((t for t in kids[word.i] if t.text == ":" and t.i > word.i), None)
            people += [next(t for t in tokens[colon.i + 1:] if t.dep != "compound")] if colon is not None and \
                colon.i + 1 < len(tokens) and tokens[colon.i + 1].tag.startswith("NNP") and not people else []
            # "named a suspect in this case: X, 19": the name after the colon, wherever the parser hung it
            if any(h.lower in lex["kin_of_the_harmed"] for h in named):
                people = []  # "identified the parents as X and Y": the family of someone harmed
            role = "keep"
            role = next((role_of(kids, tokens, c, lex) for c in named if role_of(kids, tokens, c, lex) != "victim"), role)
            told = next((out for h in named for c in kids[h.i] if c.dep in ("relcl", "acl")
                         for args, out in [_arguments(tokens, kids, c, lex)] if h in args), "")
            if not told and any(h.lower == "victims" for h in (*named, *of)):  # "identified the victims (one of the
                # victims) as X": shot
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
                mention = person_mention(tokens, kids, token, sentence, lex)
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
                mention.of_the_dead = mention.identified and _describes_the_dead(tokens, kids, named, people, lex)
                found[token.i] = mention
                names.append(token)
        if names and low in lex["identify_verbs"]:
            identified += [(h, names) for h in named]
    copulas(tokens, kids, sentence, lex, found, sentence_idx)
    inverted(tokens, kids, sentence, lex, found, sentence_idx)
    listed_victims(tokens, kids, sentence, lex, found, sentence_idx, person_mention)
    titled_officers(tokens, kids, sentence, lex, found, sentence_idx, person_mention)
    mourned_names(tokens, kids, sentence, lex, found, sentence_idx, person_mention)
    arrested_pronouns(tokens, kids, sentence, lex, found, sentence_idx, person_mention)
    described_names(tokens, kids, sentence, lex, found, sentence_idx, person_mention)
    mourners_names(tokens, kids, sentence, lex, found, sentence_idx, person_mention)
    responsible_names(tokens, kids, sentence, lex, found, sentence_idx, person_mention)
    self_harm(tokens, kids, sentence, lex, found, sentence_idx)
    condition_people(tokens, kids, sentence, lex, found, sentence_idx, person_mention)  # "She is in stable condition"
    for described, names in identified:
        rename(found, described, names)
    resolve_pronouns(tokens, kids, sentence, lex, found)
    aged_names(tokens, kids, sentence, lex, found, sentence_idx, person_mention)
    if ALIVE.search(sentence) and not _DEATH_WORD.search(sentence):  # "X is in serious condition": not one of the
        for mention in found.values():  # dead told of before without a name ("was critically injured" may be)
            mention.alive = mention.outcome == "injured" and mention.kind == "name"
    return [found[i] for i in sorted(found)]


def _as_further(tokens, kids, verb: Token) -> list[Token]:
    """"identified the victim in Sunday's shooting as X": the parser hangs "as" on the last noun of the words that
    describe the one identified (or on a participle among them: "the mother killed in Tuesday's shooting as X"); the
    names of the first "as" after the verb that hangs, through prepositions and nouns only, on it."""
    for c in tokens[verb.i + 1:]:
        if c.lower != "as" or c.dep != "prep":
            continue
        head = tokens[c.head]
        while head.i != verb.i and head.i != head.head and head.i > verb.i and (
                head.dep in ("prep", "pobj", "dobj", "nsubjpass", "advcl", "acl", "conj", "compound", "poss")):
            head = tokens[head.head]
        return [g for g in kids[c.i] if g.dep == "pobj"] if head.i == verb.i else []
    return []


def _describes_the_dead(tokens, kids, named: list[Token], people: list[Token], lex) -> bool:
    """"The man who died has been identified as X", "identified the three deceased victims as X, Y and Z": the words
    of an identification before its names say who died; not "The man, later identified as X, was pronounced dead",
    whose death is told after them (the man may be the one told of before as wounded)."""
    if not named or not people:
        return False
    first, last = min(left_edge(kids, h) for h in named), min(p.i for p in people)
    words = lex["kill_verbs"] | lex["die_verbs"] | lex["dead_words"]
    return any(t.lower in words for t in tokens[first:last])


_FIND_VERBS = {"found", "find", "finds", "finding", "discovered", "located", "left", "leaving", "leaves"}


def _found_shot(tokens, kids, word: Token) -> bool:
    """"Officers found Dan Gray shot in the chest", "found a man shot to death": the parser makes the one found the
    subject of "shot"; with no object of its own, "shot" says what was done to them."""
    return word.dep in ("ccomp", "xcomp", "oprd") and tokens[word.head].lower in _FIND_VERBS and \
        any(c.dep == "nsubj" for c in kids[word.i]) and not any(c.dep in ("dobj", "auxpass") for c in kids[word.i])

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
