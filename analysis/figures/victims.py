"""The people an article says were harmed, one by one, and the counts they add up to.

Reporters often count without numbers: "A 19-year-old man was shot and killed", "police said
Marcus Reed, 24, and Tyrone Hill, 31, died", "a teacher and three students were wounded", "the
gunman then turned the gun on himself", "a double homicide". ``extract_victims`` finds them
(table ``victims``: one row per person or group, columns in ``analysis.schema``) and
``read_people`` also turns them into rows of the ``figures`` table, which the headline choice
(``analysis.figures.ledger``) uses when the article gives no numeral count.

Rules:

1. Only the lede is read: the first ``LEDE_SENTENCES`` sentences, where an article names its own
   victims (recaps of other shootings come later), counted from the first sentence with a harm word when one of
   the first ten has one (``_story_order``: a caption, byline or editor's note before the story takes no place).
   Nor do quiet sentences (up to ``_QUIET``: no harm word, no word about people, no full name: a neighbour's
   quote, the scenery); the sentences they push out of the lede are read as the lede's for the names they give,
   which are in the victims table but not in the counts. Of those, only sentences with a harm word
   (regex prefilter), without a figure the ledger reads as an earlier event (``background``: a
   recap names its own people), and without a numeral figure of every category the words speak of
   (unless they name someone with an age: "Ann Lee, 35, and Bo Diaz, 29, were the two killed") are
   parsed (``analysis.figures.parse``: tagger and parser, once per process, in batches). A sentence whose only
   harm words are a numeral count of the hurt is still read for the names it gives ("Officer Jon Ray suffered
   three gunshot wounds"), and for nothing else; so is one with an identification and a full name ("Police identified
   the two men killed as Ray Cole and Tom Bell").
2. A harm predicate and its people: the passive subject or the object of "killed", "murdered",
   "shot", "wounded", and of "struck"/"hit" in a sentence about a gun ("the bullet struck his son") or
   in a part of the body ("Ada was struck in the head") ("X was shot and killed": a conjoined verb shares its subject; "shot and
   killed X"; but "the girl shot and killed Tuesday", with no object, is a reduced passive); the
   subject of "died", "passed away", "succumbed" and of "dead" ("is dead", "was found dead",
   "was pronounced dead", "shot dead"); "the death / killing / fatal shooting of X", "X's death",
   "the body of X" (killed), "the homicide victim" (killed), "the shooting victim" (shot);
   the noun a participle or relative clause hangs on ("a man killed Saturday", "a woman who was
   shot", "Jon Reed, 51, who was shot and killed"). Either side of "is"/"was" names the people the
   other side describes ("Ann Lee and Bo Diaz were the two people killed", "the man who shot him is
   Carl Webb": the names take that outcome and role), so do the names after an inverted verb ("Killed were X and Y",
   "Also wounded was X", "Among the dead were X and Y"), and so does a name in apposition ("Tia Long,
   the woman killed by police"); "X was killed along with Y" harms both;
   names of one family with ages are as many people though surnames match ("Rosa Feld, 61, Dana Feld, 25"); "all
   dead" after a list names the list; "a couple" is two; a "they" in a clause of a list's sentence ("A father and his
   son were flown to a trauma center, where they died") stands for the list. Negated, hypothetical or
   attempted predicates ("was not hurt", "threatened to kill", "could have killed", "will die",
   "was going to die") name nobody. Where the small parser hangs the people on the wrong word:
   "According to the coroner, Ann Lee and Bo Diaz were pronounced dead" (the names hung on the
   source), "Police said Ann Lee was found dead" (made the object of "said"), "X was in stable
   condition after being shot" (the subject of the clause "after" qualifies), "officers found Davis
   dead" ("dead" with its own subject), "the hospital, where he died" (the clause's own subject, not
   the hospital), "Al Roe, 18, of the Bronx, who is hospitalized" (Al Roe, not the Bronx), "her
   grandfather, Hal Lane," (a name right after the noun is its name), "X, 48, was the man killed"
   ("the man" hung on "said"). An adjectival harm word names its noun ("the slain teen", "accused of
   killing officer X"; not "another slain teen", a recap); "the victim of a deadly shooting" died.
   A later one of a list of the dead whose own words, before the list's verb or harm word, call them
   hurt is not dead ("left one dead and two others in critical condition": 1).
3. Outcome: killed for killing, dying, dead, "fatally shot"; injured for wounded, injured, hurt and
   for "shot" with a stated survivable condition in the sentence ("in stable condition") or in a sentence
   of its own ("He is in stable condition", "was treated and released", "is expected to survive": the
   person it is about, ``analysis.figures.conditions``; such sentences are parsed too); else
   unknown ("was shot"). The shooter's own death ("turned the gun on himself", "killed himself", "before
   killing himself", "turning the gun on himself", "killed his two sons and himself", "took his life",
   "self-inflicted") is a killed person with role shooter, counted with his victims in the sentence that
   tells both ("shot and killed his wife before killing himself": 2): the nearest subject before
   the words of a verb they hang on, not a reporting verb's ("..., Sheriff Al Dunn said"), whatever
   the noun ("a farmer ended his life"), a he/she there being the nearest name before it; one who
   "shot himself" is the shooter with the outcome unknown. "mortally wounded" is killed. In an article that reports
   a death, a named victim shot with no outcome stated is injured in the ``victims`` table when a sentence with their
   surname and no word of death tells them alive ("is recovering", "was released from a local hospital"), or an
   identification names them in a group the sentence next to it tells alive ("... identified as X, Y and Z. All three
   are in fair condition"; "They were identified as X and Y" after "Two others are expected to survive"), or when
   the people said to be killed are all named and as many as the lede's numeral death toll
   (``analysis.figures.survivors``; the counts are unchanged).
4. A person: a proper name (tagged NNP, with its compounds: "Marcus Reed"), a person noun from
   ``data/people_lexicon.json`` ("man", "teen", "officer", "victim"), an age used as a noun ("a
   17-year-old was shot"), counted by its number
   ("three students" counts 3; a plural without a number counts nobody), or he/she. Coordinated
   people count each, also in a list of full names the parser nests as an apposition with a conjunct ("Ray Cole,
   Tom Bell and Al Diaz were pronounced dead": three; ``clause_subjects.listed_people``). Age from
   "19-year-old", "Reed, 24," or "aged 24"; role from the nouns (gunman/suspect: shooter; officer/deputy:
   officer; bystander). A family listed as appositions names each
   one after its family word ("Al, his wife Mia Lee, 30, daughter Ada, 12, son Bo": four). Names are read by
   ``analysis.figures.person_names`` (nicknames in quotes dropped: 'Jo "JoJo" Lee' is Jo Lee; ranks dropped, no datelines or "a Good
   Samaritan"); soft hyphens inside words are taken out before parsing.
5. The same person across sentences is one (``analysis.figures.same_person``: names by surname, descriptions and
   he/she, identifications of an unnamed group, the dead of a small numeral toll).
6. Counts (``analysis.figures.people_counts``): per category, the larger of the distinct named people and the most
   distinct people any one sentence gives; "double homicide", "murder-suicide", "triple shooting" as ``compound``.
7. Shooters and the wounded without a harm verb, named only: the object of an arrest ("police
   arrested Carl Hensley", "took X into custody", "searching for X"), the subject of "fired" or
   "opened fire", the one who held a gun that then fired ("X was cleaning his rifle when it discharged", "As X was
   showing Y the pistol, it fired"; not two who handled it together) (also an officer told of without a name: "when a deputy opened fire", whom a later "Deputy X"
   names), "gunfire from X", "the suspect is X", "identified the gunman as X" (the role of
   the identified noun, or of the noun after "one of": "identified one of the suspects as X"; and the outcome of
   its clause: "identified the men who were killed as X and Y"; "the victims" were shot, the outcome not stated:
   "identified the victims (one of the victims) as X and Y"; the name takes the place of the one described, also in
   "the shooter, later identified as X," and "identified by State Police as X", and where the parser hangs "as" on
   the last noun or participle of the words that describe them, "identified the victim in Sunday's shooting as X";
   not "identified the parents as X and Y", the family),
   "the victim, X" and "victim X", "X, the suspect,", the
   subject of "faces charges", "turned himself in" and "is being held" (in jail, custody, without bond);
   "named a suspect (in this case): X", the name after the colon; "the victims were X and Y" (also "those victims",
   "the other victims", "were: X, 11; Y, 9"; no outcome of its own: ``name_mentions.listed_victims``); "The shooter, X, fled" (both parsed as subjects); "X was the officer
   involved", "X is the suspect" (the role of the noun after "is"/"was"); someone "found" in a sentence that speaks of
   a gunshot wound was shot, and so was someone who "had gunshot wounds", "was suffering from" or
   "is recovering from" wounds or "sustained" them in a stated condition; a full name with an age, the
   subject of a verb other than a reporting one ("Jamal Heath, 26, was lying in the street"), names someone
   the article names so, or else its one unnamed victim told of in the two sentences before (and adds no
   one; read after all other mentions); a name "in critical condition"
   ("X remains in serious condition", "was listed in stable condition") was hurt; "Officer X" in a parsed
   sentence names the officer the article describes without a name, and adds nobody (not one who
   speaks: "Sgt. X said", "Sgt. X, a spokeswoman"); "found X shot (to death)"
   makes X the one shot, though the parser makes X the subject of "shot". The one mourned was killed: "a vigil for
   X", "the funeral of X", "in memory of X". A he/she arrested ("deputies found X, 43, in the basement and arrested
   him") is the nearest name before it that is a subject or object, not a place ("X, of Camp Hill, was arrested
   ... charging him"). A description with "the/his/her/their" and a full name in apposition ("Her uncle, Luke
   Ames, lives at the home") names the one person the article described with that noun before ("her uncle shot
   her"), whatever the verb, or no one (not a relative who speaks: "His aunt, Rosa Vega, said ..."); "Officer X"
   is read in any sentence of the lede. Someone who "suffered" or "sustained" a gunshot wound was injured unless a
   death is told; "X was 13 when he ..." is another event; "shot up a car" harms no one; "an accidental,
   self-inflicted gunshot wound" is no suicide (the shooter shot, outcome not stated). A full name whose family or
   friends grieve ("X's friends held a vigil near where the nurse was killed", "X's family mourned her death") names
   the one unnamed person that sentence says was killed, or else the one unnamed victim of the two sentences before
   (it adds no one); the named subjects of "responsible for" a shooting or killing are shooters; "John Doe" is no
   name; "Suspect X" opening a sentence is X, a shooter (``person_names``). A lone surname or first name
   ("Waldron was shot", "Autumn was struck") is a person when the article gives the full name anywhere
   (``name_patterns.index_full_names``: the one full name with that surname, or that first name; without a title
   before it, "Mayor Al Roe" is Al Roe), whether or not that sentence speaks of harm, or when the words introduce it
   as someone's: an age ("Ada, 12,") or a family word ("son Bo"; "shot his wife Ruth", where the parser makes the
   family word the head). Names are written in any Latin alphabet, with inner capitals, apostrophes or hyphens
   ("Ana Peña", "Da'Vante O'Neal", "Ruiz-Soto": ``name_patterns``).

8. After the lede (up to ``LATE_SENTENCES``), sentences with a harm word and the surname of someone
   the article names in full are read for named people only: they update the outcome of someone
   already named ("Davidson died of his injuries" in a later update) and add people to the
   ``victims`` table, but not to the counts. So are sentences with "identified": the name an
   identification gives ("the mayor identified the child as Ada Moss") names someone of the lede
   (rule 5), and adds no one. So are sentences where someone is arrested, charged, booked, in custody, wanted or at
   large: the full names they give as shooters (rule 7) are shooters named late ("Police arrested Nico Barr on
   Monday" in the 20th sentence), never someone the article harmed, and not in a sentence about another case
   (convicted, sentenced, pleaded, indicted, or dated by a year: "In 2012, X was arrested").

Known misses: people only in the title (the title's counts are ``analysis.figures.titles``); people
after the lede described without a name; "the victims" without a number;
pronouns resolve by sex, nearness and clause, not by sense ("a man shot his neighbour before he died": the
man); a name in another clause ("police identified him as John Smith") is not joined
to its person; an article about a trial that names the victim of an old shooting counts them like
news of the day; people named without a harm word or an age ("X was lying by the road"; "Officer X was
placed on leave" where the article never describes the officer who fired; "his passenger, X" hit by a
bullet named only in the sentence before); a first name alone
that two full names share; a past shooting dated by a year alone ("Carlos, then 18, was killed
after Thanksgiving 1995") names its victim as of the day; lists the parser cannot read
(semicolons); a "Victim" or "Suspect" capitalised inside a sentence is taken for a headline and
read for nobody.
"""

from __future__ import annotations

import re

import pandas as pd

from analysis import schema
from analysis.figures.parse import parse
from analysis.figures.name_patterns import (DESCRIBED_NAME, NAME_AGE, NAMED_IS, TWO_CAPITALS, index_full_names, plain,
                                            read_capitals)
from analysis.figures.people_counts import compounds, counts
from analysis.figures.same_person import article_people, small_tolls, the_dead
from analysis.figures.survivors import alive_together, survivors, the_wounded
from analysis.figures.unborn import only_unborn_dead
from analysis.figures.victim_mentions import Mention, people_lexicon, sentence_mentions

__all__ = ["extract_victims", "read_people", "people_lexicon", "LEDE_SENTENCES"]

LEDE_SENTENCES = 15
LATE_SENTENCES = 40
_PREAMBLE = 10  # the story starts by the tenth sentence, or at the first
_QUIET = 10  # quiet sentences (quotes, scenery) that take no place in the lede
_KILLING = (r"kill|dead|die[sd]?\b|dying|death|fatal|murder|slain|slay|homicide|succumb|suicide|own life|"
            r"passe[sd] away|(?:took|taking|ended|ending) (?:his|her) life")
_KILL_WORDS = re.compile(rf"\b(?:{_KILLING})", re.I)
_HARM = re.compile(rf"\b(?:{_KILLING}|shot|shoot|wound|injur|hurt|gunned|himself|herself)", re.I)
# "a teacher and three students": one person listed with a numeral count, which alone would undercount
# a list that holds a numeral count, parsed though the count is the ledger's: "a teacher and three students died",
# "a man and his two sons", "found him and his two sons dead" (the gunman as a pronoun: three dead)
_LISTED = re.compile(r"\b(?:(?:a|an|one)\s+[\w-]+(?:\s[\w-]+)?|(?:him|her)(?:self)?)\s+and\s+(?:(?:his|her|their)\s+)?"
                     r"(?:two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\b", re.I)
_PEOPLE_WORDS = re.compile(r"\b(?:identif|condition\b|charged|arrested|accused|suspect|booked|wanted|detained|apprehended|"
                           r"custody|held|officers? involved|"
                           r"fired|discharged|went off|opened fire|gunfire|shooter|gunman|struck|striking|searching for|"
                           r"looking for|bod(?:y|ies) of|victim|charges|facing|faces|turned (?:him|her)self in|"
                           r"vigil|funeral|memorial|memory of)", re.I)

_IDENTIFIES = re.compile(r"\bidentifi(?:ed|es|y)\b", re.I)
# after the lede: an identification, or the shooter arrested, charged or sought ("Police arrested X on Monday"), but
# not in another case, nor dated by a year ("In May 2011, X pleaded guilty", "X was convicted of murder")
_LATE_SUSPECT = re.compile(r"\b(?:arrested|charged|custody|booked|warrant|wanted|at large)\b", re.I)
_LATE_WORDS = re.compile(rf"\bidentif|{_LATE_SUSPECT.pattern}", re.I)
_PAST_CASE = re.compile(r"\b(?:convicted|sentenced|pleaded|pled|indicted|acquitted|(?:19|20)\d\d)\b", re.I)


def _candidates(sentences: pd.DataFrame, figures: pd.DataFrame | None, lede: int) -> pd.DataFrame:
    lede_rows = sentences[sentences["story_idx"] < lede]
    text = plain(lede_rows["text"])
    names_only = pd.Series(False, index=lede_rows.index)
    harm, name_age = text.str.contains(_HARM), text.str.contains(NAME_AGE)
    keep = harm | name_age  # "She is in stable condition", "X, 26, was lying in the street"
    for pattern in (_PEOPLE_WORDS, NAMED_IS, people_lexicon()["condition_re"], DESCRIBED_NAME):
        keep |= _contains(text, pattern, ~keep)
    if figures is not None and not figures.empty:  # a numeral count of every category the words speak of
        numeral = figures[figures["rule"].isin(["numeral", ""]) & figures["status"].eq("current")]
        killed = set(zip(numeral.loc[numeral["category"] == "killed", "article_id"],
                         numeral.loc[numeral["category"] == "killed", "sentence_idx"].astype(int)))
        harm_count = numeral["category"].isin(["injured", "hospitalized", "shot"])
        hurt = set(zip(numeral.loc[harm_count, "article_id"], numeral.loc[harm_count, "sentence_idx"].astype(int)))
        # "Police arrested two men": a numeral count of another kind; read still when the sentence may name someone
        other = numeral[~harm_count & numeral["category"].ne("killed")]
        other = set(zip(other["article_id"], other["sentence_idx"].astype(int)))
        keys = list(zip(lede_rows["article_id"], lede_rows["idx"].astype(int)))
        has_killed = pd.Series([k in killed for k in keys], index=lede_rows.index, dtype=bool)
        has_hurt = pd.Series([k in hurt for k in keys], index=lede_rows.index, dtype=bool)
        has_other = pd.Series([k in other for k in keys], index=lede_rows.index, dtype=bool)
        # the words below matter only beside a numeral count: searched there alone
        kill_words = _contains(text, _KILL_WORDS, has_hurt | has_other)
        two_capitals = _contains(text, TWO_CAPITALS, (has_hurt | has_other) & ~kill_words)
        keep &= ~(has_killed & (has_hurt | ~_contains(text, r"\b(?:shot|wound|injur|hurt)", has_killed,
                                                                         case=False)))
        # "Officer Jon Ray suffered three gunshot wounds": a numeral count of the hurt, read for the names it gives
        names_only = has_hurt & ~kill_words & two_capitals
        keep &= ~(has_hurt & ~kill_words & ~names_only)
        keep &= ~(has_other & ~kill_words & ~two_capitals)
        listed = _contains(text, _LISTED, harm) | name_age
        keep |= listed  # "Ann Lee, 35, and Bo Diaz, 29, were the two people killed": a count that names its people
        names_only &= ~listed
        # "Police identified the two men killed as Ray Cole and Tom Bell": the count is the ledger's, the names ours
        identified = text.str.contains(_IDENTIFIES) & text.str.contains(TWO_CAPITALS) & ~keep
        keep |= identified
        names_only |= identified
        earlier = figures[figures["status"].eq("background")]  # a recap of another shooting names its people
        earlier = set(zip(earlier["article_id"], earlier["sentence_idx"].astype(int)))
        keep &= ~pd.Series([k in earlier for k in keys], index=lede_rows.index, dtype=bool)
    return lede_rows[keep].assign(names_only=names_only[keep])


def _contains(text: pd.Series, pattern: re.Pattern | str, rows: pd.Series, *, case: bool = True) -> pd.Series:
    """``text.str.contains(pattern)`` in ``rows``, False elsewhere: a pattern searched only where its answer can change
    the choice (most of these patterns run in Python's ``re``, one sentence at a time)."""
    found = pd.Series(False, index=text.index, dtype=bool)
    rows = rows.to_numpy(dtype=bool)
    if rows.any():
        found[rows] = text[rows].str.contains(pattern, case=case).to_numpy(dtype=bool)
    return found


def extract_victims(sentences: pd.DataFrame, articles: pd.DataFrame | None = None, *,
                    figures: pd.DataFrame | None = None, lede: int = LEDE_SENTENCES) -> pd.DataFrame:
    """The people each article says were harmed: the ``victims`` table of ``read_people``."""
    del articles
    return read_people(sentences, figures=figures, lede=lede)[0]


def read_people(sentences: pd.DataFrame, *, figures: pd.DataFrame | None = None,
                lede: int = LEDE_SENTENCES) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The people each article says were harmed, and the counts they add up to.

    Args:
        sentences: the sentences table.
        figures: the numeral figures; sentences whose harm words all have a numeral count are not parsed.
        lede: how many leading sentences of each article are read.

    Returns:
        ``(victims, figures)``: the ``victims`` table (article_id, person, name, age, outcome, role,
        count, sentence_idx, sentence, start, end: one row per person or counted group, offsets of
        the words naming them in the article text) and rows of the ``figures`` table with rule
        ``individuals``, ``enumeration`` or ``compound`` (rules 6 of the module docstring).
    """
    if sentences is None or sentences.empty:
        return schema.empty_table("victims"), schema.empty_table("figures")
    # "identified as JOHN SMITH": names in capitals read in title case; the rows cite the sentence as written
    sentences = _story_order(sentences).assign(written=sentences["text"], text=read_capitals(sentences["text"]))
    # the lede's places counted without quiet sentences: those that they push out of it are read for names only
    chosen = _candidates(sentences.assign(told_idx=sentences["story_idx"], story_idx=sentences["named_idx"]),
                         figures, lede)
    full_names, first_names = index_full_names(sentences[sentences["article_id"].isin(set(chosen["article_id"]))])
    late = _late_candidates(sentences.assign(told_idx=sentences["story_idx"]), figures, full_names, lede)
    chosen = pd.concat([chosen, late]).drop_duplicates(["article_id", "idx"]).sort_values(
        ["article_id", "idx"], kind="stable")
    texts = chosen["text"].astype(str).tolist()
    written = chosen["written"].astype(str).tolist()
    where: dict[tuple[str, int], tuple[str, int]] = {}
    by_article: dict[str, list[Mention]] = {}
    names_only = chosen["names_only"].eq(True).tolist()  # late sentences have none
    for article_id, idx, text, as_written, start, tokens, only, story, told in zip(
            chosen["article_id"], chosen["idx"], texts, written, chosen["start"], parse(texts), names_only,
            chosen["story_idx"], chosen["told_idx"]):
        where[(str(article_id), int(idx))] = (as_written, int(start))
        found = sentence_mentions(tokens, text, sentence_idx=int(idx))
        if only:  # a sentence with a numeral count of the hurt: its named people only (the count is the ledger's)
            found = [m for m in found if m.kind == "name"]
        if told >= lede > story:  # in the lede but for the quiet sentences before it: named people, not counted,
            # never a shooter of another case, and someone told of without harm only names someone the article has
            found = [m for m in found if m.kind == "name" and not (
                m.role == "shooter" and not m.outcome and _PAST_CASE.search(text))]
            for m in found:
                m.late, m.lends = True, m.lends or not (m.outcome or m.role == "shooter")
        elif story >= lede:  # after the lede, only named people the article has named in full, and the names an
            # identification gives to someone of the lede ("identified the girl as X": ``Mention.lends``)
            sought = bool(_LATE_SUSPECT.search(text)) and not _PAST_CASE.search(text)  # "Police arrested X Monday"
            found = [m for m in found if m.kind == "name" and (m.outcome or m.identified or (
                m.role == "shooter" and sought))]
            for m in found:
                m.late, m.lends = True, m.lends or not (m.outcome or m.role == "shooter")
        by_article.setdefault(str(article_id), []).extend(found)
    rows, counted = [], []
    deaths = set()  # articles with a numeral death toll
    tolls: dict[str, int] = {}
    if figures is not None and not figures.empty:
        deaths = set(figures.loc[figures["category"].eq("killed") & figures["status"].eq("current"), "article_id"])
        lede_keys = set(zip(sentences.loc[sentences["named_idx"] < lede, "article_id"],
                            sentences.loc[sentences["named_idx"] < lede, "idx"].astype(int)))
        tolls = small_tolls(figures, lede_keys)
    texts_of = None  # the article's sentences, for the survivors of an article that reports a death
    for article_id, mentions in by_article.items():
        people = article_people(mentions, full_names.get(article_id, {}), first_names.get(article_id, {}))
        if any(p.outcome == "killed" and not only_unborn_dead(p.mentions) for p in people):
            deaths.add(article_id)
        dead = the_dead(people, tolls.get(article_id, 0))
        wounded = the_wounded(people, tolls.get(article_id, 0))
        if any(p.outcome in ("", "unknown") and p.name for p in people):
            if texts_of is None:
                texts_of = sentences.groupby("article_id")["text"].apply(list).to_dict()
            if article_id in deaths:
                wounded += survivors(people, texts_of.get(article_id, []), people_lexicon()["survival_re"])
            wounded += alive_together(people, texts_of.get(article_id, []))  # "... identified as X, Y. All three
            # are in fair condition", "The victims were X and Y. Both were released"
        for person in people:
            cited = next((m for m in person.mentions if m.outcome == person.outcome and m.kind != "pronoun"),
                         next((m for m in person.mentions if m.kind != "pronoun"), person.mentions[0]))
            named = next((m for m in person.mentions if m.kind == "name"), cited)
            sentence, offset = where[(article_id, cited.sentence_idx)]
            outcome = {"": "unknown", "unknown": "unknown" if article_id in deaths else "injured"}.get(
                person.outcome, person.outcome) if not any(p is person for p in dead) else "killed"
            # told alive in words beats the toll's arithmetic: "X is out of the hospital" is not among the dead
            outcome = "injured" if any(p is person for p in wounded) else outcome
            rows.append({"article_id": article_id, "person": named.text or cited.text, "name": person.name,
                         "age": person.age, "outcome": outcome, "role": person.role, "count": person.count,
                         "sentence_idx": cited.sentence_idx, "sentence": sentence,
                         "start": offset + cited.start, "end": offset + cited.end})
        counted += counts(article_id, people, where, deaths=article_id in deaths)
    counted += compounds(sentences[sentences["story_idx"] < lede])
    victims = _typed(pd.DataFrame(rows)) if rows else schema.empty_table("victims")
    people_rows = schema.conform(pd.DataFrame(counted), "figures") if counted else schema.empty_table("figures")
    return victims, people_rows


def _story_order(sentences: pd.DataFrame) -> pd.DataFrame:
    """The sentences with ``story_idx``: their place counted from the article's first sentence with a harm word (at
    most the tenth), so that a preamble (a caption, a byline, an editor's note, a line about something else) does not
    take the lede's places: "Photo by Ann Lee. Posted 5:30 p.m. A man was shot ..." has its lede from "A man"."""
    by_article = sentences.groupby("article_id")["idx"]
    opening = by_article.transform("min")
    text = plain(sentences["text"])
    harm_words = text.str.contains(_HARM)
    harm = harm_words & (sentences["idx"] < opening + _PREAMBLE)
    first = sentences["idx"].where(harm).groupby(sentences["article_id"]).transform("min").fillna(opening)
    story = sentences["idx"] - (first - opening).astype(int)
    # "'We never thought it could happen here,' a neighbour said.": a quiet sentence (no harm word, no word about
    # people, no full name) takes no place of the lede either, up to _QUIET of them
    quiet = (story >= opening) & ~harm_words
    quiet &= ~_contains(text, _PEOPLE_WORDS, quiet)
    quiet &= ~_contains(text, TWO_CAPITALS, quiet)
    before = quiet.astype(int).groupby(sentences["article_id"]).cumsum() - quiet.astype(int)
    return sentences.assign(story_idx=story, named_idx=story - before.clip(upper=_QUIET))


def _late_candidates(sentences: pd.DataFrame, figures: pd.DataFrame | None, full_names: dict[str, dict[str, str]],
                     lede: int) -> pd.DataFrame:
    """Sentences after the lede (up to ``LATE_SENTENCES``) with a harm word and the surname of someone the article
    names in full: "Davidson died of his injuries on Tuesday night" in an update further down."""
    rows = sentences[(sentences["story_idx"] >= lede) & (sentences["story_idx"] < LATE_SENTENCES) &
                     sentences["article_id"].astype(str).isin(full_names.keys())]
    text = plain(rows["text"])
    harm = text.str.contains(_HARM)
    rows = rows[harm | _contains(text, _LATE_WORDS, ~harm)]
    keep = [any(name in text for name in full_names[str(aid)]) for aid, text in
            zip(rows["article_id"], plain(rows["text"]).str.lower())]
    rows = rows[pd.Series(keep, index=rows.index, dtype=bool)]
    if figures is not None and not figures.empty and not rows.empty:  # not a recap of another shooting
        earlier = figures[figures["status"].eq("background")]
        earlier = set(zip(earlier["article_id"], earlier["sentence_idx"].astype(int)))
        rows = rows[[k not in earlier for k in zip(rows["article_id"], rows["idx"].astype(int))]]
    return rows



def _typed(frame: pd.DataFrame) -> pd.DataFrame:
    out = schema.conform(frame, "victims")
    for column in ("age", "count", "sentence_idx", "start", "end"):
        out[column] = pd.array(out[column].astype("object").where(out[column].notna(), None), dtype="Int64")
    for column in ("article_id", "person", "name", "outcome", "role", "sentence"):
        out[column] = out[column].astype("object").where(out[column].notna(), "")
    return out.reset_index(drop=True)


def people_table(victims: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """The victims table for reading: person_id (article_id:start), source, title, person, name, age, outcome,
    role, sentence, before, words, after (the sentence cut around the words naming the person), in article
    order."""
    columns = ["person_id", "article_id", "source", "title", "person", "name", "age", "outcome", "role", "sentence",
               "before", "words", "after"]
    if victims is None or victims.empty:
        return pd.DataFrame(columns=columns)
    rows = victims.merge(articles[["article_id", "source", "title"]], on="article_id", how="inner")
    offsets = [str(s).find(str(p)) for s, p in zip(rows["sentence"], rows["person"])]
    cut = [(s[:o], s[o:o + len(p)], s[o + len(p):]) if o >= 0 else (s, "", "")
           for s, p, o in zip(rows["sentence"].astype(str), rows["person"].astype(str), offsets)]
    rows = rows.assign(person_id=rows["article_id"].astype(str) + ":" + rows["start"].astype(str),
                       before=[c[0] for c in cut], words=[c[1] for c in cut], after=[c[2] for c in cut])
    rows = rows.sort_values(["source", "article_id", "start"], kind="stable")
    return rows[columns].reset_index(drop=True)


def people_of_articles(people: pd.DataFrame, article_ids: pd.Series | list[str]) -> pd.DataFrame:
    """``people_table(victims, articles)`` of the articles ``article_ids``, from the whole corpus's
    ``people_table``: its rows about those articles, in the same order, on a fresh index (a filter change
    then cuts no sentence again)."""
    return people[people["article_id"].isin(list(article_ids)).to_numpy(dtype=bool)].reset_index(drop=True)
