"""Ingest speed: `python -m analysis export seeds` end to end, and ingest alone
on a larger generated corpus. Prints articles per second.

    python benchmarks/ingest_speed.py [--copies 400]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analysis.ingest.corpus import load_path, sentences_table  # noqa: E402


def time_export(path: Path) -> float:
    with tempfile.TemporaryDirectory() as out:
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "analysis", "export", str(path), "--out", out, "--no-cache"],
                       cwd=ROOT, check=True, capture_output=True)
        return time.perf_counter() - start


def generated_corpus(folder: Path, copies: int) -> int:
    """Write ``copies`` variants of each seed (distinct texts, so none merge)."""
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    for i in range(copies):
        for seed in seeds:
            text = seed.read_text(encoding="utf-8")
            (folder / f"{seed.stem}_{i:04d}.txt").write_text(f"{text}\n\nUpdate {i}: reporting continues.",
                                                             encoding="utf-8")
    return copies * len(seeds)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=400, help="variants of each seed in the generated corpus")
    args = parser.parse_args()

    seeds = ROOT / "seeds"
    n_seeds = len(list(seeds.glob("*.txt")))
    elapsed = time_export(seeds)
    print(f"export seeds (whole CLI, fresh process, no cache): {n_seeds} articles in {elapsed:.2f} s "
          f"= {n_seeds / elapsed:.1f} articles/s (includes interpreter and model start-up)")

    with tempfile.TemporaryDirectory() as tmp:
        n = generated_corpus(Path(tmp), args.copies)
        start = time.perf_counter()
        corpus = load_path(tmp)
        sentences = sentences_table(corpus.articles)
        elapsed = time.perf_counter() - start
        words = int(corpus.articles["n_words"].sum())
        print(f"ingest + sentences, generated corpus: {n} articles, {len(sentences)} sentences, {words:,} words "
              f"in {elapsed:.2f} s = {n / elapsed:,.0f} articles/s, {words / elapsed:,.0f} words/s")


if __name__ == "__main__":
    main()
