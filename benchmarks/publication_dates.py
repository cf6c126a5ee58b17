"""Publication dates from the URL and the header alone, on the real-news tuning set.

For every article of ``../shared/realnews/tune.jsonl`` with an archive date (GVA), reads
the date the URL states (``date_from_url``) and the date the article's header states
(``strip_date_header``: a stamp line, a "Posted:" header, a dateline; never the story
body), each in the numeric order of the outlet's country (``analysis.ingest.outlets``),
and compares it with the archive's date: within two days counts as right (an archive
dates the incident page, a report can follow by a day or two); further away is listed.

"States one" is estimated: a URL with a year between 1990 and 2039 in its path, or a
date-like run (a month name or a numeric date next to a year) in the first 300
characters. The script prints the counts and the candidates it did not read, so a
person can check that they really state no date.

    python benchmarks/publication_dates.py [--file tune] [--show 20]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analysis.ingest.outlets import date_order, resolve  # noqa: E402
from analysis.ingest.publication_dates import date_from_url, strip_date_header  # noqa: E402

REALNEWS = ROOT.parent / "shared" / "realnews"
_URL_YEAR = re.compile(r"(?<!\d)(?:199\d|20[0-3]\d)(?!\d)")
_HEADER_DATE = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+(?:19|20)\d\d"
    r"|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+(?:19|20)\d\d"
    r"|\b\d{1,2}[./-]\d{1,2}[./-](?:19|20)\d\d\b|\b(?:19|20)\d\d-\d\d-\d\d\b", re.IGNORECASE)


def _day(value: object) -> dt.date | None:
    if value is None:
        return None
    return value.date() if isinstance(value, dt.datetime) else value


def measure(rows: list[dict], *, show: int = 20) -> dict[str, int]:
    counts: Counter[str] = Counter()
    missed, far = [], []
    for row in rows:
        archive = dt.date.fromisoformat(row["published"][:10])
        url, text = row.get("url") or "", row.get("text") or ""
        order = date_order(resolve(row.get("source") or "", url=url).country)
        from_url = date_from_url(url, order=order)
        from_header = _day(strip_date_header(text, order=order)[1])
        found = from_url or from_header
        path = url.split("://", 1)[-1].partition("/")[2]
        states = bool(_URL_YEAR.search(path)) or bool(_HEADER_DATE.search(text[:300]))
        counts["articles"] += 1
        counts["states one"] += states
        counts["url found"] += from_url is not None
        counts["header found"] += from_header is not None
        counts["found"] += found is not None
        if found is not None:
            close = abs((found - archive).days) <= 2
            counts["within 2 days"] += close
            if not close:
                far.append((row["id"][:8], str(found), str(archive), url[:100]))
        elif states:
            missed.append((row["id"][:8], url[:110], " ".join(text[:140].split())))
        counts["found | states one"] += states and found is not None
    print(f"{counts['articles']} articles with an archive date; {counts['states one']} state a date in the URL or "
          f"the first 300 characters (estimated)")
    print(f"found: {counts['found']} (URL {counts['url found']}, header {counts['header found']}); "
          f"within 2 days of the archive's date: {counts['within 2 days']}; further: {len(far)}")
    if counts["states one"]:
        print(f"found among those that state one: {counts['found | states one']} / {counts['states one']} = "
              f"{counts['found | states one'] / counts['states one']:.3f}")
    print(f"\nfurther than 2 days ({len(far)}): id, found, archive, url")
    for item in far[:show]:
        print("  ", *item)
    print(f"\nnot read, though a date-like run is there ({len(missed)}): id, url, start of text")
    for item in missed[:show]:
        print("  ", *item)
    return dict(counts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--file", default="tune", choices=["tune"], help="which real-news file (check is not for "
                        "tuning: measure it once per session, by hand)")
    parser.add_argument("--show", type=int, default=20, help="how many misses to list")
    args = parser.parse_args()
    path = REALNEWS / f"{args.file}.jsonl"
    if not path.exists():
        print(f"skipped: {path} is not here (the real-news set lives beside the project)")
        return
    rows = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    measure([row for row in rows if row.get("published")], show=args.show)


if __name__ == "__main__":
    main()
