"""Writing and reading a corpus's tables as files.

``write_tables`` writes each table as CSV and Parquet under one folder;
``tables_to_zip`` packs them with a JSON manifest for download, and
``tables_from_zip`` reads such a zip back so a saved analysis reopens without
re-running it. A zip may also carry views computed from the tables (the pages'
corpus views), under a key that ties them to the tables and to the code that made
them; they are read back only when the reader asks for that same code.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import math
import os
import platform
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, fields
from pathlib import Path

import pandas as pd

from analysis import schema
from analysis.ingest.limits import DEFAULT_LIMITS, Limits
from analysis.tables import CorpusTables

#: ``manifest.json["format"]`` of a saved analysis; other zips are corpora to ingest.
FORMAT = "news-coverage-dashboard/analysed-corpus"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
#: The tool's version, recorded in every saved analysis.
TOOL_VERSION = "0.1.0"
_MANIFEST_MAX_BYTES = 20 * 1024 * 1024

def write_tables(tables: CorpusTables, out: Path) -> list[Path]:
    """Write ``<table>.csv`` and ``<table>.parquet`` for every table; returns the paths."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, frame in tables.items():
        csv_path, parquet_path = out / f"{name}.csv", out / f"{name}.parquet"
        frame.to_csv(csv_path, index=False)
        frame.to_parquet(parquet_path, index=False)
        written += [csv_path, parquet_path]
    return written


def table_bytes(frame: pd.DataFrame, kind: str) -> bytes:
    """One table as CSV or Parquet bytes."""
    buffer = io.BytesIO()
    if kind == "csv":
        frame.to_csv(buffer, index=False)
    else:
        frame.to_parquet(buffer, index=False)
    return buffer.getvalue()


@dataclass(frozen=True)
class FileRecord:
    """One input file of a corpus, as the manifest lists it."""

    name: str
    sha256: str
    bytes: int

    @classmethod
    def of(cls, name: str, data: bytes) -> "FileRecord":
        return cls(name, hashlib.sha256(data).hexdigest(), len(data))


@dataclass(frozen=True)
class SavedCorpus:
    """An analysis reopened from a zip: its tables, manifest and what was odd about it."""

    tables: CorpusTables
    manifest: dict
    notes: tuple[str, ...] = ()
    #: the saved views' tables by name, when the zip has views made by the ``views_version`` asked for
    views: Mapping[str, pd.DataFrame] = field(default_factory=dict)


def versions() -> dict[str, str]:
    """Versions of the tool, Python, the table libraries, spaCy and the installed English model."""
    from importlib import metadata

    from analysis.entities.nlp import MODEL_ENV_VAR, MODEL_PACKAGES

    found = {"tool": TOOL_VERSION, "python": platform.python_version(), "pandas": pd.__version__}
    for distribution in ("pyarrow", "spacy", "textblob", "vaderSentiment", "trafilatura"):
        try:
            found[distribution] = metadata.version(distribution)
        except metadata.PackageNotFoundError:
            found[distribution] = "not installed"
    chosen = os.environ.get(MODEL_ENV_VAR, "").strip()
    for package in ((chosen,) if chosen else MODEL_PACKAGES):
        try:
            found["model"] = f"{package} {metadata.version(package)}"
            break
        except metadata.PackageNotFoundError:
            continue
    else:
        found["model"] = "not installed"
    return found


def tables_to_zip(tables: CorpusTables, *, name: str, files: Sequence[FileRecord] = (),
                  settings: Mapping[str, object] | None = None, with_csv: bool = True,
                  views: Mapping[str, pd.DataFrame] | None = None, views_version: str = "") -> bytes:
    """A whole analysed corpus as zip bytes, to download and reopen later.

    The zip holds ``tables/<table>.csv`` and ``tables/<table>.parquet`` for
    every table and ``manifest.json``: the corpus name, the input files with
    their SHA-256 hashes, the versions of the tool and model (``versions()``),
    the settings the analysis ran with (limits, column mappings, user-given
    sources, groups and dates), and per table its rows, columns, the hash of
    its Parquet file and what ``tables_from_zip`` needs to restore it exactly.
    ``with_csv=False`` leaves the CSVs out (``tables_from_zip`` reads only the
    Parquet files; the whole-table cache has no reader for the CSVs).

    ``views`` (tables derived from these, by name) are written as ``views/<name>.parquet``
    and listed under the manifest's ``views`` with a key made of ``views_version`` (what
    made them) and the tables' hashes.
    """
    manifest = {
        "format": FORMAT, "format_version": FORMAT_VERSION, "corpus": name,
        "created": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "files": [{"name": f.name, "sha256": f.sha256, "bytes": f.bytes} for f in files],
        "versions": versions(), "settings": jsonable(dict(settings or {})), "tables": {},
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for table, frame in tables.items():
            parquet = _parquet_bytes(frame)
            archive.writestr(f"tables/{table}.parquet", parquet)
            if with_csv:
                archive.writestr(f"tables/{table}.csv", table_bytes(frame, "csv"))
            manifest["tables"][table] = {
                "rows": len(frame), "columns": [str(c) for c in frame.columns],
                "parquet_sha256": hashlib.sha256(parquet).hexdigest(),
                "dtypes": {str(c): str(t) for c, t in frame.dtypes.items()}, "missing": _missing_kinds(frame),
            }
        if views:
            listed = {}
            for view, frame in views.items():
                parquet = _parquet_bytes(frame)
                archive.writestr(f"views/{view}.parquet", parquet)
                listed[view] = {"rows": len(frame), "parquet_sha256": hashlib.sha256(parquet).hexdigest(),
                                "dtypes": {str(c): str(t) for c, t in frame.dtypes.items()},
                                "missing": _missing_kinds(frame)}
            manifest["views"] = {"key": _views_key(views_version, manifest["tables"]), "tables": listed}
        archive.writestr(MANIFEST, json.dumps(manifest, indent=2, ensure_ascii=False))
    return buffer.getvalue()


def read_manifest(data: bytes) -> dict | None:
    """The manifest of a saved analysis, or None when ``data`` is not one (any other zip or file)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            info = archive.getinfo(MANIFEST)
            if info.file_size > _MANIFEST_MAX_BYTES:
                return None
            manifest = json.loads(_read_capped(archive, info, _MANIFEST_MAX_BYTES))
    except Exception:  # not a zip, no manifest, corrupt: not a saved analysis
        return None
    return manifest if isinstance(manifest, dict) and manifest.get("format") == FORMAT else None


def tables_from_zip(data: bytes, *, limits: Limits = DEFAULT_LIMITS, views_version: str | None = None) -> SavedCorpus:
    """Reopen a zip written by ``tables_to_zip``: the same tables, without re-analysing.

    Only ``manifest.json`` and the Parquet files are read (never pickles, never
    the CSVs), each checked against the hash in the manifest, and no more than
    ``limits.max_total_bytes`` are inflated. The saved views are read only when
    ``views_version`` is what made them and the tables are those they were made from
    (otherwise, or when they are damaged or over what is left of the limit, ``views`` is
    empty: the caller computes them again).

    Raises:
        ValueError: with a user-facing reason when ``data`` is not a saved
            analysis, is damaged, or is over the limits.
    """
    manifest = read_manifest(data)
    if manifest is None:
        raise ValueError("not a saved analysis (no manifest.json from this tool)")
    if int(manifest.get("format_version", 0)) > FORMAT_VERSION:
        raise ValueError(f"saved by a newer version of the tool (format {manifest.get('format_version')})")
    entries = manifest.get("tables")
    if not isinstance(entries, dict):
        raise ValueError("the manifest lists no tables")
    notes, found, budget = [], {}, limits.max_total_bytes
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for field in fields(CorpusTables):
            entry = entries.get(field.name)
            if not isinstance(entry, dict):
                notes.append(f"{field.name}: not in the saved analysis; shown empty")
                found[field.name] = schema.empty_table(field.name)
                continue
            frame, budget = _read_frame(archive, f"tables/{field.name}.parquet", entry, budget)
            if list(frame.columns) != schema.columns(field.name):
                notes.append(f"{field.name}: saved with other columns than this version uses; adjusted")
                frame = schema.conform(frame, field.name)
            found[field.name] = frame
        views = {}
        if views_version is not None and has_views(manifest, views_version):
            try:
                for view, entry in manifest["views"]["tables"].items():
                    if isinstance(entry, dict):
                        views[str(view)], budget = _read_frame(archive, f"views/{view}.parquet", entry, budget)
            except ValueError:  # damaged or over the limit: the tables alone still open, the views are computed
                views = {}
    return SavedCorpus(CorpusTables(**found), manifest, tuple(notes), views)


def has_views(manifest: Mapping, views_version: str) -> bool:
    """Whether a saved analysis's manifest lists views made by ``views_version`` from its tables."""
    saved = manifest.get("views")
    return (isinstance(saved, dict) and isinstance(saved.get("tables"), dict) and isinstance(manifest.get("tables"), dict)
            and saved.get("key") == _views_key(views_version, manifest["tables"]))


def _views_key(views_version: str, tables: Mapping[str, object]) -> str:
    """What ties saved views to the code that made them and to the tables they were made from."""
    hashes = sorted((str(name), str(entry.get("parquet_sha256")) if isinstance(entry, dict) else "")
                    for name, entry in tables.items())
    return hashlib.sha256(json.dumps([views_version, hashes]).encode()).hexdigest()


def _read_frame(archive: zipfile.ZipFile, member: str, entry: Mapping, budget: int) -> tuple[pd.DataFrame, int]:
    """The Parquet ``member`` checked against ``entry``'s hash, with its dtypes restored, and what is left
    of ``budget`` (bytes that may still be inflated)."""
    try:
        info = archive.getinfo(member)
    except KeyError:
        raise ValueError(f"{member} is missing from the zip") from None
    if info.file_size > budget:
        raise ValueError(f"the saved tables are over the {budget / 1024 / 1024:.0f} MB limit")
    try:
        parquet = _read_capped(archive, info, budget)
    except Exception as error:  # corrupt member: zlib.error, BadZipFile, ...
        raise ValueError(f"{member} cannot be read ({type(error).__name__})") from None
    budget -= len(parquet)
    if hashlib.sha256(parquet).hexdigest() != entry.get("parquet_sha256"):
        raise ValueError(f"{member} does not match its hash in the manifest (the file was changed or damaged)")
    try:
        frame = pd.read_parquet(io.BytesIO(parquet))
    except Exception as error:  # pyarrow raises many types for corrupt files
        raise ValueError(f"{member} is not readable ({type(error).__name__})") from None
    del parquet
    return _restore_dtypes(frame, entry.get("dtypes") or {}, entry.get("missing") or {}), budget


def _read_capped(archive: zipfile.ZipFile, info: zipfile.ZipInfo, cap: int) -> bytes:
    with archive.open(info) as handle:
        content = handle.read(cap + 1)
    if len(content) > cap:
        raise ValueError(f"{info.filename} is larger than it should be")
    return content


def _parquet_bytes(frame: pd.DataFrame) -> bytes:
    # index=None keeps the index as it is: a RangeIndex as metadata, any other as columns.
    buffer = io.BytesIO()
    frame.to_parquet(buffer, index=None)
    return buffer.getvalue()


def _missing_kind(value: object) -> str | None:
    if value is None:
        return None  # what Parquet gives back
    if value is pd.NA:
        return "NA"
    if value is pd.NaT:
        return "NaT"
    if isinstance(value, float) and math.isnan(value):
        return "NaN"
    return None


def _missing_kinds(frame: pd.DataFrame) -> dict[str, dict[str, list[int]]]:
    """For object columns: which rows held pd.NA / NaN / NaT (Parquet reads every missing value back as None)."""
    kinds: dict[str, dict[str, list[int]]] = {}
    for position, column in enumerate(frame.columns):
        if frame.dtypes.iloc[position] != object:
            continue
        rows: dict[str, list[int]] = {}
        for row, value in enumerate(frame.iloc[:, position]):
            kind = _missing_kind(value)
            if kind is not None:
                rows.setdefault(kind, []).append(row)
        if rows:
            kinds[str(column)] = rows
    return kinds


def _restore_dtypes(frame: pd.DataFrame, dtypes: Mapping[str, str],
                    missing: Mapping[str, Mapping[str, list[int]]]) -> pd.DataFrame:
    """Undo what a Parquet round trip changes: datetime units, object columns read as
    strings, and which missing-value marker (None, pd.NA, NaN, NaT) each object cell held."""
    markers = {"NA": pd.NA, "NaN": float("nan"), "NaT": pd.NaT}
    frame = frame.copy()
    for column, dtype in dtypes.items():
        if column not in frame.columns or str(frame[column].dtype) == dtype:
            continue
        if dtype == "object":
            values = [None if _missing_kind(v) is not None else v for v in frame[column].tolist()]
            frame[column] = pd.Series(values, index=frame.index, dtype=object)
        elif dtype.startswith(("datetime64", "timedelta64")):
            try:
                frame[column] = frame[column].astype(dtype)
            except (TypeError, ValueError):
                continue  # keep what Parquet gave rather than fail to open
    for column, rows_by_kind in missing.items():
        if column not in frame.columns or frame[column].dtype != object:
            continue
        values = frame[column].tolist()
        for kind, rows in rows_by_kind.items():
            for row in rows:
                if 0 <= row < len(values) and values[row] is None:
                    values[row] = markers.get(kind)
        frame[column] = pd.Series(values, index=frame.index, dtype=object)
    return frame


def jsonable(value: object) -> object:
    """Settings as JSON: dates as ISO strings, mappings and sequences recursively."""
    if isinstance(value, Mapping):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [jsonable(v) for v in value]
    if isinstance(value, (dt.date, pd.Timestamp)):
        return value.isoformat()[:10] if not isinstance(value, dt.datetime) else value.isoformat()
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)
