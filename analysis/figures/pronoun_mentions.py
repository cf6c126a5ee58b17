"""Who a harmed he/she in one sentence is, before it is left to refer back across sentences.

Rule 5 of ``analysis.figures.victims`` within one sentence: a harmed he/she is the nearest person named before it
in its own sentence who is not the shooter, of a compatible sex ("found a man ... and took him to a clinic, where he
died"); the subject of a clause "before"/"after" on a harm verb is that verb's shooter ("a man shot a deputy before
he was found dead"); a family is no he/she ("X's family mourned her death").

Known misses: pronouns resolve by sex, nearness and clause, not by sense ("a man shot his neighbour before he
died": the man).
"""

from __future__ import annotations

from analysis.figures.clause_subjects import REPORTING, is_passive
from analysis.figures.parse import Token
from analysis.figures.person_mentions import (FEMALE, MALE, OUTCOME_RANK, Mention, compatible_sex, person_mention,
                                              sex_of)
from analysis.figures.person_names import TITLES

__all__ = ["resolve_pronouns"]


def resolve_pronouns(tokens, kids, sentence: str, lex, found: dict[int, Mention]) -> None:
    """"Deputies found a 31-year-old man outside and took him to a hospital, where he died": a harmed he/she is the
    nearest person named before it in the same sentence, of a compatible sex and not the shooter; only when there is
    none does it refer back across sentences (``analysis.figures.victims``). The subject of a clause "before"/"after"
    on a harm verb is that verb's own subject, the shooter ("a man shot an officer before he was found dead")."""
    for i in [i for i, m in found.items() if m.kind == "pronoun" and m.role != "shooter"]:
        sex = MALE if tokens[i].lower in MALE else FEMALE
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
            if (token.lower in MALE | FEMALE and token.lower not in sex) or (
                    earlier is None and (earlier := person_mention(tokens, kids, token, sentence, lex)) is None):
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
                 "shooter" and found[c.i].kind != "pronoun" and compatible_sex(found[c.i].sex, sex_of(pronoun.lower))),
                None)

