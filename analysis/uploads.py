"""A user's own corpus: uploaded files to analysed tables, in a worker process, with progress.

``CorpusRequest`` says what to build: the uploaded files (names are labels,
never paths), the bundled seeds or not, column mappings, and what the user
told us that the machine could not know (a source name or group per file, a
publication date per undated article). ``build(request)`` ingests and
analyses it into a ``BuiltCorpus``. ``CorpusJob`` runs ``build`` in a worker
process (``analysis.worker``; on a thread where there is none) and exposes its
progress (stage, counts, the current file or article) so that a page can poll
it and stay responsive; a job belongs to one user session and holds nothing
shared.

Progress while analysing: named-entity recognition is by far the slowest
stage, so ``build`` runs it over the articles in small chunks first
(``analysis.entities.nlp.entity_spans``, whose per-text cache then turns the pipeline's
own NER call into look-ups) and counts articles as it goes; the remaining
stages are reported as one step.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import re
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

import pandas as pd

from analysis.ingest.corpus import load_uploads
from analysis.ingest.limits import DEFAULT_LIMITS, Limits
from analysis.pipeline import analyse_corpus
from analysis.store.export import FileRecord, jsonable, tables_from_zip, tables_to_zip
from analysis.tables import CorpusTables
from analysis.views.prepared import prepare_views, view_frames, views_from_frames, views_version
from analysis import worker
from analysis.worker import WAITING

#: Articles per NER chunk: small enough for frequent progress and for other sessions to get a turn.
NER_CHUNK = 16


@dataclass(frozen=True)
class CorpusRequest:
    """Everything a corpus is built from; equal requests give equal corpora."""

    name: str
    files: tuple[tuple[str, bytes], ...]
    seed_files: tuple[tuple[str, bytes], ...] = ()
    column_maps: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    sources: Mapping[str, str] = field(default_factory=dict)  # file name -> source
    groups: Mapping[str, str] = field(default_factory=dict)  # file name -> group
    dates: Mapping[str, str] = field(default_factory=dict)  # article_id -> "YYYY-MM-DD"
    outlets: Mapping[str, Mapping[str, str]] = field(default_factory=dict)  # source -> {name, country, kind}
    limits: Limits = DEFAULT_LIMITS

    def settings(self) -> dict:
        """The request's choices as JSON-ready settings, for the manifest."""
        return jsonable({
            "include_seeds": bool(self.seed_files), "column_maps": self.column_maps,
            "sources": {k: v for k, v in self.sources.items() if v}, "groups": {k: v for k, v in self.groups.items() if v},
            "dates": {k: v for k, v in self.dates.items() if v}, "limits": asdict(self.limits),
            "outlets": {k: {f: x for f, x in v.items() if x} for k, v in self.outlets.items() if any(v.values())},
        })

    def fingerprint(self) -> str:
        """A hash of the files' names and bytes and of the settings: a content address."""
        digest = hashlib.sha256()
        for name, data in (*self.seed_files, *self.files):
            digest.update(name.encode("utf-8", "surrogatepass") + b"\x00")
            digest.update(hashlib.sha256(data).digest())
        digest.update(json.dumps(self.settings(), sort_keys=True).encode())
        return digest.hexdigest()


@dataclass(frozen=True)
class BuiltCorpus:
    """An analysed corpus and where it came from, ready to show, save and reopen."""

    name: str
    tables: CorpusTables
    files: tuple[FileRecord, ...]
    settings: dict
    source_groups: dict[str, str]
    fingerprint: str
    origin: str = "upload"  # "upload", "saved" (reopened from a zip) or "seeds"
    notes: tuple[str, ...] = ()
    #: What the pages read from the whole corpus whatever the filters (``analysis.views.prepared``),
    #: computed when the corpus is built or reopened; read-only. Empty: the pages compute them.
    views: Mapping[str, object] = field(default_factory=dict, compare=False, repr=False)


@dataclass(frozen=True)
class StagedFile:
    """An uploaded file kept for this session until the user removes it."""

    name: str  # unique among the session's files; a label, never a path
    data: bytes
    sha256: str
    manifest: dict | None = None  # set when the file is a saved analysis, not articles
    uploaded_as: str = ""  # the name it was uploaded under, when renamed to keep names unique

    @property
    def is_saved_analysis(self) -> bool:
        return self.manifest is not None


def stage(staged: Sequence[StagedFile], uploads: Sequence[tuple[str, bytes]], *,
          limits: Limits = DEFAULT_LIMITS) -> tuple[list[StagedFile], list[str]]:
    """Add uploaded files to the staged ones; returns ``(files, messages)``.

    The same bytes under the same name are kept once; another file with a
    name already taken is renamed ``"name (2).txt"`` so that names stay unique
    keys. Past ``limits.max_files`` files or ``limits.max_total_bytes`` bytes
    in all, further files are refused with a message.
    """
    from analysis.store.export import read_manifest

    files, messages = list(staged), []
    seen = {(f.uploaded_as or f.name, f.sha256) for f in files}
    total = sum(len(f.data) for f in files)
    for name, data in uploads:
        digest = hashlib.sha256(data).hexdigest()
        if (name, digest) in seen:
            continue
        if len(files) >= limits.max_files:
            messages.append(f"{name}: not added, a corpus holds at most {limits.max_files:,} files")
            continue
        if total + len(data) > limits.max_total_bytes:
            messages.append(f"{name}: not added, the files would exceed "
                            f"{limits.max_total_bytes / 1024 / 1024:.0f} MB in all")
            continue
        unique = unique_name(name, {f.name for f in files})
        manifest = read_manifest(data) if data[:4] == b"PK\x03\x04" else None
        files.append(StagedFile(unique, data, digest, manifest, uploaded_as=name if unique != name else ""))
        seen.add((name, digest))
        total += len(data)
    return files, messages


def unique_name(name: str, taken: set[str]) -> str:
    """``name``, or ``"stem (2).ext"``, ``"stem (3).ext"``... when it is taken."""
    if name not in taken:
        return name
    stem, dot, suffix = name.rpartition(".")
    if not dot or not stem:
        stem, suffix = name, ""
    number = 2
    while True:
        candidate = f"{stem} ({number})" + (f".{suffix}" if suffix else "")
        if candidate not in taken:
            return candidate
        number += 1


def default_corpus_name(file_names: Sequence[str]) -> str:
    """A name for a corpus built from these files: the first file's stem, "and N more" when there are others."""
    if not file_names:
        return "My corpus"
    first = re.sub(r"\.[A-Za-z0-9]{1,8}$", "", file_names[0])
    return first if len(file_names) == 1 else f"{first} and {len(file_names) - 1} more"


def download_name(name: str) -> str:
    """A safe zip file name for a saved corpus: letters, digits, dot, dash and underscore, at most 60 of them."""
    return (re.sub(r"[^A-Za-z0-9._-]+", "_", name).strip("._") or "corpus")[:60] + ".zip"


@dataclass(frozen=True)
class FileSettings:
    """What the user said about the staged files: per file name its source and group, and the removed ones."""

    sources: dict[str, str]
    groups: dict[str, str]
    removed: frozenset[str]


def apply_file_edits(edits: Mapping[int | str, Mapping[str, object]], names: Sequence[str], *,
                     sources: Mapping[str, str], groups: Mapping[str, str]) -> FileSettings:
    """Fold a file table's edits (``{row: {"source"|"group"|"remove": value}}``) into the settings.

    Rows index ``names``; blank values clear a file's source or group. The inputs are not changed.
    """
    sources, groups, removed = dict(sources), dict(groups), set()
    for row, change in edits.items():
        name = names[int(row)]
        if "source" in change:
            sources[name] = str(change["source"] or "").strip()
        if "group" in change:
            groups[name] = str(change["group"] or "").strip()
        if change.get("remove"):
            removed.add(name)
    return FileSettings(sources, groups, frozenset(removed))


def date_edits(edits: Mapping[int | str, Mapping[str, object]], article_ids: Sequence[str]) -> dict[str, str]:
    """``{article_id: "YYYY-MM-DD" or ""}`` from an undated-articles table's edits (rows index ``article_ids``)."""
    return {article_ids[int(row)]: str(change["published"])[:10] if change["published"] else ""
            for row, change in edits.items() if "published" in change}


#: The outlet labels a user can edit, per source: the articles table's column for each.
OUTLET_FIELDS = {"name": "outlet", "country": "outlet_country", "kind": "outlet_kind"}


def outlet_table(articles: pd.DataFrame) -> pd.DataFrame:
    """One row per source, for editing its outlet: source, articles, name, country, kind, basis.

    Sorted by the number of articles, most first, then by source.
    """
    columns = ["source", "articles", "name", "country", "kind", "basis"]
    if articles.empty:
        return pd.DataFrame(columns=columns)
    grouped = articles.groupby("source", sort=False).agg(
        articles=("article_id", "size"), name=("outlet", "first"), country=("outlet_country", "first"),
        kind=("outlet_kind", "first"), basis=("outlet_basis", "first")).reset_index()
    grouped = grouped.sort_values(["articles", "source"], ascending=[False, True], kind="stable")
    return grouped[columns].fillna("").reset_index(drop=True)


def outlet_edits(edits: Mapping[int | str, Mapping[str, object]], sources: Sequence[str], *,
                 current: Mapping[str, Mapping[str, str]]) -> dict[str, dict[str, str]]:
    """The user's outlet labels after an outlet table's edits (``{row: {"name"|"country"|"kind": value}}``).

    Rows index ``sources``; a blank value clears that label, so the data file's shows again.
    The input ``current`` is not changed.
    """
    result = {source: dict(labels) for source, labels in current.items()}
    for row, change in edits.items():
        source = sources[int(row)]
        labels = result.setdefault(source, {})
        for field_name in OUTLET_FIELDS:
            if field_name in change:
                labels[field_name] = str(change[field_name] or "").strip()
    return {source: labels for source, labels in result.items() if any(labels.values())}


def column_signature(columns: Sequence[str]) -> str:
    """A short key for a table's column names, to remember a mapping for same-shaped files."""
    return hashlib.sha256("\x1f".join(map(str, columns)).encode("utf-8", "surrogatepass")).hexdigest()[:16]


class Cancelled(Exception):
    """The user cancelled the build."""


#: ``report(stage, done, total, current)``
Report = Callable[[str, int, int, str], None]


def build(request: CorpusRequest, *, report: Report | None = None,
          cancelled: Callable[[], bool] = lambda: False) -> BuiltCorpus:
    """Ingest and analyse ``request``; ``report`` is called as work advances.

    Raises:
        Cancelled: when ``cancelled()`` turns true between two steps.
    """
    report = report or (lambda *args: None)
    files = (*request.seed_files, *request.files)

    def reading(done: int, total: int, name: str) -> None:
        if cancelled():
            raise Cancelled
        report("Reading files", done, total, name)

    corpus = load_uploads(files, limits=request.limits, column_maps=request.column_maps,
                          sources=request.sources, dates=request.dates, outlets=request.outlets, progress=reading)
    articles = corpus.articles
    texts = articles["text"].tolist()
    labels = (articles["source"] + " — " + articles["title"]).tolist()
    if texts:
        from analysis.entities.nlp import entity_spans

        for start in range(0, len(texts), NER_CHUNK):
            if cancelled():
                raise Cancelled
            report("Finding names (spaCy)", start, len(texts), labels[start])
            entity_spans(texts[start:start + NER_CHUNK])
    if cancelled():
        raise Cancelled
    report("Analysing: figures, tone, timeline, framing", 0, 1, f"{len(texts):,} articles")
    # Per-article NLP results are cached (hashes and spans, no text); whole tables are not.
    tables = analyse_corpus(corpus, cache_tables=False)
    if cancelled():
        raise Cancelled
    report("Preparing the pages", 0, 1, f"{len(texts):,} articles")
    views = prepare_views(tables)
    report("Done", 1, 1, "")
    return BuiltCorpus(
        name=request.name, tables=tables, files=tuple(FileRecord.of(n, d) for n, d in files),
        settings=request.settings(), source_groups=file_groups_to_sources(tables.articles, request.groups),
        fingerprint=request.fingerprint(), views=views,
    )


def file_groups_to_sources(articles: pd.DataFrame, groups: Mapping[str, str]) -> dict[str, str]:
    """``{source: group}`` from groups the user gave per uploaded file.

    Every source of an article read from that file (its rows, its zip members)
    gets the file's group; ``articles.file`` names the input as
    ``"name"``, ``"name row 3"`` or ``"name!member"``.
    """
    result: dict[str, str] = {}
    for name, group in groups.items():
        group = (group or "").strip()
        if not group:
            continue
        mask = articles["file"].map(lambda f, n=name: f == n or f.startswith((f"{n} row ", f"{n}!")))
        for source in articles.loc[mask, "source"]:
            result[str(source)] = group
    return result


def undated_articles(articles: pd.DataFrame) -> pd.DataFrame:
    """Articles without a publication date (or with a user-given one): id, source, title, file, date."""
    mask = articles["published"].isna() | (articles["date_method"] == "user")
    rows = articles.loc[mask, ["article_id", "source", "title", "file", "published", "date_method"]]
    return rows.reset_index(drop=True)


def truncated_articles(articles: pd.DataFrame) -> pd.DataFrame:
    """Articles cut at the length limit: source, title, file and the note saying by how much."""
    mask = articles["notes"].fillna("").str.contains("truncated from", regex=False)
    notes = articles.loc[mask, "notes"].str.extract(r"(truncated from [\d,]+ to [\d,]+ characters)")[0]
    return pd.DataFrame({"source": articles.loc[mask, "source"], "title": articles.loc[mask, "title"],
                         "file": articles.loc[mask, "file"], "note": notes}).reset_index(drop=True)


_job_ids = itertools.count(1)


class CorpusJob:
    """``build(request)`` in a worker process (``analysis.worker``), or on a thread; the page polls ``progress()``.

    Attributes are written by the worker's thread in the server and read by the page; each is
    replaced whole, never mutated in place, so a reader sees a consistent value. ``result`` and
    ``error`` are set before ``finished``, so a job that is no longer ``running`` has its outcome.
    """

    #: What the worker runs: ``target(request, report=..., cancelled=...)``.
    target = staticmethod(build)

    def __init__(self, request: CorpusRequest) -> None:
        self.request = request
        self.id = next(_job_ids)
        self.started = time.monotonic()
        self.finished: float | None = None
        self.result: BuiltCorpus | None = None
        self.error: str | None = None
        self.adopted = False  # set once the session has switched to the result
        self.worker_pid: int | None = None  # the worker process building it; None on a thread
        self._progress: tuple[str, int, int, str] = (WAITING, 0, max(1, len(request.files)), "")
        self._cancel = threading.Event()
        self._done = threading.Event()

    def start(self) -> "CorpusJob":
        """Queue the build for a worker process (``analysis.worker.pool``), or run it on a thread
        where there are none (``NEWSDASH_BUILD_WORKERS=0``, or none could start)."""
        if not worker.pool().submit(self):
            self._run_on_thread()
        return self

    def _run_on_thread(self) -> None:
        threading.Thread(target=self._run, name="corpus-build", daemon=True).start()

    def _run(self) -> None:
        try:
            self._finish(result=self.target(self.request, report=self._report, cancelled=self._cancel.is_set))
        except Cancelled:
            self._finish(error="cancelled")
        except Exception as error:  # shown to the user; the page must not crash
            self._finish(error=f"{type(error).__name__}: {error}")

    def _finish(self, *, result: BuiltCorpus | None = None, error: str | None = None) -> None:
        self.result, self.error = result, error
        self.finished = time.monotonic()
        self._done.set()

    def _report(self, stage: str, done: int, total: int, current: str) -> None:
        self._progress = (stage, done, total, current)

    def progress(self) -> tuple[str, int, int, str]:
        """``(stage, done, total, current file or article)``; while waiting for a worker
        ``(WAITING, place in line, line length, "")``."""
        return self._progress

    @property
    def running(self) -> bool:
        return self.finished is None

    @property
    def elapsed(self) -> float:
        return (self.finished or time.monotonic()) - self.started

    def cancel(self) -> None:
        self._cancel.set()
        if worker.pool().withdraw(self):  # still waiting in line: it never started
            self._finish(error="cancelled")

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the job ends (for scripts and tests); True when it has."""
        return self._done.wait(timeout)


def seed_files(folder: Path) -> tuple[tuple[str, bytes], ...]:
    """The bundled seed files as ``(name, bytes)``, named as ``load_path`` names them."""
    return tuple((p.relative_to(folder).as_posix(), p.read_bytes())
                 for p in sorted(folder.rglob("*")) if p.is_file() and not p.name.startswith("."))



def save_zip(built: BuiltCorpus, *, source_groups: Mapping[str, str] | None = None) -> bytes:
    """``built`` as a downloadable zip (see ``analysis.store.export.tables_to_zip``), with its
    corpus views, so that reopening it need not compute them again.

    ``source_groups`` (``{source: group}``) is saved in the settings, for the
    corpus's own sources only.
    """
    sources = set(built.tables.articles["source"].astype(str))
    groups = {s: g for s, g in {**built.source_groups, **(source_groups or {})}.items() if s in sources and g}
    return tables_to_zip(built.tables, name=built.name, files=built.files,
                         settings={**built.settings, "source_groups": groups},
                         views=view_frames(built.views), views_version=views_version())


def reopen_zip(name: str, data: bytes, *, limits: Limits = DEFAULT_LIMITS) -> BuiltCorpus:
    """A saved analysis as a ``BuiltCorpus``, exactly as it was saved, without re-analysing.

    The pages' corpus views (``analysis.views.prepared``) are read from the zip when it carries
    them, made by this version of the analysis for these tables; otherwise (an older zip, other
    code) they are computed again, about 9 s at 10,000 articles.

    Raises:
        ValueError: with a user-facing reason (see ``tables_from_zip``).
    """
    saved = tables_from_zip(data, limits=limits, views_version=views_version())
    views = views_from_frames(saved.views, saved.tables) if saved.views else None
    manifest = saved.manifest
    files = []
    for entry in manifest.get("files") or []:
        if isinstance(entry, dict) and isinstance(entry.get("name"), str):
            files.append(FileRecord(entry["name"], str(entry.get("sha256", "")), _int(entry.get("bytes"))))
    settings = manifest.get("settings") if isinstance(manifest.get("settings"), dict) else {}
    raw_groups = settings.get("source_groups") if isinstance(settings.get("source_groups"), dict) else {}
    groups = {str(k): str(v) for k, v in raw_groups.items() if isinstance(v, str) and v}
    corpus = manifest.get("corpus")
    return BuiltCorpus(
        name=corpus if isinstance(corpus, str) and corpus.strip() else name, tables=saved.tables,
        files=tuple(files), settings=settings, source_groups=groups,
        fingerprint=hashlib.sha256(data).hexdigest(), origin="saved", notes=saved.notes,
        views=prepare_views(saved.tables, known=views),
    )


def _int(value: object) -> int:
    try:
        return int(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return 0
