"""Speed of figure extraction alone, on a generated corpus of varied news sentences.

Generates N sentences (default 12,000) from templates about shootings, quakes, floods,
fires, crashes and stampedes, with random numbers in every written form, qualifiers,
revisions, attributions and distractors, mixed with sentences that hold no number. The
share of sentences with a number is ``--number-share`` (default 0.3; in the bundled seeds
it is 14 of 83, 0.17, so 0.3 is on the dense side). Times ``extract_figures`` (best of
three runs, CPU time of this process, so other work on a shared machine does not count)
and prints sentences/second for the mix and for the sentences with a number alone.

Usage: python benchmarks/figures_speed.py [--sentences N] [--number-share F] [--seed S]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import pandas as pd  # noqa: E402

from analysis.figures.ledger import extract_figures  # noqa: E402

EVENTS = ["shooting", "earthquake", "flood", "fire", "bus crash", "stampede", "bombing", "landslide", "ferry sinking",
          "train derailment", "building collapse", "storm"]
PLACES = ["Varsa", "Kesra", "Dhalpur", "Mbeya", "Lorant", "Orsk", "Parma Valley", "the capital", "the northern province",
          "the coastal town", "the market district"]
SOURCES = ["officials said", "police said", "the health ministry said", "according to state media",
           "the disaster agency reported", "a hospital spokesman told reporters", "local media reported",
           "the regional governor said", "rescuers said"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
WORDS = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "fifteen",
         "twenty", "twenty-three", "forty-one", "a dozen", "a hundred and five", "dozens", "hundreds", "scores"]
QUALIFIERS = ["", "at least ", "more than ", "about ", "nearly ", "up to ", "some ", "over ", "as many as "]


def _number(rng: random.Random) -> str:
    kind = rng.random()
    if kind < 0.55:
        return str(rng.randint(2, 300))
    if kind < 0.75:
        return f"{rng.randint(1, 90)},{rng.randint(0, 999):03d}"
    if kind < 0.8:
        return f"{rng.randint(1, 9)}.{rng.randint(1, 9)} million"
    return rng.choice(WORDS)


def _sentence(rng: random.Random, number_share: float) -> str:
    n, m = _number(rng), _number(rng)
    q, q2 = rng.choice(QUALIFIERS), rng.choice(QUALIFIERS)
    event, place, source, day = rng.choice(EVENTS), rng.choice(PLACES), rng.choice(SOURCES), rng.choice(DAYS)
    templates = [
        f"{q.capitalize() or ''}{n} people were killed in the {event} in {place} on {day}, {source}.",
        f"The {event} killed {q}{n} people and injured {q2}{m} others.",
        f"The death toll from the {event} rose from {rng.randint(10, 60)} to {rng.randint(61, 200)} on {day}.",
        f"Rescuers pulled {n} survivors from the rubble, {source}.",
        f"At least {n} people remain missing after the {event}, including {rng.randint(2, 9)} children.",
        f"Police arrested {n} suspects in connection with the {event}.",
        f"{source.capitalize()} that {q}{n} people had been taken to hospital.",
        f"The {event} left {n} dead and {m} wounded, a number that may rise.",
        f"Authorities revised the toll down to {rng.randint(20, 80)} from an initial {rng.randint(81, 150)}.",
        f"Some {n} residents were evacuated as the {event} spread towards {place}.",
        f"The {rng.randint(18, 70)}-year-old suspect was detained at {rng.randint(1, 12)} p.m. on {day}.",
        f"The {rng.randint(2, 9)},{rng.randint(100, 999)}-seat hall, built in {rng.randint(1950, 2015)}, was packed.",
        f"Damage is estimated at ${rng.randint(1, 900)} million, or {rng.randint(1, 40)} percent of the budget.",
        f"It was the worst {event} in {place} in nearly {rng.choice(WORDS[:8])} decades.",
        f"The concert in {place} was attended by {rng.choice(['hundreds', 'thousands', str(rng.randint(500, 9000))])}.",
        f"Under Article {rng.randint(100, 300)} of the criminal code, the suspects face up to {rng.randint(5, 20)} years.",
        f"Four gunmen stormed the building on {day} and opened fire on the crowd.",
        f"Of the {n} injured, {rng.randint(1, 9)} are in critical condition, {source}.",
    ]
    plain = [
        f"The {event} in {place} has prompted calls for tighter safety rules.",
        f"Residents of {place} gathered on {day} to mourn the victims of the {event}.",
        f"Officials promised a full investigation into the causes of the {event}.",
        f"Witnesses described scenes of panic as the {event} unfolded.",
        f"The government declared a day of national mourning after the {event} in {place}.",
        f"Aid agencies appealed for blood donations and emergency supplies.",
    ]
    return rng.choice(templates) if rng.random() < number_share else rng.choice(plain)


def corpus(n: int, seed: int, number_share: float = 0.3) -> pd.DataFrame:
    rng = random.Random(seed)
    rows, offset, article = [], 0, 0
    for i in range(n):
        if i % 20 == 0:
            article, offset = article + 1, 0
        text = _sentence(rng, number_share)
        rows.append({"article_id": f"a{article:05d}", "idx": i % 20, "paragraph": 0, "section": "", "text": text,
                     "start": offset, "end": offset + len(text)})
        offset += len(text) + 1
    return pd.DataFrame(rows)


def _best_of(frame: pd.DataFrame, runs: int = 3) -> tuple[float, int]:
    best, found = float("inf"), 0
    for _ in range(runs):
        t0 = time.process_time()
        found = len(extract_figures(frame))
        best = min(best, time.process_time() - t0)
    return best, found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=int, default=12_000)
    parser.add_argument("--number-share", type=float, default=0.3)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    frame = corpus(max(args.sentences, 10_000), args.seed, args.number_share)
    extract_figures(frame.head(50))  # load the word lists outside the timing
    seconds, found = _best_of(frame)
    dense = corpus(max(args.sentences, 10_000), args.seed, 1.0)
    seconds_num, _ = _best_of(dense)
    print(f"{len(frame):,} generated sentences, {args.number_share:.0%} from number templates; {found:,} figures found")
    print(f"extract_figures: {len(frame) / seconds:,.0f} sentences/second ({seconds:.2f} s CPU, best of 3, one core)")
    print(f"{len(dense):,} sentences all from number templates: {len(dense) / seconds_num:,.0f} sentences/second")


if __name__ == "__main__":
    main()
