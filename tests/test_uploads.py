"""Uploads: staging, user edits, limits and zip bombs, the background build, and saved analyses.

The articles are invented for these tests (a ferry disaster, a mine fire, a
storm), so nothing here is tuned to the seeds.
"""

from __future__ import annotations

import hashlib
import io
import json
import time
import zipfile
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from analysis import schema, uploads
from analysis.ingest.corpus import apply_user_dates, load_uploads
from analysis.ingest.limits import Limits
from analysis.ingest.readers import read_bytes, table_previews
from analysis.store.export import FORMAT, read_manifest, tables_from_zip, tables_to_zip
from analysis.tables import CorpusTables
from analysis.uploads import (
    CorpusJob,
    CorpusRequest,
    build,
    column_signature,
    file_groups_to_sources,
    reopen_zip,
    save_zip,
    seed_files,
    stage,
    truncated_articles,
    undated_articles,
    unique_name,
)

ROOT = Path(__file__).resolve().parents[1]

FERRY = ("date 2023-07-04 A passenger ferry capsized in rough seas off Kessar Island on Monday evening. "
         "At least 12 people died and 41 were rescued by fishing boats, the coast guard said.")
MINE = ("Fire broke out in a coal mine near Dunmore early on Thursday. Nine miners were trapped underground and "
        "rescuers pumped fresh air into the shaft. The company said the cause was not yet known.")
STORM = ("A storm tore roofs from houses in Marlow overnight. Four people were hurt by falling trees and "
         "the river rose above its banks. Schools stayed closed on Friday.")
CSV_ODD = ("headline;body_text;when;outlet\n"
           "Ferry search ends;Divers ended the search off Kessar Island on Wednesday after finding three more "
           "bodies.;2023-07-06;Harbour Times\n"
           "Mine owners questioned;Police questioned the owners of the Dunmore mine about safety checks.;;Valley Post\n")


def _zip(members: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", method) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


# --- staging -------------------------------------------------------------------------------------------

def test_stage_keeps_one_copy_renames_clashes_and_spots_saved_analyses():
    files, messages = stage([], [("a.txt", b"one"), ("a.txt", b"one"), ("a.txt", b"two")])
    assert [f.name for f in files] == ["a.txt", "a (2).txt"] and not messages
    assert files[0].sha256 == hashlib.sha256(b"one").hexdigest()
    files, _ = stage(files, [("a.txt", b"two"), ("a.txt", b"three")])
    assert [f.name for f in files] == ["a.txt", "a (2).txt", "a (3).txt"]
    assert not any(f.is_saved_analysis for f in files)


@pytest.mark.parametrize(("name", "taken", "expected"), [
    ("report.csv", set(), "report.csv"),
    ("report.csv", {"report.csv"}, "report (2).csv"),
    ("report.csv", {"report.csv", "report (2).csv"}, "report (3).csv"),
    ("README", {"README"}, "README (2)"),
    (".hidden", {".hidden"}, ".hidden (2)"),
])
def test_unique_name(name, taken, expected):
    assert unique_name(name, taken) == expected


def test_stage_refuses_past_the_file_and_size_limits():
    limits = Limits(max_files=2, max_total_bytes=10)
    files, messages = stage([], [("a.txt", b"12345"), ("b.txt", b"123456"), ("c.txt", b"1"), ("d.txt", b"2")],
                            limits=limits)
    assert [f.name for f in files] == ["a.txt", "c.txt"]
    assert any("b.txt" in m and "MB in all" in m for m in messages)
    assert any("d.txt" in m and "at most 2 files" in m for m in messages)


# --- user edits: sources, groups, dates, column maps ------------------------------------------------------

def test_sources_dates_and_groups_given_by_the_user():
    files = [("ferry.txt", FERRY.encode()), ("notes/mine.txt", MINE.encode()), ("desk.csv", CSV_ODD.encode())]
    maps = {"desk.csv": {"text": "body_text", "title": "headline", "published": "when", "source": "outlet"}}
    corpus = load_uploads(files, column_maps=maps, sources={"notes/mine.txt": "Dunmore Radio"})
    articles = corpus.articles.set_index("file")
    assert articles.loc["notes/mine.txt", "source"] == "Dunmore Radio"
    assert articles.loc["ferry.txt", "source"] == "ferry"
    assert articles.loc["desk.csv row 1", "published"] == pd.Timestamp("2023-07-06")
    assert articles.loc["desk.csv row 1", "date_method"] == "column"
    assert pd.isna(articles.loc["desk.csv row 2", "published"])

    undated = undated_articles(corpus.articles)
    assert set(undated["file"]) == {"notes/mine.txt", "desk.csv row 2"}
    mine_id = articles.loc["notes/mine.txt", "article_id"]
    dated = apply_user_dates(corpus, {mine_id: "2023-08-10", "not-an-id": "2020-01-01"})
    row = dated.articles.set_index("article_id").loc[mine_id]
    assert row["published"] == pd.Timestamp("2023-08-10") and row["date_method"] == "user"
    assert "given by the user" in row["notes"]
    assert pd.isna(corpus.articles.set_index("article_id").loc[mine_id, "published"]), "input was modified"
    assert dated.articles["published"].dtype == corpus.articles["published"].dtype

    groups = file_groups_to_sources(corpus.articles, {"desk.csv": "wire desk", "ferry.txt": ""})
    assert groups == {"Harbour Times": "wire desk", "Valley Post": "wire desk"}


def test_column_map_reaches_a_table_inside_a_zip_and_previews_show_it():
    archive = _zip({"exports/desk.csv": CSV_ODD.encode(), "ferry.txt": FERRY.encode()})
    previews = table_previews("bundle.zip", archive, limits=Limits())
    assert [p.input for p in previews] == ["bundle.zip!exports/desk.csv"]
    preview = previews[0]
    assert preview.needs_mapping and preview.columns == ["headline", "body_text", "when", "outlet"]
    assert len(preview.head) == 2 and preview.recognised == {"title": "headline", "source": "outlet"}
    unmapped = read_bytes("bundle.zip", archive, limits=Limits())
    assert len(unmapped.articles) == 1 and "no text column" in unmapped.problems[0].reason
    mapped = read_bytes("bundle.zip", archive, limits=Limits(),
                        column_maps={preview.input: {"text": "body_text", "source": "outlet"}})
    assert len(mapped.articles) == 3
    assert column_signature(preview.columns) == column_signature(list(preview.columns))
    assert column_signature(["a", "b"]) != column_signature(["b", "a"])


# --- limits: zip bombs, totals, long articles --------------------------------------------------------------

def test_zip_bomb_member_is_refused_by_its_ratio_without_inflating_it():
    bomb = _zip({"zeros.txt": b"0" * 30_000_000, "ferry.txt": FERRY.encode()})
    assert len(bomb) < 100_000
    started = time.perf_counter()
    corpus = load_uploads([("bomb.zip", bomb)])
    assert time.perf_counter() - started < 5
    report = corpus.load_report.set_index("input")
    assert "possible zip bomb" in report.loc["bomb.zip!zeros.txt", "reason"]
    assert report.loc["bomb.zip!ferry.txt", "status"] == "loaded"


def test_many_member_bomb_stops_at_the_total_budget_and_says_how_much_was_not_read():
    # 60 members of 200 KB each, each compressing under the ratio limit: only the total stops it.
    rng = np.random.default_rng(1)
    member = rng.integers(97, 101, size=200_000, dtype=np.uint8).tobytes()  # 'a'-'d': ~4x compressible
    bomb = _zip({f"part{i:03}.txt": member for i in range(60)})
    limits = Limits(max_total_bytes=4_000_000, max_files=1000)
    started = time.perf_counter()
    result = read_bytes("parts.zip", bomb, limits=limits)
    elapsed = time.perf_counter() - started
    stopped = [p for p in result.problems if "total size after decompression" in p.reason]
    assert len(stopped) == 1 and "reading stopped here" in stopped[0].reason
    assert "and 39 more files in parts.zip were not read" in stopped[0].reason
    assert len(result.articles) == 20 and elapsed < 30


def test_total_budget_counts_every_file_of_one_upload():
    limits = Limits(max_total_bytes=len(FERRY) + len(MINE) + 10)
    corpus = load_uploads([("a.txt", FERRY.encode()), ("b.txt", MINE.encode()), ("c.txt", STORM.encode())],
                          limits=limits)
    report = corpus.load_report.set_index("input")
    assert report.loc["c.txt", "status"] == "skipped" and "total size" in report.loc["c.txt", "reason"]
    assert len(corpus.articles) == 2


def test_nested_zip_beyond_one_level_is_refused_with_a_message():
    inner = _zip({"deep.zip": _zip({"ferry.txt": FERRY.encode()})})
    corpus = load_uploads([("outer.zip", _zip({"mid.zip": inner}))])
    reasons = " ".join(corpus.load_report["reason"])
    assert "nested more than 1 level deep" in reasons


def test_long_article_is_truncated_with_a_note_not_silently():
    text = (MINE + " ") * 200
    corpus = load_uploads([("long.txt", text.encode())], limits=Limits(max_article_chars=1_000))
    article = corpus.articles.iloc[0]
    assert len(article["text"]) == 1_000
    assert "truncated from" in article["notes"] and "to 1,000 characters" in article["notes"]
    assert "truncated" in corpus.load_report.iloc[0]["reason"]
    shown = truncated_articles(corpus.articles)
    assert list(shown["file"]) == ["long.txt"] and shown["note"].iloc[0].startswith("truncated from")


# --- the build and the job ------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def built():
    request = CorpusRequest(
        name="Coastal disasters <b>2023</b>",
        files=(("ferry.txt", FERRY.encode()), ("mine.md", MINE.encode()), ("desk.csv", CSV_ODD.encode()),
               ("storm.txt", STORM.encode())),
        column_maps={"desk.csv": {"text": "body_text", "title": "headline", "published": "when",
                                  "source": "outlet"}},
        sources={"storm.txt": "Marlow Gazette"}, groups={"storm.txt": "local", "desk.csv": "wire"},
    )
    stages = []
    result = build(request, report=lambda *args: stages.append(args))
    return request, result, stages


def test_build_reports_progress_with_counts_and_current_file(built):
    request, result, stages = built
    reading = [s for s in stages if s[0] == "Reading files"]
    assert [s[1] for s in reading] == [0, 1, 2, 3, 4] and all(s[2] == 4 for s in reading)
    assert [s[3] for s in reading[:4]] == [name for name, _ in request.files]
    assert any(s[0].startswith("Finding names") for s in stages)
    assert stages[-1][0] == "Done"
    assert len(result.tables.articles) == 5
    assert result.source_groups == {"Marlow Gazette": "local", "Harbour Times": "wire", "Valley Post": "wire"}
    assert [f.name for f in result.files] == [name for name, _ in request.files]


def test_fingerprint_changes_with_bytes_names_and_settings():
    base = CorpusRequest(name="x", files=(("a.txt", b"alpha"),))
    assert base.fingerprint() == CorpusRequest(name="y", files=(("a.txt", b"alpha"),)).fingerprint()
    assert base.fingerprint() != CorpusRequest(name="x", files=(("a.txt", b"alphA"),)).fingerprint()
    assert base.fingerprint() != CorpusRequest(name="x", files=(("b.txt", b"alpha"),)).fingerprint()
    assert base.fingerprint() != CorpusRequest(name="x", files=(("a.txt", b"alpha"),),
                                               dates={"id": "2024-01-01"}).fingerprint()


def test_job_runs_in_the_background_and_can_be_cancelled():
    files = tuple((f"story{i}.txt", f"{STORM} Story number {i} of the series.".encode()) for i in range(40))
    seen = []

    class Slow(CorpusJob):
        def _report(self, *args):
            super()._report(*args)
            seen.append(args)
            time.sleep(0.05)

    job = Slow(CorpusRequest(name="slow", files=files)).start()
    deadline = time.monotonic() + 10
    while not seen and time.monotonic() < deadline:
        time.sleep(0.01)
    assert job.running and job.progress()[0] == "Reading files"
    job.cancel()
    assert job.wait(30)
    assert job.error == "cancelled" and job.result is None
    assert len(seen) < len(files)

    done = CorpusJob(CorpusRequest(name="quick", files=files[:2])).start()
    assert done.wait(120) and done.error is None and len(done.result.tables.articles) == 2


def test_job_error_is_kept_for_the_page_not_raised():
    class Broken(CorpusJob):
        def _report(self, *args):
            raise RuntimeError("disk on fire")

    job = Broken(CorpusRequest(name="broken", files=(("a.txt", b"x y z."),))).start()
    assert job.wait(30)
    assert job.error == "RuntimeError: disk on fire" and job.result is None


# --- saved analyses: exact round trip ---------------------------------------------------------------------------

def _assert_same_tables(a: CorpusTables, b: CorpusTables) -> None:
    for name, frame in a.items():
        pd.testing.assert_frame_equal(frame, getattr(b, name), check_exact=True, obj=name)


def test_saved_analysis_reopens_to_exactly_the_same_tables(built):
    request, result, _ = built
    data = save_zip(result, source_groups={"Valley Post": "regional", "Elsewhere": "x"})
    manifest = read_manifest(data)
    assert manifest["format"] == FORMAT and manifest["corpus"] == "Coastal disasters <b>2023</b>"
    assert [(f["name"], f["sha256"], f["bytes"]) for f in manifest["files"]] == [
        (name, hashlib.sha256(content).hexdigest(), len(content)) for name, content in request.files]
    assert manifest["versions"]["tool"] and manifest["versions"]["model"].startswith("en_core_web_sm")
    assert manifest["versions"]["spacy"] and manifest["versions"]["pandas"] == pd.__version__
    settings = manifest["settings"]
    assert settings["sources"] == {"storm.txt": "Marlow Gazette"}
    assert settings["column_maps"]["desk.csv"]["text"] == "body_text"
    assert settings["limits"]["max_article_chars"] == Limits().max_article_chars
    assert settings["source_groups"] == {"Marlow Gazette": "local", "Harbour Times": "wire", "Valley Post": "regional"}
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = set(archive.namelist())
        assert {f"tables/{t}.{kind}" for t in schema.TABLES for kind in ("csv", "parquet")} <= names
        articles_csv = pd.read_csv(archive.open("tables/articles.csv"))
        assert len(articles_csv) == len(result.tables.articles)

    reopened = reopen_zip("upload.zip", data)
    _assert_same_tables(result.tables, reopened.tables)
    assert reopened.origin == "saved" and reopened.name == result.name and reopened.notes == ()
    assert reopened.source_groups["Valley Post"] == "regional"
    assert [f.sha256 for f in reopened.files] == [f.sha256 for f in result.files]
    # Saving the reopened corpus again gives the same tables once more.
    _assert_same_tables(result.tables, reopen_zip("again.zip", save_zip(reopened)).tables)


def test_seed_analysis_round_trips_exactly():
    from analysis.ingest.corpus import load_path
    from analysis.pipeline import analyse_corpus

    tables = analyse_corpus(load_path(ROOT / "seeds"))
    _assert_same_tables(tables, tables_from_zip(tables_to_zip(tables, name="seeds")).tables)
    names = [name for name, _ in seed_files(ROOT / "seeds")]
    assert "labels.csv" in names and len(names) == len(tables.articles) + 1  # the label sheet names the seeds


def test_round_trip_keeps_awkward_values_and_dtypes():
    tables = {name: schema.empty_table(name) for name in schema.TABLES}
    articles = schema.conform(pd.DataFrame({
        "article_id": ["a1", "a2", "a3", "a4"],
        "source": pd.Series(["x", None, "z", "w"], dtype=object),
        "title": ["<script>alert(1)</script>", "$x$ **bold**", "", "naïve — ✓"],
        "published": pd.to_datetime(["2024-03-23", None, "2024-03-24", "1999-12-31"]).astype("datetime64[s]"),
        "n_words": pd.array([1, None, 3, 4], dtype="Int64"),
        "title_derived": [True, False, True, False],
        "polarity": [0.5, float("nan"), -1.0, 0.0],
        "notes": pd.Series([pd.NA, None, float("nan"), "kept"], dtype=object),
        "killed": pd.Series([pd.NA, pd.NA, pd.NA, pd.NA], dtype=object),
    }), "articles")
    articles.index = [10, 11, 12, 13]
    tables["articles"] = articles
    original = CorpusTables(**tables)
    _assert_same_tables(original, tables_from_zip(tables_to_zip(original, name="odd")).tables)


def test_damaged_or_foreign_zips_give_a_clear_reason(built):
    _, result, _ = built
    data = save_zip(result)
    with pytest.raises(ValueError, match="not a saved analysis"):
        tables_from_zip(_zip({"ferry.txt": FERRY.encode()}))
    with pytest.raises(ValueError, match="not a saved analysis"):
        tables_from_zip(b"not a zip at all")
    assert read_manifest(_zip({"manifest.json": b'{"format": "something else"}'})) is None

    # A changed table no longer matches its hash.
    members = {}
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in archive.namelist():
            members[name] = archive.read(name)
    tampered = dict(members)
    frame = pd.read_parquet(io.BytesIO(members["tables/articles.parquet"]))
    frame.loc[0, "title"] = "changed"
    buffer = io.BytesIO()
    frame.to_parquet(buffer)
    tampered["tables/articles.parquet"] = buffer.getvalue()
    with pytest.raises(ValueError, match="does not match its hash"):
        tables_from_zip(_zip(tampered))

    missing = {k: v for k, v in members.items() if k != "tables/figures.parquet"}
    with pytest.raises(ValueError, match="figures.parquet is missing"):
        tables_from_zip(_zip(missing))

    newer = dict(members)
    manifest = json.loads(members["manifest.json"])
    manifest["format_version"] = 99
    newer["manifest.json"] = json.dumps(manifest).encode()
    with pytest.raises(ValueError, match="newer version"):
        tables_from_zip(_zip(newer))

    with pytest.raises(ValueError, match="over the"):
        tables_from_zip(data, limits=Limits(max_total_bytes=1_000))


def test_a_saved_analysis_is_staged_as_such_not_as_articles(built):
    _, result, _ = built
    files, _ = stage([], [("saved.zip", save_zip(result)), ("bundle.zip", _zip({"ferry.txt": FERRY.encode()}))])
    assert [f.is_saved_analysis for f in files] == [True, False]
    assert files[0].manifest["corpus"] == result.name


@pytest.mark.parametrize("names, expected", [
    ([], "My corpus"),
    (["wires.csv"], "wires"),
    (["wires.csv", "blogs.zip", "x.txt"], "wires and 2 more"),
    (["no_suffix"], "no_suffix"),
])
def test_default_corpus_name(names, expected):
    assert uploads.default_corpus_name(names) == expected


@pytest.mark.parametrize("name, expected", [
    ("Crocus coverage", "Crocus_coverage.zip"),
    ("../../etc/passwd", "etc_passwd.zip"),
    ("...", "corpus.zip"),
    ("x" * 100, "x" * 60 + ".zip"),
])
def test_download_name_is_a_safe_file_name(name, expected):
    assert uploads.download_name(name) == expected


def test_file_edits_set_sources_and_groups_and_remove_without_changing_the_inputs():
    sources, groups = {"a.txt": "Old"}, {}
    edits = {0: {"source": " TASS "}, 1: {"group": "Wires", "remove": True}, "2": {"source": None}}
    settings = uploads.apply_file_edits(edits, ["a.txt", "b.csv", "c.zip"], sources=sources, groups=groups)
    assert settings.sources == {"a.txt": "TASS", "c.zip": ""}
    assert settings.groups == {"b.csv": "Wires"}
    assert settings.removed == {"b.csv"}
    assert sources == {"a.txt": "Old"} and groups == {}


def test_date_edits_keep_the_day_and_clear_blanks():
    edits = {0: {"published": "2024-03-23T00:00:00"}, 1: {"published": None}, 2: {"title": "ignored"}}
    assert uploads.date_edits(edits, ["x", "y", "z"]) == {"x": "2024-03-23", "y": ""}


# --- outlet labels the user gives --------------------------------------------------------------------------------

@pytest.mark.parametrize("edits, current, expected", [
    ({0: {"country": " KZ "}}, {}, {"a.example": {"country": "KZ"}}),
    ({"1": {"name": "B Daily", "kind": "newspaper"}}, {}, {"b.example": {"name": "B Daily", "kind": "newspaper"}}),
    ({0: {"kind": None}}, {"a.example": {"kind": "blog", "country": "US"}}, {"a.example": {"kind": "", "country": "US"}}),
    ({0: {"country": ""}}, {"a.example": {"country": "US"}}, {}),  # blank everywhere: back to the list's labels
])
def test_outlet_edits_fold_into_the_users_labels_without_changing_the_inputs(edits, current, expected):
    before = {k: dict(v) for k, v in current.items()}
    assert uploads.outlet_edits(edits, ["a.example", "b.example"], current=current) == expected
    assert current == before


def test_outlet_table_lists_each_source_once_most_articles_first():
    articles = pd.DataFrame({
        "article_id": ["1", "2", "3"], "source": ["b.example", "tass.ru", "tass.ru"],
        "outlet": ["b.example", "TASS", "TASS"], "outlet_country": ["", "Russia", "Russia"],
        "outlet_kind": ["", "state-owned or state-funded", "state-owned or state-funded"],
        "outlet_basis": ["", "list", "list"]})
    table = uploads.outlet_table(articles)
    assert table.values.tolist() == [["tass.ru", 2, "TASS", "Russia", "state-owned or state-funded", "list"],
                                     ["b.example", 1, "b.example", "", "", ""]]


def test_outlet_labels_are_part_of_the_request_and_change_its_fingerprint():
    plain = CorpusRequest("c", (("a.txt", b"A storm tore roofs from houses overnight."),))
    labelled = CorpusRequest("c", (("a.txt", b"A storm tore roofs from houses overnight."),), outlets={"a": {"country": "US", "kind": ""}})
    assert labelled.settings()["outlets"] == {"a": {"country": "US"}}
    assert plain.fingerprint() != labelled.fingerprint()
