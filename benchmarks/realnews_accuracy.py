"""Headline accuracy of the figure ledger on real news with outside gold (``../shared/realnews``).

Reads a JSON Lines file of real articles (``tune.jsonl`` by default; see that folder's
README), runs it through the real reader and the analysis, and compares per article the
``killed`` and ``injured`` headline columns with ``gold.killed`` / ``gold.injured``
(exact value; an article with no headline figure counts as 0), per dataset (GVA gives the
incident's toll, GVDB the article's). Also printed:

- the confusion per category: right, missed (gold > 0, none found), spurious (gold 0, a
  figure found), under (found below gold), over (found above gold);
- event dates: ``articles.event_date`` against ``gold.incident_date`` where it is known:
  right, wrong, none, and the misses by kind (``date_miss_kind``: a day early or late, a gold date after the
  article's publication, an undated article);
- named people (GVDB): the share of the gold victims and shooters with a name that appear
  in the ``victims`` table with the right outcome, when the analysis has that table, and the misses by
  kind (``named_people``: the surname not in the text, no row, a row with no or another outcome).

The texts belong to their publishers and never enter the repository: this script reads
them at run time and stops with a message when the folder is absent. ``check.jsonl`` is
measured at most once per working session, before rules change after looking at it;
record every measurement in the README's Methods section.

Usage: python benchmarks/realnews_accuracy.py [--file tune|check|PATH] [--full] [--misses N]
       [--category killed|injured|date] [--dataset gva|gvdb] [--half a|b]

``--misses N --category date`` lists event-date misses (wrong, then none) with the date found, the words it was
resolved from, the gold date and the publication date.

``--half`` scores one of two fixed halves of the file, split by incident (never one incident in
both): develop a rule on one half and confirm it on the other before keeping it, so that rules
fit reporting in general rather than the articles they were read from.

Without ``--full`` only the stages the figures need run (ingest, sentences, event dates,
figures, headlines: about 20 s for 2,000 articles); ``--full`` runs the whole export.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
import unicodedata
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import pandas as pd  # noqa: E402

from analysis.ingest.corpus import load_path, sentences_table  # noqa: E402

REALNEWS = ROOT.parent / "shared" / "realnews"
CATEGORIES = ("killed", "injured")


def _gold(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _analyse(path: Path, *, full: bool) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame | None]:
    """``(articles, figures, victims or None)`` for the file, rows of articles keyed by ``file``."""
    corpus = load_path(path)
    if full:
        from analysis.pipeline import analyse_corpus

        tables = analyse_corpus(corpus, use_cache=True, cache_tables=False)
        return tables.articles, tables.figures, getattr(tables, "victims", None)
    from analysis.figures.ledger import add_headline_figures, add_people_figures, extract_figures, publication_years
    from analysis.timeline.event_dates import add_event_dates

    articles = add_event_dates(corpus.articles)
    sentences = sentences_table(articles)
    figures = extract_figures(sentences, published_years=publication_years(articles))
    victims = None
    try:  # the people table and the counts it adds, when this version of the analysis has them
        from analysis.figures.victims import read_people

        victims, people = read_people(sentences, figures=figures)
        figures = add_people_figures(figures, people)
    except ImportError:
        pass
    try:  # counts from the title where the text gives none, when this version has them
        from analysis.figures.titles import add_title_figures

        figures = add_title_figures(figures, articles, published_years=publication_years(articles))
    except ImportError:
        pass
    try:  # deaths dated days before the article's own event, when this version sets them aside
        from analysis.timeline.earlier_deaths import set_aside_earlier_deaths

        figures = set_aside_earlier_deaths(figures, articles, sentences)
    except ImportError:
        pass
    articles = add_headline_figures(articles, figures)
    return articles, figures, victims


def half_of(record: dict) -> str:
    """``"a"`` or ``"b"``: a fixed half by the record's incident (its id when it has none)."""
    key = str(record.get("incident") or record.get("id") or "")
    return "ab"[hashlib.sha256(key.encode()).digest()[0] % 2]


def _row_number(file: str) -> int | None:
    """``"tune.jsonl row 12"`` -> 12 (1-based line of the JSON Lines file)."""
    head, _, number = str(file).rpartition(" row ")
    return int(number) if head and number.isdigit() else None


def _found(value: object) -> int:
    return 0 if value is None or pd.isna(value) else int(value)


def _outcome(found: int, gold: int) -> str:
    if found == gold:
        return "right"
    if found == 0:
        return "missed"
    if gold == 0:
        return "spurious"
    return "under" if found < gold else "over"


def score(records: list[dict], articles: pd.DataFrame) -> pd.DataFrame:
    """One row per gold record: dataset, id, per category found/gold/outcome, event date outcome."""
    by_row = {}
    for row in articles.to_dict("records"):
        number = _row_number(row.get("file", ""))
        if number is not None:
            by_row.setdefault(number, row)
    rows = []
    for number, record in enumerate(records, start=1):
        article = by_row.get(number, {})
        gold = record.get("gold") or {}
        out = {"row": number, "id": record["id"], "dataset": record["dataset"], "title": record.get("title") or "",
               "article_id": article.get("article_id", "")}
        for category in CATEGORIES:
            found, expected = _found(article.get(category)), int(gold.get(category) or 0)
            out.update({f"{category}_found": found, f"{category}_gold": expected,
                        f"{category}_outcome": _outcome(found, expected),
                        f"{category}_rule": article.get(f"{category}_rule") or ""})
        incident = gold.get("incident_date")
        event = article.get("event_date")
        published = article.get("published")
        out.update({"event_found": "" if event is None or pd.isna(event) else pd.Timestamp(event).date().isoformat(),
                    "event_words": article.get("event_date_text") or "", "event_gold": str(incident or "")[:10],
                    "published": "" if published is None or pd.isna(published)
                    else pd.Timestamp(published).date().isoformat()})
        if not incident:
            out["event_date"] = "unknown"
        elif event is None or pd.isna(event):
            out["event_date"] = "none"
        else:
            out["event_date"] = "right" if pd.Timestamp(event).date().isoformat() == str(incident)[:10] else "wrong"
        rows.append(out)
    return pd.DataFrame(rows)


def _gold_outcome(outcome: object) -> str:
    """A GVDB person's outcome (a word or a list of words: ``["injured", "hospitalized"]``) as killed, injured or
    '' (none given)."""
    words = [str(w).lower() for w in (outcome if isinstance(outcome, list) else [outcome] if outcome else [])]
    if any(w.startswith(("kill", "dead", "die")) for w in words):
        return "killed"
    return "injured" if any(w.startswith(("injur", "hospital", "wound")) for w in words) else ""


_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
_PARTICLES = {"de", "del", "della", "la", "le", "da", "das", "dos", "di", "du", "van", "von", "der", "den", "bin", "al",
              "el", "y", "st",  # lower-case words inside a name: "Ana de la Cruz", "Omar al Amin"
              "as", "or", "aka"}  # and an annotator's alias: "Jon Doe as Al Roe"


def plain_name(text: str) -> str:
    """A name as the matching compares it: lower case, accents off, curly apostrophes and soft hyphens made plain:
    ``"José O’Neal-Peña"`` -> ``"jose o'neal-pena"`` (a reporter may write "Pena" where the annotator wrote "Peña")."""
    text = unicodedata.normalize("NFKD", str(text).replace("\u2019", "'").replace("\u00ad", ""))
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


def name_key(name: str) -> str:
    """The word a gold name is matched by: its surname, ``plain_name``, without the annotators' stray punctuation or a
    suffix: ``"Anthony Hill,"`` -> ``"hill"``, ``"Sammy Hope Sr"`` -> ``"hope"``, ``"Iván Peña"`` -> ``"pena"``;
    ``""`` for a description that is no name: one not capitalised (``"unidentified man"``, ``"police"``) or with
    a lower-case word other than a particle (``"Three other officers"``; but ``"Ana de la Cruz"`` -> ``"cruz"``)."""
    text = str(name).replace("\u2019", "'").replace("\u00ad", "").strip(" ,.;:'\"")
    if not text[:1].isupper():
        return ""
    raw = [w.strip(",.;:'\"") for w in text.split()]
    if any(w[:1].islower() and w.lower() not in _PARTICLES for w in raw[1:]):
        return ""
    words = [plain_name(w) for w in raw]
    while len(words) > 1 and words[-1] in _SUFFIXES:
        words.pop()
    return words[-1] if words else ""


def named_people_recall(records: list[dict], scored: pd.DataFrame, victims: pd.DataFrame) -> tuple[int, int]:
    """``(found, total)`` GVDB victims and shooters with a name found in ``victims`` with the right outcome (a name
    matched by ``same_person``; the annotators' descriptions such as "unidentified man" are not names)."""
    kinds = named_people(records, scored, victims)
    return kinds.count("right"), len(kinds)


#: Kinds of named-people miss, in the order ``named_people`` tells them apart.
NAMED_MISS_KINDS = ("surname not in the text", "no row", "row, outcome unknown", "row, another outcome")


def named_people(records: list[dict], scored: pd.DataFrame, victims: pd.DataFrame) -> list[str]:
    """Per GVDB victim or shooter with a name, in order: "right", or the kind of miss (``NAMED_MISS_KINDS``): the
    gold surname is nowhere in the title or text (the annotators had more than the page), it is there but no row
    has the name, or a row has it with no outcome or with another. Counted, these say where a file's misses lie
    without reading it."""
    kinds = []
    by_article = {aid: group for aid, group in victims.groupby("article_id")} if not victims.empty else {}
    for record, article_id in zip(records, scored["article_id"]):
        gold = record.get("gold") or {}
        page = plain_name(f"{record.get('title') or ''} {record.get('text') or ''}")
        for person in [*(gold.get("victims") or []), *(gold.get("shooters") or [])]:
            name = person.get("name") or ""
            if not (last := name_key(name)):
                continue
            rows = by_article.get(article_id)
            named = rows[[same_person(name, str(n)) for n in rows["name"].fillna("")]] if rows is not None else None
            expected = _gold_outcome(person.get("outcome"))
            if named is not None and not named.empty and (not expected or (named["outcome"] == expected).any()):
                kinds.append("right")
            elif named is not None and not named.empty:
                unknown = set(named["outcome"]) <= {"unknown"}
                kinds.append("row, outcome unknown" if unknown else "row, another outcome")
            elif last in page or last.replace("-", " ") in page:
                kinds.append("no row")
            else:
                kinds.append("surname not in the text")
    return kinds


# Kinds of event-date miss, in the order they are told apart (``date_miss_kind``).
DATE_MISS_KINDS = ("a day early", "a day late", "gold after publication", "other wrong", "undated",
                   "none")


def date_miss_kind(row: dict) -> str:
    """What kind of miss a scored row's event date is, or "" when it is right or the gold date is unknown.

    Wrong: "a day early" (found the day before the gold: mostly an event "Saturday night" the record logs on
    Sunday, after midnight), "a day late" (the day after: "early Sunday morning" logged on Saturday, or a
    same-day word counted from an archive date a day late), "gold after publication" (the gold date is later
    than the article's own publication date, so no date the text gives can match it), "other wrong". None:
    "undated" (no publication date: a relative date has no day to count from unless the page carries a stamp) or
    "none".
    """
    outcome = row.get("event_date")
    if outcome == "none":
        return "undated" if not row.get("published") else "none"
    if outcome != "wrong":
        return ""
    gold = pd.Timestamp(row["event_gold"])
    off = (pd.Timestamp(row["event_found"]) - gold).days
    if off in (-1, 1):
        return "a day early" if off < 0 else "a day late"
    if row.get("published") and pd.Timestamp(row["published"]) < gold:
        return "gold after publication"
    return "other wrong"


def same_person(gold: str, found: str) -> bool:
    """Whether a name of the ``victims`` table is the gold name: it holds the gold surname (``name_key``; accents and
    curly apostrophes aside, a hyphen also as a space: "Ruiz Soto" for "Ruiz-Soto"), or a word one letter off a
    surname of five letters or more (the annotators' slips: "Mischler" for "Mishler"), or it is the gold first name
    alone ("Autumn" for "Autumn Lee": the article calls a child by her first name)."""
    last, name = name_key(gold), plain_name(found)
    if not last or not name:
        return False
    if last in name or last.replace("-", " ") in name:
        return True
    words = [w.strip(",.") for w in name.split()]
    if len(last) >= 5 and any(len(w) >= 5 and _one_letter_off(last, w) for w in words):
        return True
    first = plain_name(str(gold).strip(" ,.;:'\"").split()[0]).strip(",.'\"")
    return len(words) == 1 and words[0] == first


def _one_letter_off(a: str, b: str) -> bool:
    """One letter added, dropped or changed: "mishler" / "mischler", "velazque" / "velazquez"."""
    if abs(len(a) - len(b)) > 1 or a == b:
        return a == b
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    short, long_ = sorted((a, b), key=len)
    return any(long_[:k] + long_[k + 1:] == short for k in range(len(long_)))


def _print_summary(scored: pd.DataFrame) -> None:
    print(f"{'set':<8}{'articles':>9}  " + "  ".join(f"{c + ' exact':>14}" for c in CATEGORIES))
    for name, part in [("all", scored), *scored.groupby("dataset")]:
        cells = [f"{(part[f'{c}_outcome'] == 'right').mean():>14.3f}" for c in CATEGORIES]
        print(f"{name:<8}{len(part):>9}  " + "  ".join(cells))
    print()
    for category in CATEGORIES:
        for name, part in scored.groupby("dataset"):
            counts = Counter(part[f"{category}_outcome"])
            print(f"{category:<8} {name:<5} " + "  ".join(f"{k} {counts.get(k, 0):>4}" for k in
                                                         ("right", "missed", "spurious", "under", "over")))
    print()
    known = scored[scored["event_date"] != "unknown"]
    counts = Counter(known["event_date"])
    print(f"event date ({len(known)} articles with a known incident date): " + "  ".join(
        f"{k} {counts.get(k, 0) / max(len(known), 1):.3f} ({counts.get(k, 0)})" for k in ("right", "wrong", "none")))
    kinds = Counter(date_miss_kind(row) for row in known.to_dict("records"))
    print("event date misses by kind: " + ", ".join(f"{k} {kinds.get(k, 0)}" for k in DATE_MISS_KINDS))


def _print_date_misses(scored: pd.DataFrame, limit: int) -> None:
    """The first ``limit`` wrong event dates, then the first ``limit`` articles with none, one line each with the
    kind of miss: ``row 57 gva found 2014-11-23 'on Sunday' gold 2014-11-22 published 2014-11-23 [a day late]:
    title``."""
    for outcome in ("wrong", "none"):
        rows = scored[scored["event_date"] == outcome].head(limit)
        print(f"\nevent date {outcome}:")
        for row in rows.to_dict("records"):
            found = f"found {row['event_found']} '{row['event_words']}'" if row["event_found"] else "found none"
            print(f"  row {row['row']:>5} {row['dataset']:<4} {found} gold {row['event_gold']} "
                  f"published {row['published'] or '-'} [{date_miss_kind(row)}]: {row['title'][:70]}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--file", default="tune", help="tune, check, or a path to a JSON Lines file")
    parser.add_argument("--full", action="store_true", help="run the whole analysis (NER included)")
    parser.add_argument("--misses", type=int, default=0, help="print this many misses per category")
    parser.add_argument("--category", choices=(*CATEGORIES, "date"),
                        help="only print misses of this category (date: event-date misses)")
    parser.add_argument("--dataset", choices=("gva", "gvdb"), help="only score this dataset")
    parser.add_argument("--half", choices=("a", "b"), help="only score this half of the incidents")
    args = parser.parse_args(argv)
    path = REALNEWS / f"{args.file}.jsonl" if args.file in ("tune", "check") else Path(args.file)
    if not path.exists():
        print(f"skipped: {path} is not here (the real-news set lives outside the repository; see the README)")
        return 0
    records = _gold(path)
    started = time.perf_counter()
    articles, _figures, victims = _analyse(path, full=args.full)
    seconds = time.perf_counter() - started
    scored = score(records, articles)
    if args.dataset:
        keep = scored["dataset"] == args.dataset
        records = [r for r, k in zip(records, keep) if k]
        scored = scored[keep].reset_index(drop=True)
    if args.half:
        keep = pd.Series([half_of(r) == args.half for r in records])
        records = [r for r, k in zip(records, keep) if k]
        scored = scored[keep.to_numpy()].reset_index(drop=True)
    print(f"{path.name}: {len(records)} articles, analysed in {seconds:.1f} s")
    _print_summary(scored)
    if victims is not None:
        gvdb = scored["dataset"] == "gvdb"
        kinds = named_people([r for r, k in zip(records, gvdb) if k], scored[gvdb], victims)
        found, total = kinds.count("right"), len(kinds)
        print(f"named GVDB victims and shooters in `victims` with the right outcome: {found}/{total}"
              f" = {found / max(total, 1):.3f}; misses: "
              + ", ".join(f"{kind} {kinds.count(kind)}" for kind in NAMED_MISS_KINDS))
    if args.misses and args.category == "date":
        _print_date_misses(scored, args.misses)
    elif args.misses:
        for category in [args.category] if args.category else CATEGORIES:
            wrong = scored[scored[f"{category}_outcome"] != "right"].head(args.misses)
            print(f"\n{category} misses:")
            for row in wrong.itertuples():
                print(f"  row {row.row:>5} {row.dataset:<4} found {getattr(row, category + '_found'):>3} "
                      f"gold {getattr(row, category + '_gold'):>3} ({getattr(row, category + '_outcome')}, "
                      f"{getattr(row, category + '_rule') or 'no figure'}): {row.title[:80]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
