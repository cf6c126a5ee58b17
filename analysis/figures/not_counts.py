"""Numbers in local crime reporting that are no count of people, beyond ``quantities.is_distractor``.

``not_a_count`` is applied by ``analysis.figures.scan`` with the distractors (rule 2 of the order in
``analysis.figures.ledger``). Rules:

- Numbers joined by hyphens to two or more others are a telephone number or an emergency line:
  "a 9-1-1 call", "call 843-555-0100" (no count "9 shot").
- The first age of a range written with hanging hyphens: "victims from 17- to 28-years-old".
- The last age of a list of names with ages closed by a verb rather than a comma: "Ann Lee, 24,
  Bo Diaz, 25 and Cy Moss, 32 were taken to the hospital" (the list's earlier "Name, age," shows
  what the last one is; a lone "In Springfield, 32 were hurt" stays a count).

Known misses: an age list with no earlier "Name, age," ("Cy Moss, 32 was taken ...") keeps the
number when a verb closes it; a range of ages written without hyphens is left to the other rules.
"""

from __future__ import annotations

import re

from analysis.figures.numbers import Tokens
from analysis.figures.quantities import Quantity

__all__ = ["not_a_count"]

_HYPHEN_CHAIN = re.compile(r"\d{1,4}(?:[-–]\d{1,4}){2,}")
_HANGING_AGE = re.compile(r"[-–]\s+(?:to|and|or)\s+\d{1,3}\s*[-–]\s*years?[-–\s]+old\b", re.I)
_LIST_AGE = re.compile(r"[A-Z][\w'.-]*,\s+\d{1,3}\s*,\s+(?:and\s+)?[A-Z]")
_VERB_CLOSE = frozenset("were are was is all".split())


def not_a_count(q: Quantity, tok: Tokens) -> bool:
    """Is the quantity a telephone number, the first age of a hyphenated range, or the last age of a
    list of names with ages (see the module docstring)?"""
    text = tok.text
    first, last = q.numbers[0], q.numbers[-1]
    for match in _HYPHEN_CHAIN.finditer(text, max(0, first.start - 12), min(len(text), last.end + 12)):
        if match.start() <= first.start and last.end <= match.end():
            return True  # "a 9-1-1 call"
    if len(q.numbers) == 1 and _HANGING_AGE.match(text, last.end):
        return True  # "from 17- to 28-years-old"
    if len(q.numbers) == 1 and first.kind == "digits" and first.value <= 120 and q.first >= 2:
        words = tok.words
        closing = words[q.last] if q.last < len(words) else ""
        before = text[tok.starts[q.first - 2]:tok.ends[q.first - 2]]
        if words[q.first - 1] == "," and before[:1].isupper() and closing in _VERB_CLOSE \
                and _LIST_AGE.search(text, 0, first.start):
            return True  # "Ann Lee, 24, Bo Diaz, 25 and Cy Moss, 32 were taken to the hospital"
    return False
