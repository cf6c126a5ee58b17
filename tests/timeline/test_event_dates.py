"""Event dates resolved from the article's words relative to its publication date.

Each table is one rule of ``analysis.timeline.event_dates`` (see its module docstring), written as
(text, publication date, expected event date, the words it was read from). The sentences are
invented, in the style of local crime and disaster reporting.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from analysis.timeline.event_dates import add_event_dates, reference_date, resolve_event_date

D = dt.date

# Rule 1: the expressions, and how each counts from the publication date.
EXPRESSIONS = [
    ("The explosion ripped through the market late last night, officials said.", "2023-06-10", D(2023, 6, 9),
     "late last night"),
    ("A bus crashed into a ravine yesterday, killing 14.", "2022-11-03", D(2022, 11, 2), "yesterday"),
    ("The fire broke out yesterday evening in a warehouse.", "2022-11-03", D(2022, 11, 2), "yesterday evening"),
    ("Rescuers say the dam collapsed the day before yesterday.", "2021-07-20", D(2021, 7, 18),
     "the day before yesterday"),
    ("The quake struck early this morning off the coast.", "2023-02-06", D(2023, 2, 6), "this morning"),
    ("Gunmen stormed the hotel two days ago and are still inside.", "2019-04-05", D(2019, 4, 3), "two days ago"),
    ("The ferry sank 3 days ago near the island.", "2019-04-05", None, ""),  # "sank" is not a cue word
    ("The ferry disaster happened 3 days ago near the island.", "2019-04-05", D(2019, 4, 2), "3 days ago"),
    # weekdays: 2024-03-24 is a Sunday
    ("The attack took place on Friday during a concert.", "2024-03-24", D(2024, 3, 22), "on Friday"),
    ("The tragic event unfolded on a quiet spring Friday.", "2024-03-24", D(2024, 3, 22), "on a quiet spring Friday"),
    ("The stabbing happened Saturday night outside a bar.", "2024-03-24", D(2024, 3, 23), "Saturday night"),
    ("The shooting happened on Sunday.", "2024-03-24", D(2024, 3, 24), "on Sunday"),
    ("The shooting happened last Sunday.", "2024-03-24", D(2024, 3, 17), "last Sunday"),
    ("Two men were wounded in a shooting early Sunday.", "2024-03-24", D(2024, 3, 24), "Sunday"),
    # absolute dates, with and without a year
    ("The earthquake struck on March 22 at dawn.", "2024-03-25", D(2024, 3, 22), "on March 22"),
    ("The earthquake struck on 22 March.", "2024-03-25", D(2024, 3, 22), "on 22 March"),
    ("The blast occurred on Dec. 30 in the port.", "2024-01-04", D(2023, 12, 30), "on Dec. 30"),
    ("The bombing happened on June 3, 2017, in the city centre.", None, D(2017, 6, 3), "on June 3, 2017"),
    ("The raid took place on the 4th of July.", "2023-07-06", D(2023, 7, 4), "on the 4th of July"),
    ("The raid took place on the 4th.", "2023-07-06", None, ""),  # no month: a known miss
    # a weekday with a date is one expression, and the two must agree
    ("A woman was shot Saturday, Feb. 6 outside a grocery store.", "2016-02-08", D(2016, 2, 6),
     "Saturday, Feb. 6"),
    ("A woman was stabbed Sunday, Jan. 10, 2016, behind a laundromat.", None, D(2016, 1, 10),
     "Sunday, Jan. 10, 2016"),
    ("Officers were shot on Thursday, July 8, 2016, during the march.", None, None, ""),  # July 8 was a Friday
    ("The deputy was shot shortly after midnight Saturday (Dec. 5).", "2015-12-07", D(2015, 12, 5),
     "Saturday (Dec. 5"),
    # not resolved: they straddle midnight, or name no day
    ("The train derailed overnight near the border.", "2018-01-09", None, ""),
    ("Two people were shot in the early hours near the stadium.", "2018-01-09", None, ""),
    ("The flooding began last week after days of rain.", "2020-09-15", None, ""),
]

# Rule 1: holidays that name a day (analysis/data/holidays.csv), in the counting date's year or the one before.
HOLIDAY_CASES = [
    ("A teenager was shot on New Year's Eve outside a pizza place.", "2017-01-03", D(2016, 12, 31),
     "on New Year's Eve"),
    ("A reward is offered in the Fourth of July shooting near the lake.", "2016-09-20", D(2016, 7, 4),
     "Fourth of July"),
    ("Two cousins were shot on Christmas Eve in their grandmother\u2019s kitchen.", "2016-12-26", D(2016, 12, 24),
     "on Christmas Eve"),
    ("Two brothers were wounded on Father\u2019s Day at a cookout.", "2015-06-23", D(2015, 6, 21),
     "on Father\u2019s Day"),  # June 21, 2015 was the third Sunday of June
    ("A Martin Luther King Jr. Day parade ended in gunfire near the park.", "2017-01-17", D(2017, 1, 16),
     "Martin Luther King Jr. Day"),
    ("Two shoppers were wounded in a Black Friday shooting at the mall.", "2016-11-28", D(2016, 11, 25),
     "Black Friday"),
    ("His brother was shot dead on Thanksgiving 1998 at a bus stop.", "2013-01-27", D(1998, 11, 26),
     "on Thanksgiving 1998"),
    # a stretch of days, a party that may run past midnight, a day to come, part of a compound: not read
    ("Six people were shot over the Labor Day weekend.", "2016-09-07", None, ""),
    ("The New Year's Eve party ended when two guests were shot.", "2017-01-02", None, ""),
    ("A man was shot on Halloween.", "2016-10-10", None, ""),
    ("Police named the victim of the day-after-Christmas shooting.", "2016-12-29", None, ""),
]

# Rule 1, last resort: a morning hour with no day near it is the counting day.
HOURS = [
    ("Two men were shot outside a bowling alley at about 1 a.m., police said.", "2019-05-04", D(2019, 5, 4),
     "at about 1 a.m."),
    ("Deputies said the shooting happened just before 3:40 a.m. near the lake.", "2019-05-04", D(2019, 5, 4),
     "just before 3:40 a.m."),
    ("A caller reported the gunfire around 5:50am from the third floor.", "2019-05-04", D(2019, 5, 4),
     "around 5:50am"),
    # a day named beside the hour is the date; any other date of the event wins over an hour
    ("The clerk was shot at about 2 a.m. Saturday behind the counter.", "2019-05-06", D(2019, 5, 4), "Saturday"),
    ("Shots were fired at 4 a.m. A second man was wounded on Friday night.", "2019-05-06", D(2019, 5, 3),
     "on Friday night"),
    # an evening hour may be the evening before: not read; nor an hour of a later act
    ("Officers found the wounded man at about 9:30 p.m. on the porch.", "2019-05-04", None, ""),
    ("The suspect was arrested at about 6 a.m. at his mother's house.", "2019-05-04", None, ""),
]

# Rule 2: relative dates count from the page's own stamp when it is earlier than the publication
# date, or when the article has no publication date.
STAMPS = [
    ("Teen wounded in park shooting Posted: Sunday, March 8, 2015 9:12 AM EST Updated: Tuesday, March 24, 2015\n\n"
     "A 16-year-old was shot in the leg early Sunday at a city park.", "2015-03-25", D(2015, 3, 8), "Sunday"),
    ("Updated: Feb 3, 2016 - 6:10 PM\n\nA man was shot twice Tuesday night outside a corner store.", None,
     D(2016, 2, 2), "Tuesday night"),
    ("A man was shot twice Tuesday night outside a corner store.", None, None, ""),  # undated: nothing to count from
    # the stamp itself is never the event's date
    ("Woman hurt on Birch Lane Posted: Wednesday, June 8, 2016 2:42 PM EDT\n\n"
     "A woman was hurt in a shooting on June 2 on Birch Lane.", "2016-06-08", D(2016, 6, 2), "on June 2"),
]

# Rule 3: which year, and how far back.
YEARS = [
    ("It was the deadliest attack since March 11, 2004.", "2024-03-24", None, ""),  # a reference point
    ("The attack was planned for next Friday.", "2024-03-24", None, ""),  # future
    ("The attack happened yesterday.", None, None, ""),  # relative, but undated article
    ("Casualty figures may rise as March goes on.", "2024-03-24", None, ""),  # 'may', 'March' not dates
    ("The storm hit on April 30.", "2024-04-10", None, ""),  # a date to come, not last April
    ("The storm hit on April 30.", "2024-05-10", D(2024, 4, 30), "on April 30"),
    ("The storm hit on Aug. 30.", "2024-04-10", D(2023, 8, 30), "on Aug. 30"),  # last year's
    ("A gunman opened fire on Sunday, Nov. 15, outside a nightclub.", "2016-01-20", D(2015, 11, 15),
     "on Sunday, Nov. 15"),  # the weekday picks the year
    # a trial story two years on: a date that states its year is kept however old
    ("A jury convicted him Tuesday in the June 21, 2013, shooting of four people.", "2015-09-29",
     D(2013, 6, 21), "June 21, 2013"),
]

# Rule 4: whose date is it? The nearest cue word decides.
WHOSE = [
    # the event's own words
    ("A 19-year-old was shot and killed Saturday night outside a bar on Elm Street.", "2016-05-02",
     D(2016, 4, 30), "Saturday night"),
    ("The shooting happened just before 2 a.m. Sunday in the 1200 block of Elm Street.", "2016-05-02",
     D(2016, 5, 1), "Sunday"),  # "2 a.m." does not end the sentence
    ("It happened around 9 p.m. Friday at a gas station.", "2016-05-02", D(2016, 4, 29), "Friday"),
    ("Two teenagers were hurt on Thursday by stray bullets.", "2016-05-10", D(2016, 5, 5), "on Thursday"),
    ("Neighbours rushed outside late on Friday when they heard the bang.", "2016-05-10", D(2016, 5, 6),
     "late on Friday"),
    # a later act's words
    ("A man was charged Tuesday with murder in the shooting of his neighbor.", "2016-05-04", None, ""),
    ("Police arrested a suspect on Monday in the weekend shooting.", "2016-05-04", None, ""),
    ("The gunman was captured Thursday morning at a traffic stop two states away.", "2016-05-06", None, ""),
    ("Detectives interviewed the neighbours on Friday about the shooting.", "2016-05-09", None, ""),
    ("Deputies made the incident report public on Tuesday.", "2016-05-09", None, ""),
    # "fired" a person is a dismissal; "fired" a day is shots
    ("The county fired Officer Brandt on Monday over the missing rifle.", "2016-11-01", None, ""),
    ("Shots were fired Monday night outside the bar.", "2016-11-01", D(2016, 10, 31), "Monday night"),
    ("The teen was sentenced Friday for the shooting death of his cousin.", "2016-05-09", None, ""),
    ("He pleaded guilty on Wednesday to manslaughter in the shooting.", "2016-05-09", None, ""),
    ("Investigators said Sunday that the victim had been shot twice.", "2016-05-09", None, ""),
    ("A caller told the sheriff's office late Saturday that a teen had been shot.", "2016-05-09", None, ""),
    # ... but a reporting verb does not own the date at the end of the clause it reports
    ("Police said the boy was playing in his yard Sunday evening when he was hit.", "2016-05-09", D(2016, 5, 8),
     "Sunday evening"),
    # ... nor a date given to the hour: the hour tells of what happened, not of the statement
    ("The chief says at about 4:20 Sunday morning, dispatchers took a call about gunfire.", "2016-05-09",
     D(2016, 5, 8), "Sunday morning"),
    ("The chief said Sunday morning that dispatchers took a call about gunfire.", "2016-05-09", None, ""),
    ("Friends held a vigil on Monday for the two women who were killed.", "2016-05-09", None, ""),
    # a later act's word naming people or papers is no act: "a jail inmate", "court officers"
    ("A jail inmate grabbed a deputy's pistol Friday and shot a guard.", "2016-05-09", D(2016, 5, 6), "Friday"),
    ("The man was booked into jail Friday after the shooting.", "2016-05-09", None, ""),
    ("The suspect is due in court Thursday on charges from the shooting.", "2016-05-09", None, ""),
    ("Her son, who turns 7 on Saturday, was not hurt.", "2016-05-10", None, ""),
    ("The gunman, who was still at large Monday, opened fire at a party.", "2016-05-09", None, ""),
    ("A grand jury will hear the case Monday, a year after the shooting.", "2016-05-09", None, ""),
    # an event word with a time of its own gives none to a date after it: that date is a later act's
    ("A woman wounded in the shooting last week went home from the hospital on Tuesday.", "2016-05-10", None, ""),
    ("Charged in the slaying of a clerk in April, the guard walked free on Friday evening.", "2016-05-10", None, ""),
    ("A man shot at the fair in April thanked his nurses on Sunday in a long post.", "2016-05-10", None, ""),
    ("A boy was wounded Friday night and taken to a hospital in the city Saturday.", "2016-05-10", D(2016, 5, 6),
     "Friday night"),
    # ... but the same time told twice is no other time: "last month" holds April 16 in a May report
    ("A girl who died Friday was shot last month as she rode home with her parents on April 16.", "2016-05-10",
     D(2016, 4, 16), "on April 16"),
    ("A woman shot last week as she walked home on Thursday night is out of the hospital.", "2016-05-10",
     D(2016, 5, 5), "on Thursday night"),
    # the word the date qualifies
    ("Police made an arrest in Sunday's shooting on Maple Avenue.", "2016-05-10", D(2016, 5, 8), "Sunday"),
    ("Police are looking for the driver in a Thursday night drive-by shooting.", "2016-05-10", D(2016, 5, 5),
     "Thursday night"),
    ("Detectives arrested a man after Saturday's deadly east side shooting.", "2016-05-10", D(2016, 5, 7),
     "Saturday"),  # "after" is no reference point here: it names the event
    ("He was charged in the Sept. 16, 2015, shooting of a store clerk.", "2016-05-10", D(2015, 9, 16),
     "Sept. 16, 2015"),
    ("The chief gave new details about the shooting at a Friday news conference.", "2016-05-10", None, ""),
    # [subject] verbs: the subject decides
    ("The preliminary hearing began Monday in the case of the slain clerk.", "2016-05-10", None, ""),
    ("A manhunt that began Monday ended when the gunman surrendered.", "2016-05-10", None, ""),  # "that" is the hunt
    ("Police said the shooting occurred Sunday afternoon near the river.", "2016-05-10", D(2016, 5, 8),
     "Sunday afternoon"),
    # a date that opens its clause takes the word to its right
    ("Shortly after midnight Saturday, officers responded to reports of gunfire.", "2016-05-10", D(2016, 5, 7),
     "Saturday"),
    ("On Tuesday, police announced charges against the boy.", "2016-05-10", None, ""),
    # ... passing over a reporting verb: the date opens the clause it reports
    ("Late Saturday night, witnesses told police a man fired into the crowd.", "2016-05-10", D(2016, 5, 7),
     "Saturday night"),
    ("On Monday, police said they had arrested the driver.", "2016-05-10", None, ""),
    # a reporting verb right after a date: the statement's only after "on Thursday"
    ("The coroner on Friday said the two men had been shot.", "2016-03-12", None, ""),
    ("Friends of a man hurt in a robbery Sunday said he is recovering.", "2016-09-13", D(2016, 9, 11),
     "Sunday"),
    ("The bus pulled up by the market near 4:10 p.m. Thursday said deputies.", "2016-12-22", D(2016, 12, 22),
     "Thursday"),
    # a name is not a cue: "Memorial" here is a park, not a memorial service
    ("Eight people were wounded near Lincoln Memorial Park on Monday.", "2016-05-10", D(2016, 5, 9), "on Monday"),
    ("Officers were dispatched to a Pershing Court apartment at 1 a.m. Wednesday.", "2016-05-12", D(2016, 5, 11),
     "Wednesday"),
    # earlier rules that still hold: the date of an update to the count, of a statement
    ("The death toll from the flood rose to 27 on Tuesday.", "2024-03-24", None, ""),
    ("At least 19 people died in the fire, the mayor said on Sunday.", "2024-03-24", None, ""),
    ("At least 19 people died when the fire broke out on Saturday, the mayor said.", "2024-03-24", D(2024, 3, 23),
     "on Saturday"),
    ("Officials will meet on Monday to discuss aid.", "2024-03-24", None, ""),  # no cue word at all
]

# Rule 5: dates skipped outright.
SKIPPED = [
    ("The double stabbing took place two years ago this week, on Easter Sunday.", "2014-04-19", None, ""),
    ("Officers blocked the street after the shooting. pic.twitter.com/abc123 \u2014 A Reporter (@areporter) "
     "June 26, 2016", "2016-06-26", None, ""),
    ("(November 28, 2016) \u2013 A hunter was shot in the leg in a field.", "2016-11-28", None, ""),
    ("Three people have been shot in the neighborhood since Nov. 15.", "2016-12-12", None, ""),
    # a photo caption's date, then the story's: set off by a comma, or going on with the place or the station
    ("Neighbours leave flowers at the gate Saturday, May 14, 2016, in Dayton, Ohio. "
     "The gunman opened fire on Wednesday.", "2016-05-15", D(2016, 5, 11), "on Wednesday"),
    ("The defendant looks at his lawyer during the hearing, March 9, 2017 (KXYZ). Two men were shot Saturday.",
     "2017-03-09", D(2017, 3, 4), "Saturday"),
    ("Detectives walk past the taped-off house after the shooting, Monday, Oct. 3, 2016. "
     "A man was shot there Sunday night.", "2016-10-03", D(2016, 10, 2), "Sunday night"),
    # an attribution names the source, not the act: its words decide nothing, and a date inside it is the source's
    ("According to the arrest warrant, the man was inside the bar early on May 3 when a fight broke out.",
     "2016-05-20", D(2016, 5, 3), "on May 3"),
    ("According to court records filed Friday, a gun went off in the kitchen on May 3.", "2016-05-20",
     D(2016, 5, 3), "on May 3"),
    ("The driver was hit in the shoulder, according to a police statement issued Thursday.", "2016-05-20",
     None, ""),
]

# Rule 5: a relative date inside a quotation or an embedded post counts from when it was said, an unknown
# day: skipped.
QUOTED = [
    ("\u201cI saw her at church on Saturday,\u201d a neighbour said. She was shot late Sunday.",
     "2017-02-13", D(2017, 2, 12), "Sunday"),
    ('"We lost two friends today," the chief said of the deputies who were killed.', "2016-07-12",
     None, ""),
    ('"It happened on July 11," the chief said of the shooting.', "2016-07-20", D(2016, 7, 11), "on July 11"),
    # a quotation opened with a straight mark and closed with a curly one has ended
    ('"She never missed a shift,\u201d her sister said of the nurse shot Monday in the car park.', "2016-07-12",
     D(2016, 7, 11), "Monday"),
    ('"She was my rock,\u201d a neighbour said. "We miss her," her sister said of the nurse shot Monday.',
     "2016-07-12", D(2016, 7, 11), "Monday"),
    # so does an embedded post: its signature's date may be the next day in another time zone
    ("Crews are still at the scene of tonight's shooting by the river. pic.twitter.com/abc123 \u2014 A Reporter "
     "(@areporter) October 21, 2016", "2016-10-21", None, ""),
]

# Rule 6: strong dates beat weak ones; weak ones count when there is nothing better.
STRENGTH = [
    # "died" is weak: the shooting's own date wins
    ("The man died Tuesday. He had been shot on Saturday outside his home.", "2016-05-04", D(2016, 4, 30),
     "on Saturday"),
    ("A woman shot in the head last week died Thursday at the hospital.", "2016-05-06", D(2016, 5, 5), "Thursday"),
    ("The teen was pronounced dead Tuesday afternoon. Friends said he had been shot late on Monday.",
     "2016-05-11", D(2016, 5, 9), "late on Monday"),
    # among weak dates, a death comes after the others
    ("The toddler died Thursday in intensive care. An uncle was unloading a revolver in the kitchen on Tuesday "
     "when it discharged.", "2014-10-26", D(2014, 10, 21), "on Tuesday"),
    # so is a discovery: a body may be found the morning after
    ("Hikers found the body of a hunter on Wednesday. His wife said he had been shot on Tuesday morning.",
     "2016-05-12", D(2016, 5, 10), "on Tuesday morning"),
    # a scene with the event later in the sentence, or none at all
    ("The boy was playing in the yard Sunday evening when a stray bullet hit him.", "2016-05-10", D(2016, 5, 8),
     "Sunday evening"),
    ("The girl was sleeping in her bedroom on Friday night.", "2016-05-10", D(2016, 5, 6), "on Friday night"),
    ("The girl was at the pool on Tuesday evening.", "2016-05-10", D(2016, 5, 10), "on Tuesday evening"),
    ("Volunteers were at the church on Wednesday.", "2016-05-10", None, ""),  # the days after, as often
    # ... or a day given to the hour, with no cue word at all: the last resort, like a bare morning hour
    ("Near 11 p.m. Friday, cousins were playing cards on the porch.", "2016-09-21", D(2016, 9, 16), "Friday"),
    ("He drove to the store at 7 a.m. Tuesday and left the rifle on the couch.", "2016-12-13",
     D(2016, 12, 13), "Tuesday"),
    ("Her family plans to gather Friday at the church.", "2016-12-13", None, ""),  # no hour: nobody's
    ("It'll be on our Sunday morning newscast.", "2016-04-23", None, ""),  # what is to come
    ("Troopers detained the driver near a rest stop on Aug. 3.", "2016-08-10", None, ""),
    # a date found by the word to its right is less sure than one found by the word to its left
    ("Early Saturday, officers responded to the home again. The man was shot Friday night in the driveway.",
     "2016-05-09", D(2016, 5, 6), "Friday night"),
    # a stated "Monday, May 23" beats a "Monday night" counted from a publication date a week later
    ("A girl was hurt in a drive-by shooting Monday night. It happened Monday, May 23 outside her home.",
     "2016-06-01", D(2016, 5, 23), "Monday, May 23"),
    # a date after a verb in no list is weak, even with the event named further on
    ("His sister declined Thursday to discuss the shooting. The man was shot Wednesday afternoon at his home.",
     "2016-05-10", D(2016, 5, 4), "Wednesday afternoon"),
    # the first strong date in reading order: the lede over a recalled older event
    ("A landslide buried a village on Tuesday, killing at least 20. "
     "A smaller landslide hit the same valley on March 2.", "2023-03-09", D(2023, 3, 7), "on Tuesday"),
    # bullets are the event: "bullets flew Monday night"
    ("On Tuesday night, bullets tore through the front window of the house.", "2016-06-09", D(2016, 6, 7),
     "Tuesday night"),
    # "through June 30" closes a period, like "until": no event's day
    ("The county counted 40 such shootings from Jan. 1 through June 30 of this year.", "2016-10-20", None, ""),
    ("", "2024-03-24", None, ""),
]

# Rule 7: with no date at all, a report that names no day and tells of the event as still unfolding, or gives its
# afternoon hour, is a same-day brief: the day it counts from.
BRIEFS = [
    ("Police are investigating a shooting that left a man hurt on Elm Street.", "2016-05-10", D(2016, 5, 10),
     "are investigating"),
    ("A teenager is in stable condition after being shot in the arm near the library.", "2016-05-10",
     D(2016, 5, 10), "is in stable condition"),
    ("The cyclist hit by a stray round is listed in serious condition.", "2016-05-10", D(2016, 5, 10),
     "is listed in serious condition"),
    ("The gunfire was reported shortly after 2 p.m. near the bus depot. One man was hit.", "2016-05-10",
     D(2016, 5, 10), "2 p.m."),
    ("Officers arrived around noon and found a woman with a gunshot wound.", "2016-05-10", D(2016, 5, 10), "noon"),
    # a follow-up names a day, a month or another time: no brief
    ("Police are investigating a shooting that happened over the weekend.", "2016-05-10", None, ""),
    ("Police are investigating a shooting. A neighbour was arrested Tuesday.", "2016-05-10", None, ""),
    ("Police are still looking for the gunman in last month's shooting.", "2016-05-10", None, ""),
    ("A man is recovering after he was shot in January outside a bar.", "2016-05-10", None, ""),
    ("The clerk is dead after a robbery at the store last night.", "2016-05-10", D(2016, 5, 9), "last night"),
    # an evening hour may be the evening before; an undated article has no day to give
    ("Shots rang out at about 9:30 p.m. near the corner; one man was hit.", "2016-05-10", None, ""),
    ("Police are investigating a shooting that left a man hurt on Elm Street.", None, None, ""),
    # the page's own stamps and an embedded post's signed date are not days the story names, nor its hours
    ("Updated: Wednesday, March 9, 2016 @ 4:55 PM\n\nUPDATE @ 4:30 p.m.\n\nDeputies were called at about 2 p.m. "
     "after a man was hit in the leg.", "2016-03-09", D(2016, 3, 9), "2 p.m."),
    ("Police are investigating a shooting at the skate park. pic.twitter.com/abc123 \u2014 A Reporter "
     "(@areporter) May 2, 2016", "2016-05-02", D(2016, 5, 2), "are investigating"),
    # after "the second ... in less than a month", the next sentence tells of the earlier incident
    ("The shooting is the second in less than a month in which a toddler was hit. A girl, 2, was hurt Nov. 22 by "
     "shots fired into a car. The boy was shot Saturday while riding with his aunt.", "2016-12-17",
     D(2016, 12, 17), "Saturday"),
    ("A man was wounded Sunday, the third such shooting on the block within two weeks. A woman was shot there on "
     "June 3. Police have made no arrests.", "2016-06-14", D(2016, 6, 12), "Sunday"),
    ("It was the latest in a string of shootings in a week. Two brothers were hurt on Friday outside a shop.",
     "2016-06-14", None, ""),
    # "comes two days after" recalls another incident in its own clause only: the next sentence is this event's
    # again (skipping it, as after "the second in less than a month", lost more right dates than it saved)
    ("The attack comes two days after a teenager was hurt in a crash on the east side. Deputies were called to the "
     "apartment around 6:40 p.m. Tuesday.", "2016-10-13", D(2016, 10, 11), "Tuesday"),
    # an unfolding event told only far past the opening is no brief
    ("The council met to discuss the budget. " * 20 + "Police are investigating a shooting.", "2016-05-10", None, ""),
]

CASES = EXPRESSIONS + HOLIDAY_CASES + HOURS + STAMPS + YEARS + WHOSE + SKIPPED + QUOTED + STRENGTH + BRIEFS


@pytest.mark.parametrize(("text", "published", "expected", "words"), CASES)
def test_resolve_event_date(text, published, expected, words):
    assert resolve_event_date(text, published) == (expected, words)


# Some 500 words of background between the lede and a date: the council's budget, said again and again.
_FILLER = " The council met to discuss the budget for parks and roads." * 60


@pytest.mark.parametrize(("text", "expected", "words"), [
    # a calendar date far past the lede is an earlier event recalled, not the report's own
    ("Police are investigating a shooting." + _FILLER + " He also faces a charge in the June 2 shooting of a clerk.",
     None, ""),
    ("A clerk was shot on June 2." + _FILLER, D(2016, 6, 2), "on June 2"),  # in the lede it counts
    # a weekday there is still counted from the report's own day
    ("Police are investigating." + _FILLER + " The clerk was shot Sunday night.", D(2016, 6, 5), "Sunday night"),
    # ... and tells that the report is no same-day brief: a bare morning hour is not read as its day
    ("The clerk was shot at about 9 a.m. near the till." + _FILLER + " The store reopened after the June 2 shooting.",
     None, ""),
])
def test_a_calendar_date_deep_in_a_long_report_is_background(text, expected, words):
    assert len(_FILLER) > 3000
    assert resolve_event_date(text, "2016-06-07") == (expected, words)


@pytest.mark.parametrize(("title", "text", "expected", "words"), [
    ("Wednesday night shooting leaves one dead", "Police are investigating. The victim was 24.", D(2016, 3, 9),
     "Wednesday night"),
    # the title is read before the text
    ("Teen killed in Friday shooting", "A second man was wounded in a shooting on Sunday.", D(2016, 3, 4),
     "Friday"),
    # in a title every word is capitalised: "Shooting" still counts
    ("Police Identify Victim In Tuesday Shooting", "The victim was 31.", D(2016, 3, 8), "Tuesday"),
])
def test_title_is_read_first(title, text, expected, words):
    assert resolve_event_date(text, "2016-03-10", title=title) == (expected, words)


@pytest.mark.parametrize(("text", "published", "expected"), [
    ("Posted: Sunday, March 8, 2015 9:12 AM\n\nA boy was shot.", "2015-03-25", D(2015, 3, 8)),
    ("Posted: Sunday, March 8, 2015 9:12 AM\n\nA boy was shot.", "2015-03-01", D(2015, 3, 1)),  # later: ignored
    ("(Published Monday, Aug. 4, 2014)\n\nA boy was shot.", None, D(2014, 8, 4)),
    ("Updated: Sep 12, 2017 - 4:38 PM\n\nA boy was shot.", "2017-09-16", D(2017, 9, 16)),  # an update: dated wins
    ("Updated: Sep 12, 2017 - 4:38 PM\n\nA boy was shot.", None, D(2017, 9, 12)),
    ("A boy was shot on May 3, 2016.", None, None),  # a date in the story is no stamp
    # a numeric stamp, month first as US pages write it, read only when its order is plain
    ("Created: 01/26/2015 1:24 PM\n\nA boy was shot.", "2017-01-29", D(2015, 1, 26)),
    ("Posted: 3/14/2016\n\nA boy was shot.", None, D(2016, 3, 14)),
    ("Created: 03/04/2015 1:24 PM\n\nA boy was shot.", "2017-01-29", D(2017, 1, 29)),  # March 4 or April 3
    ("Created: 26/01/2015\n\nA boy was shot.", "2017-01-29", D(2017, 1, 29)),  # day first: not read
])
def test_reference_date(text, published, expected):
    assert reference_date(text, published) == expected


@pytest.mark.parametrize(("name", "year", "expected"), [
    ("Independence Day", 2016, D(2016, 7, 4)),
    ("new years eve", 2016, D(2016, 12, 31)),  # any case, apostrophe or none
    ("Labor Day", 2016, D(2016, 9, 5)),  # first Monday of September
    ("Memorial Day", 2015, D(2015, 5, 25)),  # last Monday of May
    ("Thanksgiving", 2016, D(2016, 11, 24)),  # fourth Thursday of November
    ("Black Friday", 2016, D(2016, 11, 25)),  # the day after it
    ("Mother\u2019s Day", 2016, D(2016, 5, 8)),
    ("Easter Sunday", 2016, D(2016, 3, 27)),
    ("Easter", 2019, D(2019, 4, 21)),
    ("Arbor Day", 2016, None),  # not in the table
])
def test_holiday_date(name, year, expected):
    from analysis.timeline.date_expressions import holiday_date

    assert holiday_date(name, year) == expected


@pytest.mark.parametrize(("url", "published", "expected"), [
    ("https://news.example/2016/03/07/girl-shot-on-porch", "2016-04-20", D(2016, 3, 7)),  # the archive saw it later
    ("https://news.example/2016/03/07/girl-shot-on-porch", "2016-03-06", D(2016, 3, 6)),  # later: ignored
    ("https://news.example/local/girl-shot-on-porch", "2016-04-20", D(2016, 4, 20)),  # no date in it
    ("https://news.example/2016/03/07/girl-shot-on-porch", None, D(2016, 3, 7)),
])
def test_reference_date_from_the_address(url, published, expected):
    assert reference_date("A girl was shot on Saturday.", published, url=url) == expected


def test_a_stale_publication_date_gives_way_to_the_address():
    text = "The family of the man hurt in Saturday's shooting thanked the nurses."
    assert resolve_event_date(text, "2016-04-20", url="https://news.example/2016/03/07/victim") \
        == (D(2016, 3, 5), "Saturday")


def test_max_days_before_limits_old_year_less_dates():
    text = "The attack happened on January 5."
    assert resolve_event_date(text, "2023-03-20", max_days_before=31) == (None, "")
    assert resolve_event_date(text, "2023-03-20") == (D(2023, 1, 5), "on January 5")


def test_add_event_dates_keeps_input_and_types():
    articles = pd.DataFrame({
        "article_id": ["a", "b", "c", "d"],
        "title": ["", "", "", "Monday shooting leaves man hurt"],
        "text": ["The blast happened yesterday.", "The blast happened yesterday.", "No date here.",
                 "Police have no suspect."],
        "published": pd.to_datetime(["2024-05-02", None, "2024-05-02", "2024-05-08"]),
    })
    before = articles.copy()
    out = add_event_dates(articles)
    pd.testing.assert_frame_equal(articles, before)
    assert out["event_date"].tolist()[0] == pd.Timestamp("2024-05-01")
    assert out["event_date"].isna().tolist() == [False, True, True, False]
    assert out["event_date"].tolist()[3] == pd.Timestamp("2024-05-06")
    assert out["event_date_text"].tolist() == ["yesterday", "", "", "Monday"]
    assert pd.api.types.is_datetime64_dtype(out["event_date"])


def test_add_event_dates_reads_the_address_column():
    articles = pd.DataFrame({
        "text": ["Police named the girl hurt in Saturday's shooting."] * 3,
        "published": pd.to_datetime(["2016-04-20", "2016-04-20", "2016-04-20"]),
        "url": ["https://news.example/2016/03/07/girl", None, 12],  # a missing or odd address is no date
    })
    out = add_event_dates(articles)
    assert out["event_date"].tolist() == [pd.Timestamp("2016-03-05"), pd.Timestamp("2016-04-16"),
                                          pd.Timestamp("2016-04-16")]


def test_add_event_dates_empty_table():
    out = add_event_dates(pd.DataFrame({"text": pd.Series(dtype=object),
                                        "published": pd.Series(dtype="datetime64[ns]")}))
    assert list(out.columns[-2:]) == ["event_date", "event_date_text"]
    assert out.empty


def test_every_date_expression_contains_its_guard_words():
    # A pattern is only tried around its guard words: check that every expression the cases rely on
    # (and a few more) carries them, near enough to its start, so the shortcut never hides a date.
    from analysis.timeline.date_expressions import BEFORE_GUARD, GUARDS, PATTERNS

    texts = [text for text, *_ in CASES] + [
        "It happened LAST NIGHT, in the Early Hours of Tuesday.", "Tonight and THIS EVENING", "a week ago",
        "one week ago; an day ago; 10 days ago", "Sept. 3rd, 2021 and 3rd of Sept 2021", "the night of Jan 5",
        "on a seemingly ordinary Friday", "late on Sunday, September 18, 2016",
    ]
    matched = set()
    for text in texts:
        for kind, pattern in PATTERNS:
            for match in pattern.finditer(text):
                matched.add(kind)
                guard = GUARDS[kind].search(match.group(0))
                assert guard, (kind, match.group(0))
                assert guard.start() <= BEFORE_GUARD, (kind, match.group(0))
    assert matched == set(GUARDS)


def test_word_lists_are_lower_case_and_sectioned():
    from analysis.timeline.event_dates import context_words

    sections = context_words()
    assert set(sections) == {"after", "subject", "reporting", "people and papers"}
    assert all(word == word.lower() for words in sections.values() for word in words)


def test_same_day_brief_word_list_is_lower_case_and_sectioned():
    from analysis.timeline.same_day_briefs import BRIEFS_FILE

    lines = [line.strip() for line in BRIEFS_FILE.read_text("utf-8").splitlines()]
    words = [line for line in lines if line and not line.startswith("#")]
    assert [w for w in words if w.startswith("[")] == ["[ongoing]", "[other times]"]
    assert all(word == word.lower() for word in words)
