"""Keeping a long-running server's memory close to what it holds: allocator settings and giving freed memory back.

A session's corpus (about 450 MB at 10,000 articles) and its pages' views are freed when the
session ends or switches corpus, but the allocators keep what was freed for later use, so the
process's resident memory stays up. Measured with a 10,000-article corpus visited on every page
(``benchmarks.page_speed``) and with a 300-article upload on the real server
(``tests/browser/test_session_memory.py``), three things held it:

- Arrow's own pool (mimalloc), which holds the pandas string columns: it kept the freed
  columns' memory (28 MB of a 300-article session; about 370 MB at 10,000 articles) until asked
  to release it, and glibc's trimming cannot reach it. ``tune_allocators`` makes Arrow allocate
  with the system allocator, so its memory is reused by and trimmed with everything else.
- glibc's malloc: large blocks (NumPy arrays and Arrow buffers of a 200,000-row table) are placed
  in the heap once the dynamic mmap threshold has risen, and one long-lived block pins the rest.
  ``tune_allocators`` fixes the mmap threshold at 1 MB (such blocks get their own mapping and are
  unmapped when freed) and allows one arena per core instead of eight (fewer half-empty per-thread heaps).
- What glibc still holds after that is handed back by ``malloc_trim``: ``release_when_collected``
  runs ``give_back`` a moment after a corpus, or a session's state, is collected. A closed
  session's state is collected by the next full garbage collection once the session's time to
  reconnect has passed.

Streamlit runs a full garbage collection after every script run (``runner.postScriptGC``): with a
server's heap (pandas, plotly, spaCy, the seeds' tables) that cost about two thirds of a page
switch's server CPU on the seeds, and with many sessions it ran many times a second. The committed
config turns it off; instead every script run asks for ``collect_soon``: one full collection on a
background thread ``COLLECT_DELAY`` seconds later, for all the runs meanwhile, so a busy server
collects every few seconds and an idle one not at all.

A filter state the session no longer keeps (``app_data``) was referenced from the namespaces of the page runs
that read it, which only a collection freed: with new date ranges a few seconds apart, each one's narrowed
tables and views (tens of MB, over 100 MB on the Tone page) piled up until the deferred collection: the peak RSS
of ``benchmarks.page_speed`` at 10,000 articles was 1.62 GB with new date ranges, 1.21 GB without. A full
collection when a state was dropped kept it at 1.24 GB for 0.02-0.06 s of CPU per new date range (28,000 tracked
objects on most pages, 50,000-80,000 on Tone, mostly its charts' per-point lists; 0.08 s under more load). Now
each page run empties the data of the session's page runs before the previous one (``app_data``), so a dropped
state's tables and views go by reference counting when it is dropped, and ``collect_dropped`` only gives the memory
back.

Python's own allocator for objects of up to 512 bytes (pymalloc, the default unless ``PYTHONMALLOC=malloc``) takes
1 MB arenas from the system and gives one back only when every block in it is free. A session at 10,000 articles
fills about 180 new arenas; once it ended, the RSS of ``benchmarks.page_speed`` stayed +49% over its baseline
(192 -> 286 MB; +7% with ``PYTHONMALLOC=malloc``), yet tracemalloc found only about 0.4 MB of the session's
objects alive. Those few objects, made while the session's data filled the arenas, each kept one: reading the
arenas' pool headers after a session (at 10,000 articles, a census of every allocated block by arena, with the
objects' referrers) found 40-57 arenas holding nothing from before the session but a handful of its objects each:

- memos of the process filled with the session's values: ``analysis.timeline.values``'s day texts (about 2,200 of
  4,096 entries with their Timestamps), every abstract class's ``isinstance`` caches (about 420 weak references to
  the types checked), the ``re`` module's compiled patterns, the interpreter's cache of attribute names looked up
  on types (some built at run time, as pandas' ``visit_*`` names), and pandas' list of 32 freed ``BlockPlacement`` objects kept for reuse
  (``cython.freelist``, invisible to the garbage collector). ``release_when_collected`` now empties them, with a
  full collection for Python's own free lists, half a second before the memory is given back
  (``forget_session_caches``); a cache of this app that a corpus fills registers with ``emptied_when_released``.
  Each refills on its next use, at microseconds an entry; the release costs about 0.07 s of CPU on a background
  thread (mostly the collection), once per session or corpus dropped.
- what a user's corpus makes for good the first time and the seeds never do: the Corpus page's chart of articles
  per period (plotly's bar modules and the checks of its properties, pandas' period types), pandas' taking of
  8, 16 and 32-bit category codes and of dated rows, Streamlit's alert formats, the ingest limits' attribute
  dict. ``app_data`` makes these once at start (``_made_at_start``), so they sit in the arenas of the imports.
- the benchmark's own figures (a float per timed run, kept in a list), which ``page_speed`` now keeps in arrays.

With these, ``page_speed`` ends at +8-9% at 1,000 articles and +10-15% at 10,000 (194 -> 214-222 MB; main
7072406 the same hour +18-19% and +29-37%); see the README ("Sizing"). Known misses, at 10,000 articles: 10-13
arenas still keep one to seven blocks each (dictionaries and key tables that no collected object reaches,
AppTest's ``__main__`` module and importlib.metadata lookups, a few pandas and numpy memo entries), and glibc's
heaps keep about 10 MB of pages that ``malloc_trim`` does not give back (fragments among live blocks: the
allocated bytes are those of before the session), about 10 MB more after a second session; a cache filled by a
session still running (another user's) keeps its arenas until that session ends too; numpy's and pyarrow's
datetime types of each unit are made on first use (a server whose first pages read no dates keeps a few more
arenas); ``PYTHONMALLOC=malloc`` still gives back a few MB more.

The server calls ``tune_allocators`` once at start (``app_data``); nothing here changes results.
Known limits: only glibc (Linux) is tuned and trimmed; elsewhere these are no-ops. The per-article caches
(``analysis.article_cache``, bounded) are left as they are: a few MB per 300 new articles.
"""

from __future__ import annotations

import abc
import ctypes
import gc
import os
import re
import sys
import threading
import weakref
from collections.abc import Callable

#: glibc's ``mallopt`` parameters (malloc.h).
_M_MMAP_THRESHOLD = -3
_M_ARENA_MAX = -8
#: Blocks from this size up get their own mapping, given back to the system when freed.
MMAP_THRESHOLD = 1024 * 1024
#: glibc's default is eight per core.
ARENA_MAX = max(2, os.cpu_count() or 1)
#: Seconds between a corpus being collected and the memory being given back (the rest of the
#: dropped session, its views and pages, goes in the same moment).
RELEASE_DELAY = 1.0

#: Seconds from a script run to the full garbage collection it asks for (one for every run meanwhile).
COLLECT_DELAY = 5.0



def _libc() -> ctypes.CDLL | None:
    try:
        libc = ctypes.CDLL("libc.so.6")
        libc.malloc_trim  # glibc only
        return libc
    except (OSError, AttributeError):
        return None


def tune_allocators() -> dict[str, object]:
    """Allocator settings for a long-running server (see the module docstring); returns what was set.

    Affects allocations made from now on; call it once, early.
    """
    import pyarrow

    pyarrow.set_memory_pool(pyarrow.system_memory_pool())
    done: dict[str, object] = {"arrow_pool": pyarrow.default_memory_pool().backend_name}
    libc = _libc()
    if libc is not None:
        done["mmap_threshold"] = MMAP_THRESHOLD if libc.mallopt(_M_MMAP_THRESHOLD, MMAP_THRESHOLD) == 1 else None
        done["arena_max"] = ARENA_MAX if libc.mallopt(_M_ARENA_MAX, ARENA_MAX) == 1 else None
    return done


def freeze_startup() -> int:
    """Leave every object alive now out of later garbage collections; returns how many that is.

    Called once when the server's modules are imported, before any session holds data: the imported libraries
    (about 120,000 tracked objects: pandas, plotly, Streamlit, the analysis code) live as long as the process, yet
    every full collection walked them again, and a full collection runs after each new date range
    (``collect_dropped``) and a few seconds after script runs. With them left out a full collection walks only
    what sessions made since: 0.055 s of CPU for the imports alone before, nothing after. Known cost: a reference
    cycle among the objects alive at that moment is never collected (the first script run's few objects made
    before the import); everything made later is collected as before.
    """
    gc.collect()
    gc.freeze()
    return gc.get_freeze_count()


def give_back(*, collect: bool = True) -> None:
    """Collect garbage (unless ``collect`` is False) and hand the freed memory back to the system
    (glibc's and Arrow's)."""
    if collect:
        gc.collect()
    libc = _libc()
    if libc is not None:
        libc.malloc_trim(0)
    import pyarrow

    pyarrow.default_memory_pool().release_unused()


class _Once:
    """Runs ``action`` on a background thread ``delay`` seconds after it is first asked for, once however often
    it is asked for meanwhile; a request after the run has started schedules another."""

    def __init__(self, action) -> None:
        self._action = action
        self._lock = threading.Lock()
        self._scheduled = False

    def __call__(self, delay: float) -> None:
        with self._lock:
            if self._scheduled:
                return
            self._scheduled = True
        timer = threading.Timer(delay, self._run)
        timer.daemon = True
        timer.start()

    def _run(self) -> None:
        with self._lock:
            self._scheduled = False  # what is freed from now on needs another run
        self._action()


_give_back_once = _Once(lambda: give_back(collect=False))
_collect_once = _Once(lambda: gc.collect())  # looked up when run, so a patched gc.collect is the one called


def give_back_soon(delay: float = RELEASE_DELAY) -> None:
    """``give_back`` on a background thread after ``delay`` seconds (once, however often it is asked for
    meanwhile), without a garbage collection of its own: what asks for it runs inside one or has just
    dropped the references."""
    _give_back_once(delay)


def collect_soon(delay: float = COLLECT_DELAY) -> None:
    """A full garbage collection on a background thread after ``delay`` seconds, once however often it is
    asked for meanwhile (see the module docstring). What it collects gives its memory back through
    ``release_when_collected``."""
    _collect_once(delay)


def collect_dropped() -> None:
    """``give_back_soon``: for when a session has just dropped a large value (a filter state), which reference counting
    has freed already (``app_data`` empties the ended page runs' namespaces that held it in reference cycles); no
    garbage collection of its own (a full one here cost 0.02-0.09 s of CPU per new date range)."""
    give_back_soon()


#: How ``forget_session_caches`` empties the caches of this app that sessions fill with their own corpus's values
#: (``emptied_when_released``).
_FILLED_BY_SESSIONS: list[Callable[[], None]] = []


def emptied_when_released(clear: Callable[[], None]) -> Callable[[], None]:
    """Register ``clear`` (a cache's ``cache_clear``) to run whenever a corpus or session is released
    (``forget_session_caches``); returns ``clear``. For process-wide memos that reading a corpus fills with
    values of that corpus (dates, names): bounded, but what they keep was made during a session, and keeps
    its arenas (see the module docstring)."""
    _FILLED_BY_SESSIONS.append(clear)
    return clear


def _abc_classes() -> list[type]:
    found, seen, stack = [], set(), [object]
    while stack:
        for sub in type.__subclasses__(stack.pop()):
            if id(sub) not in seen:
                seen.add(id(sub))
                stack.append(sub)
                if isinstance(sub, abc.ABCMeta):
                    found.append(sub)
    return found


#: ``pandas._libs.internals.BlockPlacement`` keeps up to this many freed objects for reuse (``cython.freelist``).
_BLOCK_PLACEMENTS_KEPT = 32


def _renew_block_placements() -> None:
    """Give the blocks of pandas' ``BlockPlacement`` freelist back to Python's allocator: the freelist holds the
    last 32 freed objects, made during the session, one per arena at worst. Taking 64 empties it and makes 32
    anew; freeing the new ones first fills it with those, so the old ones are freed for good."""
    try:
        from pandas._libs.internals import BlockPlacement
    except ImportError:  # pragma: no cover
        return
    old = [BlockPlacement(slice(0, 1)) for _ in range(_BLOCK_PLACEMENTS_KEPT)]
    new = [BlockPlacement(slice(0, 1)) for _ in range(_BLOCK_PLACEMENTS_KEPT)]
    del new
    del old


def forget_session_caches() -> None:
    """Empty what a finished session left in the process's caches, then collect (see the module docstring):
    the caches registered with ``emptied_when_released``, the ``re`` module's compiled patterns, every abstract
    class's ``isinstance`` cache, Python's free lists (by the full collection) and pandas' ``BlockPlacement`` one.
    Each refills on its next use, at a few microseconds an entry."""
    for clear in _FILLED_BY_SESSIONS:
        clear()
    re.purge()
    for cls in _abc_classes():
        cls._abc_caches_clear()
    sys._clear_type_cache()  # it keeps the attribute names looked up on types, some built by the session's code
    gc.collect()
    _renew_block_placements()


_forget_once = _Once(lambda: forget_session_caches())


def _released() -> None:
    _forget_once(RELEASE_DELAY / 2)  # before the memory is given back
    give_back_soon()


def release_when_collected(value: object) -> None:
    """Soon after ``value`` (a session's corpus, or ``SessionEnd``) is garbage-collected, empty the caches it
    filled (``forget_session_caches``) and give memory back (``give_back_soon``)."""
    weakref.finalize(value, _released)


class SessionEnd:
    """Kept in a session's state, so that ``release_when_collected`` can tell when the session is gone."""
