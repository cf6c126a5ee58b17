"""Corpus builds in separate, lower-priority processes, so that one upload's analysis does not starve a server.

Analysing an upload (NER, figures, tone...) is CPU-bound Python: run on a thread inside the
server it holds the interpreter lock, and every other session's page waits for it (measured with
20 sessions browsing and 3 uploading on 2 cores: page switch p95 23 s). ``BuildPool`` runs
``analysis.uploads.build`` in long-lived worker processes instead:

- each worker is ``python -m analysis.worker`` started with ``subprocess`` (not ``multiprocessing``:
  its ``spawn`` and ``forkserver`` re-import the parent's ``__main__``, which inside Streamlit is the
  page script, and ``fork`` of a threaded server is unsafe); it lowers its own priority
  (``os.nice(NICE)``), loads the spaCy model once and then builds one corpus after another, so an
  upload does not pay for a process start and a model load each time;
- at most ``worker_count()`` builds run at once (``$NEWSDASH_BUILD_WORKERS``, default 1 on up to
  three cores, 2 from four); others wait in line, and their progress says their place in it;
- the request goes to the worker and progress ``(stage, done, total, current)`` comes back over a
  pipe, then the built corpus, pickled (DataFrames and the prepared views); the job that asked holds
  the only reference to it, and the worker keeps nothing of one build for the next but the
  content-addressed per-article caches (``analysis.article_cache``) and the model;
- cancel asks the worker to stop at its next step and kills it when it has not within
  ``CANCEL_GRACE`` seconds (the long "Analysing" step has no steps inside); the next build starts a
  fresh worker;
- a worker that dies (killed, out of memory) ends that one job with a message saying so; the server
  and the other jobs carry on, and the next build starts a fresh worker;
- a worker idle for ``IDLE_SECONDS`` is stopped, so that its memory (the model, what the last build
  left) goes back to the system;
- where no worker process can be started (no ``subprocess``, a sandbox), or with
  ``NEWSDASH_BUILD_WORKERS=0``, builds run on a thread in the server as before.

``$NEWSDASH_N_PROCESS`` keeps its meaning inside the worker: the number of processes spaCy's NER
may use (``analysis.entities.nlp.choose_n_process``); 1 keeps the build in the one worker process.
The worker gets the server's environment and is started again when a ``NEWSDASH_*`` setting has changed.
Nothing user-supplied reaches a file name or a command line: the request travels through the pipe.
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import threading
import time
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any, Callable, Protocol

ROOT = Path(__file__).resolve().parents[1]
WORKERS_ENV_VAR = "NEWSDASH_BUILD_WORKERS"
#: How much the worker lowers its priority (``os.nice``): the server's sessions come first.
NICE = 10
#: Seconds a worker may take to start (import the analysis) before builds fall back to threads.
START_TIMEOUT = 120.0
#: Seconds a cancelled build may take to reach its next step before its worker is killed.
CANCEL_GRACE = 3.0
#: Seconds without a build after which a worker is stopped.
IDLE_SECONDS = 600.0
#: Seconds between checks of a running build (cancel, a dead worker).
POLL = 0.2

#: The stage a job shows while it waits for a free worker: ``(WAITING, place in line, line length, "")``.
WAITING = "Waiting in line"

log = logging.getLogger(__name__)


class Job(Protocol):
    """What the pool needs of a job (``analysis.uploads.CorpusJob``)."""

    id: int
    request: Any
    target: Callable[..., Any]  # module-level, so that it pickles by name
    worker_pid: int | None
    _progress: tuple[str, int, int, str]
    _cancel: threading.Event

    @property
    def running(self) -> bool: ...

    def _report(self, stage: str, done: int, total: int, current: str) -> None: ...

    def _finish(self, *, result: Any = None, error: str | None = None) -> None: ...

    def _run_on_thread(self) -> None: ...


class WorkerUnavailable(RuntimeError):
    """No worker process could be started."""


def worker_count() -> int:
    """Builds run at once: ``$NEWSDASH_BUILD_WORKERS`` (0: on threads in the server), else 1, or 2 from four cores."""
    override = os.environ.get(WORKERS_ENV_VAR, "").strip()
    if override.isdigit():
        return int(override)
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    return 2 if cores >= 4 else 1


def _settings() -> dict[str, str]:
    """The environment a worker's results depend on (cache folder, model, NER processes...)."""
    return {key: value for key, value in os.environ.items() if key.startswith("NEWSDASH_")}


class _Worker:
    """The server's end of one worker process: two pipes and the process."""

    def __init__(self) -> None:
        self.settings = _settings()
        to_child_read, to_child_write = os.pipe()
        from_child_read, from_child_write = os.pipe()
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
        try:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "analysis.worker", str(to_child_read), str(from_child_write)],
                pass_fds=(to_child_read, from_child_write), cwd=ROOT, env=env)
        except (OSError, subprocess.SubprocessError) as error:
            for fd in (to_child_read, to_child_write, from_child_read, from_child_write):
                os.close(fd)
            raise WorkerUnavailable(f"cannot start a worker process: {error}") from error
        os.close(to_child_read)
        os.close(from_child_write)
        self.outbox = Connection(to_child_write, readable=False)
        self.inbox = Connection(from_child_read, writable=False)
        ready = None
        try:
            if self.inbox.poll(START_TIMEOUT):
                ready = self.inbox.recv()
        except (EOFError, OSError):
            pass
        if not (isinstance(ready, tuple) and ready[:1] == ("ready",)):
            self.kill()
            raise WorkerUnavailable(f"the worker process did not start (exit code {self.process.poll()})")
        self.pid = self.process.pid

    @property
    def alive(self) -> bool:
        return self.process.poll() is None

    def send(self, message: tuple) -> None:
        self.outbox.send(message)

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait()
        for connection in (self.outbox, self.inbox):
            connection.close()

    def stop(self) -> None:
        """Ask the worker to exit (closing its input is enough), then make sure."""
        self.outbox.close()
        try:
            self.process.wait(5)
        except subprocess.TimeoutExpired:
            pass
        self.kill()


def _crash_message(code: int | None) -> str:
    how = f"killed by signal {-code}" if code is not None and code < 0 else f"exit code {code}"
    return (f"the analysis process stopped unexpectedly ({how}; out of memory?). Nothing else was affected: "
            "try again, or with fewer articles.")


class BuildPool:
    """Up to ``size`` worker processes building corpora for ``CorpusJob``\\ s, the rest waiting in line."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.processes = size > 0  # False once a worker could not start: threads from then on
        self._waiting: list[Job] = []
        self._cond = threading.Condition()
        self._slots: list[threading.Thread] = []
        self.workers: dict[int, int] = {}  # slot -> pid of its worker, for tests and monitoring

    def submit(self, job: Job) -> bool:
        """Queue ``job``; False when builds must run on a thread instead (the caller does)."""
        if not self.processes:
            return False
        with self._cond:
            self._waiting.append(job)
            self._mark_places()
            if len(self._slots) < self.size:
                slot = threading.Thread(target=self._serve_forever, args=(len(self._slots),),
                                        name=f"corpus-build-slot-{len(self._slots)}", daemon=True)
                self._slots.append(slot)
                slot.start()
            self._cond.notify()
        return True

    def withdraw(self, job: Job) -> bool:
        """Take ``job`` out of the line if it is still waiting; True when it was."""
        with self._cond:
            if job not in self._waiting:
                return False
            self._waiting.remove(job)
            self._mark_places()
        return True

    def _mark_places(self) -> None:
        for place, job in enumerate(self._waiting, start=1):
            job._progress = (WAITING, place, len(self._waiting), "")

    def _next(self, worker: _Worker | None) -> Job | None:
        with self._cond:
            while not self._waiting:
                if not self._cond.wait(IDLE_SECONDS) and worker is not None:
                    return None  # idle: the caller stops its worker
            job = self._waiting.pop(0)
            self._mark_places()
            return job

    def _serve_forever(self, slot: int) -> None:
        worker: _Worker | None = None
        while True:
            job = self._next(worker)
            if job is None:
                worker.stop()
                worker = None
                self.workers.pop(slot, None)
                continue
            try:
                worker = self._serve(job, worker)
            except Exception as error:  # a bug here must not leave the job running forever
                log.exception("corpus build slot failed")
                if job.running:
                    job._finish(error=f"{type(error).__name__}: {error}")
                if worker is not None:
                    worker.kill()
                worker = None
            if worker is None:
                self.workers.pop(slot, None)
            else:
                self.workers[slot] = worker.pid

    def _serve(self, job: Job, worker: _Worker | None) -> _Worker | None:
        """Build ``job`` in ``worker`` (a fresh one when there is none); returns the worker if it can go on."""
        if job._cancel.is_set():
            job._finish(error="cancelled")
            return worker
        if not self.processes:  # a worker could not start since this job joined the line
            job._run_on_thread()
            return None
        if worker is None or not worker.alive or worker.settings != _settings():
            if worker is not None:
                worker.stop()
            job._progress = ("Starting the analysis process", 0, 1, "loading the language model")
            try:
                worker = _Worker()
            except WorkerUnavailable as error:
                log.warning("%s; corpus builds run on threads in the server from now on", error)
                self.processes = False
                job._run_on_thread()
                return None
        job.worker_pid = worker.pid
        try:
            worker.send(("build", job.id, job.target, job.request))
        except OSError:
            worker.kill()
            job._finish(error=_crash_message(worker.process.poll()))
            return None
        stopping: str | None = None  # why the worker was asked to stop: "cancelled" or the page's error
        asked_at = 0.0
        while True:
            if stopping is None and job._cancel.is_set():
                stopping = "cancelled"
            if stopping is not None and not asked_at:
                asked_at = time.monotonic()
                try:
                    worker.send(("cancel", job.id))
                except OSError:
                    pass
            if asked_at and time.monotonic() - asked_at > CANCEL_GRACE:
                worker.kill()
                job._finish(error=stopping)
                return None
            try:
                if not worker.inbox.poll(POLL):
                    if worker.alive:
                        continue
                    raise EOFError
                message = worker.inbox.recv()
            except (EOFError, OSError):
                worker.kill()
                job._finish(error=stopping or _crash_message(worker.process.poll()))
                return None
            kind, job_id, *body = message
            if job_id != job.id:
                continue
            if kind == "progress" and stopping is None:
                try:
                    job._report(*body)
                except Exception as error:  # the page's side failed: stop the build, keep the message
                    stopping = f"{type(error).__name__}: {error}"
            elif kind == "done":
                if stopping is None:
                    job._finish(result=body[0])
                else:
                    job._finish(error=stopping)
                return worker
            elif kind in ("cancelled", "error"):
                job._finish(error=stopping or (body[0] if body else "cancelled"))
                return worker


_pool: BuildPool | None = None
_pool_lock = threading.Lock()


def pool() -> BuildPool:
    """This process's build pool, made on first use with ``worker_count()`` slots."""
    global _pool
    with _pool_lock:
        if _pool is None:
            _pool = BuildPool(worker_count())
        return _pool


# -- the worker process ------------------------------------------------------------------------------------

def serve(inbox: Connection, outbox: Connection) -> None:
    """The worker's loop: read ``("build", job_id, target, request)``, run ``target(request, report=...,
    cancelled=...)`` (``analysis.uploads.build``, pickled by name), answer with progress and the result.

    Answers are ``("progress", job_id, stage, done, total, current)``, then one of
    ``("done", job_id, built)``, ``("cancelled", job_id)`` or ``("error", job_id, message)``.
    ``("cancel", job_id)`` makes ``cancelled()`` true, and whatever the target raises after that
    counts as cancelled. Returns when the input closes.
    """
    from analysis import memory

    outbox.send(("ready", os.getpid()))
    try:
        from analysis.entities.nlp import load_nlp

        load_nlp()  # once, before the first request; a missing model is reported by the build itself
    except Exception:
        pass
    while True:
        try:
            message = inbox.recv()
        except (EOFError, OSError):
            return
        if message[0] != "build":
            continue  # a cancel that came after its build had ended
        _, job_id, target, request = message
        state = {"cancelled": False, "gone": False}

        def cancelled() -> bool:
            try:
                while not state["cancelled"] and inbox.poll():
                    note = inbox.recv()
                    state["cancelled"] = note[:2] == ("cancel", job_id)
            except (EOFError, OSError):  # the server has gone
                state["cancelled"] = state["gone"] = True
            return state["cancelled"]

        def report(stage: str, done: int, total: int, current: str) -> None:
            outbox.send(("progress", job_id, stage, done, total, current))

        try:
            try:
                built = target(request, report=report, cancelled=cancelled)
                answer: tuple = ("done", job_id, built)
            except Exception as error:
                answer = ("cancelled", job_id) if state["cancelled"] else ("error", job_id, f"{type(error).__name__}: {error}")
            try:
                outbox.send(answer)
            except (TypeError, AttributeError, ValueError) as error:  # could not pickle the result
                outbox.send(("error", job_id, f"{type(error).__name__}: {error}"))
        except (BrokenPipeError, OSError):
            return
        finally:
            answer = built = request = target = None  # noqa: F841 - nothing of this build stays for the next
            memory.give_back()
        if state["gone"]:
            return


def _main(argv: list[str]) -> None:
    try:
        os.nice(NICE)
    except (AttributeError, OSError):
        pass
    from analysis import memory

    memory.tune_allocators()
    inbox = Connection(int(argv[0]), writable=False)
    outbox = Connection(int(argv[1]), readable=False)
    serve(inbox, outbox)


if __name__ == "__main__":
    _main(sys.argv[1:])
