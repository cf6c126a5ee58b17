"""The corpus views a built or reopened corpus carries are what the pages would compute themselves;
a saved corpus carries them, and they are reused only when made by this code for its tables."""

from __future__ import annotations

import hashlib
import io
import json
import zipfile

import pandas as pd
import pytest

from analysis import uploads

from analysis.framing import cited_sources
from analysis.framing.distinctive import term_matrix
from analysis.tone.sentiment import article_tone, source_tone
from analysis.uploads import CorpusRequest, build, reopen_zip, save_zip
from analysis.ingest.limits import Limits
from analysis.store.export import tables_from_zip
from analysis.views.prepared import CORPUS_VIEWS, SAVED_FRAMES, corpus_view, kept_rows, prepare_views, views_version

FILES = (("notes.jsonl", b'{"text": "At least 12 people were killed, officials said. Police said the toll may rise.",'
                         b' "source": "a.example", "published": "2024-03-23"}\n'
                         b'{"text": "The death toll rose to 14, according to the governor. Witnesses said it was'
                         b' chaos.", "source": "b.example", "published": "2024-03-24"}\n'),)


@pytest.fixture(scope="module")
def built():
    return build(CorpusRequest(name="two reports", files=FILES))


def test_a_built_corpus_carries_every_corpus_view(built):
    assert set(built.views) == set(CORPUS_VIEWS)
    pd.testing.assert_frame_equal(built.views["framing_cited_all"], cited_sources(built.tables.sentences,
                                                                                  built.tables.mentions))
    pd.testing.assert_frame_equal(built.views["tone_articles"], article_tone(built.tables.sentences))
    matrix = term_matrix(built.tables.sentences)
    assert list(built.views["framing_term_matrix"].terms) == list(matrix.terms)
    assert built.views["framing_term_matrix"].counts.tolist() == matrix.counts.tolist()


def _assert_same_views(found: dict, expected: dict) -> None:
    assert set(found) == set(expected) == set(CORPUS_VIEWS)
    for name in ("framing_cited_all", "tone_articles"):
        pd.testing.assert_frame_equal(found[name], expected[name], check_exact=True, obj=name)
    assert found["sentence_words"].dtype == expected["sentence_words"].dtype
    assert found["sentence_words"].tolist() == expected["sentence_words"].tolist()
    matrix, again = found["framing_term_matrix"], expected["framing_term_matrix"]
    pd.testing.assert_index_equal(matrix.article_ids, again.article_ids, exact=True)
    for part in ("terms", "rows", "columns", "counts", "tokens", "words"):
        assert getattr(matrix, part).dtype == getattr(again, part).dtype, part
        assert getattr(matrix, part).tolist() == getattr(again, part).tolist(), part
    assert matrix.min_total == again.min_total


def test_a_saved_corpus_reopens_with_its_views_read_not_computed(built, monkeypatch):
    assert len(built.views["framing_cited_all"]) and len(built.views["framing_term_matrix"].terms)
    data = save_zip(built)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert {f"views/{name}.parquet" for name in SAVED_FRAMES} <= set(archive.namelist())
    with monkeypatch.context() as patched:
        for name in SAVED_VIEWS:
            patched.setitem(CORPUS_VIEWS, name, _must_not_compute)
        reopened = reopen_zip("two.zip", data)
    _assert_same_views(reopened.views, prepare_views(reopened.tables))
    for name in ("framing_cited_all", "tone_articles"):
        pd.testing.assert_frame_equal(corpus_view(reopened.tables, name), reopened.views[name])
    with pytest.raises(KeyError):
        corpus_view(reopened.tables, "no such view")


#: the views a saved analysis carries; the toll summary (lists) is computed again on reopen
SAVED_VIEWS = ("framing_cited_all", "framing_term_matrix", "tone_articles", "sentence_words")


def _must_not_compute(tables):
    raise AssertionError("the views were computed instead of read")


def _rewritten(data: bytes, change) -> bytes:
    """``data`` with its manifest passed through ``change`` and members replaced as it says."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    manifest = json.loads(members["manifest.json"])
    members.update(change(manifest))
    members["manifest.json"] = json.dumps(manifest).encode()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def _shorter_word_counts(manifest: dict) -> dict:
    # A view that no longer fits its tables, hashed again so that only the fit can tell.
    buffer = io.BytesIO()
    pd.DataFrame({"words": [1]}).to_parquet(buffer, index=False)
    manifest["views"]["tables"]["sentence_words"].update(
        parquet_sha256=hashlib.sha256(buffer.getvalue()).hexdigest(), dtypes={"words": "int64"}, missing={})
    return {"views/sentence_words.parquet": buffer.getvalue()}


def _without_views(manifest: dict) -> dict:
    del manifest["views"]  # a zip saved before views were saved
    return {}


def _damaged_view(manifest: dict) -> dict:
    return {"views/tone_articles.parquet": b"not parquet"}


@pytest.mark.parametrize(("case", "change", "version"), [
    ("a damaged view", _damaged_view, None),
    ("saved by other analysis code", lambda manifest: {}, "corpus-views/1/other code"),
    ("views that do not fit the tables", _shorter_word_counts, None),
    ("no views in the zip", _without_views, None),
])
def test_views_that_cannot_be_trusted_are_computed_again(built, monkeypatch, case, change, version):
    data = _rewritten(save_zip(built), change)
    computed = []
    monkeypatch.setattr(uploads, "prepare_views",
                        lambda tables, known=None: computed.append(known) or prepare_views(tables, known))
    if version is not None:
        monkeypatch.setattr(uploads, "views_version", lambda: version)
    reopened = reopen_zip("two.zip", data)
    assert computed == [None], case  # nothing read from the zip: every view computed
    _assert_same_views(reopened.views, built.views)


def test_views_are_tied_to_the_tables_they_were_made_from(built):
    version = views_version()
    data = save_zip(built)
    assert set(tables_from_zip(data, views_version=version).views) == set(SAVED_FRAMES)
    assert tables_from_zip(data).views == {}  # not asked for
    assert tables_from_zip(data, views_version=version + "x").views == {}
    # Views that would take the zip over its limit are left out; the tables within it still open.
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        tables_bytes = sum(info.file_size for info in archive.infolist() if info.filename.endswith(".parquet")
                           and info.filename.startswith("tables/"))
    within = tables_from_zip(data, views_version=version, limits=Limits(max_total_bytes=tables_bytes + 10))
    assert len(within.tables.articles) == len(built.tables.articles) and within.views == {}
    # Another articles table, with its hash in the manifest updated: the views were not made from it.
    def one_article(manifest: dict) -> dict:
        buffer = io.BytesIO()
        tables_from_zip(data).tables.articles.head(1).to_parquet(buffer)
        manifest["tables"]["articles"].update(parquet_sha256=hashlib.sha256(buffer.getvalue()).hexdigest())
        return {"tables/articles.parquet": buffer.getvalue()}

    other = _rewritten(data, one_article)
    assert len(tables_from_zip(other, views_version=version).tables.articles) == 1
    assert tables_from_zip(other, views_version=version).views == {}



def test_word_counts_narrowed_to_the_filtered_articles_line_up_with_their_sentences(built):
    tables = built.tables
    part = tables.restrict(tables.articles["article_id"].tail(1))
    words = built.views["sentence_words"][kept_rows(tables.sentences, part.articles)]
    assert len(words) == len(part.sentences)
    pd.testing.assert_frame_equal(source_tone(part.sentences, part.articles, words=words),
                                  source_tone(part.sentences, part.articles))


def test_the_toll_summary_of_the_whole_corpus_is_what_the_page_computes_for_it(built):
    from analysis.timeline.events import event_groups
    from analysis.timeline.points import mixed_event_notes
    from analysis.timeline.summary import summarise
    from analysis.views.toll import category_choices

    t = built.tables
    events = event_groups(t.articles, entities=t.entities)
    assert built.views["toll_summary"] == (
        summarise(t.timeline, t.contradictions, articles=t.articles, entities=t.entities, events=events),
        mixed_event_notes(t.articles, entities=t.entities, events=events), category_choices(t.timeline))
    assert any(line.startswith("Deaths:") for line in built.views["toll_summary"][0])


@pytest.mark.parametrize("dtype, wanted_dtype", [("object", "object"), ("string[pyarrow]", "string[pyarrow]"),
                                                 ("string[pyarrow]", "object"), ("object", "string[pyarrow]")])
def test_kept_rows_is_isin_of_the_articles(dtype, wanted_dtype):
    whole = pd.DataFrame({"article_id": pd.Series(["a", "b", None, "c", "a", "d"], dtype=dtype)})
    articles = pd.DataFrame({"article_id": pd.Series(["a", "d", "zz"], dtype=wanted_dtype)})
    assert kept_rows(whole, articles).tolist() == [True, False, False, False, True, True]
    assert kept_rows(whole, articles.iloc[:0]).tolist() == [False] * 6
    assert kept_rows(whole.iloc[:0], articles).tolist() == []


def test_kept_rows_compares_ids_that_are_not_text_as_pandas_does():
    whole = pd.DataFrame({"article_id": [1, 2]})
    assert kept_rows(whole, pd.DataFrame({"article_id": ["1"]})).tolist() == [False, False]
    assert kept_rows(whole, pd.DataFrame({"article_id": [2]})).tolist() == [False, True]
