"""Who a sentence says is alive and hurt without a harm verb: a condition told in its own sentence.

Reporters tell the shooting in one sentence and the victim's state in the next: "The boy is in stable condition",
"She was treated and released", "He remains hospitalized", "The child is expected to survive", "The girl's
injuries are not life-threatening", "A 3-year-old suffered non-life-threatening injuries". Such a person is
injured: alive, and hurt. ``condition_people`` reads them for the people layer (``analysis.figures.victim_mentions``
calls it on every parsed sentence; the phrases are ``injured_conditions`` of ``data/people_lexicon.json``).

Rule: from the condition phrase, the words it hangs on are climbed to the first verb that says who: the object of
"left" ("the shooting left a man in critical condition"), else the verb's subject, through conjoined verbs and
"after being shot" ("is in stable condition after being shot"), passing over reporting verbs ("police said", "what
officers described as"), or the noun a reduced clause hangs on ("a man listed in critical condition"); a clause
about a thing ("the shooting that ...") names nobody. The possessor stands in for "injuries", "wounds" or
"condition" ("the boy's injuries are not life-threatening"); "none", "all", "one" and the like add nobody ("none of
the injuries were life-threatening"), nor does an obituary's "survived by". That person is injured, and so is
each one listed with them ("X, 44, Y, 19, and Z remain hospitalized", "found X and his son being treated for gunshot
wounds": ``clause_subjects.listed_people``; not one the sentence already reads); when the
sentence already names someone shot with no outcome stated, the condition is theirs ("a boy is recovering after his
father shot his son": one boy). A person the sentence says died stays dead. The article then joins the person to
the one described before ("A man was shot. He is in stable condition": one man, injured), so someone shot, whose
outcome was unknown, counts among the injured also in an article that reports a death.

``hurt_apart`` reads the same words in a list of the dead: a later one listed whose own words call them hurt is
not dead ("left one dead and two others in critical condition").

Known misses: a condition given to a group without a number ("the others are in stable condition"); a condition
that later changed ("was in critical condition before he died" stays right only when the death is told too);
a person the parser does not make the subject (a condition hung on a list or a quotation).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from analysis.figures.clause_subjects import REPORTING, listed_people, subject_of

__all__ = ["condition_people", "hurt_apart"]

_SURVIVED_BY = re.compile(r"\bsurvived by\b", re.I)  # an obituary's "he is survived by his wife"
_NOBODY = {"none", "neither", "nobody", "all", "both", "each", "some", "any", "most", "many", "several", "one"}
_TOLD = REPORTING | {"described", "describe", "describes", "called", "termed", "characterized"}
_LEAVE = {"left", "leaves", "leaving", "leave"}
_STATE_NOUNS = {"injuries", "injury", "wounds", "wound", "condition"}  # "the boy's injuries are not life-threatening"


def condition_people(tokens, kids, sentence: str, lex, found: dict, sentence_idx: int, person: Callable) -> None:
    """Adds to ``found`` (token index -> ``Mention``) the person a condition phrase of the sentence is about, as
    injured (in place; ``person`` reads a token as a ``Mention`` or None, as ``person_mentions.person_mention`` does)."""
    match = lex["condition_re"].search(sentence)
    if not match or _SURVIVED_BY.search(sentence):
        return
    at = next((t for t in tokens if t.idx + len(t.text) > match.start()), None)
    token = _whose(tokens, kids, at) if at is not None else None
    if token is None:
        return
    if token.lower in _STATE_NOUNS:  # "the boy's injuries are not life-threatening"
        token = next((c for c in kids[token.i] if c.dep == "poss"), None)
    if token is None or token.lower in _NOBODY:  # "none of the injuries were life-threatening": no one new
        return
    hurt = [m for i, m in sorted(found.items()) if m.outcome in ("unknown", "injured") and m.role != "shooter"]
    earlier = found.get(token.i) or (hurt[-1] if hurt else None)  # "a boy is recovering after his father shot his
    if earlier is not None:  # son": the one the sentence already says was shot
        if earlier.outcome in ("unknown", ""):
            earlier.outcome = "injured"
        return
    for member in listed_people(tokens, kids, token, lex["kin_nouns"]):  # "X, 37, Y, 29, and Z remain hospitalized"
        mention = person(tokens, kids, member, sentence, lex)
        if mention is None or (member.i != token.i and member.i in found):
            continue
        if mention.kind == "pronoun":
            mention.text, mention.start, mention.end = member.text, member.idx, member.idx + len(member.text)
        mention.sentence_idx, mention.outcome = sentence_idx, "injured"
        found[member.i] = mention


def _whose(tokens, kids, word):
    """The person a condition phrase is about: climbing from ``word`` to the verbs above it, the object of "left"
    ("left a man in critical condition"), the subject of the first verb that has one, through conjoined verbs and
    "after being shot" ("is in stable condition after being shot"), passing over reporting verbs ("police said")
    and "what officials say are"; a reduced clause's noun ("a man listed in critical condition")."""
    seen = set()
    while word.i not in seen:
        seen.add(word.i)
        if word.tag.startswith("VB") and word.lower not in _TOLD:
            if word.lower in _LEAVE:
                objects = [c for c in kids[word.i] if c.dep == "dobj"]
                if objects:
                    return objects[0]
            subject = subject_of(tokens, kids, word)
            if subject is not None and subject.lower not in ("what", "which"):
                return subject
            if word.dep == "acl":
                return tokens[word.head]
            if word.dep == "relcl":
                return None  # "the shooting that left ...": a clause about a thing
        if word.head == word.i:
            return None
        word = tokens[word.head]
    return None


def hurt_apart(tokens, token, rest: list, word, lex) -> bool:
    """"left one dead and two others in critical condition", "one woman dead and five others, including two officers,
    injured": a later one of a list of the dead whose own words, up to the next one listed (or a verb of its own, or
    the harm word: "a mother and a grandmother dead, and two men wounded"), say they were hurt."""
    for t in tokens[token.i + 1:rest[0].i if rest else len(tokens)]:
        if t.i == word.i or t.tag in ("VBD", "VBZ", "VBP", "MD") or t.text == ";":
            return False  # "a man and a boy were killed and a woman was injured": the list ends at its own verb
        if t.lower in lex["wound_verbs"] or t.lower == "condition":
            return True
    return False
