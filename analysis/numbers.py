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

This module only reads numbers; whether a number is a count of people (and not a year, an
age or an amount of money) is decided by ``analysis.figures``.

Known misses: numbers written with spaces or dots as thousands separators ("41 000",
"41.000" is read as 41.0); fractions ("a third of"); Roman numerals; "a score of" (20).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

_LEXICON = Path(__file__).with_name("data") / "figures_lexicon.json"

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

_WORDS = "|".join(sorted([*UNITS, *TENS, "hundred", *SCALES, "dozen"], key=len, reverse=True))
# "a hundred and five", "twenty-three", "half a dozen", "two thousand three hundred"
_WORD_RUN = re.compile(
    rf"\b(?:(?:half\s+)?an?\s+(?=(?:hundred|thousand|million|dozen)\b))?(?:{_WORDS})"
    rf"(?:(?:\s+|\s*-\s*)(?:and\s+)?(?:{_WORDS}))*\b",
    re.IGNORECASE,
)
# 133 / 41,000 / 1.2 (+ optional "million") ; not part of a word, code, time, date or amount
_DIGITS = re.compile(
    r"(?<![\w.,/:$€£¥₽₹#])(?<![A-Za-z]-)(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?![\w%])(?!:\d)(?!/\d)(?![.,]\d)"
    r"(?:\s+(?:million|thousand|hundred|dozen)\b)?",
)


@dataclass(frozen=True, slots=True)
class Number:
    """A written quantity: ``start``/``end`` are offsets into the scanned string.

    ``value`` is the number read (the floor for vague quantities); ``low``/``high`` the span
    the words allow (equal for a plain number); ``kind`` is ``digits``, ``words`` or ``vague``;
    ``integer`` is False for decimals that are not whole counts ("7.8").
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


@cache
def _vague_table() -> tuple[re.Pattern[str], dict[str, tuple[int, int]], tuple[str, ...]]:
    lexicon = json.loads(_LEXICON.read_text(encoding="utf-8"))
    spans = {key.lower(): (int(v[0]), int(v[1])) for key, v in lexicon["vague"].items() if not key.startswith("_")}
    multipliers = tuple(lexicon["vague_multipliers"])
    mult = "|".join(re.escape(m).replace(r"\ ", r"\s+") for m in sorted(multipliers, key=len, reverse=True))
    words = "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in sorted(spans, key=len, reverse=True))
    # "scores" only as "scores of" (not "test scores"); "several hundred", "a few dozen"
    pattern = re.compile(
        rf"\b(?:(?P<mult>{mult})\s+(?P<unit>dozens?|hundreds?|thousands?)\b(?!\s+of\s+thousands)"
        rf"|(?P<vague>{words})\b)",
        re.IGNORECASE,
    )
    return pattern, spans, multipliers


_UNIT_OF = {"dozen": 12, "hundred": 100, "thousand": 1_000}
_SCORES_NEXT = re.compile(
    r"\s+(?:of|more|others|were|are|have|had|killed|dead|died|injured|wounded|hurt|missing|arrested|detained|"
    r"evacuated|rescued)\b", re.IGNORECASE)
_CEILING_OF = {"dozen": "dozens", "hundred": "hundreds", "thousand": "thousands"}


def parse_number_words(words: list[str]) -> tuple[int, int] | None:
    """Read number words: ``["a", "hundred", "and", "five"]`` -> ``(105, 4)``.

    Returns the value and how many words it used (a run stops at the first word that
    does not continue a well-formed number: ``["two", "three"]`` -> ``(2, 1)``), or None.
    """
    total = 0
    current = 0
    last = ""  # kind of the previous word: unit, teen, tens, hundred, scale, dozen, a, half, and
    used = 0
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
        used = i + 1
        value_used = used
    if value_used == 0 or last in ("a", "half"):
        return None
    return total + current, value_used


def _word_numbers(text: str) -> list[Number]:
    found: list[Number] = []
    for match in _WORD_RUN.finditer(text):
        pieces = list(re.finditer(r"[A-Za-z]+", match.group(0)))
        words = [p.group(0) for p in pieces]
        first = 0
        while first < len(words):  # "two three" -> two, three
            parsed = parse_number_words(words[first:])
            if parsed is None:
                first += 1
                continue
            value, used = parsed
            start = match.start() + pieces[first].start()
            end = match.start() + pieces[first + used - 1].end()
            found.append(Number(start, end, text[start:end], value, value, value, False, "words"))
            first += used
    return found


def _digit_numbers(text: str) -> list[Number]:
    found: list[Number] = []
    for match in _DIGITS.finditer(text):
        raw = match.group(0)
        head = re.split(r"\s", raw)[0]
        scale = raw[len(head):].strip().lower()
        number = float(head.replace(",", ""))
        if scale:
            number *= {"million": 1_000_000, "thousand": 1_000, "hundred": 100, "dozen": 12}[scale]
        integer = float(number).is_integer()
        value = int(round(number))
        found.append(Number(match.start(), match.end(), raw, value, value, value, False, "digits", integer))
    return found


def _vague_numbers(text: str) -> list[Number]:
    pattern, spans, _ = _vague_table()
    found: list[Number] = []
    for match in pattern.finditer(text):
        if match.group("vague"):
            key = re.sub(r"\s+", " ", match.group("vague").lower())
            if key == "scores" and not _SCORES_NEXT.match(text, match.end()):
                continue  # "scores of people", "scores injured"; not "test scores"
            low, high = spans[key]
        else:
            unit = match.group("unit").lower().rstrip("s")
            low = 2 * _UNIT_OF[unit]
            high = spans.get(_CEILING_OF[unit], (low, low * 10 - 1))[1]
        found.append(Number(match.start(), match.end(), match.group(0), low, low, high, True, "vague"))
    return found


def find_numbers(text: str) -> list[Number]:
    """Every written quantity in ``text``, in order, without overlaps.

    Returns ``Number`` records; where two readings overlap ("several hundred" is both a
    vague quantity and the word "hundred") the longer one wins.
    """
    candidates = _vague_numbers(text) + _word_numbers(text) + _digit_numbers(text)
    candidates.sort(key=lambda n: (n.start, -(n.end - n.start)))
    chosen: list[Number] = []
    last_end = -1
    for number in candidates:
        if number.start >= last_end:
            chosen.append(number)
            last_end = number.end
        elif chosen and number.end - number.start > chosen[-1].end - chosen[-1].start and number.start <= chosen[-1].start:
            chosen[-1] = number
            last_end = number.end
    return chosen
