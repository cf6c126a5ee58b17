"""Property-based tests: whatever bytes arrive, every reader ends in articles or a clear per-file problem.

Hypothesis throws arbitrary bytes, broken encodings, odd CSV dialects, malformed
JSON, corrupt Parquet and HTML, and zips of all of these at ``read_bytes`` and
at the whole ``load_uploads`` path. The promise checked every time: no
exception escapes, every input shows up in the load report, every problem
names its file and says what went wrong, and every article has text.

Example counts are modest (the suite runs on a 2-core CI machine); raise them
locally with ``HYPOTHESIS_PROFILE=thorough``.
"""

from __future__ import annotations

import csv
import io
import json
import os
import zipfile

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis.ingest.corpus import load_uploads
from analysis.ingest.limits import Limits
from analysis.ingest.readers import SUPPORTED_SUFFIXES, ReadResult, read_bytes

settings.register_profile("ci", max_examples=40, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.register_profile("thorough", max_examples=500, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "ci")

# Small limits so that the limit paths are exercised too.
LIMITS = Limits(max_file_bytes=64_000, max_files=6, max_total_bytes=150_000, max_zip_ratio=200,
                max_zip_depth=1, max_article_chars=5_000, max_rows=40)

SUFFIXES = sorted(SUPPORTED_SUFFIXES) + [".pdf", ".docx", ""]
WORDS = ["flood", "ferry", "council", "said", "Tuesday", "at least", "12", "killed", "résumé", "Zürich", "東京",
         "\u202e", "\x00", "\ufeff", "'", '"', ",", ";", "\n", "\r\n", "\t", "|", "{", "}", "[", "]", "<p>", "&amp;"]
COLUMN_NAMES = ["text", "Body", "CONTENT", "headline", "title", "date", "published_at", "source", "url", "x",
                "", "text ", "Unnamed: 0", "text"]
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "cp1252", "latin-1", "shift_jis", "koi8-r", "gb18030"]


def check(name: str, result: ReadResult) -> None:
    """The readers' contract for one input."""
    assert isinstance(result, ReadResult)
    for problem in result.problems:
        assert problem.input.startswith(name), (problem.input, name)
        assert isinstance(problem.reason, str) and problem.reason.startswith("skipped: ")
        assert len(problem.reason) > len("skipped: ") + 5
    for article in result.articles:
        assert article.input.startswith(name)
        assert isinstance(article.text, str) and article.text.strip()
        for value in (article.title, article.published, article.source, article.url):
            assert isinstance(value, str)
    assert result.articles or result.problems, "an input vanished without articles or a problem"


def check_upload(files: list[tuple[str, bytes]]) -> None:
    """The whole ingest path reports every uploaded file and never raises."""
    corpus = load_uploads(files, limits=LIMITS)
    report = corpus.load_report
    assert set(report["status"]) <= {"loaded", "merged duplicate", "near duplicate", "skipped"}
    for name, _ in files[: LIMITS.max_files]:
        assert report["input"].str.startswith(name, na=False).any(), f"{name!r} missing from the load report"
    assert (report["reason"].str.len() > 0).all()
    assert corpus.articles["article_id"].is_unique
    assert (corpus.articles["text"].str.len() <= LIMITS.max_article_chars).all()
    assert set(corpus.articles["article_id"]) <= set(report["article_id"])


text_like = st.lists(st.sampled_from(WORDS) | st.text(max_size=12), max_size=60).map(" ".join)
names = st.builds(lambda stem, suffix: (stem or "f") + suffix,
                  st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=12)
                  | st.sampled_from(["../../etc/passwd", "C:\\Windows\\win", "a!b.zip!c", "<img src=x>", "~/.ssh/id"]),
                  st.sampled_from(SUFFIXES))


@st.composite
def broken_text(draw) -> bytes:
    """Text in some encoding, then maybe truncated mid-character or with bytes flipped."""
    data = draw(text_like).encode(draw(st.sampled_from(ENCODINGS)), errors="replace")
    damage = draw(st.sampled_from(["none", "truncate", "flip", "prefix"]))
    if damage == "truncate" and data:
        data = data[: draw(st.integers(0, len(data)))]
    elif damage == "flip" and data:
        at = draw(st.integers(0, len(data) - 1))
        data = data[:at] + bytes([data[at] ^ draw(st.integers(1, 255))]) + data[at + 1:]
    elif damage == "prefix":
        data = draw(st.sampled_from([b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf", b"PK\x03\x04", b"\x1f\x8b"])) + data
    return data


@st.composite
def odd_csv(draw) -> bytes:
    """A CSV in an odd dialect: delimiter, quoting, line ends, ragged rows, header names."""
    delimiter = draw(st.sampled_from([",", ";", "\t", "|", ":", " "]))
    quotechar = draw(st.sampled_from(['"', "'"]))
    quoting = draw(st.sampled_from([csv.QUOTE_MINIMAL, csv.QUOTE_ALL, csv.QUOTE_NONNUMERIC, csv.QUOTE_NONE]))
    header = draw(st.lists(st.sampled_from(COLUMN_NAMES) | st.text(max_size=6), min_size=1, max_size=5))
    rows = draw(st.lists(st.lists(text_like, min_size=0, max_size=len(header) + 2), max_size=8))
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, quotechar=quotechar, quoting=quoting, escapechar="\\",
                        lineterminator=draw(st.sampled_from(["\n", "\r\n", "\r"])))
    try:
        writer.writerow(header)
        writer.writerows(rows)
    except csv.Error:
        writer = None
    content = buffer.getvalue()
    if draw(st.booleans()) and content:  # an unbalanced quote or a cut-off last row
        content = content[: draw(st.integers(0, len(content)))] + draw(st.sampled_from(['"', "'", "", "\x00"]))
    return content.encode(draw(st.sampled_from(["utf-8", "cp1252", "utf-16"])), errors="replace")


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | text_like,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.sampled_from(COLUMN_NAMES) | st.text(max_size=5),
                                                                      children, max_size=4),
    max_leaves=20,
)


@st.composite
def malformed_json(draw) -> bytes:
    """JSON or JSON Lines, valid or damaged (cut, extra commas, stray bytes)."""
    value = draw(json_values)
    if draw(st.booleans()):
        content = "\n".join(json.dumps(draw(json_values)) for _ in range(draw(st.integers(0, 5))))
    else:
        content = json.dumps(value)
    damage = draw(st.sampled_from(["none", "truncate", "insert"]))
    if damage == "truncate" and content:
        content = content[: draw(st.integers(0, len(content)))]
    elif damage == "insert":
        at = draw(st.integers(0, len(content)))
        content = content[:at] + draw(st.sampled_from([",", "}", "{", '"', "\\", "\n", "NaN", "\x00"])) + content[at:]
    return content.encode("utf-8", errors="replace")


@st.composite
def parquet_bytes(draw) -> bytes:
    """A real Parquet file of random columns, maybe truncated."""
    columns = draw(st.lists(st.sampled_from(COLUMN_NAMES[:10]), min_size=1, max_size=4, unique=True))
    n = draw(st.integers(0, 6))
    frame = pd.DataFrame({c: draw(st.lists(st.none() | text_like | st.integers(), min_size=n, max_size=n))
                          for c in columns})
    buffer = io.BytesIO()
    frame.astype("string").to_parquet(buffer, index=False)
    data = buffer.getvalue()
    if draw(st.booleans()):
        data = data[: draw(st.integers(0, len(data)))]
    return data


@st.composite
def html_bytes(draw) -> bytes:
    title = draw(text_like)
    paragraphs = "".join(f"<p>{draw(text_like)}</p>" for _ in range(draw(st.integers(0, 4))))
    page = (f"<html><head><title>{title}</title><meta property='article:published_time' "
            f"content='{draw(st.sampled_from(['2024-03-23', 'yesterday', '', '9999-99-99']))}'></head>"
            f"<body><article>{paragraphs}</article></body></html>")
    if draw(st.booleans()):
        page = page[: draw(st.integers(0, len(page)))]
    return page.encode(draw(st.sampled_from(["utf-8", "cp1252", "utf-16"])), errors="replace")


any_member = st.one_of(st.binary(max_size=400), broken_text(), odd_csv(), malformed_json())


@st.composite
def zip_bytes(draw, depth: int = 0) -> bytes:
    buffer = io.BytesIO()
    method = draw(st.sampled_from([zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED]))
    with zipfile.ZipFile(buffer, "w", method) as archive:
        for index in range(draw(st.integers(0, 4))):
            suffix = draw(st.sampled_from(SUFFIXES))
            member = f"{draw(st.sampled_from(['', 'dir/', '__MACOSX/', '.hidden/', '../']))}m{index}{suffix}"
            data = draw(zip_bytes(depth + 1)) if suffix == ".zip" and depth < 2 else draw(any_member)
            archive.writestr(member, data)
    data = bytearray(buffer.getvalue())
    damage = draw(st.sampled_from(["none", "none", "truncate", "flip", "encrypted"]))
    if damage == "truncate":
        data = data[: draw(st.integers(0, len(data)))]
    elif damage == "flip":  # corrupt compressed data or headers: zlib.error, BadZipFile, ...
        for at in draw(st.lists(st.integers(0, len(data) - 1), min_size=1, max_size=8)):
            data[at] ^= draw(st.integers(1, 255))
    elif damage == "encrypted":  # set the "encrypted" flag bit on every member
        for header, flag_at in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
            at = data.find(header)
            while at >= 0:
                data[at + flag_at] |= 1
                at = data.find(header, at + 4)
    return bytes(data)


PROPERTY = settings.get_profile(PROFILE)
HALF = settings(PROPERTY, max_examples=max(5, PROPERTY.max_examples // 2))  # for the slower inputs


@settings(PROPERTY)
@given(name=names, data=st.binary(max_size=2_000))
def test_arbitrary_bytes_under_any_name(name, data):
    check(name, read_bytes(name, data, limits=LIMITS))
    check_upload([(name, data)])


@settings(PROPERTY)
@given(suffix=st.sampled_from([".txt", ".md", ".csv", ".tsv", ".json", ".jsonl"]), data=broken_text())
def test_broken_encodings(suffix, data):
    name = "broken" + suffix
    check(name, read_bytes(name, data, limits=LIMITS))
    check_upload([(name, data)])


@settings(PROPERTY)
@given(suffix=st.sampled_from([".csv", ".tsv"]), data=odd_csv())
def test_odd_csv_dialects(suffix, data):
    name = "export" + suffix
    result = read_bytes(name, data, limits=LIMITS)
    check(name, result)
    assert len(result.articles) <= LIMITS.max_rows
    check_upload([(name, data)])


@settings(PROPERTY)
@given(suffix=st.sampled_from([".json", ".jsonl", ".ndjson"]), data=malformed_json())
def test_malformed_json(suffix, data):
    name = "feed" + suffix
    check(name, read_bytes(name, data, limits=LIMITS))
    check_upload([(name, data)])


@settings(PROPERTY)
@given(data=parquet_bytes())
def test_parquet_valid_or_truncated(data):
    check("table.parquet", read_bytes("table.parquet", data, limits=LIMITS))
    check_upload([("table.parquet", data)])


@HALF
@given(data=html_bytes())
def test_html_pages(data):
    check("page.html", read_bytes("page.html", data, limits=LIMITS))


@settings(PROPERTY)
@given(data=zip_bytes())
def test_zips_of_anything(data):
    check("bundle.zip", read_bytes("bundle.zip", data, limits=LIMITS))
    check_upload([("bundle.zip", data)])


@HALF
@given(files=st.lists(st.tuples(names, any_member | zip_bytes()), min_size=1, max_size=8))
def test_many_files_in_one_upload(files):
    check_upload(files)


@pytest.mark.parametrize("data", [b"", b" \n\t ", b"\x00" * 100, b"\xff\xfe", b"\xef\xbb\xbf", b"PK\x03\x04",
                                  b"PK\x05\x06" + b"\x00" * 18])
@pytest.mark.parametrize("suffix", sorted(SUPPORTED_SUFFIXES))
def test_degenerate_inputs_for_every_reader(suffix, data):
    name = "edge" + suffix
    check(name, read_bytes(name, data, limits=LIMITS))
    check_upload([(name, data)])
