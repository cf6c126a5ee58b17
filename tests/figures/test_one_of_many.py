""""One of five people shot": the group's number is the count (``analysis.figures.one_of_many``).

Sentences here are invented, in the manner of local shooting reports."""

from __future__ import annotations

import pytest

from analysis.figures.one_of_many import part_died, whole_of_one_of
from analysis.figures.victims import read_people
from tests.figures.test_titles import _sentences, _tables, _value


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
    return {"figure_id": f"a:{start}-{start + len(number)}:{category}", "article_id": "a", "sentence_idx": 0,
            "category": category,
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


def _killed_injured(*texts: str) -> tuple[int | None, int | None]:
    _figures, heads = _tables("Police seek gunman after late-night gunfire", *texts)
    return _value(heads, "killed"), _value(heads, "injured")


@pytest.mark.parametrize("texts, killed, injured", [
    # the part has died since: it is the dead, the group the people shot, the rest of them the wounded
    (["One of four people shot behind a Granger Road tavern late Sunday has died, deputies said."], 1, 3),
    (["One of eight people shot at a Wilcox Street cookout has died."], 1, 7),
    (["Officers said one of three men shot outside the Blue Finch Bowling and Billiards early Monday has died."],
     1, 2),
    (["One of nine people wounded at a Harlan Park graduation party has died."], 1, 8),
    (["Two of the six teenagers wounded near the Ridgeway skate park have died."], 2, 4),
    (["Two of the five people shot at the Corley Avenue block party on Saturday have since died."], 2, 3),
    (["One of the 14 people who were shot at the Mercer Hall concert later died at Saint Anne's Hospital."], 1, 13),
    (["One of seven people struck by gunfire on the Brook Street bridge succumbed to his injuries on Tuesday."],
     1, 6),
    (["One of five people shot at a Tolland Lane house party, police said, has died."], 1, 4),
    (["One of the two deputies hit by gunfire during the Ashby standoff was declared dead that night."], 1, 1),
    # the victims of a shooting story are the people shot: one of them dead, the rest wounded
    (["Deputies said four men were shot near a Marlow Street arcade late Friday.",
      "One of the four victims died at Lakeview Medical Center on Saturday."], 1, 3),
    # an ordinal one more of the dead: "a third person ... has died" is the third death
    (["A third person shot in Friday's gunfire on Quarry Street has died, the coroner said."], 3, None),
    (["A second woman wounded at the Fenwick bus depot died Sunday at County General."], 2, None),
])
def test_the_part_that_died(texts, killed, injured):
    assert _killed_injured(*texts) == (killed, injured)


@pytest.mark.parametrize("sentence, number, value", [
    # a verb of the part's own before a death: the death may be another's, the part stays as read
    ("One of six people shot at the Pell Street market told deputies the man who died was his brother.", "One", 1),
    ("One of four people shot at the Dunmore rink was a guard who later died.", "One", 1),
    # no death told
    ("One of seven people shot near the Vance Avenue diner remains in critical condition.", "One", 1),
    # "and" before a word in lower case joins another clause
    ("One of five people shot at the dance and two who were stabbed died.", "One", 1),
    # a death of the group itself is no part that died since
    ("One of two brothers shot and killed at the bar had just turned 18 when he died.", "One", 1),
    # "a third" told with no death is one more person shot, not a toll
    ("Two men were killed and a third person was shot near the Orchard Road bakery.", "third", 1),
])
def test_no_part_died(sentence, number, value):
    rows = [_row(sentence, number, value)]
    part_died(rows)
    assert [(r["category"], r["value"], r["number_text"]) for r in rows] == [("shot", value, number)]


@pytest.mark.parametrize("sentence, number, value, killed, shot", [
    ("One of three people shot on Garnet Street has died.", "One", 1, ("One", 1), ("three", 3)),
    ("Two of the nine people wounded at the rally have died.", "nine", 9, ("Two", 2), ("nine", 9)),
    ("A fourth man shot at the lot has since died.", "fourth", 4, ("fourth", 4), None),
])
def test_part_died_rows(sentence, number, value, killed, shot):
    rows = [_row(sentence, number, value)]
    part_died(rows)
    got = {r["category"]: (r["number_text"], r["value"]) for r in rows}
    assert got == {"killed": killed, **({"shot": shot} if shot else {})}
    for r in rows:
        assert sentence[r["start"] - 40:r["end"] - 40] == r["number_text"]
        assert r["figure_id"] == f"a:{r['start']}-{r['end']}:{r['category']}"


@pytest.mark.parametrize("sentence, killed", [
    # the parser makes "One of six" a number of "people": the people layer counts the one
    ("One of six people shot Saturday, who police said was 19, has died.", 1),
    ("Two of seven people hit by gunfire at the Dorset Lane fair have died.", 2),
])
def test_people_layer_counts_the_part(sentence, killed):
    _victims, people = read_people(_sentences(sentence), figures=None)
    assert people.loc[people["category"] == "killed", "value"].max() == killed
