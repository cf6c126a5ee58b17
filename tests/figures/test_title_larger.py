"""A title's death toll larger than the text's stays the title's own: the text's count of its one shooting stands
(``analysis.figures.titles``, ``analysis.figures.title_tolls``).

Counted on tune (session 18): of the 19 GVA articles whose title, read alone, gives a larger death toll than the
text's headline (none of GVDB's), the title was right in 5 and the text in 8; taking the title's toll would turn
half a 3 right / 3 wrong and half b 2 / 5. Most such titles sum up a night or a weekend of shootings over a text
that tells one of them. These cases keep the text's count of its one shooting, told as a numeral or as one person.

Titles and sentences here are invented, in the manner of local shooting reports."""

from __future__ import annotations

import pytest

from tests.figures.test_titles import _tables, _value

_QUIET = ["Officers closed the street for several hours.", "Residents described the block as usually calm."]


@pytest.mark.parametrize("title, lede, killed", [
    # a string of shootings in the title, one of them in the text, told as a numeral count
    ("Five dead after string of shootings in Harbor City",
     "One man was killed Tuesday night in a shooting on Dock Street, police said.", 1),
    ("Two killed, five wounded in separate East Side shootings",
     "One man died after gunfire on Dock Street on Friday night, police said.", 1),
    # ... or as one person described
    ("Two killed, five wounded in separate East Side shootings",
     "A delivery driver was gunned down on Dock Street late Friday, deputies said.", 1),
])
def test_larger_title_toll_over_several_shootings_leaves_the_text_count(title, lede, killed):
    _figures, heads = _tables(title, lede, *_QUIET)
    assert _value(heads, "killed") == killed
