"""A headline's words made ready to read: quotations blanked.

Titles carry more than the story's headline:

- a quotation as a label or a tail ("'Killing spree': 5 shot, 2 fatally", "Mother speaks out:
  'They took my baby'"): someone's words, whose harm verb is not the count's ("killing" made "5" a death
  toll). ``blank_quotes`` turns a quoted label before a colon, or a quoted tail after one, into spaces
  (offsets stay put), so the headline is read from its own words, when those words tell a harm themselves
  ("shot", "killed", "dead", "wounded"...); else the quote may be the only telling of it ("'He killed my
  dad': calls released") and is kept.

Known misses: a quotation inside the headline ("Man 'executed' in alley") is read as words of the headline;
a quote that counts other people than the headline ("Two hurt: 'they killed my friend last year'") is
blanked all the same, and one kept where the headline tells no harm is read as a count.
"""

from __future__ import annotations

import re

__all__ = ["blank_quotes"]

_QUOTED_LABEL = re.compile(r"""^\s*['"‘“][^'"‘’“”:]{1,80}['"’”]\s*:(?=\s)""")
_QUOTED_TAIL = re.compile(r""":\s*['"‘“][^:]{1,100}['"’”]\s*$""")
_HARM = re.compile(r"\b(?:shot|shoots?|killed|kills?|dead|dies|died|slain|wounded|wounds|injured|hurt|fatally)\b",
                   re.I)


def blank_quotes(title: str) -> str:
    """The title with a quoted label before a colon, or a quoted tail after one, as spaces (same length), when
    the rest of the title tells a harm:
    ``"'Killing spree': 5 shot, 2 fatally"`` -> the same with its first 16 characters as spaces."""
    for pattern in (_QUOTED_LABEL, _QUOTED_TAIL):
        match = pattern.search(title)
        if match and _HARM.search(title[:match.start()] + " " + title[match.end():]):
            title = title[:match.start()] + " " * (match.end() - match.start()) + title[match.end():]
    return title
