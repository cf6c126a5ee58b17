"""Speed of the full tabulation against a bare spaCy NER pass, and of a cached second run.

Usage: ``python -m benchmarks.full_speed [--articles 2000] [--n-process N] [--no-cli]``

Generates ``--articles`` varied articles (``benchmarks/news_generator.py``) as
.txt files in a temporary folder, then prints articles/s and words/s of:

1. the bare NER pass: ``nlp.pipe`` over the same (cleaned) texts, with the same
   number of processes, inside a memory zone, keeping only each doc's entities;
2. the full tabulation, first run, empty cache: ``load_path`` (ingest) and
   ``analysis.pipeline.analyse_corpus`` (sentences, sentiment, NER, entities,
   figures, timeline, framing...);
3. the same again over the unchanged corpus with the in-memory caches dropped
   (as in a new process: results come from the disk cache);
4. unless ``--no-cli``: a fresh ``python -m analysis export`` process over the
   unchanged corpus, imports and file writing included.

Then a breakdown of where the time beyond NER goes, the ratio full/bare (the
whole pipeline), the same ratio for the issue's definition of the full
tabulation (ingest, sentences, NER/entities, figures, sentiment: those stages'
times in the first run), the second/first ratio and peak memory (this process,
and NER worker processes). The temporary folder is removed at the end.
The model load (about a second) is excluded from both timings. The cache
folder is a fresh temporary one (``NEWSDASH_CACHE_DIR``). On a machine shared
with others, expect a few percent of noise: run it twice.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def _mib(kib: int) -> float:
    return kib / 1024


def _cpu() -> float:
    """CPU seconds of this process and its finished children (NER and sentiment workers)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


#: The issue's "full tabulation (ingest, NER, figures, sentiment)": these stages and ingest, for the second ratio.
ISSUE_STAGES = ("prefetch_entities", "sentences_table", "score_sentences", "add_article_tone", "publication_years",
                "extract_figures", "add_headline_figures", "extract_entities")
_originals: dict[str, object] = {}


def _time_stages() -> dict[str, float]:
    """Wrap every analysis function ``analysis.pipeline`` calls so its time adds up per name."""
    import functools
    import inspect

    from analysis import pipeline

    times: dict[str, float] = {}
    for name, value in vars(pipeline).items():
        if inspect.isfunction(value) and value.__module__.startswith("analysis.") and \
                value.__module__ != "analysis.pipeline":
            _originals[name] = value

            @functools.wraps(value)
            def timed(*args, __name=name, __f=value, **kwargs):
                start = time.perf_counter()
                try:
                    return __f(*args, **kwargs)
                finally:
                    times[__name] = times.get(__name, 0.0) + time.perf_counter() - start

            setattr(pipeline, name, timed)
    return times


def _untime_stages() -> None:
    from analysis import pipeline

    for name, value in _originals.items():
        setattr(pipeline, name, value)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--n-process", type=int, default=None, help="NER processes (default: as the pipeline chooses)")
    parser.add_argument("--no-cli", action="store_true", help="skip the fresh-process CLI export timing")
    args = parser.parse_args(argv)

    work = Path(tempfile.mkdtemp(prefix="newsdash-speed-"))
    os.environ["NEWSDASH_CACHE_DIR"] = str(work / "cache")
    if args.n_process:
        os.environ["NEWSDASH_N_PROCESS"] = str(args.n_process)

    from analysis.entities.extract import extract_entities
    from analysis.entities.nlp import choose_n_process, load_nlp
    from analysis.ingest.corpus import load_path, sentences_table
    from analysis.pipeline import analyse_corpus
    from analysis import article_cache as cache_module
    from analysis.tone.sentiment import score_sentences
    from benchmarks.news_generator import generate_articles

    corpus_dir = work / "corpus"
    corpus_dir.mkdir()
    for number, text in enumerate(generate_articles(args.articles)):
        (corpus_dir / f"article_{number:05d}.txt").write_text(text, encoding="utf-8")

    t = time.perf_counter()
    nlp = load_nlp()
    print(f"model load: {time.perf_counter() - t:.1f} s (excluded below)")

    # Full tabulation, first run: empty cache; each stage the pipeline calls is timed.
    stage_times = _time_stages()
    t, cpu = time.perf_counter(), _cpu()
    corpus = load_path(corpus_dir)
    ingest_first = time.perf_counter() - t
    tables = analyse_corpus(corpus, use_cache=True)
    full_first, full_first_cpu = time.perf_counter() - t, _cpu() - cpu
    _untime_stages()
    texts = corpus.articles["text"].tolist()
    n_articles, n_words = len(texts), int(corpus.articles["n_words"].sum())
    n_process = choose_n_process(sum(map(len, texts)))

    def bare() -> tuple[float, float]:
        start, cpu = time.perf_counter(), _cpu()
        with nlp.memory_zone():
            for doc in nlp.pipe(texts, batch_size=32, n_process=n_process):
                [(e.start_char, e.end_char, e.label_) for e in doc.ents]
        return time.perf_counter() - start, _cpu() - cpu

    bare_runs = [bare(), bare()]
    bare_time, bare_cpu = min(bare_runs)

    # Second run over the unchanged corpus: drop in-memory results, keep the disk cache.
    for store in list(cache_module._shared.values()):
        store.clear_memory()
    t = time.perf_counter()
    second_tables = analyse_corpus(load_path(corpus_dir), use_cache=True)
    full_second = time.perf_counter() - t
    assert second_tables.entities.equals(tables.entities), "cached run differs from the first"

    # Where the time beyond NER goes (each stage timed alone).
    t = time.perf_counter()
    corpus_again = load_path(corpus_dir)
    ingest_time = time.perf_counter() - t
    t = time.perf_counter()
    sentences = sentences_table(corpus_again.articles)
    split_time = time.perf_counter() - t
    t = time.perf_counter()
    scored = score_sentences(sentences, cache=False)
    sentiment_time = time.perf_counter() - t
    t = time.perf_counter()
    extract_entities(scored, corpus_again.articles, cache=True)  # NER from cache: the entity rules alone
    entity_rules_time = time.perf_counter() - t

    cli_time = None
    if not args.no_cli:
        t = time.perf_counter()
        subprocess.run([sys.executable, "-m", "analysis", "export", str(corpus_dir), "--out", str(work / "out")],
                       cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
        cli_time = time.perf_counter() - t

    def rate(seconds: float) -> str:
        return f"{seconds:7.1f} s  {n_articles / seconds:7.1f} articles/s  {n_words / seconds:9.0f} words/s"

    print(f"corpus: {n_articles} articles, {n_words} words, {len(tables.sentences)} sentences; "
          f"NER processes: {n_process}; cores: {os.cpu_count()}")
    print(f"bare nlp.pipe NER     {rate(bare_time)}   (runs: {', '.join(f'{x:.1f}' for x, _ in bare_runs)} s; "
          f"CPU {bare_cpu:.1f} s)")
    print(f"full tabulation, 1st  {rate(full_first)}   (CPU {full_first_cpu:.1f} s)")
    print(f"full tabulation, 2nd  {rate(full_second)}   (disk cache, in-memory cache dropped)")
    if cli_time is not None:
        print(f"CLI export, 2nd       {rate(cli_time)}   (fresh process: imports, CSV+Parquet writing included)")
    print(f"  of which, timed alone: ingest {ingest_time:.1f} s, sentence split {split_time:.1f} s, "
          f"sentiment (uncached) {sentiment_time:.1f} s, entity rules (NER cached) {entity_rules_time:.1f} s")
    print("  first run by stage: " + ", ".join(f"{name} {seconds:.1f} s" for name, seconds in
                                             sorted(stage_times.items(), key=lambda item: -item[1]))
          + f"; ingest {ingest_first:.1f} s; other (table cache writing...) "
            f"{full_first - ingest_first - sum(stage_times.values()):.1f} s")
    issue = ingest_first + sum(stage_times.get(name, 0.0) for name in ISSUE_STAGES)
    print(f"speed full/bare: {bare_time / full_first:.2f} wall, {bare_cpu / full_first_cpu:.2f} CPU  (target >= 0.75)")
    print(f"speed, the issue's tabulation (ingest, sentences, NER/entities, figures, sentiment; their stage times "
          f"in the 1st run, {issue:.1f} s)/bare: {bare_time / issue:.2f} wall")
    print(f"second/first run: {full_second / full_first:.1%}  (target < 10%)"
          + (f"; CLI second/first: {cli_time / full_first:.1%}" if cli_time is not None else ""))
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    print(f"peak memory: {_mib(own):.0f} MiB this process; {_mib(children):.0f} MiB largest child process")
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
