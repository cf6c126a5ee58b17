"""Names that reporters give away from the harm verb: the people layer's rules for them. Sentences invented.

Each case is one reporting shape, written here in our own words: the same description said again with another
article ("A state trooper was killed"), a wound someone "suffered", a name in a clause about an earlier event, a
car that was "shot up", the one a vigil is for, a he/she arrested, "his cousin, X," for a cousin described before,
"X's family" grieving, the he/she of "a man shot a deputy before he was found dead", "X was responsible for the
shooting", lists of names without ages, a group identified by name ("identified the men as X and Y"), "Suspect X"
opening a sentence. Only the named people are checked: each expected (name, outcome) must be a row of ``victims``;
``NOT_NAMED`` lists names that must not be rows, or rows that must not have that outcome ("" for any)."""

from __future__ import annotations

import pytest

from analysis.figures.ledger import extract_figures
from analysis.figures.victims import extract_victims
from tests.figures.test_individuals import _sentences


def _rows(texts: list[str]) -> list[tuple[str, str]]:
    sentences = _sentences(*texts)
    victims = extract_victims(sentences, figures=extract_figures(sentences))
    return list(zip(victims["name"], victims["outcome"]))


NAMED = [
    # the description said again with "a": the same person, so a second officer named later is someone else
    (["State trooper Dale Kemp was killed Friday after a driver shot him on the highway.",
      "A state trooper was killed Friday after a driver shot him on the highway.",
      "Trooper Ana Voss suffered two gunshot wounds, one of them in the arm."],
     [("Dale Kemp", "killed"), ("Ana Voss", "injured")]),
    # a wound someone "suffered" or "sustained" is an injury unless a death is told
    (["A man was shot dead on Pine Street on Sunday.", "Officer Ray Lutz sustained a gunshot wound to the hand."],
     [("Ray Lutz", "injured")]),
    # an earlier event ("was 13 when ...") gives no outcome to today's person
    (["Cal Dunmore, 30, was wounded on Friday.",
      "Dunmore was 14 when he suffered a self-inflicted gunshot wound at a school party."],
     [("Cal Dunmore", "injured")]),
    # the one mourned ("a vigil for X", "the funeral of X", "in memory of X") was killed
    (["Neighbors gathered on Sunday for a candlelight vigil for Dina Park-Lowe."], [("Dina Park-Lowe", "killed")]),
    (["A man was shot on Friday night.", "The funeral of Omar Haddad will be held on Thursday."],
     [("Omar Haddad", "killed")]),
    (["Students wore green in memory of Lia Chen, the girl shot near the school."], [("Lia Chen", "killed")]),
    # a he/she who was arrested is the nearest name before it that was found or sought
    (["A man was shot dead on Oak Street.", "Deputies found Wade Ellis Price, 40, in a shed and arrested him."],
     [("Wade Ellis Price", "")]),
    # a description with a name in apposition names the one described so before, whatever the verb
    (["A 4-year-old boy was wounded when his 19-year-old cousin accidentally shot him in the yard.",
      "His cousin, Caleb James Ward, lives at the house."], [("Caleb James Ward", "")]),
    (["Police said an officer shot a man during a traffic stop on Friday.",
      "Officer Kowalczyk, a nine-year veteran, was placed on paid leave."], [("Kowalczyk", "")]),
    # the he/she of a clause "before"/"after" on a harm verb is that verb's subject, the shooter
    (["Police say a man shot a deputy before he was found dead in a barn.",
      "The sheriff identified the gunman as Roy Allen Pike, 51.", "Deputy Nora Hale was struck in the shoulder."],
     [("Roy Allen Pike", "killed"), ("Nora Hale", "")]),
    # a full name whose family or friends grieve names the one the sentence, or the sentence before, says was killed
    (["Tara Lynn Booker's friends held a vigil on Sunday near where the young nurse was killed."],
     [("Tara Lynn Booker", "killed")]),
    (["A woman was shot and killed on Friday.", "Tara Lynn Booker's family said they are heartbroken by her death."],
     [("Tara Lynn Booker", "killed")]),
    # the named subjects of "responsible for" a shooting fired
    (["Investigators believe Kyle Brandt was responsible for the shooting."], [("Kyle Brandt", "")]),
    (["Police said Dion Terrell Ames, 17, and a 14-year-old boy are responsible for shooting the dog."],
     [("Dion Terrell Ames", "")]),
    # a list of full names without ages, which the parser nests as an apposition with a conjunct
    (["Ray Cole, Tom Bell and Al Diaz were pronounced dead at the scene."],
     [("Ray Cole", "killed"), ("Tom Bell", "killed"), ("Al Diaz", "killed")]),
    # the names one identification gives to a group told of before take its outcome
    (["Two men were shot and killed Friday on Elm Street.",
      "Police identified the men as Ray Cole, 24, and Tom Bell, 31."],
     [("Ray Cole", "killed"), ("Tom Bell", "killed")]),
    # a role word that only opens the sentence is a title, not a headline's capitals
    (["A woman was shot Sunday.", "Suspect Carl Webb, 30, was arrested Monday."], [("Carl Webb", "")]),
    (["Lyle Beck, 22, was wounded Monday on Ash Road.",
      "Beck suffered an accidental, self-inflicted gunshot wound while cleaning a rifle."],
     [("Lyle Beck", "injured")]),
    # the one sought or identified as the shooter: "at large", "wanted", "a warrant for X", "identified as the suspect"
    (["A man was shot on Sunday.", "Nico Barr, 19, remains at large."], [("Nico Barr", "")]),
    (["A man was shot on Sunday.", "Nico Barr, 19, is wanted in the shooting."], [("Nico Barr", "")]),
    (["A man was shot on Sunday.", "A judge signed an arrest warrant for Nico Barr, 19."], [("Nico Barr", "")]),
    (["A man was shot and killed on Sunday.", "Nico Barr, 19, was identified as the suspect."], [("Nico Barr", "")]),
]


@pytest.mark.parametrize(("texts", "people"), NAMED, ids=[c[0][-1][:40] for c in NAMED])
def test_named(texts, people):
    rows = _rows(texts)
    for name, outcome in people:
        outcomes = [o for n, o in rows if n == name]
        assert outcomes, f"{name} not in {rows}"
        assert not outcome or outcome in outcomes, f"{name}: {outcomes}, expected {outcome}"


NOT_NAMED = [
    # a car "shot up" is a thing fired at, not a person
    (["Two men shot up a silver Grand Prix on Elm Street, police said."], "Grand Prix", ""),
    # a place is not the one arrested
    (["A woman was shot dead Friday.",
      "Ron Tate, 22, of Camp Hill, was arrested on a warrant charging him with murder."], "Camp Hill", ""),
    # a relative who speaks is not the one harmed, when no one was described with that word
    (["A 17-year-old boy was shot and killed Friday.", "His aunt, Rosa Quintero, said he loved music."],
     "Rosa Quintero", ""),
    # a family that grieves is no he/she: "her death" is the woman's, not the family's
    (["A woman was shot and killed on Friday.", "Tara Lynn Booker's family said they are heartbroken by her death."],
     "", ""),
    # without words of grief, a name's family may be the gunman's
    (["A man was shot and killed on Friday.", "Police arrested a suspect.",
      "Dale Roy Fisk's family said he had never owned a gun."], "Dale Roy Fisk", "killed"),
    # "responsible for" something else names no shooter
    (["A man was shot on Friday.", "Mayor Ellen Park is responsible for the city budget."], "Ellen Park", ""),
    # one name in apposition to another, with no list after it, is the same person's source, not a second victim
    (["According to Sgt. Al Roe, Ina Vale and her son were shot at a party."], "Al Roe", ""),
    # an identification of fewer names than the group leaves their outcome to the article
    (["Three men were shot and killed Friday.", "Police identified one of the men as Ray Cole, 24."], "", "injured"),
    # a placeholder is no one's name
    (["A man was found shot dead on Friday.", "The coroner identified him as John Doe until his family is told."],
     "John Doe", ""),
    # a vigil's place is no one mourned
    (["A boy was shot and killed Friday.", "A vigil for the boy was held at Lincoln Park on Sunday."],
     "Lincoln Park", ""),
    # the one sought or identified as the shooter is not the unnamed victim
    (["A man was shot and killed on Sunday.", "Nico Barr, 19, was identified as the suspect."], "Nico Barr", "killed"),
    (["A man was shot on Sunday.", "Nico Barr, 19, remains at large."], "Nico Barr", "injured"),
]


@pytest.mark.parametrize(("texts", "name", "outcome"), NOT_NAMED, ids=[c[0][-1][:40] for c in NOT_NAMED])
def test_not_named(texts, name, outcome):
    rows = _rows(texts)
    assert not [o for n, o in rows if n == name and (not outcome or o == outcome)], rows
