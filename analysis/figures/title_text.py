"""A headline's words made ready to read: the site's name cut off its end, quotations blanked.

Titles as pages give them carry more than the story's headline:

- the site's name after a spaced dash, bar, "«" or "::" ("Man shoots, kills self - KXXX Riverton, AR -
  Region 8 News", "Three hurt in crash | WXXX"): its numbers and towns are no counts, and a comma in it
  turns the headline into a list. ``without_site`` cuts such end segments, one at a time from the end,
  when one names an outlet (a word of ``data/title_sites.txt``, a call sign, a web address, a town and
  state) and tells no harm.
- a quotation as a label or a tail ("'Killing spree': 5 shot, 2 fatally", "Mother speaks out:
  'They took my baby'"): someone's words, whose harm verb is not the count's ("killing" made "5" a death
  toll). ``blank_quotes`` turns a quoted label before a colon, or a quoted tail after one, into spaces
  (offsets stay put), so the headline is read from its own words, when those words tell a harm themselves
  ("shot", "killed", "dead", "wounded"...); else the quote may be the only telling of it ("'He killed my
  dad': calls released") and is kept.

Known misses: a site named before the headline ("WXXX - Man shot ...") is kept, as is an outlet whose name
holds none of the listed words and no call sign ("- The Homicide Watch"), or a segment that names both the site
and a harm; a headline cut short before the site ("... shooting that killed 6-y - WXXX") loses the words the
site's name happened to lend it. A quotation inside the headline ("Man 'executed' in alley") is read as words of
the headline; a quote that counts other people than the headline ("Two hurt: 'they killed my friend last year'") is
blanked all the same, and one kept where the headline tells no harm is read as a count.
"""

from __future__ import annotations

import re
from functools import lru_cache

from analysis.data import DATA_DIR, read_words

__all__ = ["DEATH_WORDS", "without_site", "blank_quotes"]

SITES_FILE = DATA_DIR / "title_sites.txt"

#: A title's words that tell a death, though its reading may count none ("Teen shoots, kills self").
DEATH_WORDS = re.compile(r"\b(?:dead|killed|kills?|dies|died|death|slain|fatal\w*)\b", re.I)
_SEPARATOR = re.compile(r"\s+(?:-|\||–|—|«|::)\s+")
_TRAILING = re.compile(r"(?:\s+(?:-|\||–|—|«|::))+\s*$")
_CALL_SIGN = re.compile(r"^(?:[KW][A-Z]{2,3}(?:-(?:TV|DT|FM|AM|CD|LP))?\d*|(?:NBC|CBS|ABC|FOX)\d+)$")
_WEB = re.compile(r"\w\.(?:com|net|org|tv)\b", re.I)
_TOWN_STATE = re.compile(r"^[A-Z][\w. ]*,\s*[A-Z]{2}$")

_QUOTED_LABEL = re.compile(r"""^\s*['"‘“][^'"‘’“”:]{1,80}['"’”]\s*:(?=\s)""")
_QUOTED_TAIL = re.compile(r""":\s*['"‘“][^:]{1,100}['"’”]\s*$""")
_HARM = re.compile(r"\b(?:shot|shoots?|killed|kills?|dead|dies|died|slain|wounded|wounds|injured|hurt|fatally)\b",
                   re.I)
_MORE_HARM = re.compile(r"\b(?:shooting\w*|death|murder\w*|stab\w*|fatal\w*|homicide)\b", re.I)


@lru_cache(maxsize=1)
def _site_words() -> frozenset[str]:
    return frozenset(read_words(SITES_FILE.read_text(encoding="utf-8")))


def _is_site(segment: str) -> bool:
    """"Region 8 News", "KXXX Riverton, AR", "Dayton, OH", "example.com": an outlet's name, telling no harm."""
    segment = segment.strip()
    if not segment or _HARM.search(segment) or _MORE_HARM.search(segment):
        return False
    words = re.findall(r"[\w.&'-]+", segment)
    return (any(w.lower().strip(".") in _site_words() for w in words) or any(_CALL_SIGN.match(w) for w in words)
            or bool(_WEB.search(segment)) or bool(_TOWN_STATE.match(segment)))


def without_site(title: str) -> str:
    """The title up to its site's name: ``"Two hurt on Elm Street - WXXX News 4"`` -> ``"Two hurt on Elm
    Street"``; a title that is all site, or whose end names none, as it is (trailing separators aside)."""
    title = _TRAILING.sub("", title)
    while True:
        cuts = list(_SEPARATOR.finditer(title))
        if not cuts or not _is_site(title[cuts[-1].end():]) or not title[:cuts[-1].start()].strip():
            return title
        title = title[:cuts[-1].start()]


def blank_quotes(title: str) -> str:
    """The title with a quoted label before a colon, or a quoted tail after one, as spaces (same length), when
    the rest of the title tells a harm:
    ``"'Killing spree': 5 shot, 2 fatally"`` -> the same with its first 16 characters as spaces."""
    for pattern in (_QUOTED_LABEL, _QUOTED_TAIL):
        match = pattern.search(title)
        if match and _HARM.search(title[:match.start()] + " " + title[match.end():]):
            title = title[:match.start()] + " " * (match.end() - match.start()) + title[match.end():]
    return title
