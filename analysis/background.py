"""Values computed ahead on a background thread, each handed out once, for a page that may ask for them.

``Ahead(compute, names=...)`` runs ``compute()`` (an iterator of ``(key, value)``, a key being ``(name, args)``)
on a daemon thread once ``start`` is called; given ``after`` (a thread: the script run that opened the corpus), it
first lets that thread end, so the two do not take turns at the interpreter, unless a ``take`` asks meanwhile or
``wait_at_most`` seconds pass. ``take(key)`` returns the value computed for ``key`` and forgets
it (the caller keeps it from then on): at once when it is there, after waiting for it while the thread may
still make it (its name is among ``names`` and the thread has not finished), else ``MISSING`` — a key the
thread did not make, one already taken, or any key once the thread failed (the error is logged, the caller
computes the value itself). The thread only reads what ``compute`` reads, which must not change meanwhile.
No streamlit here.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Hashable, Iterable

log = logging.getLogger(__name__)

#: What ``take`` returns for a key it has no value for.
MISSING = object()


class Ahead:
    """``compute()``'s ``(key, value)`` pairs, made on a background thread; see the module docstring."""

    def __init__(self, compute: Callable[[], Iterable[tuple[Hashable, object]]], *, names: Iterable[str],
                 label: str = "views", after: threading.Thread | None = None, wait_at_most: float = 5.0) -> None:
        self._compute, self.names, self.label = compute, frozenset(names), label
        self._after, self._wait_at_most, self._asked = after, wait_at_most, threading.Event()
        self._values: dict[Hashable, object] = {}
        self._ready = threading.Condition()
        self._finished = False
        self._thread: threading.Thread | None = None

    def start(self) -> "Ahead":
        """Start the thread (once); returns ``self``."""
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name=f"ahead-{self.label}", daemon=True)
            self._thread.start()
        return self

    def _run(self) -> None:
        if self._after is not None:  # polled: a script run's thread ends without telling anyone
            until = time.monotonic() + self._wait_at_most
            while self._after.is_alive() and not self._asked.wait(0.05) and time.monotonic() < until:
                pass
            self._after = None
        try:
            for key, value in self._compute():
                with self._ready:
                    self._values[key] = value
                    self._ready.notify_all()
        except Exception:  # the page computes the view itself
            log.exception("computing the %s ahead failed", self.label)
        finally:
            self._compute = None  # what it holds (a corpus's tables) is not kept for longer than needed
            with self._ready:
                self._finished = True
                self._ready.notify_all()

    @property
    def finished(self) -> bool:
        """Whether the thread has ended (every value made, or it failed)."""
        return self._finished

    def take(self, key: Hashable, *, timeout: float = 120.0) -> object:
        """The value made for ``key`` (waiting for it while the thread may still make it), forgotten here
        afterwards; ``MISSING`` when there is none. ``key`` is ``(name, args)``; ``timeout``: seconds at most."""
        if self._thread is None or not (isinstance(key, tuple) and key and key[0] in self.names):
            return MISSING
        self._asked.set()  # no more waiting for the run that opened the corpus: a page needs the value now
        with self._ready:
            self._ready.wait_for(lambda: key in self._values or self._finished, timeout=timeout)
            return self._values.pop(key, MISSING)
