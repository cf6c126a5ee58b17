"""The qualifier and bounds of a quantity, from the words around it: rule 3 of the order in
``analysis.figures.ledger``.

3. Qualifier from the words before the number (at least / more than / about / up to, see the
   lexicon) or after it ("or more", "-plus", "or so"); ``exact`` when none. Bounds: exact
   low = high = value; at_least low = value, high empty; over low = value + 1, high empty;
   about low and high empty (no hard bound); up_to high = value (value - 1 for "fewer
   than"/"less than"/"under"), low empty; range low..high.

Vague quantities follow ACLED's convention: "dozens" is read as at least 12, "scores" as
at least 20, "hundreds" as at least 100, "thousands" as at least 1,000. Such figures have
``vague=True``, qualifier ``at_least`` (unless the words give another), ``value`` and
``low`` the floor and ``high`` the ceiling the word implies (dozens: 99) rather than an
open bound.

Known misses: a qualifier is read only right before the number or right after it, so one
set apart from it ("at least, officials said, 60 people were killed") or written after its
noun ("killed 60 people or more") leaves the figure ``exact``.
"""

from __future__ import annotations

from analysis.figures.lexicon import Lexicon
from analysis.figures.numbers import Tokens
from analysis.figures.quantities import Quantity

_LESS_THAN = frozenset(["fewer than", "less than", "under", "below", "just under", "just below"])


def qualify(q: Quantity, tok: Tokens, lex: Lexicon) -> None:
    """Set the qualifier, the bounds and ``qstart`` of a quantity from the words around it."""
    words = tok.words
    q.qstart = q.first
    q.tail = q.last
    if q.qualifier == "range":
        if q.first > 0 and words[q.first - 1] in ("between", "from"):
            q.qstart = q.first - 1
        return
    written = ""
    match = lex.qualifier_before.ending(words, q.first - 1)
    if match:
        n, qualifier = match
        written = " ".join(words[q.first - n:q.first])
        q.qualifier = str(qualifier)
        q.qstart = q.first - n
    else:
        after = lex.qualifier_after.at(words, q.last)
        if after and not (words[q.last] in ("plus", "odd") and tok.text[q.end:q.end + 1] not in " -"):
            q.qualifier = str(after[1])
            q.tail = q.last + after[0]
    base, ceiling = q.value, q.high
    if q.qualifier == "exact":
        if q.vague:  # ACLED: "dozens" is at least 12
            q.qualifier = "at_least"
            q.low, q.high = base, ceiling
        else:
            q.low, q.high = base, base
    elif q.qualifier == "at_least":
        q.low, q.high = base, (ceiling if q.vague else None)
    elif q.qualifier == "over":
        q.low, q.high = base + 1, (ceiling if q.vague else None)
    elif q.qualifier == "about":
        q.low, q.high = None, None
    elif q.qualifier == "up_to":
        q.low, q.high = None, (base - 1 if written in _LESS_THAN else base)
