"""Numbers as news text writes them, with their character offsets.

``find_numbers`` finds every written quantity in a string and reads its value:

- digits with thousands separators and decimals: ``"41,000"``, ``"133"``, ``"1.2 million"``;
- number words: ``"four"``, ``"twenty-three"``, ``"a hundred and five"``, ``"a dozen"``,
  ``"half a dozen"``, ``"two thousand"``;
- vague quantities: ``"dozens"``, ``"scores of"``, ``"hundreds"``, ``"thousands"``,
  ``"tens of thousands"``, ``"several hundred"``, ``"a few dozen"``.

Vague quantities come back as a span ``[low, high]`` with ``vague=True``. The floors follow
ACLED's coding convention: "dozens" is read as at least 12, "hundreds" as at least 100
(the floors and ceilings are listed in ``data/figures_lexicon.json`` under ``"vague"``);
"several"/"a few"/"a couple of" before hundred/thousand/dozen read as twice the unit.

The text is cut into word tokens once (``Tokens``); the rule layers (``analysis.figures.scan``
runs them) reuse the same tokens for their cues. This module only reads numbers; whether a
number is a count of people (and not a year, an age or an amount of money) is decided there.

Known misses: numbers written with spaces or dots as thousands separators ("41 000",
"41.000" is read as 41.0); fractions ("a third of"); Roman numerals; "a score of" (20).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache

from analysis.data import FIGURES_LEXICON

UNITS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90,
}
SCALES: dict[str, int] = {"thousand": 1_000, "million": 1_000_000}
_NUMBER_WORDS = frozenset([*UNITS, *TENS, "hundred", *SCALES, "dozen"])
_RUN_WORDS = _NUMBER_WORDS | {"a", "an", "half", "and", "-"}
_DIGIT_SCALES = {"million": 1_000_000, "thousand": 1_000, "hundred": 100, "dozen": 12}
_UNIT_OF = {"dozen": 12, "dozens": 12, "hundred": 100, "hundreds": 100, "thousand": 1_000, "thousands": 1_000}
_CEILING_OF = {12: "dozens", 100: "hundreds", 1_000: "thousands"}
# "scores" is a quantity only before these words ("scores of people", "scores injured"), not "test scores"
_SCORES_NEXT = frozenset("of more others were are have had killed dead died injured wounded hurt missing arrested "
                         "detained evacuated rescued".split())
# a digit token is not a count when glued to these: "MH17", "$5", "#3", "3.5.1", "20:00", "1/2"
_BAD_BEFORE = frozenset(".,/:$€£¥₽₹#")
_BAD_AFTER = frozenset("%")

TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+(?:['’][^\W\d_]+)*|[^\w\s]")


class Tokens:
    """A text cut into tokens: lowercased words (and, on demand, the raw words) with offsets."""

    __slots__ = ("text", "words", "starts", "ends", "numbers", "quantity_at", "counts", "_raw", "_numeric")

    def __init__(self, text: str, words: list[str], starts: list[int], ends: list[int]):
        self.text, self.words, self.starts, self.ends = text, words, starts, ends
        self.numbers: set[int] = set()  # indices of tokens inside a number
        self.quantity_at: dict = {}  # first token index -> quantity (set by analysis.figures.scan)
        self.counts: set[int] = set()  # tokens of numbers read as counts (not "magnitude 6.4", "two kilometres")
        self._raw: list[str] | None = None
        self._numeric: set[int] | None = None  # built on first is_number(), after ``numbers`` is filled

    @classmethod
    def of(cls, text: str) -> "Tokens":
        lower = text.lower()
        if len(lower) != len(text):  # a few characters change length when lowercased
            matches = list(TOKEN.finditer(text))
            return cls(text, [m.group().lower() for m in matches], [m.start() for m in matches],
                       [m.end() for m in matches])
        spans = [m.span() for m in TOKEN.finditer(lower)]
        return cls(text, [lower[a:b] for a, b in spans], [a for a, _ in spans], [b for _, b in spans])

    @property
    def raw(self) -> list[str]:
        """The tokens as written (capitalisation kept)."""
        if self._raw is None:
            text = self.text
            self._raw = [text[a:b] for a, b in zip(self.starts, self.ends)]
        return self._raw

    def index_at(self, offset: int) -> int:
        """Index of the first token starting at or after ``offset``."""
        from bisect import bisect_left

        return bisect_left(self.starts, offset)

    def is_number(self, i: int) -> bool:
        """Is token ``i`` part of a number (or a digit token that was not read as one)?"""
        numeric = self._numeric
        if numeric is None:
            numeric = self._numeric = self.numbers | {k for k, w in enumerate(self.words) if w[0].isdigit()}
        return i in numeric

    def is_count(self, i: int) -> bool:
        """Is token ``i`` part of a number that may be a count (not a year, a unit, a decimal...)?

        Filled by ``analysis.figures.scan`` once distractors are known (``counts``)."""
        return i in self.counts


@dataclass(frozen=True, slots=True)
class Number:
    """A written quantity: ``start``/``end`` are offsets into the scanned string.

    ``value`` is the number read (the floor for vague quantities); ``low``/``high`` the span
    the words allow (equal for a plain number); ``kind`` is ``digits``, ``words``, ``vague``
    or ``ordinal``; ``integer`` is False for decimals that are not whole counts ("7.8").
    ``first``/``last`` are the token span (``last`` just past the last token).
    """

    start: int
    end: int
    text: str
    value: int
    low: int
    high: int
    vague: bool
    kind: str
    integer: bool = True
    first: int = -1
    last: int = -1


@cache
def _vague_spans() -> tuple[dict[str, tuple[int, int]], frozenset[str]]:
    lexicon = json.loads(FIGURES_LEXICON.read_text(encoding="utf-8"))
    spans = {key.lower(): (int(v[0]), int(v[1])) for key, v in lexicon["vague"].items() if not key.startswith("_")}
    return spans, frozenset(lexicon["vague_multipliers"])


def parse_number_words(words: list[str]) -> tuple[int, int] | None:
    """Read number words: ``["a", "hundred", "and", "five"]`` -> ``(105, 4)``.

    Returns the value and how many words it used (a run stops at the first word that
    does not continue a well-formed number: ``["two", "three"]`` -> ``(2, 1)``), or None.
    """
    total = 0
    current = 0
    last = ""  # kind of the previous word: unit, teen, tens, hundred, scale, dozen, a, half, and
    value_used = 0
    for i, raw in enumerate(words):
        word = raw.lower()
        if word in ("a", "an"):
            if i not in (0, 1) or (i == 1 and last != "half"):
                break
            current = 1
            last = "a"
        elif word == "half":
            if i != 0:
                break
            last = "half"
        elif word == "and":
            if last not in ("hundred", "scale"):
                break
            last = "and"
            continue
        elif word in UNITS:
            n = UNITS[word]
            if last in ("unit", "teen", "a", "half", "dozen") or (last == "tens" and n > 9) or (last == "tens" and n == 0):
                break
            current += n
            last = "teen" if n >= 10 else "unit"
        elif word in TENS:
            if last in ("unit", "teen", "tens", "a", "half", "dozen"):
                break
            current += TENS[word]
            last = "tens"
        elif word == "hundred":
            if last in ("", "hundred", "tens", "half", "dozen", "and"):
                break
            current = (current or 1) * 100
            last = "hundred"
        elif word in SCALES:
            if last in ("", "half", "and", "dozen"):
                break
            total += (current or 1) * SCALES[word]
            current = 0
            last = "scale"
        elif word == "dozen":
            if last not in ("a", "unit", "teen", "tens"):
                break
            current = (current or 1) * 12
            if i >= 2 and words[0].lower() == "half":
                current = 6
            last = "dozen"
        else:
            break
        value_used = i + 1
    if value_used == 0 or last in ("a", "half"):
        return None
    return total + current, value_used


def _number(tok: Tokens, first: int, last: int, value: int, low: int, high: int, vague: bool, kind: str,
            integer: bool = True) -> Number:
    start, end = tok.starts[first], tok.ends[last - 1]
    return Number(start, end, tok.text[start:end], value, low, high, vague, kind, integer, first, last)


def _digits_at(tok: Tokens, i: int) -> Number | None:
    text, words = tok.text, tok.words
    start, end = tok.starts[i], tok.ends[i]
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    if before in _BAD_BEFORE or before.isalpha() or after in _BAD_AFTER or after.isalpha():
        return None
    if before == "-" and start >= 2 and text[start - 2].isalpha():  # "COVID-19", "Su-34"
        return None
    if after in ":/" and end + 1 < len(text) and text[end + 1].isdigit():  # "20:00", "9/11"
        return None
    token = words[i]
    if token.count(".") > 1 or ("." in token and "," in token and token.index(".") < token.index(",")):
        return None
    try:
        number = float(token.replace(",", ""))
    except ValueError:
        return None
    last = i + 1
    if last < len(words) and words[last] in _DIGIT_SCALES and tok.starts[last] > end:
        number *= _DIGIT_SCALES[words[last]]
        last += 1
    value = int(round(number))
    return _number(tok, i, last, value, value, value, False, "digits", float(number).is_integer())


def _words_at(tok: Tokens, i: int) -> Number | None:
    words = tok.words
    run, index = [], []
    j = i
    while j < len(words) and words[j] in _RUN_WORDS:
        if words[j] != "-":
            run.append(words[j])
            index.append(j)
        j += 1
    parsed = parse_number_words(run)
    if parsed is None:
        return None
    value, used = parsed
    return _number(tok, i, index[used - 1] + 1, value, value, value, False, "words")


def _vague_at(tok: Tokens, i: int) -> Number | None:
    words = tok.words
    spans, multipliers = _vague_spans()
    w = words[i]
    nxt = words[i + 1] if i + 1 < len(words) else ""
    if w in ("tens", "hundreds") and nxt == "of" and words[i + 2:i + 3] == ["thousands"]:
        low, high = spans[f"{w} of thousands"]
        return _number(tok, i, i + 3, low, low, high, True, "vague")
    if w in spans and " " not in w:
        if w == "scores" and nxt not in _SCORES_NEXT:
            return None
        low, high = spans[w]
        return _number(tok, i, i + 1, low, low, high, True, "vague")
    for size in (3, 2, 1):  # "a couple of", "a few", "several" + dozen/hundred/thousand(s)
        phrase = " ".join(words[i:i + size])
        unit = words[i + size] if i + size < len(words) else ""
        if phrase in multipliers and unit in _UNIT_OF:
            if words[i + size + 1:i + size + 3] == ["of", "thousands"]:
                return None
            base = _UNIT_OF[unit]
            low = 2 * base
            high = spans.get(_CEILING_OF[base], (low, low * 10 - 1))[1]
            return _number(tok, i, i + size + 1, low, low, high, True, "vague")
    return None


_VAGUE_STARTS = frozenset(["tens", "hundreds", "dozens", "scores", "thousands", "millions", "several", "a", "many",
                           "few"])
_CANDIDATES = _VAGUE_STARTS | (_RUN_WORDS - {"and", "-"})


def numbers_in(tok: Tokens) -> list[Number]:
    """Every written quantity among ``tok``'s tokens, in order, without overlaps."""
    words = tok.words
    found: list[Number] = []
    candidates = [i for i, w in enumerate(words) if w[0].isdigit() or w in _CANDIDATES]
    if not candidates:
        return found
    i = candidates[0]
    while i < len(words):
        w = words[i]
        number = None
        if w[0].isdigit():
            number = _digits_at(tok, i)
        else:
            if w in _VAGUE_STARTS:
                number = _vague_at(tok, i)
            if number is None and w in _RUN_WORDS and w not in ("and", "-"):
                number = _words_at(tok, i)
        if number is None:
            i += 1
        else:
            found.append(number)
            i = number.last
        while i < len(words) and not (words[i][0].isdigit() or words[i] in _CANDIDATES):
            i += 1
    return found


def find_numbers(text: str) -> list[Number]:
    """Every written quantity in ``text``, in order, without overlaps.

    Returns ``Number`` records; where two readings overlap ("several hundred" is both a
    vague quantity and the word "hundred") the longer one wins.
    """
    return numbers_in(Tokens.of(text))
