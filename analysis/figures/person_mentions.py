"""How one noun phrase of a parsed sentence is read as a person: the ``Mention`` record of the people layer.

``person_mention`` reads a token (with its compounds, appositions and counting number) as someone: a proper name
(``analysis.figures.person_names``), a person noun of ``data/people_lexicon.json`` ("man", "teen", "officer"), an age
used as a noun ("a 17-year-old"), or he/she; a plural counts by its number ("three students": 3) or not at all.
Rule 4 of ``analysis.figures.victims``: age from "19-year-old", "Reed, 24," or "aged 24"; role from the nouns
(gunman/suspect: shooter; officer/deputy: officer); sex from the words (he, his wife, a boy). The harm predicates
that call it are ``analysis.figures.victim_mentions``'.

Known misses: a dateline the parser makes the subject is skipped only when it has an apposition; "others" and
plurals without a number count nobody (a list the parser misses is read short).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from analysis.figures.numbers import parse_number_words
from analysis.figures.parse import Token, left_edge
from analysis.figures.person_names import capitals, read_name

__all__ = ["ELSEWHEN", "Mention", "OUTCOME_RANK", "compatible_sex", "people_lexicon", "person_mention", "sex_of"]

_DATA = Path(__file__).resolve().parents[1] / "data" / "people_lexicon.json"
_AGE = re.compile(r"\b(\d{1,3})[- ]years?[- ]old\b|\baged? (\d{1,3})\b", re.I)
OUTCOME_RANK = {"": -1, "unknown": 0, "injured": 1, "killed": 2}  # "": named, not said to be harmed
_NOT_PEOPLE = {"dog", "dogs", "cat", "deer", "animal", "engine", "bill", "time", "plan", "deal", "car", "house", "home",
               "window", "door", "vehicle", "tire", "fire", "gun", "weapon", "shot", "shots", "round", "rounds",
               "light", "lights", "power", "idea", "motion", "story", "game"}
ELSEWHEN = re.compile(r"\b(?:in|of|since) (?:19|20)\d\d\b|\byears? ago\b|\blast year\b|\bcancer\b|\billness\b|"
                       r"\bwas \d{1,2}(?: years old)? when\b|"
                       r"\bnatural causes\b", re.I)  # an earlier event, or a death not by the gun



@cache
def people_lexicon() -> dict:
    """The word lists of ``data/people_lexicon.json``, as sets (``compounds`` and ``roles`` as dicts)."""
    raw = json.loads(_DATA.read_text(encoding="utf-8"))
    lex = {k: (set(v) if isinstance(v, list) else v) for k, v in raw.items() if not k.startswith("_")}
    lex["roles"] = {role: set(words) for role, words in raw["roles"].items()}
    lex["compound_re"] = re.compile(r"\b(" + "|".join(re.escape(k) for k in sorted(raw["compounds"], key=len,
                                                                                    reverse=True)) + r")\b", re.I)
    lex["shot_compound_re"] = re.compile(r"\b(" + "|".join(re.escape(k) for k in raw["shot_compounds"]) + r")\b", re.I)
    lex["self_re"] = re.compile("|".join(re.escape(p) for p in raw["self_harm"]), re.I)
    lex["self_shot_re"] = re.compile("|".join(re.escape(p) for p in raw["self_shot"]), re.I)
    lex["condition_re"] = re.compile("|".join(re.escape(p) for p in raw["injured_conditions"]), re.I)
    lex["survival_re"] = re.compile(r"\b(?:" + "|".join(re.escape(p) for p in raw["survival_cues"] + raw[
        "injured_conditions"]) + r")", re.I)
    return lex


@dataclass
class Mention:
    """One person (or counted group) named as harmed in one sentence."""

    sentence_idx: int
    first: int  # token span of the words that name them
    last: int
    outcome: str
    count: int = 1
    name: str = ""
    age: int | None = None
    role: str = "victim"
    kind: str = "indefinite"  # indefinite, definite, name, pronoun
    sex: str = ""  # "m" or "f" where the words say: he, his wife, a boy
    late: bool = False  # read after the lede (``analysis.figures.victims``)
    lends: bool = False  # only a name for someone the article already has ("Officer X": the officer who fired)
    introduced: bool = False  # a lone name introduced as someone's: an age or a family word ("daughter Ada, 12")
    identified: bool = False  # the name an identification gives ("identified the girl as X")
    of_the_dead: bool = False  # given by an identification that describes the dead ("the man who died"): none of the
    # wounded told of before
    described: bool = False  # a name for a description ("her uncle, Al Roe"): of the one described so, or no one
    listed: bool = False  # one of "the victims were X and Y": no one told of before without a name, who may be others
    alive: bool = False  # hurt and told alive in the sentence ("is in serious condition", "was treated and released")
    text: str = ""
    start: int = 0  # character offsets in the sentence
    end: int = 0



MALE = {"he", "him", "his", "himself", "man", "boy", "father", "son", "husband", "brother", "boyfriend", "grandfather",
         "grandson", "uncle", "nephew", "dad", "male", "gentleman"}
FEMALE = {"she", "her", "herself", "woman", "girl", "mother", "daughter", "wife", "sister", "girlfriend",
           "grandmother", "granddaughter", "aunt", "niece", "mom", "female", "lady"}


def compatible_sex(a: str, b: str) -> bool:
    return not a or not b or a == b

def _common() -> set[str]:
    lex = people_lexicon()
    return lex["person_nouns"] | lex["pronouns"]


def _count(text: str) -> int | None:
    """A small count of people: "3", "three", "twenty-one" -> 3, 3, 21; else None."""
    if text.isdigit():
        value = int(text)
    else:
        read = parse_number_words(text.lower().replace("-", " ").split())
        value = read[0] if read else 0
    return value if 0 < value <= 50 else None


def person_mention(tokens, kids, token: Token, sentence: str, lex, *, lenient: bool = False,
            listed: bool = False) -> Mention | None:
    low = token.lower
    appos = [c for c in kids[token.i] if c.dep == "appos"]
    if capitals(token) and appos and any(t.text.isalpha() and not t.text.isupper() for t in tokens):
        # "LA PORTE, Texas - A 90-year-old man was shot": the parser made the dateline the subject
        return person_mention(tokens, kids, appos[-1], sentence, lex, lenient=lenient, listed=listed)
    if token.tag in ("PRP", "PRP$"):  # "he was shot", "his death"
        if (low in lex["pronouns"] or low == "his") and low not in ("himself", "herself"):
            return Mention(0, token.i, token.i, "", kind="pronoun", sex=sex_of(low))
        return None
    age_noun = low == "old" and any(c.lower in ("year", "years") for c in kids[token.i]) and token.dep in (
        "nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos")  # "a 17-year-old was shot": the age names someone
    if not token.tag.startswith(("NN", "CD")) and not age_noun:
        return None
    name = read_name(tokens, kids, token, common=_common())
    appos = [c for c in kids[token.i] if c.dep == "appos"]
    if not name:
        name = next((n for n in (read_name(tokens, kids, a, common=_common()) for a in appos) if n), "")
    if not name and token.dep == "appos":  # "Tia Long, the woman killed by police"
        name = read_name(tokens, kids, tokens[token.head], common=_common())
    if not name and token.i + 2 < len(tokens) and tokens[token.i + 1].text == ",":  # "her son, Al Roe," hung elsewhere
        after = next((t for t in tokens[token.i + 2:] if not t.tag.startswith("NNP")), tokens[-1])
        name = read_name(tokens, kids, tokens[after.i - 1], common=_common()) if after.i - 1 > token.i + 1 and \
            tokens[after.i - 1].dep == "appos" and after.text == "," else ""
    words = {t.lower for t in tokens[left_edge(kids, token):token.i + 1]}
    # After "killed" or "died", someone's anything is someone ("his landlord"); after "shot", only people.
    person_noun = low in lex["person_nouns"] or (lenient and token.tag in ("NN", "NNS") and low not in _NOT_PEOPLE
                                                 and any(c.dep == "poss" for c in kids[token.i])) or (
        listed and token.tag in ("NN", "NNS") and low not in _NOT_PEOPLE)
    if not name and not person_noun and not age_noun and not (words & lex["person_nouns"] and token.tag == "CD"):
        return None
    if any(c.lower in ("no", "neither", "none", "nobody") for c in kids[token.i]):
        return None  # "no one was hurt"
    count = 1
    numbers = [c for c in kids[token.i] if c.dep == "nummod"]
    if token.tag in ("NNS", "NNPS") and not name:
        read = _count(numbers[0].text) if numbers else None
        part = [c for c in kids[numbers[0].i] if c.dep == "quantmod"] if numbers else []
        if len(part) == 2 and part[0].tag == "CD" and part[1].lower == "of":
            read = _count(part[0].text)  # "One of six people shot ... has died": the parser's "one-of-six" is one
        if read is None:
            return None
        count = read
    elif low in ("others",):
        return None
    elif not name and low in lex["pair_nouns"] and not any(c.lower == "of" for c in kids[token.i]):
        count = lex["pair_nouns"][low]  # "a young couple and their baby were killed": 3; not "a couple of men"
    first = left_edge(kids, token)
    last = token.i
    age = None
    named_by = [] if token.tag.startswith("NNP") else appos  # "his son, Al, 9"; not "Al, his wife, 30": hers
    for a in appos + [g for n in named_by for g in kids[n.i] if g.dep == "appos"]:  # "Marcus Reed, 24,"
        if a.tag == "CD" and a.text.isdigit() and 0 < int(a.text) < 110:
            age, last = int(a.text), max(last, a.i)
            break  # "Mia Lee, 30, daughter Ada, 12": her own age, not the next one's
    span_text = sentence[tokens[first].idx:tokens[last].idx + len(tokens[last].text)]
    match = _AGE.search(span_text)
    if age is None and match:
        age = int(match.group(1) or match.group(2))
    role = next((r for r, nouns in lex["roles"].items() if low in nouns or words & nouns), "victim")
    definite = tokens[first].lower in ("the", "that", "this")
    kind = "name" if name else ("definite" if definite else "indefinite")
    introduced = bool(name) and " " not in name and (age is not None or any(
        c.dep == "compound" and c.lower in lex["kin_nouns"] for c in kids[token.i]) or (
        token.dep == "appos" and tokens[token.head].lower in lex["kin_nouns"]) or (
        low in lex["kin_nouns"]))  # "shot his wife Nora": the family word the parser makes the head
    return Mention(0, first, last, "", count=count, name=name, age=age, role=role, kind=kind, text=span_text,
                   start=tokens[first].idx, end=tokens[last].idx + len(tokens[last].text), sex=sex_of(low),
                   introduced=introduced)


def sex_of(word: str) -> str:
    return "m" if word in MALE else "f" if word in FEMALE else ""
