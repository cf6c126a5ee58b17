""""One of five people shot": the group's number is the count (``analysis.figures.one_of_many``).

Sentences here are invented, in the manner of local shooting reports."""

from __future__ import annotations

import pytest

from analysis.figures.one_of_many import whole_of_one_of
from tests.figures.test_titles import _tables, _value


def _injured(*texts: str) -> int | None:
    _figures, heads = _tables("Police seek gunman after late-night gunfire", *texts)
    return _value(heads, "injured")


@pytest.mark.parametrize("texts, injured", [
    # the one told is the group's member: the group is the count of people shot
    (["Tomas Avila, 27, was one of four people shot near the Greenway skate park late Friday."], 4),
    (["Renee Ford was one of seven people struck by gunfire beside a Vale Street market on Sunday."], 7),
    # the one told has died since: the others are the wounded
    (["One of seven people shot near a Kessler Avenue lounge on Saturday has died, police said."], 6),
    # the harm is the part's own predicate: the part stays a part
    (["Police were called to a Kessler Avenue lounge on Saturday.",
      "Two of the six patrons were wounded by flying pellets, a spokesman said."], 2),
])
def test_group_of_the_one(texts, injured):
    assert _injured(*texts) == injured


def _row(sentence: str, number: str, value: int, category: str = "shot") -> dict:
    start = 40 + sentence.index(number)
    return {"figure_id": f"a:{start}-{start + len(number)}:{category}", "article_id": "a", "category": category,
            "status": "current", "scope": "total", "value": value, "low": value, "high": value,
            "qualifier": "exact", "number_text": number, "sentence": sentence, "start": start,
            "end": start + len(number), "rule": "numeral"}


@pytest.mark.parametrize("sentence, number, value, category, whole", [
    ("Jo Pike was one of eleven people shot at the fair.", "one", 1, "shot", 11),
    ("Ty Marsh was one of three men struck by bullets near the pier.", "one", 1, "shot", 3),
    ("He was one of two deputies wounded in the standoff.", "one", 1, "injured", 2),
    ("At least one of the six injured people went home Monday.", "one", 1, "injured", 6),
    # a part of more than one stays a part, as the number reader has it
    ("Three of the seven teens who were hurt were released.", "Three", 3, "injured", 3),
    # the group's harm is of another kind than the count's
    ("One of the nine people shot went on to Mercy Hospital.", "One", 1, "hospitalized", 1),
    # a death is no wounding
    ("Al Greer was one of two brothers fatally shot at the bar.", "one", 1, "shot", 1),
    ("She was one of the three shot and killed last week.", "one", 1, "shot", 1),
    # a verb between the group and the harm: the harm is the part's
    ("Two of the eight victims went by ambulance to hospitals.", "Two", 2, "hospitalized", 2),
    # an age is no group
    ("One of the 15-year-olds took a bullet to the foot.", "One", 1, "shot", 1),
])
def test_whole_of_one_of(sentence, number, value, category, whole):
    rows = [_row(sentence, number, value, category)]
    whole_of_one_of(rows)
    assert rows[0]["value"] == whole
    assert rows[0]["figure_id"] == f"a:{rows[0]['start']}-{rows[0]['end']}:{category}"
    assert sentence[rows[0]["start"] - 40:rows[0]["end"] - 40] == rows[0]["number_text"]


def test_group_read_already_drops_the_part():
    sentence = "One of six other guests who were shot spoke to police."
    rows = [_row(sentence, "One", 1), _row(sentence, "six", 6)]
    whole_of_one_of(rows)
    assert [r["value"] for r in rows] == [6]
