"""Counts as US local news writes them (issue 12): people shot, numbers that are not counts, other incidents.

Every sentence here is written for the test, in the style of local crime reporting; none is taken from an
article.
"""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.figures.ledger import extract_figures, headline_figures
from tests.figures.test_figures import sentences_frame


def _figures(*sentences: str) -> list[tuple[str, int, str]]:
    frame = extract_figures(sentences_frame("a", list(sentences)))
    return [(c, int(v), s) for c, v, s in zip(frame["category"], frame["value"], frame["status"])]


def _headline(*sentences: str) -> dict[str, int | None]:
    heads = headline_figures(extract_figures(sentences_frame("a", list(sentences))))
    if heads.empty:
        return {"killed": None, "injured": None}
    row = heads.iloc[0]
    return {c: None if pd.isna(row[c]) else int(row[c]) for c in ("killed", "injured")}


@pytest.mark.parametrize("sentence, expected", [
    # shot is not killed
    # (with the injured figure derived from them, rule "derived")
    ("Four people were shot outside a bar on Elm Street late Saturday.",
     [("shot", 4, "current"), ("injured", 4, "current")]),
    ("A gunman shot three men in a parking lot, police said.", [("shot", 3, "current"), ("injured", 3, "current")]),
    ("Police are investigating the shooting of two teenagers near the park.",
     [("shot", 2, "current"), ("injured", 2, "current")]),
    ("Two men were shot and killed and three others were shot and wounded.",
     [("killed", 2, "current"), ("injured", 3, "current")]),
    ("He fatally shot four people before turning the gun on himself.", [("killed", 4, "current")]),
    # an aim to kill is no death
    ("Prosecutors said the gunman attempted to kill two deputies.", [("killed", 2, "projected")]),
    ("Detectives believe he was aiming to kill three of the people in the car.", [("killed", 3, "projected")]),
    ("Two of the men suffered non-life-threatening injuries.", [("injured", 2, "current")]),
    # gunshot wounds say who was shot, not who survived: the injured are derived from them
    ("All three had gunshot wounds when officers arrived.", [("shot", 3, "current"), ("injured", 3, "current")]),
    ("The trauma center received five patients with gunshot wounds.", [("injured", 5, "current")]),
    # a time phrase after the participle is no object: still the passive
    ("Crowds gathered on Monday after five people were shot the night before.",
     [("shot", 5, "current"), ("injured", 5, "current")]),
    ("Two men were killed that morning in a quarrel over a parking space.", [("killed", 2, "current")]),
    # numbers that are not counts
    ("A woman was shot in the 2700 block of Pine Avenue on Tuesday.", []),
    ("Officers were sent to 418 W. Market after a neighbor called 911.", []),
    ("Investigators found 14 shell casings and said at least 9 shots were fired.", []),
    ("Witnesses said they heard 6 shots before the car sped off.", []),
    ("He is charged with three counts of attempted murder.", []),
    ("Image 3 of 12 A man was shot near the corner store.", []),
    ("The victims were a mother and her three sons, ages two, seven and 11.", []),
    ("A 6 yr old boy was shot in the arm.", []),
    ("The air force said it shot down 12 drones overnight.", []),
    ("She was sentenced to 8 years for the 2019 shooting death of her husband.", []),
    ("The two brothers were found dead about 40 yards apart.", [("killed", 2, "current")]),
    ("The boy's grandmother told NBC 4 that he was dead when she arrived.", []),
    ("Investigators said he had hoped to kill dozens at the mall.", [("killed", 12, "projected")]),
    ("The victims were Dana Moore, 31; Luis Ortega Jr., 27; and Kim Bell, 19.", []),
    ("Police said Carl Young, 44 of Millbrook was found dead in his truck.", []),
    ("Three men were hurt and the fourth man died on Friday.", [("injured", 3, "current")]),
    ("A fourth victim died in hospital overnight.", [("killed", 4, "current")]),
    ("The killing brought the county's 2016 homicide count to 38.", []),
    ("Just after midnight a 911 caller reported gunfire behind the store.", []),
    ("The deputy cleared 200 people from the lot without firing a shot.", []),
    # other incidents on the page
    ("It was the deadliest since the March 3, 2011, shooting at the mall, which killed 5.",
     [("killed", 5, "background")]),
])
def test_sentence_reads_like_a_reporter_means_it(sentence, expected):
    assert sorted(_figures(sentence)) == sorted(expected)


@pytest.mark.parametrize("sentence, expected", [
    # one line of a list of earlier shootings, headed by its date
    ("June 2008: A gunman killed four at a warehouse before he was shot by police.", [("killed", 4, "background")]),
    ("2011 - Six people were shot dead at a bowling alley.", [("killed", 6, "background")]),
    # what follows a full past date is that event's
    ("It came a week after the verdict in the May 2, 2012, Glenview mall shooting that left 4 dead and 9 wounded.",
     [("killed", 4, "background"), ("injured", 9, "background")]),
    ("March 3, 2009: Two deputies were killed during a traffic stop.", [("killed", 2, "background")]),
    ("On Sept. 14, 2011, a clerk opened fire at the depot, killing 6 drivers.", [("killed", 6, "background")]),
    # the article's own year heads today's news
    ("2016: Two deputies were killed during a traffic stop.", [("killed", 2, "current")]),
])
def test_earlier_shootings_in_a_dated_article(sentence, expected):
    frame = extract_figures(sentences_frame("a", [sentence]), published_years={"a": 2016})
    assert sorted(zip(frame["category"], frame["value"].astype(int), frame["status"])) == sorted(expected)


@pytest.mark.parametrize("sentence", [
    "About a dozen children in the state die each year in accidental shootings.",
    "Nationally, some 70 toddlers are killed annually by guns left loaded.",
])
def test_a_yearly_rate_is_a_longer_period(sentence):
    frame = extract_figures(sentences_frame("a", [sentence, "Two brothers were killed on Sunday, police said."]))
    rows = frame[frame["period"].astype(bool)]
    assert len(rows) == 1 and rows["status"].iloc[0] == "background"


@pytest.mark.parametrize("sentence, period", [
    # people shot since a weekday: a tally of shootings over several days
    ("The weekend's violence raised to 41 the number of people shot since Thursday evening.", True),
    ("Officials said 17 people have been shot in the county since Saturday.", True),
    # the day of the event itself, and a toll of days of fighting, are the event's
    ("Three people have been treated since Friday's shooting at the mall.", False),
    ("Clashes in the valley have killed 30 people since Tuesday, officials said.", False),
])
def test_a_tally_since_a_weekday(sentence, period):
    frame = extract_figures(sentences_frame("a", [sentence, "Two men were shot and killed on Elm Street on Sunday."]))
    first = frame[frame["sentence_idx"] == 0]
    assert len(first) == 1 and bool(first["period"].iloc[0]) is period


def test_a_count_over_a_longer_period_says_so():
    frame = extract_figures(sentences_frame("a", ["Nine people were killed in separate shootings across the city.",
                                                   "A gunman killed two men at a bar on Sunday."]))
    assert sorted(zip(frame["value"].astype(int), frame["period"].astype(bool))) == [(2, False), (9, True)]


@pytest.mark.parametrize("sentences, killed, injured", [
    # injured derived as shot minus killed (rule "derived")
    (["Five people were shot early Sunday outside a nightclub.", "One of them died at the hospital, police said.",
      "One man was killed."], 1, 4),
    (["5 shot, 1 killed on Harbor Road"], 1, 4),
    (["Three people were shot at a house party on Sunday night."], None, 3),
    (["One man was killed and two others were shot in the same car."], 1, 2),
    # people with gunshot wounds include the dead
    (["Officers found four men suffering from gunshot wounds in the lot.", "One of them died at the scene."], 1, 3),
    (["Deputies found three victims with gunshot wounds.", "One woman was pronounced dead at the scene."], 1, 2),
    # those taken to hospital hold the dead when the sentence says one died there
    (["A gunman opened fire in the parking lot.", "All three victims were taken to Mercy Hospital, where one died."],
     1, 2),
    (["Two people were killed in the shooting.", "Three others were taken to the hospital, where they are stable."],
     2, 3),
    (["Two men were killed in the shooting.", "All four victims were rushed to the hospital, where the two men died."],
     2, 2),
    (["After the shooting, the two victims were driven to a hospital where they later died."], 2, None),
    # not in other stories, where those taken to hospital are counted as written
    (["Forty workers were taken to the hospital after the gas leak, where one of them died."], 1, 40),
    # a stated injured count wins over the derivation when it is as large
    (["Six people were shot, two of them fatally.", "Two people were killed and four were wounded."], 2, 4),
    # ... not when it counts only some of them
    (["Six people were shot at a birthday party late Friday.",
      "One of them was rushed to a hospital with life-threatening injuries."], None, 6),
    # "victims" in a shooting story are people shot, not dead ...
    (["Police responded to a shooting on Oak Street.", "Four victims were taken to the county medical center."],
     None, 4),
    # ... unless the sentence speaks of the dead
    (["The gunman opened fire in the crowded hall.", "The coroner identified all 3 victims on Monday."], 3, None),
    # ... but the death of a part ("which of", "none of") is not the whole's: the whole are people shot
    (["Police responded to a shooting on Oak Street.", "Two men were killed.",
      "Officers did not say which of the four victims died at the scene."], 2, 2),
    (["Police responded to a shooting on Oak Street.", "None of the three victims died, a sergeant said."],
     None, 3),
    # ... and the dead among them are the toll, not a part of it
    (["Police responded to a shooting on Oak Street.", "Two of the five victims died at the hospital."], 2, 3),
    (["Deputies responded to a shooting at a party.", "One of the three victims died on Sunday."], 1, 2),
    (["Deputies responded to a shooting at a party.", "Police identified one of four homicide victims on Friday."],
     4, None),
    # a citywide roundup is not this incident's toll
    (["A 19-year-old man was shot and killed on Lake Street.", "Officials said one man was killed.",
      "In all, 22 people were shot in 14 separate shootings across the city over the weekend."], 1, None),
    (["Fourteen people were killed in separate shootings across the city since Friday, police said."], 14, None),
    # roundups of several shootings are no count of this one
    (["Two men were killed outside a bar on Sunday.", "Elsewhere, six people were wounded in shootings overnight."],
     2, None),
    (["A gunman shot three people at a bus stop.", "It was the latest in a spate of shootings that has left 14 hurt."],
     None, 3),
    # "in [a few words] shootings" tallies several incidents; "in the shootings" is this one, told in the plural
    (["A woman was shot and killed on Birch Avenue on Monday.", "Police said one woman was killed.",
      "Three people were killed and 11 wounded in Monday shootings on the West and South sides."], 1, None),
    (["Two men were killed outside a bar.", "Nine others were wounded in shootings from Friday to Sunday."], 2, None),
    (["Two men were killed outside a bar.", "Four others were wounded in the shootings at two homes."], 2, 4),
    # a dog is no victim
    (["The gun went off, killing one man and injuring one of the family dogs."], 1, None),
    # a citywide tally that opens the sentence is not this shooting's
    (["Two men were shot and killed outside a bar on Sunday.",
      "Citywide, shootings are up from last year, with 80 people killed and 310 shot so far."], 2, None),
])
def test_headline_of_a_shooting_report(sentences, killed, injured):
    assert _headline(*sentences) == {"killed": killed, "injured": injured}


def test_derived_injured_row_says_how_it_was_read():
    frame = extract_figures(sentences_frame("a", ["Seven people were shot at the park.",
                                                   "Two men were killed, police said."]))
    row = frame[frame["rule"] == "derived"].iloc[0]
    assert (row["category"], int(row["value"]), row["number_text"]) == ("injured", 5, "Seven")
    assert "Seven people were shot" in row["sentence"] and "Two men were killed" in row["sentence"]


def _people_headline(*sentences: str) -> dict[str, int | None]:
    """The headline with the people layer's counts, as the pipeline reads an article."""
    from analysis.figures.ledger import add_people_figures
    from analysis.figures.victims import read_people

    frame = sentences_frame("a", list(sentences))
    figures = extract_figures(frame)
    _victims, people = read_people(frame, figures=figures)
    heads = headline_figures(add_people_figures(figures, people))
    if heads.empty:
        return {"killed": None, "injured": None}
    row = heads.iloc[0]
    return {c: None if pd.isna(row[c]) else int(row[c]) for c in ("killed", "injured")}


@pytest.mark.parametrize("sentences, killed, injured", [
    # "where he died": the clause's own subject died, not the hospital it hangs on
    (["A man was shot on Sunday and driven to a hospital, where he died."], 1, None),
    (["Rita Vance was shot and taken to Brookfield Regional Medical Center, where she died."], 1, None),
    (["Officers found a 40-year-old man on the porch and took him to a clinic, where he died hours later."], 1,
     None),
    # an institution is nobody: one woman died, not two
    (["Lena Ortiz, 29, was shot in the chest.", "She was rushed to Harmon Valley Healthcare, where she died."], 1,
     None),
    # "found X dead", however the parser hangs "dead" on X
    (["Officers arrived on scene and found a 15-year-old girl dead in the basement of the house."], 1, None),
    # a relative pronoun still stands for its noun
    (["A teenager who died on Friday had been shot near the school."], 1, None),
])
def test_people_who_died_where_they_were_taken(sentences, killed, injured):
    assert _people_headline(*sentences) == {"killed": killed, "injured": injured}


@pytest.mark.parametrize("sentence", [
    "Rita Vance was shot and taken to Brookfield Regional Medical Center, where she died.",
    "The boy was flown to Harmon Valley Healthcare, where he died on Tuesday.",
    "The student was taken to Crestline Clinic, where she died.",
])
def test_the_place_someone_died_is_not_a_victim(sentence):
    from analysis.figures.victims import read_people

    victims, _people = read_people(sentences_frame("a", [sentence]))
    assert list(victims["outcome"]) == ["killed"]
    assert not victims["person"].str.contains("Center|Healthcare|Clinic").any()


@pytest.mark.parametrize("sentences, killed, rule_says_plus", [
    # the count is of those the gunman killed; his own death told after it comes on top
    (["A man fatally shot four neighbors before killing himself, deputies said."], 5, True),
    (["The gunman killed three coworkers and wounded nine before turning the gun on himself."], 4, True),
    (["Deputies said she shot and killed two relatives and then took her own life."], 3, True),
    # ... not when the count already holds him, nor when his death is told apart
    (["Five people, including the gunman, died before police arrived."], 5, False),
    (["Three people are dead in an apparent murder-suicide, police said."], 3, False),
    (["Two men were killed on Sunday.", "Police said the shooter later killed himself."], 2, False),
    (["The gunman killed his wife and two sons and himself, police said."], 3, False),
])
def test_the_gunman_who_then_killed_himself(sentences, killed, rule_says_plus):
    heads = headline_figures(extract_figures(sentences_frame("a", sentences)))
    row = heads.iloc[0]
    assert (int(row["killed"]), int(row["killed_low"]), int(row["killed_high"])) == (killed, killed, killed)
    assert ("(+1)" in row["killed_rule"]) == rule_says_plus


@pytest.mark.parametrize("sentence, killed", [
    ("Deputies are calling it a triple murder-suicide.", 4),
    ("Police believe it was a double murder suicide.", 3),
    ("Investigators say the deaths were a murder-suicide.", 2),
])
def test_murder_suicide_counts_the_killer_too(sentence, killed):
    assert _people_headline(sentence)["killed"] == killed


@pytest.mark.parametrize("sentence, shooter", [
    ("A Lakeview man who accidentally shot and killed his wife has been sentenced to prison.", "A Lakeview man"),
    ("Cole Dunn, who shot and killed his neighbor, was arrested.", "Cole Dunn"),
])
def test_who_shot_makes_a_shooter_not_a_victim(sentence, shooter):
    from analysis.figures.victims import read_people

    victims, _people = read_people(sentences_frame("a", [sentence]))
    assert victims.loc[victims["person"] == shooter, "role"].tolist() == ["shooter"]
    assert _people_headline(sentence) == {"killed": 1, "injured": None}


@pytest.mark.parametrize("sentences, killed, injured", [
    # "the man" is the man named before, not the boy mentioned after him
    (["A 30-year-old man is dead and a 15-year-old boy is wounded after gunfire at a park.",
      "The man killed has been identified as Tomas Reyna of Millbrook."], 1, 1),
    (["A woman was killed and a girl was wounded when shots hit their car.",
      "Police said the woman died at the scene."], 1, 1),
])
def test_a_description_refers_to_the_person_it_names(sentences, killed, injured):
    assert _people_headline(*sentences) == {"killed": killed, "injured": injured}


@pytest.mark.parametrize("sentence", [
    "Police said his 3-year-old son found a loaded pistol and fatally shot himself in the head.",
    "Deputies said the man shot his wife and then turned the gun on himself.",
    "Officers said the teenager shot and killed himself in the garage.",
])
def test_who_shot_himself_is_the_one_who_died(sentence):
    from analysis.figures.victims import read_people

    victims, _people = read_people(sentences_frame("a", [sentence]))
    dead = victims[victims["outcome"] == "killed"]
    assert len(dead) == 1 and dead["role"].iloc[0] == "shooter"
    assert not dead["person"].iloc[0].lower().startswith(("police", "deputies", "officers"))
