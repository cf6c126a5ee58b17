"""How US local news names the people shot: the people layer on general reporting shapes. Sentences invented.

Each case is a way reporters name victims and shooters (identifications, appositions, lists with ages, names with
initials, suffixes, apostrophes, nicknames, later outcomes), written here in our own words; the rules in
``analysis.figures.victim_mentions`` read them whatever the article. Only the named people are checked: each
expected (name, outcome) must be a row of ``victims``, "" standing for any outcome."""

from __future__ import annotations

import pytest

from analysis.figures.ledger import extract_figures
from analysis.figures.victims import extract_victims
from tests.figures.test_individuals import _sentences

CASES = [
    # identifications
    (["Police identified the man killed as Darnell Price, 27, of Eastfield."], [("Darnell Price", "killed")]),
    (["The victim, Janet Moore, 34, of Bellview, was pronounced dead at the scene."], [("Janet Moore", "killed")]),
    (["A man was shot and killed Saturday night.", "The medical examiner's office identified him as Luis Ortega, 41."],
     [("Luis Ortega", "killed")]),
    (["A woman was killed Friday.", "She was identified as Lena Drake, 36."], [("Lena Drake", "killed")]),
    (["A woman was killed Friday.", "The woman has been identified as Lena Drake, 36."], [("Lena Drake", "killed")]),
    (["A woman was killed Friday.", "The coroner identified her as Lena Drake, 36, of Hill Park."],
     [("Lena Drake", "killed")]),
    (["One man died and another was wounded.", "The dead man was identified as Ted Burke, 40."],
     [("Ted Burke", "killed")]),
    (["Authorities identified the victim as 17-year-old Jamal Green."], [("Jamal Green", "")]),
    (["Two men were shot Friday night.", "Police identified them as Ted Burke, 40, and Al Kim, 33."],
     [("Ted Burke", ""), ("Al Kim", "")]),
    # "the victim was X", "her name was X": the name joins the one described before
    (["A woman was killed Friday.", "The victim was Lena Drake, 36, a nurse."], [("Lena Drake", "killed")]),
    (["A woman was killed Friday.", "Her name was Lena Drake."], [("Lena Drake", "killed")]),
    (["A man was shot and killed Saturday night.", "Family members said the man was Rodney Tate, 22."],
     [("Rodney Tate", "killed")]),
    # names as written: initials, suffixes, apostrophes, particles, nicknames in quotes
    (["Kevin J. Harmon, 30, was shot in the leg."], [("Kevin J. Harmon", "injured")]),
    (["Arthur Bell III, 19, died at the scene."], [("Arthur Bell III", "killed")]),
    (["Shawn O'Neal, 25, was shot and killed on Elm Street."], [("Shawn O'Neal", "killed")]),
    (["Maria De La Cruz, 31, was wounded in the shooting."], [("Maria De La Cruz", "injured")]),
    (['Terrell "Boo" Jackson, 23, was fatally shot.'], [("Terrell Jackson", "killed")]),
    (['Police said Andre "Dre" Fuller was shot twice.'], [("Andre Fuller", "injured")]),
    # lists with ages, which the parser reads as appositions
    (["Ana Diaz, 19, Ben Cole, 20, and Carl Webb, 22, were wounded."],
     [("Ana Diaz", "injured"), ("Ben Cole", "injured"), ("Carl Webb", "injured")]),
    (["Police identified the dead as Ana Diaz, 19, Ben Cole, 20, and Carl Webb, 22."],
     [("Ana Diaz", ""), ("Ben Cole", ""), ("Carl Webb", "")]),
    (["Lena Drake, 36, and her son, Owen Drake, 12, were both shot and killed."],
     [("Lena Drake", "killed"), ("Owen Drake", "killed")]),
    # outcomes told later, under the surname or a pronoun
    (["Marcus Smith, 24, was shot on Friday night.", "Smith died at the hospital."], [("Marcus Smith", "killed")]),
    (["Ted Burke, 40, was shot on Friday.", "Burke later died at the hospital."], [("Ted Burke", "killed")]),
    (["Ted Burke, 40, was shot on Friday and remains in critical condition."], [("Ted Burke", "injured")]),
    (["Ted Burke, 40, was shot in the arm and is expected to survive."], [("Ted Burke", "injured")]),
    (["Tim Reyes, 28, was rushed to County General, where he was pronounced dead."], [("Tim Reyes", "killed")]),
    (["Dana Fox was shot Tuesday.", "Fox was taken to Mercy Hospital, where she later died."],
     [("Dana Fox", "killed")]),
    (["Dana Fox was shot Tuesday.", "Fox was pronounced dead at Mercy Hospital."], [("Dana Fox", "killed")]),
    (["Tim Reyes, 28, succumbed to his wounds on Sunday."], [("Tim Reyes", "killed")]),
    (["Tim Reyes, 28, was found with multiple gunshot wounds and died at the scene."], [("Tim Reyes", "killed")]),
    (["Police said Jamal Green, 17, suffered a gunshot wound to the leg."], [("Jamal Green", "injured")]),
    (["Officer Tim Reyes was shot twice and is in critical condition."], [("Tim Reyes", "injured")]),
    (["Ted Burke, 40, was shot on Friday.", "Burke remains in serious condition at Bay General."],
     [("Ted Burke", "injured")]),
    (["Deputies said Jo Reyes was listed in critical condition after the shooting."], [("Jo Reyes", "injured")]),
    # what someone feared or foresaw did not happen
    (["Kim Foxx, 30, was shot and is in critical condition.", "Neighbors were yelling that he was going to die."],
     [("Kim Foxx", "injured")]),
    (["Kim Foxx, 30, was shot on Friday.", "Doctors fear he will die."], [("Kim Foxx", "injured")]),
    # a first name alone, later, is the one named in full before
    (["Deandre Banks, 16, was shot Saturday.", "Deandre was taken to Mount Sinai, where he was pronounced dead."],
     [("Deandre Banks", "killed")]),
    # ... or given in full anywhere in the article, whichever name is used alone
    (["Nia Brooks loved to dance, her aunt said.", "Nia was shot in the head as she slept and died on Sunday."],
     [("Nia Brooks", "killed")]),
    # ... without an official's title or a sentence-opening word before it
    (["Rivertown Mayor Ellen Price spoke to reporters.", "Price was shot in the arm at the rally."],
     [("Ellen Price", "injured")]),
    (["Then Tony Ruiz ran to the corner.", "Ruiz was shot in the arm."], [("Tony Ruiz", "injured")]),
    # a family listed as appositions, each name after its family word; a lone name with an age or a family word
    (["Omar Reyes, 45, ran a bakery downtown.",
      "Police said Omar, his wife Lina Reyes, 41, daughter Sofi, 10, son Teo, 6 were found dead in the house."],
     [("Omar Reyes", "killed"), ("Lina Reyes", "killed"), ("Sofi", "killed"), ("Teo", "killed")]),
    # shooters
    (["Darius Long, 29, was charged with murder in the death of Kim Ray, 30."],
     [("Darius Long", ""), ("Kim Ray", "killed")]),
    (["A man was shot and killed.", "Police arrested Darius Long, 29, on Sunday."], [("Darius Long", "")]),
    (["Police said the gunman, identified as Roy Platt, 45, opened fire in the store."], [("Roy Platt", "")]),
    (["Prosecutors charged Paul Drake, 38, with first-degree murder."], [("Paul Drake", "")]),
    (["Paul Drake, 38, was booked into the county jail on a murder charge."], [("Paul Drake", "")]),
    (["Dana Fox, 30, was shot multiple times by Tim Reyes, 28, police said."], [("Tim Reyes", ""), ("Dana Fox", "")]),
    (["A man was shot and killed on Elm Street.", "The shooter, Carl Webb, fled in a gray car."], [("Carl Webb", "")]),
    (["A man was shot and killed on Elm Street.", "Carl Webb, 22, is being held in the county jail."],
     [("Carl Webb", "")]),
    (["Police named a suspect in the killing: Carl Webb, 19."], [("Carl Webb", "")]),
    (["A man was shot and killed on Friday.", "Sgt. Ray Moss was the officer involved in the shooting."],
     [("Ray Moss", "")]),
    (["A man was shot and killed on Friday.", "Police said Ray Moss is the suspect."], [("Ray Moss", "")]),
    (["Police are searching for the gunman who killed Lena Drake, 36."], [("Lena Drake", "killed")]),
]


def named_rows(texts: list[str]) -> list[tuple[str, str]]:
    """``(name, outcome)`` of every row of ``victims`` the sentences give."""
    sentences = _sentences(*texts)
    victims = extract_victims(sentences, figures=extract_figures(sentences))
    return list(zip(victims["name"], victims["outcome"]))


def assert_named(texts: list[str], people: list[tuple[str, str]]) -> None:
    """Each ``(name, outcome)`` has a row (``""``: any outcome)."""
    rows = named_rows(texts)
    for name, outcome in people:
        outcomes = [o for n, o in rows if n == name]
        assert outcomes, f"{name} not in {rows}"
        assert not outcome or outcome in outcomes, f"{name}: {outcomes}, expected {outcome}"


@pytest.mark.parametrize(("texts", "people"), CASES, ids=[c[0][-1][:40] for c in CASES])
def test_named_people(texts, people):
    assert_named(texts, people)


NOT_NAMED = [
    # a source misparsed as the subject is no one listed; an official's name is not the one "her death" is of
    (["According to police Sgt. Al Roe, 19-year-old Ina Vale was shot at a party."], "Al Roe"),
    (["At a briefing, Sheriff Hal Moen described the boy who was charged with her death."], "Hal Moen"),
    # a holiday is nobody's name
    (["Police named a suspect in the New Year's Day shooting."], "New Year"),
    (["Ted Ames, 30, was shot Friday.", "Ames was taken to Bay General, where he is in stable condition."],
     "Bay General"),
    # a meeting held somewhere holds no one
    (["Tom Reed, 51, was shot on Friday.", "A vigil for Reed was held in the Main Street park."], "Main Street"),
    # the family an identification names is not the one harmed
    (["A boy, 7, was shot and killed.", "The report identifies the parents as Sam Farr, 29, and Jo Farr, 29."],
     "Sam Farr"),
    # a description is no name
    (["A 15-year-old Latino was shot and killed on Elm Street."], "Latino"),
]


@pytest.mark.parametrize(("texts", "name"), NOT_NAMED, ids=[c[0][-1][:40] for c in NOT_NAMED])
def test_not_named(texts, name):
    rows = named_rows(texts)
    assert name not in {n for n, _ in rows}, rows
