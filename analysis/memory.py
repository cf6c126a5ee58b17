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

The server calls ``tune_allocators`` once at start (``app_data``); nothing here changes results.
Known limits: only glibc (Linux) is tuned and trimmed; elsewhere these are no-ops. Python's own
small-object arenas and the per-article caches (``analysis.article_cache``, bounded) are left as
they are: a few MB per 300 new articles.
"""

from __future__ import annotations

import ctypes
import gc
import os
import threading
import weakref

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


def release_when_collected(value: object) -> None:
    """Give memory back soon after ``value`` (a session's corpus, or ``SessionEnd``) is garbage-collected."""
    weakref.finalize(value, give_back_soon)


class SessionEnd:
    """Kept in a session's state, so that ``release_when_collected`` can tell when the session is gone."""
