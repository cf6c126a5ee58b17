"""Speed of the framing stages (roles, hedges, frames, cited sources, distinctive terms).

Usage: python benchmarks/framing_speed.py [--copies N]

Runs ingest, sentences and entities once over the bundled seeds, then copies
those tables N times (default 400, about 2,000 articles) under new article
ids, and times each framing stage on the copies. Prints articles/second and
words/second per stage. NER is not timed here (see the entities benchmark).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analysis.entities.extract import extract_entities  # noqa: E402
from analysis.framing import cited_sources, distinctive_terms, extract_roles, find_hedges, frame_profile, tag_frames  # noqa: E402
from analysis.ingest.corpus import load_path, sentences_table  # noqa: E402


def copies(frame: pd.DataFrame, n: int) -> pd.DataFrame:
    """``frame`` repeated ``n`` times with article ids made unique per copy."""
    parts = [frame.assign(article_id=frame["article_id"] + f"-{i}") for i in range(n)]
    return pd.concat(parts, ignore_index=True)


def main(argv: list[str]) -> None:
    n = int(argv[argv.index("--copies") + 1]) if "--copies" in argv else 400
    articles = load_path(ROOT / "seeds").articles
    sentences = sentences_table(articles)
    _, mentions = extract_entities(sentences, articles)
    arts, sents, ments = copies(articles, n), copies(sentences, n), copies(mentions, n)
    words = int(arts["n_words"].sum())
    print(f"{len(arts)} articles, {len(sents)} sentences, {words:,} words, {len(ments)} mentions")
    timings = {}
    start = time.perf_counter()
    roles = extract_roles(sents, ments)
    timings["extract_roles"] = time.perf_counter() - start
    start = time.perf_counter()
    find_hedges(sents)
    timings["find_hedges"] = time.perf_counter() - start
    start = time.perf_counter()
    frames = tag_frames(sents, roles=roles)
    timings["tag_frames"] = time.perf_counter() - start
    start = time.perf_counter()
    frame_profile(frames, sents, arts)
    timings["frame_profile"] = time.perf_counter() - start
    start = time.perf_counter()
    cited_sources(sents, ments)
    timings["cited_sources"] = time.perf_counter() - start
    start = time.perf_counter()
    distinctive_terms(sents, arts, group_a=arts["source"].iloc[0])
    timings["distinctive_terms"] = time.perf_counter() - start
    for stage, seconds in timings.items():
        print(f"{stage:18s} {seconds:7.2f} s  {len(arts) / seconds:9.0f} articles/s  {words / seconds:11,.0f} words/s")
    total = sum(timings.values())
    print(f"{'all':18s} {total:7.2f} s  {len(arts) / total:9.0f} articles/s  {words / total:11,.0f} words/s")


if __name__ == "__main__":
    main(sys.argv[1:])
