"""The victims table: who an article says was harmed, one row per person. Sentences invented."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis import schema
from analysis.figures.ledger import extract_figures
from analysis.figures.victims import extract_victims
from tests.figures.test_individuals import _sentences

CASES = [
    # (sentences, [(name, age, outcome, role), ...])
    (["Police said Andre Vance, 27, and Luis Ortega, 35, were killed."],
     [("Andre Vance", 27, "killed", "victim"), ("Luis Ortega", 35, "killed", "victim")]),
    (["A 52-year-old woman was shot Monday.", "The coroner identified the woman as Ruth Palmer."],
     [("Ruth Palmer", 52, "injured", "victim")]),
    (["Tanya Boyd, 19, was shot in the leg.", "Boyd later died at a hospital."], [("Tanya Boyd", 19, "killed", "victim")]),
    (["Deputies say Carl Benton, 44, shot and killed his neighbor."],
     [("Carl Benton", 44, "unknown", "shooter"), ("", None, "killed", "victim")]),
    (["Officer Dana Kim was wounded and the gunman was shot dead."],
     [("Dana Kim", None, "injured", "officer"), ("", None, "killed", "shooter")]),
    (["Marcus Webb, 22, was charged with murder on Thursday."], [("Marcus Webb", 22, "unknown", "shooter")]),
    # who fired or was held, without a harm verb
    (["When deputies got there, they arrested 31-year-old Glen Oakes of Riverton."],
     [("Glen Oakes", 31, "unknown", "shooter")]),
    (["Troopers took Nadia Frost, 26, into custody after a short chase."], [("Nadia Frost", 26, "unknown", "shooter")]),
    (["Two deputies were hit by gunfire from 52-year-old Ray Colter of Lakeside."],
     [("Ray Colter", 52, "unknown", "shooter")]),
    (["During the stop, Owen Price fired at the trooper."], [("Owen Price", None, "unknown", "shooter")]),
    (["Police said the gunman was Elias Moore, a 40-year-old mechanic."], [("Elias Moore", None, "unknown", "shooter")]),
    # found with a wound
    (["Officers found Tomas Reyes, 19, lying in the yard with a gunshot wound."],
     [("Tomas Reyes", 19, "injured", "victim")]),
    # a lone surname borrows the full name given elsewhere in the article
    (["The family of Irene Walsh asked for privacy.", "Walsh was shot and killed outside her shop."],
     [("Irene Walsh", None, "killed", "victim")]),
    # ... and without one names nobody
    (["Walsh was shot and killed outside her shop."], []),
    # an age used as a noun names someone; a bullet that struck someone shot them
    (["A 15-year-old was shot in the arm near the school."], [("", 15, "injured", "victim")]),
    (["The 3-year-old who was shot in the kitchen has died."], [("", 3, "killed", "victim")]),
    (["The round went through a wall and struck his 9-year-old daughter in the shoulder."],
     [("", 9, "injured", "victim")]),
    (["A delivery van struck a cyclist on Bridge Street."], []),
    (["The 9-year-old was struck in the neck while she slept."], [("", 9, "injured", "victim")]),
    # a reduced passive in a headline-style lede: the subject was killed, not the shooter
    (["The 16-year-old boy shot and killed near the rink on Friday has been identified by police."],
     [("", 16, "killed", "victim")]),
    (["The gunman shot and killed a night clerk."], [("", None, "unknown", "shooter"), ("", None, "killed", "victim")]),
    (["A 6-year-old girl has passed away from her injuries."], [("", 6, "killed", "victim")]),
    (["Deputies are searching for 33-year-old Curtis Lane in connection with the shooting."],
     [("Curtis Lane", 33, "unknown", "shooter")]),
    (["Mara Quinn, 58, had gunshot wounds to her arm and chest."], [("Mara Quinn", 58, "injured", "victim")]),
    (["Officers are looking for a silver sedan."], []),
    # the one found is the one shot, not the shooter
    (["When deputies arrived they found Jose Varga, 55, shot to death in his kitchen."],
     [("Jose Varga", 55, "killed", "victim")]),
    (["Officers found Dan Gray shot in the chest behind a bar."], [("Dan Gray", None, "injured", "victim")]),
    (["A family wants to find out why a girl was killed at a party."], [("", None, "killed", "victim")]),
    # the people an identification names take the outcome its noun's clause gives
    (["The coroner identified the men who were killed Saturday as Rob Mills, 40, and Will Mills, 42."],
     [("Rob Mills", 40, "killed", "victim")]),
    # a name in apposition to a harmed person is that person; "the victim, X" names a victim
    (["Friends gathered to remember Tia Long, the Dover woman killed by police last week."],
     [("Tia Long", None, "killed", "victim")]),
    (["Reporters spoke to the victim, Ken Bart, on Tuesday."], [("Ken Bart", None, "unknown", "victim")]),
    (["Fred Cole, 29, was killed along with Hector Ruiz, 20, in the attack."],
     [("Fred Cole", 29, "killed", "victim"), ("Hector Ruiz", 20, "killed", "victim")]),
    # those facing charges or turning themselves in, and a name in apposition to "the suspect", are shooters
    (["Jay Holt, 25, is facing two charges."], [("Jay Holt", 25, "unknown", "shooter")]),
    (["Lena Vogt, 23, turned herself in to deputies on Sunday."], [("Lena Vogt", 23, "unknown", "shooter")]),
    (["Omar Pike, 23, the suspect in the robbery, was not a student there."],
     [("Omar Pike", 23, "unknown", "shooter")]),
    (["That suspect, 27-year-old Conrad Pitt of Zebulon, was taken into custody by the fugitive unit."],
     [("Conrad Pitt", 27, "unknown", "shooter")]),
    # a harmed he/she is first the person named before it in the same sentence, of a compatible sex
    (["Tom Reed, 51, was arrested at the scene.",
      "Deputies found a 31-year-old man in the yard and took him to a clinic, where he was pronounced dead."],
     [("Tom Reed", 51, "unknown", "shooter"), ("", 31, "killed", "victim")]),
    (["Tom Reed, 51, was arrested at the scene.", "His wife was hurt, and deputies said he died later in a cell."],
     [("Tom Reed", 51, "killed", "shooter"), ("", None, "injured", "victim")]),
    # a surname after a suffixed full name, even one the tagger does not know for a name
    (["Dorian Welk Jr., 22, was shot on Friday.", "Welk was pronounced dead at the scene."],
     [("Dorian Welk Jr.", 22, "killed", "victim")]),
    # hyphens and apostrophes inside a name stay as written, and a lone hyphenated surname finds its full name
    (["Ana Ruiz-Soto, 19, was shot and killed on Friday."], [("Ana Ruiz-Soto", 19, "killed", "victim")]),
    (["Friends of Lena Ortiz-Bell met on Sunday.", "Ortiz-Bell was shot and killed outside her shop."],
     [("Lena Ortiz-Bell", None, "killed", "victim")]),
    (["Jo O'Neal, 40, died at the scene."], [("Jo O'Neal", 40, "killed", "victim")]),
    # names in any Latin alphabet and with inner capitals: a lone surname finds its full name
    (["Friends of Iván Peña met on Sunday.", "Peña was shot and killed outside his shop."],
     [("Iván Peña", None, "killed", "victim")]),
    (["Friends of Ray DeLaPort met on Sunday.", "DeLaPort was shot and killed outside his shop."],
     [("Ray DeLaPort", None, "killed", "victim")]),
    (["A woman was shot and killed outside her shop on Sunday.", "Police named her as Aida O\u2019Hare.",
      "O'Hare was pronounced dead at a hospital."], [("Aida O\u2019Hare", None, "killed", "victim")]),
    (["Deputies said Zoë Brönte, 31, and Łukasz Nowak, 40, died at the scene."],
     [("Zoë Brönte", 31, "killed", "victim"), ("Łukasz Nowak", 40, "killed", "victim")]),
    # "who" in a relative clause is the person it hangs on
    (["A neighbor of Vern Hale, 51, who was shot and killed in his garage, called police."],
     [("Vern Hale", 51, "killed", "victim")]),
    # either side of "is"/"was" names the people the other side describes
    (["Ann Lee, 35, and Bo Diaz, 29, were the two people killed in the attack."],
     [("Ann Lee", 35, "killed", "victim"), ("Bo Diaz", 29, "killed", "victim")]),
    (["Dan Price, 48, was the man killed after a quarrel on Elm Lane, deputies said."],
     [("Dan Price", 48, "killed", "victim")]),
    (["The homicide victim is Ray Gold."], [("Ray Gold", None, "killed", "victim")]),
    (["Police think the man who shot the clerk is Carl Webb."],
     [("", None, "injured", "victim"), ("Carl Webb", None, "unknown", "shooter")]),
    # a body is someone killed
    (["Officers found the body of Sam Hart behind the store."], [("Sam Hart", None, "killed", "victim")]),
    # who was identified: the role is the identified noun's
    (["Chief Moss identified the suspect as Carl Webb, 19, on Monday."], [("Carl Webb", 19, "unknown", "shooter")]),
    (["The gunman was identified as Carl Webb, 62."], [("Carl Webb", 62, "unknown", "shooter")]),
    # a full name with an age names the one unnamed victim told of just before, and adds no one
    (["A man was killed Sunday.", "Police said Jamal Heath, 26, was lying in the street when officers arrived."],
     [("Jamal Heath", 26, "killed", "victim")]),
    (["A man was killed Sunday.", "Al Roe, 40, said he heard shots."], [("", None, "killed", "victim")]),
    (["A man was killed Sunday.", "The street was closed.", "Crews cleaned up.", "It rained.",
      "Al Roe, 40, will have a hearing in July."], [("", None, "killed", "victim")]),
    (["A man was killed Sunday.", "Al Roe, 40, was arrested.", "Bo Diaz, 30, was lying in the street."],
     [("Bo Diaz", 30, "killed", "victim"), ("Al Roe", 40, "unknown", "shooter")]),
]


@pytest.mark.parametrize(("texts", "people"), CASES, ids=[c[0][0][:40] for c in CASES])
def test_victims_rows(texts, people):
    victims = extract_victims(_sentences(*texts), None)
    got = [(r.name, None if pd.isna(r.age) else int(r.age), r.outcome, r.role) for r in victims.itertuples()]
    assert got == people


def test_victims_table_has_the_documented_columns_and_offsets():
    sentences = _sentences("It was a quiet street.", "A 30-year-old man was fatally shot on Main Street.")
    text = " ".join(sentences["text"])
    victims = extract_victims(sentences, None)
    assert list(victims.columns) == schema.columns("victims")
    row = victims.iloc[0]
    assert text[row["start"]:row["end"]] == row["person"] == "A 30-year-old man"
    assert (row["outcome"], row["age"], row["sentence_idx"]) == ("killed", 30, 1)


def test_no_harm_no_rows():
    assert extract_victims(_sentences("The council met on Tuesday to discuss the budget."), None).empty


TOLL_CASES = [
    # (sentences, [(name, outcome), ...]): a numeral death toll names its dead among those shot or only named
    (["One man is dead after a shooting on Oak Street.", "The coroner identified the man as Andre Cole, 31."],
     [("Andre Cole", "killed")]),
    (["Two people died in the shooting.", "Mia Stone, 20, was shot in the back.", "Police arrested Joel Park, 22."],
     [("Mia Stone", "killed"), ("Joel Park", "unknown")]),
    # a numeral count of arrests does not stop a sentence from being read for names
    (["A man was shot on Elm Street.", "Police said 3 people were arrested and named the gunman as Carl Webb, 19."],
     [("", "injured"), ("", "unknown"), ("Carl Webb", "unknown")]),
    # ... but no more of them than the toll
    (["One man died early Friday.", "Rae Moss was shot in the leg.", "Leo Hart was shot in the arm."],
     [("Rae Moss", "killed"), ("Leo Hart", "unknown")]),
]


@pytest.mark.parametrize(("texts", "people"), TOLL_CASES, ids=[c[0][1][:40] for c in TOLL_CASES])
def test_a_numeral_toll_names_its_dead(texts, people):
    sentences = _sentences(*texts)
    victims = extract_victims(sentences, None, figures=extract_figures(sentences))
    assert [(r.name, r.outcome) for r in victims.itertuples()] == people


def test_a_named_person_later_in_the_article_updates_the_outcome():
    lede = ["Ivo Marsh, 44, was shot in the chest on Monday night."] + [f"Filler line number {n} says nothing."
                                                                       for n in range(16)]
    sentences = _sentences(*lede, "Marsh died of his wounds on Wednesday, the hospital said.")
    victims = extract_victims(sentences, None)
    assert [(r.name, r.outcome) for r in victims.itertuples()] == [("Ivo Marsh", "killed")]


def test_an_identification_after_the_lede_names_someone_of_the_lede():
    lede = ["A baby girl was shot and killed in her crib."] + [f"Filler line number {n} says nothing."
                                                            for n in range(16)]
    sentences = _sentences(*lede, "The mayor identified the child as 1-year-old Ada Moss.",
                           "The mayor identified the spokesman as Al Finch.")
    victims = extract_victims(sentences, None)
    assert [(r.name, r.outcome) for r in victims.itertuples()] == [("Ada Moss", "killed")]


def test_after_the_lede_only_people_the_article_names_in_full_are_read():
    lede = ["A man was hurt in a shooting on Monday."] + [f"Filler line number {n} says nothing." for n in range(16)]
    sentences = _sentences(*lede, "A woman was shot and killed nearby in 2014, and he was shot too.")
    victims = extract_victims(sentences, None)
    assert [(r.name, r.outcome) for r in victims.itertuples()] == [("", "injured")]
