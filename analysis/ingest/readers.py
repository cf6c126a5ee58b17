"""Readers: bytes of one input file to raw articles, or a clear problem.

One reader per format: plain text and Markdown (one article per file),
tabular files (CSV, JSON Lines, JSON, Parquet: one article per row), saved
HTML pages (main text and metadata via trafilatura, from the bytes alone) and
zip archives of any of these (read in memory, never extracted to disk).

Readers never raise for bad input. Each returns a ``ReadResult``: the raw
articles it found and a list of ``Problem`` rows saying, in words a user can
act on, what it could not read. Tabular files report which columns they used.
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import PurePosixPath

import pandas as pd

from analysis.ingest.csv_rows import read_csv_rows, sniff_delimiter
from analysis.ingest.limits import Limits

TEXT_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".text"})
TABLE_SUFFIXES = frozenset({".csv", ".tsv", ".jsonl", ".ndjson", ".json", ".parquet"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
ZIP_SUFFIXES = frozenset({".zip"})
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | TABLE_SUFFIXES | HTML_SUFFIXES | ZIP_SUFFIXES
# Office documents, zips underneath, said for what they are with what to do instead.
_SPREADSHEET = "a spreadsheet: save it as CSV (UTF-8) and load that"
_DOCUMENT = "a word-processor document: save it as plain text or HTML and load that"
_OFFICE_HINTS = {**dict.fromkeys((".xlsx", ".xlsm", ".xls", ".ods", ".numbers"), _SPREADSHEET),
                 **dict.fromkeys((".docx", ".doc", ".odt", ".pages"), _DOCUMENT),
                 **dict.fromkeys((".pptx", ".ppt", ".odp"), "a slide deck: not read"), ".epub": "an e-book: not read"}
# C0 controls other than tab, newline, carriage return and form feed: many of them mean a binary file.
_CONTROL_CHARACTER = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")

#: Usual column names for each article field, matched case-insensitively.
COLUMN_ALIASES: dict[str, tuple[str, ...]] = {
    "text": ("text", "body", "content", "article", "article_text", "full_text", "story", "maintext"),
    "title": ("title", "headline", "heading", "name"),
    "published": ("date", "published", "published_at", "publish_date", "pubdate", "publication_date",
                  "date_published", "datetime", "timestamp", "time"),
    "source": ("source", "outlet", "publisher", "domain", "site", "sitename", "source_name", "media"),
    "url": ("url", "link", "href", "uri", "article_url"),
}


@dataclass
class RawArticle:
    """One article as read, before cleaning and deduplication."""

    input: str
    text: str
    title: str = ""
    published: str = ""
    date_method: str = ""
    source: str = ""
    url: str = ""


@dataclass
class Problem:
    """Something in an input that could not be read as an article."""

    input: str
    reason: str


@dataclass
class ReadResult:
    articles: list[RawArticle] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    notes: dict[str, str] = field(default_factory=dict)  # input -> note for loaded articles

    def extend(self, other: "ReadResult") -> None:
        self.articles.extend(other.articles)
        self.problems.extend(other.problems)
        self.notes.update(other.notes)


_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))


class ReadBudget:
    """Bytes still allowed after decompression, shared by one whole load."""

    def __init__(self, limits: Limits) -> None:
        self.remaining = limits.max_total_bytes


def decode(data: bytes) -> tuple[str, str]:
    """Decode text bytes, trying the common encodings before giving up.

    Returns ``(text, encoding)``. Raises ``ValueError`` with a user-facing
    reason for empty or binary data.
    """
    if not data.strip():
        raise ValueError("the file is empty")
    bom = next((encoding for mark, encoding in _BOMS if data.startswith(mark)), None)
    if bom is not None:
        text, encoding = data.decode(bom, errors="replace"), bom
    elif b"\x00" in data[:8192]:
        raise ValueError("the file looks binary (it contains NUL bytes), not text")
    else:
        try:
            text, encoding = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            text, encoding = _decode_legacy(data)
    sample = text[:20000]
    controls = len(_CONTROL_CHARACTER.findall(sample))
    if controls > max(2, len(sample) // 100):
        raise ValueError("the file looks binary (too many control characters), not text")
    if not text.replace("\ufeff", "").strip():
        raise ValueError("the file is empty")
    return text, encoding


def _decode_legacy(data: bytes) -> tuple[str, str]:
    from charset_normalizer import from_bytes

    # Among equally clean candidates prefer windows-1252, by far the most common
    # legacy encoding of English and Western European news pages.
    matches = list(from_bytes(data[:200_000]))
    cleanest = [m.encoding for m in matches if m.chaos <= min(x.chaos for x in matches)] if matches else []
    preferred = ["cp1252"] if "cp1252" in cleanest else cleanest[:1]
    for encoding in [*preferred, "cp1252", "latin-1"]:
        try:
            return data.decode(encoding), encoding
        except (UnicodeDecodeError, LookupError):
            continue
    return data.decode("latin-1"), "latin-1"  # pragma: no cover - latin-1 decodes any bytes


def read_bytes(name: str, data: bytes, *, limits: Limits, column_map: Mapping[str, str] | None = None,
               column_maps: Mapping[str, Mapping[str, str]] | None = None,
               _budget: ReadBudget | None = None, _depth: int = 0) -> ReadResult:
    """Read one input file's bytes into raw articles and problems.

    Args:
        name: the file's name as the user knows it (used only in messages and
            as the fallback source; never as a path).
        data: the file's bytes.
        limits: ingest limits.
        column_map: for tabular files, ``{field: column}`` chosen by the user
            when the usual column names are not present.
        column_maps: ``{input name: column_map}`` for several tables at once,
            including zip members (named ``"archive.zip!folder/export.csv"``).
    """
    budget = _budget or ReadBudget(limits)
    column_map = (column_maps or {}).get(name) or column_map
    suffix = PurePosixPath(name).suffix.lower()
    if len(data) > limits.max_file_bytes:
        return ReadResult(problems=[Problem(name, f"skipped: {_size(len(data))} is over the "
                                                  f"{_size(limits.max_file_bytes)} limit for one file")])
    if is_zip(name, data):
        result = ReadResult()
        for item in iter_zip(name, data, limits=limits, budget=budget, depth=_depth):
            if isinstance(item, Problem):
                result.problems.append(item)
            else:
                result.extend(read_bytes(item[0], item[1], limits=limits, column_map=column_map,
                                         column_maps=column_maps, _budget=budget, _depth=_depth + 1))
        return result
    if suffix not in SUPPORTED_SUFFIXES:
        supported = ", ".join(sorted(SUPPORTED_SUFFIXES))
        hint = f" ({_OFFICE_HINTS[suffix]})" if suffix in _OFFICE_HINTS else ""
        return ReadResult(problems=[Problem(name, f"skipped: unsupported file type {suffix or '(none)'!r}{hint}; "
                                                  f"supported: {supported}")])
    if suffix == ".parquet":
        return _read_table(name, data, suffix, limits=limits, column_map=column_map)
    try:
        text, encoding = decode(data)
    except ValueError as error:
        return ReadResult(problems=[Problem(name, f"skipped: {error}")])
    result = (
        _read_table(name, text, suffix, limits=limits, column_map=column_map) if suffix in TABLE_SUFFIXES
        else _read_html(name, text) if suffix in HTML_SUFFIXES
        else ReadResult(articles=[RawArticle(input=name, text=text, source=_stem(name))])
    )
    if encoding not in ("utf-8", "utf-8-sig"):
        for article in result.articles:
            result.notes[article.input] = f"decoded as {encoding}"
    return result


def is_zip(name: str, data: bytes) -> bool:
    """True for a zip archive, by its name or its first bytes; not for an office document, which is a zip of
    XML parts underneath (an .xlsx would be listed as four unsupported .xml files)."""
    suffix = PurePosixPath(name).suffix.lower()
    return suffix in ZIP_SUFFIXES or data[:4] == b"PK\x03\x04" and suffix not in _OFFICE_HINTS


@dataclass(frozen=True)
class TablePreview:
    """A tabular input's columns and first rows, for mapping its columns by hand."""

    input: str
    columns: list[str]
    head: pd.DataFrame
    recognised: dict[str, str]  # {field: column} found by the usual names

    @property
    def needs_mapping(self) -> bool:
        """True when no text column was recognised, so nothing would load."""
        return "text" not in self.recognised


def table_previews(name: str, data: bytes, *, limits: Limits, rows: int = 5,
                   _budget: ReadBudget | None = None, _depth: int = 0) -> list[TablePreview]:
    """Columns and first ``rows`` rows of every table in one input (zip members included).

    Inputs that are not tables, or that cannot be read at all, give no preview
    (``read_bytes`` reports them).
    """
    if len(data) > limits.max_file_bytes:
        return []
    if is_zip(name, data):
        budget = _budget or ReadBudget(limits)
        return [preview
                for item in iter_zip(name, data, limits=limits, budget=budget, depth=_depth)
                if not isinstance(item, Problem)
                for preview in table_previews(*item, limits=limits, rows=rows, _budget=budget, _depth=_depth + 1)]
    suffix = PurePosixPath(name).suffix.lower()
    if suffix not in TABLE_SUFFIXES:
        return []
    try:
        content = data if suffix == ".parquet" else decode(data)[0]
        frame, _, _ = parse_table(name, content, suffix, limits=limits)
    except ValueError:
        return []
    columns = [str(column) for column in frame.columns]
    return [TablePreview(name, columns, frame.head(rows).reset_index(drop=True), recognise_columns(columns))]


def _size(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MB" if n >= 1024 * 1024 else f"{n / 1024:.1f} KB"


def _stem(name: str) -> str:
    return PurePosixPath(name.replace("\\", "/").split("!")[-1]).stem or name


def _read_html(name: str, text: str) -> ReadResult:
    import trafilatura

    # extensive_search=False: only dates the page's markup states; htmldate would
    # otherwise guess from any date in the text, which is not a publication date.
    document = trafilatura.bare_extraction(
        text, with_metadata=True, include_comments=False, include_tables=False,
        date_extraction_params={"extensive_search": False, "original_date": True,
                                "outputformat": "%Y-%m-%dT%H:%M:%S"},  # the time of day too, when stated
    )
    body = (getattr(document, "text", None) or "").strip() if document is not None else ""
    if not body:
        return ReadResult(problems=[Problem(name, "skipped: no article text found in the HTML page")])
    title = (document.title or "").strip()
    lines = body.split("\n")
    if title and lines[0].strip() == title and "\n".join(lines[1:]).strip():
        body = "\n".join(lines[1:])
    return ReadResult(articles=[RawArticle(
        input=name, text=body, title=title, published=document.date or "",
        date_method="metadata" if document.date else "", source=(document.sitename or "").strip()
        or (document.hostname or "") or _stem(name), url=document.url or "",
    )])


def recognise_columns(columns: list[str]) -> dict[str, str]:
    """``{field: column}`` for the article fields found among ``columns``."""
    lowered = {str(column).strip().lower(): column for column in columns}
    found = {}
    for field_name, aliases in COLUMN_ALIASES.items():
        for alias in aliases:
            if alias in lowered:
                found[field_name] = lowered[alias]
                break
    return found


def parse_table(name: str, content: str | bytes, suffix: str, *, limits: Limits,
                text_column: str | None = None) -> tuple[pd.DataFrame, list[Problem], dict[int, str]]:
    """A tabular file as a DataFrame of strings, problems with single rows, and ``{row position (1-based): note}``
    for CSV rows mended on the way (a row wider than the header gives its surplus to ``text_column``, by default
    the one recognised by its name).

    Raises ``ValueError`` with a user-facing reason when the file cannot be
    read as a table at all.
    """
    problems: list[Problem] = []
    notes: dict[int, str] = {}
    if suffix == ".parquet":
        try:
            frame = pd.read_parquet(io.BytesIO(content))
        except Exception as error:  # pyarrow raises many types for corrupt files
            raise ValueError(f"not a readable Parquet file ({type(error).__name__})") from None
    elif suffix in (".jsonl", ".ndjson"):
        rows = []
        for number, line in enumerate(content.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as error:
                problems.append(Problem(f"{name} line {number}", f"skipped: malformed JSON ({error.msg})"))
                continue
            if not isinstance(row, dict):
                problems.append(Problem(f"{name} line {number}", "skipped: a JSON line must be an object"))
                continue
            rows.append(row)
        frame = pd.DataFrame(rows)
    elif suffix == ".json":
        try:
            payload = json.loads(content)
        except json.JSONDecodeError as error:
            raise ValueError(f"malformed JSON at line {error.lineno}, column {error.colno}: {error.msg}") from None
        if isinstance(payload, dict):
            lists = [value for value in payload.values() if isinstance(value, list)]
            payload = lists[0] if len(lists) == 1 else [payload]
        if not isinstance(payload, list) or not all(isinstance(row, dict) for row in payload):
            raise ValueError("JSON must be a list of objects (one per article)")
        frame = pd.DataFrame(payload)
    else:
        frame, notes = _read_csv(content, suffix, text_column)
    if len(frame) > limits.max_rows:
        problems.append(Problem(f"{name} rows {limits.max_rows + 1}-{len(frame)}",
                                f"skipped: over the {limits.max_rows:,}-row limit for one file"))
        frame = frame.iloc[: limits.max_rows]
    return frame.astype("string").fillna(""), problems, notes


def _read_csv(content: str, suffix: str, text_column: str | None) -> tuple[pd.DataFrame, dict[int, str]]:
    """The rows (every field a string) and ``{row position: note}`` for the rows that had to be mended
    (``analysis.ingest.csv_rows``)."""
    table = read_csv_rows(content, "\t" if suffix == ".tsv" else sniff_delimiter(content))
    return table.frame(text_column or recognise_columns(table.columns).get("text"))


def _read_table(name: str, content: str | bytes, suffix: str, *, limits: Limits,
                column_map: Mapping[str, str] | None) -> ReadResult:
    try:
        frame, problems, mended = parse_table(name, content, suffix, limits=limits,
                                              text_column=(column_map or {}).get("text"))
    except ValueError as error:
        return ReadResult(problems=[Problem(name, f"skipped: {error}")])
    result = ReadResult(problems=problems)
    if frame.empty:
        result.problems.append(Problem(name, "skipped: the file has no rows"))
        return result
    mapping = {k: v for k, v in (column_map or {}).items() if v in frame.columns} or recognise_columns(list(frame.columns))
    if "text" not in mapping:
        shown = ", ".join(map(str, frame.columns[:12]))
        result.problems.append(Problem(name, f"skipped: no text column (looked for {', '.join(COLUMN_ALIASES['text'])}); "
                                             f"columns found: {shown}. Map the columns on the Corpus page."))
        return result
    used = ", ".join(f"{field_name}={column}" for field_name, column in mapping.items())
    missing = [field_name for field_name in COLUMN_ALIASES if field_name not in mapping]
    note = f"columns used: {used}" + (f"; missing: {', '.join(missing)}" if missing else "")
    empty_rows = []
    for position, row in enumerate(frame.itertuples(index=False), start=1):
        values = dict(zip(frame.columns, row))
        text = values[mapping["text"]]
        if not text.strip():
            empty_rows.append(position)
            continue
        ref = f"{name} row {position}"
        published = values.get(mapping.get("published", ""), "") if "published" in mapping else ""
        result.articles.append(RawArticle(
            input=ref, text=text, title=values[mapping["title"]] if "title" in mapping else "",
            published=published, date_method="column" if published.strip() else "",
            source=values[mapping["source"]] if "source" in mapping else "",
            url=values[mapping["url"]] if "url" in mapping else "",
        ))
        result.notes[ref] = f"{note}; {mended[position]}" if position in mended else note
    if empty_rows:
        shown = ", ".join(map(str, empty_rows[:20])) + (" …" if len(empty_rows) > 20 else "")
        result.problems.append(Problem(f"{name} rows {shown}", "skipped: empty text"))
    return result


def iter_zip(name: str, data: bytes, *, limits: Limits, budget: ReadBudget,
             depth: int = 0) -> Iterator[tuple[str, bytes] | Problem]:
    """The members of a zip, read in memory: ``(member name, bytes)`` or a ``Problem``.

    Members are named ``"archive.zip!folder/file.txt"``. Refused, with a
    problem each: nesting deeper than ``max_zip_depth``, members over the
    file-count or file-size limit, members expanding more than
    ``max_zip_ratio`` times, and everything after the upload's total
    decompressed size reaches ``max_total_bytes`` (a zip bomb stops there,
    after at most that many bytes were inflated).
    """
    if depth > limits.max_zip_depth:
        yield Problem(name, f"skipped: zip nested more than {limits.max_zip_depth} level deep")
        return
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = [info for info in archive.infolist() if not info.is_dir()]
    except Exception as error:  # zipfile raises many types for corrupt archives
        yield Problem(name, f"skipped: not a readable zip file ({_describe(error)})")
        return
    hidden = [m for m in members if _is_hidden(m.filename)]
    members = [m for m in members if not _is_hidden(m.filename)]
    if hidden:
        yield Problem(f"{name}!({len(hidden)} hidden file{'s' if len(hidden) != 1 else ''})",
                      "skipped: hidden or system files (__MACOSX, .DS_Store and other dot-files), e.g. "
                      + ", ".join(m.filename for m in hidden[:3]))
    if not members and not hidden:
        yield Problem(name, "skipped: the zip file has no files in it")
    for count, info in enumerate(members):
        member = f"{name}!{info.filename}"
        if count >= limits.max_files:
            yield Problem(member, f"skipped: over the {limits.max_files:,}-file limit")
            continue
        if info.file_size > limits.max_file_bytes:
            yield Problem(member, f"skipped: {_size(info.file_size)} is over the "
                                  f"{_size(limits.max_file_bytes)} limit for one file")
            continue
        if info.compress_size and info.file_size / info.compress_size > limits.max_zip_ratio:
            yield Problem(member, f"skipped: expands {info.file_size // info.compress_size}x, "
                                  f"over the {limits.max_zip_ratio}x limit (possible zip bomb)")
            continue
        try:
            content = _read_member(archive, info, min(limits.max_file_bytes, budget.remaining) + 1)
        except Exception as error:  # corrupt, encrypted or unsupported members raise many types
            yield Problem(member, f"skipped: could not be read from the zip ({_describe(error)})")
            continue
        if len(content) > budget.remaining:
            rest = len(members) - count - 1
            yield Problem(member, "skipped: the upload's total size after decompression is over the "
                                  f"{_size(limits.max_total_bytes)} limit (possible zip bomb); reading stopped here"
                                  + (f" and {rest:,} more file{'s' if rest != 1 else ''} in {name} were not read"
                                     if rest else ""))
            budget.remaining = 0
            return
        budget.remaining -= len(content)
        yield member, content


def _is_hidden(member: str) -> bool:
    """A Mac resource fork or a dot-file anywhere in the member's path ("../" is not hidden, just odd)."""
    parts = member.replace("\\", "/").split("/")
    return any(part == "__MACOSX" or (part.startswith(".") and part not in (".", "..")) for part in parts)


def _describe(error: Exception) -> str:
    message = str(error).splitlines()[0][:120] if str(error) else ""
    return f"{type(error).__name__}: {message}" if message else type(error).__name__


def _read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, cap: int) -> bytes:
    # Read in chunks up to cap: a member's declared size can lie.
    chunks, total = [], 0
    with archive.open(info) as handle:
        while total < cap:
            chunk = handle.read(min(1 << 20, cap - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
    return b"".join(chunks)
