"""The shooter's own death: "turned the gun (his gun, a weapon) on himself", "took his own life", "killed his two sons
and himself".

Rule 3 of ``analysis.figures.victims``: the nearest subject before the words, of a verb they hang on (not a reporting
verb's: "..., Sheriff Al Dunn said"), killed himself and was the shooter, whatever the noun ("a farmer ended his
life"); a he/she there is the nearest name before it; one who "shot himself" is the shooter, outcome not stated;
"an accidental, self-inflicted gunshot wound" is no suicide. Words lists: ``self_harm`` and ``self_shot`` of
``data/people_lexicon.json``.

Known misses: a suicide told without the words of those lists ("the gunman's body was found with the gun").
"""

from __future__ import annotations

import re

from analysis.figures.clause_subjects import REPORTING, antecedent
from analysis.figures.person_mentions import ELSEWHEN, OUTCOME_RANK, Mention, person_mention

__all__ = ["self_harm"]

_ARGUMENT_DEPS = ("nsubj", "nsubjpass", "dobj", "appos")  # not "in Indianapolis, where he ..."


def self_harm(tokens, kids, sentence: str, lex, found: dict[int, Mention], sentence_idx: int) -> None:
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
    if ELSEWHEN.search(sentence):  # "X was 13 when he suffered a self-inflicted gunshot wound": another event
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
        mention = person_mention(tokens, kids, token, sentence, lex, listed=True)  # whoever took their life: "a farmer"
        if mention is None:
            continue
        if mention.kind == "pronoun":
            named = [(t, m) for t in tokens[:token.i][::-1] if t.tag.startswith("NNP") and t.dep in _ARGUMENT_DEPS
                     for m in [person_mention(tokens, kids, t, sentence, lex)] if m is not None and m.name]
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

