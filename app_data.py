"""The app's one door to the data: loading, caching and filtering the corpus.

This is the only module that uses ``st.cache_*``. Process-wide caches hold
only content-addressed results (keyed by a hash of the input bytes), so a
cached entry reveals nothing to a user who does not already hold the same
bytes. Which corpus a session looks at, and its filters, live in
``st.session_state``.
"""

from __future__ import annotations

import hashlib
import itertools
import re
import sys
import threading
import types
from collections.abc import Callable, Hashable, Sequence
from dataclasses import fields
from pathlib import Path
from typing import TypeVar

import numpy as np
# Whole, before any session runs: plotly's JSON encoder uses PIL.Image when it is in sys.modules, and under
# load met it half-imported by another session's thread (AttributeError on a first page, benchmarks.load_test).
import PIL.Image  # noqa: F401
import pandas as pd
import pyarrow as pa
import streamlit as st
from streamlit.proto.Alert_pb2 import Alert as AlertProto

from analysis import memory
from analysis.background import MISSING, Ahead
from analysis.ingest.corpus import load_path
from analysis.ingest.limits import DEFAULT_LIMITS
from analysis.pipeline import analyse_corpus
from analysis.tables import CorpusTables, article_rows, rows_kept
from analysis.uploads import BuiltCorpus
from analysis.views import figure_ledger, prepared
from analysis.views.dates import publication_counts
from charts import toll_views
from charts.corpus import dates_figure

T = TypeVar("T")


def _made_at_start() -> None:
    """Make once, before any session, what a user's corpus makes for good the first time a page meets it and the
    seeds never do: Python's small-object arenas go back only when wholly empty, and these few lasting objects,
    made while a session's data filled the arenas, kept one each once that data was freed (``analysis.memory``).
    The Corpus page's chart of articles per period (shown for a user's corpus only: plotly's bar modules and the
    checks of its properties, pandas' period types of each unit) and pandas' taking of category codes of 8, 16 and
    32 bits (a column of over 127 or 32,767 distinct values; the seeds have fewer) and of dates with gaps,
    Streamlit's alert formats and the ingest limits' attribute dict."""
    dates = pd.DataFrame({"published": pd.to_datetime(["2024-01-01", "2024-01-02", "2024-02-01", "2024-03-01"])
                          .astype("datetime64[ns]")})
    dates_figure(*publication_counts(dates, max_bars=0)).to_dict()  # max_bars=0: tries every unit
    for n in (2, 200, 40_000):
        pd.Categorical(np.arange(n)).take([0, -1], allow_fill=True)
    dates[np.array([True, True, False, True])]  # a dated table's rows taken by a mask (not a slice's: no copy)
    dates["published"].reindex([0, 5])  # a dated column's values taken with gaps
    AlertProto.Format  # noqa: B018 -- made on first use: the seeds' pages show no warning
    vars(DEFAULT_LIMITS)  # its attribute dict is made on first use (reading a saved analysis)


# Once per server process, before any corpus is loaded: allocators that give a dropped session's memory back,
# what a large corpus's first session would otherwise make for good, and the imported libraries left out of the
# full collections that drop a session.
memory.tune_allocators()
_made_at_start()
memory.freeze_startup()

APP_DIR = Path(__file__).resolve().parent
SEEDS_DIR = APP_DIR / "seeds"

# Session-state keys shared by the sidebar and the pages.
FILTER_SOURCES = "filter_sources"
FILTER_DATES = "filter_dates"
FILTER_UNDATED = "filter_undated"
READER_ARTICLE = "reader_article_id"
READER_HIGHLIGHT = "reader_highlight_figure_id"
#: This session's own corpus (a ``BuiltCorpus`` from the Corpus page); absent means the bundled seeds.
ACTIVE_CORPUS = "active_corpus"
#: ``{source: group}`` assigned by the user (Corpus and Framing pages); saved with the corpus.
SOURCE_GROUPS = "framing_groups"
SEEDS_NAME = "Bundled seeds"
#: The grouping the user last chose on any comparison page (``page_parts.grouping_picker``).
COMPARE_BY = "compare_by"
#: ``(corpus fingerprint, analysis.background.Ahead)``: the Toll page's first-visit views of this session's
#: corpus, made on a background thread when it was opened or built (``set_active_corpus``).
VIEWS_AHEAD = "_views_ahead"
#: A ``memory.SessionEnd`` that gives memory back when the session (its state) is collected.
SESSION_END = "_session_end"
#: A ``CorpusJob`` building this session's corpus in a worker process (Corpus page).
CORPUS_JOB = "corpus_job"
#: True once ``dashboard.py`` has routed this session; False after a reroute attempt
#: (see ``route_through_dashboard``).
ROUTED = "routed_by_dashboard"
#: The globals of this session's latest two page runs (``_release_earlier_runs``).
_PAGE_RUNS = "_page_runs"
#: ``{"corpus": id, "states": {filters: {"tables", "views"}}, "corpus_views": {...}}``: this session's
#: filtered tables and the views computed from them, for its current corpus only.
_MEMO = "_page_memo"
#: At most this many views are kept per filter state (the oldest go first).
MAX_VIEWS = 48
#: Filtered tables (with their views) are kept for this many filter states, the current one and the
#: one before, so flipping a filter back and forth recomputes nothing; a corpus change drops all.
MAX_FILTER_STATES = 2

_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+\-.!|~<>$&:])")


def escape_markdown(text: object) -> str:
    """Article text made safe for ``st.markdown``: every markdown, HTML and
    LaTeX (``$``) special character is backslash-escaped, so it shows literally."""
    return _MARKDOWN_SPECIALS.sub(r"\\\1", "" if text is None or text is pd.NA else str(text))


def _folder_fingerprint(folder: Path) -> str:
    digest = hashlib.sha256()
    for file in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(file.relative_to(folder).as_posix().encode())
        digest.update(hashlib.sha256(file.read_bytes()).digest())
    return digest.hexdigest()


@st.cache_resource(max_entries=4, show_spinner="Analysing the bundled articles…")
def _analysed_seeds(fingerprint: str) -> CorpusTables:
    # Keyed by the seeds' content hash so an edited seed folder is re-analysed. One shared object, not
    # st.cache_data's copy per call: unpickling the tables was a third of a page switch's server time, and
    # pages never modify the tables they are given (an uploaded corpus is not copied either; a test runs
    # every page and checks the seeds' tables are unchanged).
    del fingerprint
    return analyse_corpus(load_path(SEEDS_DIR))


def seed_tables() -> CorpusTables:
    """The bundled seeds, analysed: one read-only object shared by every session."""
    return _analysed_seeds(_folder_fingerprint(SEEDS_DIR))


def active_corpus() -> BuiltCorpus | None:
    """This session's uploaded or reopened corpus, or None when it looks at the seeds."""
    return st.session_state.get(ACTIVE_CORPUS)


def set_active_corpus(built: BuiltCorpus | None) -> None:
    """Switch this session to ``built`` (None: back to the seeds).

    Filters and the reader's article belong to the old corpus: the date range
    becomes the new corpus's whole range, the reader's choice is reset and the
    selected sources are pruned to those the new corpus has. Groups the user
    gave per file join the session's source groups.
    """
    state = st.session_state
    forget_views()
    if built is None:
        state.pop(ACTIVE_CORPUS, None)
    else:
        state[ACTIVE_CORPUS] = built
        memory.release_when_collected(built)  # when the session ends or moves on, its memory goes back
        state.setdefault(SOURCE_GROUPS, {}).update(built.source_groups)
    articles = corpus_tables().articles
    state.pop(FILTER_DATES, None)  # the date widget is keyed by corpus: a new corpus starts on its whole range
    chosen_sources = state.get(FILTER_SOURCES) or []
    if any(s not in set(articles["source"]) for s in chosen_sources):
        state[FILTER_SOURCES] = [s for s in chosen_sources if s in set(articles["source"])]
    for key in (READER_ARTICLE, READER_HIGHLIGHT):
        state.pop(key, None)
    state.pop(VIEWS_AHEAD, None)
    if built is not None and "toll_summary" in built.views:
        state[VIEWS_AHEAD] = (built.fingerprint, views_ahead(built, chosen_by=state.get(COMPARE_BY),
                                                             groups=dict(state.get(SOURCE_GROUPS, {})),
                                                             after=threading.current_thread()))


#: What ``whole_view``'s names are made ahead under (``views_ahead``), apart from ``view``'s.
WHOLE_AHEAD = "whole "


def views_ahead(built: BuiltCorpus, *, chosen_by: str | None, groups: dict[str, str],
                after: threading.Thread | None = None) -> Ahead:
    """The Toll page's first-visit views of ``built`` (``charts.toll_views.first_visit_views``; the app opens on
    that page), then the Figures page's whole-corpus views (``analysis.views.figure_ledger.whole_views``), then the
    whole-corpus bases of the Toll page's first filtered run (``charts.toll_views.whole_bases``), made on
    a background thread once the thread ``after`` (the script run that opened the corpus) has ended: a page
    switch after opening a corpus finds them made or waits for the rest instead of making them (0.6 s and 0.5 s
    of server CPU at 10,000 articles; the bases 0.12 s of the first filter change's). Not for the seeds, which are
    small and shared."""
    tables, summary = built.tables, built.views["toll_summary"]

    def made():
        yield from toll_views.first_visit_views(tables, summary, chosen_by=chosen_by, groups=groups)
        for name, value in itertools.chain(figure_ledger.whole_views(tables), toll_views.whole_bases(tables, summary)):
            yield (WHOLE_AHEAD + name, ()), value

    names = (*toll_views.FIRST_VISIT_NAMES,
             *(WHOLE_AHEAD + name for name in (*figure_ledger.NAMES, *toll_views.base_names(summary))))
    return Ahead(made, names=names, label="Toll and Figures pages' first-visit views", after=after).start()


def adopt_finished_job() -> None:
    """Make a successfully finished build this session's corpus (once)."""
    job = st.session_state.get(CORPUS_JOB)
    if job is not None and not job.running and job.result is not None and not job.adopted:
        job.adopted = True
        set_active_corpus(job.result)


def corpus_key() -> str:
    """A short id of the corpus this session looks at ("seeds" or a content hash prefix)."""
    built = active_corpus()
    return built.fingerprint[:12] if built is not None else "seeds"


def corpus_name() -> str:
    """What this session is looking at: the user's corpus name, or the seeds."""
    built = active_corpus()
    return built.name if built is not None else SEEDS_NAME


def corpus_tables() -> CorpusTables:
    """The whole corpus this session is looking at, unfiltered.

    The session's own corpus lives in ``st.session_state`` only (never in a
    process-wide cache), so no other session can reach it. A build that
    finished since the last run is adopted first, whichever page asks.
    """
    adopt_finished_job()
    built = active_corpus()
    return built.tables if built is not None else seed_tables()


def date_bounds(articles: pd.DataFrame) -> tuple[pd.Timestamp, pd.Timestamp] | None:
    """Earliest and latest publication dates, or None when nothing is dated."""
    dated = articles["published"].dropna()
    return (dated.min(), dated.max()) if len(dated) else None


def selected_article_ids(articles: pd.DataFrame) -> list[str]:
    """Articles passing the sidebar filters (sources, date range, undated)."""
    state = st.session_state
    keep = pd.Series(True, index=articles.index)
    sources = state.get(FILTER_SOURCES)
    if sources:
        keep &= articles["source"].isin(sources)
    dates = state.get(FILTER_DATES)
    published = articles["published"]
    if dates and len(dates) == 2:
        low, high = pd.Timestamp(dates[0]), pd.Timestamp(dates[1])
        in_range = published.between(low, high)
        keep &= in_range | published.isna()
    if not state.get(FILTER_UNDATED, True):
        keep &= published.notna()
    return articles.loc[keep, "article_id"].tolist()


def mark_routed() -> None:
    """Record that ``dashboard.py`` (the router) has run in this session, and ask for a garbage collection
    a few seconds from now (``memory.collect_soon``: instead of Streamlit's after every run)."""
    st.session_state[ROUTED] = True
    memory.collect_soon()


def route_through_dashboard(page_file: str) -> None:
    """Send a page that was run without the router back through ``dashboard.py``.

    Every page calls this first. Streamlit treats a folder named ``pages/``
    beside the entry script as a file-based multipage app until
    ``st.navigation`` has run once in the server process. So when the first
    request after a server start is a page URL (a bookmark, a shared link), the
    page file runs alone: no sidebar filters, file names in the navigation.
    Calling ``st.navigation`` switches the process to the router for good.
    It lists the requested page, so the rerun lands on it: Streamlit derives a
    page's identity from its URL path, which ``dashboard.py`` gives it too.

    Args:
        page_file: the calling page's ``__file__``.
    """
    if ROUTED in st.session_state:
        _release_earlier_runs(sys._getframe(1).f_globals)
        return
    st.session_state[ROUTED] = False  # one attempt per session, so never a rerun loop
    st.navigation([st.Page(APP_DIR / "dashboard.py", default=True), st.Page(Path(page_file))], position="hidden")
    st.rerun()


class _PageRuns:
    """The namespaces of this session's latest page runs (a holder, so session state never lists them)."""

    def __init__(self) -> None:
        self.namespaces: list[dict] = []


#: Kinds of values a released page namespace always keeps: what a late callback of that run may still use.
_CODE = (types.ModuleType, types.FunctionType, types.BuiltinFunctionType, type, type(st.session_state))
#: Values that are data: a released page namespace drops them, and anything holding them.
_DATA = (pd.DataFrame, pd.Series, pd.Index, np.ndarray, pa.Array, pa.ChunkedArray, pa.Table, CorpusTables)
#: A container with more items than this is a view's data, not a page's constant.
_MANY = 64


def _holds_data(value: object, depth: int = 3) -> bool:
    """Whether ``value`` is, or holds within ``depth`` levels, a table, an array or a large container: what an
    ended page run keeps a dropped filter state's memory with. Constants (strings, numbers, paths, small lists
    and dicts of them, settings objects) are not."""
    if isinstance(value, _CODE):
        return False
    if isinstance(value, (_DATA, NarrowedTables)):
        return True
    if depth == 0:
        return False
    if isinstance(value, dict):
        return len(value) > _MANY or any(_holds_data(v, depth - 1) for v in value.values())
    if isinstance(value, (list, tuple, set, frozenset)):
        return len(value) > _MANY or any(_holds_data(v, depth - 1) for v in value)
    attributes = getattr(value, "__dict__", None)  # a chart or a result object: what its attributes hold
    if isinstance(attributes, dict):
        return _holds_data(attributes, depth - 1)
    return False


def _release_earlier_runs(namespace: dict) -> None:
    """Record ``namespace`` (a page run starting) and empty the data of this session's page runs before the
    previous one, so that what they held goes by reference counting, not at the next full collection.

    A page's namespace and the functions defined in it refer to each other, so an ended run's namespace, and every
    table and view it read, stayed until a full garbage collection: a dropped filter state with them (``_filter_state``).
    The previous run's namespace stays whole: Streamlit calls a widget's callback at the start of the next run with
    what the latest run that reached the widget registered. Released namespaces keep their modules, functions,
    classes, ``st.session_state`` and every value that holds no data (``_holds_data``: strings, numbers, paths,
    settings, small lists and dicts of them), so a callback from two runs back (both runs since cut short before
    they reached its widget) still finds the names it uses unless they held data. Known miss: such a callback
    reading a table, a view or a large container from its page's namespace fails with a NameError; callbacks are
    given such values as ``args`` instead (the Overview's reader).
    """
    runs = st.session_state.setdefault(_PAGE_RUNS, _PageRuns())
    for earlier in runs.namespaces[:-1]:
        for name in [name for name, value in earlier.items() if not name.startswith("__") and _holds_data(value)]:
            del earlier[name]
    runs.namespaces[:-1] = []
    runs.namespaces.append(namespace)


def _filter_values() -> tuple:
    state = st.session_state
    dates = state.get(FILTER_DATES)
    return (tuple(state.get(FILTER_SOURCES) or ()), tuple(str(d) for d in dates) if dates else (),
            bool(state.get(FILTER_UNDATED, True)))


def _memo() -> dict:
    """This session's memo for the corpus it looks at (a new, empty one when the corpus changed).

    A build that finished since the last run is adopted first, whichever page asks.
    """
    adopt_finished_job()
    built = active_corpus()
    corpus_id = built.fingerprint if built is not None else "seeds"
    if SESSION_END not in st.session_state:  # the session's first view
        st.session_state[SESSION_END] = memory.SessionEnd()
        memory.release_when_collected(st.session_state[SESSION_END])
    memo = st.session_state.get(_MEMO)
    if memo is None or memo["corpus"] != corpus_id:
        memo = {"corpus": corpus_id, "states": {}, "corpus_views": {}}
        st.session_state[_MEMO] = memo
    return memo


class NarrowedTables:
    """The tables of ``whole`` about the articles ``keep`` marks, each narrowed the first time it is read.

    Reads like the ``CorpusTables`` that ``whole.restrict`` returns (same attributes, rows, order and a
    fresh index), but a filter change costs only the tables a page reads: the Overview reads articles
    and figures, never the 211k sentences of a 10,000-article corpus. ``rows_of(name)`` gives each
    row's article position in ``whole.articles`` (-1: none), computed once per corpus.
    """

    _NAMES = tuple(field.name for field in fields(CorpusTables))

    def __init__(self, whole: CorpusTables, keep: np.ndarray, rows_of: Callable[[str], np.ndarray]) -> None:
        self._whole, self._keep, self._rows_of, self._narrowed = whole, keep, rows_of, {}

    def __getattr__(self, name: str) -> pd.DataFrame:
        if name not in NarrowedTables._NAMES:
            raise AttributeError(name)
        if name not in self._narrowed:
            frame = getattr(self._whole, name)
            if name != "load_report":
                frame = rows_kept(frame, self._mask(name))  # a long text column sliced, not copied
            self._narrowed[name] = frame
        return self._narrowed[name]

    @property
    def kept_articles(self) -> np.ndarray:
        """Which of the whole corpus's articles these tables are about: a boolean per row of its ``articles``
        (``analysis.views.prepared.kept_rows`` of them, without looking their ids up again). Never mutate it."""
        return self._keep

    def columns(self, name: str, columns: Sequence[str]) -> pd.DataFrame:
        """``getattr(self, name)[list(columns)]``; when the table itself has not been narrowed, those columns of the
        whole table alone are (kept): a page that reads a few of the timeline's 21 columns, then some of its rows
        (``rows``), does not take every row of the others first."""
        if name in self._narrowed:
            return self._narrowed[name][list(columns)]
        key = (name, tuple(columns))
        if key not in self._narrowed:
            self._narrowed[key] = rows_kept(getattr(self._whole, name)[list(columns)], self._mask(name))
        return self._narrowed[key]

    def rows(self, name: str, wanted: Callable[[pd.DataFrame], np.ndarray]) -> pd.DataFrame:
        """``frame[wanted(frame)]`` of the narrowed table ``name`` (the same rows, columns and index labels), for a
        ``wanted`` that marks each row by its own cells: the rows taken from the whole table at once, when the table
        itself has not been narrowed (taking every kept row of every column first, then these again)."""
        if name in self._narrowed:
            frame = self._narrowed[name]
            return frame[wanted(frame)]
        whole = getattr(self._whole, name)
        mine = self._mask(name)
        chosen = np.asarray(wanted(whole), dtype=bool)[mine]  # of the narrowed table's rows
        taken = np.zeros(len(whole), dtype=bool)
        taken[np.flatnonzero(mine)[chosen]] = True
        # a long text column sliced, not copied (``rows_kept``: a category's rows of an event are a few runs), and
        # the rows' labels as the narrowed table (a fresh index) gives them
        return rows_kept(whole, taken).set_axis(pd.RangeIndex(int(mine.sum())).take(np.flatnonzero(chosen)))

    def _mask(self, name: str) -> np.ndarray:
        positions = self._rows_of(name)  # contradictions: (2, n), both articles must be kept
        kept = np.where(positions >= 0, self._keep[np.maximum(positions, 0)], False)
        return kept.all(axis=0) if kept.ndim == 2 else kept

    def items(self) -> list[tuple[str, pd.DataFrame]]:
        """``(table name, frame)`` pairs in declaration order, as ``CorpusTables.items``."""
        return [(name, getattr(self, name)) for name in NarrowedTables._NAMES]

    def restrict(self, article_ids: set[str] | list[str]) -> "NarrowedTables":
        """These tables keeping only rows about ``article_ids`` too, as ``CorpusTables.restrict``."""
        wanted = self._whole.articles["article_id"].isin(list(article_ids)).to_numpy(dtype=bool)
        return NarrowedTables(self._whole, self._keep & wanted, self._rows_of)


def _filter_state() -> dict:
    """``{"tables": ..., "views": {...}}`` for the current filters, narrowed once and kept."""
    memo = _memo()
    states = memo["states"]
    key = _filter_values()
    if key in states:
        states[key] = states.pop(key)  # most recently used last
        return states[key]
    if len(states) >= MAX_FILTER_STATES:
        # The oldest goes before this one is narrowed, and with it what it held: the page runs that read its views
        # have had their namespaces emptied (``_release_earlier_runs``), so it goes by reference counting now, not at
        # a collection ``memory.COLLECT_DELAY`` seconds later: new date ranges piled up tens of MB each meanwhile.
        while len(states) >= MAX_FILTER_STATES:
            del states[next(iter(states))]
        memory.collect_dropped()
    tables = corpus_tables()
    ids = selected_article_ids(tables.articles)
    if len(ids) == len(tables.articles):
        narrowed = tables
    else:
        keep = tables.articles["article_id"].isin(ids).to_numpy(dtype=bool)
        rows = memo["corpus_views"]
        narrowed = NarrowedTables(tables, keep, lambda name: _remember(
            rows, ("article_rows", (name,)), lambda: article_rows(tables, name)))
    states[key] = {"tables": narrowed, "views": {}}
    return states[key]


def table_columns(tables: CorpusTables | NarrowedTables, name: str, columns: Sequence[str]) -> pd.DataFrame:
    """``getattr(tables, name)[columns]`` (the columns it has), narrowed from those columns alone for a part of the
    corpus (``NarrowedTables.columns``)."""
    frame = tables._whole if isinstance(tables, NarrowedTables) else tables
    columns = [c for c in columns if c in getattr(frame, name)]
    return tables.columns(name, columns) if isinstance(tables, NarrowedTables) else getattr(tables, name)[columns]


def table_rows(tables: CorpusTables | NarrowedTables, name: str,
               wanted: Callable[[pd.DataFrame], np.ndarray]) -> pd.DataFrame:
    """``frame[wanted(frame)]`` of the table ``name`` of ``tables``, taken at once from the whole table for a part
    of the corpus (``NarrowedTables.rows``; ``wanted`` marks each row by its own cells)."""
    if isinstance(tables, NarrowedTables):
        return tables.rows(name, wanted)
    frame = getattr(tables, name)
    return frame[wanted(frame)]


def kept_articles(tables: CorpusTables | NarrowedTables) -> np.ndarray:
    """Which of the whole corpus's articles ``tables`` (the whole corpus, or a part of it) are about, as a boolean
    per row of its ``articles``: a ``NarrowedTables``' own mask, else looked up by id (``prepared.kept_rows``)."""
    whole = corpus_tables()
    if isinstance(tables, NarrowedTables) and tables._whole is whole:
        return tables.kept_articles
    return prepared.kept_rows(whole.articles, tables.articles)


def current_tables() -> CorpusTables | NarrowedTables:
    """The corpus restricted to the articles the sidebar filters select.

    Narrowed once per (corpus, filters) and kept in this session's state (for the last
    ``MAX_FILTER_STATES`` filter choices), so reruns reuse the same object; with nothing
    filtered out it is the corpus itself, otherwise a ``NarrowedTables`` that narrows each
    table the first time a page reads it.
    """
    return _filter_state()["tables"]


def _remember(views: dict, key: tuple, compute: Callable[[], T]) -> T:
    if key in views:
        views[key] = views.pop(key)  # most recently used last
    else:
        views[key] = compute()
        while len(views) > MAX_VIEWS:
            del views[next(iter(views))]
    return views[key]


def view(name: str, compute: Callable[..., T], *args: Hashable) -> T:
    """``compute(current_tables(), *args)``, computed once per session, corpus, filters and ``args``.

    Session-scoped: the result lives in this session's ``st.session_state``, never in a
    process-wide cache, so it can hold the session's own articles; it is dropped when the
    corpus changes, when its filter state is no longer among the last ``MAX_FILTER_STATES``,
    and with the session. ``args`` are the small values that shape the view (a category, a
    score name). Never mutate the returned value.
    """
    tables = current_tables()
    memo = _memo()
    state = next((kept for kept in memo["states"].values() if kept["tables"] is tables), None)
    if state is None:  # tables that did not come from the filter states: a memo of their own
        state = memo.get("other")
        if state is None or state["tables"] is not tables:
            state = memo["other"] = {"tables": tables, "views": {}}
    return _remember(state["views"], (name, args), lambda: _made_ahead(memo, tables, (name, args), compute))


def _made_ahead(memo: dict, tables: CorpusTables | NarrowedTables, key: tuple, compute: Callable[..., T]) -> T:
    """The view ``key`` of the whole corpus made ahead (``VIEWS_AHEAD``) when there is one, else computed."""
    ahead = st.session_state.get(VIEWS_AHEAD)
    if ahead is not None and ahead[0] == memo["corpus"] and tables is corpus_tables():
        made = ahead[1].take(key)
        if made is not MISSING:
            return made
    return compute(tables, *key[1])


def corpus_view(name: str) -> object:
    """The view ``name`` of ``analysis.views.prepared.CORPUS_VIEWS`` on the whole, unfiltered corpus.

    For what does not depend on the sidebar filters (per-sentence or per-article results that a
    page then narrows to the filtered articles). A built or reopened corpus carries them already
    (``BuiltCorpus.views``, computed with the analysis); otherwise (the seeds) it is computed once
    per session and corpus. Session-scoped like ``view``; never mutate the returned value.
    """
    built = active_corpus()
    if built is not None and name in built.views:
        return built.views[name]
    return _remember(_memo()["corpus_views"], (name, ()), lambda: prepared.corpus_view(corpus_tables(), name))


def whole_view(name: str, compute: Callable[[CorpusTables], T]) -> T:
    """``compute(corpus_tables())``, once per session and corpus: what a page reads from the whole corpus whatever
    the filters (per-article counts it then adds up for the filtered articles), outside ``prepared``'s views.
    Session-scoped like ``view``; never mutate the returned value."""
    memo = _memo()
    return _remember(memo["corpus_views"], ("whole", name),
                     lambda: _made_ahead(memo, corpus_tables(), (WHOLE_AHEAD + name, ()), compute))


def corpus_kept(name: str, key: Hashable, compute: Callable[[], T]) -> T:
    """``compute()``, kept per session and corpus under ``(name, key)`` whatever the filters: for what a page makes
    from the whole corpus alone, keyed by everything it reads (one figure's quote and article); the last
    ``MAX_VIEWS`` of each name. Session-scoped like ``view``; never mutate the returned value."""
    return _remember(_memo().setdefault("kept", {}).setdefault(name, {}), key, compute)


def article_index(whole: CorpusTables, name: str) -> tuple[np.ndarray, np.ndarray, pd.Index]:
    """An index of the table ``name`` by article, for ``rows_about``: its row positions ordered by article, each
    one's article position in ``whole.articles`` (ascending), and the articles' ids."""
    positions = article_rows(whole, name)
    order = np.argsort(positions, kind="stable")
    return order, positions[order], pd.Index(whole.articles["article_id"])


def rows_about(frame: pd.DataFrame, index: tuple[np.ndarray, np.ndarray, pd.Index], article_ids) -> pd.DataFrame:
    """``frame[frame["article_id"].isin(article_ids)]`` (the same rows, order and index) through
    ``article_index(whole, name)`` of that table: a lookup per article, not a scan of every row."""
    order, by_article, article_at = index
    wanted = article_at.get_indexer(list(article_ids))
    wanted = np.unique(wanted[wanted >= 0])
    starts, ends = np.searchsorted(by_article, wanted, "left"), np.searchsorted(by_article, wanted, "right")
    return frame.iloc[np.sort(np.concatenate([order[a:b] for a, b in zip(starts, ends)]))
                      if len(wanted) else np.arange(0)]


def whole_rows_about(name: str, article_ids, *, columns: Sequence[str] | None = None) -> pd.DataFrame:
    """``rows_about`` the whole corpus's table ``name``, its index made once per session and corpus (a scan
    of the 211k sentences of 10,000 articles per lookup before); only ``columns`` (default all) taken: taking
    rows of the sentences' text column costs 15 ms however few they are, 1 ms without it."""
    tables = corpus_tables()
    index = _remember(_memo()["corpus_views"], ("article_index", (name,)), lambda: article_index(tables, name))
    frame = getattr(tables, name)
    return rows_about(frame if columns is None else frame[list(columns)], index, article_ids)


def forget_views() -> None:
    """Drop this session's filtered tables and computed views (the corpus changed)."""
    if st.session_state.pop(_MEMO, None) is not None:
        memory.give_back_soon()


def sidebar_filters() -> None:
    """Draw the shared filters; their keys keep the choices across pages."""
    adopt_finished_job()
    articles = corpus_tables().articles
    with st.sidebar:
        st.caption(f"Corpus: **{escape_markdown(corpus_name())}** ({len(articles):,} "
                   f"article{'s' if len(articles) != 1 else ''})")
        job = st.session_state.get(CORPUS_JOB)
        if job is not None and job.running:
            st.caption(":material/hourglass_top: Analysing your upload; see the Corpus page.")
        st.header("Filters")
        sources = sorted(articles["source"].unique())
        state = st.session_state
        chosen_sources = state.get(FILTER_SOURCES) or []
        if any(s not in set(sources) for s in chosen_sources):  # the corpus changed under the saved choice
            state[FILTER_SOURCES] = [s for s in chosen_sources if s in set(sources)]
        st.multiselect("Sources", sources, key=FILTER_SOURCES, placeholder="All sources")
        bounds = date_bounds(articles)
        if bounds is not None:
            low, high = bounds[0].date(), bounds[1].date()
            if low < high:
                # Keyed by corpus: a browser keeps a keyed date widget's old value when only its bounds
                # change, so each corpus gets its own widget; FILTER_DATES mirrors the current choice.
                state[FILTER_DATES] = st.date_input("Published between", value=(low, high), min_value=low,
                                                    max_value=high, key=f"{FILTER_DATES}_{corpus_key()}")
            else:
                state.pop(FILTER_DATES, None)
        else:
            state.pop(FILTER_DATES, None)
        undated = int(articles["published"].isna().sum())
        st.checkbox(f"Include undated articles ({undated:,})", value=True, key=FILTER_UNDATED)


def segments_markdown(segments, highlight=frozenset()) -> str:
    """Markdown for text segments (``analysis.views.evidence.Segment``), all text escaped.

    A marked segment whose key is in ``highlight`` is drawn strong (red, bold); other
    marked segments are drawn light (orange).
    """
    parts = []
    for segment in segments:
        escaped = escape_markdown(segment.text)
        if not segment.mark:
            parts.append(escaped)
        elif segment.key in highlight:
            parts.append(f":red-background[**{escaped}**]")
        else:
            parts.append(f":orange-background[{escaped}]")
    return "".join(parts)


def marked_article(text: str, spans: list[tuple[int, int, str, str]], highlight: str | None = None) -> list[str]:
    """Markdown for each paragraph of an article, every span marked, all text escaped.

    Headings become bold lines; a span whose key is ``highlight`` is drawn
    stronger than the others.
    """
    from analysis.views.evidence import marked_paragraphs

    strong = {highlight} if highlight else frozenset()
    return ["**" + escape_markdown(paragraph.segments[0].text) + "**" if paragraph.is_heading
            else segments_markdown(paragraph.segments, strong)
            for paragraph in marked_paragraphs(text, spans)]
