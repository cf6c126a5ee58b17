"""How a parsed noun phrase names someone: the people layer's reading of names (``analysis.figures.victim_mentions``).

``read_name`` takes the word a noun phrase ends in and returns the name as written: its compounds
("Ann Marie Lee"), hyphens and apostrophes ("Ana Ruiz-Soto"), without a nickname in quotes (the parser reads the
sentence without one that stands between two words of a name: ``parse.NICKNAME``), without a rank or
title before it ("Westside Patrol Officer Dana Kim" -> "Dana Kim"). No name: a kind after "a"/"an"
("a Good Samaritan"), a newspaper or a company ("the Chicago Tribune", "Cox Media Group"), "Someone" opening a
sentence, a dateline in capitals in a sentence that is not ("RIVERTON, Wyo. - ..."), common
words, a headline's run of capitals with a person noun inside ("Murder Victim Three"; but a role word that only
opens the sentence is a title: "Suspect Carl Webb, 30, was arrested"); a caption in capitals glued on by the
sentence split is dropped ("Bo Kern Jr. VIDEO"); a name opening with a vehicle make (``data/vehicle_makes.txt``:
"a silver Nissan Altima") is a car.
Known misses: a place before a name with no word between ("Riverton Al Moss") is read as part of it;
a name the tagger does not call a proper noun, unless capitalised like a surname.
"""

from __future__ import annotations

from analysis.data import DATA_DIR
from analysis.figures.parse import Token

__all__ = ["NAME_STOP", "TITLES", "VEHICLE_MAKES", "capitals", "name_head", "read_name", "touching"]

TITLES = {"officer", "deputy", "trooper", "sgt", "sergeant", "det", "detective", "lt", "cpl", "corporal", "agent",
          "dr", "mr", "mrs", "ms", "miss", "pastor", "rev", "coach", "chief", "capt", "captain", "pvt", "spc",
          "sheriff", "subject", "mayor", "governor", "gov", "judge", "senator", "sen", "rep", "president",
          "councilman", "councilwoman", "commissioner"}
NAME_STOP = {"police", "saturday", "sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "january",
             "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
             "december", "officials", "authorities", "county", "city", "street", "avenue", "road", "hospital",
             "department", "sheriff", "coroner", "news", "state", "american", "police department",
             "center", "centre", "healthcare", "clinic", "school", "college", "university",  # "where he died" after one
             "year", "day", "eve", "christmas", "thanksgiving", "easter", "halloween",  # "the New Year's Day shooting"
             "latino", "latina", "hispanic", "asian", "caucasian",  # "a 15-year-old Latino": no one's name
             "doe",  # "identified as John Doe": a placeholder for someone not yet named
             "tribune", "press", "group", "media", "samaritan", "samaritans",  # "according to the Chicago Tribune",
             # "© 2017 Cox Media Group", "two good Samaritans": a newspaper, a company, a kind of person
             "somebody", "someone", "anybody", "anyone", "nobody", "everyone", "everybody"}  # "Someone opened fire"


VEHICLE_MAKES = frozenset(line.strip().lower() for line in (DATA_DIR / "vehicle_makes.txt").read_text(
    encoding="utf-8").splitlines() if line.strip() and not line.startswith("#"))  # "a silver Nissan Altima"
_ROLE_WORDS = {"suspect", "victim", "gunman", "shooter"}  # capitalised only by opening a sentence: "Victim Ed Ruiz"


def read_name(tokens: list[Token], kids: list[list[Token]], token: Token, *, common: set[str]) -> str:
    """The name ``token`` ends, as written, or "" when it is no one's name. ``kids`` are each token's dependents,
    ``common`` the lower-case words that are never a surname (person nouns, pronouns)."""
    # "Hibbert was pronounced dead": an unknown capitalised word the tagger calls a common noun may be a surname
    # (the article joins it to a full name it gives elsewhere, or drops it)
    surname_like = token.tag == "NN" and _capitalised(token.text) and token.lower not in common
    if not (token.tag.startswith("NNP") or surname_like) or token.lower in NAME_STOP or token.lower in common:
        return ""
    within, stack = set(), [token]  # "Ann Marie Lee", "Eduardo "Eddy" Reyes": compounds of compounds
    while stack:
        for c in kids[stack.pop().i]:
            if c.dep in ("compound", "nmod") and c.i < token.i and (c.tag.startswith("NNP") or _before_quote(tokens, c)):
                within.add(c.i)
                stack.append(c)
    first = token.i  # the words right before it ("Riverton native Al Moss" is Al Moss)
    while first and (first - 1 in within or (tokens[first - 1].tag in ("``", "''", "HYPH") and first - 2 in within)):
        first -= 1
    before = first - 1
    while before >= 0 and tokens[before].dep == "amod" and tokens[before].text[:1].isupper():
        before -= 1
    if before >= 0 and tokens[before].lower in ("a", "an"):
        return ""  # "a Good Samaritan", "a Quick Mart": a kind or a place, not someone's name
    span = tokens[first:token.i + 1]
    # a hyphen or apostrophe inside a name stays as written: "Ana Ruiz-Soto", not "Ana Ruiz Soto"; so do the
    # quotes around a nickname
    kept = [t for k, t in enumerate(span) if t.tag.startswith("NNP") or t.i == token.i or t.i in within or (
        t.tag == "HYPH" and 0 < k < len(span) - 1 and touching(span[k - 1], t) and touching(t, span[k + 1])) or (
        t.tag in ("``", "''") and 0 < k < len(span) - 1)]
    while len(kept) > 1 and (kept[0].lower.rstrip(".") in TITLES | NAME_STOP or (  # "Police Officer Dana Kim"
            kept[0].i == 0 and kept[0].lower in _ROLE_WORDS)):  # -> "Dana Kim"; "Suspect Carl Webb, 30, was ..."
        kept = kept[1:]
    if len(kept) > 1 and kept[0].lower in VEHICLE_MAKES:
        return ""  # "looking for a black Nissan Maxima": a car, not someone's name
    titled = [k for k, t in enumerate(kept[:-1]) if t.lower.rstrip(".") in TITLES]
    kept = kept[titled[-1] + 1:] if titled else kept  # "Westside Patrol Officer Dana Kim" -> "Dana Kim"
    while len(kept) > 1 and capitals(kept[-1]) and not capitals(kept[0]):
        kept = kept[:-1]  # "Bo Kern Jr. VIDEO": a caption's capitals glued to the name by the sentence split
    if not kept or not kept[-1].text[:1].isupper() or kept[-1].lower.rstrip(".") in TITLES or any(
            t.lower in common for t in kept[:-1]) or (
            all(capitals(t) for t in kept) and any(
            t.text.isalpha() and not t.text.isupper() for t in tokens)):
        return ""  # "RIVERTON, Wyo. - A man was killed": a dateline in capitals in a sentence that is not
    return "".join(("" if k == 0 or touching(kept[k - 1], t) else " ") + t.text.replace("\u00ad", "")
                   for k, t in enumerate(kept))


def _before_quote(tokens: list[Token], word: Token) -> bool:
    """"Terrell "Boo" Jackson": a capitalised nickname in quotes, or the first name right before it, whatever its tag
    (the tagger may call it a verb or a common noun)."""
    if not (word.text[:1].isupper() and word.text[1:].islower()):
        return False
    if word.i + 1 < len(tokens) and tokens[word.i + 1].tag == "``":
        return True
    return 0 < word.i < len(tokens) - 1 and tokens[word.i - 1].tag == "``" and tokens[word.i + 1].tag == "''"


def _capitalised(word: str) -> bool:
    """"Hibbert", "Da'Vante", "McKay", "Ruiz-Soto", "Peña": a capital, then letters with lower case among them and
    only apostrophes or hyphens besides (not "FBI", not "Route66")."""
    return len(word) > 1 and word[0].isupper() and any(c.islower() for c in word) and all(
        c.isalpha() or c in "'’-" for c in word) and not word.endswith(("'s", "’s"))


def capitals(token: Token) -> bool:
    return len(token.text) > 1 and token.text.isalpha() and token.text.isupper() and \
        token.lower not in ("ii", "iii", "iv", "jr", "sr")


def touching(left: Token, right: Token) -> bool:
    return left.idx + len(left.text) == right.idx


def name_head(tokens, word: Token) -> Token:
    """The last word of the name ``word`` stands before: "victim Ed "Eddie" Ruiz" -> Ruiz (the parser may hang
    "victim" on "Ed")."""
    head = tokens[word.head]
    while head.dep in ("compound", "nmod") and head.head != head.i and tokens[head.head].tag.startswith("NN") and \
            tokens[head.head].text[:1].isupper():
        head = tokens[head.head]
    return head
