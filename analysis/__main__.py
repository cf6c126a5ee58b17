"""Command line: ``python -m analysis export PATH --out DIR``.

Writes every table of the analysed corpus at PATH (a folder or one file) as
``DIR/<table>.csv`` and ``DIR/<table>.parquet``, prints the load report and
what was written. The file names and columns are a contract documented in the
README; other tools read them.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from analysis.ingest.corpus import load_path
from analysis.pipeline import analyse_corpus
from analysis.store.export import write_tables


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m analysis",
        description="Turn a corpus of news articles into tidy tables.",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    export = commands.add_parser(
        "export",
        help="analyse a corpus and write every table as CSV and Parquet",
        description="Analyse the corpus at PATH and write every table (articles, sentences, figures, entities, "
        "mentions, timeline, contradictions, frames, roles, hedges, load_report) to DIR as CSV and Parquet.",
    )
    export.add_argument("path", metavar="PATH", help="a folder of articles, or one file (txt, md, csv, jsonl, json, "
                        "parquet, html, zip)")
    export.add_argument("--out", metavar="DIR", required=True, help="folder to write the tables to (created)")
    export.add_argument("--no-cache", action="store_true", help="do not read or write the per-article NLP cache")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        corpus = load_path(args.path)
    except FileNotFoundError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    for row in corpus.load_report.itertuples(index=False):
        print(f"{row.status:>16}  {row.input}: {row.reason}")
    tables = analyse_corpus(corpus, use_cache=not args.no_cache)
    written = write_tables(tables, Path(args.out))
    for name, frame in tables.items():
        print(f"wrote {name}: {len(frame)} rows")
    print(f"{len(written)} files in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
