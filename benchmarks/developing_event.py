"""A generated corpus of one developing event: many outlets, three weeks of a rising toll, follow-ups.

``developing_event_articles(seed=...)`` returns article rows (``text``, ``title``, ``source``,
``url``, ``published``) about one invented attack on a concert hall in Marseille, reported by
80 invented outlets in 12 countries. Over three weeks the death toll rises 40, 60, 93, 115,
133, 137, 139, 143, 144 (with some outlets a day behind, "at least" figures, a may-rise note
and in-article revisions); months later come follow-up pieces (the trial, the anniversary)
that restate the final toll; and one outlet misreads a translated sentence and reports 182
dead. Every figure is written in words a reader would use, so the real pipeline reads them.

It is for looking at the toll page with many sources and a long tail of coverage, and for
the tests of follow-up detection and unconfirmed outliers; ``benchmarks.news_generator`` and
its callers are untouched. Deterministic for a given seed. Write it as JSON Lines with

    python -m benchmarks.developing_event out/developing_event.jsonl
"""

from __future__ import annotations

import datetime as dt
import json
import random
import sys
from pathlib import Path

from benchmarks.news_generator import FIRST, LAST

#: When the attack happened (a Friday night) and where.
EVENT_DAY = "2025-06-06"
CITY, COUNTRY, VENUE = "Marseille", "France", "Grand Market Hall"

#: The official death toll as it stood on each day after the attack (day 0 is the night itself).
TOLL_BY_DAY: dict[int, int] = {0: 40, 1: 60, 2: 93, 3: 115, 4: 133, 6: 137, 9: 139, 13: 143, 19: 144}
#: Injured people as reported alongside, by the same days.
INJURED_BY_DAY: dict[int, int] = {0: 100, 1: 120, 2: 140, 3: 150, 4: 160, 6: 160, 9: 165, 13: 170, 19: 170}
#: The day the misread figure appears, and the figure.
OUTLIER_DAY, OUTLIER_VALUE = 4, 182
#: Follow-up pieces: days after the attack, and what they are about.
FOLLOW_UPS: tuple[tuple[int, str], ...] = (
    (146, "trial"), (147, "trial"), (150, "trial"), (205, "verdict"), (206, "verdict"),
    (363, "anniversary"), (365, "anniversary"), (365, "anniversary"), (366, "anniversary"),
)

#: Twelve countries, each with a country-code domain ending and its outlets' name parts.
COUNTRIES: tuple[tuple[str, str], ...] = (
    ("France", "fr"), ("United Kingdom", "co.uk"), ("Germany", "de"), ("United States", "com"),
    ("India", "in"), ("Russia", "ru"), ("Ukraine", "com.ua"), ("Kazakhstan", "kz"), ("Italy", "it"),
    ("Spain", "es"), ("Australia", "com.au"), ("Japan", "jp"),
)
_NAME_A = ("morning", "evening", "daily", "national", "city", "coastal", "northern", "southern", "central",
           "capital", "free", "new")
_NAME_B = ("herald", "courier", "tribune", "post", "gazette", "observer", "wire", "times", "chronicle",
           "monitor", "express", "report")
N_OUTLETS = 80


def outlets(seed: int = 11) -> list[tuple[str, str]]:
    """``N_OUTLETS`` invented ``(domain, country)`` pairs, spread over the twelve countries."""
    rng = random.Random(seed)
    names = [a + b for a in _NAME_A for b in _NAME_B]
    rng.shuffle(names)
    return [(f"{names[i]}.{COUNTRIES[i % len(COUNTRIES)][1]}", COUNTRIES[i % len(COUNTRIES)][0])
            for i in range(N_OUTLETS)]


def _toll_on(day: int) -> tuple[int, int]:
    """The official killed and injured figures as they stood on ``day``."""
    known = max(d for d in TOLL_BY_DAY if d <= day)
    return TOLL_BY_DAY[known], INJURED_BY_DAY[known]


def _when(day: int) -> str:
    """How an article published ``day`` days after the attack names the attack's day."""
    return {0: "late on Friday", 1: "on Friday night", 2: "on Friday"}.get(day, "on June 6")


_REACTIONS = (
    "President Claire Moreau called the attack an act of cowardice and declared a day of national mourning.",
    "Interior Minister Julien Faure said four suspects had been detained and were being questioned.",
    "The European Union and the United Nations condemned the attack and offered help to France.",
    "Hospitals across Marseille asked residents to give blood, and hundreds queued through the night.",
    "Witnesses described gunmen in camouflage firing into the crowd before the roof caught fire.",
    "Critics asked why warnings shared by foreign intelligence services weeks earlier had been ignored.",
    "Flowers and candles piled up outside the cordon around the hall on the Quai de la Joliette.",
    "Investigators said the attackers had fled towards the A7 motorway before they were stopped.",
)


def _main_article(rng: random.Random, day: int, source: str, *, behind: bool) -> dict:
    """One report of the developing toll, ``behind`` when the outlet still repeats yesterday's figure."""
    killed, injured = _toll_on(max(0, day - 1) if behind else day)
    when = _when(day)
    if killed == 40:
        lead = (f"At least 40 people were killed and more than {injured} injured when gunmen opened fire at the "
                f"{VENUE} in {CITY} {when}, officials said, a number that may rise.")
        title = f"Gunmen kill at least 40 at {CITY} concert hall"
    elif killed == 60:
        lead = (f"The death toll from the attack on the {VENUE} in {CITY} {when} has risen to at least 60, "
                f"with more than {injured} people injured, the Interior Ministry said.")
        title = f"{CITY} concert hall attack: death toll rises to at least 60"
    else:
        previous = max(v for d, v in TOLL_BY_DAY.items() if v < killed)
        if rng.random() < 0.35:
            lead = (f"The death toll from the attack on the {VENUE} in {CITY} {when} rose from {previous} to "
                    f"{killed}, the Interior Ministry said, and {injured} people were injured.")
        else:
            lead = (f"The death toll from the attack on the {VENUE} in {CITY} {when} has risen to {killed}, "
                    f"officials said, and {injured} people were injured.")
        title = f"{CITY} attack: death toll rises to {killed}"
    body = rng.sample(_REACTIONS, 3)
    byline = f"{rng.choice(FIRST)} {rng.choice(LAST)} reported from {CITY} for {source}."
    return {"title": title, "text": "\n\n".join([lead, " ".join(body[:2]), body[2] + " " + byline])}


def _outlier_article() -> dict:
    """A translated report whose second number (the injured) was taken as the death toll."""
    lead = (f"The number of dead in the attack on the {VENUE} in {CITY} on June 6 has risen to 182, "
            "the regional news site reported, citing a hospital source.")
    return {"title": f"{CITY}: death toll reaches 182, hospital source says",
            "text": lead + "\n\n" + _REACTIONS[3]}


def _follow_up(rng: random.Random, kind: str, source: str) -> dict:
    """A piece months later that restates the final toll; the trial's names the attack's date."""
    article = _follow_up_text(kind)
    byline = f" {rng.choice(FIRST)} {rng.choice(LAST)} reported for {source}."
    return {**article, "text": article["text"] + byline}


def _follow_up_text(kind: str) -> dict:
    final = TOLL_BY_DAY[max(TOLL_BY_DAY)]
    if kind == "trial":
        return {"title": f"Trial opens over {CITY} concert hall attack",
                "text": (f"Five men went on trial in {CITY} over the attack on the {VENUE} on June 6, 2025, in "
                         f"which {final} people were killed.\n\nThe defendants face terrorism charges; prosecutors "
                         "said the hearings would last several months.")}
    if kind == "verdict":
        return {"title": f"Life sentences for {CITY} attackers",
                "text": (f"A court in {CITY} sentenced four men to life in prison for the attack on the {VENUE}, "
                         f"which killed {final} people.\n\nRelatives of the victims said the verdict brought little "
                         "comfort.")}
    return {"title": f"A year after the {VENUE} attack, {CITY} remembers",
            "text": (f"Hundreds gathered outside the {VENUE} in {CITY} a year after an attack that killed {final} "
                     "people.\n\nThe hall is still closed, and the city has promised a memorial "
                     "garden on the quay.")}


def developing_event_articles(*, seed: int = 11) -> list[dict]:
    """The corpus: every outlet reports at least once in three weeks; follow-ups months later.

    Returns:
        Rows with ``text``, ``title``, ``source`` (a domain), ``url``, ``published``
        (``YYYY-MM-DD HH:MM``), in publication order.
    """
    rng = random.Random(seed)
    sources = outlets(seed)
    start = dt.datetime.fromisoformat(EVENT_DAY)
    rows: list[tuple[int, int, str, dict]] = []  # (day, minute, source, article)
    report_days = list(range(21))
    # Most coverage in the first days; every outlet at least once, some several times.
    weights = [12 if d <= 1 else 8 if d <= 4 else 3 if d <= 9 else 1 for d in report_days]
    plan = [(source, rng.choices(report_days, weights)[0]) for source, _ in sources]
    plan += [(rng.choice(sources)[0], rng.choices(report_days, weights)[0]) for _ in range(40)]
    for source, day in plan:
        minute = rng.randrange(6 * 60, 23 * 60) if day else rng.randrange(22 * 60, 24 * 60)
        behind = day > 1 and rng.random() < 0.2
        rows.append((day, minute, source, _main_article(rng, day, source, behind=behind)))
    outlier_source = sources[-1][0]
    rows.append((OUTLIER_DAY, 15 * 60 + 40, outlier_source, _outlier_article()))
    for i, (day, kind) in enumerate(FOLLOW_UPS):
        source = sources[(7 * i + 3) % len(sources)][0]
        rows.append((day, 9 * 60 + 7 * i, source, _follow_up(rng, kind, source)))
    rows.sort(key=lambda r: (r[0], r[1], r[2]))
    out = []
    for n, (day, minute, source, article) in enumerate(rows):
        stamp = start + dt.timedelta(days=day, minutes=minute)
        slug = article["title"].lower().replace(" ", "-").replace(":", "").replace(",", "")
        out.append({"text": article["text"], "title": article["title"], "source": source,
                    "url": f"https://{source}/world/{n:03d}-{slug}", "published": stamp})
    return out


def write_jsonl(path: Path, *, seed: int = 11) -> Path:
    """Write the corpus to ``path`` as JSON Lines and return the path."""
    path.parent.mkdir(parents=True, exist_ok=True)
    rows = developing_event_articles(seed=seed)
    path.write_text("".join(json.dumps({**row, "published": row["published"].strftime("%Y-%m-%d %H:%M")},
                                       ensure_ascii=False) + "\n" for row in rows), encoding="utf-8")
    return path


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("out/developing_event.jsonl")
    print(write_jsonl(target))
