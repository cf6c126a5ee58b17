"""The whole-corpus cache: an unchanged corpus is read back exactly; any change misses."""

import zipfile
from dataclasses import replace
from pathlib import Path

import pandas as pd

from analysis.ingest.corpus import Corpus, load_path
from analysis.pipeline import analyse_corpus
from analysis.store.corpus_cache import cached_analysis, corpus_key

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def test_second_analysis_is_read_back_exactly(monkeypatch, tmp_path):
    monkeypatch.setenv("NEWSDASH_CACHE_DIR", str(tmp_path))
    corpus = load_path(SEEDS)
    calls = []

    def compute(c: Corpus):
        calls.append(1)
        return analyse_corpus(c, use_cache=False)

    first = cached_analysis(corpus, compute)
    second = cached_analysis(corpus, compute)
    assert calls == [1]
    for (name, a), (_, b) in zip(first.items(), second.items()):
        pd.testing.assert_frame_equal(a, b, obj=name)
    (entry,) = (tmp_path / "tables").rglob("*.zip")
    # Only what the read-back uses is stored: Parquet and the manifest.
    with zipfile.ZipFile(entry) as archive:
        assert not [name for name in archive.namelist() if name.endswith(".csv")]


def test_a_changed_date_or_text_is_a_different_key():
    corpus = load_path(SEEDS)
    key = corpus_key(corpus)
    dated = corpus.articles.copy()
    dated.loc[0, "published"] = pd.Timestamp("2024-03-25")
    assert corpus_key(replace(corpus, articles=dated)) != key
    assert corpus_key(replace(corpus, articles=corpus.articles.iloc[1:])) != key
    assert corpus_key(load_path(SEEDS)) == key


def test_the_load_report_is_this_runs_own(monkeypatch, tmp_path):
    monkeypatch.setenv("NEWSDASH_CACHE_DIR", str(tmp_path))
    corpus = load_path(SEEDS)
    analyse_corpus(corpus)
    report = corpus.load_report.assign(reason="renamed inputs")
    again = analyse_corpus(replace(corpus, load_report=report))
    assert (again.load_report["reason"] == "renamed inputs").all()


def test_uploads_never_put_whole_tables_on_disk(monkeypatch, tmp_path):
    from analysis.uploads import CorpusRequest, build

    monkeypatch.setenv("NEWSDASH_CACHE_DIR", str(tmp_path))
    text = b"A landslide buried four homes in the hill village of Orvena on Sunday, officials said."
    build(CorpusRequest(name="mine", files=(("slide.txt", text),)))
    assert not (tmp_path / "tables").exists()
    stored = b"".join(p.read_bytes() for p in tmp_path.rglob("*") if p.is_file())
    assert b"Orvena" not in stored
