"""Who a harm predicate is about: subjects through conjoined verbs and "after being shot", relative clauses, lists
the parser reads as appositions, and sources misparsed as subjects ("According to Sgt. Al Roe, Ina Vale was shot").

Tokens are ``analysis.figures.parse.Token`` rows of one parsed sentence; ``kids`` maps a token index to its children.
The people layer (``victim_mentions``) asks these questions of every harm predicate it reads.
"""

from __future__ import annotations

from analysis.figures.parse import Token, left_edge


def subject_of(tokens, kids, verb: Token, *, passive_only: bool = False) -> Token | None:
    """The (passive) subject of ``verb``, climbing conjoined verbs ("were shot and killed") and "after being shot"
    to the clause it qualifies ("Jo Ames was in stable condition after being shot": Jo Ames)."""
    seen = 0
    while seen < 4:
        for c in kids[verb.i]:
            if c.dep == "nsubjpass" or (c.dep == "nsubj" and not passive_only):
                return antecedent(tokens, verb, c)
        if verb.dep in ("conj", "xcomp", "advcl") and verb.head != verb.i:
            verb = tokens[verb.head]
            seen += 1
            continue
        if verb.dep == "pcomp" and tokens[verb.head].lower in ("after", "before", "since") and \
                tokens[verb.head].head != verb.head:
            verb, passive_only = tokens[tokens[verb.head].head], False
            seen += 1
            continue
        return None
    return None


def subjects_of(tokens, kids, verb: Token, *, passive_only: bool = False) -> list[Token]:
    """``subject_of``, or where the parser hung the people elsewhere: on "according to" ("According to the coroner,
    Ann Lee and Bo Diaz were pronounced dead") or as the object of the reporting verb ("Police said Ann Lee was
    found dead", parsed as "said Ann Lee")."""
    subject = subject_of(tokens, kids, verb, passive_only=passive_only)
    if subject is not None:
        return [subject]
    while verb.dep in ("conj", "xcomp") and verb.head != verb.i:
        verb = tokens[verb.head]
    source = [g for c in kids[verb.i] if c.lower == "according" for t in kids[c.i] if t.lower == "to"
              for g in kids[t.i] if g.dep == "pobj"]
    if source:
        return [c for c in kids[source[0].i] if c.dep in ("appos", "conj") and c.tag.startswith("NN")]
    if verb.dep == "ccomp" and tokens[verb.head].lower in REPORTING:
        return [c for c in kids[verb.head] if c.dep == "dobj" and c.i < verb.i]
    return []


REPORTING = {"said", "say", "says", "reported", "report", "reports", "told", "confirmed", "confirm", "confirms",
              "announced", "stated", "added", "believe", "believed", "indicated"}


RELATIVE = {"who", "that", "which", "whom"}


def antecedent(tokens, verb: Token, subject: Token) -> Token:
    """"Jon Reed, who was shot and killed": the subject "who" of a relative clause stands for the noun it hangs on."""
    if subject.lower in RELATIVE and verb.dep == "relcl" and verb.head != verb.i:
        return who_antecedent(tokens, verb) if subject.lower in ("who", "whom") else tokens[verb.head]
    return subject


def listed_people(tokens, kids, token: Token, kin: frozenset[str] | set[str] = frozenset()) -> list[Token]:
    """``token`` and the people coordinated with it, with the lists the parser reads as appositions: "Ana Diaz, 19,
    Ben Cole, 20, and Carl Webb, 22" (Ben Cole an apposition of Ana Diaz, Carl Webb a conjunct of Ben Cole). A full
    name in apposition to a name with an age is the next person of a list, not the same one (not "According to Sgt.
    Al Roe, Ann Lee was shot", the source misparsed as the subject), even with the same surname ("Ray Cole, 11; Tom
    Cole, 9": a family's list), though not with the same full name. So is a name after a family word (``kin``) in
    apposition: "Al, his wife Mia Lee, 30, daughter Ada, 12, son Bo" (his wife, then Ada, then Bo); not "Ann Lee, his
    wife," (a family word with no name of its own is the same person). Without ages, a full name in apposition to a
    full name is the next person when a conjunct follows it: "Ana Diaz, Ben Cole and Carl Webb were killed". A full
    name the parser hangs on the town of the one before is the next person when it has an age or a town of its own: "Al
    Moss, of Troy, Bo Kerr, of Salem, and Cy Lund, of Salem" (not "of Cocoa, Merritt Island": a place)."""
    out, stack = [], [token]
    while stack:
        t = stack.pop()
        if any(o.i == t.i for o in out):
            continue
        out.append(t)
        stack.extend(c for c in kids[t.i] if c.dep == "conj")
        full = [c for c in kids[t.i] if c.dep == "appos" and c.tag.startswith("NNP") and _words(kids, c) != _words(
            kids, t) and any(g.dep == "compound" and g.tag.startswith("NNP") for g in kids[c.i])]  # a sister with
        # the same surname is the next person too: "Ray Cole, 11; Tom Cole, 9" (not "Ray Cole, 11, Ray Cole")
        if t.tag.startswith("NNP") and any(c.dep == "appos" and c.tag == "CD" for c in kids[t.i]):  # "Ana Diaz, 19,"
            stack.extend(full)
        elif t.tag.startswith("NNP") and any(g.dep == "compound" for g in kids[t.i]):  # "Ana Diaz, Ben Cole and Carl
            stack.extend(c for c in full if any(g.dep == "conj" for g in kids[c.i]))  # Webb": a list, not one person
        if t.tag.startswith("NNP"):  # "Al Moss, of Troy, Bo Kerr, of Salem, and ...": the next one hangs on the town
            stack.extend(g for c in kids[t.i] if c.dep == "prep" and c.lower == "of" for p in kids[c.i]
                         if p.dep == "pobj" and p.tag.startswith("NNP") for g in kids[p.i]
                         if g.dep in ("appos", "conj") and g.tag.startswith("NNP") and any(
                             h.dep == "compound" and h.tag.startswith("NNP") for h in kids[g.i]) and any(
                             (h.dep == "appos" and h.tag == "CD") or h.lower == "old" or (  # an age or a town of its
                                 h.dep == "prep" and h.lower == "of") for h in kids[g.i]))  # own: not "Merritt Island"
        for c in kids[t.i] if kin else ():
            if c.dep != "appos":
                continue
            if c.tag.startswith("NNP") and any(g.dep == "compound" and g.lower in kin for g in kids[c.i]):
                stack.append(c)  # "..., daughter Ada, 12,"
            elif c.lower in kin:  # "..., his wife Mia Lee": the name of the family word
                stack.extend(g for g in kids[c.i] if g.dep == "appos" and g.tag.startswith("NNP"))
    return sorted(out, key=lambda t: t.i)


def _words(kids, token: Token) -> tuple[str, ...]:
    """A name's words, its compounds then its head: "Tom Cole" -> ("tom", "cole")."""
    return (*(c.lower for c in kids[token.i] if c.dep == "compound"), token.lower)


def past_source(tokens, kids, token: Token) -> Token:
    """"According to Sgt. Al Roe, Ina Vale was shot": the parser may make the source the subject and the one shot its
    apposition; a name after "according to" with a name in apposition stands for that name."""
    if not token.tag.startswith("NNP"):
        return token
    names = [c for c in kids[token.i] if c.dep == "appos" and c.tag.startswith("NNP")]
    before = tokens[:left_edge(kids, token)]
    if names and any(t.lower == "according" for t in before) and not any(
            t.tag.startswith("VB") and t.lower != "according" for t in before):
        return names[0]
    return token


def who_antecedent(tokens, clause: Token) -> Token:
    """"Al Roe, 18, of the Bronx, who is hospitalized": a clause about someone hung on the place after "of"/"from" is
    about the person before it."""
    head = tokens[clause.head]
    prep = tokens[head.head]
    if head.dep == "pobj" and prep.lower in ("of", "from") and prep.head != prep.i and head.tag.startswith("NNP") and \
            tokens[prep.head].tag.startswith("NNP"):  # a name, of a place; not "a neighbor of Vern Hale, who ..."
        return tokens[prep.head]
    return head


def is_passive(kids, verb: Token) -> bool:
    return any(c.dep in ("auxpass", "nsubjpass") for c in kids[verb.i])
