"""Corpus builds in worker processes (``analysis.worker``): progress, a line, cancel, a crash, isolation, threads.

Each test gets a pool of its own (``analysis.worker.pool`` is replaced), so that a killed or
stopped worker in one test does not change another's.
"""

from __future__ import annotations

import os
import signal
import time

import pandas as pd
import psutil
import pytest

from analysis import worker
from analysis.uploads import WAITING, CorpusJob, CorpusRequest, build

STORY = ("Flood waters rose through {town} on Monday. At least {n} people were killed and {m} injured, "
         "said {name}, a spokesman for the {town} fire service. Crews from {outlet} reported roads closed.")
TIMEOUT = 180


def _files(tag: str, n: int) -> tuple[tuple[str, bytes], ...]:
    """``n`` one-article text files naming ``tag`` in their town, outlet and spokesman."""
    return tuple((f"{tag}_{i}.txt", STORY.format(town=f"{tag.capitalize()}ville", n=i + 2, m=i + 5,
                                                  name=f"Alex {tag.capitalize()}son", outlet=f"{tag} Radio").encode()
                  + f" Report {i} of {n}.".encode()) for i in range(n))


@pytest.fixture
def pool(monkeypatch):
    """A pool of one worker process, this test's own."""
    fresh = worker.BuildPool(1)
    monkeypatch.setattr(worker, "_pool", fresh)
    yield fresh
    for job_pid in list(fresh.workers.values()):
        try:
            os.kill(job_pid, signal.SIGKILL)
        except ProcessLookupError:
            pass


def _wait_for(condition, timeout: float = TIMEOUT) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.02)


def test_builds_in_a_lower_priority_process_with_progress_and_the_same_tables(pool):
    request = CorpusRequest(name="flood", files=_files("alpha", 6))
    seen = []

    class Watched(CorpusJob):
        def _report(self, *args):
            super()._report(*args)
            seen.append(args)

    job = Watched(request).start()
    _wait_for(lambda: job.worker_pid is not None)
    assert job.worker_pid != os.getpid()
    assert psutil.Process(job.worker_pid).nice() >= worker.NICE
    assert job.wait(TIMEOUT) and job.error is None, job.error
    stages = [stage for stage, *_ in seen]
    assert stages[0] == "Reading files" and "Finding names (spaCy)" in stages and stages[-1] == "Done"
    assert ("Reading files", 0, 6, "alpha_0.txt") in seen
    assert not job.running and job.progress()[0] == "Done"
    expected = build(request)
    for name, frame in expected.tables.items():
        pd.testing.assert_frame_equal(getattr(job.result.tables, name), frame, obj=name)
    assert set(job.result.views) == set(expected.views)
    assert job.result.fingerprint == expected.fingerprint
    assert pool.workers == {0: job.worker_pid}  # kept for the next build, model loaded


def test_builds_wait_in_line_and_each_gets_only_its_own_articles(pool):
    tags = ["red", "green", "blue"]
    jobs = [CorpusJob(CorpusRequest(name=tag, files=_files(tag, 3 + k))).start() for k, tag in enumerate(tags)]
    _wait_for(lambda: jobs[0].progress()[0] != WAITING)
    assert jobs[2].progress() == (WAITING, 2, 2, "")  # the first is with the worker, two wait
    assert all(job.wait(TIMEOUT) for job in jobs)
    for k, (tag, job) in enumerate(zip(tags, jobs)):
        assert job.error is None, job.error
        articles = job.result.tables.articles
        assert len(articles) == 3 + k and set(articles["file"].str.split("_").str[0]) == {tag}
        text = " ".join(map(str, job.result.tables.entities.get("text", pd.Series(dtype=str))))
        assert all(other.capitalize() not in text for other in tags if other != tag)
    assert len({job.worker_pid for job in jobs}) == 1  # one long-lived worker built all three


def test_cancel_stops_a_running_build_and_the_next_one_still_runs(pool):
    job = CorpusJob(CorpusRequest(name="long", files=_files("long", 400))).start()
    _wait_for(lambda: job.progress()[0] == "Finding names (spaCy)")
    job.cancel()
    assert job.wait(worker.CANCEL_GRACE + 30)
    assert job.error == "cancelled" and job.result is None
    after = CorpusJob(CorpusRequest(name="after", files=_files("after", 2))).start()
    assert after.wait(TIMEOUT) and after.error is None and len(after.result.tables.articles) == 2


def test_cancel_while_waiting_in_line_ends_at_once(pool):
    first = CorpusJob(CorpusRequest(name="first", files=_files("first", 40))).start()
    second = CorpusJob(CorpusRequest(name="second", files=_files("second", 2))).start()
    assert second.progress()[0] == WAITING
    second.cancel()
    assert second.wait(1) and second.error == "cancelled" and second.worker_pid is None
    assert first.wait(TIMEOUT) and first.error is None


def test_a_worker_that_dies_fails_only_its_build(pool):
    job = CorpusJob(CorpusRequest(name="doomed", files=_files("doomed", 400))).start()
    _wait_for(lambda: job.progress()[0] == "Finding names (spaCy)")
    os.kill(job.worker_pid, signal.SIGKILL)  # as the kernel's out-of-memory killer would
    assert job.wait(30)
    assert job.result is None and "stopped unexpectedly (killed by signal 9" in job.error
    after = CorpusJob(CorpusRequest(name="after", files=_files("after", 2))).start()
    assert after.wait(TIMEOUT) and after.error is None, after.error
    assert after.worker_pid != job.worker_pid  # a fresh worker


def test_an_error_in_the_build_is_kept_for_the_page(pool):
    job = CorpusJob(CorpusRequest(name="bad", files=(("a.txt", 12345),))).start()  # not bytes: the build fails
    assert job.wait(TIMEOUT)
    assert job.result is None and job.error.startswith("TypeError: ") and job.worker_pid is not None
    after = CorpusJob(CorpusRequest(name="after", files=_files("after", 1))).start()
    assert after.wait(TIMEOUT) and after.error is None and after.worker_pid == job.worker_pid


def test_without_worker_processes_builds_run_on_a_thread(monkeypatch):
    monkeypatch.setenv(worker.WORKERS_ENV_VAR, "0")
    monkeypatch.setattr(worker, "_pool", None)
    job = CorpusJob(CorpusRequest(name="threads", files=_files("thread", 2))).start()
    assert job.wait(TIMEOUT) and job.error is None and job.worker_pid is None
    assert len(job.result.tables.articles) == 2


def test_when_no_worker_can_start_builds_fall_back_to_threads(monkeypatch):
    def cannot_start():
        raise worker.WorkerUnavailable("no processes here")

    monkeypatch.setattr(worker, "_Worker", cannot_start)
    monkeypatch.setattr(worker, "_pool", worker.BuildPool(1))
    jobs = [CorpusJob(CorpusRequest(name="fallback", files=_files(f"fallback{k}", 2))).start() for k in range(3)]
    for job in jobs:  # the first found no worker; those already in line follow it onto threads
        assert job.wait(TIMEOUT) and job.error is None and job.worker_pid is None
    assert not worker.pool().processes
    assert not worker.pool().submit(CorpusJob(CorpusRequest(name="next", files=_files("next", 1))))


@pytest.mark.parametrize(("value", "count"), [("0", 0), ("1", 1), ("3", 3)])
def test_worker_count_follows_the_setting(monkeypatch, value, count):
    monkeypatch.setenv(worker.WORKERS_ENV_VAR, value)
    assert worker.worker_count() == count


def test_an_idle_worker_is_stopped_and_the_next_build_starts_another(pool, monkeypatch):
    monkeypatch.setattr(worker, "IDLE_SECONDS", 1.0)
    first = CorpusJob(CorpusRequest(name="first", files=_files("idle", 1))).start()
    assert first.wait(TIMEOUT) and first.error is None
    _wait_for(lambda: not pool.workers, timeout=30)
    assert not psutil.pid_exists(first.worker_pid) or psutil.Process(first.worker_pid).status() == "zombie"
    second = CorpusJob(CorpusRequest(name="second", files=_files("idle", 1))).start()
    assert second.wait(TIMEOUT) and second.error is None and second.worker_pid != first.worker_pid


def test_a_changed_setting_starts_a_fresh_worker(pool, monkeypatch, tmp_path):
    first = CorpusJob(CorpusRequest(name="first", files=_files("setting", 1))).start()
    assert first.wait(TIMEOUT) and first.error is None
    monkeypatch.setenv("NEWSDASH_CACHE_DIR", str(tmp_path / "other-cache"))
    second = CorpusJob(CorpusRequest(name="second", files=_files("setting", 1))).start()
    assert second.wait(TIMEOUT) and second.error is None and second.worker_pid != first.worker_pid
    assert (tmp_path / "other-cache").is_dir()  # the new worker wrote its per-article results there
