"""Names that stand in for the people other words describe: "is"/"was" and identifications.

Rule 2 of ``analysis.figures.victims``: either side of "is"/"was" names the people the other side describes ("Ann
Lee and Bo Diaz were the two people killed", "the man who shot him is Carl Webb", "The victim was Lena Drake": the
names take that outcome and role, in place of them), and so do the names an identification gives ("identified the
boy who died as X"). So do the full names after an inverted verb: a harm participle, or "Among" with a harm word,
opening the sentence before "was"/"were" ("Killed were X and Y", "Also wounded was X", "Treated and released were X
and Y", "Among the dead were X and Y": ``inverted``). ``role_of`` reads the role a noun phrase states ("one of the
shooters": shooter).

Known misses: a copula whose sides the parser hangs elsewhere than subject and attribute; counts that differ from
the names given ("the three killed were X and Y") join nobody; after an inverted verb, a lone first name ("Also
killed were Jo and Al Lane": Jo) and a surname the tagger calls an adverb.
"""

from __future__ import annotations

from analysis.figures.parse import Token, conjuncts, left_edge
from analysis.figures.person_mentions import OUTCOME_RANK, Mention, person_mention, sex_of

__all__ = ["copulas", "inverted", "rename", "role_of"]

_HURT_OPENINGS = {"injured", "hurt", "hospitalized", "hospitalised", "treated"}  # "Treated and released were X, Y"
_AMONG_SKIPPED = {"the", "those", "them", "people", "persons", "others"}
_NOT_NAMES = {"who", "whom", "whose", "which", "that", ";"}  # a clause about the one named, not another name


def rename(found: dict[int, Mention], described: Token, names: list[Token]) -> bool:
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

def role_of(kids, tokens, token: Token, lex) -> str:
    """The role the words of a noun phrase state: "the gunman" -> shooter, "a deputy" -> officer, "one of the
    shooters" -> shooter, else victim."""
    words = {t.lower for t in tokens[left_edge(kids, token):token.i + 1]}
    if token.lower in ("one", "two", "three", "another"):  # "one of the suspects": the noun after "of"
        words |= {g.lower for c in kids[token.i] if c.lower == "of" for g in kids[c.i] if g.dep == "pobj"}
    return next((r for r, nouns in lex["roles"].items() if token.lower in nouns or words & nouns), "victim")


def copulas(tokens, kids, sentence: str, lex, found: dict[int, Mention], sentence_idx: int) -> None:
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
            elif other is None and described.dep == "attr" and role_of(kids, tokens, described, lex) != "victim":
                other = _described(tokens, kids, described, sentence, lex)  # "X was the officer who fired"
            if other is None or other.name:
                continue
            people = [(t, person_mention(tokens, kids, t, sentence, lex)) for t in conjuncts(kids, naming)]
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
        return Mention(0, word.i, word.i, "", kind="definite", sex=sex_of(next(
            c.lower for c in kids[word.i] if c.dep == "poss")))
    if word.tag != "NN" or word.lower not in lex["person_nouns"] or not any(
            c.dep == "det" and c.lower in ("the", "this", "that") for c in kids[word.i]):
        return None
    return person_mention(tokens, kids, word, sentence, lex)


def inverted(tokens, kids, sentence: str, lex, found: dict[int, Mention], sentence_idx: int) -> None:
    """"Killed were Ray Cole, 24, and Tom Bell, 31", "Also wounded was Ada Moss", "Treated and released were X and Y",
    "Among those hit by bullets was X": a harm participle, or "Among" with harm words, opens the sentence and
    "was"/"were" follows; the names after the verb (not places after "of", "in", "from"; up to a clause of their own
    or another verb: "..., police said") take its outcome (killed, injured; unknown for "shot", "hit")."""
    words = [t for t in tokens if t.tag not in (",", ":", "``", "''", "-LRB-")]
    if len(words) < 3:
        return
    first = words[1] if words[0].lower == "also" else words[0]
    if first.lower == "among":  # "Among the dead", "Among those shot"; not "Among those charged in the killing"
        described = {next((t.lower for t in tokens[first.i + 1:first.i + 5] if t.lower not in _AMONG_SKIPPED), "")}
    elif first.tag == "VBN":
        described = {first.lower}
    else:
        return
    killing = lex["kill_verbs"] | lex["die_verbs"] | lex["dead_words"]
    outcome = "killed" if described & killing else "injured" if described & (lex["wound_verbs"] | _HURT_OPENINGS) \
        else "unknown" if described & (lex["shoot_verbs"] | lex["strike_verbs"]) else ""
    copula = next((t for t in tokens[first.i + 1:first.i + 16] if t.lower in ("was", "were")), None)
    if not outcome or copula is None or any(t.dep in ("nsubj", "nsubjpass") for t in tokens[first.i + 1:copula.i]):
        return  # "Wounded Officer Al Roe was taken to a hospital": not inverted
    for token in tokens[copula.i + 1:]:
        if token.lower in _NOT_NAMES or (token.tag.startswith("VB") and token.lower not in ("was", "were")):
            break
        if not token.tag.startswith("NNP") or token.dep in ("compound", "pobj") or any(
                c.dep == "case" for c in kids[token.i]) or (token.dep == "appos" and tokens[token.head].dep == "pobj"):
            continue  # "of Baton Rouge, Louisiana": a place
        if token.dep == "nsubj" and token.head not in (first.i, copula.i):
            break  # "Wounded was a man, Sheriff Al Roe said": the subject of another verb
        mention = person_mention(tokens, kids, token, sentence, lex)
        if mention is None or " " not in mention.name:
            continue
        earlier = found.get(token.i)
        if earlier is not None and OUTCOME_RANK[earlier.outcome] >= OUTCOME_RANK[outcome]:
            continue
        mention.outcome, mention.sentence_idx = outcome, sentence_idx
        found[token.i] = mention
