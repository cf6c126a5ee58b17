"""How names are written in raw text: the word patterns the people layer (``analysis.figures.victims``) uses before
and beside the parser, and the index of the full names each article gives.

A name word is a capital and lower-case letters of any Latin alphabet ("Peña", "Suárez", "Łukasz"), with inner
capitals ("McKay", "DeShields", "DeLaPort"), an apostrophe ("O'Neal", "Ke'Ana", "D’Andre") or a hyphen ("Ruiz-Soto")
inside. The patterns pick the sentences worth parsing ("Ana Peña, 19, ..." names someone with an age) and the full
names a lone surname or first name stands for later in the article ("Peña was shot" is Ana Peña).

A nickname in quotes inside a name is no part of it ('Timothy "Tee" Bunn' is Timothy Bunn); initials may stand for a
first name ("A.J. Brown").

Names in capitals in a sentence written in lower case ("identified as JOHN SMITH", "JOHN SMITH, 23,") are read in
title case (``read_capitals``: John Smith), but not a run with a small word ("GRANDPARENTS OF ELI"), a dateline ("LOS ANGELES (AP) -") nor words of
``data/capitals_not_names.txt`` ("FBI", "BREAKING NEWS").

Known misses: a name in capitals in a sentence all in capitals (a headline, a transcript's words); letters outside the Latin
alphabets; a lower-case particle inside a full name ("Ana de la Cruz" gives "Ana" and "Cruz" apart).
"""

from __future__ import annotations

import re

import pandas as pd

from analysis.data import DATA_DIR
from analysis.figures.parse import NICKNAME, SOFT_HYPHEN
from analysis.figures.person_names import NAME_STOP, TITLES, VEHICLE_MAKES

__all__ = ["read_capitals", "DESCRIBED_NAME", "FULL_NAME", "LOWER", "NAMED_IS", "NAME_AGE", "NAME_SUFFIXES", "TWO_CAPITALS", "UPPER",
           "index_full_names", "plain", "surname"]

_LATIN = [chr(code) for code in range(0xC0, 0x250)]  # Latin-1 Supplement, Latin Extended-A and -B
UPPER = "A-Z" + "".join(c for c in _LATIN if c.isupper())  # for a character class: "[{UPPER}]"
LOWER = "a-z" + "".join(c for c in _LATIN if c.islower())
# one capitalised word as a prefilter reads it: "Webb", "O'Neal", "DeShields", "Ruiz-Soto", "Peña"
_LOOSE = rf"[{UPPER}](?:[{LOWER}'’-]|[{UPPER}](?=[{LOWER}]))+"
_GIVEN = rf"(?:{_LOOSE}|(?:[{UPPER}]\.){{2,3}})"  # a first name, or initials for one: "A.J. Brown", "T.J. Lee"

# "The victim was Lena Drake", "Her name was Lena Drake": someone described, named
NAMED_IS = re.compile(r"\b(?:[Nn]ame|man|woman|boy|girl|teen|teenager|victim|shooter|gunman|suspect) (?:is|was) "
                      rf"(?:[{UPPER}]\.? )?[{UPPER}][{LOWER}]")
NAME_AGE = re.compile(rf"\b{_GIVEN} (?:[{UPPER}]\. )?{_LOOSE}(?:,? [JS]r\.?)?, \d{{1,2}}\b")  # "Carl Webb, 19"
# "Her uncle, Luke Ames, ...", "Officer Ames was assigned ...": a name for someone described (rule 7)
DESCRIBED_NAME = re.compile(rf"\b(?:[Hh]is|[Hh]er|[Tt]heir|[Tt]he) [a-z]+, {_LOOSE} (?:[{UPPER}][{LOWER}.'’-]* )*"
                            rf"{_LOOSE},|"
                            rf"\b(?:Officer|Deputy|Trooper|Sgt\.|Sergeant|Detective|Det\.|Cpl\.) [{UPPER}]")
TWO_CAPITALS = re.compile(rf"\b{_GIVEN} (?:[{UPPER}]\. )?{_LOOSE}")  # "Carl Webb", "Ann B. Lee"

NAME_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}

# "Officers identified the man as William Waldron, 45." ... "Waldron was shot and killed.": a full name anywhere
# in the article (two to four capitalised words, initials and Jr./III allowed) lends itself to a lone surname
_PART = (rf"(?:[{UPPER}]['’])?[{UPPER}][{LOWER}]+(?:[{UPPER}][{LOWER}]+){{0,2}}"  # "O'Neal", "McKay", "DeLaPort"
         rf"(?:['’](?!s\b)[{UPPER}]?[{LOWER}]+)?")  # "Ke'Ana"; not a possessive "Soto's"
_WORD = rf"{_PART}(?:-{_PART})*"  # "Ruiz-Soto"
_NICKNAME = NICKNAME  # 'Timothy "Tee" Bunn': the nickname is no part of the full name
FULL_NAME = re.compile(rf"\b((?:{_WORD}|(?:[{UPPER}]\.){{2,3}})(?:{_NICKNAME.pattern})?(?:\s+(?:[{UPPER}]\.|{_WORD})){{1,3}})"
                       r"(?:,?\s+(?:Jr|Sr|II|III|IV)\b\.?)?")

# "in Dayton", ", of Salina", "SANFORD, Maine (AP)": words an article uses for places, no one's first name
_PLACE = re.compile(rf"(?:\b(?:[Ii]n|[Nn]ear|[Ff]rom|[Oo]utside)\s+|,\s+of\s+)([{UPPER}][{LOWER}]+)\b(?!['’])|"
                    rf"^([{UPPER}]{{3,}}(?:\s[{UPPER}]{{3,}})*),\s+([{UPPER}][{LOWER}]+)")


def plain(texts: pd.Series) -> pd.Series:
    """The texts without soft hyphens ("gun\u00adman"), for the word patterns (the parser drops them too)."""
    return texts.astype(str).str.replace(SOFT_HYPHEN, "", regex=False)


def surname(name: str) -> str:
    """The last word of a name that is not a suffix, lower case, a curly apostrophe made straight: "Clifton Hibbert Jr."
    -> "hibbert", "Aaren O’Connor" -> "o'connor" (the key a lone surname looks its full name up by)."""
    words = [w.strip(".,").lower().replace("’", "'") for w in name.split()]  # "O’Neal" is "O'Neal"
    while len(words) > 1 and words[-1] in NAME_SUFFIXES:
        words.pop()
    return words[-1] if words else ""


def index_full_names(sentences: pd.DataFrame) -> tuple[dict[str, dict[str, str]], dict[str, dict[str, str]]]:
    """``({article_id: {surname (lower): full name}}, {article_id: {first name (lower): full name}})`` from every
    sentence of each article; a surname two full names share is left out, and a first name two full names share or
    the article uses for a place ("in Dayton") is ""."""
    out: dict[str, dict[str, str]] = {}
    firsts: dict[str, dict[str, str]] = {}
    clash: set[tuple[str, str]] = set()
    stop = NAME_STOP | TITLES | {"the", "a", "an", "when", "after", "in", "on", "at", "but", "and", "his", "her",
                                 "then", "while", "as", "if", "before", "during", "with", "for", "by", "from", "since"}
    places: dict[str, set[str]] = {}
    for article_id, text in zip(sentences["article_id"].astype(str), plain(sentences["text"])):
        places.setdefault(article_id, set()).update(
            w.lower() for match in _PLACE.finditer(text) for w in match.groups() if w)
        for match in FULL_NAME.finditer(text):
            words = _NICKNAME.sub(" ", match.group(1)).split()
            while words and words[0].lower().rstrip(".") in stop:
                words = words[1:]
            titled = [k for k, w in enumerate(words[:-1]) if w.lower().rstrip(".") in TITLES]
            words = words[titled[-1] + 1:] if titled else words  # "Phoenix Mayor Greg Stanton" is Greg Stanton
            while words and words[-1].lower().rstrip(".") in NAME_SUFFIXES:  # "Dan McKay Jr" is a McKay
                words = words[:-1]
            if len(words) < 2 or words[-1].lower() in stop or words[0].lower() in VEHICLE_MAKES:
                continue  # not "Chevrolet Impala": a lone "Impala" is the car
            names = out.setdefault(article_id, {})
            last, full = surname(words[-1]), " ".join(words)
            given = firsts.setdefault(article_id, {})
            if surname(given.get(surname(words[0]), full)) != last:  # "Ann Lee" and "Ann Ray": no one's first name
                given[surname(words[0])] = ""
            elif len(full) > len(given.get(surname(words[0]), "")):
                given[surname(words[0])] = full
            if last in names and names[last] != full and not (full in names[last] or names[last] in full):
                clash.add((article_id, last))
            elif len(full) > len(names.get(last, "")):
                names[last] = full
    for article_id, last in clash:
        out[article_id].pop(last, None)
    for article_id, words in places.items():
        firsts.setdefault(article_id, {}).update(dict.fromkeys(words, ""))
    return out, firsts


_NOT_NAMES = frozenset(line.strip().lower() for line in (DATA_DIR / "capitals_not_names.txt").read_text(
    encoding="utf-8").splitlines() if line.strip() and not line.startswith("#"))
_CAPS_WORD = rf"[{UPPER}](?:[{UPPER}]|['’-](?=[{UPPER}]))+\.?"
# "JOHN SMITH", "MARY O'NEAL-RUIZ JR.", "ANA M. PEÑA": two to four words in capitals, initials between
_CAPS_RUN = re.compile(rf"(?<![\w'’-]){_CAPS_WORD}(?:\s(?:[{UPPER}]\.\s)?{_CAPS_WORD}){{1,3}}(?![\w'’-])")
_LOWER_RUN = re.compile(rf"[{LOWER}]{{3}}")  # a sentence written in lower case
_DATELINE_AFTER = re.compile(rf"\s*(?:\(|[—–-]|,\s+[{UPPER}])")
_SMALL = frozenset("a an the of for to in on at by with from and or but is was were be this that".split())
_ROMAN = {"ii", "iii", "iv"}


def _title(word: str) -> str:
    """ "O'NEAL-RUIZ" -> "O'Neal-Ruiz", "III" stays."""
    if word.lower().rstrip(".") in _ROMAN:
        return word
    return re.sub(r"(^|['’-])(\w)(\w*)", lambda m: m.group(1) + m.group(2).upper() + m.group(3).lower(), word)


def _titled_run(text: str, match: re.Match) -> str:
    words = [w.rstrip(".").lower() for w in match.group(0).split()]
    if any(w in _NOT_NAMES or w in _SMALL for w in words) or not any(len(w) >= 3 and w not in _ROMAN for w in words):
        return match.group(0)
    if not text[:match.start()].strip() and _DATELINE_AFTER.match(text, match.end()):
        return match.group(0)  # "LOS ANGELES (AP) -", "RIVERTON, Wyo.": a dateline
    return " ".join(_title(w) for w in match.group(0).split(" "))


def read_capitals(texts: pd.Series) -> pd.Series:
    """The texts with names written in capitals in title case, where the sentence is otherwise written in lower case:
    "Police said JOHN SMITH, 23, died" -> "Police said John Smith, 23, died" (same length, so offsets hold)."""
    def one(text: str) -> str:
        if not _LOWER_RUN.search(text) or not _CAPS_RUN.search(text):
            return text
        return _CAPS_RUN.sub(lambda m: _titled_run(text, m), text)

    return texts.astype(str).map(one)

