"""A headline's site name cut off and its quotations blanked before it is read (``analysis.figures.title_text``),
and what the title reader then counts (``analysis.figures.titles``).

Titles here are invented, in the manner of local shooting reports; the outlets and call signs are made up."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis import schema
from analysis.figures.title_text import blank_quotes, without_site
from analysis.figures.titles import as_sentence, title_figures


@pytest.mark.parametrize("title, cut", [
    ("Teen shoots, kills self - KQRX Millbrook, AR - Valley 6 News", "Teen shoots, kills self"),
    ("Two hurt in Elm Street crash | WQBN", "Two hurt in Elm Street crash"),
    ("Woman shot outside diner - NBC7 Lakeport", "Woman shot outside diner"),
    ("Vigil held for slain 9-year-old | Fairview, OH", "Vigil held for slain 9-year-old"),
    ("Boy, 4, wounded at park - millbrookdaily.com", "Boy, 4, wounded at park"),
    ("Three shot near stadium - Channel 9 News, Weather, Sports |", "Three shot near stadium"),
    ("Sheriff: boy hurt in county shooting :: WQBN.com", "Sheriff: boy hurt in county shooting"),
    # the end tells the story, or names no outlet: kept
    ("Crash on Route 9 - two killed, one hurt", "Crash on Route 9 - two killed, one hurt"),
    ("Manhunt - Gunman Still At Large", "Manhunt - Gunman Still At Large"),
    ("Arrest made - Lakeport News shooting", "Arrest made - Lakeport News shooting"),
    ("Region 4 News", "Region 4 News"),
])
def test_without_site(title, cut):
    assert without_site(title) == cut


@pytest.mark.parametrize("title, blanked", [
    ("'Hunting people': 5 shot, 2 fatally", " " * 18 + "5 shot, 2 fatally"),
    ("Teen killed near bus stop: 'He was my only son'", "Teen killed near bus stop" + " " * 22),
    # a quotation inside the headline, a quote that is the whole title, or one beside a headline that tells no
    # harm itself, stays
    ("'They killed my brother': Neighbors recall night on Elm Street",
     "'They killed my brother': Neighbors recall night on Elm Street"),
    ("Man 'executed' in alley, police say", "Man 'executed' in alley, police say"),
    ("'They shot my brother'", "'They shot my brother'"),
])
def test_blank_quotes(title, blanked):
    assert blank_quotes(title) == blanked
    assert len(blank_quotes(title)) == len(title)


def _read(title: str) -> list[tuple[str, int]]:
    read = title_figures(pd.DataFrame({"article_id": ["a"], "title": [title]}), schema.empty_table("figures"))
    read = read[read["status"].eq("current")]
    return sorted((str(c), int(v)) for c, v in zip(read["category"], read["value"]))


@pytest.mark.parametrize("title, counts", [
    # a quoted label's harm verb is not the count's
    ("'Killing Spree': 5 Shot, 2 Fatally, Pastor Says", [("injured", 3), ("killed", 2)]),
    ("Two hurt in Elm Street shooting: 'They killed my friend'", [("injured", 2)]),
    # ... unless the quote alone tells the harm
    ("'They killed my brother': Neighbors recall night on Elm Street", [("killed", 1)]),
    # a number that names a place
    ("Police: Two teens killed in Four Hills, suspect held", [("killed", 2)]),
    ("Man Killed In Seven Oaks Shooting", [("killed", 1)]),
    # the site's number is no count, its comma no list
    ("Teen accidentally shoots, kills self - KQRX Millbrook, AR - Region 6 News, weather, sports", [("killed", 1)]),
    ("Woman wounded in robbery - WQBN News 12 Lakeport", []),
])
def test_titles_read_from_their_own_words(title, counts):
    assert _read(title) == counts


def test_offsets_stay_on_the_title_as_written():
    title = "'Killing Spree': 5 Shot, 2 Fatally, Pastor Says"
    read = title_figures(pd.DataFrame({"article_id": ["a"], "title": [title]}), schema.empty_table("figures"))
    for row in read.to_dict("records"):
        assert title[int(row["start"]):int(row["end"])] == row["number_text"]
    assert as_sentence(title)[0].startswith(" " * 17 + "5 shot")
