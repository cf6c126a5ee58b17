"""Ingest: every reader, the seeds, duplicates, and every bad-input case."""

import datetime as dt
import io
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pandas as pd
import pytest

from analysis import schema
from analysis.ingest.corpus import article_id, load_path, load_uploads, sentences_table
from analysis.ingest.limits import Limits

ROOT = Path(__file__).resolve().parents[2]

SEEDS = Path(__file__).resolve().parents[2] / "seeds"

QUAKE = ("An earthquake struck the coastal town before dawn on Tuesday. At least 14 people died and dozens were "
         "injured, the regional governor said. Rescue teams searched collapsed homes through the night.")
FLOOD = ("Flash floods swept through three villages after two days of rain. Officials said 9 people were missing "
         "and more than 300 homes were damaged. The army sent boats to reach stranded families.")


def _report(corpus, status=None):
    report = corpus.load_report
    return report if status is None else report[report["status"] == status]


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_seeds_load_with_dates_junk_and_sections():
    corpus = load_path(SEEDS)
    articles = corpus.articles.set_index("source")
    assert len(articles) == 5
    assert list(corpus.articles.columns) == schema.columns("articles")
    assert articles.loc["Seed C: the ISIS-K claim", "published"] == pd.Timestamp("2024-03-24")
    assert articles.loc["Seed D: early toll", "date_method"] == "prefix"
    assert articles["published"].isna().sum() == 2
    assert not articles["text"].str.contains("Advertisment").any()
    assert not articles["text"].str.contains("date 2024").any()
    assert "page-junk" in articles.loc["Seed D: early toll", "notes"]
    assert articles["title_derived"].all()
    assert set(corpus.load_report["status"]) == {"loaded"}


def test_seed_sentences_point_into_text_and_carry_sections():
    corpus = load_path(SEEDS)
    sentences = sentences_table(corpus.articles)
    texts = corpus.articles.set_index("article_id")["text"]
    for row in sentences.itertuples():
        assert texts[row.article_id][row.start:row.end] == row.text
    sections = set(sentences["section"])
    assert {"Unfolding of Events", "Chronology of Chaos", "The Assault and Its Aftermath"} <= sections
    assert "Unfolding of Events" not in set(sentences["text"])
    # The missing space in "damage.While some perished" still splits.
    assert sentences["text"].str.startswith("While some perished").any()


@pytest.mark.parametrize(
    ("text", "expected_date", "method"),
    [
        (" date 2024-03-23 Gunmen opened fire.", dt.date(2024, 3, 23), "prefix"),
        ("Date: 23 March 2024\nGunmen opened fire on a crowd.", dt.date(2024, 3, 23), "prefix"),
        ("MOSCOW, Mar. 23, 2024 (AFP) - Gunmen opened fire.", dt.date(2024, 3, 23), "dateline"),
        ("ANKARA, Turkey, 7 February 2023 (Reuters) — The toll rose.", dt.date(2023, 2, 7), "dateline"),
        ("Officials said on March 22, 2024 that the toll rose.", None, ""),
    ],
)
def test_publication_date_forms(text, expected_date, method):
    articles = load_uploads([("story.txt", text.encode())]).articles
    published = articles.loc[0, "published"]
    assert (pd.isna(published) if expected_date is None else published.date() == expected_date)
    assert articles.loc[0, "date_method"] == method


def test_dateline_is_not_left_in_the_text():
    articles = load_uploads([("wire.txt", b"MOSCOW, Mar. 23, 2024 (AFP) - Gunmen opened fire.")]).articles
    assert articles.loc[0, "text"] == "Gunmen opened fire."


def test_short_first_line_is_the_title():
    articles = load_uploads([("quake.md", f"Quake Kills 14 in Coastal Town\n\n{QUAKE}".encode())]).articles
    assert articles.loc[0, "title"] == "Quake Kills 14 in Coastal Town"
    assert not articles.loc[0, "title_derived"]
    assert articles.loc[0, "text"].startswith("An earthquake")


def test_csv_with_usual_columns_reports_what_it_used():
    frame = pd.DataFrame({
        "Headline": ["Quake", "Floods"], "Body": [QUAKE, FLOOD],
        "Published_At": ["2023-02-07", "7 March 2023"], "Outlet": ["Daily Post", "River News"],
        "Link": ["https://dailypost.example/2023/02/07/quake", ""],
    })
    corpus = load_uploads([("export.csv", frame.to_csv(index=False).encode())])
    articles = corpus.articles
    assert articles["source"].tolist() == ["Daily Post", "River News"]
    assert articles["date_method"].tolist() == ["column", "column"]
    assert articles.loc[1, "published"] == pd.Timestamp("2023-03-07")
    reasons = _report(corpus, "loaded")["reason"].tolist()
    assert all("columns used: text=Body, title=Headline, published=Published_At" in r for r in reasons)
    assert _report(corpus, "loaded")["input"].tolist() == ["export.csv row 1", "export.csv row 2"]


def test_semicolon_csv_and_url_dates_and_domains():
    content = f"text;url\n\"{QUAKE}\";https://www.quakewatch.example/news/2023/02/06/quake\n"
    articles = load_uploads([("semi.csv", content.encode())]).articles
    assert articles.loc[0, "source"] == "quakewatch.example"
    assert articles.loc[0, "date_method"] == "url"
    assert articles.loc[0, "published"] == pd.Timestamp("2023-02-06")


def test_jsonl_json_and_parquet():
    jsonl = "\n".join([json.dumps({"content": QUAKE, "title": "Quake"}), "{broken", json.dumps({"content": FLOOD})])
    corpus = load_uploads([("feed.jsonl", jsonl.encode())])
    assert len(corpus.articles) == 2
    assert "malformed JSON" in _report(corpus, "skipped")["reason"].iloc[0]
    assert "line 2" in _report(corpus, "skipped")["input"].iloc[0]

    as_json = json.dumps({"articles": [{"article": QUAKE, "publisher": "Quake Daily"}]}).encode()
    assert load_uploads([("dump.json", as_json)]).articles.loc[0, "source"] == "Quake Daily"

    buffer = io.BytesIO()
    pd.DataFrame({"text": [QUAKE, FLOOD], "source": ["A", "B"]}).to_parquet(buffer)
    assert load_uploads([("t.parquet", buffer.getvalue())]).articles["source"].tolist() == ["A", "B"]


def test_html_page_text_title_date_and_site_without_scripts():
    html = f"""<html><head><title>Quake kills 14 - Coast Herald</title>
    <meta property="og:site_name" content="Coast Herald">
    <meta property="article:published_time" content="2023-02-07T06:00:00Z">
    <script>document.title = "owned"; alert(1)</script></head>
    <body><nav>Home | World | Sport</nav><article><h1>Quake kills 14</h1><p>{QUAKE}</p><p>{FLOOD}</p></article>
    <footer>Copyright 2019 Coast Herald</footer></body></html>"""
    articles = load_uploads([("page.html", html.encode())]).articles
    row = articles.loc[0]
    assert row["source"] == "Coast Herald"
    assert row["published"] == pd.Timestamp("2023-02-07 06:00")  # the time the page states is kept
    assert row["date_method"] == "metadata"
    assert "alert" not in row["text"] and "earthquake struck" in row["text"]


def test_exact_duplicates_merge_with_both_sources_and_near_duplicates_are_flagged():
    near = QUAKE + " Aftershocks continued into the afternoon."
    corpus = load_uploads([("a.txt", QUAKE.encode()), ("b.txt", ("  " + QUAKE.upper()).encode()),
                           ("c.txt", near.encode()), ("d.txt", FLOOD.encode())])
    articles = corpus.articles
    assert len(articles) == 3
    assert articles.loc[0, "sources"] == "a; b"
    assert _report(corpus, "merged duplicate")["input"].tolist() == ["b.txt"]
    assert articles.loc[1, "near_duplicate_of"] == articles.loc[0, "article_id"]
    assert _report(corpus, "near duplicate")["input"].tolist() == ["c.txt"]
    assert articles.loc[2, "near_duplicate_of"] == ""


def test_near_duplicate_shingles_are_the_same_in_every_process():
    """Python salts ``hash`` of strings per process; the MinHash must not, or the same corpus loaded twice finds
    different near duplicates."""
    script = ("from analysis.ingest.corpus import _shingles; "
              "print(sorted(_shingles('The dam gave way on Sunday night and homes were flooded.', {})))")
    runs = {subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=ROOT,
                           env={**os.environ, "PYTHONHASHSEED": seed}).stdout for seed in ("1", "2")}
    assert len(runs) == 1 and runs.pop().count(",") == 6  # the seven runs of five of its eleven words


def test_article_id_ignores_case_and_spacing():
    assert article_id("Hello  World\n") == article_id("hello world")
    assert article_id("hello world") != article_id("hello world!")


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "the file is empty"),
        ("blank.txt", b"   \n\n ", "the file is empty"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "looks binary"),
        ("no_text.csv", b"id,views\n1,300\n2,400\n", "no text column"),
        ("broken.json", b'[{"text": "a"', "malformed JSON"),
        ("numbers.json", b"[1, 2, 3]", "list of objects"),
        ("slides.pptx", b"PK-not-really", "unsupported file type"),
        # an office document is a zip of XML parts: one row saying what it is, not a row per part
        ("desk.xlsx", _zip({"[Content_Types].xml": "<Types/>", "xl/worksheets/sheet1.xml": "<worksheet/>"}),
         "a spreadsheet: save it as CSV"),
        ("notes.docx", _zip({"[Content_Types].xml": "<Types/>", "word/document.xml": "<document/>"}),
         "save it as plain text"),
        ("bad.parquet", b"PAR1 not parquet", "not a readable Parquet file"),
        ("bad.zip", b"PK\x03\x04 truncated", "not a readable zip"),
        ("empty.html", b"<html><body><script>alert(1)</script></body></html>", "no article text"),
    ],
)
def test_bad_input_names_the_file_and_the_problem_and_others_still_load(name, data, reason):
    corpus = load_uploads([(name, data), ("good.txt", QUAKE.encode())])
    skipped = _report(corpus, "skipped")
    assert skipped["input"].str.startswith(name).all() and len(skipped) == 1
    assert reason in skipped["reason"].iloc[0]
    assert corpus.articles["source"].tolist() == ["good"]


def test_non_utf8_text_is_decoded_and_noted():
    text = "Le séisme a fait 14 morts à Çanakkale, selon le préfet. Des dizaines de blessés ont été soignés."
    corpus = load_uploads([("latin.txt", text.encode("cp1252")), ("utf16.txt", text.encode("utf-16"))])
    assert corpus.articles["text"].tolist()[0] == text
    assert len(corpus.articles) == 1  # the UTF-16 copy is the same text: merged
    assert "decoded as" in _report(corpus, "loaded")["reason"].iloc[0]


def test_oversized_file_is_skipped_without_reading_it(tmp_path):
    (tmp_path / "ok.txt").write_text(QUAKE)
    big = tmp_path / "huge.txt"
    with big.open("wb") as handle:
        handle.truncate(200 * 1024 * 1024)  # a sparse 200 MB file: stat says 200 MB, no disk used
    corpus = load_path(tmp_path)
    skipped = _report(corpus, "skipped")
    assert skipped["input"].tolist() == ["huge.txt"]
    assert "200.0 MB is over the 50.0 MB limit" in skipped["reason"].iloc[0]
    assert len(corpus.articles) == 1


def test_zip_of_mixed_files_and_nested_zip_limits():
    inner = _zip({"flood.txt": FLOOD.encode()})
    deeper = _zip({"inner.zip": _zip({"deep.txt": b"Too deep to read."})})
    data = _zip({"quake.txt": QUAKE.encode(), "nested.zip": inner, "deeper.zip": deeper,
                 "__MACOSX/._quake.txt": b"junk", "notes.pptx": b"x"})
    corpus = load_uploads([("bundle.zip", data)])
    assert sorted(corpus.articles["source"]) == ["flood", "quake"]
    skipped = _report(corpus, "skipped").set_index("input")["reason"]
    assert "nested more than 1 level" in skipped["bundle.zip!deeper.zip!inner.zip"]
    assert "unsupported file type" in skipped["bundle.zip!notes.pptx"]


def test_zip_bomb_stops_early_with_a_message():
    bomb = _zip({"bomb.txt": b"A" * (60 * 1024 * 1024), "fine.txt": QUAKE.encode()})
    corpus = load_uploads([("bomb.zip", bomb)])
    reason = _report(corpus, "skipped").set_index("input")["reason"]["bomb.zip!bomb.txt"]
    assert "limit" in reason
    assert corpus.articles["source"].tolist() == ["fine"]


def test_total_size_budget_after_decompression():
    limits = Limits(max_total_bytes=1500, max_zip_ratio=10_000)
    data = _zip({f"part{i}.txt": (QUAKE + f" Part {i}.").encode() * 2 for i in range(5)})
    corpus = load_uploads([("parts.zip", data)], limits=limits)
    assert len(corpus.articles) < 5
    assert _report(corpus, "skipped")["reason"].str.contains("total size after decompression").any()


def test_long_articles_are_truncated_with_a_note():
    corpus = load_uploads([("long.txt", (QUAKE + " ") .encode() * 50)], limits=Limits(max_article_chars=1000))
    assert len(corpus.articles.loc[0, "text"]) == 1000
    assert "truncated from" in corpus.articles.loc[0, "notes"]


def test_file_count_limit(tmp_path):
    for i in range(4):
        (tmp_path / f"a{i}.txt").write_text(f"Story number {i}. " + QUAKE)
    corpus = load_path(tmp_path, limits=Limits(max_files=3))
    assert len(corpus.articles) == 3
    assert _report(corpus, "skipped")["reason"].str.contains("3-file limit").all()


def test_missing_path_raises_clearly(tmp_path):
    with pytest.raises(FileNotFoundError, match="no such file"):
        load_path(tmp_path / "nope")


def test_empty_corpus_keeps_the_columns():
    corpus = load_uploads([])
    assert list(corpus.articles.columns) == schema.columns("articles")
    assert list(sentences_table(corpus.articles).columns) == schema.columns("sentences")


def test_cyrillic_legacy_encoding_is_detected():
    text = "В результате теракта в концертном зале погибли не менее 133 человек, сообщили следователи."
    corpus = load_uploads([("ru.txt", text.encode("cp1251"))])
    assert corpus.articles.loc[0, "text"] == text


# --- source labels beside the files (seeds/labels.csv) --------------------------------------------------------------

def test_the_seeds_are_named_by_their_labels_and_their_texts_are_unchanged():
    corpus = load_path(SEEDS)
    labels = pd.read_csv(SEEDS / "labels.csv", comment="#")
    by_file = dict(zip(labels["file"], labels["source"]))
    assert dict(zip(corpus.articles["file"], corpus.articles["source"])) == by_file
    assert not corpus.articles["source"].str.match(r"\d{3}_[0-9a-f]{16}$").any()
    assert corpus.load_report.set_index("input").loc["labels.csv", "reason"] == "source labels for 5 files"
    # the label sheet is not an article, and every labelled file is there
    assert len(corpus.articles) == 5 and set(by_file) == {p.name for p in SEEDS.glob("*.txt")}


@pytest.mark.parametrize("sheet, expected", [
    (b"file,source\nquake.txt,Coast Herald\n", "Coast Herald"),
    (b"# a comment\nFile,Source,note\nquake.txt, Coast Herald ,checked\n", "Coast Herald"),
    (b"file,source\nother.txt,Coast Herald\n", "quake"),  # names another file: the stem stays
    (b"file,source,text\nquake.txt,Coast Herald,some text\n", "quake"),  # a text column: articles, not labels
])
def test_a_label_sheet_names_the_sources_of_its_files(sheet, expected):
    corpus = load_uploads([("quake.txt", QUAKE.encode()), ("labels.csv", sheet)])
    assert corpus.articles.set_index("file").loc["quake.txt", "source"] == expected


def test_a_source_the_user_gives_wins_over_a_label():
    files = [("quake.txt", QUAKE.encode()), ("labels.csv", b"file,source\nquake.txt,Coast Herald\n")]
    corpus = load_uploads(files, sources={"quake.txt": "Dunmore Radio"})
    assert corpus.articles["source"].tolist() == ["Dunmore Radio"]


def test_a_text_with_no_words_is_skipped_and_said():
    rows = b'{"text": "Two people died in the flood."}\n{"text": 17}\n{"text": "*** 2024 ***"}\n'
    corpus = load_uploads([("feed.jsonl", rows)])
    assert corpus.articles["text"].tolist() == ["Two people died in the flood."]
    skipped = _report(corpus, "skipped")
    assert skipped["input"].tolist() == ["feed.jsonl row 2", "feed.jsonl row 3"]
    assert skipped["reason"].str.contains("the text has no words").all()
