"""Corpus ingest: files, folders or uploaded bytes to the articles table.

``load_path`` reads a folder (recursively, in name order) or one file;
``load_uploads`` reads ``(name, bytes)`` pairs from an upload. Both return a
``Corpus``: the ``articles`` table and a ``load_report`` with one row per
input file, row range or zip member (loaded / merged duplicate / near
duplicate / skipped, with the reason). Nothing is dropped silently.

Article identity is a hash of the normalised text (case and white space
folded), so the same text under two names is one article with both sources
listed. Near-duplicates (Jaccard similarity of word 5-gram shingles of at
least ``NEAR_DUPLICATE_JACCARD``) are kept but flagged with the article they
repeat.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import re
import zlib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import urlparse

import pandas as pd

from analysis import schema
from analysis.ingest.limits import DEFAULT_LIMITS, Limits
from analysis.ingest.outlets import OUTLET_COLUMNS, date_order, resolve
from analysis.ingest.publication_dates import date_from_url, parse_timestamp
from analysis.ingest.readers import (
    Problem,
    RawArticle,
    ReadBudget,
    ReadResult,
    is_zip,
    read_bytes,
    recognise_columns,
)
from analysis.ingest.text import clean_text, count_words, derive_title, looks_like_heading, paragraphs, split_sentences

NEAR_DUPLICATE_JACCARD = 0.8


@dataclass(frozen=True)
class Corpus:
    """An ingested corpus: one row per article, and what happened to every input."""

    articles: pd.DataFrame
    load_report: pd.DataFrame


def article_id(text: str) -> str:
    """Stable id of an article: a hash of its case- and space-folded text."""
    normalised = " ".join(text.casefold().split())
    return hashlib.sha1(normalised.encode("utf-8")).hexdigest()[:16]


def load_path(path: str | Path, *, limits: Limits = DEFAULT_LIMITS) -> Corpus:
    """Load a folder of article files, or a single file."""
    path = Path(path)
    if not path.exists():
        raise FileNotFoundError(f"{path}: no such file or folder")
    files = sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith(".")) if path.is_dir() else [path]
    base = path if path.is_dir() else path.parent
    result, budget = ReadResult(), ReadBudget(limits)
    labels: dict[str, dict[str, str]] = {}  # labels.csv -> {file: source}
    for count, file in enumerate(files):
        name = file.relative_to(base).as_posix()
        if count >= limits.max_files:
            result.problems.append(Problem(name, f"skipped: over the {limits.max_files:,}-file limit"))
            continue
        size = file.stat().st_size
        if size > limits.max_file_bytes:
            result.problems.append(Problem(name, f"skipped: {size / 1024 / 1024:.1f} MB is over the "
                                                 f"{limits.max_file_bytes / 1024 / 1024:.1f} MB limit for one file"))
            continue
        data = file.read_bytes()
        if (found := read_labels(name, data)) is not None:
            labels[name] = found
            continue
        result.extend(_read_within_budget(name, data, limits=limits, budget=budget))
    _apply_labels(result, labels)
    return _with_label_rows(build_corpus(result, limits=limits), labels)


#: ``progress(done, total, name)``: called before each input file is read.
Progress = Callable[[int, int, str], None]


def load_uploads(files: Iterable[tuple[str, bytes]], *, limits: Limits = DEFAULT_LIMITS,
                 column_maps: Mapping[str, Mapping[str, str]] | None = None,
                 sources: Mapping[str, str] | None = None,
                 dates: Mapping[str, dt.date] | None = None,
                 outlets: Mapping[str, Mapping[str, str]] | None = None,
                 progress: Progress | None = None) -> Corpus:
    """Load uploaded ``(file name, bytes)`` pairs; names are labels, never paths.

    Args:
        files: the uploaded files, in the order the user gave them.
        limits: ingest limits; the total after decompression counts every file.
        column_maps: ``{input name: {field: column}}`` for tables whose columns
            were mapped by hand (zip members by ``"archive.zip!member.csv"``).
        sources: ``{file name: source}`` chosen by the user: every article read
            from that file (its rows and zip members too) gets that source.
        dates: ``{article_id: date}`` publication dates given by the user; see
            ``apply_user_dates``.
        outlets: ``{source: {"name"|"country"|"kind": value}}`` the user's labels for an
            outlet; they win over ``analysis/data/outlets.csv``.
        progress: called as ``progress(done, total, name)`` before each file.
    """
    files = list(files)
    result, budget = ReadResult(), ReadBudget(limits)
    labels: dict[str, dict[str, str]] = {}
    named_by_user: set[str] = set()
    for count, (name, data) in enumerate(files):
        if progress is not None:
            progress(count, len(files), name)
        if count >= limits.max_files:
            result.problems.append(Problem(name, f"skipped: over the {limits.max_files:,}-file limit"))
            continue
        if (found := read_labels(name, data)) is not None:
            labels[name] = found
            continue
        read = _read_within_budget(name, data, limits=limits, budget=budget, column_maps=column_maps)
        source = ((sources or {}).get(name) or "").strip()
        if source:
            named_by_user.add(name)
            for article in read.articles:
                article.source = source
        result.extend(read)
    if progress is not None:
        progress(len(files), len(files), "")
    _apply_labels(result, labels, keep=named_by_user)  # a source the user gave wins over a label
    corpus = _with_label_rows(build_corpus(result, limits=limits, outlets=outlets), labels)
    return apply_user_dates(corpus, dates) if dates else corpus


#: A folder's (or upload's) sheet of source labels for its other files: columns ``file`` and ``source``.
LABELS_NAME = "labels.csv"


def read_labels(name: str, data: bytes) -> dict[str, str] | None:
    """``{file: source}`` from a ``labels.csv`` beside the files it names, else None.

    A file counts as a label sheet when it is named ``labels.csv`` and has ``file``
    and ``source`` columns and no text column (``#`` starts a comment line); names
    are relative to its folder. The bundled seeds carry one, so that their sources
    read as words rather than hashed file names.
    """
    if PurePosixPath(name).name.lower() != LABELS_NAME or "!" in name:
        return None
    try:
        frame = pd.read_csv(io.BytesIO(data), dtype=str, keep_default_na=False, comment="#")
    except (ValueError, pd.errors.ParserError, UnicodeDecodeError):
        return None
    columns = {str(c).strip().lower(): c for c in frame.columns}
    if "file" not in columns or "source" not in columns or "text" in recognise_columns(list(frame.columns)):
        return None
    folder = name.rsplit("/", 1)[0] + "/" if "/" in name else ""
    return {folder + str(file).strip(): str(source).strip()
            for file, source in zip(frame[columns["file"]], frame[columns["source"]])
            if str(file).strip() and str(source).strip()}


def _apply_labels(result: ReadResult, labels: Mapping[str, Mapping[str, str]], *,
                  keep: frozenset[str] | set[str] = frozenset()) -> None:
    by_file = {file: source for sheet in labels.values() for file, source in sheet.items()}
    for article in result.articles:
        file = article.input.split(" row ")[0]
        if file in by_file and file not in keep:
            article.source = by_file[file]


def _with_label_rows(corpus: Corpus, labels: Mapping[str, Mapping[str, str]]) -> Corpus:
    if not labels:
        return corpus
    rows = pd.DataFrame([{"input": name, "status": "loaded", "article_id": "",
                          "reason": f"source labels for {len(sheet)} file{'s' if len(sheet) != 1 else ''}"}
                         for name, sheet in labels.items()], columns=corpus.load_report.columns)
    return Corpus(corpus.articles, pd.concat([corpus.load_report, rows], ignore_index=True))


def _read_within_budget(name: str, data: bytes, *, limits: Limits, budget: ReadBudget,
                        column_maps: Mapping[str, Mapping[str, str]] | None = None) -> ReadResult:
    # Plain files count against the load's total here; zip members count as they are inflated.
    if not is_zip(name, data):
        if len(data) > budget.remaining:
            return ReadResult(problems=[Problem(name, "skipped: the upload's total size is over the "
                                                      f"{limits.max_total_bytes / 1024 / 1024:.1f} MB limit")])
        budget.remaining -= len(data)
    return read_bytes(name, data, limits=limits, column_maps=column_maps, _budget=budget)


def apply_user_dates(corpus: Corpus, dates: Mapping[str, dt.date | str]) -> Corpus:
    """The corpus with publication dates the user gave, marked ``date_method="user"``.

    ``dates`` maps article_id to a date (or an ISO ``YYYY-MM-DD`` string); ids
    not in the corpus and empty values are ignored. A user-given date replaces
    whatever ingest found and says so in ``notes``. The input is not modified.
    """
    articles = corpus.articles.copy()
    for aid, value in dates.items():
        if value is None or value == "":
            continue
        date = pd.Timestamp(value).normalize()
        rows = articles.index[articles["article_id"] == aid]
        for row in rows:
            articles.at[row, "published"] = date
            articles.at[row, "date_method"] = "user"
            note = f"publication date {date:%Y-%m-%d} given by the user"
            articles.at[row, "notes"] = "; ".join(filter(None, [articles.at[row, "notes"], note]))
    return Corpus(articles, corpus.load_report)


def build_corpus(result: ReadResult, *, limits: Limits = DEFAULT_LIMITS,
                 outlets: Mapping[str, Mapping[str, str]] | None = None) -> Corpus:
    """Clean, identify and deduplicate raw articles into a ``Corpus``.

    ``outlets`` maps a source to the user's labels for its outlet (``name``, ``country``, ``kind``;
    see ``analysis.ingest.outlets.resolve``): they win over ``outlets.csv``.
    """
    report = [{"input": p.input, "status": "skipped", "reason": p.reason, "article_id": ""} for p in result.problems]
    rows: dict[str, dict] = {}
    for raw in result.articles:
        row, notes = _article_row(raw, limits=limits, outlets=outlets)
        if result.notes.get(raw.input):
            notes.insert(0, result.notes[raw.input])
        if not row["text"].strip():
            report.append({"input": raw.input, "status": "skipped", "reason": "skipped: no article text left after "
                           "removing page junk", "article_id": ""})
            continue
        if not any(character.isalpha() for character in row["text"]):  # a number or a rule of dashes in a text column
            report.append({"input": raw.input, "status": "skipped", "reason": "skipped: the text has no words, only "
                           f"numbers or signs ({row['text'][:40]!r})", "article_id": ""})
            continue
        existing = rows.get(row["article_id"])
        if existing is not None:
            if row["source"] not in existing["sources"]:
                existing["sources"].append(row["source"])
            report.append({"input": raw.input, "status": "merged duplicate",
                           "reason": f"same text as {existing['file']}; merged, both sources listed",
                           "article_id": row["article_id"]})
            continue
        rows[row["article_id"]] = row
        report.append({"input": raw.input, "status": "loaded", "reason": "; ".join(notes) or "loaded",
                       "article_id": row["article_id"]})
    articles = pd.DataFrame(list(rows.values()), columns=[*_ROW_COLUMNS])
    articles["sources"] = articles["sources"].map("; ".join)
    _flag_near_duplicates(articles, report)
    articles["published"] = pd.to_datetime(articles["published"]).astype("datetime64[ns]")
    report_frame = pd.DataFrame(report, columns=schema.columns("load_report"))
    return Corpus(schema.conform(articles, "articles"), report_frame)


_ROW_COLUMNS = ("article_id", "source", "sources", "title", "title_derived", "published", "date_method",
                "url", "file", "text", "n_words", "n_sentences", "near_duplicate_of", "notes", *OUTLET_COLUMNS)


def _article_row(raw: RawArticle, *, limits: Limits,
                 outlets: Mapping[str, Mapping[str, str]] | None = None) -> tuple[dict, list[str]]:
    source = raw.source.strip() or _domain(raw.url) or Path(raw.input.split("!")[-1].split(" row ")[0]).stem
    outlet = resolve(source, url=raw.url, override=(outlets or {}).get(source))
    order = date_order(outlet.country)  # how the outlet's country writes 03/04/2024
    cleaned = clean_text(raw.text, date_order=order)
    text, notes = cleaned.text, list(cleaned.notes)
    if len(text) > limits.max_article_chars:
        notes.append(f"truncated from {len(text):,} to {limits.max_article_chars:,} characters")
        text = text[: limits.max_article_chars]
    title, title_derived = raw.title.strip(), False
    if not title:
        title, text = _title_from_first_line(text)
    if not title:
        title, title_derived = derive_title(text), True
    published, method = _publication_date(raw, cleaned.date, cleaned.date_method, order=order)
    n_sentences = sum(len(split_sentences(text, p.start, p.end)) for p in paragraphs(text) if not p.is_heading)
    return {
        "article_id": article_id(text), "source": source, "sources": [source], "title": title,
        "title_derived": title_derived, "published": published, "date_method": method, "url": raw.url.strip(),
        "file": raw.input, "text": text, "n_words": count_words(text), "n_sentences": n_sentences,
        "near_duplicate_of": "", "notes": "; ".join(notes), **outlet.as_row(),
    }, notes


def _title_from_first_line(text: str) -> tuple[str, str]:
    # A short heading-like first line followed by body text is the title ("Quake kills 12").
    first, _, rest = text.partition("\n\n")
    if rest.strip() and looks_like_heading(first) and not looks_like_heading(rest.partition("\n\n")[0]):
        return first.strip(), rest
    return "", text


def _publication_date(raw: RawArticle, text_date: dt.date | None, text_method: str, *,
                      order: str = "") -> tuple[dt.date | None, str]:
    # A date column or page metadata first, then the text's header, then the URL; a datetime keeps the time of day.
    if raw.published.strip():
        parsed = parse_timestamp(raw.published, order=order)
        if parsed is not None:
            return parsed, raw.date_method or "column"
    if text_date is not None:
        return text_date, text_method
    url_date = date_from_url(raw.url, order=order)
    if url_date is not None:
        return url_date, "url"
    return None, ""


def _domain(url: str) -> str:
    host = urlparse(url.strip()).hostname if url and url.strip() else None
    return re.sub(r"^www\d?\.", "", host) if host else ""


def _shingles(text: str, codes: dict[str, int], size: int = 5) -> set[int]:
    """Every run of ``size`` words as a 64-bit number, the same in every process: Python's own ``hash`` of strings
    is salted per process, which made the MinHash bands, and so the near duplicates found, differ from one run to
    the next (1,250-1,255 of 17,942 articles). ``codes`` keeps each word's CRC-32 across the corpus."""
    import numpy as np

    words = _SHINGLE_WORD.findall(text.casefold())
    word_codes = np.array([codes[w] if w in codes else codes.setdefault(w, zlib.crc32(w.encode("utf-8")))
                           for w in words], dtype=np.uint64)
    runs = max(len(words) - size + 1, 1)
    values = np.zeros(runs, dtype=np.uint64)
    for k in range(min(size, len(words))):
        values = values * np.uint64(1_000_003) + word_codes[k:k + runs]  # wraps modulo 2**64
    return set(values.view(np.int64).tolist())


_SHINGLE_WORD = re.compile(r"\w+")


def _flag_near_duplicates(articles: pd.DataFrame, report: list[dict]) -> None:
    """Mark articles nearly repeating an earlier one (banded MinHash, then exact Jaccard)."""
    import numpy as np

    if len(articles) < 2:
        return
    codes: dict[str, int] = {}
    shingles = [_shingles(text, codes) for text in articles["text"]]
    rng = np.random.default_rng(7)
    masks = rng.integers(1, 2**63 - 1, size=24, dtype=np.int64)
    buckets: dict[tuple, list[int]] = {}
    for index, items in enumerate(shingles):
        values = np.fromiter(items, dtype=np.int64, count=len(items))
        signature = (values[:, None] ^ masks[None, :]).min(axis=0)
        for band in range(8):
            key = (band, *signature[band * 3:(band + 1) * 3].tolist())
            buckets.setdefault(key, []).append(index)
    flagged: dict[int, int] = {}
    near: dict[tuple[int, int], bool] = {}  # a pair sharing several bands is compared once
    for members in buckets.values():
        for position, later in enumerate(members[1:], start=1):
            for earlier in members[:position]:
                if later in flagged:
                    break
                close = near.get((earlier, later))
                if close is None:
                    a, b = shingles[earlier], shingles[later]
                    shared = len(a & b)  # |a | b| = |a| + |b| - |a & b|, without building the union
                    close = near[earlier, later] = shared / (len(a) + len(b) - shared) >= NEAR_DUPLICATE_JACCARD
                if close:
                    flagged[later] = earlier
    by_id = {row["article_id"]: row for row in report if row["status"] == "loaded"}
    for later, earlier in flagged.items():
        earlier_id = articles.at[earlier, "article_id"]
        articles.at[later, "near_duplicate_of"] = earlier_id
        entry = by_id.get(articles.at[later, "article_id"])
        if entry is not None:
            entry["status"] = "near duplicate"
            entry["reason"] = f"kept; nearly the same text as {articles.at[earlier, 'file']}"


def sentences_table(articles: pd.DataFrame) -> pd.DataFrame:
    """One row per sentence: article_id, idx, paragraph, section, text, start, end.

    Headings are not sentences; they are the ``section`` of what follows.
    """
    rows = []
    for aid, text in zip(articles["article_id"], articles["text"]):
        idx = 0
        for number, para in enumerate(paragraphs(text)):
            if para.is_heading:
                continue
            for start, end in split_sentences(text, para.start, para.end):
                rows.append((aid, idx, number, para.section, text[start:end], start, end))
                idx += 1
    frame = pd.DataFrame(rows, columns=["article_id", "idx", "paragraph", "section", "text", "start", "end"])
    return schema.conform(frame, "sentences")
