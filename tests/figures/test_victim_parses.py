"""The people layer where the parser hangs people on the wrong word, and the names it reads. Sentences invented.

Each case is one way the small English parser misattaches a real report's people (found by reading the misses on
the real-news tuning set) and the rule in ``analysis.figures.victim_mentions`` that reads them anyway."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.figures.ledger import extract_figures
from analysis.figures.parse import Token, children
from analysis.figures.person_names import read_name
from analysis.figures.victims import extract_victims
from tests.figures.test_individuals import _sentences

CASES = [
    # (sentences, [(name, age, outcome, role), ...])
    # a harm participle used as an adjective: "the slain teen", "accused of killing officer X"
    (["Rory Platt, 30, is charged with killing deputy Lena Holt on Friday."],
     [("Rory Platt", 30, "unknown", "shooter"), ("Lena Holt", None, "killed", "officer")]),
    (["Neighbours said a stray bullet hit Toby Marsh in the shoulder during the shooting."],
     [("Toby Marsh", None, "injured", "victim")]),
    # "where he died" is the one who died, not the hospital
    (["Vic Arden, 40, was shot in a parking lot.", "Arden was driven to Mercy General Hospital where he died."],
     [("Vic Arden", 40, "killed", "victim")]),
    (["Dale Ruiz ran to the Quick Stop Market, where two women were shot."], []),
    # the people hung on "according to", or made the object of the reporting verb
    (["According to County Coroner Ray Bell, Ina Frey, 23, and Joan Sims, 29, were both pronounced dead."],
     [("Ina Frey", None, "killed", "victim"), ("Joan Sims", 29, "killed", "victim")]),
    (["Township police said Carla Jean Toms and her 6-year-old son were found dead in the kitchen."],
     [("Carla Jean Toms", None, "killed", "victim"), ("", 6, "killed", "victim")]),
    # "after being shot" takes the subject of the clause it qualifies
    (["Dev Mora, 21, of Fenwick, was in stable condition after being shot in the leg."],
     [("Dev Mora", 21, "injured", "victim")]),
    # "dead" with a subject of its own
    (["Officers found Pruitt dead in the truck.", "Lyle Pruitt had fled the scene."],
     [("Lyle Pruitt", None, "killed", "victim")]),
    # "killed along with Y", the "with" hanging on "along"
    (["Ada Cole, 29, was killed along with Rene Soto, 20, a cook, in a double homicide."],
     [("Ada Cole", 29, "killed", "victim"), ("Rene Soto", 20, "killed", "victim")]),
    # a nickname in quotes stays in the name; "victim X" where the parser hangs "victim" on the first name
    (['Relatives of victim Joaquin "Jojo" Arce say he did nothing to provoke his murder.'],
     [("Joaquin Arce", None, "killed", "victim")]),  # the nickname is no part of the name (parse.NICKNAME)
    # compounds of compounds: three-word names
    (["Police said Mary Ann Louise Pike was shot and killed."], [("Mary Ann Louise Pike", None, "killed", "victim")]),
    # "mortally wounded" is killed
    (["Deputy Sam Ortiz was mortally wounded in the exchange."], [("Sam Ortiz", None, "killed", "officer")]),
    # wounds without a harm verb: suffering from, recovering from, sustained
    (["Deputies went to Bay Hospital, where Nils Orr, 29, was suffering from a gunshot wound in his calf."],
     [("Nils Orr", 29, "injured", "victim")]),
    (["Subject Joel Rekas, 19, is recovering from his injuries at Hendrick Medical Center."],
     [("Joel Rekas", 19, "injured", "victim")]),
    (["Luz Maren sustained injuries that were not considered life-threatening."], [("Luz Maren", None, "injured",
                                                                                    "victim")]),
    # "the victim of a deadly shooting" died; the name given later is that victim
    (["Police named the victim of a deadly shooting on Oak Road.", "Ty Bonner, 35, was found shot in the chest."],
     [("Ty Bonner", 35, "killed", "victim")]),
    # the one who turned the gun on himself is the nearest subject before the words, not the one who said so
    (["The gunman was found with a self-inflicted gunshot wound, Chief Ann Ellis said."],
     [("", None, "killed", "shooter")]),
    (["A woman was killed by her husband, who then turned the gun on himself."],
     [("", None, "killed", "victim"), ("", None, "killed", "shooter")]),
    # "X, 48, was the man killed", the parser hanging "the man" on "said"
    (["Carver native Hal Brandt, 48, was the man killed after a dispute on Tuesday, county investigators said."],
     [("Hal Brandt", 48, "killed", "victim")]),
    # "identified by State Police as X": "as" hangs on the agent
    (["The suspect killed was identified by Arkansas State Police as Lon Pyle, 30."],
     [("Lon Pyle", 30, "killed", "shooter")]),
    # two people with one surname are two; the one who fired in a conjoined clause is the shooter
    (["Troopers said Ann Ruiz was shot when her husband, Ivo Ruiz, was cleaning his gun and accidentally fired.",
      "Ann Ruiz was taken to a hospital."],
     [("Ann Ruiz", None, "injured", "victim"), ("Ivo Ruiz", None, "unknown", "shooter")]),
    # struck in a gunfight; a rank before the name is no part of it
    (["Officers engaged in a gunfight during which Police Officer Kyle Brandt was struck in the foot."],
     [("Kyle Brandt", None, "injured", "officer")]),
    # "identified as": the name takes the place of the one described, in a participle or adverbial clause too
    (["A boy who died from an apparent self-inflicted gunshot wound has been identified as Cody Vance, 8."],
     [("Cody Vance", 8, "killed", "shooter")]),
    (["The wounded deputy, later identified as Deputy Rosa Lind, is recovering."], [("Rosa Lind", None, "injured",
                                                                                     "officer")]),
    (["The accused gunman - later identified as Otis Crane, 50, - barricaded himself inside the house."],
     [("Otis Crane", 50, "unknown", "shooter")]),
    # "who shot and killed X" is active even when the parser loses X; "the 13-year-old" is the one of that age
    (["The officer who shot and killed a 13-year-old on Friday was named as Paul Drew.",
      "The 13-year-old died at a hospital."],
     [("", 13, "killed", "victim"), ("Paul Drew", None, "unknown", "officer")]),
    # a father and son with one surname are two people; "Cosey Jr." is "Mal Cosey Jr."
    (["Police said Ken Hale shot his son, Tom Hale, 20.", "Tom Hale was shot in the leg."],
     [("Ken Hale", None, "unknown", "shooter"), ("Tom Hale", 20, "injured", "victim")]),
    (["Mal Cosey Jr. was shot on Friday.", "Cosey Jr. was struck in the head by a bullet."],
     [("Mal Cosey Jr.", None, "injured", "victim")]),
    # not deaths: "shot in his upper body", a recap's "another slain teen", "the self-inflicted death of" a child
    (["The husband was struck by a bullet in the arm and the son was struck in his lower body."],
     [("", None, "injured", "victim"), ("", None, "injured", "victim")]),
    (["The park is named for another slain teen, Rhea Gantt."], []),
    (["A prosecutor says he will review the self-inflicted gunshot death of a 4-year-old boy."],
     [("", 4, "killed", "victim")]),
    # who took their own life: "he" is the nearest name before it (not the town); anyone, not only a person noun;
    # "shot himself" leaves the outcome open (injured where nobody died)
    (["Deputies tracked Lyle Grant to a motel in downtown Marlow where he took his life."],
     [("Lyle Grant", None, "killed", "shooter")]),
    (["A 52-year-old grieving farmer ended his life early on Monday."], [("", 52, "killed", "shooter")]),
    (["Police said the boy, 4, found the pistol and shot himself in the hand."], [("", 4, "injured", "shooter")]),
    # "along with" where the parser hangs "with" on "along"
    (["Tomas Ferro, 29, a local man, was killed along with Heriberto Lunt, 20, a local man, in a double homicide."],
     [("Tomas Ferro", 29, "killed", "victim"), ("Heriberto Lunt", 20, "killed", "victim")]),
    # soft hyphens inside words, as some outlets print them
    (["The gun\u00adman was iden\u00adti\u00adfied as Nor\u00adris Hig\u00adley, 62."],
     [("Norris Higley", 62, "unknown", "shooter")]),
    # "who" is the person before "of the Bronx"; a name after "her grandfather," is his though hung elsewhere
    (["Rafael Ortiz, 18, of the Bronx, who is still hospitalized with minor injuries, has been charged."],
     [("Rafael Ortiz", 18, "injured", "victim")]),
    (["Lee Moss has been jailed since Cara Bell and her grandfather, Hubert Lane, were shot to death near Elk Lake."],
     [("Lee Moss", None, "unknown", "shooter"), ("Cara Bell", None, "killed", "victim"),
      ("Hubert Lane", None, "killed", "victim")]),
    # "Officer X" names the officer the article describes without a name, and adds nobody of their own
    (["The officer who fatally shot Ty Bram on Friday was fired.",
      "Chief Dunn faulted Officer Brad Kell over the fatal shooting."],
     [("Brad Kell", None, "unknown", "officer"), ("Ty Bram", None, "killed", "victim")]),
    (["Ty Bram was fatally shot on Friday.", "Sgt. Ann Ray said the shooting is under review."],
     [("Ty Bram", None, "killed", "victim")]),
    # not names: a headline's capitalised "Victim", a kind after "a", a dateline in capitals, a caption glued on
    (["Man Jailed Crash Victim Home Burglarized A man was wounded."], [("", None, "injured", "victim")]),
    (["A man was shot by a Good Samaritan who saw the robbery."], [("", None, "injured", "victim")]),
    (["FAIRVIEW HEIGHTS, Ill. - A man was killed Sunday."], [("", None, "killed", "victim")]),
    (["Detectives looked into the killing of Bo Kern Jr. VIDEO: See the report."], [("Bo Kern Jr.", None, "killed",
                                                                                   "victim")]),
]


@pytest.mark.parametrize(("texts", "people"), CASES, ids=[c[0][0][:40] for c in CASES])
def test_people_the_parser_misattaches(texts, people):
    victims = extract_victims(_sentences(*texts), None)
    got = [(r.name, None if pd.isna(r.age) else int(r.age), r.outcome, r.role) for r in victims.itertuples()]
    assert got == people


def test_a_numeral_count_that_names_its_people_is_read_for_the_names():
    sentences = _sentences("Ria Colby, 35, and Dane Hurst, 29, were the two civilians killed in the attack.")
    victims = extract_victims(sentences, None, figures=extract_figures(sentences))
    assert [(r.name, r.age, r.outcome) for r in victims.itertuples()] == [("Ria Colby", 35, "killed"),
                                                                         ("Dane Hurst", 29, "killed")]


def _tokens(*words: tuple[str, str, str, int]) -> list[Token]:
    out, at = [], 0
    for i, (text, tag, dep, head) in enumerate(words):
        out.append(Token(i, text, tag, dep, head, at))
        at += len(text) + 1
    return out


@pytest.mark.parametrize(("words", "name"), [
    ([("Dana", "NNP", "compound", 1), ("Kim", "NNP", "ROOT", 1)], "Dana Kim"),
    ([("Patrol", "NNP", "compound", 3), ("Officer", "NNP", "compound", 3), ("Dana", "NNP", "compound", 3),
      ("Kim", "NNP", "ROOT", 3)], "Dana Kim"),
    # a headline's run of capitals with a person noun inside is no name
    ([("Murder", "NNP", "compound", 2), ("Victim", "NNP", "compound", 2), ("Three", "NNP", "ROOT", 2)], ""),
])
def test_read_name(words, name):
    tokens = _tokens(*words)
    assert read_name(tokens, children(tokens), tokens[-1], common={"victim", "man"}) == name
