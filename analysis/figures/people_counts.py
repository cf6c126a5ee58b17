"""The counts an article's people add up to: rows of the ``figures`` table (rule 6 of ``analysis.figures.victims``).

Counts (``read_people``): per category, the larger of the distinct named people and the
most distinct people any one sentence gives, each with its final outcome; unknown outcomes
count as injured. A sentence counts among its dead only people it does not itself call
wounded ("a man and a boy were killed and a woman was wounded": 2 dead, though a later "the
toddler" may be misread as the woman). Known miss: an unnamed person wounded in one sentence
who dies in another ("... a woman was wounded. The woman died Monday") beside someone killed
in the first is one death per sentence, not two. "double homicide" (2), "triple homicide" (3), "murder-suicide" (2) are
``compound`` killed figures, "triple shooting" (3) a ``compound`` count of people shot.

``counts`` gives the ``individuals`` and ``enumeration`` rows of one article's people (``same_person.Person``),
``compounds`` the ``compound`` rows of the lede's words.

The distinct named dead count over the most one sentence gives only when two of them share a surname, a family's
dead named one by one ("Rosa Feld was found in the kitchen. ... Her son Mark Feld died at the hospital"): on the
real-news tuning set, named dead of different surnames across sentences were more often a name that is no person (a
newspaper's, a coroner's), a victim of an earlier incident named beside this one's, or a suspect given the victim's
outcome than a second death told apart (GVA: 15 such headlines wrong, 6 right, 4 of these a family's).

Known misses: an unnamed person wounded in one sentence who dies in another beside someone killed in the first is
one death per sentence, not two; two dead of different surnames named in different sentences are one.
"""

from __future__ import annotations

import pandas as pd

from analysis.figures.died_since import died_since_people
from analysis.figures.person_mentions import Mention, people_lexicon
from analysis.figures.same_person import Person
from analysis.figures.unborn import names_unborn

__all__ = ["compounds", "counts"]


def _figure(article_id: str, category: str, value: int, rule: str, qualifier: str, sentence_idx: int,
            sentence: str, start: int, end: int) -> dict:
    return {"figure_id": f"{article_id}:{start}-{end}:{category}:{rule}", "article_id": article_id,
            "sentence_idx": sentence_idx, "category": category, "value": value, "low": value,
            "high": value, "qualifier": qualifier, "vague": False, "scope": "total", "status": "current",
            "may_rise": False, "as_toll": False, "attributed_to": "", "number_text": sentence[start:end],
            "sentence": sentence, "start": start, "end": end, "rule": rule,
            "period": False}


def counts(article_id: str, people: list[Person], where, *, deaths: bool) -> list[dict]:
    """Per category, the larger of the distinct named people (for the dead, only when two share a surname:
    ``_one_family``) and the most people one sentence gives. Someone
    shot with no outcome stated counts as injured only in an article that reports no death: where someone
    died, "the toddler was shot" is most often the one who died, said in other words."""
    hurt = ("injured",) if deaths else ("injured", "unknown")
    people = [p for p in people if not p.late]
    rows = []
    for category in ("killed", "injured"):
        def counts(person: Person) -> bool:
            return person.outcome == "killed" if category == "killed" else person.outcome in hurt
        named = [p for p in people if p.name and counts(p)]
        per_sentence: dict[int, list[tuple[Person, Mention]]] = {}
        for p in people:
            if counts(p):
                for m in p.mentions:
                    if not m.outcome or (category == "killed" and m.outcome == "injured"):
                        continue  # "killed a man and wounded a woman who later died": not two dead in one sentence
                    if names_unborn(m.text.lower().split()):
                        continue  # "her unborn daughter died": no one the toll of people counts
                    group = per_sentence.setdefault(m.sentence_idx, [])
                    if all(q is not p for q, _ in group):
                        group.append((p, m))
        if not per_sentence:
            continue
        idx, group = max(per_sentence.items(), key=lambda kv: (sum(p.count for p, _ in kv[1]), -kv[0]))
        best = sum(p.count for p, _ in group)
        sentence, offset = where[(article_id, idx)]
        if len(named) > best and (category != "killed" or _one_family(named)):
            # distinct named people across sentences: cite the last one named
            last = max((next(m for m in p.mentions if m.kind == "name") for p in named),
                       key=lambda m: (m.sentence_idx, m.start))
            sentence, offset = where[(article_id, last.sentence_idx)]
            rows.append(_figure(article_id, category, len(named), "individuals", "at_least", last.sentence_idx,
                                sentence, last.start, last.end))
            rows[-1].update(start=offset + last.start, end=offset + last.end)
            continue
        first, last = min(m.start for _, m in group), max(m.end for _, m in group)
        enumerated = len(group) > 1 or any(p.count > 1 for p, _ in group)
        row = _figure(article_id, category, best, "enumeration" if enumerated else "individuals", "exact", idx,
                      sentence, first, last)
        row.update(start=offset + first, end=offset + last)
        rows.append(row)
    return rows + died_since_people(article_id, people, where)  # "a woman was wounded. The woman died Monday"


_SUFFIXES = frozenset("jr jr. sr sr. ii iii iv".split())


def _one_family(named: list[Person]) -> bool:
    """Do two of the named people share a surname ("Rosa Feld", "Mark Feld Jr.")?"""
    surnames = []
    for person in named:
        words = [w for w in str(person.name).lower().replace(",", " ").split() if w not in _SUFFIXES]
        if words:
            surnames.append(words[-1])
    return len(set(surnames)) < len(surnames)


def compounds(lede_rows: pd.DataFrame) -> list[dict]:
    """"double homicide" (2 killed), "murder-suicide" (2 killed, the shooter one of them), "triple shooting" (3 shot:
    the ledger derives the injured from them), ..."""
    lex = people_lexicon()
    rows = []
    # only the sentences where either pattern matches at all (pandas counts over a whole column at once; ``count``,
    # not ``contains``, which warns of the patterns' groups)
    text = lede_rows["text"].astype(str)
    lede_rows = lede_rows[(text.str.count(lex["compound_re"]) + text.str.count(lex["shot_compound_re"]) > 0)
                          .to_numpy(dtype=bool)]
    for article_id, idx, text, start in zip(lede_rows["article_id"], lede_rows["idx"], lede_rows["text"],
                                            lede_rows["start"]):
        for category, pattern, values in (("killed", lex["compound_re"], lex["compounds"]),
                                          ("shot", lex["shot_compound_re"], lex["shot_compounds"])):
            for match in pattern.finditer(str(text)):
                row = _figure(str(article_id), category, values[match.group(1).lower()], "compound", "exact",
                              int(idx), str(text), match.start(), match.end())
                row.update(start=int(start) + match.start(), end=int(start) + match.end())
                rows.append(row)
    return rows

